// Package appraise is Appraise's vocabulary: the paper a clinician reads, the
// text the extractor produced from it, the passages they tag, the tags, the
// annotations and the errors every layer speaks in, and the structured
// appraisal of a paper: instruments (checklists) and their answers with
// evidence, the evidence level, GRADE certainty per claim, typed links
// between annotations and the PICO, gathered in PaperAppraisal, with
// resolved views (ChecklistView, CertaintyView, LevelView, AppraisalReport)
// for the GUI and exports. The knowledge that fills them (checklist
// definitions, level proposals, GRADE arithmetic) lives in
// internal/instrument.
//
// It owns the domain types and the small interfaces adapters implement
// (Store, Extractor). It imports the standard library only: no Fyne, no
// bbolt, no PDF library, no other package of this module. Adapters (store,
// pdfextract, ui) and use cases (internal/library) depend on it, never the
// other way round.
//
// Text positions: every character offset in this package (Block.Start,
// Passage.Start, Anchor.Start, …) counts Unicode code points (runes) into
// Document.Text, the paper's whole extracted text, with the end offset
// exclusive. Code points, not bytes or UTF-16 units, so offsets survive
// transport through JSON and match what a user perceives as characters for
// the Latin, Greek and symbol text of clinical papers.
package appraise
