package instrument

import "appraise.app/appraise/internal/appraise"

// DefaultFor returns the instrument a design is appraised with unless the
// user chooses another; empty when no built-in checklist fits (a
// cross-sectional study, "other", or no design yet).
func DefaultFor(d appraise.StudyDesign) appraise.InstrumentID {
	switch d {
	case appraise.DesignCaseSeries:
		return appraise.InstrumentJBICaseSeries
	case appraise.DesignCaseReport:
		return appraise.InstrumentJBICaseReport
	case appraise.DesignRandomisedTrial:
		return appraise.InstrumentCASPRCT
	case appraise.DesignCohort:
		return appraise.InstrumentCASPCohort
	case appraise.DesignCaseControl:
		return appraise.InstrumentCASPCaseControl
	case appraise.DesignSystematic, appraise.DesignMetaAnalysis:
		return appraise.InstrumentCASPSystematicReview
	case appraise.DesignQualitative:
		return appraise.InstrumentCASPQualitative
	case appraise.DesignDiagnostic:
		return appraise.InstrumentCASPDiagnostic
	}
	return ""
}

// ProposeLevel proposes the Oxford CEBM 2011 level of evidence for a
// design, read for a question of treatment benefit (diagnostic accuracy
// studies for a question of diagnosis): systematic review or meta-analysis
// 1, randomised trial 2, cohort 3, case-control, case series and
// cross-sectional 4, case report 5, diagnostic accuracy 2. Qualitative
// research, "other" and no design get 0: the CEBM table has no row for
// them, and the user sets a level with a reason if they want one.
func ProposeLevel(d appraise.StudyDesign) appraise.EvidenceLevel {
	switch d {
	case appraise.DesignSystematic, appraise.DesignMetaAnalysis:
		return 1
	case appraise.DesignRandomisedTrial, appraise.DesignDiagnostic:
		return 2
	case appraise.DesignCohort:
		return 3
	case appraise.DesignCaseControl, appraise.DesignCaseSeries, appraise.DesignCrossSectional:
		return 4
	case appraise.DesignCaseReport:
		return 5
	}
	return 0
}

// LevelText describes a CEBM level in a few words, for handouts.
func LevelText(l appraise.EvidenceLevel) string {
	switch l {
	case 1:
		return "Level 1 (systematic review of trials)"
	case 2:
		return "Level 2 (randomised trial or equivalent)"
	case 3:
		return "Level 3 (non-randomised controlled study)"
	case 4:
		return "Level 4 (case series, case-control or historically controlled)"
	case 5:
		return "Level 5 (mechanism-based reasoning, single case)"
	}
	return "No level"
}

// StartCertainty is the GRADE certainty a design starts from: randomised
// trials, reviews of them and diagnostic accuracy studies start high,
// observational and other designs low.
func StartCertainty(d appraise.StudyDesign) appraise.Certainty {
	switch d {
	case appraise.DesignRandomisedTrial, appraise.DesignSystematic, appraise.DesignMetaAnalysis, appraise.DesignDiagnostic:
		return appraise.CertaintyHigh
	}
	return appraise.CertaintyLow
}
