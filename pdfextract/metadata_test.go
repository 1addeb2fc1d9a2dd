package pdfextract

import (
	"reflect"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

func TestParseXMP(t *testing.T) {
	const packet = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmp:CreateDate="2019-02-26T21:28:41+05:30" prism:doi="10.3389/fpsyt.2019.00097">
 <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Beneficial Effects &amp; Autism</rdf:li></rdf:Alt></dc:title>
 <dc:creator><rdf:Seq><rdf:li>Anna Järvinen</rdf:li><rdf:li>Maija L. Castrén</rdf:li></rdf:Seq></dc:creator>
 <dc:identifier>doi:10.3389/fpsyt.2019.00097</dc:identifier>
 <prism:publicationName>Frontiers in Psychiatry</prism:publicationName>
 <prism:coverDate>2019-03-01</prism:coverDate>
 <dc:description><rdf:Alt><rdf:li xml:lang="x-default">An abstract &nbsp; with an HTML entity
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?> trailing junk <<<`
	x := parseXMP([]byte(packet))
	want := xmpData{
		title:       "Beneficial Effects & Autism",
		creators:    []string{"Anna Järvinen", "Maija L. Castrén"},
		description: "An abstract \u00a0 with an HTML entity",
		identifiers: []string{"doi:10.3389/fpsyt.2019.00097"},
		doi:         "10.3389/fpsyt.2019.00097",
		journal:     "Frontiers in Psychiatry",
		coverDate:   "2019-03-01",
		createDate:  "2019-02-26T21:28:41+05:30",
	}
	if !reflect.DeepEqual(x, want) {
		t.Errorf("parseXMP =\n%+v\nwant\n%+v", x, want)
	}
	for _, junk := range []string{"", "<", "not xml at all", strings.Repeat("<a>", 10000)} {
		parseXMP([]byte(junk))
	}
}

func TestMetadataFieldParsers(t *testing.T) {
	t.Run("junk titles", func(t *testing.T) {
		for _, s := range []string{"Microsoft Word - draft v3.docx", "Title", "untitled", "paper.pdf", "6489122611071476 1..10", "Layout 1"} {
			if !junkTitle.MatchString(s) {
				t.Errorf("%q not recognised as junk", s)
			}
		}
		if junkTitle.MatchString("A comprehensive map of human glucokinase variant activity") {
			t.Error("a real title was called junk")
		}
	})
	t.Run("Info /Author fields", func(t *testing.T) {
		for _, tc := range []struct {
			in   string
			want []string
		}{
			{"Arman Cohan ; Sergey Feldman ; Iz Beltagy", []string{"Arman Cohan", "Sergey Feldman", "Iz Beltagy"}},
			{"Chenxiang Shi, Liangyan Wang and Yuejin Hua", []string{"Chenxiang Shi", "Liangyan Wang", "Yuejin Hua"}},
			{"Nuala E. Tully {et al.}", []string{"Nuala E. Tully"}},
			{"Administrator", nil},
			{"jsmith", nil},
			{"oren etzioni", []string{"Oren Etzioni"}},
		} {
			if got := splitAuthorField(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitAuthorField(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	})
	t.Run("author lines", func(t *testing.T) {
		for _, tc := range []struct {
			in   string
			want []string
			ok   bool
		}{
			{"Anna Järvinen [1], Merja K. Laine [2] and Maija L. Castrén [1,4]*", []string{"Anna Järvinen", "Merja K. Laine", "Maija L. Castrén"}, true},
			{"Arman Cohan [†∗] Sergey Feldman [†∗] Daniel S. Weld [†,‡]", []string{"Arman Cohan", "Sergey Feldman", "Daniel S. Weld"}, true},
			{"Ross G. DOUGLAS [∗1], Rajni K. SHARMA† [1]", []string{"Ross G. Douglas", "Rajni K. Sharma"}, true},
			{"Madeleine van Zuylen, Oren Etzioni", []string{"Madeleine van Zuylen", "Oren Etzioni"}, true},
			{"[1] Department of Psychology, Norwegian University of Science and Technology, Trondheim, Norway", nil, false},
			{"Background: Specialized inpatient treatment might be an alternative.", nil, false},
		} {
			got, ok := splitAuthorLine(tc.in)
			if ok != tc.ok || (tc.ok && !reflect.DeepEqual(got, tc.want)) {
				t.Errorf("splitAuthorLine(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		}
	})
	t.Run("DOIs", func(t *testing.T) {
		for in, want := range map[string]string{
			"doi:10.1186/1752-2897-4-1.":                     "10.1186/1752-2897-4-1",
			"https://doi.org/10.1016/j.cub.2024.02.062)":     "10.1016/j.cub.2024.02.062",
			"Genome Biology, https://doi.org/10.1186/s13059": "10.1186/s13059",
			"no doi here": "",
		} {
			if got := cleanDOI(in); got != want {
				t.Errorf("cleanDOI(%q) = %q, want %q", in, got, want)
			}
		}
	})
	t.Run("journal in /Subject", func(t *testing.T) {
		for in, want := range map[string]string{
			"Current Biology, 34 (2024) 1469-1484. doi:10.1016/j.cub.2024.02.062":         "Current Biology",
			"Journal of Trauma Management & Outcomes 2010 4:1. doi:10.1186/1752-2897-4-1": "Journal of Trauma Management & Outcomes",
			"mSphere 2024.9:e00109-24": "mSphere",
		} {
			m := journalField.FindStringSubmatch(in)
			if m == nil || strings.TrimSpace(m[1]) != want {
				t.Errorf("journalField(%q) = %q, want %q", in, m, want)
			}
		}
	})
}

// titleDoc is a page with a large title, an author line and body text,
// with the given Info dictionary entries.
func titleDoc(info string) []byte {
	content := "BT /F1 20 Tf 72 700 Td (Exercise training after heart failure) Tj ET\n" +
		"BT /F1 10 Tf 72 670 Td (Jane A. Smith [1], John Doe [2] and Ann Lee [1]) Tj ET\n" +
		"BT /F1 10 Tf 72 600 Td (Background: patients were followed for a year. Published: 3 May 2021. doi: 10.1234/abcd.5678.) Tj ET\n"
	d := testpdf.NewDoc(content)
	if info != "" {
		d.SetInfo(d.AddObject("<< " + info + " >>"))
	}
	return d.Bytes()
}

func TestMetadataFromInfoAndPage(t *testing.T) {
	tests := []struct {
		name        string
		info        string
		title       string
		authors     []string
		doi         string
		year        int
		wantJournal string
	}{
		{"page only", "", "Exercise training after heart failure", []string{"Jane A. Smith", "John Doe", "Ann Lee"}, "10.1234/abcd.5678", 2021, ""},
		{"a junk Info title is ignored", "/Title (Microsoft Word - final_v2.docx) /Author (jsmith)",
			"Exercise training after heart failure", []string{"Jane A. Smith", "John Doe", "Ann Lee"}, "10.1234/abcd.5678", 2021, ""},
		{"an Info title the page confirms wins", "/Title (Exercise Training After Heart Failure) /Subject (Heart Journal, 12 \\(2021\\) 1-9)",
			"Exercise Training After Heart Failure", []string{"Jane A. Smith", "John Doe", "Ann Lee"}, "10.1234/abcd.5678", 2021, "Heart Journal"},
		{"an Info title about another paper is ignored", "/Title (Statistical methods for crossover trials)",
			"Exercise training after heart failure", []string{"Jane A. Smith", "John Doe", "Ann Lee"}, "10.1234/abcd.5678", 2021, ""},
		{"UTF-16 Info strings", "/Title <FEFF0045007800650072006300690073006500200074007200610069006E0069006E00670020006100660074006500720020006800650061007200740020006600610069006C007500720065>",
			"Exercise training after heart failure", []string{"Jane A. Smith", "John Doe", "Ann Lee"}, "10.1234/abcd.5678", 2021, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ExtractBytes(titleDoc(tc.info), Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := doc.Meta
			if m.Title != tc.title || !reflect.DeepEqual(m.Authors, tc.authors) || m.DOI != tc.doi || m.Year != tc.year || m.Journal != tc.wantJournal {
				t.Errorf("meta = %+v\nwant title %q authors %q doi %q year %d journal %q", m, tc.title, tc.authors, tc.doi, tc.year, tc.wantJournal)
			}
		})
	}
}

// Expected metadata of the corpus papers, checked by reading their
// pdftotext output and Info/XMP by hand. "" and 0 mean not checked (the
// paper does not print it on its first pages).
func TestCorpusMetadata(t *testing.T) {
	want := map[string]struct {
		title, firstAuthor, journal, doi string
		year, authors                    int
	}{
		"acl2020-main-207-specter":               {"SPECTER: Document-level Representation Learning using Citation-informed Transformers", "Arman Cohan", "", "", 2020, 5},
		"asm-msphere-2024-00109-24":              {"Differential development of antibiotic resistance and virulence between Acinetobacter species", "Elizabeth M. Darby", "mSphere", "10.1128/msphere.00109-24", 2024, 11},
		"biorxiv-2023.12.13.571462":              {"Fine-tuning protein language models boosts predictions across diverse tasks", "Robert Schmirler", "", "10.1101/2023.12.13.571462", 2023, 3},
		"biorxiv-2024.05.13.593936":              {"Residues Neighboring an SH3-Binding Motif Participate in the Interaction In Vivo", "David F. Jordan", "", "10.1101/2024.05.13.593936", 2024, 5},
		"bmc-healthservres-2014-14-1":            {"Understanding the barriers to setting up a healthcare quality improvement process in resource-limited settings: a situational analysis at the Medical Department of Kamuzu Central Hospital in Lilongwe, Malawi", "Josephine Nana Afrakoma Agyeman-Duah", "BMC Health Services Research", "", 2014, 5},
		"bmc-jtraumamanag-2010-4-1":              {"Complications related to deep venous thrombosis prophylaxis in trauma: a systematic review of the literature", "Indraneel Datta", "Journal of Trauma Management & Outcomes", "10.1186/1752-2897-4-1", 2010, 5},
		"clinsci-2014-126-305":                   {"Fragment-based design for the development of N-domain-selective angiotensin-1-converting enzyme inhibitors", "Ross G. Douglas", "Clinical Science", "10.1042/CS20130403", 2014, 8},
		"currbiol-2024-cub.2024.02.062":          {"An endogenous DNA virus in an amphibian-killing fungus associated with pathogen genotype and virulence", "Rebecca A. Clemons", "Current Biology", "10.1016/j.cub.2024.02.062", 2024, 11},
		"elife-2024-91357v3":                     {"Post-transcriptional splicing can occur in a slow-moving zone around the gene", "Allison Coté", "eLife", "10.7554/eLife.91357", 0, 18},
		"frontiers-psychiatry-fpsyt-10-00097":    {"Beneficial Effects of GLP-1 Agonist in a Male With Compulsive Food-Related Behavior Associated With Autism", "Anna Järvinen", "Frontiers in Psychiatry", "10.3389/fpsyt.2019.00097", 2019, 4},
		"frontiers-psychiatry-fpsyt-10-00523":    {"The Effectiveness of Selective Serotonin Reuptake Inhibitors for Treatment of Obsessive-Compulsive Disorder in Adolescents and Children: A Systematic Review and Meta-Analysis", "Vijaya Padma Kotapati", "Frontiers in Psychiatry", "10.3389/fpsyt.2019.00523", 2019, 8},
		"frontiers-psychiatry-fpsyt-15-1350978":  {"Neurotransmitter system gene variants as biomarkers for the therapeutic efficacy of rTMS and SSRIs in obsessive-compulsive disorder", "Lingjun Chu", "Frontiers in Psychiatry", "10.3389/fpsyt.2024.1350978", 2024, 7},
		"frontiers-psychology-fpsyg-09-00620":    {"Three-Week Inpatient Treatment of Obsessive–Compulsive Disorder: A 6-Month Follow-Up Study", "Torun Grøtte", "Frontiers in Psychology", "10.3389/fpsyg.2018.00620", 2018, 6},
		"genomebiol-2023-s13059-023-02935-8":     {"A comprehensive map of human glucokinase variant activity", "Sarah Gersing", "Genome Biology", "10.1186/s13059-023-02935-8", 2023, 0},
		"hindawi-rehabresprac-2010-157939":       {"Patient Experiences of Structured Heart Failure Programmes", "Nuala E. Tully", "Rehabilitation Research and Practice", "10.1155/2010/157939", 2010, 4},
		"mdpi-ijms-2024-25-1660":                 {"Characterization of a Novel N4-Methylcytosine Restriction-Modification System in Deinococcus radiodurans", "Chenxiang Shi", "", "10.3390/ijms25031660", 2024, 6},
		"naacl2018-n18-3011-s2-literature-graph": {"Construction of the Literature Graph in Semantic Scholar", "Waleed Ammar", "", "", 2018, 23},
		"nar-2024-gkae222":                       {"Ribosomal RNA modification enzymes stimulate large ribosome subunit assembly in E. coli", "Rya Ero", "Nucleic Acids Research", "10.1093/nar/gkae222", 2024, 5},
		"peerj-vespa-2017":                       {"VESPA: Very large-scale Evolutionary and Selective Pressure Analyses", "Andrew E. Webb", "", "10.7717/peerj-cs.118", 2017, 3},
	}
	for _, p := range corpusPapers(t) {
		w, ok := want[p.name]
		if !ok {
			continue
		}
		t.Run(p.name, func(t *testing.T) {
			doc, err := ExtractBytes(p.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := doc.Meta
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", m.Title, w.title)
			check("journal", m.Journal, w.journal)
			check("doi", m.DOI, w.doi)
			if len(m.Authors) == 0 || m.Authors[0] != w.firstAuthor {
				t.Errorf("authors %q, want first %q", m.Authors, w.firstAuthor)
			}
			if w.authors > 0 && len(m.Authors) != w.authors {
				t.Errorf("%d authors %q, want %d", len(m.Authors), m.Authors, w.authors)
			}
			if w.year != 0 && m.Year != w.year {
				t.Errorf("year %d, want %d", m.Year, w.year)
			}
			t.Logf("%+v", m)
		})
	}
}

// Running headers and footers name the journal, the year and the DOI even
// though layout removes them from the text.
func TestMetadataFromRunningHeaders(t *testing.T) {
	pdf, _ := testpdf.HeaderFooter()
	doc, err := ExtractBytes(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Meta
	if m.Journal != "Annals of Imaginary Medicine" || m.DOI != "10.5555/aim.2024.0042" || m.Year != 2024 {
		t.Errorf("meta %+v, want the journal, DOI and year of the running header and footer", m)
	}
}
