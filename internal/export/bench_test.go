package export

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// bigInput is a heavily annotated paper: n annotations with a 300-character
// note each, spread over the fixture's tags.
func bigInput(n int) Input {
	in := demoInput()
	base := demoAnnotations()
	in.Annotations = nil
	for i := 0; i < n; i++ {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("3f2b6c1e-0d4a-4c8e-9b1f-%012d", i)
		a.Anchor.Start += i * 500
		a.Anchor.End += i * 500
		a.Note = fmt.Sprintf("%d: %s", i, bytes.Repeat([]byte("note text "), 30))
		in.Annotations = append(in.Annotations, a)
	}
	return in
}

func BenchmarkWrite(b *testing.B) {
	in := bigInput(500)
	for _, f := range Formats() {
		b.Run(string(f)+"/500 annotations", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, f, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecodeJSONLD(b *testing.B) {
	var doc bytes.Buffer
	if err := Write(&doc, appraise.FormatJSONLD, bigInput(500)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(doc.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := DecodeJSONLD(bytes.NewReader(doc.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
