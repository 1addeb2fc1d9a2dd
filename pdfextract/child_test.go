package pdfextract

import (
	"bytes"
	"testing"
	"testing/iotest"
)

func TestReadInput(t *testing.T) {
	pdf := bytes.Repeat([]byte("%PDF-1.7 0123456789\n"), 5000) // 100,000 bytes
	n := int64(len(pdf))
	tests := []struct {
		name    string
		size    int64 // announced
		limit   int64
		want    int   // bytes read
		wantCap int64 // 0: any
	}{
		{"announced size is read into one buffer", n, 1 << 20, len(pdf), n + 1},
		{"nothing announced still reads the whole file", 0, 1 << 20, len(pdf), 0},
		{"a file longer than announced is read whole", n / 3, 1 << 20, len(pdf), 0},
		{"a file shorter than announced is read as it is", 2 * n, 1 << 20, len(pdf), 0},
		{"past the limit one byte more than allowed is read", n, n / 2, int(n/2) + 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Small reads, as from a pipe.
			data, err := readInput(iotest.HalfReader(bytes.NewReader(pdf)), tt.size, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) != tt.want || !bytes.Equal(data, pdf[:tt.want]) {
				t.Fatalf("read %d bytes, want the first %d of the file", len(data), tt.want)
			}
			if tt.wantCap > 0 && int64(cap(data)) != tt.wantCap {
				t.Errorf("buffer of %d bytes, want %d (no growth)", cap(data), tt.wantCap)
			}
		})
	}
}

func TestReadInputError(t *testing.T) {
	if _, err := readInput(iotest.ErrReader(iotest.ErrTimeout), 10, 100); err != iotest.ErrTimeout {
		t.Fatalf("got %v, want the reader's error", err)
	}
}
