package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// casePaper is a small retrospective case series.
func casePaper() appraise.Document {
	b := newDocBuilder("Postpartum thyroiditis presenting as psychosis: three cases", "Mensah K")
	b.add(appraise.KindTitle, "Postpartum thyroiditis presenting as psychosis: three cases")
	b.add(appraise.KindHeading, "Cases")
	b.add(appraise.KindParagraph, "We describe 3 women aged 24–36 seen up to 24 months after delivery.",
		"Records were reviewed retrospectively.")
	b.add(appraise.KindParagraph, "All three recovered fully with antithyroid treatment.",
		"No comparison group was available.", "Follow-up ended at discharge.")
	return b.build()
}

// openAppraisal opens the case series and shows the Appraisal tab.
func openAppraisal(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, newFakeLibrary())
	h.openDoc("cases", casePaper())
	h.u.card.design.SetSelected("Case series")
	h.fireTimers() // the card saves; the appraisal follows the design
	h.u.showTab(tabAppraisal)
	if n := len(h.u.appr.list.rows); n != 10 {
		t.Fatalf("the checklist shows %d items; the JBI case series has 10", n)
	}
	return h
}

func (h *harness) checklistAnswer(item int) appraise.ItemAnswer {
	h.lib.mu.Lock()
	defer h.lib.mu.Unlock()
	return h.lib.appr(h.u.cur.paper.ID).Checklist(appraise.InstrumentJBICaseSeries).Answer(item)
}

func TestAnsweringAChecklistItemCommitsIt(t *testing.T) {
	h := openAppraisal(t)
	s := h.u.appr.list
	if got := s.picker.Selected; got != "JBI checklist for case series" {
		t.Errorf("the default checklist for a case series is %q", got)
	}
	it := s.item(4)
	if got := it.answer.Options; !slices.Equal(got, []string{"—", "Yes", "No", "Unclear", "Not applicable"}) {
		t.Errorf("item 4 offers %v; a JBI item offers yes, no, unclear, not applicable", got)
	}
	it.answer.SetSelected("No")
	h.settle()
	if got := h.checklistAnswer(4); got.Answer != appraise.AnswerNo {
		t.Errorf("the library has item 4 answered %q", got.Answer)
	}
	if h.u.status.save.Text != "Saved" {
		t.Errorf("status %q after answering", h.u.status.save.Text)
	}
	if it.light.FillColor != ratingColor(appraise.RatingBad) {
		t.Errorf("the traffic light of a No is %v", it.light.FillColor)
	}
	if s.focus != 4 {
		t.Errorf("answering item 4 left item %d focused", s.focus)
	}
	test.Tap(it.notRep)
	h.settle()
	test.Type(it.comment, "Only patients referred to one clinic.")
	h.settle()
	if got := h.checklistAnswer(4); !got.NotReported || got.Comment != "" {
		t.Errorf("before the pause: not reported %v, comment %q (want flagged, comment not yet saved)", got.NotReported, got.Comment)
	}
	if d := h.fireTimers(); d > 1e9 {
		t.Errorf("the comment waits %v to save", d)
	}
	if got := h.checklistAnswer(4); got.Comment != "Only patients referred to one clinic." || got.Answer != appraise.AnswerNo || !got.NotReported {
		t.Errorf("after the pause the library has %+v", got)
	}
	if !strings.Contains(s.summary.Text, "1 of 10 answered · 1 not reported") {
		t.Errorf("summary %q", s.summary.Text)
	}
}

func TestAChecklistCommentTypedJustBeforeExportIsExported(t *testing.T) {
	h := openAppraisal(t)
	test.Type(h.u.appr.list.item(2).comment, "Diagnosis by TSH in all three.")
	dir := t.TempDir()
	path := filepath.Join(dir, "handout.html")
	h.u.export(h.u.cur.paper.ID, appraise.FormatHTML, appraise.ExportFilter{}, path)
	h.settle()
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), `item 2 answer="" comment="Diagnosis by TSH in all three."`) {
		t.Errorf("the export lacks the comment just typed:\n%s", b)
	}
}

func TestLinkingTheSelectionToTheFocusedItemByKey(t *testing.T) {
	h := openAppraisal(t)
	s := h.u.appr.list
	h.typeKeys("jjjj") // "Records were reviewed retrospectively."
	h.typeKeys(string(linkKey))
	if !strings.Contains(h.u.status.msg.Text, "Click a checklist item first") {
		t.Errorf("e with no item focused says %q", h.u.status.msg.Text)
	}
	test.Tap(s.item(4).text)
	if s.focus != 4 {
		t.Fatalf("tapping item 4 focused item %d", s.focus)
	}
	h.typeKeys("l" + string(linkKey)) // tag, then link at once: e waits for the tag's commit
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 {
		t.Fatalf("annotations %+v", anns)
	}
	if got := h.checklistAnswer(4).Evidence; !slices.Equal(got, []string{anns[0].ID}) {
		t.Errorf("item 4's evidence in the library: %v", got)
	}
	ev := s.item(4).evidence.Objects
	if len(ev) != 1 {
		t.Fatalf("item 4 shows %d evidence rows", len(ev))
	}
	quote := findLink(ev[0], "Records were reviewed retrospectively.")
	if quote == nil {
		t.Fatalf("no linked quote in item 4:\n%s", test.RenderObjectToMarkup(ev[0]))
	}
	if !strings.Contains(quote.Text, "p. 1") {
		t.Errorf("the quote does not give its page: %q", quote.Text)
	}
	h.typeKeys("jj") // move away, then jump back by the quote
	test.TapAt(quote, fyne.NewPos(20, quote.Size().Height/2))
	h.settle()
	if got := h.selected(); got != "Records were reviewed retrospectively." {
		t.Errorf("tapping the linked quote selected %q", got)
	}
	if !strings.Contains(keyHelpText(), "e\tlink the selected annotation") {
		t.Error("the key help does not list e")
	}

	// Deleting the annotation leaves the item saying so.
	h.key(fyne.KeyDelete)
	ev = s.item(4).evidence.Objects
	if len(ev) != 1 || !hasLabel(ev[0], "Deleted: “Records were reviewed retrospectively.”") {
		t.Errorf("after deleting its annotation item 4 shows:\n%s", test.RenderObjectToMarkup(s.item(4).evidence))
	}
	// Undo brings it back as a quote.
	h.u.undo()
	h.settle()
	if findLink(s.item(4).evidence, "Records were reviewed") == nil {
		t.Errorf("after undo item 4 shows:\n%s", test.RenderObjectToMarkup(s.item(4).evidence))
	}
}

func keyHelpText() string {
	var b strings.Builder
	for _, k := range keyHelp {
		b.WriteString(k[0] + "\t" + k[1] + "\n")
	}
	return b.String()
}

// hasLabel reports whether a label under o says text.
func hasLabel(o fyne.CanvasObject, text string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

// findLink finds a linked quote under o whose text contains text.
func findLink(o fyne.CanvasObject, text string) *widget.Hyperlink {
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Hyperlink); ok && strings.Contains(b.Text, text) {
			return b
		}
	}
	return nil
}

func TestCertaintyFollowsTheDomainsAsTheyChange(t *testing.T) {
	h := openAppraisal(t)
	h.typeKeys("jjjjj") // "All three recovered fully with antithyroid treatment."
	h.typeKeys("c")
	h.typeKeys("j") // "No comparison group was available."
	h.typeKeys("l")
	cs := h.u.appr.certs
	if len(cs.claims) != 1 {
		t.Fatalf("%d claims in the certainty section after tagging one", len(cs.claims))
	}
	c := cs.claims[0]
	if got := c.final.Text; got != "Certainty: low (starts low)" {
		t.Errorf("an untouched claim of an observational paper reads %q", got)
	}
	domain := func(d appraise.Domain) *domainView {
		for _, x := range c.domains {
			if x.rating.Domain == d {
				return x
			}
		}
		t.Fatalf("no %s domain", d)
		return nil
	}
	for _, step := range []struct {
		domain appraise.Domain
		level  string
		want   string
	}{
		{appraise.DomainRiskOfBias, "Serious", "Certainty: very low (starts low)"},
		{appraise.DomainLargeEffect, "Up two", "Certainty: moderate (starts low)"},
		{appraise.DomainRiskOfBias, "None", "Certainty: high (starts low)"},
		{appraise.DomainImprecision, "Very serious", "Certainty: low (starts low)"},
	} {
		domain(step.domain).level.SetSelected(step.level)
		if got := c.final.Text; got != step.want { // before the commit returns
			t.Errorf("after %s → %s the claim reads %q at once, want %q", step.domain, step.level, got, step.want)
		}
		h.settle()
		if got := c.final.Text; got != step.want {
			t.Errorf("after %s → %s was committed the claim reads %q, want %q", step.domain, step.level, got, step.want)
		}
	}
	// The limitation is offered as the reason for imprecision.
	imp := domain(appraise.DomainImprecision)
	var add *widget.Select
	for _, o := range imp.reasons.Objects {
		if s, ok := o.(*widget.Select); ok {
			add = s
		}
	}
	if add == nil || len(add.Options) != 1 || add.Options[0] != "No comparison group was available." {
		t.Fatalf("reasons offered: %+v", add)
	}
	add.SetSelectedIndex(0)
	h.settle()
	h.lib.mu.Lock()
	got := h.lib.appr(h.u.cur.paper.ID).Certainty(c.view.Claim.ID).Rating(appraise.DomainImprecision)
	h.lib.mu.Unlock()
	if got.Level != appraise.LevelVerySerious || len(got.Reasons) != 1 {
		t.Errorf("imprecision saved as %+v", got)
	}
	if findLink(imp.reasons, "No comparison group") == nil {
		t.Errorf("the reason is not listed:\n%s", test.RenderObjectToMarkup(imp.reasons))
	}
}

func TestATypedLinkIsMadeFromTheSelectionAndShownFromBothEnds(t *testing.T) {
	h := openAppraisal(t)
	h.typeKeys("jjjjj")
	h.typeKeys("c") // claim
	h.typeKeys("j")
	h.typeKeys("l") // limitation, selected
	h.u.chooseLink(appraise.LinkLimits)
	menu := h.w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("no list of claims")
	}
	var item fyne.Tappable
	for _, o := range test.LaidOutObjects(menu) {
		if tp, ok := o.(fyne.Tappable); ok && strings.Contains(test.RenderObjectToMarkup(o), ">All three recovered fully") {
			item = tp
		}
	}
	if item == nil {
		t.Fatalf("the claim is not offered:\n%s", test.RenderObjectToMarkup(menu))
	}
	test.Tap(item)
	h.settle()
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	claim, lim := anns[0], anns[1]
	links := h.lib.appr(h.u.cur.paper.ID).Links
	if len(links) != 1 || links[0] != (appraise.Link{From: lim.ID, To: claim.ID, Type: appraise.LinkLimits}) {
		t.Fatalf("links in the library: %+v", links)
	}
	if got := h.u.linkSummary(claim.ID); got != "limited by 1 limitation" {
		t.Errorf("the claim says %q", got)
	}
	if got := h.u.linkSummary(lim.ID); got != "limits 1 claim" {
		t.Errorf("the limitation says %q", got)
	}
	h.u.showTab(tabAnnotations)
	if !strings.Contains(test.RenderObjectToMarkup(h.u.annp.box), "limited by 1 limitation") {
		t.Error("the annotations panel does not show the link")
	}
	// A claim is about a population; the wrong kind of annotation is told.
	h.u.chooseLink(appraise.LinkAbout)
	if !strings.Contains(h.u.status.msg.Text, "Select a claim first") {
		t.Errorf("About Population… on a limitation says %q", h.u.status.msg.Text)
	}
}

func TestFillingPICOFromTheSelectedPassage(t *testing.T) {
	h := openAppraisal(t)
	h.typeKeys("jjj") // "We describe 3 women aged 24–36 …"
	h.typeKeys("p")
	h.u.proposePICO()
	h.settle()
	if got := h.overlayText(); !strings.Contains(got, "Time window") {
		t.Fatalf("no proposals:\n%s", got)
	}
	var entries []*escEntry
	for _, o := range test.LaidOutObjects(h.w.Canvas().Overlays().Top()) {
		if e, ok := o.(*escEntry); ok {
			entries = append(entries, e)
		}
	}
	var proposed []string
	for _, e := range entries {
		proposed = append(proposed, e.Text)
	}
	if want := []string{"n = 3", "aged 24–36", "female", "up to 24 months after delivery"}; !slices.Equal(proposed, want) {
		t.Fatalf("proposed %q, want %q", proposed, want)
	}
	entries[3].SetText("postpartum, up to 24 months") // the user edits one…
	var checks []*widget.Check
	for _, o := range test.LaidOutObjects(h.w.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Check); ok {
			checks = append(checks, c)
		}
	}
	checks[2].SetChecked(false) // …and refuses another
	test.Tap(h.overlayButton("Fill"))
	h.settle()
	h.lib.mu.Lock()
	got := h.lib.appr(h.u.cur.paper.ID).PICO.Population
	h.lib.mu.Unlock()
	want := appraise.Population{N: "n = 3", Age: "aged 24–36", TimeWindow: "postpartum, up to 24 months"}
	if got != want {
		t.Errorf("saved population %+v, want %+v", got, want)
	}
}

func TestImportingAChecklistOffersItAndABadOneSaysWhere(t *testing.T) {
	h := openAppraisal(t)
	h.u.importChecklist("club.toml", nopCloser{strings.NewReader("name: Our club's case series\n1. Is the question clear?\n2. Would we change practice?")})
	h.settle()
	s := h.u.appr.list
	if !slices.Contains(s.picker.Options, "Our club's case series") {
		t.Fatalf("picker offers %v", s.picker.Options)
	}
	s.picker.SetSelected("Our club's case series")
	h.settle()
	if len(s.rows) != 2 || s.rows[1].text.Text != "2. Would we change practice?" {
		t.Errorf("after choosing the club's checklist, %d items", len(s.rows))
	}
	h.u.importChecklist("bad.toml", nopCloser{strings.NewReader("name: X\nnot an item")})
	h.settle()
	if got := h.overlayText(); !strings.Contains(got, "line 2") {
		t.Errorf("the error does not say where:\n%s", got)
	}
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }

func TestOverridingTheEvidenceLevelNeedsAReason(t *testing.T) {
	h := openAppraisal(t)
	s := h.u.appr.level
	if !strings.Contains(s.proposed.Text, "Proposed for a case series: Level 4") {
		t.Errorf("level section says %q", s.proposed.Text)
	}
	s.choice.SetSelected("Level 3")
	h.fireTimers()
	h.lib.mu.Lock()
	got := h.lib.appr(h.u.cur.paper.ID).Level
	h.lib.mu.Unlock()
	if got.Level != 0 || !s.hint.Visible() {
		t.Errorf("an override with no reason was saved (%+v) or not explained (hint %q)", got, s.hint.Text)
	}
	test.Type(s.reason, "Consecutive, complete population-based series")
	h.fireTimers()
	h.lib.mu.Lock()
	got = h.lib.appr(h.u.cur.paper.ID).Level
	h.lib.mu.Unlock()
	if got.Level != 3 || got.Reason != "Consecutive, complete population-based series" || s.hint.Visible() {
		t.Errorf("saved level %+v", got)
	}
}

func TestEscInAChecklistCommentGivesTheReaderTheKeys(t *testing.T) {
	h := openAppraisal(t)
	it := h.u.appr.list.item(3)
	if it.comment.Visible() {
		t.Error("an unfocused item with no comment shows an empty comment box")
	}
	test.Tap(it.text)
	if !it.comment.Visible() {
		t.Fatal("the focused item shows no comment box")
	}
	h.w.Canvas().Focus(it.comment)
	h.pressEsc()
	if h.w.Canvas().Focused() != h.u.reader {
		t.Errorf("after Esc the focus is on %T", h.w.Canvas().Focused())
	}
	if h.u.appr.list.focus != 3 {
		t.Errorf("the item focused is %d; typing in item 3's comment should keep it", h.u.appr.list.focus)
	}
}

func TestSwitchingChecklistsKeepsTheAnswersOfEach(t *testing.T) {
	h := openAppraisal(t)
	s := h.u.appr.list
	s.item(1).answer.SetSelected("Yes")
	h.settle()
	s.picker.SetSelected("CASP checklist for randomised controlled trials")
	h.settle()
	if s.in.ID != appraise.InstrumentCASPRCT {
		t.Fatalf("picker options %v; in use %s", s.picker.Options, s.in.ID)
	}
	if got := s.item(1).answer.Options; !slices.Contains(got, "Can't tell") {
		t.Errorf("a CASP item offers %v", got)
	}
	if got := s.item(1).answer.Selected; got != "—" {
		t.Errorf("the CASP item 1 starts answered %q", got)
	}
	s.picker.SetSelected("JBI checklist for case series")
	h.settle()
	if got := s.item(1).answer.Selected; got != "Yes" {
		t.Errorf("back on the JBI checklist item 1 reads %q", got)
	}
}

// labelTexts is every label's text in o, in order.
func labelTexts(o fyne.CanvasObject) string {
	var texts []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// A lead sees each member's checklist, read-only, with the items where it
// differs from their own; a trainee practising does not until comparing.
func TestMembersAppraisalsShowReadOnlyAndHideWhilePractising(t *testing.T) {
	h := openAppraisal(t)
	id := h.u.cur.paper.ID
	h.u.appr.list.item(2).answer.SetSelected("Yes")
	h.settle()
	h.lib.addMember(appraise.PaperAppraisal{Paper: id, Author: "Ana  Lopez",
		Card:       appraise.Appraisal{BottomLine: "Three cases cannot show efficacy."},
		Instrument: appraise.InstrumentJBICaseSeries,
		Checklists: []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries, Answers: []appraise.ItemAnswer{
			{Item: 2, Answer: appraise.AnswerNo, Comment: "no standard measurement"},
			{Item: 5, Answer: appraise.AnswerUnclear, NotReported: true},
		}}}})
	h.u.appr.load()
	h.settle()
	if !h.u.appr.club.item.Open || h.u.appr.club.item.Title != "Club members' appraisals · 1" {
		t.Errorf("the members' part is %q, open %v; want it counted and opened when a member's appraisal arrives",
			h.u.appr.club.item.Title, h.u.appr.club.item.Open)
	}
	got := labelTexts(h.u.appr.club.box)
	for _, want := range []string{"Ana Lopez", "Bottom line: Three cases cannot show efficacy.",
		"JBI checklist for case series: 2 of 10 items answered, 1 differently from you.",
		"2. No · you: Yes", "“no standard measurement”", "5. Unclear, not reported in the paper"} {
		if !strings.Contains(got, want) {
			t.Errorf("members' appraisals lack %q:\n%s", want, got)
		}
	}
	h.u.togglePractice()
	h.u.appr.load()
	h.settle()
	got = labelTexts(h.u.appr.club.box)
	if strings.Contains(got, "no standard measurement") || !strings.Contains(got, "1 member's appraisal hidden while you practise") {
		t.Errorf("practising shows:\n%s", got)
	}
}

// A member's appraisal brought by a bundle shows at once in the open
// paper's Appraisal tab, without reopening the paper.
func TestImportedMembersAppraisalShowsInTheOpenPaper(t *testing.T) {
	h := openAppraisal(t)
	c := h.u.cur
	path := filepath.Join(t.TempDir(), "lead.jsonld")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	err = export.WriteBundle(f, []export.BundleInput{{Input: export.Input{Paper: c.paper, MemberAppraisals: []appraise.PaperAppraisal{{
		Paper: c.paper.ID, Author: "Ana Lopez", Instrument: appraise.InstrumentJBICaseSeries,
		Modified: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
		Checklists: []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries, Answers: []appraise.ItemAnswer{
			{Item: 3, Answer: appraise.AnswerNo, Comment: "self-report only"}}}}}}}}})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	h.u.importBundle(path)
	h.settle()
	if got := labelTexts(h.u.appr.club.box); !strings.Contains(got, "3. No") || !strings.Contains(got, "self-report only") {
		t.Errorf("after the import the members' part shows:\n%s", got)
	}
}
