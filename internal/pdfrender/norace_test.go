//go:build !race

package pdfrender

const raceEnabled = false
