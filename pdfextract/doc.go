// Package pdfextract turns PDF bytes into an appraise.Document: positioned
// glyphs from the content streams, then words, lines and blocks in reading
// order, then passages.
//
// It is the only package that imports github.com/ledongthuc/pdf. It must
// not import Fyne, bbolt or any other adapter; it speaks in
// internal/appraise types. Because the PDF library can hang or exhaust
// memory on hostile files, callers extract through a child process (the
// same binary re-executed) with a wall-clock limit and a memory cap.
//
// How the library is used: it opens the file (after open*.go has fixed the
// header, cut trailing junk, or rebuilt the cross-reference table by
// scanning) and resolves objects through its Value API. Content streams
// and CMaps are not run through its Interpret: its tokenizer panics on
// inline-image data, loops forever on an unterminated hex string and boxes
// every token, so interp_lex.go tokenizes the inflated bytes itself. Its
// text APIs (Content, GetPlainText, Font.Width) are not used at all.
package pdfextract

// Version names the extractor's output. Bump it whenever offsets or text
// can change for the same PDF: the library re-anchors annotations then.
// 0.2.0: invisible text beside visible text, annotation and form-field
// text, run-in headings, paragraphs joined across floats, superscript
// kinds, accents, Advent symbol fonts; passages cite the page where they
// start (Block.PageBreaks).
// 0.3.0: every line knows where it is printed (Document.Lines, for the
// page view and annotated PDFs); sidebars, in-column boxes and flow-chart
// boxes are blocks of their own; two headings set in one line split;
// Type 3 bitmap fonts' em from their glyph widths.
const Version = "0.3.0"
