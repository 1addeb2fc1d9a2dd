// Package demopaper generates Appraise's bundled demo paper: a fictional,
// two-column clinical case series typeset with github.com/go-pdf/fpdf in
// the Go fonts (embedded TrueType, so the PDF has Identity-H fonts with a
// ToUnicode map), and its ground truth, the exact reading-order text an
// ideal extractor produces (see pdfextract/CONTRACT.md, "demo truth").
//
// The package does its own line breaking, hyphenation and justification so
// that it knows exactly where every hyphen falls: soft hyphens added at line
// ends are undone in the truth, real compound hyphens ("follow-up") are kept
// even when they end a line. Output is deterministic: the same bytes on
// every run.
//
// It owns the paper's prose (content_*.go, all invented), its typesetting
// and the truth. It imports the standard library, fpdf and the Go fonts
// from golang.org/x/image only: no Fyne, bbolt, PDF-reading library or
// adapter package. The cmd internal/cmd/mkdemo writes assets/demo.pdf and
// assets/demo.truth.txt with it (go generate ./assets).
package demopaper
