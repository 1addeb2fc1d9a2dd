package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/export"
)

// comparisonView is the window a comparison opens in: the measures per
// tag, then what to review, each item a jump to its passage in the main
// window; and the feedback exports.
type comparisonView struct {
	win    fyne.Window
	review *widget.List
}

// showComparison opens the result of comparing the user's reading with a
// key's in a window of its own, beside the reader.
func (u *appUI) showComparison(f export.Feedback) {
	if u.compareWin != nil {
		u.compareWin.win.Close()
	}
	w := u.app.NewWindow("Your reading compared with " + authorName(f.Result.Key) + "’s")
	v := &comparisonView{win: w}
	u.compareWin = v
	w.SetOnClosed(func() {
		if u.compareWin == v {
			u.compareWin = nil
		}
	})
	r := f.Result
	head := widget.NewLabel(fmt.Sprintf("%s compared with %s on %d sentences of “%s”.",
		authorName(r.Trainee), authorName(r.Key), r.Overall.Sentences, paperTitle(f.Paper)))
	head.Wrapping = fyne.TextWrapWord
	grid := container.NewGridWithColumns(9, bold("Tag"), bold("Agreement"), bold("Kappa"), bold("Precision"),
		bold("Recall"), bold("Both"), bold("Key only"), bold("You only"), bold("Neither"))
	var notes []string
	rows := append(append([]agreement.TagResult{}, r.Tags...), r.Overall)
	for i, t := range rows {
		name := tagLabel(t.Tag)
		if i == len(rows)-1 {
			name = "All tags"
		}
		grid.Add(widget.NewLabel(name))
		grid.Add(widget.NewLabel(agreement.Percent(&t.Agreement)))
		grid.Add(widget.NewLabel(t.Kappa.String()))
		grid.Add(widget.NewLabel(agreement.Percent(t.Precision)))
		grid.Add(widget.NewLabel(agreement.Percent(t.Recall)))
		for _, n := range []int{t.Table.Both, t.Table.KeyOnly, t.Table.TraineeOnly, t.Table.Neither} {
			grid.Add(widget.NewLabel(fmt.Sprint(n)))
		}
		if t.Kappa.Value == nil && i < len(rows)-1 {
			notes = append(notes, fmt.Sprintf("Kappa for %s is undefined: %s.", tagLabel(t.Tag), t.Kappa.Undefined))
		}
	}
	explain := "A sentence counts as tagged when your annotations with the tag cover at least half of it. " +
		"Precision: how many of your tagged sentences the key tagged too; recall: how many of the key’s you found."
	if f.Skipped > 0 {
		explain += fmt.Sprintf(" %d annotations that need review were left out.", f.Skipped)
	}
	notes = append(notes, explain)
	noteLabel := widget.NewLabel(strings.Join(notes, "\n"))
	noteLabel.Wrapping = fyne.TextWrapWord
	appraisalLabel := widget.NewLabel(appraisalSummary(f))
	appraisalLabel.Wrapping = fyne.TextWrapWord
	text := []rune(f.Text)
	v.review = widget.NewList(func() int { return len(r.Review) },
		func() fyne.CanvasObject {
			top := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			quote := widget.NewLabel("")
			quote.Truncation = fyne.TextTruncateEllipsis
			note := widget.NewLabel("")
			note.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(top, quote, note)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			it := r.Review[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(reviewLine(it))
			q := string(text[max(0, min(it.Start, len(text))):max(0, min(it.End, len(text)))])
			quote := "“" + oneLine(q) + "”"
			note := "no note from the key"
			if len(it.KeyNotes) > 0 {
				note = "Key’s note: " + oneLine(strings.Join(it.KeyNotes, " · "))
			}
			if it.Kind == agreement.DifferentAnswer {
				quote = fmt.Sprintf("Item %d: %s", it.Item, oneLine(it.ItemText))
				note = "no comment from the key"
				if len(it.KeyNotes) > 0 {
					note = "Key’s comment: " + oneLine(strings.Join(it.KeyNotes, " · "))
				}
			}
			box.Objects[1].(*widget.Label).SetText(quote)
			box.Objects[2].(*widget.Label).SetText(note)
		})
	v.review.OnSelected = func(i widget.ListItemID) {
		it := r.Review[i]
		if it.End > it.Start { // a checklist item without the key's evidence has nowhere to go
			u.jumpToSpan(it.Start, it.End)
		}
	}
	reviewTitle := bold(fmt.Sprintf("To review · %d", len(r.Review)))
	var reviewBody fyne.CanvasObject = v.review
	if len(r.Review) == 0 {
		reviewBody = widget.NewLabel("Nothing to review: you tagged every sentence as the key did.")
	}
	name := fileStem(paperTitle(f.Paper)) + "-feedback"
	html := widget.NewButton("Export Feedback (HTML)…", func() {
		u.saveAs("Export feedback", name+".html", f.Paper, func(w io.Writer) error { return export.WriteFeedbackHTML(w, f) })
	})
	csv := widget.NewButton("Export Feedback (CSV)…", func() {
		u.saveAs("Export feedback", name+".csv", f.Paper, func(w io.Writer) error { return export.WriteFeedbackCSV(w, f, true) })
	})
	closeB := widget.NewButton("Close", w.Close)
	top := container.NewVBox(head, grid, noteLabel, appraisalLabel, reviewTitle)
	bottom := container.NewHBox(html, csv, layout.NewSpacer(), closeB)
	w.SetContent(container.NewBorder(top, bottom, nil, nil, reviewBody))
	w.Resize(fyne.NewSize(min(900, u.win.Canvas().Size().Width), min(640, u.win.Canvas().Size().Height)))
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			w.Close()
		}
	})
	w.Show()
}

// appraisalSummary says how the checklists and the claims' certainty
// compare, with kappa's reason when it is undefined.
func appraisalSummary(f export.Feedback) string {
	var lines []string
	if c := f.Checklist; c == nil {
		lines = append(lines, "Checklist: neither of you answered one.")
	} else {
		agree := "–"
		if c.Answered > 0 {
			agree = agreement.Percent(&c.Agreement)
		}
		line := fmt.Sprintf("Checklist (%s): %d items answered by both: agreement %s, kappa %s", oneLine(f.Instrument.Name), c.Answered, agree, c.Kappa)
		same, differ := 0, 0
		for _, it := range c.Items {
			switch {
			case it.Same:
				same++
			case it.BothAnswered:
				differ++
			}
		}
		line += fmt.Sprintf(" (%d same, %d different).", same, differ)
		if c.Kappa.Value == nil {
			line += " Kappa is undefined: " + c.Kappa.Undefined + "."
		}
		lines = append(lines, line)
	}
	if ce := f.Certainty; ce != nil {
		agree := "–"
		if ce.Rated > 0 {
			agree = agreement.Percent(&ce.Agreement)
		}
		line := fmt.Sprintf("Certainty of claims: %d of the key’s %d claims rated by both: agreement %s, kappa %s.", ce.Rated, len(ce.Claims), agree, ce.Kappa)
		if ce.Kappa.Value == nil {
			line += " Kappa is undefined: " + ce.Kappa.Undefined + "."
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// reviewLine is a review item's first line: what differs, where.
func reviewLine(it agreement.ReviewItem) string {
	if it.Kind == agreement.DifferentAnswer {
		where := ""
		if it.End > it.Start {
			where = " · p. " + itoaPage(it.Page)
		}
		return fmt.Sprintf("%s%s · key: %s · you: %s", it.Kind.Title(), where, it.KeyAnswer, it.TraineeAnswer)
	}
	return fmt.Sprintf("%s · p. %s · key: %s · you: %s", it.Kind.Title(), itoaPage(it.Page), tagsText(it.KeyTags), tagsText(it.TraineeTags))
}

func tagsText(tags []string) string {
	if len(tags) == 0 {
		return "none"
	}
	labels := make([]string, len(tags))
	for i, t := range tags {
		labels[i] = tagLabel(t)
	}
	return strings.Join(labels, ", ")
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// jumpToSpan selects a span in the reader, scrolls to it and brings the
// main window to the front.
func (u *appUI) jumpToSpan(start, end int) {
	if u.cur == nil {
		return
	}
	u.selAnn = ""
	u.reader.sel.selectSpan(start, end)
	u.reader.centreOffset(start)
	u.reader.selectionChanged()
	u.win.RequestFocus()
	u.reader.requestFocus()
}
