package library

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"appraise.app/appraise/internal/anchor"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/merge"
)

// ErrNoBundleImport: the store cannot save a bundle in one transaction.
var ErrNoBundleImport = errors.New("this library cannot import bundles")

// bundleStore is a store that saves a whole bundle in one transaction.
type bundleStore interface {
	Import(b appraise.ImportBatch) error
}

// ExportBundle writes the papers' annotations, live and in the trash,
// narrowed by f, with their metadata, as a journal-club bundle (see
// export.WriteBundle). No ids means every paper in the library. Nothing is
// written when it fails.
func (l *Library) ExportBundle(ids []appraise.PaperID, f appraise.ExportFilter, w io.Writer) error {
	if len(ids) == 0 {
		all, err := l.store.Papers()
		if err != nil {
			return err
		}
		for _, s := range all {
			ids = append(ids, s.Paper.ID)
		}
		if len(ids) == 0 {
			return fmt.Errorf("export bundle: the library has no papers: %w", appraise.ErrNotFound)
		}
	}
	tags, err := l.store.Tags()
	if err != nil {
		return err
	}
	trash, err := l.store.Trash()
	if err != nil {
		return err
	}
	var in []export.BundleInput
	for _, id := range slices.Compact(ids) {
		p, err := l.store.Paper(id)
		if err != nil {
			return err
		}
		as, err := l.store.Annotations(id)
		if err != nil {
			return err
		}
		b := export.BundleInput{Input: export.Input{Paper: p, Tags: tags, Annotations: filter(as, f), Generated: l.now(), AppVersion: l.appVersion}}
		if b.Appraisal, err = l.exportedAppraisal(p, as); err != nil {
			return err
		}
		if b.MemberAppraisals, err = l.MemberAppraisals(id); err != nil {
			return err
		}
		for _, a := range filter(trash, f) {
			if a.Paper == id {
				b.Trash = append(b.Trash, a)
			}
		}
		in = append(in, b)
	}
	if err := export.WriteBundle(w, in); err != nil {
		return fmt.Errorf("export bundle: %w", err)
	}
	return nil
}

// ImportBundle merges a journal-club bundle into the library, all of it or
// nothing. Papers match by SHA-256, else DOI, else title and year;
// annotations on another copy of a paper are re-anchored by quote in this
// library's text (those without a confident place are marked needs
// review); a paper the library does not have is added without its PDF and
// its annotations wait for it. Each annotation merges by id (see package
// merge): importing the same bundle twice changes nothing, and bundles
// can be imported in any order. The papers' appraisals come in as
// members.go says: a member's kept apart, the user's own merged, each
// checked against the checklists the library and the bundle define.
func (l *Library) ImportBundle(r io.Reader) (appraise.ImportReport, error) {
	bs, ok := l.store.(bundleStore)
	if !ok {
		return appraise.ImportReport{}, ErrNoBundleImport
	}
	bundle, err := export.DecodeBundle(r)
	if err != nil {
		return appraise.ImportReport{}, err
	}
	summaries, err := l.store.Papers()
	if err != nil {
		return appraise.ImportReport{}, err
	}
	papers := make([]appraise.Paper, 0, len(summaries))
	for _, s := range summaries {
		papers = append(papers, s.Paper)
	}
	known, err := l.knownInstruments()
	if err != nil {
		return appraise.ImportReport{}, err
	}
	var rep appraise.ImportReport
	var batch appraise.ImportBatch
	where := map[string]int{}             // annotation id → index in rep.Papers
	paperAt := map[appraise.PaperID]int{} // library paper → index in rep.Papers
	for i, bp := range bundle {
		local, how := merge.Paper(papers, bp.Paper)
		pi := appraise.PaperImport{Paper: local, Match: string(how)}
		if how == merge.NoMatch {
			pi.Paper = appraise.Paper{ID: bp.Paper.ID, Meta: bp.Paper.Meta, Added: l.now()}
			batch.Papers = append(batch.Papers, pi.Paper)
			papers = append(papers, pi.Paper)
		}
		var doc *appraise.Document
		if pi.Paper.ExtractorVersion != "" {
			if d, err := l.document(pi.Paper); err == nil {
				doc = &d
			}
		}
		pi.Waiting = doc == nil
		incoming := append(append([]appraise.Annotation{}, bp.Annotations...), bp.Trash...)
		anns := l.placeAnnotations(incoming, pi.Paper.ID, how, doc)
		for _, a := range anns {
			where[a.ID] = len(rep.Papers)
		}
		batch.Annotations = append(batch.Annotations, anns...)
		ids := make(map[string]bool, len(anns))
		for _, a := range anns {
			ids[a.ID] = true
		}
		ims, add, skipped, err := l.importedAppraisals(bp, pi.Paper.ID, ids, known)
		if err != nil {
			return appraise.ImportReport{}, fmt.Errorf("%w: %s: %v", export.ErrInvalidJSONLD, bundlePaperName(i, len(bundle), bp), err)
		}
		for _, line := range skipped {
			rep.Skipped = append(rep.Skipped, bundlePaperName(i, len(bundle), bp)+": "+line)
		}
		batch.Appraisals = append(batch.Appraisals, ims...)
		batch.Instruments = append(batch.Instruments, add...)
		if _, ok := paperAt[pi.Paper.ID]; !ok {
			paperAt[pi.Paper.ID] = len(rep.Papers)
		}
		rep.Papers = append(rep.Papers, pi)
	}
	if batch.Tags, rep.TagsCreated, err = l.missingTags(batch.Annotations); err != nil {
		return appraise.ImportReport{}, err
	}
	counts := make([]appraise.PaperImport, len(rep.Papers))
	batch.Decide = func(have *appraise.Annotation, in appraise.Annotation) (appraise.Annotation, bool) {
		keep, out := merge.Annotation(have, in)
		c := &counts[where[in.ID]]
		switch out {
		case merge.New:
			c.New++
		case merge.Updated:
			c.Updated++
		case merge.Unchanged:
			c.Unchanged++
		case merge.Older:
			c.Older++
		}
		write := out == merge.New || out == merge.Updated
		if write && keep.Status != appraise.Attached && keep.Deleted.IsZero() {
			c.NeedsReview++
		}
		return keep, write
	}
	batch.DecideAppraisal = decideAppraisal(func(p appraise.PaperID) *appraise.AppraisalCounts {
		return &counts[paperAt[p]].Appraisals
	})
	if err := bs.Import(batch); err != nil {
		return appraise.ImportReport{}, err
	}
	for i := range rep.Papers {
		c := counts[i]
		p := &rep.Papers[i]
		p.New, p.Updated, p.Unchanged, p.Older, p.NeedsReview = c.New, c.Updated, c.Unchanged, c.Older, c.NeedsReview
		p.Appraisals = c.Appraisals
	}
	return rep, nil
}

// placeAnnotations puts a bundle paper's annotations on the library's
// paper id. On the same file, offsets by this library's extractor stand.
// Otherwise, with this library's text at hand (doc), they are re-anchored
// by quote now; without it, their extractor version is cleared so that
// they are re-anchored when the PDF is opened.
func (l *Library) placeAnnotations(as []appraise.Annotation, paper appraise.PaperID, how merge.Match, doc *appraise.Document) []appraise.Annotation {
	var r *anchor.Reattacher
	out := make([]appraise.Annotation, 0, len(as))
	for _, a := range as {
		a.Paper = paper
		copyOfPaper := how == merge.SameDOI || how == merge.SameTitled
		switch {
		case doc == nil:
			if copyOfPaper {
				a.Anchor.ExtractorVersion = ""
			}
		case copyOfPaper || a.Anchor.ExtractorVersion != doc.ExtractorVersion:
			if r == nil {
				r = anchor.NewReattacher(*doc)
			}
			if copyOfPaper {
				a.Anchor.ExtractorVersion = "" // its offsets are another file's
			}
			res := r.Reattach(a.Anchor)
			a.Anchor, a.Status = res.Anchor, res.Status
		}
		out = append(out, a)
	}
	return out
}

// missingTags returns the tags the annotations use that the library lacks,
// each with a colour of its own, and their names.
func (l *Library) missingTags(as []appraise.Annotation) ([]appraise.Tag, []string, error) {
	have, err := l.store.Tags()
	if err != nil {
		return nil, nil, err
	}
	known := map[string]bool{}
	for _, t := range have {
		known[t.Name] = true
	}
	palette := tagPalette()
	var out []appraise.Tag
	var names []string
	for _, a := range as {
		for _, name := range a.Tags {
			if known[name] {
				continue
			}
			if err := appraise.ValidateTagName(name); err != nil {
				return nil, nil, fmt.Errorf("annotation %s: %w", a.ID, err)
			}
			known[name] = true
			out = append(out, appraise.Tag{Name: name, Color: palette[(len(have)+len(out))%len(palette)]})
			names = append(names, name)
		}
	}
	return out, names, nil
}

// bundlePaperName says which of a bundle's papers a message is about.
func bundlePaperName(i, n int, bp export.BundlePaper) string {
	name := fmt.Sprintf("paper %d", i+1)
	if n == 1 {
		name = "the paper"
	}
	if t := strings.TrimSpace(bp.Paper.Meta.Title); t != "" {
		name += fmt.Sprintf(" (%.60q)", t)
	}
	return name
}
