package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"

	"appraise.app/appraise/internal/textmetrics"
)

// writeReport prints one row per file, then the totals.
func writeReport(w io.Writer, results []result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tpages\tchild ms/pg\tin-proc ms/pg\tpdftotext ms/pg\t×pdftotext\tchild MiB\tMiB/pg\tsent\ttruth R\tP\tF1\torder\tpdftotext R\tP\tF1\torder\tbody R\tF1\torder\t")
	var failures []string
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintf(tw, "%s\t%s\t%s\t\t%s\t\t%s\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n", short(r.in.name), pagesCell(r.pages), ms(r.isolated, max(r.pages, 1)), ms(r.poppler, max(r.pages, 1)), mib(r.peakRSS))
			failures = append(failures, fmt.Sprintf("  %s: %v", r.in.name, r.err))
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s%s\n", short(r.in.name), r.pages,
			ms(r.isolated, r.pages), ms(r.inProc, r.pages), ms(r.poppler, r.pages), timesCell(r.timeRatio()),
			mib(r.peakRSS), mibPerPage(r.peakRSS, r.pages), integrityCell(r.integrity),
			scoreCells(r.vsTruth), scoreCells(r.vsPdf), bodyCells(r.vsBody))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(failures) > 0 {
		fmt.Fprintf(w, "\nFiles that gave no text (typed errors, as users see them):\n%s\n", strings.Join(failures, "\n"))
	}
	return writeTotals(w, results)
}

// writeTotals prints pages and time over all files that extracted, the
// median and p90 of per-file ms/page for each extractor, and the mean and
// worst scores.
func writeTotals(w io.Writer, results []result) error {
	var pages int
	var iso, inp, pop []float64
	var isoTotal, inpTotal, popTotal float64
	var peak int64
	var truth, vsPdf, vsBody []textmetrics.Score
	var ratios, perPage []float64
	var whole textmetrics.Integrity
	var integ []float64
	for _, r := range results {
		if r.err != nil {
			continue
		}
		pages += r.pages
		iso = append(iso, msPerPage(r.isolated, r.pages))
		isoTotal += float64(r.isolated.Microseconds()) / 1000
		if r.inProc > 0 {
			inp = append(inp, msPerPage(r.inProc, r.pages))
			inpTotal += float64(r.inProc.Microseconds()) / 1000
		}
		if r.poppler > 0 {
			pop = append(pop, msPerPage(r.poppler, r.pages))
			popTotal += float64(r.poppler.Microseconds()) / 1000
		}
		peak = max(peak, r.peakRSS)
		if x := r.timeRatio(); x > 0 {
			ratios = append(ratios, x)
		}
		if r.peakRSS > 0 && r.pages > 0 {
			perPage = append(perPage, float64(r.peakRSS)/float64(1<<20)/float64(r.pages))
		}
		if r.integrity != nil {
			whole.Whole += r.integrity.Whole
			whole.Total += r.integrity.Total
			integ = append(integ, r.integrity.Share())
		}
		if r.vsTruth != nil {
			truth = append(truth, *r.vsTruth)
		}
		if r.vsPdf != nil {
			vsPdf = append(vsPdf, *r.vsPdf)
		}
		if r.vsBody != nil {
			vsBody = append(vsBody, *r.vsBody)
		}
	}
	fmt.Fprintf(w, "\nTotal: %d files extracted, %d pages, %d gave a typed error.\n", len(iso), pages, len(results)-len(iso))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ms/page\tchild\tin-process\tpdftotext\t")
	fmt.Fprintf(tw, "overall\t%s\t%s\t%s\t\n", ratio(isoTotal, pages), ratio(inpTotal, pages), ratio(popTotal, pages))
	fmt.Fprintf(tw, "median\t%s\t%s\t%s\t\n", num(percentile(iso, 50)), num(percentile(inp, 50)), num(percentile(pop, 50)))
	fmt.Fprintf(tw, "p90\t%s\t%s\t%s\t\n", num(percentile(iso, 90)), num(percentile(inp, 90)), num(percentile(pop, 90)))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Peak child memory: %s MiB; peak RSS per page median %s MiB (p90 %s).\n", mib(peak), num(percentile(perPage, 50)), num(percentile(perPage, 90)))
	fmt.Fprintf(w, "Child time per page over pdftotext's (whole processes, same run): median %s×, p90 %s×, over %d files.\n",
		num2(percentile(ratios, 50)), num2(percentile(ratios, 90)), len(ratios))
	if whole.Total > 0 {
		fmt.Fprintf(w, "Sentence integrity against truth (sentences of %d+ words whole in the output): %d of %d = %.3f overall, mean per file %.3f (worst %.3f), %d files.\n",
			textmetrics.MinIntegrityWords, whole.Whole, whole.Total, whole.Share(), mean(integ), percentile(integ, 0), len(integ))
	}
	writeScoreSummary(w, "truth (truth/*.plain.txt, demo truth)", truth)
	writeScoreSummary(w, "pdftotext (pdftotext/*.txt)", vsPdf)
	writeScoreSummary(w, "pdftotext minus its page furniture (\"body\": repeated header/footer lines and bare numbers removed from the reference)", vsBody)
	return nil
}

func writeScoreSummary(w io.Writer, against string, scores []textmetrics.Score) {
	if len(scores) == 0 {
		return
	}
	mean := func(f func(textmetrics.Score) float64) float64 {
		s := 0.0
		for _, x := range scores {
			s += f(x)
		}
		return s / float64(len(scores))
	}
	worst := func(f func(textmetrics.Score) float64) float64 {
		m := math.Inf(1)
		for _, x := range scores {
			m = math.Min(m, f(x))
		}
		return m
	}
	rec := func(s textmetrics.Score) float64 { return s.Recall }
	f1 := func(s textmetrics.Score) float64 { return s.F1 }
	ord := func(s textmetrics.Score) float64 { return s.ReadingOrder }
	fmt.Fprintf(w, "Against %s, %d files: recall mean %.3f (worst %.3f), F1 mean %.3f (worst %.3f), reading order mean %.3f (worst %.3f).\n",
		against, len(scores), mean(rec), worst(rec), mean(f1), worst(f1), mean(ord), worst(ord))
}

// percentile is the nearest-rank p-th percentile of xs; NaN for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func integrityCell(i *textmetrics.Integrity) string {
	if i == nil || i.Total == 0 {
		return ""
	}
	return fmt.Sprintf("%.3f", i.Share())
}

func timesCell(x float64) string {
	if x <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

func mibPerPage(b int64, pages int) string {
	if b <= 0 || pages <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", float64(b)/float64(1<<20)/float64(pages))
}

func num2(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

func scoreCells(s *textmetrics.Score) string {
	if s == nil {
		return "\t\t\t\t"
	}
	return fmt.Sprintf("%.3f\t%.3f\t%.3f\t%.3f\t", s.Recall, s.Precision, s.F1, s.ReadingOrder)
}

func bodyCells(s *textmetrics.Score) string {
	if s == nil {
		return "\t\t\t"
	}
	return fmt.Sprintf("%.3f\t%.3f\t%.3f\t", s.Recall, s.F1, s.ReadingOrder)
}

func ms(d interface{ Microseconds() int64 }, pages int) string {
	if d.Microseconds() == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000/float64(pages))
}

func ratio(total float64, pages int) string {
	if total == 0 || pages == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", total/float64(pages))
}

func num(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.1f", x)
}

func mib(b int64) string {
	if b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%d", b>>20)
}

func pagesCell(n int) string {
	if n <= 0 {
		return "?"
	}
	return fmt.Sprint(n)
}

// short trims long corpus names for the table.
func short(name string) string {
	if r := []rune(name); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return name
}

// writeBroken lists, per file, the truth sentences not whole in the output.
func writeBroken(w io.Writer, results []result) {
	for _, r := range results {
		if len(r.broken) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: %d sentences not whole\n", r.in.name, len(r.broken))
		for _, s := range r.broken {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
}
