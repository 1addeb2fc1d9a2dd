package pdfextract

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"strconv"

	"golang.org/x/text/unicode/norm"

	"appraise.app/appraise/internal/appraise"
)

// The standard security handler's keys (ISO 32000-2 §7.6.4): the file key
// from a user or owner password for every revision (R2–R4: MD5 and RC4,
// algorithms 2, 6 and 7; R5 and R6: SHA-256 and algorithm 2.B), and how
// each string or stream is decrypted with it (algorithm 1 for RC4 and
// AES-128, the file key itself for AES-256).

// cryptMethod is how a crypt filter decrypts.
type cryptMethod int

const (
	cryptNone cryptMethod = iota // Identity: the data is not encrypted
	cryptRC4                     // V2
	cryptAES                     // AESV2 (AES-128) or AESV3 (AES-256)
)

// security is what decrypting a file needs once a password is accepted.
type security struct {
	rev         int    // R
	key         []byte // the file key
	strings     cryptMethod
	streams     cryptMethod
	encryptMeta bool // /EncryptMetadata: metadata streams are encrypted
}

// secParams is the standard security handler's dictionary, read.
type secParams struct {
	v, r        int
	keyLen      int // file key length in bytes (R2–R4)
	o, u        []byte
	oe, ue      []byte
	p           int32
	id0         []byte
	encryptMeta bool
	strF, stmF  cryptMethod
}

// readSecParams reads the encryption dictionary d with the trailer's
// first /ID string; an error wraps ErrUnsupportedEncryption.
func readSecParams(d rawObj, id0 []byte) (secParams, error) {
	unsupported := func(why string) error {
		return fmt.Errorf("%s: %w", why, appraise.ErrUnsupportedEncryption)
	}
	if f := d.key("Filter").s; f != "Standard" {
		return secParams{}, unsupported("security handler " + strconv.Quote(f))
	}
	sp := secParams{
		v: int(d.key("V").num), r: int(d.key("R").num),
		o: []byte(d.key("O").s), u: []byte(d.key("U").s),
		oe: []byte(d.key("OE").s), ue: []byte(d.key("UE").s),
		p: int32(int64(d.key("P").num)), id0: id0, encryptMeta: true,
	}
	if m := d.key("EncryptMetadata"); m.kind == tBool && m.num == 0 {
		sp.encryptMeta = false
	}
	switch {
	case sp.v == 1 || sp.v == 2:
		sp.strF, sp.stmF = cryptRC4, cryptRC4
	case sp.v == 4 || sp.v == 5:
		var err error
		if sp.stmF, err = cryptFilter(d, "StmF", sp.v); err != nil {
			return secParams{}, err
		}
		if sp.strF, err = cryptFilter(d, "StrF", sp.v); err != nil {
			return secParams{}, err
		}
	default:
		return secParams{}, unsupported(fmt.Sprintf("encryption V%d", sp.v))
	}
	switch {
	case sp.r >= 2 && sp.r <= 4:
		sp.keyLen = 5
		if sp.r >= 3 {
			l := int(d.key("Length").num)
			if sp.v == 4 && (sp.stmF == cryptAES || sp.strF == cryptAES) {
				l = 128
			}
			if l == 0 {
				l = 40
			}
			if l < 40 || l > 128 || l%8 != 0 {
				return secParams{}, unsupported(fmt.Sprintf("%d-bit key", l))
			}
			sp.keyLen = l / 8
		}
		if len(sp.o) < 32 || len(sp.u) < 32 {
			return secParams{}, unsupported("short /O or /U entry")
		}
	case sp.r == 5 || sp.r == 6:
		if len(sp.o) < 48 || len(sp.u) < 48 || len(sp.oe) < 32 || len(sp.ue) < 32 {
			return secParams{}, unsupported("short /O, /U, /OE or /UE entry")
		}
	default:
		return secParams{}, unsupported(fmt.Sprintf("security handler revision %d", sp.r))
	}
	return sp, nil
}

// cryptFilter reads the method of the crypt filter named by d's entry key.
func cryptFilter(d rawObj, key string, v int) (cryptMethod, error) {
	name := d.key(key).s
	if name == "" || name == "Identity" {
		return cryptNone, nil
	}
	switch cfm := d.key("CF").key(name).key("CFM").s; cfm {
	case "V2":
		if v == 4 {
			return cryptRC4, nil
		}
	case "AESV2":
		if v == 4 {
			return cryptAES, nil
		}
	case "AESV3":
		if v == 5 {
			return cryptAES, nil
		}
	case "None":
		return cryptNone, nil
	}
	return 0, fmt.Errorf("crypt filter %q: %w", d.key("CF").key(name).key("CFM").s, appraise.ErrUnsupportedEncryption)
}

// unlock returns the file's security given a password tried as the user
// password, then as the owner password; ok is false when it is neither.
// A password with accents is tried as typed, then composed (NFC) and in
// compatibility form (NFKC, what SASLprep asks of R5 and R6 passwords), as
// the writer may have stored any of them.
func (sp secParams) unlock(password string) (*security, bool) {
	for _, pw := range passwordForms(password) {
		var key []byte
		if sp.r >= 5 {
			key = sp.key256(pw)
		} else {
			key = sp.keyRC4(pw)
		}
		if key != nil {
			return &security{rev: sp.r, key: key, strings: sp.strF, streams: sp.stmF, encryptMeta: sp.encryptMeta}, true
		}
	}
	return nil, false
}

// passwordForms is password as typed, then its NFC and NFKC forms when
// they differ from what came before.
func passwordForms(password string) []string {
	forms := []string{password}
	for _, f := range []string{norm.NFC.String(password), norm.NFKC.String(password)} {
		if f != forms[len(forms)-1] && f != password {
			forms = append(forms, f)
		}
	}
	return forms
}

// keyRC4 is algorithms 2, 6 and 7 (R2–R4).
func (sp secParams) keyRC4(password string) []byte {
	user := latin1(password)
	if k := sp.userKey(padPassword(string(user))); k != nil {
		return k
	}
	// Algorithm 7: the owner password decrypts /O to the user password.
	sum := md5.Sum(padPassword(string(user)))
	k := sum[:]
	if sp.r >= 3 {
		for range 50 {
			s := md5.Sum(k[:sp.keyLen])
			k = s[:]
		}
	}
	k = k[:sp.keyLen]
	padded := bytes.Clone(sp.o[:32])
	if sp.r == 2 {
		rc4XORInPlace(k, padded)
	} else {
		step := make([]byte, len(k))
		for i := 19; i >= 0; i-- {
			for j := range k {
				step[j] = k[j] ^ byte(i)
			}
			rc4XORInPlace(step, padded)
		}
	}
	return sp.userKey(padded)
}

// userKey is algorithm 2 checked by algorithm 6: the file key when padded
// is the user password, else nil.
func (sp secParams) userKey(padded []byte) []byte {
	h := md5.New()
	h.Write(padded)
	h.Write(sp.o[:32])
	var p [4]byte
	binary.LittleEndian.PutUint32(p[:], uint32(sp.p))
	h.Write(p[:])
	h.Write(sp.id0)
	if sp.r >= 4 && !sp.encryptMeta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if sp.r >= 3 {
		for range 50 {
			s := md5.Sum(key[:sp.keyLen])
			key = s[:]
		}
	}
	key = key[:sp.keyLen]
	if sp.r == 2 {
		u := padPassword("")
		rc4XORInPlace(key, u)
		if bytes.Equal(u, sp.u[:32]) {
			return key
		}
		return nil
	}
	h = md5.New()
	h.Write(passwordPadding[:])
	h.Write(sp.id0)
	u := h.Sum(nil)
	step := make([]byte, len(key))
	for i := 0; i <= 19; i++ {
		for j := range key {
			step[j] = key[j] ^ byte(i)
		}
		rc4XORInPlace(step, u)
	}
	if bytes.Equal(u[:16], sp.u[:16]) {
		return key
	}
	return nil
}

// key256 is algorithm 2.A (R5 and R6): the owner password is checked
// against /O and /U, the user password against /U, and the file key is
// unwrapped from /OE or /UE.
func (sp secParams) key256(password string) []byte {
	pw := []byte(password)
	if len(pw) > 127 {
		pw = pw[:127]
	}
	u48 := sp.u[:48]
	if bytes.Equal(sp.hash(pw, sp.o[32:40], u48), sp.o[:32]) {
		return unwrapKey(sp.hash(pw, sp.o[40:48], u48), sp.oe[:32])
	}
	if bytes.Equal(sp.hash(pw, sp.u[32:40], nil), sp.u[:32]) {
		return unwrapKey(sp.hash(pw, sp.u[40:48], nil), sp.ue[:32])
	}
	return nil
}

// hash is SHA-256 for R5 and algorithm 2.B for R6.
func (sp secParams) hash(pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if sp.r == 5 {
		return k
	}
	return hash2B(pw, k, udata)
}

// hash2B runs the rounds of algorithm 2.B from the first SHA-256 digest k.
func hash2B(pw, k, udata []byte) []byte {
	var e []byte
	for round := 0; round < 64 || int(e[len(e)-1]) > round-32; round++ {
		unit := len(pw) + len(k) + len(udata)
		k1 := make([]byte, 0, 64*unit)
		for range 64 {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16]) // 16 bytes: cannot fail
		e = make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		// The first 16 bytes of E as a number, modulo 3, is the sum of
		// those bytes modulo 3, because 256 ≡ 1 (mod 3).
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		default:
			s := sha512.Sum512(e)
			k = s[:]
		}
	}
	return k[:32]
}

// unwrapKey decrypts a 32-byte /OE or /UE with AES-256 in CBC mode, a zero
// IV and no padding.
func unwrapKey(intermediate, wrapped []byte) []byte {
	block, _ := aes.NewCipher(intermediate) // 32 bytes: cannot fail
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, wrapped)
	return key
}

// latin1 encodes a password for R2–R4, whose passwords are PDFDocEncoding
// bytes: runes past U+00FF become '?'.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			r = '?'
		}
		out = append(out, byte(r))
	}
	return out
}

func rc4XORInPlace(key, data []byte) {
	c, _ := rc4.NewCipher(key) // 5–16 bytes: cannot fail
	c.XORKeyStream(data, data)
}

// objectKey is algorithm 1: the key for object num, generation gen.
func (s *security) objectKey(num, gen int, m cryptMethod) []byte {
	if s.rev >= 5 {
		return s.key
	}
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if m == cryptAES {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(s.key)+5, 16)]
}

// decrypt returns data of object num decrypted with method m. AES data
// not in whole blocks loses its last partial block; a wrong padding is
// left in place rather than refused.
func (s *security) decrypt(num, gen int, m cryptMethod, data []byte) []byte {
	switch m {
	case cryptRC4:
		out := bytes.Clone(data)
		rc4XORInPlace(s.objectKey(num, gen, m), out)
		return out
	case cryptAES:
		data = data[:len(data)/16*16] // stray end-of-line bytes counted in /Length
		if len(data) < 32 {
			return nil // the IV alone: an empty string
		}
		block, err := aes.NewCipher(s.objectKey(num, gen, m))
		if err != nil {
			return nil
		}
		out := make([]byte, len(data)-16)
		cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
		if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
			out = out[:len(out)-n]
		}
		return out
	}
	return data
}
