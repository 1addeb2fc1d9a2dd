package pdfextract

import (
	"github.com/ledongthuc/pdf"
)

// Text in annotations. Viewers draw a page's annotations over its content
// from their appearance streams (/AP /N, a Form XObject); FreeText
// annotations (comments typed on the page) and form-field widgets
// (a certificate whose body is one page-sized text field) hold text a
// reader sees there. Other kinds (links, highlights, stamps, pop-up
// notes, check boxes and radio buttons) hold none a reader would quote.

// maxAnnots bounds the annotations read per page.
const maxAnnots = 512

// Annotation flags (PDF 32000-1, 12.5.3) that keep one off the screen.
const (
	annotHidden = 1 << 1
	annotNoView = 1 << 5
)

// runAnnotations draws the text annotations of page p after its content.
func (ip *interp) runAnnotations(p pageRef, pageRes *resources) {
	annots := p.v.Key("Annots")
	for i := 0; i < annots.Len() && i < maxAnnots; i++ {
		a := annots.Index(i)
		if a.Kind() != pdf.Dict || !showsText(a) {
			continue
		}
		if flags := a.Key("F").Int64(); flags&(annotHidden|annotNoView) != 0 {
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == pdf.Dict {
			ap = ap.Key(a.Key("AS").Name()) // one appearance per state
		}
		if ap.Kind() != pdf.Stream {
			continue
		}
		r, ok := rect(a.Key("Rect"))
		if !ok {
			continue
		}
		ip.runAppearance(ap, r, pageRes)
	}
}

// showsText reports the annotation kinds whose appearance is text to read:
// FreeText, and widgets of text and choice fields (a field's type may be
// inherited from its parent).
func showsText(a pdf.Value) bool {
	switch a.Key("Subtype").Name() {
	case "FreeText":
		return true
	case "Widget":
		ft := a.Key("FT")
		for p, depth := a.Key("Parent"), 0; ft.Kind() == pdf.Null && p.Kind() == pdf.Dict && depth < 16; p, depth = p.Key("Parent"), depth+1 {
			ft = p.Key("FT")
		}
		return ft.Name() == "Tx" || ft.Name() == "Ch"
	}
	return false
}

// runAppearance runs an appearance stream so that its bounding box, after
// its own /Matrix, fills rect r on the page (PDF 32000-1, 12.5.5).
func (ip *interp) runAppearance(ap pdf.Value, r [4]float64, pageRes *resources) {
	key := ap.String()
	f := ip.dc.formOf(ap, key)
	if !f.isForm {
		return
	}
	bbox, ok := rect(ap.Key("BBox"))
	if !ok {
		bbox = [4]float64{0, 0, r[2] - r[0], r[3] - r[1]}
	}
	// The box's corners after /Matrix, and their bounds.
	x0, y0 := f.matrix.apply(bbox[0], bbox[1])
	bx0, by0, bx1, by1 := x0, y0, x0, y0
	for _, c := range [][2]float64{{bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}} {
		x, y := f.matrix.apply(c[0], c[1])
		bx0, by0, bx1, by1 = min(bx0, x), min(by0, y), max(bx1, x), max(by1, y)
	}
	if bx1-bx0 < 1e-6 || by1-by0 < 1e-6 {
		return
	}
	sx, sy := (r[2]-r[0])/(bx1-bx0), (r[3]-r[1])/(by1-by0)
	fit := matrix{sx, 0, 0, sy, r[0] - sx*bx0, r[1] - sy*by0}
	if !fit.finite() {
		return
	}
	res := pageRes
	if f.res.Kind() == pdf.Dict {
		res = ip.dc.resourcesOf(f.res)
	}
	saved := ip.gs
	savedStack, savedOverflow := len(ip.stack), ip.overflow
	ip.gs = gstate{ctm: identity, hScale: 1}
	ip.tm, ip.tlm = identity, identity
	ip.setCTM(f.matrix.mul(fit))
	ip.forms = append(ip.forms, key)
	ip.run(f.content, res)
	ip.forms = ip.forms[:len(ip.forms)-1]
	ip.gs = saved
	ip.stack, ip.overflow = ip.stack[:min(savedStack, len(ip.stack))], savedOverflow
	ip.setCTM(ip.gs.ctm)
}
