package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// tagChecks is a check box per tag that wraps onto new lines in a narrow
// panel (Fyne's horizontal CheckGroup keeps them on one line and would
// make the annotations panel as wide as all tags together).
type tagChecks struct {
	box      *fyne.Container
	checks   []*widget.Check
	onChange func(selected []string)
	quiet    bool
}

func newTagChecks(onChange func([]string)) *tagChecks {
	return &tagChecks{box: container.New(&flowLayout{}), onChange: onChange}
}

// setOptions replaces the checks, keeping nothing ticked.
func (c *tagChecks) setOptions(labels []string) {
	c.checks = c.checks[:0]
	c.box.Objects = nil
	for _, l := range labels {
		ch := widget.NewCheck(l, func(bool) {
			if !c.quiet && c.onChange != nil {
				c.onChange(c.selected())
			}
		})
		c.checks = append(c.checks, ch)
		c.box.Add(ch)
	}
	c.box.Refresh()
}

// SetSelected ticks exactly labels and reports the change, as a user
// ticking them would.
func (c *tagChecks) SetSelected(labels []string) {
	c.set(labels)
	if c.onChange != nil {
		c.onChange(c.selected())
	}
}

// set ticks exactly labels without reporting it.
func (c *tagChecks) set(labels []string) {
	c.quiet = true
	defer func() { c.quiet = false }()
	for _, ch := range c.checks {
		ch.SetChecked(slices.Contains(labels, ch.Text))
	}
}

func (c *tagChecks) selected() []string {
	var out []string
	for _, ch := range c.checks {
		if ch.Checked {
			out = append(out, ch.Text)
		}
	}
	return out
}
