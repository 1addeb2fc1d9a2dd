package library

import (
	"fmt"

	"appraise.app/appraise/internal/appraise"
)

// Import is the real store's all-or-nothing bundle save, for memStore:
// everything is checked before anything is kept.
func (m *memStore) Import(b appraise.ImportBatch) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	papers := map[appraise.PaperID]bool{}
	for id := range m.papers {
		papers[id] = true
	}
	for _, p := range b.Papers {
		papers[p.ID] = true
	}
	tags := map[string]bool{}
	for _, t := range m.tags {
		tags[t.Name] = true
	}
	for _, t := range b.Tags {
		tags[t.Name] = true
	}
	var writes []appraise.Annotation
	for _, in := range b.Annotations {
		if !papers[in.Paper] {
			return fmt.Errorf("paper %s: %w", in.Paper, appraise.ErrNotFound)
		}
		for _, t := range in.Tags {
			if !tags[t] {
				return fmt.Errorf("%w: no tag named %q", appraise.ErrInvalidTag, t)
			}
		}
		var have *appraise.Annotation
		if h, ok := m.anns[in.ID]; ok {
			if h.Paper != in.Paper {
				return appraise.ErrAnnotationElsewhere
			}
			have = &h
		}
		if keep, write := b.Decide(have, in); write {
			writes = append(writes, keep)
		}
	}
	for _, p := range b.Papers {
		if _, ok := m.papers[p.ID]; !ok {
			m.papers[p.ID] = p
		}
	}
	m.tags = append(m.tags, b.Tags...)
	for _, a := range writes {
		m.anns[a.ID] = a
		m.puts[a.ID] = append(m.puts[a.ID], a)
	}
	return nil
}
