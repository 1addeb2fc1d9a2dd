package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

var update = flag.Bool("update", false, "rewrite testdata/schema-<current>.db and .json from the current code")

// fillFixture puts one of everything the schema holds into a library:
// papers with an appraisal, a cached extraction, a user tag, annotations
// with history, a trashed one.
func fillFixture(tb testing.TB, s *Store) {
	tb.Helper()
	p := mustPutPaper(tb, s, 1, "Budesonide in Childhood Asthma: a Randomised Trial")
	p.Meta.Authors = []string{"A. Author", "B. Author"}
	p.Meta.DOI = "10.1000/example"
	p.Appraisal = appraise.Appraisal{Design: appraise.DesignRandomisedTrial, Timing: appraise.TimingProspective,
		SampleSize: "n = 120", Setting: "three clinics", BottomLine: "Small but careful."}
	if err := s.PutPaper(p); err != nil {
		tb.Fatal(err)
	}
	mustPutPaper(tb, s, 2, "Knee Surgery Outcomes")
	if err := s.PutDocument(p.ID, testDocument("v1")); err != nil {
		tb.Fatal(err)
	}
	if err := s.PutTag(appraise.Tag{Name: "selection bias", Color: "#8e44ad", Key: "s", Description: "Who got in"}); err != nil {
		tb.Fatal(err)
	}
	a := ann("11111111-1111-4111-8111-111111111111", 1, 0, "Patients with asthma were randomised", appraise.TagPopulation)
	mustPut(tb, s, a)
	a.Note = "Children only, 6–12 years"
	a.Tags = append(a.Tags, "selection bias")
	mustPut(tb, s, a)
	mustPut(tb, s,
		ann("22222222-2222-4222-8222-222222222222", 1, 40, "budesonide or placebo", appraise.TagClaim),
		ann("33333333-3333-4333-8333-333333333333", 2, 3, "Twelve weeks", appraise.TagLimitation))
	if err := s.DeleteAnnotation("33333333-3333-4333-8333-333333333333", time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)); err != nil {
		tb.Fatal(err)
	}
	fillAppraisalFixture(tb, s, p.ID)
	fillMemberFixture(tb, s, p.ID)
}

// fillMemberFixture brings in a journal-club member's appraisal (schema
// 5) as a bundle import does.
func fillMemberFixture(tb testing.TB, s *Store, paper appraise.PaperID) {
	tb.Helper()
	at := time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC)
	pa := appraise.PaperAppraisal{Paper: paper, Author: "Dr Lee", Modified: at, Instrument: appraise.InstrumentCASPRCT,
		Checklists: []appraise.Checklist{{Instrument: appraise.InstrumentCASPRCT, Answers: []appraise.ItemAnswer{
			{Item: 1, Answer: appraise.AnswerNo, Comment: "Question too broad", Modified: at}}}}}
	err := s.Import(appraise.ImportBatch{Appraisals: []appraise.AppraisalImport{{Appraisal: pa}},
		DecideAppraisal: func(_ *appraise.PaperAppraisal, in appraise.PaperAppraisal) (appraise.PaperAppraisal, bool) {
			return in, true
		}})
	if err != nil {
		tb.Fatal(err)
	}
}

// fillAppraisalFixture records a structured appraisal (schema 2): a
// checklist answer with evidence, a level override, a claim's certainty, a
// link, the PICO and a custom instrument.
func fillAppraisalFixture(tb testing.TB, s *Store, paper appraise.PaperID) {
	tb.Helper()
	at := time.Date(2026, 2, 4, 0, 0, 0, 0, time.UTC)
	_, err := s.UpdateAppraisal(paper, func(pa *appraise.PaperAppraisal) error {
		pa.Instrument = appraise.InstrumentCASPRCT
		pa.Level = appraise.LevelChoice{Level: 3, Reason: "Only 40 % followed up", Modified: at}
		pa.Checklists = []appraise.Checklist{{Instrument: appraise.InstrumentCASPRCT, Answers: []appraise.ItemAnswer{
			{Item: 1, Answer: appraise.AnswerYes, Comment: "Clear question", Evidence: []string{"11111111-1111-4111-8111-111111111111"}, Modified: at},
			{Item: 4, NotReported: true, Modified: at},
		}}}
		pa.Certainties = []appraise.ClaimCertainty{{Claim: "22222222-2222-4222-8222-222222222222", Modified: at,
			Domains: []appraise.DomainRating{{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious,
				Reasons: []string{"33333333-3333-4333-8333-333333333333"}, Modified: at}}}}
		pa.Links = []appraise.Link{{From: "33333333-3333-4333-8333-333333333333", To: "22222222-2222-4222-8222-222222222222", Type: appraise.LinkLimits, Created: at}}
		pa.PICO = appraise.PICO{Population: appraise.Population{N: "n = 120", Age: "aged 6–12"}, Intervention: "budesonide", Modified: at}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.PutInstrument(appraise.Instrument{ID: "club-quick", Name: "Club quick check", Version: "1", Family: "custom", Custom: true,
		Answers: []appraise.AnswerOption{{Answer: appraise.AnswerYes, Rating: appraise.RatingGood}},
		Items:   []appraise.InstrumentItem{{Number: 1, Text: "Is the question clear?"}}}); err != nil {
		tb.Fatal(err)
	}
}

// libraryDump is everything a user could lose, for comparing libraries.
type libraryDump struct {
	Papers      []appraise.PaperSummary
	Tags        []appraise.Tag
	Annotations map[string][]appraise.Annotation // per paper, live
	Trash       []appraise.Annotation
	History     map[string][]appraise.Annotation
	Documents   map[string]int // paper → length of the cached text
	Search      []appraise.SearchHit
	// Schema 2 on; empty (so absent) in dumps of older fixtures.
	Appraisals  map[string]appraise.PaperAppraisal `json:",omitempty"`
	Instruments []appraise.Instrument              `json:",omitempty"`
	// Schema 5 on.
	MemberAppraisals map[string][]appraise.PaperAppraisal `json:",omitempty"`
}

func dumpLibrary(tb testing.TB, s *Store) []byte {
	tb.Helper()
	var d libraryDump
	var err error
	must := func(e error) {
		if e != nil {
			tb.Fatal(e)
		}
	}
	d.Papers, err = s.Papers()
	must(err)
	d.Tags, err = s.Tags()
	must(err)
	d.Trash, err = s.Trash()
	must(err)
	d.Annotations, d.History, d.Documents = map[string][]appraise.Annotation{}, map[string][]appraise.Annotation{}, map[string]int{}
	for _, p := range d.Papers {
		as, err := s.Annotations(p.Paper.ID)
		must(err)
		d.Annotations[string(p.Paper.ID)] = as
		for _, a := range append(as, d.Trash...) {
			h, err := s.History(a.ID)
			must(err)
			if len(h) > 0 {
				d.History[a.ID] = h
			}
		}
		if doc, err := s.Document(p.Paper.ID, p.Paper.ExtractorVersion); err == nil {
			d.Documents[string(p.Paper.ID)] = len(doc.Text)
		}
	}
	d.Search, err = s.Search("asthma", 0)
	must(err)
	d.Appraisals = map[string]appraise.PaperAppraisal{}
	for _, p := range d.Papers {
		pa, err := s.Appraisal(p.Paper.ID)
		must(err)
		if !reflect.DeepEqual(pa, appraise.PaperAppraisal{Paper: p.Paper.ID}) {
			d.Appraisals[string(p.Paper.ID)] = pa
		}
	}
	d.Instruments, err = s.CustomInstruments()
	must(err)
	d.MemberAppraisals = map[string][]appraise.PaperAppraisal{}
	for _, p := range d.Papers {
		ms, err := s.MemberAppraisals(p.Paper.ID)
		must(err)
		if len(ms) > 0 {
			d.MemberAppraisals[string(p.Paper.ID)] = ms
		}
	}
	out, err := json.MarshalIndent(d, "", "  ")
	must(err)
	return append(out, '\n')
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	src, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		tb.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestMigratesEveryEarlierSchema opens a fixture library of every schema
// (testdata/schema-N.db, made by the code of its day and never rewritten
// afterwards) and checks that all of its content survives. With -update it
// writes the current schema's fixture and expected dump.
func TestMigratesEveryEarlierSchema(t *testing.T) {
	if *update {
		dir := t.TempDir()
		s := openAt(t, filepath.Join(dir, "fixture.db"), newClock())
		fillFixture(t, s)
		want := dumpLibrary(t, s)
		s.Close()
		name := fmt.Sprintf("testdata/schema-%d", SchemaVersion)
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(t, filepath.Join(dir, "fixture.db"), name+".db")
		if err := os.WriteFile(name+".json", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for v := 1; v <= SchemaVersion; v++ {
		t.Run(fmt.Sprintf("schema %d", v), func(t *testing.T) {
			name := fmt.Sprintf("testdata/schema-%d", v)
			want, err := os.ReadFile(name + ".json")
			if err != nil {
				t.Fatalf("no fixture for schema %d (%v): generate it with go test ./store -run TestMigratesEveryEarlierSchema -update while it is current", v, err)
			}
			path := filepath.Join(t.TempDir(), "library.db")
			copyFile(t, name+".db", path)
			s := openAt(t, path, newClock())
			rep := s.Report()
			if v < SchemaVersion && (rep.MigratedFrom != v || rep.MigrationBackup == "") {
				t.Errorf("report = %+v, want migrated from %d after a backup", rep, v)
			}
			if got := dumpLibrary(t, s); !bytes.Equal(got, want) {
				t.Errorf("content after opening schema %d differs from %s.json:\n%s", v, name, got)
			}
		})
	}
}

// TestMigrationRunsAfterAVerifiedBackupInOneTransaction exercises the
// machinery with a made-up next schema.
func TestMigrationRunsAfterAVerifiedBackupInOneTransaction(t *testing.T) {
	next := SchemaVersion + 1
	t.Run("a step that succeeds", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		c := newClock()
		s := openAt(t, path, c)
		fillFixture(t, s)
		before := dumpLibrary(t, s)
		s.Close()
		plan := schemaPlan{next, map[int]migration{SchemaVersion: func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("new_in_next"))
			return err
		}}}
		s, err := open(path, Options{Now: c.Now}, plan)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		rep := s.Report()
		if rep.MigratedFrom != SchemaVersion {
			t.Fatalf("report = %+v", rep)
		}
		if v, err := verifyFile(rep.MigrationBackup, time.Second, checkFull); err != nil || v != SchemaVersion {
			t.Errorf("migration backup: schema %d, %v; want a verified schema-%d copy", v, err, SchemaVersion)
		}
		s.db.View(func(tx *bolt.Tx) error {
			if v, _ := readSchema(tx); v != next || tx.Bucket([]byte("new_in_next")) == nil {
				t.Errorf("after migrating: schema %d, new bucket %v", v, tx.Bucket([]byte("new_in_next")) != nil)
			}
			return nil
		})
		if after := dumpLibrary(t, s); !bytes.Equal(before, after) {
			t.Errorf("migration changed the content")
		}
	})
	t.Run("a step that fails changes nothing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		c := newClock()
		s := openAt(t, path, c)
		fillFixture(t, s)
		before := dumpLibrary(t, s)
		s.Close()
		boom := errors.New("boom")
		plan := schemaPlan{next, map[int]migration{SchemaVersion: func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bucketAnns); err != nil {
				return err
			}
			return boom
		}}}
		if _, err := open(path, Options{Now: c.Now}, plan); !errors.Is(err, boom) {
			t.Fatalf("err = %v, want the step's error", err)
		}
		s = openAt(t, path, c)
		if after := dumpLibrary(t, s); !bytes.Equal(before, after) {
			t.Errorf("a failed migration changed the library")
		}
	})
}
