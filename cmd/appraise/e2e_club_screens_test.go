//go:build e2e

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestClubScreenshots writes the README's journal-club screenshots: the
// reader with two members' readings, and the comparison of a trainee's
// reading with the lead's, in light and dark at 1280×800 and 1024×640.
// Like TestScreenshots it needs APPRAISE_SCREENSHOTS.
func TestClubScreenshots(t *testing.T) {
	bin := e2eBin(t)
	out := os.Getenv("APPRAISE_SCREENSHOTS")
	if out == "" {
		t.Skip("APPRAISE_SCREENSHOTS is not set: name a folder to write the screenshots to")
	}
	root := moduleRoot(t)
	const lead, trainee = "Dr M. Ostrowski", "Sam Reyes"
	leadBox := newSandbox(t, map[string]any{"author": lead, "author_asked": true})
	leadBox.cli(t, bin, root, "import", "assets/demo.pdf")
	for _, a := range [][3]string{
		{"population", "We describe three women aged 24–36 years with moderate postpartum depression", "Three women, one clinic."},
		{"claim", "All three patients showed a reduction of at least 50% in their Edinburgh Postnatal Depression Scale score by week 12", "A fall in a screening score, not remission."},
		{"limitation", "Data were obtained by retrospective review of the clinical records.", "Retrospective: no standard measurement schedule."},
		{"limitation", "none needed psychiatric admission", "Too few women to say anything about admission."},
	} {
		leadBox.cli(t, bin, root, "annotate", "--paper", "assets/demo.pdf", "--quote", a[1], "--tag", a[0], "--note", a[2], "--author", lead)
	}
	// The lead's checklist travels in the bundle under the lead's name.
	leadBox.env = append(leadBox.env, "APPRAISE_AUTHOR="+lead)
	appraiseWith(t, leadBox, bin, root, [][]string{{"1", "yes"}, {"2", "no", "Depression measured only by a screening score."},
		{"3", "yes"}, {"4", "unclear", "Consecutive inclusion is not stated."}, {"5", "yes"}})
	bundle := filepath.Join(t.TempDir(), "ostrowski.jsonld")
	leadBox.cli(t, bin, root, "export", "--paper", "assets/demo.pdf", "--format", "jsonld", "-o", bundle)

	for _, theme := range []string{"light", "dark"} {
		for _, size := range [][2]int{{1280, 800}, {1024, 640}} {
			name := fmt.Sprintf("%s-%dx%d", theme, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				x := startX(t, size[0], size[1])
				sb := newSandbox(t, map[string]any{"author": trainee, "author_asked": true, "theme": theme,
					"window_width": float64(size[0]), "window_height": float64(size[1])})
				sb.cli(t, bin, root, "import", "assets/demo.pdf")
				for _, a := range [][2]string{
					{"population", "We describe three women aged 24–36 years with moderate postpartum depression"},
					{"claim", "All three patients showed a reduction of at least 50% in their Edinburgh Postnatal Depression Scale score by week 12"},
					{"claim", "Two of the three remained below the screening threshold at the 24-week follow-up visit."},
				} {
					sb.cli(t, bin, root, "annotate", "--paper", "assets/demo.pdf", "--quote", a[1], "--tag", a[0], "--author", trainee)
				}
				appraiseWith(t, sb, bin, root, [][]string{{"1", "yes"}, {"2", "yes"}, {"3", "yes"}, {"4", "no"}, {"5", "yes"}})
				app := sb.startApp(t, x, bin, root, bundle)
				id, _, _, _, _ := x.window(t, app, "^Appraise")
				x.must(t, "windowfocus", "--sync", id)
				before := x.settled(t)
				x.must(t, "key", "Return") // close the import report
				x.changedFrom(t, before, true)
				x.screenshot(t, filepath.Join(out, "club-two-readings-"+name+".png"))
				before = x.settled(t)
				x.must(t, "key", "ctrl+k")
				before = x.changedFrom(t, before, true)
				x.must(t, "key", "Return") // compare with the lead
				x.changedFrom(t, before, true)
				x.screenshot(t, filepath.Join(out, "club-compare-"+name+".png"))
			})
		}
	}
}

// appraiseWith sets the demo paper's design (case series) and answers its
// JBI checklist: each answer is item, answer and an optional comment.
func appraiseWith(t *testing.T, sb *sandbox, bin, root string, answers [][]string) {
	t.Helper()
	sb.cli(t, bin, root, "card", "--paper", "assets/demo.pdf", "--design", "case series")
	for _, a := range answers {
		args := []string{"checklist", "--paper", "assets/demo.pdf", "--item", a[0], "--answer", a[1]}
		if len(a) > 2 {
			args = append(args, "--comment", a[2])
		}
		sb.cli(t, bin, root, args...)
	}
}
