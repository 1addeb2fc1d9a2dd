package appraise

import "time"

// LinkType says how one annotation bears on another.
type LinkType string

// The link types. A limitation limits a claim (From: the limitation, To:
// the claim); a claim is about a population (From: the claim, To: the
// population passage).
const (
	LinkLimits LinkType = "limits"
	LinkAbout  LinkType = "about"
)

// LinkTypes lists the link types.
func LinkTypes() []LinkType { return []LinkType{LinkLimits, LinkAbout} }

// Phrase is how the link reads from one end: from the From side
// ("limits", "is about") or from the To side ("limited by", "describes").
func (t LinkType) Phrase(fromSide bool) string {
	switch {
	case t == LinkLimits && fromSide:
		return "limits"
	case t == LinkLimits:
		return "limited by"
	case t == LinkAbout && fromSide:
		return "is about"
	case t == LinkAbout:
		return "describes"
	}
	return string(t)
}

// Link is a typed link between two annotations of the same paper.
type Link struct {
	From    string    `json:"from"` // annotation id
	To      string    `json:"to"`   // annotation id
	Type    LinkType  `json:"type"`
	Created time.Time `json:"created,omitzero"`
}

// LinkEnd is a link seen from one annotation: the other end, and whether
// this annotation is its From side.
type LinkEnd struct {
	Link     Link     `json:"link"`
	Other    Evidence `json:"other"`
	FromSide bool     `json:"from_side"`
}

// Phrase reads the link from this end, e.g. "limited by".
func (e LinkEnd) Phrase() string { return e.Link.Type.Phrase(e.FromSide) }
