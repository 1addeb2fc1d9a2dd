// Package library is Appraise's use cases: open a paper (extract or load
// the cached extraction, re-anchor its annotations when the extractor
// changed), annotate a span or a quoted passage, edit, trash and restore
// annotations, manage tags, record the appraisal, search, and export.
//
// The structured appraisal (appraisal.go, checklist.go, certainty.go,
// links.go): SaveCard, Level/SetLevel, Instruments/Instrument/
// ImportInstrument, ChooseInstrument, Checklist, AnswerItem(In),
// LinkEvidence/UnlinkEvidence, Certainty/Certainties/SetDomain(s),
// AddLink/RemoveLink/Links, SavePICO/ProposePICO, and Appraisal/Report
// for the whole record and its resolved views. Input is checked before
// the store's transaction starts (bad input is appraise.ErrInvalidAppraisal,
// ErrInvalidLink or ErrInvalidChecklist and writes nothing); each change
// is then one UpdateAppraisal transaction whose closure only edits the
// record. Views resolve annotation ids against the live annotations, so
// evidence whose annotation was deleted comes back Missing.
//
// It works on an appraise.Store and an appraise.Extractor handed in by
// cmd/appraise, with an injected clock and id generator, and satisfies the
// GUI's ui.Library interface (cmd/appraise checks that at compile time).
// It imports internal/appraise, internal/anchor, internal/export and
// internal/instrument; it
// must not import the store, the PDF extractor, the GUI or any other
// adapter.
//
// Every method that changes something returns after the store committed
// the change. Methods may block on disk or on extraction and are safe for
// concurrent use.
package library
