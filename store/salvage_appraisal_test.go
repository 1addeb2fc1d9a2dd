package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// An appraisal and a custom checklist made after the last backup survive
// damage to the library file: recovery restores the backup, then salvages
// them from the damaged copy.
func TestSalvageRecoversAppraisalsAndChecklists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	c := newClock()
	s := openAt(t, path, c)
	p := mustPutPaper(t, s, 1, "Postpartum case series")
	if _, err := s.StartupBackup(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateAppraisal(p.ID, func(pa *appraise.PaperAppraisal) error {
		pa.Instrument = appraise.InstrumentJBICaseSeries
		pa.Checklists = []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries,
			Answers: []appraise.ItemAnswer{{Item: 4, Answer: appraise.AnswerNo, Comment: "not consecutive"}}}}
		pa.Modified = c.Now()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutInstrument(appraise.Instrument{ID: "club", Name: "Club quick check", Family: "custom",
		Items: []appraise.InstrumentItem{{Number: 1, Text: "Is the question clear?"}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Zero both meta pages: nothing of the file's structure can be trusted.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	clear(b[:2*4096])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	s = openAt(t, path, c)
	rep := s.Report()
	if !rep.Restored() || rep.Salvage.Recovered["appraisals"] != 1 || rep.Salvage.Recovered["checklists"] != 1 {
		t.Fatalf("report = %+v", rep.Salvage)
	}
	pa, err := s.Appraisal(p.ID)
	if err != nil || len(pa.Checklists) != 1 || pa.Checklists[0].Answers[0].Comment != "not consecutive" {
		t.Fatalf("appraisal after recovery = %+v, %v", pa, err)
	}
}
