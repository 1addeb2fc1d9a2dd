package pdfextract

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The base encodings must agree with the code pages they come from, except
// where PDF's definition differs on purpose.
func TestBaseEncodingsMatchCodePages(t *testing.T) {
	tests := []struct {
		name   string
		enc    *encoding
		cp     *charmap.Charmap
		except map[int]string // code → the text PDF gives instead
	}{
		{"WinAnsiEncoding", winAnsiEncoding, charmap.Windows1252, map[int]string{
			160: " ", // PDF names it "space"
			173: "-", // PDF names it "hyphen"
		}},
		{"MacRomanEncoding", macRomanEncoding, charmap.Macintosh, map[int]string{
			189: "Ω", // Greek capital, not the Ohm sign
			198: "Δ", // Greek capital, not the increment sign
			202: " ", // no-break space named "space"
			219: "¤", // PDF keeps the pre-Euro currency sign
			240: "",  // the Apple logo has no standard Unicode
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dec := tc.cp.NewDecoder()
			for code := 32; code < 256; code++ {
				got := glyphText(tc.enc[code])
				want, ok := tc.except[code]
				if !ok {
					if code == 127 || tc.enc[code] == "" {
						continue
					}
					b, err := dec.Bytes([]byte{byte(code)})
					if err != nil {
						t.Fatal(err)
					}
					want = string(b)
				}
				if got != want {
					t.Errorf("code %d (%s) gives %q, want %q", code, tc.enc[code], got, want)
				}
			}
		})
	}
}

func TestStandardEncodingQuotes(t *testing.T) {
	if glyphText(standardEncoding[39]) != "’" || glyphText(standardEncoding[96]) != "‘" || glyphText(standardEncoding[174]) != "ﬁ" {
		t.Errorf("StandardEncoding 39/96/174 = %q %q %q", standardEncoding[39], standardEncoding[96], standardEncoding[174])
	}
}
