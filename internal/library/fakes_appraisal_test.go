package library

import (
	"encoding/json"
	"fmt"
	"sort"

	"appraise.app/appraise/internal/appraise"
)

// The memStore's appraisal records are kept as JSON, as the real store
// keeps them, so a change that fails leaves nothing behind and callers
// never share slices with the store.

func (m *memStore) Appraisal(paper appraise.PaperID) (appraise.PaperAppraisal, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.loadAppraisal(paper)
}

func (m *memStore) loadAppraisal(paper appraise.PaperID) (appraise.PaperAppraisal, error) {
	if _, ok := m.papers[paper]; !ok {
		return appraise.PaperAppraisal{}, fmt.Errorf("paper %s: %w", paper, appraise.ErrNotFound)
	}
	pa := appraise.PaperAppraisal{Paper: paper}
	if raw, ok := m.appraisals[paper]; ok {
		if err := json.Unmarshal(raw, &pa); err != nil {
			return pa, err
		}
	}
	return pa, nil
}

func (m *memStore) UpdateAppraisal(paper appraise.PaperID, change func(*appraise.PaperAppraisal) error) (appraise.PaperAppraisal, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	pa, err := m.loadAppraisal(paper)
	if err != nil {
		return pa, err
	}
	if err := change(&pa); err != nil {
		return appraise.PaperAppraisal{}, err
	}
	pa.Paper, pa.Card = paper, appraise.Appraisal{}
	raw, err := json.Marshal(pa)
	if err != nil {
		return appraise.PaperAppraisal{}, err
	}
	if m.appraisals == nil {
		m.appraisals = map[appraise.PaperID][]byte{}
	}
	m.appraisals[paper] = raw
	m.appraisalPuts++
	return pa, nil
}

func (m *memStore) PutInstrument(in appraise.Instrument) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.instruments == nil {
		m.instruments = map[appraise.InstrumentID]appraise.Instrument{}
	}
	m.instruments[in.ID] = in
	return nil
}

func (m *memStore) CustomInstruments() ([]appraise.Instrument, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []appraise.Instrument
	for _, in := range m.instruments {
		out = append(out, in)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
