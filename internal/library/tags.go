package library

import (
	"fmt"
	"slices"

	"appraise.app/appraise/internal/appraise"
)

// Tags lists the library's tags, built-in ones first.
func (l *Library) Tags() ([]appraise.Tag, error) { return l.store.Tags() }

// tagPalette gives new tags a colour when none is chosen: distinct from
// the built-ins' blue, green and orange.
func tagPalette() []string {
	return []string{"#8e44ad", "#c0392b", "#16a085", "#d35400", "#2c3e50", "#7f8c8d", "#f1c40f", "#e84393"}
}

// AddTag adds a new tag. Without a colour it gets the first palette colour
// no tag uses yet. A name already taken is appraise.ErrInvalidTag.
func (l *Library) AddTag(t appraise.Tag) (appraise.Tag, error) {
	tags, err := l.store.Tags()
	if err != nil {
		return appraise.Tag{}, err
	}
	if slices.ContainsFunc(tags, func(k appraise.Tag) bool { return k.Name == t.Name }) {
		return appraise.Tag{}, fmt.Errorf("%w: a tag named %q already exists", appraise.ErrInvalidTag, t.Name)
	}
	if t.Key != "" && slices.ContainsFunc(tags, func(k appraise.Tag) bool { return k.Key == t.Key }) {
		return appraise.Tag{}, fmt.Errorf("%w: the key %q is taken", appraise.ErrInvalidTag, t.Key)
	}
	if t.Color == "" {
		palette := tagPalette()
		t.Color = palette[len(tags)%len(palette)]
		for _, c := range palette {
			if !slices.ContainsFunc(tags, func(k appraise.Tag) bool { return k.Color == c }) {
				t.Color = c
				break
			}
		}
	}
	t.BuiltIn = false
	if err := appraise.ValidateTag(t); err != nil {
		return appraise.Tag{}, err
	}
	if err := l.store.PutTag(t); err != nil {
		return appraise.Tag{}, err
	}
	return t, nil
}

// RenameTag renames a user tag on every annotation in one commit.
func (l *Library) RenameTag(oldName, newName string) error {
	return l.store.RenameTag(oldName, newName)
}

// MergeTag moves every use of tag from onto into and removes from.
func (l *Library) MergeTag(from, into string) error {
	return l.store.MergeTag(from, into)
}
