package library

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
	"appraise.app/appraise/internal/export"
)

// ErrNoSuchAuthor: a comparison named an author with no annotations on the
// paper. Errors that are it are also appraise.ErrNotFound.
var ErrNoSuchAuthor = errors.New("the author has no annotations on this paper")

// noAuthorError names the author and who did annotate the paper.
type noAuthorError struct{ role, author, who string }

func (e noAuthorError) Error() string {
	return fmt.Sprintf("the %s %q has no annotations on this paper (%s)", e.role, e.author, e.who)
}

func (e noAuthorError) Is(target error) bool {
	return target == ErrNoSuchAuthor || target == appraise.ErrNotFound
}

// Authors lists the authors of a paper's live annotations, sorted, with
// how many each made. An annotation without an author is listed under "".
func (l *Library) Authors(paper appraise.PaperID) (map[string]int, error) {
	as, err := l.Annotations(paper)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, a := range as {
		out[strings.TrimSpace(a.Author)]++
	}
	return out, nil
}

// Compare measures trainee's annotations of a paper against key's on the
// paper's sentences, for the built-in tags and every other tag either of
// them used. Authors match with case and spacing ignored; an empty name
// is the annotations without an author. The key must have annotated the paper; a trainee with no
// annotations is compared as having tagged nothing.
//
// The readers' structured appraisals are compared too (see
// compareAppraisals): the user's own for the user, a member's as a bundle
// brought it.
//
// The result is ready to write as feedback (export.WriteFeedbackHTML,
// WriteFeedbackCSV): Text is the paper's text for quoting the passages to
// review, Skipped the annotations left out because they are not attached
// to the current text with confidence (needs review, orphaned).
func (l *Library) Compare(paper appraise.PaperID, key, trainee string) (export.Feedback, error) {
	p, err := l.store.Paper(paper)
	if err != nil {
		return export.Feedback{}, err
	}
	doc, err := l.document(p)
	if err != nil {
		return export.Feedback{}, fmt.Errorf("compare readings of %s: %w", paper, err)
	}
	as, err := l.Annotations(paper)
	if err != nil {
		return export.Feedback{}, err
	}
	cmp := export.Feedback{Paper: p, Text: doc.Text, Generated: l.now(), AppVersion: l.appVersion}
	keyR := agreement.Reading{Author: strings.TrimSpace(key)}
	traineeR := agreement.Reading{Author: strings.TrimSpace(trainee)}
	keyCount := 0
	for _, a := range byAuthor(as, key) {
		keyCount++
		if a.Status != appraise.Attached {
			cmp.Skipped++
			continue
		}
		keyR.Annotations = append(keyR.Annotations, a)
	}
	if keyCount == 0 {
		return export.Feedback{}, noAuthorError{"key", keyR.Author, authorList(as)}
	}
	for _, a := range byAuthor(as, trainee) {
		if a.Status != appraise.Attached {
			cmp.Skipped++
			continue
		}
		traineeR.Annotations = append(traineeR.Annotations, a)
	}
	tags, err := l.comparedTags(keyR.Annotations, traineeR.Annotations)
	if err != nil {
		return export.Feedback{}, err
	}
	cmp.Result = agreement.Compare(doc.Passages, tags, keyR, traineeR)
	if err := l.compareAppraisals(&cmp, paper, key, trainee, keyR.Annotations, traineeR.Annotations); err != nil {
		return export.Feedback{}, fmt.Errorf("compare appraisals of %s: %w", paper, err)
	}
	return cmp, nil
}

// comparedTags is the built-in tags, then the library's other tags either
// reading uses, in the library's order, then tags used but not defined.
func (l *Library) comparedTags(readings ...[]appraise.Annotation) ([]string, error) {
	used := map[string]bool{}
	for _, as := range readings {
		for _, a := range as {
			for _, t := range a.Tags {
				used[t] = true
			}
		}
	}
	var out []string
	for _, t := range appraise.BuiltInTags() {
		out = append(out, t.Name)
		delete(used, t.Name)
	}
	defined, err := l.store.Tags()
	if err != nil {
		return nil, err
	}
	for _, t := range defined {
		if used[t.Name] {
			out = append(out, t.Name)
			delete(used, t.Name)
		}
	}
	rest := make([]string, 0, len(used))
	for t := range used {
		rest = append(rest, t)
	}
	sort.Strings(rest)
	return append(out, rest...), nil
}

// authorList says who did annotate the paper, for an error message.
func authorList(as []appraise.Annotation) string {
	var names []string
	for _, a := range as {
		n := strings.TrimSpace(a.Author)
		if n == "" {
			n = "(no author)"
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "nobody has annotated it yet"
	}
	sort.Strings(names)
	return "annotated by: " + strings.Join(names, ", ")
}

// byAuthor keeps the annotations by author (authors.Key equal).
func byAuthor(as []appraise.Annotation, author string) []appraise.Annotation {
	k := authors.Key(author)
	var out []appraise.Annotation
	for _, a := range as {
		if authors.Key(a.Author) == k {
			out = append(out, a)
		}
	}
	return out
}
