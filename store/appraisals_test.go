package store

import (
	"errors"
	"path/filepath"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestAppraisalUpdatesAreAllOrNothingAndSurviveReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	c := newClock()
	s := openAt(t, path, c)
	p := mustPutPaper(t, s, 1, "Postpartum case series")
	if pa, err := s.Appraisal(p.ID); err != nil || pa.Paper != p.ID || len(pa.Checklists) != 0 {
		t.Fatalf("fresh appraisal = %+v, %v", pa, err)
	}
	_, err := s.UpdateAppraisal(p.ID, func(pa *appraise.PaperAppraisal) error {
		pa.Instrument = appraise.InstrumentJBICaseSeries
		pa.Checklists = []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries,
			Answers: []appraise.ItemAnswer{{Item: 4, Answer: appraise.AnswerNo, Comment: "<b>not</b> consecutive"}}}}
		pa.Card.BottomLine = "not stored here"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if _, err := s.UpdateAppraisal(p.ID, func(pa *appraise.PaperAppraisal) error {
		pa.Checklists = nil
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if _, err := s.UpdateAppraisal("0000000000000000000000000000000000000000000000000000000000000009", func(*appraise.PaperAppraisal) error { return nil }); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("unknown paper: %v", err)
	}
	s.Close()
	s = openAt(t, path, c)
	pa, err := s.Appraisal(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(pa.Checklists) != 1 || pa.Checklists[0].Answers[0].Comment != "<b>not</b> consecutive" || pa.Card.BottomLine != "" {
		t.Errorf("after reopening: %+v", pa)
	}
}

func TestCustomInstrumentsAreKeptById(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "library.db"), newClock())
	for _, v := range []string{"1", "2"} {
		if err := s.PutInstrument(appraise.Instrument{ID: "club", Name: "Club", Version: v}); err != nil {
			t.Fatal(err)
		}
	}
	s.PutInstrument(appraise.Instrument{ID: "alpha", Name: "Alpha"})
	got, err := s.CustomInstruments()
	if err != nil || len(got) != 2 || got[0].ID != "alpha" || got[1].Version != "2" {
		t.Errorf("instruments = %+v, %v", got, err)
	}
	if err := s.PutInstrument(appraise.Instrument{ID: "a\x00b"}); err == nil {
		t.Error("an id with NUL was stored")
	}
}
