package appraise

import "errors"

// Sentinel errors. Each one's message is a plain sentence a person can read;
// lower layers wrap them with the operation and object, and callers test
// with errors.Is.
var (
	// ErrNotFound: the paper, annotation or tag asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalidTag: a tag name, colour or key breaks the rules in ValidateTag.
	ErrInvalidTag = errors.New("invalid tag")
	// ErrLibraryLocked: another Appraise holds the library file. The
	// sentence starts with the app's name, hence the capital.
	//lint:ignore ST1005 the message begins with the product name
	ErrLibraryLocked = errors.New("Appraise is already open with this library")
	// ErrLibraryDamaged: the library file is not a readable Appraise library.
	ErrLibraryDamaged = errors.New("the library file is damaged or is not an Appraise library")
	// ErrEmptyQuote: an annotation was asked for with no text selected.
	ErrEmptyQuote = errors.New("the quote is empty")
	// ErrQuoteNotFound: the quoted text does not occur in the paper.
	ErrQuoteNotFound = errors.New("the quote does not occur in the paper")
	// ErrQuoteAmbiguous: the quote occurs more than once and no occurrence was chosen.
	ErrQuoteAmbiguous = errors.New("the quote occurs more than once in the paper; choose an occurrence")
)

// Extraction errors: why a PDF gave no text. Each is one sentence for the
// user; the GUI and CLI show them as they are.
var (
	ErrNeedsPassword         = errors.New("this PDF is encrypted and needs a password")
	ErrWrongPassword         = errors.New("that password does not open this PDF")
	ErrUnsupportedEncryption = errors.New("this PDF uses an encryption Appraise cannot read; save an unencrypted copy from your PDF viewer")
	ErrNoTextLayer           = errors.New("this PDF has no text layer (it looks scanned); run it through OCR first")
	ErrNoTextNoImages        = errors.New("this PDF has no text and no images: its pages are blank or drawn only with lines and shapes")
	ErrNotPDF                = errors.New("this file is not a PDF")
	ErrDamaged               = errors.New("this PDF is damaged beyond repair")
	ErrExtractTimeout        = errors.New("reading this PDF took too long and was stopped")
	ErrTooLarge              = errors.New("this PDF is too large to read within Appraise's memory limit")
	ErrExtractionCancelled   = errors.New("opening the PDF was cancelled")
)

// ExtractionErrors lists the typed extraction errors, for callers that map
// them to exit codes or dialogs.
func ExtractionErrors() []error {
	return []error{ErrNeedsPassword, ErrWrongPassword, ErrUnsupportedEncryption,
		ErrNoTextLayer, ErrNoTextNoImages, ErrNotPDF, ErrDamaged, ErrExtractTimeout, ErrTooLarge, ErrExtractionCancelled}
}
