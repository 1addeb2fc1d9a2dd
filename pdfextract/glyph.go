package pdfextract

// Glyph is one decoded character code drawn on a page, in page space after
// the CTM, the text matrix, /Rotate and the crop box are applied: points,
// origin at the top-left of the crop box, y growing downwards.
//
// The content-stream interpreter (interp*.go, font*.go) produces glyphs; the
// layout stage (layout*.go) consumes them. This type is the contract
// between the two.
//
// Fields are ordered so that the struct has no padding (88 bytes).
type Glyph struct {
	// Text is the Unicode the code maps to: usually one rune, several for
	// ligatures ("ffi") or multi-rune ToUnicode entries; "" when unmapped.
	Text string
	// X, Y: the start of the glyph on its baseline.
	X, Y float64
	// W is the advance width along the baseline in points. A simple font's
	// missing width falls back to its default or a per-font estimate; a CID
	// font's explicit /W 0 and a Type 3 glyph's zero width stay 0.
	W float64
	// Size is the effective font size in points: Tf size scaled by the text
	// matrix and CTM (vertical scale), so layout thresholds can use it.
	Size float64
	// Rise is the text rise (Ts) in points; positive for superscripts.
	Rise float64
	// Seq is the glyph's index in drawing order on its page.
	Seq int
	// Font is the font's BaseFont name without a subset prefix
	// ("Helvetica-Bold"), for style cues.
	Font string
	// Bold and Italic come from the font descriptor flags or the name.
	Bold, Italic bool
	// Invisible marks render modes 3 and 7 (e.g. an OCR layer under a scan).
	Invisible bool
	// Upright is false when the baseline is not horizontal (rotated text in
	// margins, vertical table headers); layout may treat these apart.
	Upright bool
}

// PageGlyphs is one page's glyphs and its size after /Rotate and cropping.
type PageGlyphs struct {
	Number        int // 1-based
	Width, Height float64
	Glyphs        []Glyph
	// images is how many images the page drew; damaged, whether it could
	// not be read completely. Together they say why a document without
	// text has none (see noTextError).
	images  int
	damaged bool
}
