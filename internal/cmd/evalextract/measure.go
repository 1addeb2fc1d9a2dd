package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/textmetrics"
	"appraise.app/appraise/pdfextract"
)

// result is everything measured for one file.
type result struct {
	in       input
	pages    int
	isolated time.Duration // median wall time through the child
	inProc   time.Duration // median in-process ExtractBytes time; 0 when skipped
	poppler  time.Duration // median pdftotext wall time; 0 when not run
	peakRSS  int64         // the child's peak resident memory, bytes
	err      error         // the typed error when extraction failed
	vsTruth  *textmetrics.Score
	// integrity is the sentence integrity against the truth; nil without one.
	integrity *textmetrics.Integrity
	broken    []string // the truth sentences not whole
	vsPdf     *textmetrics.Score
	// vsBody compares with pdftotext's output minus its page furniture
	// (see textmetrics.WithoutFurniture).
	vsBody *textmetrics.Score
}

// msPerPage is d per page in milliseconds (0 with no pages).
func msPerPage(d time.Duration, pages int) float64 {
	if pages == 0 {
		return 0
	}
	return float64(d.Microseconds()) / 1000 / float64(pages)
}

func measure(ctx context.Context, cfg config, in input) result {
	r := result{in: in}
	data, err := os.ReadFile(in.pdf)
	if err != nil {
		r.err = err
		return r
	}
	x := pdfextract.NewIsolated()
	if cfg.exe != "" {
		x.WithExecutable(cfg.exe)
	}
	var doc appraise.Document
	var walls []time.Duration
	for i := 0; i < cfg.runs; i++ {
		d, st, err := x.ExtractData(ctx, in.name+".pdf", data, appraise.ExtractOptions{})
		walls = append(walls, st.Wall)
		r.peakRSS = max(r.peakRSS, st.PeakRSS)
		if err != nil {
			r.err = err
			r.pages = st.Pages
			break
		}
		doc = d
	}
	r.isolated = median(walls)
	if r.err == nil {
		r.pages = len(doc.Pages)
		// In process, only for files the child read: a file that hangs the
		// parser would hang this tool.
		var times []time.Duration
		for i := 0; i < cfg.runs; i++ {
			start := time.Now()
			if _, err := pdfextract.ExtractBytes(data, pdfextract.Options{}); err != nil {
				break
			}
			times = append(times, time.Since(start))
		}
		r.inProc = median(times)
		r.vsTruth = score(doc.Text, in.truth)
		r.integrity, r.broken = integrity(doc.Text, in.truth)
		r.vsPdf = score(doc.Text, in.pdftotext)
		r.vsBody = scoreWith(doc.Text, in.pdftotext, textmetrics.WithoutFurniture)
	}
	if cfg.pdftotext != "" {
		var times []time.Duration
		for i := 0; i < cfg.runs; i++ {
			d, err := runPdftotext(ctx, cfg.pdftotext, in.pdf)
			if err != nil {
				break
			}
			times = append(times, d)
		}
		r.poppler = median(times)
	}
	return r
}

// score compares text with the reference file at path (nil when none).
func score(text, path string) *textmetrics.Score {
	return scoreWith(text, path, func(s string) string { return s })
}

// integrity is the sentence integrity of text against the reference at
// path (nil when none).
func integrity(text, path string) (*textmetrics.Integrity, []string) {
	if path == "" {
		return nil, nil
	}
	ref, err := os.ReadFile(path)
	if err != nil {
		return nil, nil
	}
	i, broken := textmetrics.BrokenSentences(text, string(ref))
	return &i, broken
}

// timeRatio is the child's whole-process time per page over pdftotext's
// (the same pages, so the plain ratio of wall times); 0 when pdftotext
// did not run.
func (r result) timeRatio() float64 {
	if r.poppler <= 0 {
		return 0
	}
	return float64(r.isolated) / float64(r.poppler)
}

// scoreWith compares text with the reference at path after clean.
func scoreWith(text, path string, clean func(string) string) *textmetrics.Score {
	if path == "" {
		return nil
	}
	ref, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	s := textmetrics.Compare(text, clean(string(ref)))
	return &s
}

// runPdftotext times pdftotext as a user runs it: a whole process writing
// the text (to a pipe here).
func runPdftotext(ctx context.Context, bin, pdf string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "-enc", "UTF-8", pdf, "-")
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return 0, fmt.Errorf("pdftotext %s: %w", pdf, err)
	}
	return d, nil // pdftotext's own failures (encrypted files) still took this long
}

// median of ds; 0 for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
