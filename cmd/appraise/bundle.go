package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/internal/merge"
	"appraise.app/appraise/internal/termsafe"
)

// isBundleArg reports whether the GUI was asked to open a bundle
// (appraise club.jsonld, as a file manager starts it).
func isBundleArg(a string) bool {
	return strings.HasSuffix(strings.ToLower(a), ".jsonld")
}

// isBundleFile tells a journal-club bundle (JSON) from a PDF by content:
// a regular file whose first bytes, after a byte order mark and white
// space, open a JSON object or array.
func isBundleFile(path string) bool {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte(export.BOM)), " \t\r\n")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}

// runImportBundle merges a bundle into the library and prints what it did.
func runImportBundle(e *env, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	return withLibrary(e, func(lib *library.Library) error {
		rep, err := lib.ImportBundle(f)
		if err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
		writeImportReport(e.stdout, rep)
		return nil
	})
}

// writeImportReport prints an import report: one line per paper, then the
// tags made.
func writeImportReport(w io.Writer, rep appraise.ImportReport) {
	t := rep.Totals()
	fmt.Fprintf(w, "Imported %s: %s\n", plural(len(rep.Papers), "paper"), countsLine(t))
	for _, p := range rep.Papers {
		title := strings.TrimSpace(p.Paper.Meta.Title)
		if title == "" {
			title = string(p.Paper.ID[:min(12, len(p.Paper.ID))])
		}
		how := string(p.Match)
		switch {
		case p.Match == string(merge.NoMatch):
			how = "PDF missing: open the file to attach"
		case p.Waiting:
			how += "; PDF missing: open the file to attach"
		}
		fmt.Fprintf(w, "  %s (%s): %s\n", termsafe.Escape(oneLine(title, 70)), how, countsLine(p))
	}
	if len(rep.TagsCreated) > 0 {
		fmt.Fprintf(w, "New tags: %s\n", termsafe.Escape(strings.Join(rep.TagsCreated, ", ")))
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(w, "Not imported: %s\n", termsafe.Escape(s))
	}
}

func countsLine(p appraise.PaperImport) string {
	parts := []string{fmt.Sprintf("%d new", p.New), fmt.Sprintf("%d updated", p.Updated), fmt.Sprintf("%d unchanged", p.Unchanged)}
	if p.Older > 0 {
		parts = append(parts, fmt.Sprintf("%d older (kept yours)", p.Older))
	}
	if p.NeedsReview > 0 {
		parts = append(parts, fmt.Sprintf("%d need review", p.NeedsReview))
	}
	line := strings.Join(parts, ", ")
	if a := p.Appraisals; a != (appraise.AppraisalCounts{}) {
		line += fmt.Sprintf("; appraisals: %d new, %d updated, %d unchanged", a.New, a.Updated, a.Unchanged)
	}
	return line
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
