package pdfextract

import (
	"github.com/ledongthuc/pdf"
)

// resources is a resource dictionary with its lookups cached: fonts by
// resource name, XObjects and graphics states resolved once.
type resources struct {
	dc       *docCache
	v        pdf.Value
	fontDict pdf.Value
	fonts    map[string]*font
	xobjDict pdf.Value
	gsDict   pdf.Value
	loaded   bool
}

// resourcesOf returns the cached wrapper for a resource dictionary.
// Dictionaries that serialise identically (most pages of a paper) share
// one, so their fonts are looked up once.
func (dc *docCache) resourcesOf(v pdf.Value) *resources {
	key := v.String()
	if r, ok := dc.resources[key]; ok {
		return r
	}
	r := &resources{dc: dc, v: v, fonts: map[string]*font{}}
	if len(dc.resources) < 4096 {
		dc.resources[key] = r
	}
	return r
}

func (r *resources) load() {
	if r.loaded {
		return
	}
	r.loaded = true
	r.fontDict = r.v.Key("Font")
	r.xobjDict = r.v.Key("XObject")
	r.gsDict = r.v.Key("ExtGState")
}

func (r *resources) font(name []byte) *font {
	if f, ok := r.fonts[string(name)]; ok {
		return f
	}
	r.load()
	f := r.dc.fontOf(r.fontDict.Key(string(name)))
	r.fonts[string(name)] = f
	return f
}

func (r *resources) xobject(name []byte) pdf.Value {
	r.load()
	return r.xobjDict.Key(string(name))
}

func (r *resources) extGStateFont(name []byte) (*font, float64, bool) {
	r.load()
	fa := r.gsDict.Key(string(name)).Key("Font")
	if fa.Kind() != pdf.Array || fa.Len() < 2 {
		return nil, 0, false
	}
	return r.dc.fontOf(fa.Index(0)), fa.Index(1).Float64(), true
}

// form is a Form XObject ready to run; image XObjects have isForm false.
type form struct {
	isForm  bool
	matrix  matrix
	res     pdf.Value
	content []byte
	err     error
	dropped bool // content not kept in the cache: read it on each use
}

func (dc *docCache) formOf(v pdf.Value) *form {
	key := v.String()
	if f, ok := dc.forms[key]; ok {
		if f.dropped {
			// Not kept (over the cache budget): read it again.
			f2 := *f
			f2.content, f2.err = dc.readStream(v, maxContentBytes)
			f2.dropped = false
			return &f2
		}
		return f
	}
	f := &form{}
	if v.Key("Subtype").Name() == "Form" {
		f.isForm = true
		f.matrix = identity
		if mv := v.Key("Matrix"); mv.Len() == 6 {
			for i := range 6 {
				f.matrix[i] = mv.Index(i).Float64()
			}
			if !f.matrix.finite() {
				f.matrix = identity
			}
		}
		f.res = v.Key("Resources")
		f.content, f.err = dc.readStream(v, maxContentBytes)
	}
	dc.forms[key] = f
	if f.isForm && len(f.content)+dc.formBytes <= maxCachedFormData {
		dc.formBytes += len(f.content)
		return f
	}
	// Remember what it is, not its content.
	kept := *f
	kept.content, kept.dropped = nil, f.isForm
	dc.forms[key] = &kept
	return f
}

// doXObject runs a Form XObject (images and PostScript XObjects are
// skipped), with its /Matrix, its own resources or else the caller's, in a
// saved graphics state, guarding against cycles and deep nesting.
func (ip *interp) doXObject(name []byte, res *resources) {
	if len(ip.forms) >= maxFormDepth {
		return
	}
	xo := res.xobject(name)
	if xo.Kind() != pdf.Stream {
		return
	}
	key := xo.String()
	for _, k := range ip.forms {
		if k == key {
			return
		}
	}
	f := ip.dc.formOf(xo)
	if !f.isForm {
		return
	}
	if f.err != nil && ip.err == nil && isTooLarge(f.err) {
		ip.err = f.err
	}
	formRes := res
	if f.res.Kind() == pdf.Dict {
		formRes = ip.dc.resourcesOf(f.res)
	}
	savedGS, savedTM, savedTLM := ip.gs, ip.tm, ip.tlm
	savedStack, savedOverflow := len(ip.stack), ip.overflow
	ip.setCTM(f.matrix.mul(ip.gs.ctm))
	ip.forms = append(ip.forms, key)
	ip.run(f.content, formRes)
	ip.forms = ip.forms[:len(ip.forms)-1]
	ip.gs, ip.tm, ip.tlm = savedGS, savedTM, savedTLM
	ip.stack, ip.overflow = ip.stack[:min(savedStack, len(ip.stack))], savedOverflow
	ip.setCTM(ip.gs.ctm)
}
