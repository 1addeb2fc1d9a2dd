package pdfextract

import (
	"strings"
	"testing"
)

// Synthetic pages for layout tests: a tiny typesetter that places glyphs
// the way a PDF producer would, with a fixed advance per character.

const (
	pageW, pageH = 612.0, 792.0
	charEm       = 0.5  // advance of every character, in ems
	spaceEm      = 0.25 // width of a word space, in ems
)

// style is how a run of text is set.
type style struct {
	size       float64
	bold       bool
	rise       float64 // text rise (superscripts)
	drawSpaces bool    // emit space glyphs instead of gaps
	letterGap  float64 // extra gap between letters, in ems (TJ kerning)
	invisible  bool
}

func body() style { return style{size: 10} }

type synthPage struct {
	tb testing.TB
	pg PageGlyphs
}

func newPage(tb testing.TB, number int) *synthPage {
	tb.Helper()
	return &synthPage{tb: tb, pg: PageGlyphs{Number: number, Width: pageW, Height: pageH}}
}

// text sets s with its baseline at y starting at x and returns the x after.
func (p *synthPage) text(x, y float64, s string, st style) float64 {
	font := "Times-Roman"
	if st.bold {
		font = "Times-Bold"
	}
	for _, r := range s {
		w := charEm * st.size
		if r == ' ' {
			if st.drawSpaces {
				p.glyph(Glyph{Text: " ", X: x, Y: y - st.rise, W: spaceEm * st.size, Size: st.size, Font: font, Bold: st.bold, Rise: st.rise, Invisible: st.invisible})
			}
			x += spaceEm * st.size
			continue
		}
		p.glyph(Glyph{Text: string(r), X: x, Y: y - st.rise, W: w, Size: st.size, Font: font, Bold: st.bold, Rise: st.rise, Invisible: st.invisible})
		x += w + st.letterGap*st.size
	}
	return x
}

func (p *synthPage) glyph(g Glyph) {
	g.Upright = true
	g.Seq = len(p.pg.Glyphs)
	p.pg.Glyphs = append(p.pg.Glyphs, g)
}

// lines sets each line at x, one below the other from baseline y with the
// given leading, and returns the baseline after the last one.
func (p *synthPage) lines(x, y, leading float64, st style, lines ...string) float64 {
	for _, l := range lines {
		p.text(x, y, l, st)
		y += leading
	}
	return y
}

// wrap breaks text into lines of at most width points for style st.
func wrap(text string, width float64, st style) []string {
	var out []string
	var cur string
	for _, w := range strings.Fields(text) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if lineWidth(try, st) > width && cur != "" {
			out = append(out, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func lineWidth(s string, st style) float64 {
	w := 0.0
	for _, r := range s {
		if r == ' ' {
			w += spaceEm * st.size
		} else {
			w += charEm * st.size
		}
	}
	return w
}

// paragraph wraps text into a column at x of the given width, first line
// indented by indent points, and returns the next baseline.
func (p *synthPage) paragraph(x, y, width, indent, leading float64, st style, text string) float64 {
	ls := wrap(text, width-indent, st)
	for i, l := range ls {
		lx := x
		if i == 0 {
			lx += indent
		}
		p.text(lx, y, l, st)
		y += leading
	}
	return y
}

func pagesOf(ps ...*synthPage) []PageGlyphs {
	out := make([]PageGlyphs, len(ps))
	for i, p := range ps {
		out[i] = p.pg
	}
	return out
}

// layoutText runs layout and checks the offsets it returns are consistent.
func layoutText(tb testing.TB, ps ...*synthPage) (string, []blockView) {
	tb.Helper()
	blocks, text, _ := layoutPages(pagesOf(ps...))
	runes := []rune(text)
	var views []blockView
	at := 0
	for i, b := range blocks {
		if b.Index != i {
			tb.Fatalf("block %d has Index %d", i, b.Index)
		}
		if b.Start != at || b.End < b.Start || b.End > len(runes) {
			tb.Fatalf("block %d spans [%d,%d), want start %d within %d runes", i, b.Start, b.End, at, len(runes))
		}
		views = append(views, blockView{kind: string(b.Kind), text: string(runes[b.Start:b.End]), page: b.Page})
		at = b.End + 2
		if i < len(blocks)-1 && string(runes[b.End:b.End+2]) != "\n\n" {
			tb.Fatalf("block %d not followed by a blank line", i)
		}
	}
	if len(blocks) > 0 && blocks[len(blocks)-1].End != len(runes) {
		tb.Fatalf("text runs past the last block")
	}
	return text, views
}

type blockView struct {
	kind string
	text string
	page int
}

// lorem returns n distinct filler words so paragraphs have realistic length.
func lorem(tag string, n int) string {
	words := []string{"patients", "were", "enrolled", "from", "clinics", "and", "followed", "for", "outcomes", "over", "time", "with", "care"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
		if i%7 == 3 {
			b.WriteString(tag)
		}
	}
	return b.String()
}

func (b blockView) String() string { return b.kind + ":" + strconvQuote(b.text) + "\n" }

func strconvQuote(s string) string { return "\"" + s + "\"" }
