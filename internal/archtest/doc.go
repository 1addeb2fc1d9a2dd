// Package archtest holds the tests that keep Appraise's layers apart: which
// package may import bbolt, the PDF library and Fyne, and that the domain
// package stays on the standard library. It has no code of its own and
// imports nothing from this module.
package archtest
