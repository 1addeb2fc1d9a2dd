package instrument

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestBuiltinInstrumentsHaveTheirPublishedShape(t *testing.T) {
	want := map[appraise.InstrumentID]struct {
		items   int
		answers []appraise.Answer
	}{
		appraise.InstrumentJBICaseSeries:        {10, []appraise.Answer{"yes", "no", "unclear", "not applicable"}},
		appraise.InstrumentJBICaseReport:        {8, []appraise.Answer{"yes", "no", "unclear", "not applicable"}},
		appraise.InstrumentCASPRCT:              {11, []appraise.Answer{"yes", "no", "can't tell"}},
		appraise.InstrumentCASPCohort:           {12, []appraise.Answer{"yes", "no", "can't tell"}},
		appraise.InstrumentCASPCaseControl:      {11, []appraise.Answer{"yes", "no", "can't tell"}},
		appraise.InstrumentCASPSystematicReview: {10, []appraise.Answer{"yes", "no", "can't tell"}},
		appraise.InstrumentCASPQualitative:      {10, []appraise.Answer{"yes", "no", "can't tell"}},
		appraise.InstrumentCASPDiagnostic:       {12, []appraise.Answer{"yes", "no", "can't tell"}},
	}
	got := Builtin()
	if len(got) != len(want) {
		t.Fatalf("%d built-in instruments, want %d", len(got), len(want))
	}
	for _, in := range got {
		w, ok := want[in.ID]
		if !ok {
			t.Errorf("unexpected instrument %s", in.ID)
			continue
		}
		if len(in.Items) != w.items {
			t.Errorf("%s has %d items, want %d", in.ID, len(in.Items), w.items)
		}
		if got := in.AnswerChoices(); len(got) != len(w.answers) {
			t.Errorf("%s answers %v, want %v", in.ID, got, w.answers)
		} else {
			for i := range got {
				if got[i] != w.answers[i] {
					t.Errorf("%s answers %v, want %v", in.ID, got, w.answers)
				}
			}
		}
		if in.Name == "" || in.Version == "" || in.Source == "" || in.Custom {
			t.Errorf("%s: name %q version %q source %q custom %v", in.ID, in.Name, in.Version, in.Source, in.Custom)
		}
		for i, it := range in.Items {
			if it.Number != i+1 || it.Text == "" || it.Hint == "" {
				t.Errorf("%s item %d = %+v, want numbered in order with text and hint", in.ID, i+1, it)
			}
		}
	}
}

func TestBuiltinReturnsCopiesACallerCannotCorrupt(t *testing.T) {
	a := Builtin()
	a[0].Items[0].Text = "changed"
	if b := Builtin(); b[0].Items[0].Text == "changed" {
		t.Error("a caller's change reached the built-in definitions")
	}
}

func TestEveryDesignProposesAnExistingInstrumentLevelAndStart(t *testing.T) {
	tests := []struct {
		design     appraise.StudyDesign
		instrument appraise.InstrumentID
		level      appraise.EvidenceLevel
		start      appraise.Certainty
	}{
		{appraise.DesignCaseSeries, appraise.InstrumentJBICaseSeries, 4, appraise.CertaintyLow},
		{appraise.DesignCaseReport, appraise.InstrumentJBICaseReport, 5, appraise.CertaintyLow},
		{appraise.DesignRandomisedTrial, appraise.InstrumentCASPRCT, 2, appraise.CertaintyHigh},
		{appraise.DesignCohort, appraise.InstrumentCASPCohort, 3, appraise.CertaintyLow},
		{appraise.DesignCaseControl, appraise.InstrumentCASPCaseControl, 4, appraise.CertaintyLow},
		{appraise.DesignSystematic, appraise.InstrumentCASPSystematicReview, 1, appraise.CertaintyHigh},
		{appraise.DesignMetaAnalysis, appraise.InstrumentCASPSystematicReview, 1, appraise.CertaintyHigh},
		{appraise.DesignQualitative, appraise.InstrumentCASPQualitative, 0, appraise.CertaintyLow},
		{appraise.DesignDiagnostic, appraise.InstrumentCASPDiagnostic, 2, appraise.CertaintyHigh},
		{appraise.DesignCrossSectional, "", 4, appraise.CertaintyLow},
		{appraise.DesignOther, "", 0, appraise.CertaintyLow},
		{appraise.DesignUnset, "", 0, appraise.CertaintyLow},
	}
	for _, tt := range tests {
		t.Run(string(tt.design), func(t *testing.T) {
			if got := DefaultFor(tt.design); got != tt.instrument {
				t.Errorf("DefaultFor = %q, want %q", got, tt.instrument)
			}
			if tt.instrument != "" {
				if _, ok := BuiltinByID(tt.instrument); !ok {
					t.Errorf("default %s is not a built-in instrument", tt.instrument)
				}
			}
			if got := ProposeLevel(tt.design); got != tt.level {
				t.Errorf("ProposeLevel = %d, want %d", got, tt.level)
			}
			if got := StartCertainty(tt.design); got != tt.start {
				t.Errorf("StartCertainty = %q, want %q", got, tt.start)
			}
		})
	}
	for _, d := range appraise.StudyDesigns() {
		if d != appraise.DesignOther && d != appraise.DesignCrossSectional && DefaultFor(d) == "" {
			t.Errorf("design %q has no default instrument", d)
		}
	}
}
