package demopaper

// frontMatter is what sits above the two columns on the first page.
type frontMatter struct {
	Title        string
	Authors      string
	Affiliations []string
	Notes        []string // correspondence, dates
	Abstract     []string // structured abstract, one paragraph per part
	Keywords     string
}

// element is one piece of the body in reading order: heading, paragraph,
// table or figure.
type element interface{ isElement() }

// heading is a section (level 1) or subsection (level 2) heading.
type heading struct {
	Level int
	Text  string
}

// paragraph is body text with inline markup.
type paragraph struct{ Text string }

func para(s string) paragraph { return paragraph{s} }

// table is a small booktabs-style table with a caption above and a note
// below.
type table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Note    string
}

// figure is a line chart drawn in vector graphics (no text inside the
// figure) with a caption below.
type figure struct {
	Caption string
	Weeks   []float64
	Series  [][]float64
}

func (heading) isElement()   {}
func (paragraph) isElement() {}
func (table) isElement()     {}
func (figure) isElement()    {}
