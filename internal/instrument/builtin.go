package instrument

import (
	"embed"
	"fmt"
	"slices"
	"sync"

	"appraise.app/appraise/internal/appraise"
)

//go:embed defs/*.toml
var defs embed.FS

// builtinOrder is the order the GUI lists the built-in instruments.
var builtinOrder = []appraise.InstrumentID{
	appraise.InstrumentJBICaseSeries, appraise.InstrumentJBICaseReport,
	appraise.InstrumentCASPRCT, appraise.InstrumentCASPCohort, appraise.InstrumentCASPCaseControl,
	appraise.InstrumentCASPSystematicReview, appraise.InstrumentCASPQualitative, appraise.InstrumentCASPDiagnostic,
}

// loadBuiltin parses the embedded definitions once; a broken definition
// is a programming error caught by the tests, reported here as a panic.
var loadBuiltin = sync.OnceValue(func() []appraise.Instrument {
	out := make([]appraise.Instrument, 0, len(builtinOrder))
	for _, id := range builtinOrder {
		name := "defs/" + string(id) + ".toml"
		data, err := defs.ReadFile(name)
		if err != nil {
			panic(fmt.Sprintf("instrument: embedded %s: %v", name, err))
		}
		in, err := parse(name, data)
		if err != nil {
			panic(fmt.Sprintf("instrument: embedded %s: %v", name, err))
		}
		if in.ID != id {
			panic(fmt.Sprintf("instrument: %s declares id %q", name, in.ID))
		}
		out = append(out, in)
	}
	return out
})

// Builtin returns the built-in instruments in the order they are offered.
// The slices are the caller's own.
func Builtin() []appraise.Instrument {
	src := loadBuiltin()
	out := make([]appraise.Instrument, len(src))
	for i, in := range src {
		in.Answers = slices.Clone(in.Answers)
		in.Items = slices.Clone(in.Items)
		out[i] = in
	}
	return out
}

// BuiltinByID returns one built-in instrument.
func BuiltinByID(id appraise.InstrumentID) (appraise.Instrument, bool) {
	for _, in := range Builtin() {
		if in.ID == id {
			return in, true
		}
	}
	return appraise.Instrument{}, false
}
