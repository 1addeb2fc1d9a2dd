package instrument

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"appraise.app/appraise/internal/appraise"
)

// Limits on a checklist file, so a hostile file costs little.
const (
	MaxFileSize = 256 << 10 // bytes
	maxItems    = 100
	maxAnswers  = 10
	maxText     = 1000 // code points of an item's text or hint
	maxName     = 200  // code points of a name, version or source
	maxAnswer   = 40   // code points of one answer
)

// fileDef is a checklist file as written.
type fileDef struct {
	ID      string      `toml:"id" json:"id"`
	Name    string      `toml:"name" json:"name"`
	Version string      `toml:"version" json:"version"`
	Source  string      `toml:"source" json:"source"`
	Family  string      `toml:"family" json:"family"`
	Answers []answerDef `toml:"answers" json:"answers"`
	Items   []itemDef   `toml:"items" json:"items"`
}

type answerDef struct {
	Answer string `toml:"answer" json:"answer"`
	Rating string `toml:"rating" json:"rating"`
}

type itemDef struct {
	Number int    `toml:"number" json:"number"`
	Text   string `toml:"text" json:"text"`
	Hint   string `toml:"hint" json:"hint"`
}

// allowedKeys are the field paths a file may use, with indexes replaced
// by "[]".
var allowedKeys = map[string]bool{
	"id": true, "name": true, "version": true, "source": true, "family": true,
	"answers": true, "answers[]": true, "answers[].answer": true, "answers[].rating": true,
	"items": true, "items[]": true, "items[].number": true, "items[].text": true, "items[].hint": true,
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// ParseCustom reads a lead's checklist file. name is used for the format
// (".toml" or ".json"; otherwise the content decides) and in messages.
// Any problem is an appraise.ErrInvalidChecklist error naming the line and
// field; nothing is returned then.
func ParseCustom(name string, data []byte) (appraise.Instrument, error) {
	in, err := parse(name, data)
	if err != nil {
		return appraise.Instrument{}, err
	}
	for _, b := range Builtin() {
		if b.ID == in.ID {
			return appraise.Instrument{}, fail(name, 1, "id", fmt.Sprintf("%q is the id of a built-in checklist; choose another", in.ID))
		}
	}
	in.Custom = true
	if in.Family == "" {
		in.Family = FamilyCustom
	}
	return in, nil
}

// fail builds the one-sentence error of a malformed file.
func fail(name string, line int, field, msg string) error {
	return fmt.Errorf("%w: %s line %d, field %s: %s", appraise.ErrInvalidChecklist, filepath.Base(name), line, field, msg)
}

func parse(name string, data []byte) (appraise.Instrument, error) {
	if len(data) > MaxFileSize {
		return appraise.Instrument{}, fmt.Errorf("%w: %s is larger than %d KiB", appraise.ErrInvalidChecklist, filepath.Base(name), MaxFileSize>>10)
	}
	if !utf8.Valid(data) {
		return appraise.Instrument{}, fail(name, offsetLine(data, int64(firstInvalidUTF8(data))), "(text)", "the file is not UTF-8 text")
	}
	var def fileDef
	var lines keyLines
	var keys []string
	if isJSON(name, data) {
		dec := json.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&def); err != nil {
			return appraise.Instrument{}, jsonError(name, data, err)
		}
		if dec.More() {
			return appraise.Instrument{}, fail(name, offsetLine(data, dec.InputOffset()), "(end)", "there is more after the checklist's closing brace")
		}
		lines = jsonLines(data)
		for k := range lines {
			keys = append(keys, k)
		}
	} else {
		md, err := toml.Decode(string(data), &def)
		if err != nil {
			return appraise.Instrument{}, tomlError(name, err)
		}
		lines = tomlLines(data)
		for _, k := range md.Undecoded() {
			keys = append(keys, tomlPath(k))
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !allowedKeys[indexRE.ReplaceAllString(k, "[]")] {
			return appraise.Instrument{}, fail(name, lines.line(k), k, "Appraise does not know this field (use id, name, version, source, family, answers, items)")
		}
	}
	return build(name, def, lines)
}

// tomlPath turns a TOML key from the decoder's metadata into our path
// form; array-of-table indexes are unknown there, so the first occurrence
// is named.
func tomlPath(k toml.Key) string {
	parts := make([]string, len(k))
	for i, p := range k {
		parts[i] = p
		if i < len(k)-1 && (p == "items" || p == "answers") {
			parts[i] = p + "[1]"
		}
	}
	return strings.Join(parts, ".")
}

func isJSON(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".toml":
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func tomlError(name string, err error) error {
	var pe toml.ParseError
	var ppe *toml.ParseError
	if errors.As(err, &ppe) {
		pe = *ppe
	}
	if ppe != nil || errors.As(err, &pe) {
		field := pe.LastKey
		if field == "" {
			field = "(syntax)"
		}
		return fail(name, pe.Position.Line, field, strings.TrimSuffix(pe.Message, "."))
	}
	// Type mismatches come as plain errors: "toml: line 5 (last key
	// "items.number"): incompatible types: …".
	if m := tomlTypeErr.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return fail(name, line, m[2], m[3])
	}
	return fail(name, 1, "(syntax)", strings.TrimPrefix(err.Error(), "toml: "))
}

var tomlTypeErr = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

func jsonError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fail(name, offsetLine(data, se.Offset), "(syntax)", strings.TrimPrefix(se.Error(), "invalid character "))
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "(top level)"
		}
		return fail(name, offsetLine(data, te.Offset), field, fmt.Sprintf("expected %s, found %s", te.Type, te.Value))
	case errors.Is(err, errEOF(err)):
		return fail(name, offsetLine(data, int64(len(data))), "(syntax)", "the file ends before the checklist does")
	}
	return fail(name, 1, "(syntax)", err.Error())
}

// errEOF matches the decoder's truncated-input errors.
func errEOF(err error) error {
	if strings.Contains(err.Error(), "unexpected EOF") || err.Error() == "EOF" {
		return err
	}
	return errors.New("not EOF")
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// build checks a decoded file and turns it into an Instrument.
func build(name string, def fileDef, lines keyLines) (appraise.Instrument, error) {
	bad := func(field, msg string) (appraise.Instrument, error) {
		return appraise.Instrument{}, fail(name, lines.line(field), field, msg)
	}
	if def.ID == "" {
		return bad("id", "is missing (a short name such as \"club-case-series\")")
	}
	if !idRE.MatchString(def.ID) {
		return bad("id", fmt.Sprintf("%q must be 1–64 lower-case letters, digits or '-'", shortText(def.ID)))
	}
	for _, f := range []struct{ field, v string }{{"name", def.Name}, {"version", def.Version}, {"source", def.Source}} {
		if msg := checkText(f.v, maxName, f.field == "name"); msg != "" {
			return bad(f.field, msg)
		}
	}
	in := appraise.Instrument{ID: appraise.InstrumentID(def.ID), Name: strings.TrimSpace(def.Name),
		Version: strings.TrimSpace(def.Version), Source: strings.TrimSpace(def.Source), Family: def.Family}
	if in.Version == "" {
		in.Version = "1"
	}
	switch {
	case len(def.Answers) > 0 && (def.Family == "" || def.Family == FamilyCustom):
		if len(def.Answers) < 2 || len(def.Answers) > maxAnswers {
			return bad("answers", fmt.Sprintf("has %d answers; give 2–%d", len(def.Answers), maxAnswers))
		}
		for i, a := range def.Answers {
			field := fmt.Sprintf("answers[%d]", i+1)
			if msg := checkText(a.Answer, maxAnswer, true); msg != "" {
				return bad(field+".answer", msg)
			}
			ans := appraise.Answer(strings.TrimSpace(a.Answer))
			if slices.ContainsFunc(in.Answers, func(o appraise.AnswerOption) bool { return o.Answer == ans }) {
				return bad(field+".answer", fmt.Sprintf("%q is given twice", shortText(string(ans))))
			}
			r := appraise.Rating(a.Rating)
			if !knownRating(r) {
				return bad(field+".rating", fmt.Sprintf("%q is not a rating (use good, bad, unclear or not-applicable)", shortText(a.Rating)))
			}
			in.Answers = append(in.Answers, appraise.AnswerOption{Answer: ans, Rating: r})
		}
	case len(def.Answers) > 0:
		return bad("answers", fmt.Sprintf("family %q has its own answers; drop answers or the family", shortText(def.Family)))
	case familyAnswers(def.Family) != nil:
		in.Answers = familyAnswers(def.Family)
	case def.Family == "" || def.Family == FamilyCustom:
		return bad("answers", "are missing: give family = \"jbi\" or \"casp\", or a list of answers with ratings")
	default:
		return bad("family", fmt.Sprintf("%q is not a family (use jbi or casp, or give answers)", shortText(def.Family)))
	}
	if len(def.Items) == 0 || len(def.Items) > maxItems {
		return bad("items", fmt.Sprintf("has %d items; give 1–%d", len(def.Items), maxItems))
	}
	numbered := def.Items[0].Number != 0
	seen := map[int]bool{}
	for i, it := range def.Items {
		field := fmt.Sprintf("items[%d]", i+1)
		if msg := checkText(it.Text, maxText, true); msg != "" {
			return bad(field+".text", msg)
		}
		if msg := checkText(it.Hint, maxText, false); msg != "" {
			return bad(field+".hint", msg)
		}
		n := it.Number
		switch {
		case numbered && (n < 1 || n > 999):
			return bad(field+".number", "must be 1–999 (number every item, or none)")
		case !numbered && n != 0:
			return bad(field+".number", "is given here but not on the first item (number every item, or none)")
		case !numbered:
			n = i + 1
		case seen[n]:
			return bad(field+".number", fmt.Sprintf("%d is used twice", n))
		}
		seen[n] = true
		in.Items = append(in.Items, appraise.InstrumentItem{Number: n, Text: strings.TrimSpace(it.Text), Hint: strings.TrimSpace(it.Hint)})
	}
	sort.SliceStable(in.Items, func(i, j int) bool { return in.Items[i].Number < in.Items[j].Number })
	return in, nil
}

// checkText returns why s cannot be used, or "".
func checkText(s string, max int, required bool) string {
	t := strings.TrimSpace(s)
	switch {
	case required && t == "":
		return "is missing or empty"
	case utf8.RuneCountInString(t) > max:
		return fmt.Sprintf("is longer than %d characters", max)
	}
	for _, r := range t {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return fmt.Sprintf("contains the control character U+%04X", r)
		}
	}
	return ""
}

func shortText(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// Validate checks an instrument that arrives from elsewhere (a bundle or
// an export being imported) by the rules of a custom checklist file and
// returns it as ParseCustom would. Errors wrap
// appraise.ErrInvalidChecklist; name is used in them.
func Validate(name string, in appraise.Instrument) (appraise.Instrument, error) {
	def := fileDef{ID: string(in.ID), Name: in.Name, Version: in.Version, Source: in.Source, Family: FamilyCustom}
	for _, a := range in.Answers {
		def.Answers = append(def.Answers, answerDef{Answer: string(a.Answer), Rating: string(a.Rating)})
	}
	for _, it := range in.Items {
		def.Items = append(def.Items, itemDef{Number: it.Number, Text: it.Text, Hint: it.Hint})
	}
	out, err := build(name, def, keyLines{})
	if err != nil {
		return appraise.Instrument{}, err
	}
	out.Custom, out.Family = true, FamilyCustom
	return out, nil
}
