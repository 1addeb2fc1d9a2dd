package pdfextract

import (
	"bytes"
	"strconv"
)

// Encryption: the encryption dictionary is found in the raw bytes (the
// library is never asked to decrypt); open_encrypt_key.go derives the keys
// and open_encrypt_file.go writes a decrypted copy of the file.

// encryptDict returns the document's encryption dictionary, found from the
// last /Encrypt entry in the file (the newest trailer), or false when the
// file is not encrypted.
func encryptDict(data []byte) (rawObj, bool) {
	const key = "/Encrypt"
	for end := len(data); end > 0; {
		at := bytes.LastIndex(data[:end], []byte(key))
		if at < 0 {
			return rawObj{}, false
		}
		end = at
		if next := at + len(key); next < len(data) && !isWhite(data[next]) && !isDelimiter(data[next]) {
			continue // /EncryptMetadata and the like
		}
		o := parseRaw(newLexer(data[at+len(key):]), 0)
		if o.kind == tDictOpen {
			return o, true
		}
		if !o.isRef() {
			continue
		}
		if off := lastDefinition(data, o.ref[0], o.ref[1]); off >= 0 {
			if d, ok := objectAt(data, off); ok && d.kind == tDictOpen {
				return d, true
			}
		}
		return rawObj{}, false // a dangling reference: let the library judge
	}
	return rawObj{}, false
}

// lastDefinition returns the offset of the last "num gen obj" in data, or -1.
func lastDefinition(data []byte, num, gen int) int {
	pat := []byte(strconv.Itoa(num) + " " + strconv.Itoa(gen) + " obj")
	for end := len(data); end > 0; {
		i := bytes.LastIndex(data[:end], pat)
		if i < 0 {
			return -1
		}
		if i == 0 || isWhite(data[i-1]) || isDelimiter(data[i-1]) {
			return i
		}
		end = i
	}
	return -1
}

func (o rawObj) key(k string) rawObj {
	if o.dict == nil {
		return rawObj{kind: tNull}
	}
	return o.dict[k]
}

// passwordPadding is the 32-byte padding string of PDF 32000-1 §7.6.3.3.
var passwordPadding = [32]byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

func padPassword(pw string) []byte {
	out := make([]byte, 32)
	n := copy(out, pw)
	copy(out[n:], passwordPadding[:])
	return out
}
