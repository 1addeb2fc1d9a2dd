package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"strings"
)

// Raw writes a PDF object by object. Object numbers start at 1 and every
// object has generation 0. Bytes lays the objects out in number order and
// writes a cross-reference table whose offsets are exact, unless Options ask
// for a broken file.
//
// A Raw is not safe for concurrent use.
type Raw struct {
	objs [][]byte // objs[n-1] is object n's body; nil while only reserved
	root int
	info int
}

// New returns an empty writer.
func New() *Raw { return &Raw{} }

// Reserve allocates the next object number without a body, for forward
// references; give it one later with SetObject. A number never set is
// written as a free entry in the cross-reference table, so references to it
// resolve to null (handy for "missing object" tests).
func (r *Raw) Reserve() int {
	r.objs = append(r.objs, nil)
	return len(r.objs)
}

// AddObject adds an object whose body is PDF syntax (a dictionary, array,
// number, …) and returns its number.
func (r *Raw) AddObject(body string) int {
	return r.AddObjectBytes([]byte(body))
}

// AddObjectBytes adds an object with an arbitrary body, written verbatim
// between "N 0 obj" and "endobj": anything goes, including a stream with a
// wrong /Length or a body that is not PDF at all.
func (r *Raw) AddObjectBytes(body []byte) int {
	n := r.Reserve()
	r.SetObjectBytes(n, body)
	return n
}

// SetObject gives object n (from Reserve or an Add call) a new body.
// It panics when n was never allocated: that is a bug in the test.
func (r *Raw) SetObject(n int, body string) {
	r.SetObjectBytes(n, []byte(body))
}

// SetObjectBytes is SetObject with a byte body.
func (r *Raw) SetObjectBytes(n int, body []byte) {
	if n < 1 || n > len(r.objs) {
		panic(fmt.Sprintf("testpdf: object %d was never allocated (have %d)", n, len(r.objs)))
	}
	r.objs[n-1] = append([]byte(nil), body...)
}

// AddStream adds a stream object. dict holds the dictionary's entries
// without the << >> and without /Length, which AddStream writes from
// len(data): AddStream("/Subtype /Form /BBox [0 0 10 10]", data).
func (r *Raw) AddStream(dict string, data []byte) int {
	return r.AddObjectBytes(StreamBody(dict, data))
}

// AddFlateStream compresses data with zlib and adds it as a stream with
// /Filter /FlateDecode (dict as for AddStream, without a /Filter).
func (r *Raw) AddFlateStream(dict string, data []byte) int {
	return r.AddStream(strings.TrimSpace("/Filter /FlateDecode "+dict), Deflate(data))
}

// SetRoot names the document catalog (the trailer's /Root).
func (r *Raw) SetRoot(n int) { r.root = n }

// SetInfo names the document information dictionary (the trailer's /Info).
func (r *Raw) SetInfo(n int) { r.info = n }

// Len is the number of objects allocated so far.
func (r *Raw) Len() int { return len(r.objs) }

// StreamBody returns a stream object's body: a dictionary with the given
// entries and the exact /Length, then the data between stream/endstream.
func StreamBody(dict string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("<< /Length ")
	b.WriteString(strconv.Itoa(len(data)))
	if dict = strings.TrimSpace(dict); dict != "" {
		b.WriteByte(' ')
		b.WriteString(dict)
	}
	b.WriteString(" >>\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// Deflate compresses data in the zlib format /FlateDecode expects.
func Deflate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression) // the level is valid
	w.Write(data)                                         // writes to a bytes.Buffer cannot fail
	w.Close()
	return b.Bytes()
}

// Options break or vary the file Bytes writes. The zero value writes a
// well-formed PDF 1.7 file.
type Options struct {
	// Header replaces the first line, "%PDF-1.7" (e.g. "%PDF-2.0", "%PDF-").
	Header string
	// Prefix is written before the header (junk before %PDF). Offsets in
	// the file stay relative to the header, as in files that had junk
	// prepended after they were written.
	Prefix []byte
	// Suffix is written after the final %%EOF line (junk after the end).
	Suffix []byte
	// OmitXref leaves the cross-reference table out; startxref still points
	// where it would have begun, i.e. at the trailer keyword.
	OmitXref bool
	// XrefStream writes a cross-reference stream object (PDF 1.5) instead of
	// a table and trailer; TrailerExtra goes into its dictionary.
	XrefStream bool
	// StartXrefDelta is added to the offset written after startxref.
	StartXrefDelta int
	// EntryDelta is added to every in-use offset in the cross-reference
	// table, so each entry points a little off its object.
	EntryDelta int
	// TrailerExtra is appended inside the trailer dictionary, e.g.
	// "/Encrypt 9 0 R" or "/Prev 12345".
	TrailerExtra string
	// PrevToSelf adds /Prev pointing at this very cross-reference section:
	// a /Prev cycle.
	PrevToSelf bool
	// OmitRoot leaves /Root out of the trailer.
	OmitRoot bool
	// OmitEOF leaves the final "%%EOF" line out.
	OmitEOF bool
	// Truncate, when positive, cuts the file to its first Truncate bytes.
	Truncate int
}

// Bytes writes a well-formed file.
func (r *Raw) Bytes() []byte { return r.BytesWith(Options{}) }

// Offsets returns, for the well-formed file Bytes writes, the byte offset
// of each object ("N 0 obj"), indexed by object number (index 0 unused; -1
// for free entries), and the offset of the xref keyword. Tests use it to aim
// damage at one object.
func (r *Raw) Offsets() (objs []int, xref int) {
	_, objs, xref = r.layout(Options{})
	return objs, xref
}

// BytesWith writes the file with the given variations.
func (r *Raw) BytesWith(o Options) []byte {
	b, _, _ := r.layout(o)
	if o.Truncate > 0 && o.Truncate < len(b) {
		b = b[:o.Truncate]
	}
	return b
}

func (r *Raw) layout(o Options) (out []byte, offsets []int, xrefAt int) {
	var b bytes.Buffer
	header := o.Header
	if header == "" {
		header = "%PDF-1.7"
	}
	b.WriteString(header)
	// A comment with high bytes marks the file as binary for transfer tools.
	b.WriteString("\n%\xe2\xe3\xcf\xd3\n")

	offsets = make([]int, len(r.objs)+1)
	offsets[0] = -1
	for i, body := range r.objs {
		if body == nil {
			offsets[i+1] = -1
			continue
		}
		offsets[i+1] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(body)
		b.WriteString("\nendobj\n")
	}

	trailer := r.trailerEntries(o)
	if o.XrefStream {
		xrefAt = r.writeXrefStream(&b, offsets, o, trailer)
	} else {
		xrefAt = b.Len()
		if !o.OmitXref {
			writeXrefTable(&b, offsets, o.EntryDelta)
		}
		if o.PrevToSelf {
			trailer += fmt.Sprintf(" /Prev %d", xrefAt)
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d%s >>\n", len(r.objs)+1, trailer)
	}
	fmt.Fprintf(&b, "startxref\n%d\n", xrefAt+o.StartXrefDelta)
	if !o.OmitEOF {
		b.WriteString("%%EOF\n")
	}
	b.Write(o.Suffix)
	return append(append([]byte(nil), o.Prefix...), b.Bytes()...), offsets, xrefAt
}

func (r *Raw) trailerEntries(o Options) string {
	var t strings.Builder
	if r.root > 0 && !o.OmitRoot {
		fmt.Fprintf(&t, " /Root %d 0 R", r.root)
	}
	if r.info > 0 {
		fmt.Fprintf(&t, " /Info %d 0 R", r.info)
	}
	if o.TrailerExtra != "" {
		t.WriteString(" " + strings.TrimSpace(o.TrailerExtra))
	}
	return t.String()
}

// writeXrefTable writes a classic table: one subsection from object 0, free
// entries chained in increasing order as the spec asks, every line exactly
// 20 bytes.
func writeXrefTable(b *bytes.Buffer, offsets []int, delta int) {
	fmt.Fprintf(b, "xref\n0 %d\n", len(offsets))
	for n, off := range offsets {
		if off < 0 {
			gen := 0
			if n == 0 {
				gen = 65535
			}
			fmt.Fprintf(b, "%010d %05d f\r\n", nextFree(offsets, n), gen)
			continue
		}
		fmt.Fprintf(b, "%010d 00000 n\r\n", off+delta)
	}
}

// nextFree is the number of the next free object after n, or 0 at the end
// of the chain.
func nextFree(offsets []int, n int) int {
	for m := n + 1; m < len(offsets); m++ {
		if offsets[m] < 0 {
			return m
		}
	}
	return 0
}

// writeXrefStream appends a cross-reference stream object (number
// len(offsets)) covering itself and returns its offset.
func (r *Raw) writeXrefStream(b *bytes.Buffer, offsets []int, o Options, trailer string) int {
	self := len(offsets)
	at := b.Len()
	all := append(append([]int(nil), offsets...), at)
	var rows bytes.Buffer
	for n, off := range all {
		if off < 0 {
			// type 0: free; field 2 the next free object, field 3 the generation.
			gen := 0
			if n == 0 {
				gen = 0xffff
			}
			next := nextFree(all, n)
			rows.Write([]byte{0, byte(next >> 24), byte(next >> 16), byte(next >> 8), byte(next), byte(gen >> 8), byte(gen)})
			continue
		}
		off += o.EntryDelta
		rows.Write([]byte{1, byte(off >> 24), byte(off >> 16), byte(off >> 8), byte(off), 0, 0})
	}
	if o.PrevToSelf {
		trailer += fmt.Sprintf(" /Prev %d", at)
	}
	dict := fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2]%s", self+1, trailer)
	fmt.Fprintf(b, "%d 0 obj\n", self)
	b.Write(StreamBody(dict, rows.Bytes()))
	b.WriteString("\nendobj\n")
	return at
}

// LiteralString writes s as a PDF literal string "(…)", escaping the
// backslash and parentheses and writing bytes outside printable ASCII as
// octal escapes. s is taken as bytes (codes), not as UTF-8 text.
func LiteralString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// HexString writes codes as a PDF hex string "<…>".
func HexString(codes []byte) string {
	return fmt.Sprintf("<%X>", codes)
}

// UTF16String writes s as a PDF text string in UTF-16BE with a byte-order
// mark, as a hex string (for /Title, ToUnicode targets and the like).
func UTF16String(s string) string {
	return "<FEFF" + utf16Hex(s) + ">"
}

// utf16Hex is s in UTF-16BE as upper-case hex digits, surrogate pairs
// included.
func utf16Hex(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3ff))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}
