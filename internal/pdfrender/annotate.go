package pdfrender

import (
	"fmt"
	"sort"
	"time"

	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"

	"appraise.app/appraise/internal/appraise"
)

// highlights writes hs into a copy of the PDF at src and returns the
// copy's bytes: a full rewrite, not an incremental update (PDFium's
// incremental save corrupted real papers). Encrypted files are refused.
func (e *engine) highlights(src string, hs []appraise.Highlight) ([]byte, error) {
	data, err := readPDF(src)
	if err != nil {
		return nil, err
	}
	doc, err := e.load(&data, "")
	if err != nil {
		if err == appraise.ErrNeedsPassword || err == appraise.ErrUnsupportedEncryption {
			return nil, appraise.ErrExportEncrypted
		}
		return nil, err
	}
	defer e.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	sec, err := e.inst.FPDF_GetSecurityHandlerRevision(&requests.FPDF_GetSecurityHandlerRevision{Document: doc})
	if err != nil || sec.SecurityHandlerRevision != -1 {
		// An owner-password-only file opens without a password, but
		// writers garble it all the same.
		return nil, appraise.ErrExportEncrypted
	}
	count, err := e.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, fmt.Errorf("count pages: %v: %w", err, appraise.ErrDamaged)
	}
	byPage := map[int][]appraise.Highlight{}
	var pages []int
	for _, h := range hs {
		if h.Page < 1 || h.Page > count.PageCount {
			return nil, fmt.Errorf("highlight %s is on page %d of a %d-page PDF: %w", h.ID, h.Page, count.PageCount, appraise.ErrNotFound)
		}
		if len(byPage[h.Page]) == 0 {
			pages = append(pages, h.Page)
		}
		byPage[h.Page] = append(byPage[h.Page], h)
	}
	sort.Ints(pages)
	for _, p := range pages {
		if err := e.annotatePage(doc, p, byPage[p]); err != nil {
			return nil, err
		}
		if err := e.makeAppearances(doc, p); err != nil {
			return nil, err
		}
	}
	saved, err := e.inst.FPDF_SaveAsCopy(&requests.FPDF_SaveAsCopy{Document: doc, Flags: requests.SaveFlagNoIncremental})
	if err != nil || saved.FileBytes == nil {
		return nil, fmt.Errorf("save the annotated copy: %v: %w", err, appraise.ErrDamaged)
	}
	return *saved.FileBytes, nil
}

// annotatePage adds one /Highlight annotation per entry of hs to page.
func (e *engine) annotatePage(doc references.FPDF_DOCUMENT, page int, hs []appraise.Highlight) error {
	lp, err := e.inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: page - 1})
	if err != nil {
		return fmt.Errorf("load page %d: %v: %w", page, err, appraise.ErrDamaged)
	}
	defer e.inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	pg := requests.Page{ByReference: &lp.Page}
	box, err := e.pageBox(pg)
	if err != nil {
		return fmt.Errorf("page %d: %w", page, err)
	}
	for _, h := range hs {
		if err := e.addHighlight(pg, box, h); err != nil {
			return fmt.Errorf("highlight %s on page %d: %v: %w", h.ID, page, err, appraise.ErrDamaged)
		}
	}
	return nil
}

// makeAppearances has PDFium write an appearance stream (/AP) for the new
// highlights of page: it generates one for an annotation without one
// whenever it draws the page with its annotations, and keeps it in the
// document, so the saved copy carries it. Viewers that draw only from
// /AP then show the highlights too. The page is drawn into one pixel.
func (e *engine) makeAppearances(doc references.FPDF_DOCUMENT, page int) error {
	lp, err := e.inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: page - 1})
	if err != nil {
		return fmt.Errorf("load page %d: %v: %w", page, err, appraise.ErrDamaged)
	}
	defer e.inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	bm, err := e.inst.FPDFBitmap_Create(&requests.FPDFBitmap_Create{Width: 1, Height: 1, Alpha: 0})
	if err != nil {
		return fmt.Errorf("page %d: %v: %w", page, err, appraise.ErrDamaged)
	}
	defer e.inst.FPDFBitmap_Destroy(&requests.FPDFBitmap_Destroy{Bitmap: bm.Bitmap})
	if _, err := e.inst.FPDF_RenderPageBitmap(&requests.FPDF_RenderPageBitmap{Bitmap: bm.Bitmap, Page: requests.Page{ByReference: &lp.Page},
		SizeX: 1, SizeY: 1, Flags: enums.FPDF_RENDER_FLAG_ANNOT}); err != nil {
		return fmt.Errorf("page %d appearances: %v: %w", page, err, appraise.ErrDamaged)
	}
	return nil
}

// pageBox reads how the page is shown: its bounding box (the crop box
// clipped to the media box, as PDFium draws it) and /Rotate.
func (e *engine) pageBox(pg requests.Page) (pageBox, error) {
	bb, err := e.inst.FPDF_GetPageBoundingBox(&requests.FPDF_GetPageBoundingBox{Page: pg})
	if err != nil {
		return pageBox{}, fmt.Errorf("read the page box: %v: %w", err, appraise.ErrDamaged)
	}
	b := normBox(float64(bb.Rect.Left), float64(bb.Rect.Bottom), float64(bb.Rect.Right), float64(bb.Rect.Top))
	rot, err := e.inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: pg})
	if err != nil {
		return pageBox{}, fmt.Errorf("read /Rotate: %v: %w", err, appraise.ErrDamaged)
	}
	b.Rotate = 90 * int(rot.PageRotation)
	return b, nil
}

func normBox(x0, y0, x1, y1 float64) pageBox {
	return pageBox{X0: min(x0, x1), Y0: min(y0, y1), X1: max(x0, x1), Y1: max(y0, y1)}
}

// addHighlight creates one highlight annotation.
func (e *engine) addHighlight(pg requests.Page, box pageBox, h appraise.Highlight) error {
	ca, err := e.inst.FPDFPage_CreateAnnot(&requests.FPDFPage_CreateAnnot{Page: pg, Subtype: enums.FPDF_ANNOT_SUBTYPE_HIGHLIGHT})
	if err != nil {
		return err
	}
	a := ca.Annotation
	defer e.inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: a})
	if _, err := e.inst.FPDFAnnot_SetColor(&requests.FPDFAnnot_SetColor{Annotation: a, ColorType: enums.FPDFANNOT_COLORTYPE_Color,
		R: uint(h.Color[0]), G: uint(h.Color[1]), B: uint(h.Color[2]), A: 255}); err != nil {
		return fmt.Errorf("colour: %v", err)
	}
	var l, b, r, t float64
	for i, rect := range h.Quads {
		q := box.quadOf(rect)
		ql, qb, qr, qt := q.bounds()
		if i == 0 {
			l, b, r, t = ql, qb, qr, qt
		} else {
			l, b, r, t = min(l, ql), min(b, qb), max(r, qr), max(t, qt)
		}
		pts := structs.FPDF_FS_QUADPOINTSF{
			X1: float32(q[0]), Y1: float32(q[1]), X2: float32(q[2]), Y2: float32(q[3]),
			X3: float32(q[4]), Y3: float32(q[5]), X4: float32(q[6]), Y4: float32(q[7]),
		}
		if _, err := e.inst.FPDFAnnot_AppendAttachmentPoints(&requests.FPDFAnnot_AppendAttachmentPoints{Annotation: a, AttachmentPoints: pts}); err != nil {
			return fmt.Errorf("quad points: %v", err)
		}
	}
	if len(h.Quads) > 0 {
		if _, err := e.inst.FPDFAnnot_SetRect(&requests.FPDFAnnot_SetRect{Annotation: a,
			Rect: structs.FPDF_FS_RECTF{Left: float32(l), Bottom: float32(b), Right: float32(r), Top: float32(t)}}); err != nil {
			return fmt.Errorf("rect: %v", err)
		}
	}
	values := []struct{ key, value string }{
		{"Contents", h.Contents}, {"T", h.Author}, {"NM", h.ID},
	}
	if !h.Modified.IsZero() {
		values = append(values, struct{ key, value string }{"M", pdfDate(h.Modified)})
	}
	for _, kv := range values {
		if kv.value == "" {
			continue
		}
		if _, err := e.inst.FPDFAnnot_SetStringValue(&requests.FPDFAnnot_SetStringValue{Annotation: a, Key: kv.key, Value: kv.value}); err != nil {
			return fmt.Errorf("/%s: %v", kv.key, err)
		}
	}
	if _, err := e.inst.FPDFAnnot_SetFlags(&requests.FPDFAnnot_SetFlags{Annotation: a, Flags: enums.FPDF_ANNOT_FLAG_PRINT}); err != nil {
		return fmt.Errorf("flags: %v", err)
	}
	return nil
}

// pdfDate formats t as a PDF date string (D:YYYYMMDDHHmmSS+HH'mm').
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	if off == 0 {
		return t.Format("D:20060102150405") + "Z"
	}
	return fmt.Sprintf("%s%c%02d'%02d'", t.Format("D:20060102150405"), sign, off/3600, off/60%60)
}
