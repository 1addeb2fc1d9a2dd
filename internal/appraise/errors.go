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
	// ErrRecordDamaged: one stored record failed its checksum; it is not
	// shown, and a backup or the recovery of a damaged library may bring
	// it back.
	ErrRecordDamaged = errors.New("a record in the library is damaged and cannot be read; restore a backup to recover it")
	// ErrEmptyQuote: an annotation was asked for with no text selected.
	ErrEmptyQuote = errors.New("the quote is empty")
	// ErrQuoteNotFound: the quoted text does not occur in the paper.
	ErrQuoteNotFound = errors.New("the quote does not occur in the paper")
	// ErrQuoteAmbiguous: the quote occurs more than once and no occurrence was chosen.
	ErrQuoteAmbiguous = errors.New("the quote occurs more than once in the paper; choose an occurrence")
	// ErrInvalidAppraisal: an unknown instrument, item, answer, domain,
	// domain level or evidence level, or an evidence annotation that does
	// not belong to the paper.
	ErrInvalidAppraisal = errors.New("invalid appraisal input")
	// ErrInvalidLink: a typed link that cannot be made (unknown type, an
	// annotation linked to itself or to another paper's annotation).
	ErrInvalidLink = errors.New("invalid link")
	// ErrInvalidChecklist: a custom checklist file that cannot be imported.
	ErrInvalidChecklist = errors.New("invalid checklist file")
	// ErrExportEncrypted: an annotated copy of an encrypted PDF was asked
	// for; writers garble such files, so Appraise refuses.
	ErrExportEncrypted = errors.New("this PDF is encrypted, so Appraise cannot write an annotated copy of it; save an unencrypted copy from your PDF viewer and open that")
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
	ErrEmptyFile             = errors.New("this file is empty (0 bytes), not a PDF")
	ErrDamaged               = errors.New("this PDF is damaged beyond repair")
	ErrExtractTimeout        = errors.New("reading this PDF took too long and was stopped")
	ErrTooLarge              = errors.New("this PDF is too large to read within Appraise's memory limit")
	ErrExtractionCancelled   = errors.New("opening the PDF was cancelled")
)

// MaxInputFileSize is the largest PDF Appraise reads: a larger file is
// refused before a byte of it is read.
const MaxInputFileSize = 1 << 30

// Input file errors: the file a user named cannot be used at all. Each is
// one sentence; the CLI exits 3 on them.
var (
	ErrNoSuchFile = errors.New("there is no file at this path")
	//lint:ignore ST1005 the message begins with the product name
	ErrFileUnreadable = errors.New("Appraise is not allowed to read this file")
	ErrNotAFile       = errors.New("this is a folder or a special file (a device or a pipe), not a PDF file")
	ErrFileTooLarge   = errors.New("this file is larger than 1 GiB, the most Appraise reads")
)

// InputFileErrors lists the input file errors, for callers that map them
// to exit codes or dialogs.
func InputFileErrors() []error {
	return []error{ErrNoSuchFile, ErrFileUnreadable, ErrNotAFile, ErrFileTooLarge}
}

// ExtractionErrors lists the typed extraction errors, for callers that map
// them to exit codes or dialogs.
func ExtractionErrors() []error {
	return []error{ErrNeedsPassword, ErrWrongPassword, ErrUnsupportedEncryption,
		ErrNoTextLayer, ErrNoTextNoImages, ErrNotPDF, ErrEmptyFile, ErrDamaged, ErrExtractTimeout, ErrTooLarge, ErrExtractionCancelled}
}
