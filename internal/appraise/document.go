package appraise

// BlockKind says what role a block of text plays on the page.
type BlockKind string

// The block kinds the extractor recognises.
const (
	KindTitle     BlockKind = "title"     // the paper's title on the first page
	KindHeading   BlockKind = "heading"   // a section or subsection heading
	KindParagraph BlockKind = "paragraph" // body text
	KindCaption   BlockKind = "caption"   // a figure or table caption
	KindFootnote  BlockKind = "footnote"  // a footnote or affiliation note
	KindReference BlockKind = "reference" // one entry of the reference list
	KindTable     BlockKind = "table"     // a table: rows of cells (Block.Rows)
	KindOther     BlockKind = "other"     // front matter, figure labels and the like
)

// Rect is a box on a page in PDF points with the origin at the top-left
// corner of the page's crop box and y growing downwards (screen order).
type Rect struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// Page describes one page of the source PDF after /Rotate and the crop box.
type Page struct {
	Number int     `json:"number"` // 1-based
	Width  float64 `json:"width"`  // points
	Height float64 `json:"height"` // points
}

// Block is one paragraph, heading, caption, … in reading order. A paragraph
// that continues across a column or page break is one block; Page is the
// page it starts on and BBox its box on that page. PageBreaks lists where
// its text moves on to another page (none for a block on one page).
type Block struct {
	Index      int         `json:"index"` // position in Document.Blocks
	Kind       BlockKind   `json:"kind"`
	Page       int         `json:"page"`
	BBox       Rect        `json:"bbox"`
	Start      int         `json:"start"` // code-point offset into Document.Text
	End        int         `json:"end"`   // exclusive
	PageBreaks []PageBreak `json:"page_breaks,omitempty"`
	// Rows are a table block's rows, each its cells in reading order;
	// none for other kinds. A table's text is its rows separated by "\n",
	// each row's cells by "\t".
	Rows []TableRow `json:"rows,omitempty"`
}

// TableRow is one row of a table block.
type TableRow struct {
	Cells []Span `json:"cells"`
}

// Span is a range of code points of Document.Text, End exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// PageBreak is where a block's text continues on another page: from
// code-point offset Start of Document.Text on, it is printed on Page.
type PageBreak struct {
	Start int `json:"start"`
	Page  int `json:"page"`
}

// PageAt is the page the block's text at code-point offset off is
// printed on: Page, or that of the last page break at or before off.
func (b Block) PageAt(off int) int {
	p := b.Page
	for _, br := range b.PageBreaks {
		if br.Start > off {
			break
		}
		p = br.Page
	}
	return p
}

// Passage is the unit a clinician selects with one click: a sentence (or a
// heading) inside a block. IDs are "b<block>.s<sentence>", stable for one
// extractor version.
type Passage struct {
	ID    string `json:"id"`
	Block int    `json:"block"`
	Page  int    `json:"page"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Metadata is what the extractor found out about the paper's bibliography.
type Metadata struct {
	Title   string   `json:"title,omitempty"`
	Authors []string `json:"authors,omitempty"`
	Journal string   `json:"journal,omitempty"`
	Year    int      `json:"year,omitempty"`
	DOI     string   `json:"doi,omitempty"`
}

// Document is the extraction result: the paper's text in reading order and
// its structure. Text holds every block's text, blocks separated by "\n\n".
type Document struct {
	ExtractorVersion string    `json:"extractor_version"`
	Meta             Metadata  `json:"meta"`
	Pages            []Page    `json:"pages"`
	Blocks           []Block   `json:"blocks"`
	Passages         []Passage `json:"passages"`
	Text             string    `json:"text"`
	// Lines are the printed lines of Text in text order, with their
	// glyphs' positions (see geometry.go); empty in extractions made
	// before the extractor recorded them.
	Lines []Line `json:"lines,omitempty"`
}
