package pdfextract

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// Files encrypted by qpdf, an independent writer of every revision of the
// standard security handler, opened with their user and owner passwords.

// qpdfSource is a two-page document with an Info title and an XMP title,
// written to dir.
func qpdfSource(tb testing.TB, dir string) string {
	tb.Helper()
	d := testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "Troponin rules out infarction"), testpdf.TextAt(72, 700, 12, "Second page"))
	xmp := `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Metadata title</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
	md := d.AddStream("/Type /Metadata /Subtype /XML", []byte(xmp))
	d.SetObject(d.Catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Metadata %d 0 R >>", d.Pages, md))
	d.SetInfo(d.AddObject("<< /Title (Secret title) >>"))
	path := filepath.Join(dir, "plain.pdf")
	if err := os.WriteFile(path, d.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// qpdfEncrypt writes src encrypted with qpdf's --encrypt and its options
// (general options are qpdf's others), and returns the bytes.
func qpdfEncrypt(tb testing.TB, qpdf, src, user, owner, bits string, options []string) []byte {
	tb.Helper()
	out := filepath.Join(tb.TempDir(), "enc.pdf")
	var args, encOpts []string
	for _, o := range options {
		if o == "--allow-weak-crypto" || strings.HasPrefix(o, "--object-streams") {
			args = append(args, o)
		} else {
			encOpts = append(encOpts, o)
		}
	}
	args = append(args, "--encrypt", user, owner, bits)
	args = append(append(args, encOpts...), "--", src, out)
	if msg, err := exec.Command(qpdf, args...).CombinedOutput(); err != nil {
		// qpdf exits 3 for warnings (such as weak crypto) with the file written.
		if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 3 {
			tb.Fatalf("qpdf %s: %v\n%s", strings.Join(args, " "), err, msg)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestQPDFEncryptionRevisions(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed (apt-get install qpdf): skipping the qpdf-encrypted files")
	}
	src := qpdfSource(t, t.TempDir())
	revisions := []struct {
		name  string
		bits  string
		extra []string
		// wantR and wantV are what the encryption dictionary must say,
		// so each case really is the revision it is named after.
		wantV, wantR int
		cleartext    bool
	}{
		{"R2 40-bit RC4", "40", []string{"--allow-weak-crypto"}, 1, 2, false},
		{"R3 128-bit RC4", "128", []string{"--use-aes=n", "--allow-weak-crypto"}, 2, 3, false},
		{"R4 128-bit RC4 crypt filter", "128", []string{"--use-aes=n", "--force-V4", "--allow-weak-crypto"}, 4, 4, false},
		{"R4 AES-128", "128", []string{"--use-aes=y"}, 4, 4, false},
		{"R4 AES-128 with cleartext metadata (Acrobat Sign)", "128", []string{"--use-aes=y", "--cleartext-metadata"}, 4, 4, true},
		{"R4 AES-128 in object streams", "128", []string{"--use-aes=y", "--object-streams=generate"}, 4, 4, false},
		{"R5 AES-256", "256", []string{"--force-R5", "--allow-weak-crypto"}, 5, 5, false},
		{"R6 AES-256", "256", nil, 5, 6, false},
		{"R6 AES-256 with cleartext metadata", "256", []string{"--cleartext-metadata"}, 5, 6, true},
		{"R6 AES-256 in object streams", "256", []string{"--object-streams=generate"}, 5, 6, false},
	}
	for _, rev := range revisions {
		t.Run(rev.name, func(t *testing.T) {
			locked := qpdfEncrypt(t, qpdf, src, "nurse", "consultant", rev.bits, rev.extra)
			open := qpdfEncrypt(t, qpdf, src, "", "consultant", rev.bits, rev.extra)
			enc, ok := encryptDict(locked)
			if !ok || int(enc.key("V").num) != rev.wantV || int(enc.key("R").num) != rev.wantR {
				t.Fatalf("qpdf wrote V%v R%v, want V%d R%d", enc.key("V").num, enc.key("R").num, rev.wantV, rev.wantR)
			}
			if m := enc.key("EncryptMetadata"); rev.cleartext != (m.kind == tBool && m.num == 0) {
				t.Fatalf("EncryptMetadata %+v, want cleartext %v", m, rev.cleartext)
			}
			cases := []struct {
				name     string
				pdf      []byte
				password string
				want     error
			}{
				{"no password asks for one", locked, "", appraise.ErrNeedsPassword},
				{"a wrong password says so", locked, "surgeon", appraise.ErrWrongPassword},
				{"the user password opens", locked, "nurse", nil},
				{"the owner password opens", locked, "consultant", nil},
				{"an empty user password needs none", open, "", nil},
				{"an empty user password ignores a wrong one", open, "surgeon", nil},
				{"an empty user password, owner password given", open, "consultant", nil},
			}
			for _, tc := range cases {
				doc, err := ExtractBytes(tc.pdf, Options{Password: tc.password})
				if tc.want != nil {
					if !errors.Is(err, tc.want) {
						t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s: %v", tc.name, err)
					continue
				}
				if !strings.Contains(doc.Text, "Troponin rules out infarction") || !strings.Contains(doc.Text, "Second page") {
					t.Errorf("%s: text %q", tc.name, doc.Text)
				}
				d, err := openDocument(tc.pdf, tc.password)
				if err != nil {
					t.Fatalf("%s: openDocument: %v", tc.name, err)
				}
				if info := readDocInfo(d); info.title != "Secret title" || info.xmp.title != "Metadata title" {
					t.Errorf("%s: Info title %q, XMP title %q: want both decrypted", tc.name, info.title, info.xmp.title)
				}
			}
		})
	}
}

// BenchmarkDecryptDemoPaper measures what decrypting costs before the
// library reads a file: the demo paper as it is and encrypted by qpdf.
func BenchmarkDecryptDemoPaper(b *testing.B) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		b.Skip("qpdf is not installed")
	}
	src, err := filepath.Abs("../assets/demo.pdf")
	if err != nil {
		b.Fatal(err)
	}
	files := []struct {
		name string
		data []byte
	}{
		{"R4 AES-128", qpdfEncrypt(b, qpdf, src, "", "owner", "128", []string{"--use-aes=y"})},
		{"R6 AES-256", qpdfEncrypt(b, qpdf, src, "", "owner", "256", nil)},
		{"R6 AES-256 owner password", qpdfEncrypt(b, qpdf, src, "user", "owner", "256", nil)},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				if _, _, err := decryptDocument(f.data, "owner"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCorpusEncryptedCopiesReadTheSame encrypts every corpus paper with
// qpdf (RC4-128, AES-128 in object streams, AES-256) and checks that each
// copy, opened with its user password, gives exactly the text and title
// of the paper as it is.
func TestCorpusEncryptedCopiesReadTheSame(t *testing.T) {
	papers := corpusPapers(t)
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed (apt-get install qpdf): skipping the encrypted corpus copies")
	}
	revisions := []struct {
		name string
		bits string
		opts []string
	}{
		{"RC4-128", "128", []string{"--use-aes=n", "--allow-weak-crypto"}},
		{"AES-128 object streams", "128", []string{"--use-aes=y", "--object-streams=generate"}},
		{"AES-256", "256", nil},
	}
	dir := t.TempDir()
	same := 0
	for _, p := range papers {
		if strings.HasPrefix(p.name, "encrypted-") {
			continue // already encrypted
		}
		plain, err := ExtractBytes(p.data, Options{})
		if err != nil {
			continue // a paper the extractor refuses plain is not this test's business
		}
		d, err := openDocument(p.data, "")
		if err != nil {
			t.Fatal(err)
		}
		plainInfo := readDocInfo(d)
		src := filepath.Join(dir, p.name+".pdf")
		if err := os.WriteFile(src, p.data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, rev := range revisions {
			enc := qpdfEncrypt(t, qpdf, src, "reader", "editor", rev.bits, rev.opts)
			doc, err := ExtractBytes(enc, Options{Password: "reader"})
			if err != nil {
				t.Errorf("%s, %s: %v", p.name, rev.name, err)
				continue
			}
			if doc.Text != plain.Text {
				t.Errorf("%s, %s: the text differs from the unencrypted paper's (%d vs %d characters)", p.name, rev.name, len(doc.Text), len(plain.Text))
				continue
			}
			d, err := openDocument(enc, "reader")
			if err != nil {
				t.Fatal(err)
			}
			if info := readDocInfo(d); info.title != plainInfo.title || info.xmp.title != plainInfo.xmp.title {
				t.Errorf("%s, %s: titles %q / %q, want %q / %q", p.name, rev.name, info.title, info.xmp.title, plainInfo.title, plainInfo.xmp.title)
				continue
			}
			same++
		}
	}
	t.Logf("%d encrypted copies read exactly as their papers", same)
}

func TestQPDFNonASCIIPasswords(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed (apt-get install qpdf): skipping the qpdf-encrypted files")
	}
	src := qpdfSource(t, t.TempDir())
	for _, rev := range []struct {
		name, bits string
		opts       []string
	}{
		{"R3 RC4-128 (Latin-1 password)", "128", []string{"--use-aes=n", "--allow-weak-crypto"}},
		{"R4 AES-128 (Latin-1 password)", "128", []string{"--use-aes=y"}},
		{"R6 AES-256 (UTF-8 password)", "256", nil},
	} {
		locked := qpdfEncrypt(t, qpdf, src, "Zoë-Ødegård", "Ärztin", rev.bits, rev.opts)
		// As typed, and decomposed (e + combining diaeresis), as some
		// keyboards and clipboards give it.
		for _, pw := range []string{"Zoë-Ødegård", "Ärztin", "Zoe\u0308-Ødegård", "A\u0308rztin"} {
			if _, err := ExtractBytes(locked, Options{Password: pw}); err != nil {
				t.Errorf("%s, password %q: %v", rev.name, pw, err)
			}
		}
		if _, err := ExtractBytes(locked, Options{Password: "Zoe-Odegard"}); !errors.Is(err, appraise.ErrWrongPassword) {
			t.Errorf("%s: the password without accents: %v, want ErrWrongPassword", rev.name, err)
		}
	}
}
