package demopaper

// The demo paper's front matter. Everything here is invented: the journal,
// the authors, their institutions, the patients and the references. The DOI
// uses 10.5555, a prefix reserved for tests and examples.
//
// Inline markup (see markup.go): ^{…} superscript, **…** bold, _…_ italic.

const (
	journalName  = "Journal of Clinical Case Series"
	journalIssue = "Volume 14 · Issue 3 · 2023"
	journalDOI   = "https://doi.org/10.5555/jccs.2023.0317"
	firstPageNo  = 213
)

// frontMatterText is the title block and abstract.
func frontMatterText() frontMatter {
	return frontMatter{
		Title: "Dyadic interpersonal psychotherapy for moderate postpartum depression: " +
			"a retrospective case series of three women",
		Authors: "Maren K. Ostrowski^{1}, Tobias Lindqvist-Achebe^{1,2}, Ilse Varga^{2} and Samuel R. Okonkwo-Hart^{1}",
		Affiliations: []string{
			"^{1}Department of Perinatal Psychiatry, Fjordvik University Hospital, Fjordvik, Norway",
			"^{2}Mother and Baby Unit, St Aldric's Hospital, Westmere, United Kingdom",
		},
		Notes: []string{
			"Correspondence: Maren K. Ostrowski, Department of Perinatal Psychiatry, Fjordvik University " +
				"Hospital, Postboks 4120, 9012 Fjordvik, Norway. Email: m.ostrowski@example.org",
			"Received 14 March 2023; revised 9 May 2023; accepted 2 June 2023",
		},
		Abstract: []string{
			"**Background:** Postpartum depression affects roughly one in eight women in the first year " +
				"after childbirth, and many are reluctant to start antidepressant medication while " +
				"breastfeeding. Interpersonal psychotherapy is effective in this period, but standard courses " +
				"are long and seldom involve the infant directly.",
			"**Case presentation:** We describe three women aged 24–36 years with moderate postpartum " +
				"depression who received a ten-session course of dyadic interpersonal psychotherapy, in which " +
				"the infant attends every session, at a hospital outpatient clinic between 2019 and 2022. Data " +
				"were obtained by retrospective review of the clinical records.",
			"**Results:** All three patients showed a reduction of at least 50% in their Edinburgh Postnatal " +
				"Depression Scale score by week 12, and none needed psychiatric admission. Two of the three " +
				"remained below the screening threshold at the 24-week follow-up visit.",
			"**Conclusion:** These findings suggest that a brief dyadic format is feasible and acceptable in " +
				"routine care. Because the series is small, uncontrolled and retrospective, it cannot establish " +
				"efficacy; a randomised trial is needed.",
		},
		Keywords: "**Keywords:** postpartum depression; interpersonal psychotherapy; mother–infant dyad; " +
			"case series; perinatal psychiatry",
	}
}
