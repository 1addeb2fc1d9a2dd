package instrument

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// The patterns the PICO proposer reads. They are written for the way
// methods sections report samples ("n = 3", "three women", "aged 24–36
// years", "58% female", "up to 24 months postpartum", "followed up for a
// median of 18 months"), case-insensitively.
const (
	numWord = `\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred`
	people  = `patients|women|men|participants|subjects|children|infants|cases|mothers|adults|individuals|people|persons|neonates|newborns|girls|boys|volunteers|adolescents|pregnancies|families|couples`
	dash    = `\s*(?:–|—|-|to)\s*`
	unit    = `days?|weeks?|months?|years?|yrs?`
)

var (
	nEquals   = regexp.MustCompile(`(?i)\bn\s*=\s*(\d[\d,]*)`)
	nPeople   = regexp.MustCompile(`(?i)\b(?:a total of\s+)?(` + numWord + `)\s+(?:[a-z-]+\s+){0,2}?(?:` + people + `)\b`)
	ageRange  = regexp.MustCompile(`(?i)\b(?:aged?|ages|age range(?: was| of)?|ages ranged from|ranging in age from)\s+(?:from\s+)?(\d+(?:\.\d+)?)` + dash + `(\d+(?:\.\d+)?)(\s*(?:` + unit + `))?`)
	ageBetw   = regexp.MustCompile(`(?i)\b(?:aged\s+)?between\s+(\d+(?:\.\d+)?)\s+and\s+(\d+(?:\.\d+)?)\s+(` + unit + `)(?:\s+(?:of age|old))`)
	ageOld    = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?)` + dash + `(\d+(?:\.\d+)?)[\s-](year|month)s?[\s-]old\b`)
	ageMean   = regexp.MustCompile(`(?i)\b(mean|median|average)\s+age(?:\s+(?:was|of|at \w+(?: was)?))?\s*(?:was\s+|of\s+|=\s*|:\s*)?(\d+(?:\.\d+)?)(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)?(\s*(?:` + unit + `))?`)
	ageSingle = regexp.MustCompile(`(?i)\b(\d+)[\s-](year|month)[\s-]old\b`)
	sexPct    = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?)\s*%\s*(?:were\s+|of\s+\w+\s+were\s+)?(female|women|male|men|girls|boys)\b`)
	sexCount  = regexp.MustCompile(`(?i)\b(` + numWord + `)\s+(women|men|girls|boys|females|males)\s+and\s+(` + numWord + `)\s+(women|men|girls|boys|females|males)\b`)
	female    = regexp.MustCompile(`(?i)\b(women|woman|female|females|mothers|mother|postpartum|post-partum|pregnant|pregnancy|girls|maternal)\b`)
	male      = regexp.MustCompile(`(?i)\b(men|man|male|males|boys|fathers|paternal)\b`)
	window    = regexp.MustCompile(`(?i)\b(?:(postpartum|post-partum|after delivery|after birth|after surgery|after diagnosis|postoperatively)\s+)?(up to|within|in the first|during the first|for up to)\s+(` + numWord + `)\s+(` + unit + `)(?:\s+(postpartum|post-partum|after delivery|after birth|after surgery|after diagnosis|of age|of life))?`)
	period    = regexp.MustCompile(`(?i)\b(?:between|from)\s+((?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d)\s+(?:and|to|until|through)\s+((?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d)`)
	followUp  = regexp.MustCompile(`(?i)\bfollow(?:ed)?[- ]?up\s+(?:period\s+)?(?:was\s+|of\s+|for\s+|lasted\s+|ranged\s+from\s+)?(?:a\s+)?(?:(mean|median)\s+(?:of\s+)?)?(` + numWord + `|\d+(?:\.\d+)?)(?:` + dash + `(\d+(?:\.\d+)?))?\s*(` + unit + `)`)
	followUp2 = regexp.MustCompile(`(?i)\b(mean|median)\s+follow[- ]?up\s+(?:was\s+|of\s+)?(\d+(?:\.\d+)?)\s*(` + unit + `)`)
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "hundred": 100}

// number writes a count in digits ("three" → "3", "1,204" → "1,204").
func number(s string) string {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return strconv.Itoa(n)
	}
	return s
}

// ProposePopulation reads a passage's text (typically a population
// annotation's quote) and proposes values for the population and
// follow-up fields of the PICO, for the user to accept or edit: the
// number studied ("n = 3"), age ("aged 24–36 years", "mean age 31
// years"), sex ("58% female", "female"), time window ("postpartum up to
// 24 months", "2015–2019") and follow-up ("median 18 months"). At most one
// proposal per field, the first the text supports; none when the text
// says nothing recognisable.
func ProposePopulation(text string) []appraise.PICOProposal {
	var out []appraise.PICOProposal
	add := func(f appraise.PICOField, value string, loc []int) {
		out = append(out, appraise.PICOProposal{Field: f, Value: value,
			Start: utf8.RuneCountInString(text[:loc[0]]), End: utf8.RuneCountInString(text[:loc[1]])})
	}
	sub := func(m []int, i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	if m := nEquals.FindStringSubmatchIndex(text); m != nil {
		add(appraise.FieldN, "n = "+sub(m, 1), m)
	} else if m := nPeople.FindStringSubmatchIndex(text); m != nil {
		add(appraise.FieldN, "n = "+number(sub(m, 1)), m)
	}
	switch m := firstMatch(text, ageRange, ageBetw, ageOld); {
	case m.re == ageRange:
		add(appraise.FieldAge, "aged "+sub(m.loc, 1)+"–"+sub(m.loc, 2)+strings.ToLower(sub(m.loc, 3)), m.loc)
	case m.re == ageBetw:
		add(appraise.FieldAge, "aged "+sub(m.loc, 1)+"–"+sub(m.loc, 2)+" "+strings.ToLower(sub(m.loc, 3)), m.loc)
	case m.re == ageOld:
		add(appraise.FieldAge, "aged "+sub(m.loc, 1)+"–"+sub(m.loc, 2)+" "+strings.ToLower(sub(m.loc, 3))+"s", m.loc)
	default:
		if m := ageMean.FindStringSubmatchIndex(text); m != nil {
			add(appraise.FieldAge, strings.ToLower(sub(m, 1))+" age "+sub(m, 2)+strings.ToLower(sub(m, 3)), m)
		} else if m := ageSingle.FindStringSubmatchIndex(text); m != nil {
			add(appraise.FieldAge, "aged "+sub(m, 1)+" "+strings.ToLower(sub(m, 2))+"s", m)
		}
	}
	if m := sexPct.FindStringSubmatchIndex(text); m != nil {
		add(appraise.FieldSex, sub(m, 1)+"% "+sexWord(sub(m, 2)), m)
	} else if m := sexCount.FindStringSubmatchIndex(text); m != nil {
		add(appraise.FieldSex, number(sub(m, 1))+" "+sexWord(sub(m, 2))+", "+number(sub(m, 3))+" "+sexWord(sub(m, 4)), m)
	} else {
		f, mm := female.FindStringIndex(text), male.FindStringIndex(text)
		switch {
		case f != nil && mm != nil:
			add(appraise.FieldSex, "female and male", []int{min(f[0], mm[0]), max(f[1], mm[1])})
		case f != nil:
			add(appraise.FieldSex, "female", f)
		case mm != nil:
			add(appraise.FieldSex, "male", mm)
		}
	}
	fu := followUp2.FindStringSubmatchIndex(text)
	if fu != nil {
		add(appraise.FieldFollowUp, strings.ToLower(sub(fu, 1))+" "+sub(fu, 2)+" "+strings.ToLower(sub(fu, 3)), fu)
	} else if fu = followUp.FindStringSubmatchIndex(text); fu != nil {
		v := number(sub(fu, 2))
		if hi := sub(fu, 3); hi != "" {
			v += "–" + hi
		}
		v += " " + strings.ToLower(sub(fu, 4))
		if q := sub(fu, 1); q != "" {
			v = strings.ToLower(q) + " " + v
		}
		add(appraise.FieldFollowUp, v, fu)
	}
	for _, m := range window.FindAllStringSubmatchIndex(text, -1) {
		if fu != nil && m[0] < fu[1] && fu[0] < m[1] {
			continue // the follow-up's own duration
		}
		parts := []string{strings.ToLower(sub(m, 1)), strings.ToLower(sub(m, 2)), number(sub(m, 3)), strings.ToLower(sub(m, 4)), strings.ToLower(sub(m, 5))}
		add(appraise.FieldTimeWindow, strings.Join(strings.Fields(strings.Join(parts, " ")), " "), m)
		return out
	}
	if m := period.FindStringSubmatchIndex(text); m != nil {
		add(appraise.FieldTimeWindow, sub(m, 1)+"–"+sub(m, 2), m)
	}
	return out
}

type match struct {
	re  *regexp.Regexp
	loc []int
}

// firstMatch returns the earliest match of any of res.
func firstMatch(text string, res ...*regexp.Regexp) match {
	var best match
	for _, re := range res {
		if loc := re.FindStringSubmatchIndex(text); loc != nil && (best.loc == nil || loc[0] < best.loc[0]) {
			best = match{re, loc}
		}
	}
	return best
}

func sexWord(s string) string {
	switch strings.ToLower(s) {
	case "female", "females", "women", "girls":
		return "female"
	}
	return "male"
}
