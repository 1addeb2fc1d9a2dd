package pdfextract

import (
	"fmt"

	"github.com/ledongthuc/pdf"
)

// resources is a resource dictionary with its lookups cached: fonts,
// XObjects and graphics states are resolved once per name (for the first
// maxCachedNames names of each kind). Fonts are also
// shared across resource dictionaries by object reference, read from the
// font dictionary's serialised form without resolving anything, so a font
// used on every page is resolved (and, inside an object stream, inflated)
// once per document rather than once per page.
type resources struct {
	dc       *docCache
	v        pdf.Value
	loaded   bool
	fontDict pdf.Value
	fontRefs map[string]string // resource name → "N G R"
	fonts    map[string]*font
	xobjDict pdf.Value
	xobjs    map[string]xobject
	gsDict   pdf.Value
	gsFonts  map[string]gsFont
}

// maxCachedNames bounds each name cache of a resources wrapper, and the
// document's cache of wrappers: a content stream naming millions of
// distinct fonts must not grow a map with each one.
const maxCachedNames = 4096

type xobject struct {
	v   pdf.Value
	key string // serialised form: identity for caching and cycle checks
}

type gsFont struct {
	font *font
	size float64
	ok   bool
}

// resourcesOf returns the cached wrapper for a resource dictionary.
// Dictionaries that serialise identically (most pages of a paper) share
// one.
func (dc *docCache) resourcesOf(v pdf.Value) *resources {
	key := v.String()
	if r, ok := dc.resources[key]; ok {
		return r
	}
	r := &resources{dc: dc, v: v, fonts: map[string]*font{}, xobjs: map[string]xobject{}, gsFonts: map[string]gsFont{}}
	if len(dc.resources) < maxCachedNames {
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
	r.fontRefs = refsIn(r.fontDict)
	r.xobjDict = r.v.Key("XObject")
	r.gsDict = r.v.Key("ExtGState")
}

// refsIn maps the keys of a dictionary whose values are references to
// those references ("12 0 R"), from its serialised form.
func refsIn(d pdf.Value) map[string]string {
	if d.Kind() != pdf.Dict {
		return nil
	}
	o := parseRaw(newLexer([]byte(d.String())), 0)
	out := make(map[string]string, len(o.dict))
	for k, v := range o.dict {
		if v.isRef() {
			out[k] = fmt.Sprintf("%d %d R", v.ref[0], v.ref[1])
		}
	}
	return out
}

func (r *resources) font(name []byte) *font {
	if f, ok := r.fonts[string(name)]; ok {
		return f
	}
	r.load()
	ref := r.fontRefs[string(name)]
	f, ok := r.dc.fontsByRef[ref]
	if !ok || ref == "" {
		f = r.dc.fontOf(r.fontDict.Key(string(name)))
		if ref != "" {
			r.dc.fontsByRef[ref] = f
		}
	}
	if len(r.fonts) < maxCachedNames {
		r.fonts[string(name)] = f
	}
	return f
}

func (r *resources) xobject(name []byte) xobject {
	if x, ok := r.xobjs[string(name)]; ok {
		return x
	}
	r.load()
	x := xobject{v: r.xobjDict.Key(string(name))}
	if x.v.Kind() == pdf.Stream {
		x.key = x.v.String()
	}
	if len(r.xobjs) < maxCachedNames {
		r.xobjs[string(name)] = x
	}
	return x
}

func (r *resources) extGStateFont(name []byte) (*font, float64, bool) {
	if g, ok := r.gsFonts[string(name)]; ok {
		return g.font, g.size, g.ok
	}
	r.load()
	var g gsFont
	if fa := r.gsDict.Key(string(name)).Key("Font"); fa.Kind() == pdf.Array && fa.Len() >= 2 {
		g = gsFont{font: r.dc.fontOf(fa.Index(0)), size: fa.Index(1).Float64(), ok: true}
	}
	if len(r.gsFonts) < maxCachedNames {
		r.gsFonts[string(name)] = g
	}
	return g.font, g.size, g.ok
}

// form is a Form XObject ready to run; image XObjects have isForm false.
type form struct {
	isForm  bool
	isImage bool // an image XObject (drawn, holds no text)
	matrix  matrix
	res     pdf.Value
	content []byte
	err     error
	dropped bool // content not kept in the cache: read it on each use
}

func (dc *docCache) formOf(v pdf.Value, key string) *form {
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
	f := &form{isImage: v.Key("Subtype").Name() == "Image"}
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
	if xo.key == "" {
		return
	}
	key := xo.key
	for _, k := range ip.forms {
		if k == key {
			return
		}
	}
	f := ip.dc.formOf(xo.v, key)
	if !f.isForm {
		if f.isImage {
			ip.images++
		}
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
