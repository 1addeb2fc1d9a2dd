package appraise

import "errors"

// Page rendering and annotated-PDF errors: why a page could not be shown
// or a PDF not written. Each is one sentence for the user; wrapped with the
// page or file by the renderer.
var (
	// ErrNoRenderer: this build or configuration has no page renderer.
	//lint:ignore ST1005 the message begins with the product name
	ErrNoRenderer = errors.New("Appraise cannot draw PDF pages here, so the page view and the annotated PDF are unavailable")
	// ErrPageNotDrawn: the renderer failed on this page (the file is
	// damaged there, or uses something the renderer cannot draw).
	ErrPageNotDrawn = errors.New("this page could not be drawn")
	// ErrRenderTimeout: drawing took longer than the renderer's limit.
	ErrRenderTimeout = errors.New("drawing this page took too long and was stopped")
	// ErrRenderTooLarge: the page does not fit the renderer's memory limit
	// at this zoom.
	ErrRenderTooLarge = errors.New("this page is too large to draw at this zoom within Appraise's memory limit")
	// ErrPaperFileChanged: the PDF at the paper's path is no longer the
	// file that was opened (it was replaced or edited), so its pages would
	// not match the text and annotations.
	ErrPaperFileChanged = errors.New("the PDF file has changed since Appraise read it; open it again to see its pages")
)

// RenderErrors lists the typed rendering errors, for callers that map
// them to messages or exit codes.
func RenderErrors() []error {
	return []error{ErrNoRenderer, ErrPageNotDrawn, ErrRenderTimeout, ErrRenderTooLarge, ErrPaperFileChanged, ErrExportEncrypted}
}

// FormatPDF is the annotated copy of the paper's own PDF: one highlight
// annotation per annotation and page (see appraise.Renderer).
const FormatPDF ExportFormat = "pdf"
