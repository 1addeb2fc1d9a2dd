package pdfextract

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// XMP metadata (the catalog's /Metadata stream): the RDF properties papers
// carry, read with encoding/xml in its forgiving mode so a malformed
// packet yields what can be read.

// maxXMPBytes bounds the metadata stream read.
const maxXMPBytes = 4 << 20

type xmpData struct {
	title       string
	creators    []string
	description string
	identifiers []string
	doi         string // prism:doi, pdfx:doi, crossmark:DOI
	journal     string // prism:publicationName
	coverDate   string // prism:coverDate or prism:publicationDate
	createDate  string // xmp:CreateDate
}

// xmpProperty names a property by its namespace family and local name.
func xmpProperty(n xml.Name) string {
	space := n.Space
	switch {
	case strings.Contains(space, "purl.org/dc"):
		return "dc:" + n.Local
	case strings.Contains(space, "prismstandard"):
		return "prism:" + n.Local
	case strings.Contains(space, "ns.adobe.com/xap/1.0"):
		return "xmp:" + n.Local
	}
	return "*:" + n.Local
}

func parseXMP(data []byte) xmpData {
	var x xmpData
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		depth     int    // element depth
		propDepth int    // depth of the open property element, 0 if none
		prop      string // its name
		text      strings.Builder
		items     []string // rdf:li values of the open property
	)
	set := func(name string, values []string) {
		if len(values) == 0 {
			return
		}
		first := values[0]
		switch name {
		case "dc:title":
			x.title = first
		case "dc:creator":
			x.creators = append(x.creators, values...)
		case "dc:description":
			x.description = first
		case "dc:identifier":
			x.identifiers = append(x.identifiers, values...)
		case "prism:doi", "*:doi", "*:DOI":
			if x.doi == "" {
				x.doi = first
			}
		case "prism:publicationName":
			x.journal = first
		case "prism:coverDate", "prism:publicationDate":
			if x.coverDate == "" {
				x.coverDate = first
			}
		case "xmp:CreateDate":
			x.createDate = first
		}
	}
	for range 1 << 20 {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "Description" {
				for _, a := range t.Attr {
					set(xmpProperty(a.Name), []string{strings.TrimSpace(a.Value)})
				}
				continue
			}
			if propDepth == 0 && t.Name.Local != "RDF" && t.Name.Local != "xmpmeta" && t.Name.Local != "li" &&
				t.Name.Local != "Alt" && t.Name.Local != "Seq" && t.Name.Local != "Bag" {
				propDepth, prop = depth, xmpProperty(t.Name)
				items = items[:0]
				text.Reset()
			}
			if t.Name.Local == "li" {
				text.Reset()
			}
		case xml.CharData:
			if propDepth > 0 && text.Len() < 1<<16 {
				text.Write(t)
			}
		case xml.EndElement:
			if propDepth > 0 && t.Name.Local == "li" {
				if s := strings.TrimSpace(text.String()); s != "" {
					items = append(items, s)
				}
				text.Reset()
			}
			if depth == propDepth {
				if s := strings.TrimSpace(text.String()); s != "" && len(items) == 0 {
					items = append(items, s)
				}
				set(prop, items)
				propDepth = 0
			}
			depth--
		}
	}
	return x
}
