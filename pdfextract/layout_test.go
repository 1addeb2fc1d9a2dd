package pdfextract

import (
	"strings"
	"testing"
)

// Two-column geometry used by several tests: columns 72–296 and 316–540.
const (
	leftX, rightX, colW = 72.0, 316.0, 224.0
	lead                = 12.0
)

func TestLayoutReadingOrder(t *testing.T) {
	tests := []struct {
		name  string
		pages func(t *testing.T) []*synthPage
		want  []string // substrings that must appear in this order
	}{
		{
			name: "two columns read left then right",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				p.paragraph(leftX, 100, colW, 0, lead, body(), "LEFTSTART "+lorem("l", 200)+" LEFTEND.")
				p.paragraph(rightX, 100, colW, 0, lead, body(), "RIGHTSTART "+lorem("r", 200)+" RIGHTEND.")
				return []*synthPage{p}
			},
			want: []string{"LEFTSTART", "LEFTEND", "RIGHTSTART", "RIGHTEND"},
		},
		{
			name: "full-width title band before columns",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				p.text(120, 70, "A Trial Of Something Important For Everyone", style{size: 18, bold: true})
				p.paragraph(leftX, 120, colW, 0, lead, body(), "LEFTSTART "+lorem("l", 150)+" LEFTEND.")
				p.paragraph(rightX, 120, colW, 0, lead, body(), "RIGHTSTART "+lorem("r", 150)+" RIGHTEND.")
				return []*synthPage{p}
			},
			want: []string{"A Trial Of Something", "LEFTSTART", "LEFTEND", "RIGHTSTART", "RIGHTEND"},
		},
		{
			name: "full-width abstract then columns then full-width figure caption then columns",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				y := p.paragraph(leftX, 80, 468, 0, lead, body(), "ABSTRACTSTART "+lorem("a", 60)+" ABSTRACTEND.")
				p.paragraph(leftX, y+20, colW, 0, lead, body(), "UPPERLEFT "+lorem("l", 80)+" ULEND.")
				p.paragraph(rightX, y+20, colW, 0, lead, body(), "UPPERRIGHT "+lorem("r", 80)+" UREND.")
				p.text(leftX, 500, "Figure 1. A wide caption that runs across both of the columns on this page.", style{size: 9})
				p.paragraph(leftX, 540, colW, 0, lead, body(), "LOWERLEFT "+lorem("m", 80)+" LLEND.")
				p.paragraph(rightX, 540, colW, 0, lead, body(), "LOWERRIGHT "+lorem("n", 80)+" LREND.")
				return []*synthPage{p}
			},
			want: []string{"ABSTRACTSTART", "ABSTRACTEND", "UPPERLEFT", "ULEND", "UPPERRIGHT", "UREND", "Figure 1.", "LOWERLEFT", "LLEND", "LOWERRIGHT", "LREND"},
		},
		{
			name: "three columns read left to right",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				w := 150.0
				p.paragraph(50, 100, w, 0, lead, body(), "COLONE "+lorem("a", 150)+" ONEEND.")
				p.paragraph(50+w+15, 100, w, 0, lead, body(), "COLTWO "+lorem("b", 150)+" TWOEND.")
				p.paragraph(50+2*(w+15), 100, w, 0, lead, body(), "COLTHREE "+lorem("c", 150)+" THREEEND.")
				return []*synthPage{p}
			},
			want: []string{"COLONE", "ONEEND", "COLTWO", "TWOEND", "COLTHREE", "THREEEND"},
		},
		{
			name: "single column with ragged lines is not split into columns",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				y := 100.0
				for i := range 30 {
					s := "first half of line " + string(rune('a'+i%26))
					if i%2 == 0 {
						s += " and some more words to reach across"
					}
					p.text(72, y, s, body())
					y += lead
				}
				return []*synthPage{p}
			},
			want: []string{"first half of line a and some more", "first half of line b first half of line c"},
		},
		{
			name: "lines drawn out of order are read top to bottom",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				p.text(72, 124, "third line of the paragraph.", body())
				p.text(72, 100, "First line of the", body())
				p.text(72, 112, "second line and the", body())
				return []*synthPage{p}
			},
			want: []string{"First line of the second line and the third line of the paragraph."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _ := layoutText(t, tt.pages(t)...)
			assertInOrder(t, text, tt.want)
		})
	}
}

func assertInOrder(t *testing.T, text string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Fatalf("%q appears out of order in:\n%s", w, text)
			}
			t.Fatalf("%q missing from:\n%s", w, text)
		}
		at += i + len(w)
	}
}

func TestLayoutWords(t *testing.T) {
	tests := []struct {
		name  string
		build func(p *synthPage)
		want  string // the whole text
	}{
		{
			name: "gaps become single spaces",
			build: func(p *synthPage) {
				p.text(72, 100, "heart failure programmes", body())
			},
			want: "heart failure programmes",
		},
		{
			name: "drawn spaces become single spaces",
			build: func(p *synthPage) {
				p.text(72, 100, "heart failure  programmes", style{size: 10, drawSpaces: true})
			},
			want: "heart failure programmes",
		},
		{
			name: "kerned letters stay in one word",
			build: func(p *synthPage) {
				p.text(72, 100, "justified kerned text", style{size: 10, letterGap: 0.06})
			},
			want: "justified kerned text",
		},
		{
			name: "ligature expanded",
			build: func(p *synthPage) {
				p.text(72, 100, "the ﬁrst eﬀect was signiﬁcant", body())
			},
			want: "the first effect was significant",
		},
		{
			name: "superscript citation separated",
			build: func(p *synthPage) {
				x := p.text(72, 100, "after therapy", body())
				x = p.text(x, 100, "23", style{size: 6.5, rise: 3.5})
				p.text(x+2.5, 100, "outcomes improved", body())
			},
			want: "after therapy [23] outcomes improved",
		},
		{
			name: "superscript before punctuation keeps the punctuation attached",
			build: func(p *synthPage) {
				x := p.text(72, 100, "as shown before", body())
				x = p.text(x, 100, "4,5", style{size: 6.5, rise: 3.5})
				p.text(x, 100, ". Then", body())
			},
			want: "as shown before [4,5]. Then",
		},
		{
			name: "exponent after a number uses a caret",
			build: func(p *synthPage) {
				x := p.text(72, 100, "about 10", body())
				x = p.text(x, 100, "5", style{size: 6.5, rise: 3.5})
				p.text(x+2.5, 100, "cells per m", body())
				p.text(x+2.5+lineWidth("cells per m", body()), 100, "2", style{size: 6.5, rise: 3.5})
			},
			want: "about 10^5 cells per m^2",
		},
		{
			name: "ion charge and prime superscripts are glued",
			build: func(p *synthPage) {
				x := p.text(72, 100, "with Mg", body())
				x = p.text(x, 100, "2+", style{size: 6.5, rise: 3.5})
				x = p.text(x+2.5, 100, "at the 5", body())
				p.text(x, 100, "′", style{size: 6.5, rise: 3.5})
			},
			want: "with Mg2+ at the 5′",
		},
		{
			name: "subscript glued to a chemical formula but apart from a math variable",
			build: func(p *synthPage) {
				x := p.text(72, 100, "CO", body())
				x = p.text(x, 100, "2", style{size: 6.5, rise: -2})
				x = p.text(x+2.5, 100, "and", body())
				p.glyph(Glyph{Text: "g", X: x + 2.5, Y: 100, W: 5, Size: 10, Italic: true})
				p.text(x+7.5, 100, "k", style{size: 6.5, rise: -2})
			},
			want: "CO2 and g k",
		},
		{
			name: "zero-advance drawn space does not split a word",
			build: func(p *synthPage) {
				x := p.text(72, 100, "pre-", body())
				p.glyph(Glyph{Text: " ", X: x, Y: 100, W: 2.5, Size: 10})
				p.text(x, 100, "mRNA", body())
			},
			want: "pre-mRNA",
		},
		{
			name: "overprinted glyphs are not doubled",
			build: func(p *synthPage) {
				p.text(72, 100, "Results", style{size: 10, bold: true})
				p.text(72.3, 100, "Results", style{size: 10, bold: true})
			},
			want: "Results",
		},
		{
			name: "accent drawn over a letter composes",
			build: func(p *synthPage) {
				x := p.text(72, 100, "caf", body())
				p.glyph(Glyph{Text: "\u00B4", X: x, Y: 100, W: 5, Size: 10})
				p.text(x, 100, "e", body())
			},
			want: "café",
		},
		{
			name: "invisible text read beside visible text (an OCR layer with a stamp)",
			build: func(p *synthPage) {
				p.text(72, 100, "visible words", body())
				p.text(72, 200, "hidden words", style{size: 10, invisible: true})
			},
			want: "visible words\n\nhidden words",
		},
		{
			name: "invisible text under visible text is not read twice",
			build: func(p *synthPage) {
				p.text(72, 100, "visible words", body())
				p.text(72, 100, "visible words", style{size: 10, invisible: true})
			},
			want: "visible words",
		},
		{
			name: "rotated margin text ignored",
			build: func(p *synthPage) {
				p.text(72, 100, "upright words", body())
				p.pg.Glyphs = append(p.pg.Glyphs, Glyph{Text: "X", X: 20, Y: 400, W: 5, Size: 10, Upright: false, Seq: 99})
			},
			want: "upright words",
		},
		{
			name: "soft hyphen at a line end joins the word",
			build: func(p *synthPage) {
				p.text(72, 100, "the treat\u00AD", body())
				p.text(72, 112, "ment worked", body())
			},
			want: "the treatment worked",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPage(t, 1)
			tt.build(p)
			text, _ := layoutText(t, p)
			if text != tt.want {
				t.Errorf("text = %q, want %q", text, tt.want)
			}
		})
	}
}

func TestLayoutDehyphenation(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"hyphen at line end joins word", []string{"The treat-", "ment works well."}, "The treatment works well."},
		{"joined form known from the paper joins", []string{"A long fol-", "lowing period; the following day."}, "A long following period; the following day."},
		{"real hyphen kept when the compound occurs elsewhere", []string{"a follow-", "up visit and one follow-up call"}, "a follow-up visit and one follow-up call"},
		{"real hyphen kept when both parts are words", []string{"a case-", "control design with each case and control"}, "a case-control design with each case and control"},
		{"hyphen before a capital kept", []string{"infected with COVID-", "19 in total"}, "infected with COVID-19 in total"},
		{"hyphen before a capital letter kept", []string{"treated with anti-", "TNF agents"}, "treated with anti-TNF agents"},
		{"dash between numbers kept without space", []string{"from 2010–", "2015 onwards"}, "from 2010–2015 onwards"},
		{"broken URL joined", []string{"see https://example.org/", "data for details"}, "see https://example.org/data for details"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPage(t, 1)
			p.lines(72, 100, lead, body(), tt.lines...)
			text, _ := layoutText(t, p)
			if text != tt.want {
				t.Errorf("text = %q, want %q", text, tt.want)
			}
		})
	}
}
