package pdfextract

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayoutDebugPage prints one corpus page's glyph runs, fragments and
// lines, for studying a layout failure:
//
//	APPRAISE_CORPUS=../shared/corpus APPRAISE_LAYOUT_DEBUG=mdpi-ijms-2024-25-1660:5 \
//	  go test -run TestLayoutDebugPage -v ./pdfextract/
//
// An optional third field filters glyph lines by a substring.
func TestLayoutDebugPage(t *testing.T) {
	spec := os.Getenv("APPRAISE_LAYOUT_DEBUG")
	if spec == "" {
		t.Skip("APPRAISE_LAYOUT_DEBUG is not set (name:page[:grep])")
	}
	dir := layoutCorpusDir(t)
	parts := strings.SplitN(spec, ":", 3)
	page, _ := strconv.Atoi(parts[1])
	data, err := os.ReadFile(filepath.Join(dir, "pdfs", parts[0]+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := PageGlyphsOf(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	grep := ""
	if len(parts) > 2 {
		grep = parts[2]
	}
	if page == 0 { // every page, fragments matching grep only
		for _, p := range pages {
			for _, f := range buildFragments(prepareGlyphs(p)) {
				if strings.Contains(f.plainText(), grep) {
					fmt.Printf("page %d frag x %.1f-%.1f top %.1f base %.1f size %.2f: %q\n", p.Number, f.x0, f.x1, f.top, f.base, f.size, f.plainText())
				}
			}
		}
		return
	}
	p := pages[page-1]
	fmt.Printf("page %d: %.1f x %.1f, %d glyphs\n", p.Number, p.Width, p.Height, len(p.Glyphs))
	gs := prepareGlyphs(p)
	frs := buildFragments(gs)
	pf := &pageFrags{number: p.Number, width: p.Width, height: p.Height, frags: frs}
	removeFurniture([]*pageFrags{pf})
	fmt.Printf("gutters: %v (narrow %.1f)\n", findGutters(keptFrags(pf), p.Width), narrowWidth(frs))
	for _, f := range frs {
		txt := f.plainText()
		if grep != "" && !strings.Contains(txt, grep) {
			continue
		}
		fmt.Printf("frag x %.1f-%.1f top %.1f base %.1f size %.2f removed %v: %q\n", f.x0, f.x1, f.top, f.base, f.size, f.removed, txt)
		if grep != "" {
			for _, g := range f.glyphs {
				fmt.Printf("   %q x %.2f-%.2f base %.2f size %.2f rise %.2f seq %d bold %v\n", g.text, g.x0, g.x1, g.base, g.size, g.rise, g.seq, g.bold)
			}
		}
	}
	for bi, b := range pageBands(keptFrags(pf), p.Width) {
		for ci, c := range b.cols {
			fmt.Printf("band %d spanning %v col %d: %d frags\n", bi, b.spanning, ci, len(c))
		}
	}
}

func keptFrags(p *pageFrags) []*fragment {
	var out []*fragment
	for _, f := range p.frags {
		if !f.removed {
			out = append(out, f)
		}
	}
	return out
}

// TestLayoutDebugLines prints every line of a PDF in reading order with
// its geometry: APPRAISE_LAYOUT_LINES=path/to/file.pdf.
func TestLayoutDebugLines(t *testing.T) {
	path := os.Getenv("APPRAISE_LAYOUT_LINES")
	if path == "" {
		t.Skip("APPRAISE_LAYOUT_LINES is not set (a PDF path)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := PageGlyphsOf(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pfs := make([]*pageFrags, len(pages))
	for i, p := range pages {
		pfs[i] = &pageFrags{number: p.Number, width: p.Width, height: p.Height, frags: buildFragments(prepareGlyphs(p))}
	}
	removeFurniture(pfs)
	lines := orderLines(pfs)
	st := measureDoc(lines)
	fmt.Printf("body size %.2f spacing %.2f\n", st.bodySize, st.bodySpacing)
	for _, l := range lines {
		txt := l.text
		if len(txt) > 70 {
			txt = txt[:70]
		}
		fmt.Printf("p%d c%d x %.1f-%.1f [%.1f-%.1f] base %.1f size %.2f bold %.1f | %s\n", l.page, l.col, l.x0, l.x1, l.colLeft, l.colRight, l.base, l.size, l.bold, txt)
	}
}

// TestLayoutDebugBlocks prints a PDF's blocks with kind and page:
// APPRAISE_LAYOUT_BLOCKS=path/to/file.pdf.
func TestLayoutDebugBlocks(t *testing.T) {
	path := os.Getenv("APPRAISE_LAYOUT_BLOCKS")
	if path == "" {
		t.Skip("APPRAISE_LAYOUT_BLOCKS is not set (a PDF path)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := PageGlyphsOf(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	blocks, text := layoutPages(pages)
	runes := []rune(text)
	for _, b := range blocks {
		s := string(runes[b.Start:b.End])
		if len([]rune(s)) > 90 {
			s = string([]rune(s)[:90])
		}
		fmt.Printf("%3d p%d %-9s y%4.0f | %s\n", b.Index, b.Page, b.Kind, b.BBox.Y0, s)
	}
}
