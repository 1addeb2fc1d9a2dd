package testpdf

import "strings"

// truth collects blocks of reading-order text; String gives them in the
// format every generator's truth uses: blocks separated by one blank line,
// the lines of a block joined by single spaces, one final newline.
type truth []string

func (t *truth) add(lines ...string) { *t = append(*t, strings.Join(lines, " ")) }

func (t truth) String() string { return strings.Join(t, "\n\n") + "\n" }
