package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// A paragraph is joined over a float in its own column only from a last
// line that starts at the column's left edge, where the text it goes on
// with starts: text that merely sits above a float and stops mid-sentence
// — a table's rows set to the right, a line that a margin note shares —
// does not take the lower-case text below the float as its own.

func TestFloatJoinNeedsALastLineAtTheColumnEdge(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string // blocks, whole and in this order (others may come between)
	}{
		{
			// A table that is not read as one (label and number one space
			// apart), its rows ending at the right, then its caption, then
			// text going on from the other column's paragraph.
			"the rows of a table set to the right keep to themselves",
			testpdf.Lines("F1", 10, 72, 720, 12,
				"We trained the extraction model on the development set of the shared task and we",
				"report its scores on the test set in Table 3, which compares three variants of it.") +
				rightAligned(400, 680, 10, 12, "Description F1", "Without LM 49.9", "With LM 54.1", "Avg. of 15 models with LM 55.2") +
				testpdf.Lines("F1", 8, 72, 620, 9.6, "Table 3. Results of the entity extraction model on the development set.") +
				testpdf.Lines("F1", 10, 72, 590, 12,
					"with a similar architecture, but trained on other data, three more instances were",
					"run by the deployed system to extract the key entity mentions of each paper."),
			// (The rows' own block is left out: read as a table or not,
			// they must not take the text under the caption.)
			[]string{
				"We trained the extraction model on the development set of the shared task and we report its scores on the test set in Table 3, which compares three variants of it.",
				"Table 3. Results of the entity extraction model on the development set.",
				"with a similar architecture, but trained on other data, three more instances were run by the deployed system to extract the key entity mentions of each paper.",
			},
		},
		{
			// A journal's margin column beside the body: its first note
			// shares a baseline with the keywords line, the next notes
			// are floats, and the body goes on below them.
			"a line that a margin note shares does not pull up the text below the notes",
			testpdf.Lines("F1", 10, 166, 720, 12,
				"Abstract: Deinococcus radiodurans resists radiation, desiccation and oxidative stress.",
				"Here we describe a restriction-modification system that keeps its cells alive when the",
				"genome is damaged, and the enzymes that make it up.") +
				testpdf.Lines("F1", 7.5, 36, 672, 12,
					"Characterization of a Novel",
					"Methylcytosine Restriction-",
					"Modification System.",
					"Int. J. Mol. Sci. 2024, 25, 1660.") +
				testpdf.Lines("F1", 10, 166, 672, 12,
					"Keywords: Deinococcus radiodurans; methyltransferase; restriction endonuclease; R-M system") +
				testpdf.Lines("F1", 10, 166, 610, 12,
					"of prokaryotes, where the systems are sorted into four types by their subunits, the site",
					"they recognise, the cofactors they need and the position at which they cut the DNA."),
			[]string{
				"Abstract: Deinococcus radiodurans resists radiation, desiccation and oxidative stress.",
				"Here we describe a restriction-modification system that keeps its cells alive when the genome is damaged, and the enzymes that make it up.",
				"Characterization of a Novel Keywords: Deinococcus radiodurans; methyltransferase; restriction endonuclease; R-M system",
				"Methylcytosine Restriction-Modification System.",
				"Int. J. Mol. Sci. 2024, 25, 1660.",
				"of prokaryotes, where the systems are sorted into four types by their subunits, the site they recognise, the cofactors they need and the position at which they cut the DNA.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(testpdf.NewDoc(tt.content).Bytes(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSuffix(doc.Text, "\n"), "\n\n")
			if !inOrder(got, tt.want) {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// inOrder reports whether want are blocks of got, in this order.
func inOrder(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

// Corpus check (skipped without $APPRAISE_CORPUS): on page 5 of the
// Semantic Scholar literature graph paper (NAACL 2018) the text below
// Table 3's caption is not joined to the table's rows, and on page 1 of
// the MDPI paper (IJMS 2024) the introduction's second paragraph is not
// pulled up onto the keywords line that a margin note shares.
func TestCorpusFloatJoinKeepsOffTablesAndMarginNotes(t *testing.T) {
	for _, tc := range []struct {
		file      string
		page      int
		after     string // text that goes on below a float
		notJoined string // text above the float that is not its paragraph
	}{
		{"naacl2018-n18-3011-s2-literature-graph", 5, "with a similar architecture, but trained on", "Avg. of 15 models with LM 55.2"},
		{"mdpi-ijms-2024-25-1660", 1, "of prokaryotes [3]. R-M systems are categorized", "Keywords: Deinococcus radiodurans"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc := corpusDoc(t, tc.file)
			rs := []rune(doc.Text)
			found := false
			for _, b := range doc.Blocks {
				text := string(rs[b.Start:b.End])
				if b.Page != tc.page || !strings.Contains(text, tc.after) {
					continue
				}
				found = true
				if strings.Contains(text, tc.notJoined) {
					t.Errorf("page %d: %q joined to the block holding %q:\n%s", tc.page, tc.after, tc.notJoined, text)
				}
			}
			if !found {
				t.Errorf("no block of page %d holds %q", tc.page, tc.after)
			}
		})
	}
}
