package pdfextract

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// Encrypted test files are made here with the standard security handler
// (PDF 32000-1 §7.6.3, algorithms 2–5): RC4 or AES-128, any passwords.

type encParams struct {
	v, r, bits  int
	aes         bool
	user, owner string
}

var testFileID = []byte("0123456789abcdef")

func rc4XOR(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

func (p encParams) keyLen() int {
	if p.r == 2 {
		return 5
	}
	return p.bits / 8
}

// ownerEntry is algorithm 3.
func (p encParams) ownerEntry() []byte {
	owner := p.owner
	if owner == "" {
		owner = p.user
	}
	sum := md5.Sum(padPassword(owner))
	key := sum[:]
	if p.r >= 3 {
		for range 50 {
			s := md5.Sum(key[:p.keyLen()])
			key = s[:]
		}
	}
	key = key[:p.keyLen()]
	o := rc4XOR(key, padPassword(p.user))
	if p.r >= 3 {
		for i := 1; i <= 19; i++ {
			k := bytes.Clone(key)
			for j := range k {
				k[j] ^= byte(i)
			}
			o = rc4XOR(k, o)
		}
	}
	return o
}

// fileKey is algorithm 2 (permissions -4, metadata encrypted).
func (p encParams) fileKey(o []byte) []byte {
	h := md5.New()
	h.Write(padPassword(p.user))
	h.Write(o)
	h.Write([]byte{0xfc, 0xff, 0xff, 0xff})
	h.Write(testFileID)
	key := h.Sum(nil)
	if p.r >= 3 {
		for range 50 {
			s := md5.Sum(key[:p.keyLen()])
			key = s[:]
		}
	}
	return key[:p.keyLen()]
}

// userEntry is algorithms 4 and 5.
func (p encParams) userEntry(key []byte) []byte {
	if p.r == 2 {
		return rc4XOR(key, padPassword(""))
	}
	h := md5.New()
	h.Write(passwordPadding[:])
	h.Write(testFileID)
	u := rc4XOR(key, h.Sum(nil))
	for i := 1; i <= 19; i++ {
		k := bytes.Clone(key)
		for j := range k {
			k[j] ^= byte(i)
		}
		u = rc4XOR(k, u)
	}
	return append(u, make([]byte, 16)...)
}

// encryptObject encrypts data belonging to object num (generation 0).
func (p encParams) encryptObject(key []byte, num int, data []byte) []byte {
	h := md5.New()
	h.Write(key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), 0, 0})
	if p.aes {
		h.Write([]byte("sAlT"))
	}
	objKey := h.Sum(nil)[:min(len(key)+5, 16)]
	if !p.aes {
		return rc4XOR(objKey, data)
	}
	pad := 16 - len(data)%16
	plain := append(bytes.Clone(data), bytes.Repeat([]byte{byte(pad)}, pad)...)
	block, err := aes.NewCipher(objKey)
	if err != nil {
		panic(err)
	}
	iv := []byte("fedcba9876543210")
	out := append(bytes.Clone(iv), make([]byte, len(plain))...)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out[16:], plain)
	return out
}

// encryptedDoc returns a one-page document showing "Hello" with the title
// "Secret title", encrypted as p says.
func encryptedDoc(p encParams) []byte {
	o := p.ownerEntry()
	key := p.fileKey(o)
	u := p.userEntry(key)
	r := testpdf.New()
	cat, pages := r.Reserve(), r.Reserve()
	font := r.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	content := r.Reserve()
	r.SetObjectBytes(content, testpdf.StreamBody("", p.encryptObject(key, content, []byte(hello))))
	page := r.AddObject(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, font, content))
	r.SetObject(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	r.SetObject(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	info := r.Reserve()
	r.SetObject(info, fmt.Sprintf("<< /Title <%x> >>", p.encryptObject(key, info, []byte("Secret title"))))
	cf := ""
	if p.v == 4 {
		cfm := "/V2"
		if p.aes {
			cfm = "/AESV2"
		}
		cf = fmt.Sprintf(" /CF << /StdCF << /CFM %s /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF", cfm)
	}
	enc := r.AddObject(fmt.Sprintf("<< /Filter /Standard /V %d /R %d /Length %d /O <%x> /U <%x> /P -4%s >>", p.v, p.r, p.bits, o, u, cf))
	r.SetRoot(cat)
	r.SetInfo(info)
	id := hex.EncodeToString(testFileID)
	return r.BytesWith(testpdf.Options{TrailerExtra: fmt.Sprintf("/Encrypt %d 0 R /ID [<%s> <%s>]", enc, id, id)})
}

func TestEncryptedFiles(t *testing.T) {
	rc4128 := encParams{v: 2, r: 3, bits: 128, user: "secret", owner: "boss"}
	aes128 := encParams{v: 4, r: 4, bits: 128, aes: true, user: "secret", owner: "boss"}
	tests := []struct {
		name     string
		pdf      []byte
		password string
		want     error
	}{
		{"RC4 128-bit, empty user password", encryptedDoc(encParams{v: 2, r: 3, bits: 128, owner: "boss"}), "", nil},
		{"RC4 128-bit without a password", encryptedDoc(rc4128), "", appraise.ErrNeedsPassword},
		{"RC4 128-bit with a wrong password", encryptedDoc(rc4128), "guess", appraise.ErrWrongPassword},
		{"RC4 128-bit with the user password", encryptedDoc(rc4128), "secret", nil},
		{"RC4 128-bit with the owner password", encryptedDoc(rc4128), "boss", nil},
		{"AES-128 without a password", encryptedDoc(aes128), "", appraise.ErrNeedsPassword},
		{"AES-128 with the user password", encryptedDoc(aes128), "secret", nil},
		{"AES-128 with the owner password", encryptedDoc(aes128), "boss", nil},
		{"AES-128 with a wrong password", encryptedDoc(aes128), "boss!", appraise.ErrWrongPassword},
		// Keys under 88 bits: the library's own RC4 object keys were wrong
		// for them; Appraise's are not.
		{"RC4 40-bit opens", encryptedDoc(encParams{v: 1, r: 2, bits: 40, owner: "boss"}), "", nil},
		{"RC4 40-bit with the owner password", encryptedDoc(encParams{v: 1, r: 2, bits: 40, user: "u", owner: "boss"}), "boss", nil},
		{"RC4 56-bit opens", encryptedDoc(encParams{v: 2, r: 3, bits: 56, owner: "boss"}), "", nil},
		{"RC4 96-bit opens", encryptedDoc(encParams{v: 2, r: 3, bits: 96, owner: "boss"}), "", nil},
		{"crypt filter V4 with RC4 opens", encryptedDoc(encParams{v: 4, r: 4, bits: 128, owner: "boss"}), "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ExtractBytes(tc.pdf, Options{Password: tc.password})
			if tc.want != nil {
				if !errors.Is(err, tc.want) {
					t.Fatalf("error %v, want %v", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("ExtractBytes: %v", err)
			}
			if doc.Text != "Hello" {
				t.Errorf("text %q, want Hello", doc.Text)
			}
			d, err := openDocument(tc.pdf, tc.password)
			if err != nil {
				t.Fatal(err)
			}
			if info := readDocInfo(d); info.title != "Secret title" {
				t.Errorf("Info title %q, want the decrypted string", info.title)
			}
		})
	}
}

func TestUnknownSecurityHandlerIsRefused(t *testing.T) {
	for _, dict := range []string{
		"<< /Filter /Adobe.PubSec /V 4 /R 4 /SubFilter /adbe.pkcs7.s5 >>",
		"<< /Filter /Standard /V 3 /R 3 /O <00> /U <00> /P -4 >>",
		"<< /Filter /Standard /V 4 /R 4 /Length 128 /O <00> /U <00> /P -4 /CF << /StdCF << /CFM /Private >> >> /StmF /StdCF /StrF /StdCF >>",
	} {
		d := testpdf.NewDoc(hello)
		enc := d.AddObject(dict)
		pdf := d.BytesWith(testpdf.Options{TrailerExtra: fmt.Sprintf("/Encrypt %d 0 R /ID [<00> <00>]", enc)})
		if _, err := ExtractBytes(pdf, Options{Password: "foo"}); !errors.Is(err, appraise.ErrUnsupportedEncryption) {
			t.Errorf("%s: error %v, want ErrUnsupportedEncryption", dict, err)
		}
	}
}

func TestCorpusAES256OpensWithOwnerPassword(t *testing.T) {
	dir := corpusDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "pdfs", "encrypted-aes256-ownerpw-foo.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	truth, err := os.ReadFile(filepath.Join(dir, "truth", "encrypted-aes256-ownerpw-foo.expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ExtractBytes(data, Options{Password: "foo"})
	if err != nil {
		t.Fatalf("with the owner password: %v", err)
	}
	if got, want := strings.Join(strings.Fields(doc.Text), " "), strings.Join(strings.Fields(string(truth)), " "); got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if _, err := ExtractBytes(data, Options{Password: "bar"}); !errors.Is(err, appraise.ErrWrongPassword) && err != nil {
		t.Errorf("a wrong password: %v, want ErrWrongPassword or (empty user password) success", err)
	}
}

// FuzzDecryptDocument feeds damaged encrypted files to the decryption,
// which runs on untrusted bytes before the library sees them: it must
// return (a copy or an error) without panicking.
func FuzzDecryptDocument(f *testing.F) {
	for _, p := range []encParams{
		{v: 1, r: 2, bits: 40, owner: "boss"},
		{v: 2, r: 3, bits: 128, owner: "boss"},
		{v: 4, r: 4, bits: 128, aes: true, owner: "boss"},
		{v: 4, r: 4, bits: 128, aes: true, user: "secret", owner: "boss"},
	} {
		f.Add(encryptedDoc(p), "boss")
	}
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		plain, encrypted, err := decryptDocument(data, password)
		if err == nil && encrypted && len(plain) == 0 {
			t.Fatal("decrypted to nothing without an error")
		}
	})
}

func TestEncryptOutsideTheTrailerIsNotEncryption(t *testing.T) {
	d := testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "The /Encrypt 5 0 R key names the dictionary"))
	d.AddObject("<< /Encrypt << /Filter /Nonsense >> >>")
	doc, err := ExtractBytes(d.Bytes(), Options{})
	if err != nil || !strings.Contains(doc.Text, "names the dictionary") {
		t.Fatalf("text %q, error %v: want an ordinary file", doc.Text, err)
	}
}
