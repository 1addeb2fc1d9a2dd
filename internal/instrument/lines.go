package instrument

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// keyLines maps a field path ("name", "items[3].text", 1-based indexes)
// to the line it is on, so errors found after decoding can name the line.
type keyLines map[string]int

// line returns the line of path, else of its nearest parent, else 1.
func (k keyLines) line(path string) int {
	for p := path; p != ""; {
		if n, ok := k[p]; ok {
			return n
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 1
}

var (
	tomlHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]\]?`)
	tomlKey    = regexp.MustCompile(`^\s*("?)([A-Za-z0-9_-]+)("?)\s*=`)
)

// tomlLines finds the lines of keys in a checklist written as TOML: top
// level keys, and keys under [[items]] / [[answers]] headers. Inline
// tables and arrays are located by their opening key.
func tomlLines(data []byte) keyLines {
	k := keyLines{}
	counts := map[string]int{}
	table := ""
	for i, ln := range strings.Split(string(data), "\n") {
		n := i + 1
		if m := tomlHeader.FindStringSubmatch(ln); m != nil {
			if m[1] == "[[" {
				counts[m[2]]++
				table = fmt.Sprintf("%s[%d]", m[2], counts[m[2]])
			} else {
				table = m[2]
			}
			if _, ok := k[table]; !ok {
				k[table] = n
			}
			if _, ok := k[m[2]]; !ok {
				k[m[2]] = n
			}
			continue
		}
		if m := tomlKey.FindStringSubmatch(ln); m != nil {
			path := m[2]
			if table != "" {
				path = table + "." + m[2]
			}
			if _, ok := k[path]; !ok {
				k[path] = n
			}
		}
	}
	return k
}

// jsonLines finds the line of every key (and array element) of a JSON
// document that is known to parse.
func jsonLines(data []byte) keyLines {
	k := keyLines{}
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	var walk func(path string, depth int) error
	walk = func(path string, depth int) error {
		if depth > 32 {
			return fmt.Errorf("too deep")
		}
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if path != "" {
			if _, ok := k[path]; !ok {
				k[path] = lineAt(start + int64(countSpace(data[start:])))
			}
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				off := dec.InputOffset()
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				name, _ := kt.(string)
				child := name
				if path != "" {
					child = path + "." + name
				}
				k[child] = lineAt(off + int64(countSpace(data[off:])))
				if err := walk(child, depth+1); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 1; dec.More(); i++ {
				if err := walk(path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		}
		return err
	}
	_ = walk("", 0) // the document already decoded; a failure only loses line numbers
	return k
}

// countSpace counts the JSON white space and separators before the next
// token, so an offset points at the token's own line.
func countSpace(b []byte) int {
	n := 0
	for n < len(b) && strings.IndexByte(" \t\r\n,:", b[n]) >= 0 {
		n++
	}
	return n
}

// offsetLine is the 1-based line of a byte offset.
func offsetLine(data []byte, off int64) int {
	if off < 0 {
		off = 0
	}
	return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n"))
}
