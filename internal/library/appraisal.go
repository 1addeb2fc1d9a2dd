package library

import (
	"errors"
	"io"

	"appraise.app/appraise/internal/appraise"
)

var errNotYet = errors.New("not implemented yet")

// Appraisal returns a paper's whole structured appraisal, the card
// included.
func (l *Library) Appraisal(paper appraise.PaperID) (appraise.PaperAppraisal, error) {
	return appraise.PaperAppraisal{}, errNotYet
}

// Instruments lists the built-in instruments, then the custom ones.
func (l *Library) Instruments() ([]appraise.Instrument, error) { return nil, errNotYet }

// Instrument returns one instrument by id.
func (l *Library) Instrument(id appraise.InstrumentID) (appraise.Instrument, error) {
	return appraise.Instrument{}, errNotYet
}

// ImportInstrument reads a custom checklist (TOML or JSON, told apart by
// name's extension, else by content) and saves it in the library.
func (l *Library) ImportInstrument(name string, r io.Reader) (appraise.Instrument, error) {
	return appraise.Instrument{}, errNotYet
}

// ChooseInstrument sets the checklist a paper is appraised with.
func (l *Library) ChooseInstrument(paper appraise.PaperID, id appraise.InstrumentID) (appraise.ChecklistView, error) {
	return appraise.ChecklistView{}, errNotYet
}

// Checklist returns the paper's checklist in the instrument in use.
func (l *Library) Checklist(paper appraise.PaperID) (appraise.ChecklistView, error) {
	return appraise.ChecklistView{}, errNotYet
}

// AnswerItem saves answer, comment, not-reported flag and evidence of item
// a.Item in the instrument in use.
func (l *Library) AnswerItem(paper appraise.PaperID, a appraise.ItemAnswer) (appraise.ChecklistRow, error) {
	return appraise.ChecklistRow{}, errNotYet
}

// LinkEvidence adds an annotation to an item's evidence.
func (l *Library) LinkEvidence(paper appraise.PaperID, item int, annotation string) (appraise.ChecklistRow, error) {
	return appraise.ChecklistRow{}, errNotYet
}

// UnlinkEvidence removes an annotation from an item's evidence.
func (l *Library) UnlinkEvidence(paper appraise.PaperID, item int, annotation string) (appraise.ChecklistRow, error) {
	return appraise.ChecklistRow{}, errNotYet
}

// Level returns the proposed, chosen and effective evidence level.
func (l *Library) Level(paper appraise.PaperID) (appraise.LevelView, error) {
	return appraise.LevelView{}, errNotYet
}

// SetLevel overrides the proposed evidence level with a reason; level 0
// returns to the proposal.
func (l *Library) SetLevel(paper appraise.PaperID, level appraise.EvidenceLevel, reason string) (appraise.LevelView, error) {
	return appraise.LevelView{}, errNotYet
}

// Certainty returns a claim annotation's certainty.
func (l *Library) Certainty(claim string) (appraise.CertaintyView, error) {
	return appraise.CertaintyView{}, errNotYet
}

// Certainties returns the certainty of each live claim of a paper, in
// text order.
func (l *Library) Certainties(paper appraise.PaperID) ([]appraise.CertaintyView, error) {
	return nil, errNotYet
}

// SetDomain saves the judgement on one domain of a claim.
func (l *Library) SetDomain(claim string, r appraise.DomainRating) (appraise.CertaintyView, error) {
	return appraise.CertaintyView{}, errNotYet
}

// AddLink links two annotations of the same paper.
func (l *Library) AddLink(k appraise.Link) (appraise.Link, error) { return appraise.Link{}, errNotYet }

// RemoveLink removes a link.
func (l *Library) RemoveLink(k appraise.Link) error { return errNotYet }

// Links lists the links of an annotation, seen from it.
func (l *Library) Links(annotation string) ([]appraise.LinkEnd, error) { return nil, errNotYet }

// SavePICO saves a paper's PICO.
func (l *Library) SavePICO(paper appraise.PaperID, p appraise.PICO) (appraise.PICO, error) {
	return appraise.PICO{}, errNotYet
}

// ProposePICO proposes population fields from an annotation's quote.
func (l *Library) ProposePICO(annotation string) ([]appraise.PICOProposal, error) {
	return nil, errNotYet
}

// SaveCard saves the paper card's fields.
func (l *Library) SaveCard(paper appraise.PaperID, c appraise.Appraisal) (appraise.Paper, error) {
	return appraise.Paper{}, errNotYet
}
