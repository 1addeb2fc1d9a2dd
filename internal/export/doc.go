// Package export writes one paper's annotations for people and programs
// outside Appraise: the journal-club handout (self-contained HTML), Markdown,
// CSV for spreadsheets and W3C Web Annotation JSON-LD, and reads that
// JSON-LD back (DecodeJSONLD) for import and merge.
//
// It owns the four formats and their escaping rules. Writers are pure: they
// take an Input the caller has already filtered and write to an io.Writer;
// they never open files, never touch the store and never reach the network.
// Callers that write files use internal/atomicfile.
//
// It imports internal/appraise and the standard library only: no store, no
// pdfextract, no Fyne, no other adapter.
//
// Untrusted text. Quotes come from arbitrary PDFs and notes, authors and
// tags may come from imported bundles, so every format treats them as
// hostile: HTML goes through html/template under a Content-Security-Policy
// that allows no script and no remote resource; Markdown escapes every
// character that could start markup; CSV defuses spreadsheet formulas; and
// DecodeJSONLD bounds its input and validates every field.
package export
