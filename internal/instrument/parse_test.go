package instrument

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

const clubTOML = `# Our journal club's quick check
id = "club-quick"
name = "Club quick check"
version = "3"
source = "St Elsewhere journal club, 2026"

[[answers]]
answer = "yes"
rating = "good"

[[answers]]
answer = "partly"
rating = "unclear"

[[answers]]
answer = "no"
rating = "bad"

[[items]]
text = "Is the question one our patients ask?"
hint = "Think of last month's clinic."

[[items]]
text = "Would we change practice?"
`

const clubJSON = `{
  "id": "club-json",
  "name": "Club JSON check",
  "family": "casp",
  "items": [
    {"number": 2, "text": "Second question"},
    {"number": 1, "text": "First question", "hint": "a hint"}
  ]
}`

func TestParseCustomReadsTOMLAndJSON(t *testing.T) {
	in, err := ParseCustom("club.toml", []byte(clubTOML))
	if err != nil {
		t.Fatal(err)
	}
	if in.ID != "club-quick" || in.Name != "Club quick check" || in.Version != "3" || !in.Custom || in.Family != FamilyCustom {
		t.Errorf("instrument = %+v", in)
	}
	if len(in.Items) != 2 || in.Items[1].Number != 2 || in.Items[0].Hint != "Think of last month's clinic." {
		t.Errorf("items = %+v", in.Items)
	}
	if !in.Allows("partly") || in.RatingOf("partly") != appraise.RatingUnclear || in.Allows(appraise.AnswerCantTell) {
		t.Errorf("answers = %+v", in.Answers)
	}
	js, err := ParseCustom("club.json", []byte(clubJSON))
	if err != nil {
		t.Fatal(err)
	}
	if js.Items[0].Number != 1 || js.Items[0].Text != "First question" || !js.Allows(appraise.AnswerCantTell) || js.Version != "1" {
		t.Errorf("json instrument = %+v", js)
	}
	// Without an extension the content decides.
	if _, err := ParseCustom("club", []byte(clubJSON)); err != nil {
		t.Errorf("JSON without extension: %v", err)
	}
}

func TestParseCustomNamesTheLineAndFieldOfAMistake(t *testing.T) {
	tests := []struct {
		name, file, data string
		line             int
		field            string
	}{
		{"TOML syntax error", "c.toml", "id = \"x\"\nname = \"y\nfamily = \"jbi\"\n", 2, "name"},
		{"missing id", "c.toml", "name = \"Club\"\nfamily = \"jbi\"\n[[items]]\ntext = \"a\"\n", 1, "id"},
		{"bad id", "c.toml", "name = \"Club\"\nid = \"Club Check!\"\nfamily = \"jbi\"\n[[items]]\ntext = \"a\"\n", 2, "id"},
		{"built-in id", "c.toml", "id = \"jbi-case-series\"\nname = \"Club\"\nfamily = \"jbi\"\n[[items]]\ntext = \"a\"\n", 1, "id"},
		{"second item has no text", "c.toml", "id = \"c\"\nname = \"Club\"\nfamily = \"jbi\"\n[[items]]\ntext = \"a\"\n\n[[items]]\nhint = \"b\"\n", 7, "items[2].text"},
		{"unknown rating", "c.toml", "id = \"c\"\nname = \"C\"\n[[answers]]\nanswer = \"yes\"\nrating = \"good\"\n[[answers]]\nanswer = \"no\"\nrating = \"awful\"\n[[items]]\ntext = \"a\"\n", 8, "answers[2].rating"},
		{"unknown family", "c.toml", "id = \"c\"\nname = \"C\"\nfamily = \"cochrane\"\n[[items]]\ntext = \"a\"\n", 3, "family"},
		{"no answers at all", "c.toml", "id = \"c\"\nname = \"C\"\n[[items]]\ntext = \"a\"\n", 1, "answers"},
		{"unknown field", "c.toml", "id = \"c\"\nname = \"C\"\nfamily = \"jbi\"\ncolour = \"red\"\n[[items]]\ntext = \"a\"\n", 4, "colour"},
		{"number type wrong", "c.toml", "id = \"c\"\nname = \"C\"\nfamily = \"jbi\"\n[[items]]\nnumber = \"one\"\ntext = \"a\"\n", 5, "items.number"},
		{"duplicate number", "c.toml", "id = \"c\"\nname = \"C\"\nfamily = \"jbi\"\n[[items]]\nnumber = 1\ntext = \"a\"\n[[items]]\nnumber = 1\ntext = \"b\"\n", 8, "items[2].number"},
		{"no items", "c.toml", "id = \"c\"\nname = \"C\"\nfamily = \"jbi\"\n", 1, "items"},
		{"control character in text", "c.toml", "id = \"c\"\nname = \"C\"\nfamily = \"jbi\"\n[[items]]\ntext = \"a\\u0007b\"\n", 5, "items[1].text"},
		{"JSON syntax error", "c.json", "{\n  \"id\": \"c\",\n  \"name\": \"C\"\n  \"family\": \"jbi\"\n}", 4, "(syntax)"},
		{"JSON wrong type", "c.json", "{\n  \"id\": \"c\",\n  \"name\": \"C\",\n  \"family\": \"jbi\",\n  \"items\": [{\"text\": 5}]\n}", 5, "items.text"},
		{"JSON item without text", "c.json", "{\n  \"id\": \"c\",\n  \"name\": \"C\",\n  \"family\": \"jbi\",\n  \"items\": [\n    {\"text\": \"a\"},\n    {\"hint\": \"b\"}\n  ]\n}", 7, "items[2].text"},
		{"JSON unknown field", "c.json", "{\n  \"id\": \"c\",\n  \"name\": \"C\",\n  \"family\": \"jbi\",\n  \"items\": [{\"text\": \"a\", \"weight\": 2}]\n}", 5, "items[1].weight"},
		{"JSON truncated", "c.json", "{\n  \"id\": \"c\",\n", 3, "(syntax)"},
		{"not UTF-8", "c.toml", "id = \"c\"\nname = \"\xff\"\n", 2, "(text)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := ParseCustom(tt.file, []byte(tt.data))
			if err == nil {
				t.Fatalf("parsed %+v, want an error", in)
			}
			if !errors.Is(err, appraise.ErrInvalidChecklist) {
				t.Errorf("error %v is not ErrInvalidChecklist", err)
			}
			msg := err.Error()
			wantLoc := tt.file + " line " + itoa(tt.line) + ", field " + tt.field + ":"
			if !strings.Contains(msg, wantLoc) {
				t.Errorf("error %q does not name %q", msg, wantLoc)
			}
			if strings.Count(msg, "\n") > 0 {
				t.Errorf("error is not one line: %q", msg)
			}
		})
	}
}

func TestParseCustomRefusesAHugeFile(t *testing.T) {
	data := []byte("id = \"c\"\n# " + strings.Repeat("x", MaxFileSize) + "\n")
	if _, err := ParseCustom("c.toml", data); !errors.Is(err, appraise.ErrInvalidChecklist) {
		t.Errorf("err = %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func FuzzParseCustom(f *testing.F) {
	f.Add("c.toml", clubTOML)
	f.Add("c.json", clubJSON)
	f.Add("c.toml", "[[items]]\n[[items]]\ntext=1")
	f.Fuzz(func(t *testing.T, name, data string) {
		in, err := ParseCustom(name, []byte(data))
		if err != nil {
			if !errors.Is(err, appraise.ErrInvalidChecklist) {
				t.Fatalf("error %v is not ErrInvalidChecklist", err)
			}
			return
		}
		if in.ID == "" || in.Name == "" || len(in.Items) == 0 || len(in.Answers) < 2 {
			t.Fatalf("accepted an incomplete instrument %+v", in)
		}
	})
}
