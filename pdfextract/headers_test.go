package pdfextract

import (
	"fmt"
	"strings"
	"testing"
)

func TestFurnitureRemoved(t *testing.T) {
	tests := []struct {
		name    string
		furnish func(p *synthPage, n int)
		gone    []string // must not appear in the text
		kept    []string // must appear
	}{
		{
			name: "running header removed",
			furnish: func(p *synthPage, n int) {
				p.text(72, 40, "Journal of Clinical Tests 2024", style{size: 8})
			},
			gone: []string{"Journal of Clinical Tests"},
		},
		{
			name: "running footer with changing page number removed",
			furnish: func(p *synthPage, n int) {
				p.text(72, 760, fmt.Sprintf("Frontiers in Psychiatry | www.frontiersin.org %d March 2019 | Volume 10 | Article 97", n), style{size: 7})
			},
			gone: []string{"frontiersin", "Volume 10"},
		},
		{
			name: "alternating even and odd headers removed",
			furnish: func(p *synthPage, n int) {
				if n%2 == 0 {
					p.text(72, 40, "Smith et al.", style{size: 8})
				} else {
					p.text(400, 40, "Trial of Exercise", style{size: 8})
				}
			},
			gone: []string{"Smith et al.", "Trial of Exercise"},
		},
		{
			name: "page number removed",
			furnish: func(p *synthPage, n int) {
				p.text(300, 770, fmt.Sprint(n+6), body())
			},
			gone: []string{"7", "8", "9"},
		},
		{
			name: "page x of y removed",
			furnish: func(p *synthPage, n int) {
				p.text(500, 770, fmt.Sprintf("Page %d of 4", n), style{size: 8})
			},
			gone: []string{"Page"},
		},
		{
			name: "text in the top band that does not repeat is kept",
			furnish: func(p *synthPage, n int) {
				p.text(72, 40, fmt.Sprintf("Unique note number %s here", strings.Repeat("x", n)), style{size: 8})
			},
			kept: []string{"Unique note number x here", "Unique note number xxx here"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps []*synthPage
			for n := 1; n <= 4; n++ {
				p := newPage(t, n)
				p.paragraph(72, 100, 468, 0, lead, body(), fmt.Sprintf("Body text of page %s. ", strings.Repeat("I", n))+lorem("b", 60))
				tt.furnish(p, n)
				ps = append(ps, p)
			}
			text, _ := layoutText(t, ps...)
			for _, g := range tt.gone {
				if strings.Contains(text, g) {
					t.Errorf("%q should be removed from:\n%s", g, text)
				}
			}
			for _, k := range tt.kept {
				if !strings.Contains(text, k) {
					t.Errorf("%q should be kept in:\n%s", k, text)
				}
			}
			for n := 1; n <= 4; n++ {
				if !strings.Contains(text, fmt.Sprintf("Body text of page %s.", strings.Repeat("I", n))) {
					t.Errorf("body of page %d lost:\n%s", n, text)
				}
			}
		})
	}
}

func TestLineNumbersRemoved(t *testing.T) {
	p := newPage(t, 1)
	y := 100.0
	for i := range 30 {
		p.text(40, y, fmt.Sprint(i+1), style{size: 8})
		p.text(72, y, fmt.Sprintf("line %s of a manuscript with numbered lines", strings.Repeat("z", i%3+1)), body())
		y += 2 * lead
	}
	text, _ := layoutText(t, p)
	if strings.ContainsAny(text, "0123456789") {
		t.Errorf("line numbers left in:\n%s", text)
	}
	if !strings.HasPrefix(text, "line z of a manuscript") {
		t.Errorf("text starts %q", text[:min(40, len(text))])
	}
}
