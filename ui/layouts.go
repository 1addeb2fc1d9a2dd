package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tightVBox stacks objects with less padding than a VBox: each overlaps
// the one above by gap. With overlapping set (annotation rows), the
// second label's top inner padding overlaps the first's bottom one and a
// little padding is trimmed above the first and below the last, so the
// two lines read as one entry and take little more than two lines of
// text.
type tightVBox struct{ overlapping bool }

func (l tightVBox) gap() float32 {
	if l.overlapping {
		return theme.InnerPadding() * 2
	}
	return theme.Padding()
}

func (l tightVBox) trim() float32 {
	if l.overlapping {
		return theme.InnerPadding() / 4
	}
	return 0
}

// Layout is part of fyne.Layout.
func (l tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := -l.trim()
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - l.gap()
	}
}

// MinSize is part of fyne.Layout.
func (l tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height -= float32(n-1) * l.gap()
	}
	if n > 0 {
		s.Height -= 2 * l.trim()
	}
	return s
}

// flowLayout places objects left to right at their minimum size and wraps
// them onto new lines, like words: filter chips in a narrow panel.
type flowLayout struct{ width float32 }

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := f.width
	if w <= 0 {
		w = 280
	}
	s := f.place(objs, w, false)
	var widest float32
	for _, o := range objs {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	return fyne.NewSize(widest, s.Height)
}

func (f *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) fyne.Size {
	gap := theme.Padding()
	var x, y, rowH, maxW float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x = 0
			y += rowH + gap
			rowH = 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + gap
		maxW = max(maxW, x-gap)
		rowH = max(rowH, m.Height)
	}
	return fyne.NewSize(min(maxW, width), y+rowH)
}

// setText changes a label only when its text differs: a label's Refresh
// makes the GL painter rasterise its text again.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}
