package testpdf

import (
	"strconv"

	"github.com/go-pdf/fpdf"
)

// OneColumn is a one-page, one-column short report in Helvetica (a
// standard-14 font with WinAnsiEncoding and no embedded program): title,
// authors, two section headings and three ragged-right paragraphs. Line
// ends fall between words; nothing is hyphenated.
func OneColumn() (pdf []byte, truthText string) {
	f := newFpdf()
	f.AddPage()
	var t truth
	title := face{"Helvetica", "B", 16, 20}
	byline := face{"Helvetica", "", 10, 13}
	head := face{"Helvetica", "B", 12, 15}
	body := face{"Helvetica", "", 10.5, 13.5}
	x, w, y := 72.0, 468.0, 90.0

	put := func(fc face, text string, gap float64) {
		lines := wrap(f, fc, text, w)
		y = drawLines(f, fc, x, y, lines) + gap
		t.add(lines...)
	}
	put(title, "Screening for anaemia in pregnancy: a short report from two rural clinics", 6)
	put(byline, "A. Example and B. Sample, Department of Obstetrics, Example Hospital", 16)
	put(head, "Background", 2)
	put(body, "Anaemia in pregnancy is common and often goes unnoticed until the third trimester. "+
		"We describe how two rural clinics changed the timing of routine haemoglobin testing and "+
		"what happened to the number of women found to be anaemic at booking.", 8)
	put(head, "Methods", 2)
	put(body, "Both clinics moved the first blood test from the second visit to the booking visit "+
		"in March 2021. We compared the twelve months before and after the change (n = 212 and "+
		"n = 198 women) and recorded follow-up testing at 28 weeks.", 8)
	put(body, "The proportion of women with a haemoglobin below 110 g/L at booking rose from 9% to "+
		"14%, which we attribute to earlier detection rather than to a change in the population.", 0)
	return output(f), t.String()
}

// TwoColumn is a one-page article in Times: a full-width title and
// abstract, then two columns with headings and four paragraphs, the third
// of which runs from the foot of the left column to the head of the right
// one (so extraction must join it into one block).
func TwoColumn() (pdf []byte, truthText string) {
	f := newFpdf()
	var t truth
	title := face{"Times", "B", 15, 18}
	abstract := face{"Times", "I", 10, 12.5}
	head := face{"Times", "B", 11, 14}
	body := face{"Times", "", 10, 12.5}
	const (
		left, colW, gutter = 72.0, 222.0, 24.0
	)
	f.AddPage()
	y := 86.0
	for _, b := range []struct {
		fc   face
		text string
		gap  float64
	}{
		{title, "Early mobilisation after hip fracture surgery in older adults", 10},
		{abstract, "Abstract: we reviewed the records of patients aged 70 years or more who had surgery for " +
			"a hip fracture and compared those who stood on the first day with those who did not.", 18},
	} {
		lines := wrap(f, b.fc, b.text, 2*colW+gutter)
		y = drawLines(f, b.fc, left, y, lines) + b.gap
		t.add(lines...)
	}

	texts := []struct {
		fc   face
		text string
	}{
		{head, "Introduction"},
		{body, "Hip fracture is a frequent reason for admission in older adults, and the first days after " +
			"surgery shape much of the recovery that follows."},
		{body, "Guidelines recommend that patients stand or walk on the day after the operation, but " +
			"staffing at weekends and pain often delay the first attempt."},
		{body, "In our unit the physiotherapy service has covered weekends since 2019, which allowed us to " +
			"compare patients who were mobilised on the first day with those mobilised later, within a " +
			"single team and a single surgical protocol, over three years of admissions."},
		{head, "Results"},
		{body, "Of 341 patients, 214 stood on the first day. They left hospital two days earlier on " +
			"average and fewer were readmitted within thirty days."},
	}
	var blocks []block
	total := 0
	for i, x := range texts {
		lines := wrap(f, x.fc, x.text, colW)
		gap := 6.0
		if x.fc == head {
			gap = 0
		}
		blocks = append(blocks, block{x.fc, lines, gap})
		t.add(lines...)
		if i < 3 {
			total += len(lines)
		}
	}
	// End the left column two lines into the fourth text (the long
	// paragraph), so it continues at the top of the right column.
	bottom := y
	for i := 0; i < 3; i++ {
		bottom += float64(len(blocks[i].lines))*blocks[i].fc.leading + blocks[i].gapAfter
	}
	bottom += body.leading
	flowBlocks(f, []frame{{1, left, y, bottom, 0}, {1, left + colW + gutter, y, 720, 0}}, blocks, nil)
	return output(f), t.String()
}

// Running head and foot text of HeaderFooter.
const (
	hfJournal   = "Annals of Imaginary Medicine"
	hfIssue     = "2024; 7(2)"
	hfDOI       = "doi:10.5555/aim.2024.0042"
	hfFirstPage = 57
)

// HeaderFooter is a three-page, one-column text with a running header
// (journal name, issue), a footer (DOI) and a page number on every page;
// two paragraphs continue across a page break, one of them leaving a
// single line at the head of the next page. The truth has the body only.
func HeaderFooter() (pdf []byte, truthText string) {
	f := newFpdf()
	var t truth
	head := face{"Helvetica", "B", 12, 16}
	body := face{"Helvetica", "", 11, 14}
	paras := []string{
		"Delirium affects a large share of older patients admitted to medical wards, and it is " +
			"frequently missed when staff rely on informal impressions rather than a structured test.",
		"We introduced a four-item screening test on two wards and asked nurses to complete it " +
			"within twelve hours of admission and again every morning. The test takes less than two " +
			"minutes and needs no equipment beyond a printed card.",
		"Over six months, 1,204 patients were screened at least once. Completion on the first day " +
			"rose from 41% in the first month to 87% in the last, and the recorded rate of delirium " +
			"doubled, which we interpret as better detection rather than more illness.",
		"Nurses reported that the card was quick to use, although several noted that patients who " +
			"were asleep at the time of the morning round were often skipped. Later versions of the " +
			"protocol moved the second test to the early afternoon.",
		"Structured screening is cheap and can be sustained on busy wards. Whether earlier detection " +
			"changes outcomes for patients is a separate question that our data cannot answer.",
	}
	blocks := []block{{head, wrap(f, head, "Screening for delirium on medical wards", 468), 4}}
	t.add(blocks[0].lines...)
	for _, p := range paras {
		lines := wrap(f, body, p, 468)
		blocks = append(blocks, block{body, lines, 7})
		t.add(lines...)
	}
	// Five lines a page: the second and fourth paragraphs continue across
	// the page breaks.
	frames := []frame{{1, 72, 110, 700, 5}, {2, 72, 110, 700, 5}, {3, 72, 110, 700, 0}}
	flowBlocks(f, frames, blocks, func(page int) { runningHeadAndFoot(f, page) })
	return output(f), t.String()
}

func runningHeadAndFoot(f *fpdf.Fpdf, page int) {
	f.SetFont("Helvetica", "I", 9)
	f.Text(72, 50, hfJournal)
	f.SetFont("Helvetica", "", 9)
	f.Text(540-f.GetStringWidth(hfIssue), 50, hfIssue)
	f.SetLineWidth(0.5)
	f.Line(72, 56, 540, 56)
	f.Text(72, 750, hfDOI)
	num := strconv.Itoa(hfFirstPage + page - 1)
	f.Text(540-f.GetStringWidth(num), 750, num)
}
