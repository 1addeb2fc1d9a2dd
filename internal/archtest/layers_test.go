package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "appraise.app/appraise"

// rule says which folders (relative to the module root, by prefix) may
// import a path prefix.
type rule struct {
	importPrefix string
	allowedDirs  []string
}

var rules = []rule{
	{"go.etcd.io/bbolt", []string{"store"}},
	{"github.com/ledongthuc/pdf", []string{"pdfextract"}},
	{"github.com/xuri/excelize", []string{"internal/export/xlsx"}},
	{"github.com/klippa-app/go-pdfium", []string{"internal/pdfrender"}},
	{"github.com/tetratelabs/wazero", []string{"internal/pdfrender"}},
	{module + "/internal/pdfrender", []string{"internal/pdfrender", "cmd", "internal/cmd"}},
	{"fyne.io/", []string{"ui", "assets", "cmd"}},
	{module + "/store", []string{"store", "cmd"}},
	{module + "/pdfextract", []string{"pdfextract", "cmd", "internal/cmd"}},
	{module + "/ui", []string{"ui", "cmd"}},
	{module + "/assets", []string{"assets", "cmd", "ui"}},
}

// imports maps each Go file (relative path) to its import paths.
func imports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out[filepath.ToSlash(rel)] = []string{}
		for _, s := range f.Imports {
			p, _ := strconv.Unquote(s.Path.Value)
			out[filepath.ToSlash(rel)] = append(out[filepath.ToSlash(rel)], p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", root, err)
	}
	return out
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", dir, err)
	}
	return dir
}

func within(file string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(file, d+"/") {
			return true
		}
	}
	return false
}

// violations lists every import that breaks a rule.
func violations(files map[string][]string) []string {
	var bad []string
	for file, imps := range files {
		for _, imp := range imps {
			for _, r := range rules {
				if strings.HasPrefix(imp, r.importPrefix) && !within(file, r.allowedDirs) {
					bad = append(bad, file+" imports "+imp+"; only "+strings.Join(r.allowedDirs, ", ")+" may")
				}
			}
		}
	}
	return bad
}

func TestOnlyAdaptersImportTheirDependency(t *testing.T) {
	for _, v := range violations(imports(t, moduleRoot(t))) {
		t.Error(v)
	}
}

func TestDomainUsesStandardLibraryOnly(t *testing.T) {
	for file, imps := range imports(t, moduleRoot(t)) {
		if !strings.HasPrefix(file, "internal/appraise/") || strings.HasSuffix(file, "_test.go") {
			continue
		}
		for _, imp := range imps {
			first := strings.SplitN(imp, "/", 2)[0]
			if strings.Contains(first, ".") {
				t.Errorf("%s imports %s; internal/appraise must use the standard library only", file, imp)
			}
		}
	}
}

func TestEveryPackageHasADocComment(t *testing.T) {
	root := moduleRoot(t)
	dirs := map[string]bool{}
	documented := map[string]bool{}
	fset := token.NewFileSet()
	for file := range imports(t, root) {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		dir := filepath.Dir(file)
		dirs[dir] = true
		f, err := parser.ParseFile(fset, filepath.Join(root, file), nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if f.Doc != nil && strings.TrimSpace(f.Doc.Text()) != "" {
			documented[dir] = true
		}
	}
	for d := range dirs {
		if !documented[d] {
			t.Errorf("package %s has no package doc comment", d)
		}
	}
}

func TestRulesCatchAViolation(t *testing.T) {
	// The checker itself must fail on a bad import, or the tests above prove nothing.
	bad := map[string][]string{
		"internal/export/x.go": {"go.etcd.io/bbolt"},
		"store/y.go":           {"fyne.io/fyne/v2"},
		"ui/z.go":              {module + "/store"},
	}
	if got := violations(bad); len(got) != 3 {
		t.Fatalf("want 3 violations, got %d: %v", len(got), got)
	}
}
