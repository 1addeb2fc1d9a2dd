package demopaper

// The demo paper's body, in reading order. All prose is original to this
// project and describes invented patients.

// bodyText is the body in reading order.
func bodyText() []element {
	return []element{
		heading{1, "Introduction"},
		para("Depression after childbirth is common, disabling and often missed. Estimates of its period " +
			"prevalence in the first postpartum year range from 10% to 15% in high-income countries, with " +
			"higher figures where social support is thin^{1,2}. Untreated, it is associated with impaired " +
			"bonding, early cessation of breastfeeding and later emotional and behavioural difficulties in " +
			"the child^{3}. Most women with mild to moderate illness prefer a psychological treatment to " +
			"medication, a preference that is especially marked among those who are breastfeeding^{4}."),
		para("Interpersonal psychotherapy (IPT) is a time-limited treatment that links the onset of " +
			"depressive symptoms to a current interpersonal problem area, such as a role transition or a " +
			"dispute with a partner. Its efficacy in postpartum depression has been shown in several " +
			"randomised trials, including one case-control comparison within a larger cohort^{5–7}. The usual " +
			"course, however, runs to 12–16 weekly sessions, and the mother attends alone. For a woman " +
			"caring for a young infant, arranging childcare for every visit is a practical barrier, and " +
			"dropout in the first month is frequent^{8}."),
		para("Several groups have tried to bring the baby into adult psychological treatment. Most of " +
			"these efforts have been in the psychodynamic tradition, in which the relationship between " +
			"mother and infant is itself the focus of therapy, and their aims and measures differ from " +
			"those of a depression treatment^{10}. Others have offered crèches or home visits so that " +
			"mothers can attend^{11}, which addresses access but not the content of the sessions. A " +
			"structured, symptom-focused psychotherapy in which the infant is deliberately present, and " +
			"whose outcome is the mother's depression, has received little attention."),
		para("Dyadic interpersonal psychotherapy (D-IPT) was developed at our clinic as a shortened, " +
			"flexible adaptation in which the infant is present throughout each session. The therapist " +
			"uses the infant's presence actively: moments of feeding, settling or distress in the room " +
			"become material for work on the role transition to motherhood. To our knowledge no outcomes " +
			"of this format have been published. We report the first three patients treated with D-IPT " +
			"whose records allowed a complete description of their course up to 24 weeks."),

		heading{1, "Methods"},
		heading{2, "Setting and patients"},
		para("The perinatal psychiatry outpatient clinic at Fjordvik University Hospital serves a mixed " +
			"urban and rural population of about 310,000 and receives referrals from midwives, general " +
			"practitioners and maternity wards. We identified, by retrospective chart review, all women " +
			"who began D-IPT between January 2019 and June 2022. Three women aged 24–36 years were " +
			"included. The inclusion criteria were a diagnosis of a moderate depressive episode with onset " +
			"within 12 weeks of delivery, confirmed by a consultant psychiatrist using ICD-10 criteria; an " +
			"infant younger than six months at the first session; at least eight sessions attended; and " +
			"complete rating scales at baseline, week 12 and week 24. Women with psychotic symptoms, " +
			"bipolar disorder, current substance misuse or acute suicide risk were not offered D-IPT and " +
			"were therefore not eligible. Nine further women started D-IPT in the same period but were " +
			"excluded because one or more follow-up ratings were missing."),
		heading{2, "Intervention"},
		para("D-IPT consists of ten weekly sessions of 50 minutes, delivered by one of two psychiatrists " +
			"trained and certified in IPT. The first three sessions cover the interpersonal inventory and " +
			"the choice of a problem area; sessions four to eight address that area; the last two " +
			"consolidate gains and plan for relapse. The infant remains in the room throughout, and the " +
			"therapist invites the mother to notice and name her own and her baby's signals as they occur. " +
			"Partners were invited to one session. No patient started or changed antidepressant medication " +
			"during the course, and none received another structured psychotherapy."),
		heading{2, "Outcome measures and data collection"},
		para("Depressive symptoms were rated with the Edinburgh Postnatal Depression Scale (EPDS), a " +
			"ten-item self-report questionnaire scored from 0 to 30, on which a score of 13 or more " +
			"suggests probable depression^{9}. Clinicians also completed the 17-item Hamilton Rating Scale " +
			"for Depression (HAM-D) at baseline and at week 12. Ratings were recorded routinely at every " +
			"session and again at the follow-up visit at 24 weeks. Two authors (MKO and IV) extracted " +
			"demographic details, obstetric history, session attendance and scale scores from the " +
			"electronic records into a standard form, and a third (SRO) checked every entry against " +
			"the source."),
		heading{2, "Data analysis"},
		para("Because of the small number of patients the analysis is descriptive. We defined response " +
			"as a fall of 50% or more in the EPDS score from baseline to week 12, and sustained " +
			"improvement as an EPDS score below 13 at both week 12 and week 24. Percentage changes are " +
			"reported for each patient; no statistical tests were performed, and no data were imputed."),
		heading{2, "Ethics"},
		para("The regional committee for medical research ethics judged the project to be a quality " +
			"review that did not require formal approval (reference 2022/4471). All three women gave " +
			"written consent to publication, and identifying details have been changed."),

		heading{1, "Results"},
		para("The three patients attended 29 of 30 planned sessions. Their characteristics and scores are " +
			"shown in Table 1. All three patients showed a reduction of at least 50% in EPDS score by week " +
			"12, and their HAM-D scores fell by between 57% and 69% over the same period. No patient was " +
			"admitted, and no adverse events were recorded."),
		table{
			Caption: "**Table 1.** Characteristics and outcomes of the three patients.",
			Header:  []string{"Characteristic", "Patient A", "Patient B", "Patient C"},
			Rows: [][]string{
				{"Age, years", "29", "36", "24"},
				{"Parity", "1", "2", "1"},
				{"Mode of delivery", "Vaginal", "Caesarean", "Assisted"},
				{"Onset, weeks postpartum", "3", "6", "2"},
				{"Sessions attended", "10 of 10", "9 of 10", "10 of 10"},
				{"EPDS at referral", "19", "22", "17"},
				{"EPDS at week 12", "8", "10", "6"},
				{"EPDS at week 24", "7", "14", "5"},
				{"HAM-D at referral", "18", "21", "16"},
				{"HAM-D at week 12", "7", "9", "5"},
			},
			Note: "EPDS, Edinburgh Postnatal Depression Scale (0–30); HAM-D, 17-item Hamilton Rating Scale " +
				"for Depression (0–52).",
		},
		heading{2, "Patient A"},
		para("A 29-year-old woman was referred by her midwife three weeks after an uncomplicated first " +
			"delivery, with low mood, tearfulness, early waking and a sense that she was failing as a " +
			"mother. The problem area chosen was the role transition: she had left a demanding job a " +
			"month before the birth and described herself as having lost her place in the world. During " +
			"sessions she at first avoided looking at her son when he cried; by the sixth session she " +
			"commented on his cues herself, and she described the sessions in which he fell asleep on her " +
			"lap as the first time she had felt competent. Her partner attended the seventh session and " +
			"agreed to take over two night feeds a week. Her EPDS score fell from 19 to 8 by week 12 and " +
			"was 7 at follow-up."),
		heading{2, "Patient B"},
		para("A 36-year-old woman with one older child developed depressive symptoms six weeks after an " +
			"emergency caesarean section. She reported irritability, poor concentration and recurrent " +
			"arguments with her partner about the division of night-time care, and the problem area was " +
			"an interpersonal dispute. She missed one session when the infant had a fever. Her EPDS score " +
			"fell from 22 to 10 by week 12, but rose to 14 at the 24-week visit after her partner returned " +
			"to full-time work; she was then offered a further course of treatment."),
		heading{2, "Patient C"},
		para("A 24-year-old first-time mother presented two weeks after an assisted vaginal delivery with " +
			"intrusive worries about her daughter's health, low mood and withdrawal from friends. She had " +
			"moved to the region during pregnancy and had no relatives nearby. Work focused on role " +
			"transition and on rebuilding a social network, and she joined a local parents' group during " +
			"treatment. Her EPDS score fell from 17 to 6 by week 12 and was 5 at follow-up (Figure 1)."),
		figure{
			Caption: "**Figure 1.** EPDS score (vertical axis, 0–30) by week since the first session " +
				"(horizontal axis, 0–24) for Patient A (solid line, circles), Patient B (dashed line, squares) " +
				"and Patient C (dotted line, triangles). The shaded band marks scores of 13 or more, the " +
				"usual screening threshold.",
			Weeks: []float64{0, 2, 4, 6, 8, 10, 12, 24},
			Series: [][]float64{
				{19, 18, 15, 13, 11, 9, 8, 7},
				{22, 21, 19, 16, 14, 12, 10, 14},
				{17, 15, 12, 10, 8, 7, 6, 5},
			},
		},

		heading{1, "Discussion"},
		para("In this small series, a ten-session dyadic course of interpersonal psychotherapy was " +
			"followed by a clinically meaningful fall in depressive symptoms in all three women, with " +
			"attendance close to complete. These findings suggest that bringing the infant into the " +
			"room does not distract from the therapeutic work and may remove a practical obstacle to " +
			"attending. The speed of improvement, with most of the change occurring between weeks four " +
			"and ten, resembles that reported for standard IPT in postpartum samples^{5,6}."),
		para("We believe the presence of the infant offered something beyond convenience. In each case " +
			"the therapist was able to work with interactions as they happened rather than as they were " +
			"remembered, and two of the three mothers said spontaneously that this was the most useful " +
			"part of treatment. Similar observations have been made in parent–infant psychotherapy, " +
			"although that approach targets the relationship itself rather than the mother's depression^{10}."),
		para("The relapse in Patient B at 24 weeks is a reminder that a brief course may be insufficient " +
			"when an interpersonal dispute persists after treatment ends. A booster session at the return " +
			"to work, or the inclusion of the partner in more than one session, might have helped her. " +
			"Longer follow-up is needed before the durability of any benefit can be judged."),

		para("Our patients were not selected for their suitability for a dyadic approach, beyond the " +
			"clinic's usual criteria, and they differed in age, parity, mode of delivery and problem " +
			"area. That the format was workable across these differences is encouraging. It is also " +
			"worth noting what did not happen: no session had to be abandoned because the infant was " +
			"unsettled, and the therapists did not report that the infant's needs crowded out the " +
			"agreed focus of the work."),
		heading{2, "Implications for practice"},
		para("For clinicians, the main practical lesson is that the infant's presence need not be " +
			"treated as a disturbance to be managed. A room large enough for a changing mat, a flexible " +
			"start time and a therapist comfortable with interruptions were, in our experience, " +
			"sufficient. Services that already offer IPT could pilot a dyadic format without additional " +
			"training beyond a short workshop^{13}, provided that they record outcomes systematically from " +
			"the first session."),

		heading{1, "Limitations"},
		para("This report has important limitations. The sample is very small, and three patients cannot " +
			"represent the range of women who develop postpartum depression. There was no control group, " +
			"so the improvement we describe cannot be separated from spontaneous remission, which is " +
			"common in the months after delivery^{12}, or from the passage of time and the support of " +
			"midwives and family. Because the data come from a retrospective chart review, we depended " +
			"on what clinicians chose to record, and the follow-up was short."),
		para("Selection bias is likely: we included only women with complete ratings, and the nine who " +
			"were excluded for missing data may have done less well. The ratings were not blinded, since " +
			"the treating psychiatrists completed the HAM-D themselves, and the EPDS is a self-report " +
			"measure open to a wish to please the therapist. Finally, both therapists helped to develop " +
			"D-IPT, and their enthusiasm may not be shared by clinicians elsewhere. Adherence to the " +
			"treatment manual was not rated, and the results of a single Scandinavian centre may not " +
			"generalise to services with different populations or resources."),

		heading{1, "Conclusion"},
		para("A brief dyadic form of interpersonal psychotherapy was feasible and acceptable for three " +
			"women with moderate postpartum depression, and all three improved markedly. These " +
			"observations justify a randomised controlled trial with blinded outcome assessment and at " +
			"least twelve months of follow-up before the approach can be recommended."),

		heading{1, "Declarations"},
		para("**Author contributions:** MKO and TLA conceived the report; MKO, IV and SRO collected and " +
			"checked the data; MKO wrote the first draft; all authors revised it and approved the final " +
			"version."),
		para("**Funding:** none. **Conflicts of interest:** MKO and TLA developed D-IPT and teach it to " +
			"clinicians; they receive no income from it. The other authors declare no conflicts."),
		para("**Data availability:** the data are drawn from clinical records and cannot be shared, to " +
			"protect the patients' privacy."),
	}
}

// referenceTexts are the numbered reference list, in citation order.
// Every entry is fictional.
func referenceTexts() []string {
	return []string{
		"Halvorsen E, Brandt K. Depression in the first postpartum year: a population survey. " +
			"_Nord J Perinat Psychiatry_. 2016;8:41–49. doi:10.5555/njpp.2016.041",
		"Mwangi P, Sørlie T, Adeyemi O. Social support and postnatal mood in three regions. " +
			"_Arch Matern Ment Health_. 2018;12:203–211.",
		"Castellanos R, Dahl M. Maternal depression and child development: a ten-year follow-up. " +
			"_J Child Fam Stud Rev_. 2019;27:88–97.",
		"Inouye S, Kraft L. Treatment preferences of breastfeeding women with depression. " +
			"_Perinat Ment Health Q_. 2020;5:17–24.",
		"Breuer A, Holm J, Petrov V. Interpersonal psychotherapy for postpartum depression: a " +
			"randomised trial. _J Interpers Ther_. 2015;3:112–120.",
		"Lindqvist-Achebe T, Morrow C. Group and individual IPT after childbirth. " +
			"_Nord J Perinat Psychiatry_. 2017;9:150–158.",
		"Oyelaran B, Fisk D. Interpersonal therapy in a postnatal cohort: a nested case-control " +
			"study. _Arch Matern Ment Health_. 2021;15:66–74.",
		"Quist H, Arne L. Why mothers stop attending: dropout from outpatient psychotherapy. " +
			"_Perinat Ment Health Q_. 2019;4:55–60.",
		"Rowan G, Ebbesen N. Validating a postnatal depression screening scale in Scandinavian " +
			"samples. _Scand J Psychom_. 2014;22:301–309.",
		"Vasquez M, Ostrowski MK. Parent–infant psychotherapy in practice. _J Interpers Ther_. " +
			"2022;10:14–22.",
		"Duarte F, Lyngstad R. A crèche in the clinic: attendance at postnatal mental health " +
			"appointments. _Perinat Ment Health Q_. 2021;6:33–38.",
		"Kjeldsen A, Moreau P, Tan W. The natural course of postnatal depressive symptoms over " +
			"the first year. _Arch Matern Ment Health_. 2020;14:120–129. doi:10.5555/amh.2020.120",
		"Ostrowski MK, Varga I. Training clinicians in a dyadic adaptation of interpersonal " +
			"psychotherapy: a workshop evaluation. _Nord J Perinat Psychiatry_. 2023;15:5–11.",
	}
}
