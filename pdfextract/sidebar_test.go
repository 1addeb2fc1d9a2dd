package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/segment"
	"appraise.app/appraise/internal/testpdf"
)

// Generated pages for text set apart from the flow: a journal's sidebar
// column beside the abstract, a box inside a column, two headings set in
// one line, a flow chart's boxes. Each test gives the exact blocks.

// boldDoc is a document whose pages have Helvetica as /F1 and
// Helvetica-Bold as /F2.
func boldDoc(contents ...string) []byte {
	d := testpdf.NewDoc(contents...)
	bold := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", d.Font, bold))
	return d.Bytes()
}

// rightAligned sets each line (Helvetica, size) so that it ends at x1, as a
// journal's margin column does.
func rightAligned(x1, y, size, leading float64, lines ...string) string {
	var b strings.Builder
	for i, l := range lines {
		w := helveticaWidth(l) * size / 1000
		b.WriteString(testpdf.TextAt(x1-w, y-float64(i)*leading, size, l))
	}
	return b.String()
}

// helveticaWidth is the advance of s in Helvetica, in thousandths of an em.
func helveticaWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 128 {
			w += float64(asciiHelvetica[r])
		}
	}
	return w
}

var asciiHelvetica = func() [128]int {
	var w [128]int
	// Printable ASCII from Helvetica's AFM, space (32) to tilde (126).
	ws := []int{278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584}
	copy(w[32:], ws)
	return w
}()

func extractBlocks(t *testing.T, pdf []byte) (appraise.Document, []string) {
	t.Helper()
	doc, err := ExtractBytes(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, string(b.Kind)+": "+string([]rune(doc.Text)[b.Start:b.End]))
	}
	return doc, out
}

func wantBlocks(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// sidebarPage is a first page: a title, an abstract in three parts in a
// wide column at the right, and a narrow margin column of small type at
// the left, right-aligned, with labelled entries whose lines are ragged.
func sidebarPage() []byte {
	main := testpdf.Lines("F2", 16, 200, 720, 19, "A trial of group therapy for postnatal low mood") +
		testpdf.Lines("F1", 10, 200, 660, 12,
			"Background: Low mood after childbirth is common and often untreated in the",
			"community, and group therapy may help mothers.") +
		testpdf.Lines("F1", 10, 200, 620, 12,
			"Methods: We randomised one hundred and twenty mothers to eight weekly group",
			"sessions or to usual care for twelve weeks.") +
		testpdf.Lines("F1", 10, 200, 580, 12,
			"Results: Mood improved more with group therapy than with usual care at twelve",
			"weeks, and still at twenty weeks.") +
		testpdf.Lines("F1", 10, 200, 540, 12,
			"Conclusion: Group therapy helps mothers with low mood after childbirth and",
			"can be offered by community teams.")
	side := rightAligned(170, 680, 7, 9, "OPEN ACCESS") +
		rightAligned(170, 662, 7, 9, "EDITED BY") +
		rightAligned(170, 653, 7, 9, "Ann Lee,", "University of Leeds,", "United Kingdom") +
		rightAligned(170, 617, 7, 9, "REVIEWED BY") +
		rightAligned(170, 608, 7, 9, "Bo Chen, Institute of Human Behaviour", "and Allied Sciences, India", "Cy Diaz, University of Oslo, Norway") +
		rightAligned(170, 572, 7, 9, "*CORRESPONDENCE") +
		rightAligned(170, 563, 7, 9, "Dee Park", "dee.park@example.org") +
		rightAligned(170, 536, 7, 9, "COPYRIGHT") +
		rightAligned(170, 527, 7, 9, "Copyright 2024 Lee, Chen and Diaz. This", "is an open-access article under the", "terms of the CC BY licence.")
	return boldDoc(main + side)
}

func TestSidebarEntriesAreWholeBlocksAfterTheAbstract(t *testing.T) {
	doc, got := extractBlocks(t, sidebarPage())
	wantBlocks(t, got, []string{
		"title: A trial of group therapy for postnatal low mood",
		"paragraph: Background: Low mood after childbirth is common and often untreated in the community, and group therapy may help mothers.",
		"paragraph: Methods: We randomised one hundred and twenty mothers to eight weekly group sessions or to usual care for twelve weeks.",
		"paragraph: Results: Mood improved more with group therapy than with usual care at twelve weeks, and still at twenty weeks.",
		"paragraph: Conclusion: Group therapy helps mothers with low mood after childbirth and can be offered by community teams.",
		"other: OPEN ACCESS",
		"other: EDITED BY Ann Lee, University of Leeds, United Kingdom",
		"other: REVIEWED BY Bo Chen, Institute of Human Behaviour and Allied Sciences, India Cy Diaz, University of Oslo, Norway",
		"other: *CORRESPONDENCE Dee Park dee.park@example.org",
		"other: COPYRIGHT Copyright 2024 Lee, Chen and Diaz. This is an open-access article under the terms of the CC BY licence.",
	})
	// Every sidebar entry is one passage: nothing of it is a body sentence
	// to tag beside the abstract's.
	for _, p := range segment.Passages(doc.Text, doc.Blocks) {
		b := doc.Blocks[p.Block]
		if b.Kind == appraise.KindOther && (p.Start != b.Start || p.End != b.End) {
			t.Errorf("sidebar block %d cut into passages: %q", p.Block, string([]rune(doc.Text)[p.Start:p.End]))
		}
	}
}

// boxInMethods is a two-column page whose left column has a small-type
// affiliation box between two parts of one Methods sentence; the
// sentence goes on after the box with a capitalised name.
func boxInMethods() []byte {
	left := testpdf.Lines("F2", 10, 56, 720, 12, "Methods") +
		testpdf.Lines("F1", 10, 56, 704, 12,
			"We invited every mother who gave birth",
			"between March and June at the maternity",
			"unit of the teaching hospital run by the") +
		testpdf.Lines("F1", 7, 56, 650, 8.4,
			"1 Department of Psychiatry, University of",
			"Leeds, Leeds, United Kingdom. 2 Mother and",
			"Baby Unit, St James Hospital, Leeds, United",
			"Kingdom. Correspondence to: Ann Lee,",
			"ann.lee@example.org, telephone 0113 555 0100,",
			"Clarendon Way, Leeds LS2 9JT") +
		testpdf.Lines("F1", 10, 56, 586, 12,
			"Kamuzu Central Hospital to take part, and",
			"most of those who were eligible agreed.",
			"Nurses screened them at six weeks with a",
			"short questionnaire about their mood.")
	right := testpdf.Lines("F1", 10, 320, 720, 12,
		"Mothers who screened positive were given",
		"an appointment with the study psychologist",
		"who confirmed the diagnosis in a structured",
		"interview and explained the two groups.",
		"Those who agreed signed a consent form",
		"and were randomised by a computer.")
	return boldDoc(left + right)
}

func TestBoxInsideAColumnGoesAfterTheSentenceItCut(t *testing.T) {
	_, got := extractBlocks(t, boxInMethods())
	wantBlocks(t, got, []string{
		"heading: Methods",
		"paragraph: We invited every mother who gave birth between March and June at the maternity unit of the teaching hospital run by the Kamuzu Central Hospital to take part, and most of those who were eligible agreed. Nurses screened them at six weeks with a short questionnaire about their mood.",
		"other: 1 Department of Psychiatry, University of Leeds, Leeds, United Kingdom. 2 Mother and Baby Unit, St James Hospital, Leeds, United Kingdom. Correspondence to: Ann Lee, ann.lee@example.org, telephone 0113 555 0100, Clarendon Way, Leeds LS2 9JT",
		"paragraph: Mothers who screened positive were given an appointment with the study psychologist who confirmed the diagnosis in a structured interview and explained the two groups. Those who agreed signed a consent form and were randomised by a computer.",
	})
}

// footnoteUnderColumns is a page whose abbreviations footnote, in small
// loosely spaced type, runs under the text over three lines.
func footnoteUnderColumns() []byte {
	body := testpdf.Lines("F1", 10, 72, 720, 12,
		"Obsessive-compulsive disorder is treated with drugs and with therapy, and",
		"the two are often combined in clinics for adults and for children. Both",
		"help most patients, but many keep some symptoms after a year of care, and",
		"a few do not respond at all to the first drug or to the first therapy.")
	note := testpdf.Lines("F1", 7, 72, 90, 12.5,
		"Abbreviations: OCD, obsessive-compulsive disorder; Y-BOCS, Yale-Brown obsessive compulsive scale;",
		"HAMA, Hamilton anxiety rating scale; HAMD, Hamilton depression rating scale; rTMS, repetitive",
		"transcranial magnetic stimulation.")
	return boldDoc(body + note)
}

func TestLooselySpacedFootnoteIsOneBlock(t *testing.T) {
	_, got := extractBlocks(t, footnoteUnderColumns())
	wantBlocks(t, got, []string{
		"paragraph: Obsessive-compulsive disorder is treated with drugs and with therapy, and the two are often combined in clinics for adults and for children. Both help most patients, but many keep some symptoms after a year of care, and a few do not respond at all to the first drug or to the first therapy.",
		"footnote: Abbreviations: OCD, obsessive-compulsive disorder; Y-BOCS, Yale-Brown obsessive compulsive scale; HAMA, Hamilton anxiety rating scale; HAMD, Hamilton depression rating scale; rTMS, repetitive transcranial magnetic stimulation.",
	})
}

// twoHeadingsInOneLine sets a section's heading and its first
// subheading run together in one bold line that wraps.
func twoHeadingsInOneLine(heading string) []byte {
	return boldDoc(testpdf.Lines("F2", 16, 72, 740, 19, "Drugs for obsessions in children") +
		testpdf.Lines("F1", 10, 72, 720, 12,
			"The included trials compared each drug with placebo and with therapy.") +
		testpdf.Lines("F2", 12, 72, 690, 14, heading) +
		testpdf.Lines("F1", 10, 72, 670, 12,
			"Drugs were clearly better than placebo for children and adolescents,",
			"although the effect was small and varied between the trials."))
}

func TestTwoHeadingsSetInOneLineAreTwoBlocks(t *testing.T) {
	tests := []struct {
		name, heading string
		want          []string
	}{
		{"a standard subheading then a topic", "Summary of Main Results SSRI Versus Placebo",
			[]string{"heading: Summary of Main Results", "heading: SSRI Versus Placebo"}},
		{"a section name then a subheading", "Discussion Principal Findings of the Review",
			[]string{"heading: Discussion", "heading: Principal Findings of the Review"}},
		{"a heading that merely starts with a section word stays", "Results of the Primary Outcome",
			[]string{"heading: Results of the Primary Outcome"}},
		{"one capitalised word after it stays", "Methods Overview",
			[]string{"heading: Methods Overview"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := extractBlocks(t, twoHeadingsInOneLine(tt.heading))
			want := append([]string{"title: Drugs for obsessions in children", "paragraph: The included trials compared each drug with placebo and with therapy."}, tt.want...)
			want = append(want, "paragraph: Drugs were clearly better than placebo for children and adolescents, although the effect was small and varied between the trials.")
			wantBlocks(t, got, want)
		})
	}
}
