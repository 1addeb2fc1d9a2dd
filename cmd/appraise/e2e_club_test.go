//go:build e2e

package main

import (
	"bytes"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/authors"
)

// TestEndToEndJournalClub: the lead tags the demo paper and exports a
// bundle; the trainee, who has tagged it too, opens the bundle with
// Appraise (as a file manager does: appraise club.jsonld). The app
// imports it, reports, opens the paper and shows both members' marks in
// the annotations panel; the library then holds both readings.
func TestEndToEndJournalClub(t *testing.T) {
	bin := e2eBin(t)
	root := moduleRoot(t)
	const lead, trainee = "Lead Ana", "E2E Tester"
	if authors.Color(lead) == authors.Color(trainee) {
		t.Fatal("pick two names with different colours")
	}
	leadBox := newSandbox(t, map[string]any{"author": lead, "author_asked": true})
	leadBox.cli(t, bin, root, "import", "assets/demo.pdf")
	for _, q := range []string{"postpartum", "randomised"} {
		leadBox.cli(t, bin, root, "annotate", "--paper", "assets/demo.pdf", "--quote", q, "--occurrence", "1", "--tag", "claim", "--author", lead)
	}
	bundle := filepath.Join(t.TempDir(), "club.jsonld")
	leadBox.cli(t, bin, root, "export", "--paper", "assets/demo.pdf", "--format", "jsonld", "-o", bundle)

	x := startX(t, 1280, 800)
	sb := newSandbox(t, map[string]any{"author": trainee, "author_asked": true,
		"window_width": 1280.0, "window_height": 800.0})
	sb.cli(t, bin, root, "import", "assets/demo.pdf")
	sb.cli(t, bin, root, "annotate", "--paper", "assets/demo.pdf", "--quote", "depression", "--occurrence", "1", "--tag", "population", "--author", trainee)

	app := sb.startApp(t, x, bin, root, bundle)
	id, _, _, _, _ := x.window(t, app, "^Appraise")
	x.must(t, "windowfocus", "--sync", id)
	before := x.settled(t)
	// The import report is up (it dims the window); Return closes it.
	x.must(t, "key", "Return")
	before = x.changedFrom(t, before, true)
	for _, who := range []string{lead, trainee} {
		if !hasColor(t, before, authors.Color(who)) {
			t.Errorf("no %s mark (%s) on screen after importing the bundle", who, authors.Color(who))
		}
	}
	x.must(t, "key", "ctrl+q")
	app.waitExit(t, 20*time.Second)
	out := sb.cli(t, bin, root, "list", "annotations", "--paper", "assets/demo.pdf")
	for _, who := range []string{lead, trainee} {
		if !strings.Contains(out, who) {
			t.Errorf("the library lacks %s's annotations:\n%s", who, out)
		}
	}
	if strings.Contains(app.stderr.String(), "panic") {
		t.Errorf("the app panicked:\n%s", app.stderr.String())
	}
}

// hasColor reports whether a screenshot has a run of at least 20 pixels
// of colour hex (#rrggbb), give or take 2 per channel.
func hasColor(t *testing.T, shot []byte, hex string) bool {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	var want [3]int
	for i := range 3 {
		want[i] = hexByte(hex[1+2*i:])
	}
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if near(img, x, y, want) {
				n++
				if n >= 20 {
					return true
				}
			}
		}
	}
	return false
}

func near(img image.Image, x, y int, want [3]int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
	for i := range 3 {
		if d := got[i] - want[i]; d < -2 || d > 2 {
			return false
		}
	}
	return true
}

func hexByte(s string) int {
	v := 0
	for _, c := range s[:2] {
		v *= 16
		switch {
		case c >= '0' && c <= '9':
			v += int(c - '0')
		case c >= 'a' && c <= 'f':
			v += int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			v += int(c-'A') + 10
		}
	}
	return v
}
