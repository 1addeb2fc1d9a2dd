//go:build !race

package pdfextract

// raceBuild is true in race-detector builds (see child_race.go).
const raceBuild = false
