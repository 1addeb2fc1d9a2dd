package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// confirmRemovePaper asks before moving the open paper and its
// annotations to the trash (File → Remove from Library…). The PDF file
// is never touched; the trash restores the paper.
func (u *appUI) confirmRemovePaper() {
	if u.cur == nil {
		u.status.message("Open a paper first: Remove from Library acts on the open paper.")
		return
	}
	p := u.cur.paper
	n := len(u.cur.anns)
	msg := fmt.Sprintf("“%s”\nand its %d %s go to the trash. The PDF file itself is not touched;\nFile → Trash… brings the paper back with its annotations.",
		shorten(paperTitle(p), 70), n, plural(n, "annotation", "annotations"))
	d := dialog.NewCustomConfirm("Remove from library?", "Remove", "Cancel", widget.NewLabel(msg), func(ok bool) {
		if ok {
			u.removePaper(p)
		}
	}, u.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// removePaper moves p to the trash once pending edits are saved, closes
// it and says how to undo.
func (u *appUI) removePaper(p appraise.Paper) {
	u.status.saving()
	u.bg.write(func() {
		n, err := u.lib.RemovePaper(p.ID)
		u.post(func() {
			u.saveDone(err)
			if err != nil {
				u.showError("Cannot remove "+paperTitle(p), err)
				return
			}
			if u.cur != nil && u.cur.paper.ID == p.ID {
				u.showPaper(nil)
			}
			u.refreshPapers()
			u.status.message(fmt.Sprintf("Moved “%s” and %d %s to the trash. File → Trash… restores it.",
				paperTitle(p), n, plural(n, "annotation", "annotations")))
		})
	})
}

// trashView lists what the trash holds, each item with Restore, and
// empties it after a confirmation that says how much goes.
type trashView struct {
	u       *appUI
	dlg     dialog.Dialog
	header  *widget.Label
	list    *widget.List
	empty   *widget.Button
	content appraise.TrashContents
}

// showTrash opens the Trash view (File → Trash…).
func (u *appUI) showTrash() {
	t := &trashView{u: u, header: widget.NewLabel("Loading the trash…")}
	t.list = widget.NewList(t.length, t.newRow, t.update)
	t.list.OnSelected = func(widget.ListItemID) { t.list.UnselectAll() }
	t.empty = widget.NewButtonWithIcon("Empty Trash…", theme.DeleteIcon(), t.confirmEmpty)
	t.empty.Importance = widget.DangerImportance
	t.empty.Disable()
	body := container.NewBorder(t.header, container.NewHBox(layout.NewSpacer(), t.empty), nil, nil, t.list)
	t.dlg = dialog.NewCustom("Trash", "Close", body, u.win)
	t.dlg.Resize(fyne.NewSize(min(760, u.win.Canvas().Size().Width-40), min(520, u.win.Canvas().Size().Height-40)))
	u.trashView = t
	t.dlg.SetOnClosed(func() {
		if u.trashView == t {
			u.trashView = nil
		}
	})
	t.dlg.Show()
	t.reload()
}

// reload reads the trash again.
func (t *trashView) reload() {
	t.u.bg.spawn(func() {
		c, err := t.u.lib.TrashContents()
		t.u.post(func() {
			if err != nil {
				t.header.SetText(sentence(err))
				return
			}
			t.content = c
			t.header.SetText(trashSummary(c))
			if c.Len() == 0 {
				t.empty.Disable()
			} else {
				t.empty.Enable()
			}
			t.list.Refresh()
		})
	})
}

// trashSummary says what the trash holds, in a sentence.
func trashSummary(c appraise.TrashContents) string {
	if c.Len() == 0 {
		return "The trash is empty. Removed papers and annotations wait here until you empty it."
	}
	return fmt.Sprintf("%s in the trash. Restore brings an item back as it was.", trashCount(c))
}

// trashCount is "2 papers and 5 annotations" (parts that are zero left out).
func trashCount(c appraise.TrashContents) string {
	var parts []string
	if n := len(c.Papers); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, "paper", "papers")))
	}
	if n := len(c.Annotations); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, "annotation", "annotations")))
	}
	switch len(parts) {
	case 0:
		return "nothing"
	case 1:
		return parts[0]
	}
	return parts[0] + " and " + parts[1]
}

func (t *trashView) length() int { return t.content.Len() }

// trashRow is one item: what it is (bold), details, and Restore.
type trashRow struct {
	widget.BaseWidget
	title, detail *widget.Label
	restore       *widget.Button
}

func (t *trashView) newRow() fyne.CanvasObject {
	r := &trashRow{title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.detail.SizeName = theme.SizeNameCaptionText
	r.restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), nil)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *trashRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewCenter(r.restore),
		container.New(&tightVBox{}, r.title, r.detail)))
}

func (t *trashView) update(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*trashRow)
	c := t.content
	if id < len(c.Papers) {
		p := c.Papers[id]
		r.title.SetText("Paper: " + paperTitle(p.Paper))
		r.detail.SetText(fmt.Sprintf("Removed %s with %d %s", p.Removed.Local().Format("2 Jan 2006 15:04"),
			p.Annotations, plural(p.Annotations, "annotation", "annotations")))
		r.restore.OnTapped = func() { t.restorePaper(p.Paper) }
		return
	}
	id -= len(c.Papers)
	if id >= len(c.Annotations) {
		return
	}
	a := c.Annotations[id]
	r.title.SetText("“" + oneLine(a.Anchor.Exact) + "”")
	title := a.PaperTitle
	if title == "" {
		title = "an untitled paper"
	}
	r.detail.SetText(fmt.Sprintf("%s · deleted %s · in %s", upperFirst(strings.Join(a.Tags, ", ")), a.Deleted.Local().Format("2 Jan 2006 15:04"), title))
	r.restore.OnTapped = func() { t.restoreAnnotation(a.ID) }
}

func (t *trashView) restorePaper(p appraise.Paper) {
	u := t.u
	u.status.saving()
	u.bg.write(func() {
		err := u.lib.RestorePaper(p.ID)
		u.post(func() {
			u.saveDone(err)
			if err != nil {
				u.showError("Cannot restore "+paperTitle(p), err)
				return
			}
			u.status.message(fmt.Sprintf("Restored “%s”.", paperTitle(p)))
			u.refreshPapers()
			t.reload()
		})
	})
}

func (t *trashView) restoreAnnotation(id string) {
	u := t.u
	u.status.saving()
	u.bg.write(func() {
		a, err := u.lib.RestoreAnnotation(id)
		u.post(func() {
			u.saveDone(err)
			if err != nil {
				u.showError("Cannot restore the annotation", err)
				return
			}
			u.apply(a.Paper, change{put: &a})
			u.status.message("Restored the annotation.")
			u.refreshPapers()
			t.reload()
		})
	})
}

// confirmEmpty asks, saying how much goes for good, then empties.
func (t *trashView) confirmEmpty() {
	c := t.content
	if c.Len() == 0 {
		return
	}
	msg := fmt.Sprintf("Delete %s for good? This cannot be undone.\nPDF files are not touched.", trashCount(c))
	d := dialog.NewCustomConfirm("Empty the trash?", "Empty Trash", "Cancel", widget.NewLabel(msg), func(ok bool) {
		if !ok {
			return
		}
		u := t.u
		u.status.saving()
		u.bg.write(func() {
			_, err := u.lib.EmptyTrash()
			u.post(func() {
				u.saveDone(err)
				if err != nil {
					u.showError("Cannot empty the trash", err)
					return
				}
				u.status.message(fmt.Sprintf("Emptied the trash: %s deleted.", trashCount(c)))
				t.reload()
			})
		})
	}, t.u.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
