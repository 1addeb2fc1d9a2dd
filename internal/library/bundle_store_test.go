package library

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
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
	type appraisalWrite struct {
		pa  appraise.PaperAppraisal
		own bool
	}
	var appraisalWrites []appraisalWrite
	pending := map[string]appraise.PaperAppraisal{} // written earlier in this batch
	for _, in := range b.Appraisals {
		pa := in.Appraisal
		if !papers[pa.Paper] {
			return fmt.Errorf("paper %s: %w", pa.Paper, appraise.ErrNotFound)
		}
		key := memberKey(pa)
		if in.Own {
			key = string(pa.Paper) + "\x00(own)"
		}
		var have *appraise.PaperAppraisal
		if h, ok := pending[key]; ok {
			have = &h
		} else if in.Own {
			h, err := m.loadAppraisal(pa.Paper)
			if err != nil {
				return err
			}
			h.Card = m.papers[pa.Paper].Appraisal
			have = &h
		} else if raw, ok := m.members[memberKey(pa)]; ok {
			var h appraise.PaperAppraisal
			if err := json.Unmarshal(raw, &h); err != nil {
				return err
			}
			have = &h
		}
		if keep, write := b.DecideAppraisal(have, pa); write {
			keep.Paper = pa.Paper
			pending[key] = keep
			appraisalWrites = append(appraisalWrites, appraisalWrite{keep, in.Own})
		}
	}
	for _, p := range b.Papers {
		if _, ok := m.papers[p.ID]; !ok {
			m.papers[p.ID] = p
		}
	}
	for _, in := range b.Instruments {
		if _, ok := m.instruments[in.ID]; !ok {
			if m.instruments == nil {
				m.instruments = map[appraise.InstrumentID]appraise.Instrument{}
			}
			m.instruments[in.ID] = in
		}
	}
	for _, w := range appraisalWrites {
		if w.own {
			p := m.papers[w.pa.Paper]
			p.Appraisal = w.pa.Card
			m.papers[p.ID] = p
			w.pa.Card, w.pa.Author = appraise.Appraisal{}, ""
			raw, _ := json.Marshal(w.pa)
			if m.appraisals == nil {
				m.appraisals = map[appraise.PaperID][]byte{}
			}
			m.appraisals[w.pa.Paper] = raw
			continue
		}
		raw, _ := json.Marshal(w.pa)
		if m.members == nil {
			m.members = map[string][]byte{}
		}
		m.members[memberKey(w.pa)] = raw
	}
	m.tags = append(m.tags, b.Tags...)
	for _, a := range writes {
		m.anns[a.ID] = a
		m.puts[a.ID] = append(m.puts[a.ID], a)
	}
	return nil
}

func memberKey(pa appraise.PaperAppraisal) string {
	return string(pa.Paper) + "\x00" + authors.Key(pa.Author)
}

// MemberAppraisals lists the members' appraisals of a paper by author key,
// as the real store does.
func (m *memStore) MemberAppraisals(paper appraise.PaperID) ([]appraise.PaperAppraisal, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var keys []string
	for k := range m.members {
		if strings.HasPrefix(k, string(paper)+"\x00") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []appraise.PaperAppraisal
	for _, k := range keys {
		var pa appraise.PaperAppraisal
		if err := json.Unmarshal(m.members[k], &pa); err != nil {
			return nil, err
		}
		out = append(out, pa)
	}
	return out, nil
}
