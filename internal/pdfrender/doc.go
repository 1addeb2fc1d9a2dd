// Package pdfrender draws PDF pages and writes annotated copies of PDFs
// with PDFium compiled to WebAssembly (github.com/klippa-app/go-pdfium on
// wazero), so it builds without cgo. It is the only importer of go-pdfium
// and wazero, implements appraise.Renderer, and imports neither store nor
// pdfextract (nor do they import it).
//
// PDFium parses untrusted bytes, so it runs in a worker process: this
// binary re-executed (see WorkerMain, which main must call first), kept
// alive across requests so the module is compiled once per worker and the
// open paper stays parsed between pages, and stopped after a few idle
// minutes. Requests and answers are gob values on the worker's standard
// input and output (protocol.go). Limits (limits.go):
//
//   - a wall-clock limit per request: past it the worker is killed, the
//     caller gets appraise.ErrRenderTimeout and the next request starts a
//     fresh worker;
//   - a WebAssembly memory-page limit, so a page too large to draw fails
//     inside PDFium (appraise.ErrRenderTooLarge) and the worker lives on;
//   - a resident-memory watchdog in the worker for everything else;
//   - no file system for the module: the worker reads the PDF (at most
//     appraise.MaxInputFileSize bytes) and hands PDFium the bytes.
//
// go-pdfium's context-cancellation option is not used: it slowed renders
// 2.5–8× when measured. A cancelled context returns at once; the worker
// finishes the request within its limit before taking the next.
//
// The compiled module is cached by wazero in DefaultCacheDir (mode 0700);
// a cache folder that cannot be used only makes each worker start slower.
//
// Coordinates: appraise.Rect is in points from the top-left corner of the
// page's crop box after /Rotate; quads.go maps that to PDF user space for
// /QuadPoints. Annotated copies are full rewrites (PDFium's incremental
// save corrupted real papers); PDFium writes each highlight's appearance
// stream (multiply-blended, so the text stays readable) when it draws the
// page once before saving, so viewers that draw only from /AP show it.
package pdfrender
