// Package instrument is Appraise's appraisal knowledge as data and pure
// functions: the built-in checklists (JBI case series and case report;
// CASP randomised trial, cohort, case-control, systematic review,
// qualitative and diagnostic), each an embedded, versioned TOML file under
// defs/ with its items paraphrased in our own words and the source cited;
// the parser that reads those files and a lead's custom checklist (TOML or
// JSON, errors naming the line and field, all or nothing); which checklist,
// Oxford CEBM 2011 level and GRADE starting certainty a study design
// suggests; the GRADE arithmetic; and the PICO proposer that reads "n = 3",
// "aged 24–36" or "up to 24 months" from a passage.
//
// It imports internal/appraise and the TOML decoder only: no store, no
// GUI, no I/O beyond the embedded files.
package instrument
