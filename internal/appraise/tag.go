package appraise

import (
	"fmt"
	"regexp"
)

// Tag names the built-in tags use.
const (
	TagLimitation = "limitation"
	TagPopulation = "population"
	TagClaim      = "claim"
)

// Tag is a label a clinician puts on a passage.
type Tag struct {
	Name        string `json:"name"`
	Color       string `json:"color"` // "#rrggbb"
	Key         string `json:"key,omitempty"`
	Description string `json:"description,omitempty"`
	BuiltIn     bool   `json:"built_in,omitempty"`
}

// BuiltInTags returns the three tags every library starts with, in the order
// handouts list them: who was studied, what is claimed, what cannot be shown.
func BuiltInTags() []Tag {
	return []Tag{
		{Name: TagPopulation, Color: "#2e86de", Key: "p", Description: "Who was studied", BuiltIn: true},
		{Name: TagClaim, Color: "#27ae60", Key: "c", Description: "What the paper asserts", BuiltIn: true},
		{Name: TagLimitation, Color: "#e67e22", Key: "l", Description: "What it cannot show", BuiltIn: true},
	}
}

var (
	tagNameRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9 _-]{0,39}$`)
	tagColorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
)

// ValidateTagName reports whether name can be used as a tag: 1–40
// characters, lower-case letters, digits, space, '-' or '_', starting with a
// letter or digit, no trailing space.
func ValidateTagName(name string) error {
	if !tagNameRE.MatchString(name) || name[len(name)-1] == ' ' {
		return fmt.Errorf("%w: %q (use 1–40 lower-case letters, digits, spaces, '-' or '_')", ErrInvalidTag, name)
	}
	return nil
}

// ValidateTag checks a whole tag definition.
func ValidateTag(t Tag) error {
	if err := ValidateTagName(t.Name); err != nil {
		return err
	}
	if !tagColorRE.MatchString(t.Color) {
		return fmt.Errorf("%w: colour %q of tag %q is not #rrggbb", ErrInvalidTag, t.Color, t.Name)
	}
	if len([]rune(t.Key)) > 1 {
		return fmt.Errorf("%w: shortcut %q of tag %q is not a single key", ErrInvalidTag, t.Key, t.Name)
	}
	return nil
}
