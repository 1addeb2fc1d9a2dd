package pdfextract

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strconv"

	"appraise.app/appraise/internal/appraise"
)

// Encryption: the library reads the standard security handler with RC4
// (V1/V2, R2–R4) and AES-128 (V4 with AESV2) given the user password. This
// file finds the encryption dictionary in the raw bytes to refuse what the
// library cannot read with a typed error, and turns an owner password into
// the user password (PDF 32000-1 algorithm 7) so either password opens.

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

// checkEncryption returns ErrUnsupportedEncryption (wrapped) for
// encryption the library cannot decrypt, nil otherwise.
func checkEncryption(data []byte) error {
	d, encrypted := encryptDict(data)
	if !encrypted {
		return nil
	}
	filter := d.key("Filter").s
	v, r := int(d.key("V").num), int(d.key("R").num)
	unsupported := func(why string) error {
		return fmt.Errorf("%s: %w", why, appraise.ErrUnsupportedEncryption)
	}
	switch {
	case filter != "Standard":
		return unsupported("security handler " + strconv.Quote(filter))
	case v >= 5 || r >= 5:
		return unsupported(fmt.Sprintf("AES-256 encryption (V%d, R%d)", v, r))
	case v == 3:
		return unsupported("encryption V3")
	case keyBits(d) < 88:
		// The library derives 16-byte object keys where the standard
		// uses n+5 bytes; the two agree only for file keys of 88 bits or
		// more, so shorter RC4 keys would decrypt to garbage.
		return unsupported(fmt.Sprintf("%d-bit RC4 encryption", keyBits(d)))
	case v == 4:
		stmf := d.key("StmF").s
		if cfm := d.key("CF").key(stmf).key("CFM").s; cfm != "AESV2" || d.key("StrF").s != stmf {
			return unsupported("crypt filter " + strconv.Quote(cfm))
		}
	}
	return nil
}

// keyBits is the file key length the encryption dictionary asks for.
func keyBits(d rawObj) int {
	if int(d.key("R").num) <= 2 {
		return 40
	}
	if l := int(d.key("Length").num); l > 0 {
		return l
	}
	return 40
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

// userPasswordFromOwner decrypts /O with a key made from owner (algorithm
// 7) and returns the padded user password, or "" when the file is not
// encrypted with RC4/AES-128 standard security.
func userPasswordFromOwner(data []byte, owner string) string {
	d, ok := encryptDict(data)
	if !ok || d.kind != tDictOpen {
		return ""
	}
	r := int(d.key("R").num)
	o := []byte(d.key("O").s)
	if r < 2 || r > 4 || len(o) < 32 {
		return ""
	}
	n := 5
	if r >= 3 {
		if l := int(d.key("Length").num); l >= 40 && l <= 128 && l%8 == 0 {
			n = l / 8
		} else if l == 0 {
			n = 5
		} else {
			return ""
		}
	}
	sum := md5.Sum(padPassword(owner))
	key := sum[:]
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	key = key[:n]
	user := bytes.Clone(o[:32])
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(user, user)
		return string(user)
	}
	k := make([]byte, n)
	for i := 19; i >= 0; i-- {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(user, user)
	}
	return string(user)
}
