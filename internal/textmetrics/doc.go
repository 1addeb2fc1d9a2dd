// Package textmetrics scores extracted text against a reference text: word
// recall, precision and F1 over bags of words, and reading-order agreement
// as the longest common subsequence of the two word sequences divided by the
// reference's length. It also takes page furniture out of a pdftotext
// reference by a rule independent of the extractor (WithoutFurniture).
//
// It owns the one definition of "word" the project measures with, so the
// layout tests in pdfextract and the eval tool (internal/cmd/evalextract)
// agree on every number. Words are the whitespace-separated tokens of the
// text after Unicode NFKC folding and lower-casing, with every rune that is
// not a letter, digit or mark removed; a token left empty is no word (so
// "case-control" is the word "casecontrol", "p = 0.05" gives "p" and "005",
// and "—" gives nothing).
//
// It imports the standard library and golang.org/x/text only; it must not
// import pdfextract, Fyne, bbolt or any other package of this module.
package textmetrics
