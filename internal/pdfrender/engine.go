package pdfrender

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"appraise.app/appraise/internal/appraise"
)

// engine is PDFium inside one worker process: the WebAssembly module,
// compiled once, and the document last rendered, kept open so paging
// through a paper does not parse it again. It is not safe for concurrent
// use; the worker serves one request at a time.
type engine struct {
	pool pdfium.Pool
	inst pdfium.Pdfium
	open *openDoc
}

// openDoc is the document kept open between renders.
type openDoc struct {
	key  docKey
	doc  references.FPDF_DOCUMENT
	data []byte // PDFium reads from it for as long as the document is open
}

// docKey names a version of a file: a file rewritten in place gets a new
// size or modification time and is read again.
type docKey struct {
	Path     string
	Size     int64
	ModTime  time.Time
	Password string
}

// newEngine compiles PDFium's module with the wazero compilation cache in
// cacheDir ("" for none), under a memory limit of memPages 64 KiB pages.
// The module gets no file system and no standard streams: the worker's
// standard output carries the protocol.
func newEngine(cacheDir string, memPages uint32) (*engine, error) {
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(memPages)
	if cacheDir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(cacheDir); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle: 1, MaxIdle: 1, MaxTotal: 1, ReuseWorkers: true,
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		return nil, fmt.Errorf("start PDFium: %w", err)
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		_ = pool.Close()
		return nil, fmt.Errorf("start PDFium: %w", err)
	}
	return &engine{pool: pool, inst: inst}, nil
}

// prepareCacheDir makes the compilation cache folder (mode 0700) and
// reports it, or "" when it cannot be used: rendering then compiles the
// module afresh on every start, slower but working.
func prepareCacheDir(dir string) string {
	if dir == "" {
		return ""
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return ""
	}
	// A folder another user can write could feed us compiled code.
	if st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return ""
		}
	}
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return ""
	}
	probe.Close()
	os.Remove(probe.Name())
	return dir
}

// DefaultCacheDir is where the compiled PDFium module is kept between
// runs: appraise/wazero in the user's cache folder ("" when there is none).
func DefaultCacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "appraise", "wazero")
}

// readPDF reads a PDF of at most appraise.MaxInputFileSize bytes.
func readPDF(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, appraise.MaxInputFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > appraise.MaxInputFileSize {
		return nil, appraise.ErrFileTooLarge
	}
	return data, nil
}

// document opens key's file, or returns it when it is already open.
func (e *engine) document(key docKey) (references.FPDF_DOCUMENT, error) {
	if e.open != nil && e.open.key == key {
		return e.open.doc, nil
	}
	e.closeDocument()
	data, err := readPDF(key.Path)
	if err != nil {
		return "", err
	}
	doc, err := e.load(&data, key.Password)
	if err != nil {
		return "", err
	}
	e.open = &openDoc{key: key, doc: doc, data: data}
	return doc, nil
}

// load opens a PDF held in memory.
func (e *engine) load(data *[]byte, password string) (references.FPDF_DOCUMENT, error) {
	req := &requests.OpenDocument{File: data}
	if password != "" {
		req.Password = &password
	}
	res, err := e.inst.OpenDocument(req)
	if err != nil {
		return "", classifyOpen(err, password != "")
	}
	return res.Document, nil
}

// classifyOpen turns PDFium's open errors into the typed ones.
func classifyOpen(err error, withPassword bool) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword) && withPassword:
		return appraise.ErrWrongPassword
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return appraise.ErrNeedsPassword
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return appraise.ErrUnsupportedEncryption
	}
	return fmt.Errorf("%v: %w", err, appraise.ErrDamaged)
}

func (e *engine) closeDocument() {
	if e.open == nil {
		return
	}
	_, _ = e.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: e.open.doc})
	e.open = nil
}

// maxPixels bounds one rendered page (a 2 m poster at 4× is refused, not
// drawn into a gigabyte of memory).
const maxPixels = 40 << 20

// render draws page (1-based) of key's document at scale pixels per point
// on white, with the file's own annotations, as RGBA pixels.
func (e *engine) render(key docKey, page int, scale float64) (w, h int, pix []byte, err error) {
	if !(scale > 0) || scale > 16 {
		return 0, 0, nil, fmt.Errorf("scale %g is out of range", scale)
	}
	doc, err := e.document(key)
	if err != nil {
		return 0, 0, nil, err
	}
	count, err := e.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return 0, 0, nil, fmt.Errorf("count pages: %v: %w", err, appraise.ErrDamaged)
	}
	if page < 1 || page > count.PageCount {
		return 0, 0, nil, fmt.Errorf("page %d: the PDF has %d pages: %w", page, count.PageCount, appraise.ErrNotFound)
	}
	lp, err := e.inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: page - 1})
	if err != nil {
		return 0, 0, nil, fmt.Errorf("load page %d: %v: %w", page, err, appraise.ErrPageNotDrawn)
	}
	defer e.inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	pg := requests.Page{ByReference: &lp.Page}
	pw, err := e.inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: pg})
	if err != nil {
		return 0, 0, nil, fmt.Errorf("page %d size: %v: %w", page, err, appraise.ErrPageNotDrawn)
	}
	ph, err := e.inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: pg})
	if err != nil {
		return 0, 0, nil, fmt.Errorf("page %d size: %v: %w", page, err, appraise.ErrPageNotDrawn)
	}
	w, h = pixelSize(float64(pw.PageWidth), scale), pixelSize(float64(ph.PageHeight), scale)
	if w*h > maxPixels {
		return 0, 0, nil, fmt.Errorf("page %d at %g× is %d×%d pixels, over the %d-pixel limit: %w", page, scale, w, h, maxPixels, errTooBig)
	}
	bm, err := e.inst.FPDFBitmap_Create(&requests.FPDFBitmap_Create{Width: w, Height: h, Alpha: 0})
	if err != nil {
		return 0, 0, nil, fmt.Errorf("page %d: %v: %w", page, err, errTooBig)
	}
	defer e.inst.FPDFBitmap_Destroy(&requests.FPDFBitmap_Destroy{Bitmap: bm.Bitmap})
	// PDFium hands back no bitmap (stride 0) when its memory cannot hold
	// one: the module's page limit at work.
	st, err := e.inst.FPDFBitmap_GetStride(&requests.FPDFBitmap_GetStride{Bitmap: bm.Bitmap})
	if err != nil || st.Stride < 4*w {
		return 0, 0, nil, fmt.Errorf("page %d at %g× (%d×%d pixels) does not fit PDFium's memory: %w", page, scale, w, h, errTooBig)
	}
	if _, err := e.inst.FPDFBitmap_FillRect(&requests.FPDFBitmap_FillRect{Bitmap: bm.Bitmap, Width: w, Height: h, Color: 0xFFFFFFFF}); err != nil {
		return 0, 0, nil, fmt.Errorf("page %d: %v: %w", page, err, appraise.ErrPageNotDrawn)
	}
	if _, err := e.inst.FPDF_RenderPageBitmap(&requests.FPDF_RenderPageBitmap{Bitmap: bm.Bitmap, Page: pg, SizeX: w, SizeY: h,
		Flags: enums.FPDF_RENDER_FLAG_ANNOT | enums.FPDF_RENDER_FLAG_REVERSE_BYTE_ORDER}); err != nil {
		return 0, 0, nil, fmt.Errorf("draw page %d: %v: %w", page, err, appraise.ErrPageNotDrawn)
	}
	buf, err := e.inst.FPDFBitmap_GetBuffer(&requests.FPDFBitmap_GetBuffer{Bitmap: bm.Bitmap})
	if err != nil || st.Stride < 4*w || len(buf.Buffer) < st.Stride*(h-1)+4*w {
		return 0, 0, nil, fmt.Errorf("page %d: read the drawn page: %v: %w", page, err, appraise.ErrPageNotDrawn)
	}
	// The buffer is a view into the module's memory: copy it out, rows
	// packed, alpha opaque (the bitmap has none: RGBx).
	pix = make([]byte, 4*w*h)
	for y := range h {
		row := pix[4*w*y : 4*w*(y+1)]
		copy(row, buf.Buffer[st.Stride*y:st.Stride*y+4*w])
		for x := 3; x < len(row); x += 4 {
			row[x] = 0xFF
		}
	}
	return w, h, pix, nil
}

// pixelSize is a length in points at scale, rounded, at least one pixel.
func pixelSize(points, scale float64) int {
	return max(1, int(math.Round(points*scale)))
}
