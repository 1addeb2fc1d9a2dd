package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
	"appraise.app/appraise/internal/library"
)

// runLink links two annotations of one paper, or with --remove unlinks
// them.
func runLink(e *env, args []string) error {
	fs := flag.NewFlagSet("link", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	from := fs.String("from", "", "annotation id (the limitation, or the claim for about)")
	to := fs.String("to", "", "annotation id (the claim, or the population for about)")
	typ := fs.String("type", "", "limits or about")
	remove := fs.Bool("remove", false, "remove the link instead")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *from == "" || *to == "":
		return usageErrorf("--from and --to are required")
	case *typ == "":
		return usageErrorf("--type is required (limits or about)")
	}
	k := appraise.Link{From: strings.TrimSpace(*from), To: strings.TrimSpace(*to), Type: appraise.LinkType(strings.ToLower(strings.TrimSpace(*typ)))}
	return withLibrary(e, func(lib *library.Library) error {
		if *remove {
			if err := lib.RemoveLink(k); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "removed: %s %s %s\n", k.From, k.Type.Phrase(true), k.To)
			return nil
		}
		saved, err := lib.AddLink(k)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "linked: %s %s %s\n", saved.From, saved.Type.Phrase(true), saved.To)
		return nil
	})
}

// domainFlag collects --domain NAME=LEVEL.
type domainFlag []appraise.DomainRating

func (d *domainFlag) String() string { return fmt.Sprint(*d) }
func (d *domainFlag) Set(v string) error {
	name, level, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("--domain takes NAME=LEVEL, e.g. imprecision=serious")
	}
	*d = append(*d, appraise.DomainRating{Domain: appraise.Domain(strings.ToLower(strings.TrimSpace(name))), Level: instrument.ParseLevel(level)})
	return nil
}

// runGrade shows a claim's GRADE certainty, or rates domains (all in one
// commit) and then shows it.
func runGrade(e *env, args []string) error {
	fs := flag.NewFlagSet("grade", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	claim := fs.String("claim", "", "the claim annotation's id")
	format := fs.String("format", "text", "text or json")
	var domains domainFlag
	var reasons stringsFlag
	fs.Var(&domains, "domain", "NAME=none|serious|very-serious (rate-up domains: none|+1|+2), repeatable")
	fs.Var(&reasons, "reason", "an annotation id (a limitation) that is the reason for the domains given, repeatable")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *claim == "":
		return usageErrorf("--claim is required")
	case *format != "text" && *format != "json":
		return usageErrorf("unknown format %q (use text or json)", *format)
	case len(reasons) > 0 && len(domains) == 0:
		return usageErrorf("--reason needs the --domain it is a reason for")
	}
	for _, d := range domains {
		if err := instrument.ValidateRating(d); err != nil {
			return err
		}
	}
	return withLibrary(e, func(lib *library.Library) error {
		v, err := lib.Certainty(*claim)
		if err != nil {
			return err
		}
		if len(domains) > 0 {
			for i := range domains {
				cur := ratingOf(v, domains[i].Domain)
				rs := cur.Reasons
				for _, r := range reasons {
					if !contains(rs, r) {
						rs = append(rs, r)
					}
				}
				domains[i].Reasons = rs
			}
			if v, err = lib.SetDomains(*claim, domains...); err != nil {
				return err
			}
		}
		if *format == "json" {
			return writeJSON(e.stdout, certaintyJSON(v))
		}
		printCertainty(e.stdout, v)
		return nil
	})
}

func ratingOf(v appraise.CertaintyView, d appraise.Domain) appraise.DomainRating {
	for _, dv := range v.Domains {
		if dv.Rating.Domain == d {
			return dv.Rating
		}
	}
	return appraise.DomainRating{Domain: d}
}

type domainJSON struct {
	Domain  string   `json:"domain"`
	Level   string   `json:"level"`
	Reasons []string `json:"reasons"`
}

type certaintyOut struct {
	Claim     string       `json:"claim"`
	Quote     string       `json:"quote"`
	Start     string       `json:"start"`
	Domains   []domainJSON `json:"domains"`
	Certainty string       `json:"certainty"`
}

func certaintyJSON(v appraise.CertaintyView) certaintyOut {
	out := certaintyOut{Claim: v.Claim.ID, Quote: v.Claim.Annotation.Anchor.Exact, Start: string(v.Start), Certainty: string(v.Final)}
	for _, d := range v.Domains {
		j := domainJSON{Domain: string(d.Rating.Domain), Level: string(d.Rating.Level), Reasons: []string{}}
		for _, r := range d.Reasons {
			j.Reasons = append(j.Reasons, r.ID)
		}
		out.Domains = append(out.Domains, j)
	}
	return out
}

func printCertainty(w io.Writer, v appraise.CertaintyView) {
	fmt.Fprintf(w, "Claim %s, p. %d: %q\n", v.Claim.ID, v.Claim.Annotation.Anchor.Page, shortQuote(v.Claim.Annotation.Anchor.Exact))
	fmt.Fprintf(w, "Starts at: %s (from the design)\n", v.Start)
	for _, d := range v.Domains {
		fmt.Fprintf(w, "  %-24s %s\n", d.Rating.Domain.Label(), d.Rating.Level)
		for _, r := range d.Reasons {
			if r.Missing {
				fmt.Fprintf(w, "      reason %s: deleted\n", r.ID)
				continue
			}
			fmt.Fprintf(w, "      reason %s, p. %d: %q\n", r.ID, r.Annotation.Anchor.Page, shortQuote(r.Annotation.Anchor.Exact))
		}
	}
	fmt.Fprintf(w, "Certainty: %s\n", v.Final)
}
