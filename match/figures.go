package match

import (
	"strconv"
	"strings"
)

// Figures returns the normalised figures of text, distinct, in order of
// appearance. Two statements state the same figure exactly when they share
// the string, whatever the spelling:
//
//	money     "$5.2bn", "US$5.2 billion", "5,200 million dollars"  -> "usd:5.2e9"
//	          ("€", "euros" -> eur; "£", "pounds", "sterling" -> gbp; ¥, yen, yuan, roubles, rupees…)
//	percent   "25.8%", "25.8 percent", "25.8 per cent", "25.8pc"    -> "pct:25.8"
//	points    "2 percentage points", "2% points"                    -> "pp:2"
//	count     "2,300", "2300", "2.3 thousand"                      -> "num:2300"
//	          "two million", "2m people", "a couple of thousand"    -> "num:2e6", "num:2e6", "num:2000"
//	length    "800km", "800 km", "800 kilometres"                   -> "len:800000m"
//	also      mass (kg), area (m2), speed (km/h), volume (l), temperature (c),
//	          power (w), energy (wh); durations keep their unit: "10 years" -> "dur:10year"
//	year      "in 2023" (a bare integer 1800-2100)                  -> "year:2023"
//	decade    "the 1990s"                                           -> "decade:1990"
//	day       "5 March", "March 5th"                                -> "date:03-05"
//	month     "in May 2009" (a month before a year)                 -> "month:05", "year:2009"
//	direction "rose", "climbed", "up", "more", "higher"             -> "dir:up"
//	          "fell", "dropped", "down", "less", "lower", "fewer"   -> "dir:down"
//	range     "1,250-2,500km", "between 1,250 and 2,500 km"         -> "len:1.25e6m", "len:2.5e6m"
//	          "$5-6bn" -> usd:5e9, usd:6e9; "2023-24" -> year:2023, year:2024
//
// Values keep six significant digits; values converted from a non-metric
// unit keep three ("100ft" -> "len:30.5m") since the source was rounded
// anyway. A conversion in brackets after a measurement of the same kind is
// dropped: "30 metres (100ft)" -> "len:30m" only.
//
// Known approximations, chosen because news copy is like this:
//   - "$" alone is US dollars; "pounds" is sterling, not weight ("lb" is).
//   - "m" after a number is million with a currency or before a noun
//     ("$5m", "5m people"), metres otherwise ("800m", "5m high").
//   - "a couple of" is 2; vague amounts ("a few", "dozens of", "thousands
//     of") are not figures at all; "one" and "a" alone are not figures.
//   - Compound number words stop at a hundred: "two hundred and fifty
//     thousand" reads as 200 and 50000.
//   - Month-and-year ("March 2023") keeps the month as a word, the year as a
//     figure; only a day of the month makes a "date:" figure.
//   - English notation only: "5,2" is not 5.2 and "2.300" is 2.3.
func Figures(text string) []string {
	return parseFigures(tokenize(text, make([]token, 0, 32)))
}

// qty is one parsed quantity before it becomes a figure string.
type qty struct {
	val        float64
	scale      float64 // product of scale words, 0 if none
	cur        string  // currency code for money
	u          *unit
	pct, pp    bool
	year       bool // a calendar year
	plainInt   bool // bare integer as written: year candidate
	digits     int  // its number of digits
	wordNum    bool // written in words
	decade     bool
	date       bool
	month, day int
	skip       bool // consumed but not a figure: ordinals, clock times
	monthAt    int  // index of a month word before the number, or -1
}

// dim is what must agree for two quantities to be comparable; "" for bare
// numbers.
func (q *qty) dim() string {
	switch {
	case q.cur != "":
		return "money"
	case q.u != nil:
		return q.u.kind
	case q.pct:
		return "pct"
	case q.pp:
		return "pp"
	}
	return ""
}

// terminal quantities do not take part in ranges or conversions.
func (q *qty) terminal() bool { return q.skip || q.date || q.decade }

func (q *qty) yearLike() bool {
	return q.plainInt && q.digits == 4 && q.scale == 0 && q.dim() == "" && q.val >= 1800 && q.val <= 2100
}

type figParser struct {
	toks []token
	out  []string
	key  []byte // scratch for unit phrase look-ups
}

var noToken token

// at returns the token at i or a zero token; never write through it.
func (p *figParser) at(i int) *token {
	if i >= 0 && i < len(p.toks) {
		return &p.toks[i]
	}
	return &noToken
}

func (p *figParser) word(i int) string {
	if t := p.at(i); t.kind == tWord {
		return t.text
	}
	return ""
}

func (p *figParser) sym(i int) string {
	if t := p.at(i); t.kind == tSym {
		return t.text
	}
	return ""
}

// parseFigures scans toks left to right, marks the tokens each figure
// consumes as used, and returns the distinct figures.
func parseFigures(toks []token) []string {
	p := figParser{toks: toks}
	for i := 0; i < len(toks); {
		qs, n, end, ok := p.item(i, true)
		if !ok {
			if d := p.direction(i); d != "" {
				toks[i].used = true
				p.add(d)
			}
			i++
			continue
		}
		// "in May 2009": the month is part of the claim's date.
		if m := months[p.word(i-1)]; qs[0].year && m > 0 && !toks[i-1].used {
			toks[i-1].used = true
			p.add("month:" + pad2(m))
		}
		for k := i; k < end; k++ {
			toks[k].used = true
		}
		if qs[0].monthAt >= 0 {
			toks[qs[0].monthAt].used = true
		}
		for k := range n {
			if f, ok := qs[k].figure(); ok {
				p.add(f)
			}
		}
		i = end
	}
	return p.out
}

func (p *figParser) add(f string) {
	if !contains(p.out, f) {
		p.out = append(p.out, f)
	}
}

// direction reads a word saying which way a quantity moved or compares:
// "rose" and "fell" make different claims about the same 3.9%, so they are
// figures ("dir:up", "dir:down"), and "rose", "climbed" and "up" are one.
func (p *figParser) direction(i int) string {
	w := p.word(i)
	switch {
	case w == "up" && p.word(i+1) == "to": // "up to 900km": a maximum
		return ""
	case dirUp[w]:
		return "dir:up"
	case dirDown[w]:
		return "dir:down"
	}
	return ""
}

// item parses a quantity or a range of two at i; at the top level it also
// swallows a bracketed conversion that follows.
func (p *figParser) item(i int, top bool) (qs [2]qty, n, end int, ok bool) {
	q1, j, ok := p.single(i)
	if !ok {
		return qs, 0, i, false
	}
	qs[0], n, end = q1, 1, j
	if q1.terminal() {
		return qs, n, end, true
	}
	dash := p.sym(j) == "-"
	if w := p.word(j); dash || w == "to" || w == "and" && p.word(i-1) == "between" {
		if q2, k, ok2 := p.single(j + 1); ok2 && !q2.terminal() && q2.monthAt < 0 && combineRange(&q1, &q2, dash) {
			qs[0], qs[1], n, end = q1, q2, 2, k
		}
	}
	if top && p.sym(end) == "(" {
		if in, _, e, ok := p.item(end+1, false); ok && p.sym(e) == ")" && in[0].dim() != "" && in[0].dim() == qs[0].dim() {
			end = e + 1 // "30 metres (100ft)": the bracket repeats the figure
		}
	}
	return qs, n, end, true
}

// combineRange shares scale and unit across a range: "$5-6bn", "1,250-2,500km",
// "25-30%"; and expands "2023-24". It reports false when the two are not a
// range at all ("rose 3% to $5.2bn").
func combineRange(q1, q2 *qty, dash bool) bool {
	if d1, d2 := q1.dim(), q2.dim(); d1 != "" && d2 != "" && d1 != d2 {
		return false
	}
	if q1.yearLike() {
		if dash && q2.plainInt && q2.digits == 2 && q2.dim() == "" && q2.scale == 0 {
			century := float64(int(q1.val) / 100 * 100)
			q2.val += century
			if q2.val < q1.val {
				q2.val += 100
			}
			q2.year, q2.plainInt, q2.digits = true, false, 4
		}
		return true // "2019 to 5,000 tonnes" is not a range of tonnes
	}
	if q1.scale == 0 && q2.scale != 0 {
		q1.val *= q2.scale
		q1.scale = q2.scale
	}
	if q1.dim() == "" {
		q1.cur, q1.u, q1.pct, q1.pp = q2.cur, q2.u, q2.pct, q2.pp
	} else if q2.dim() == "" {
		q2.cur, q2.u, q2.pct, q2.pp = q1.cur, q1.u, q1.pct, q1.pp
	}
	q1.year = q1.yearLike()
	return true
}

// single parses one quantity at i: [currency] number [scale…] [suffix].
func (p *figParser) single(i int) (q qty, end int, ok bool) {
	q.monthAt = -1
	j := i
	if c, k := p.currencyBefore(j); c != "" {
		q.cur, j = c, k
	}
	num := p.at(j)
	v, k, isWord, ok := p.number(j)
	if !ok {
		return q, i, false
	}
	q.val, q.wordNum, j = v, isWord, k
	if !isWord {
		q.plainInt, q.digits = num.plain, len(num.text)
		// A clock time "10:30" or a score "2:1" is not a figure.
		if p.sym(j) == ":" && !p.at(j).space && p.at(j+1).kind == tNum && !p.at(j+1).space {
			q.skip = true
			return q, j + 2, true
		}
		if t := p.at(j); t.kind == tWord && !t.space && q.plainInt && q.cur == "" {
			switch t.text {
			case "s":
				if q.digits == 4 {
					q.decade = true // "1990s"
					return q, j + 1, true
				}
			case "st", "nd", "rd", "th":
				q.skip = true // ordinal; a day of the month below
				j++
			}
		}
	}
	if q.plainInt && q.cur == "" && q.val >= 1 && q.val <= 31 {
		k := j
		if q.skip && p.word(k) == "of" {
			k++
		}
		if m := months[p.word(k)]; m > 0 {
			q.skip, q.date, q.month, q.day = false, true, m, int(q.val)
			return q, k + 1, true
		}
		if m := months[p.word(i-1)]; m > 0 && !p.at(i-1).used {
			q.skip, q.date, q.month, q.day, q.monthAt = false, true, m, int(q.val), i-1
			return q, j, true
		}
	}
	if q.skip {
		return q, j, true
	}
	for {
		w := p.word(j)
		s := scales[w]
		if s == 0 || !p.scaleOK(&q, j) {
			break
		}
		q.val *= s
		if q.scale == 0 {
			q.scale = 1
		}
		q.scale *= s
		j++
	}
	j = p.suffix(&q, j)
	if q.wordNum && q.val <= 1 && q.scale == 0 && q.dim() == "" {
		return q, i, false // "one of the", "a" alone
	}
	q.year = q.yearLike()
	return q, j, true
}

// scaleOK resolves the ambiguous scale letters at j.
func (p *figParser) scaleOK(q *qty, j int) bool {
	switch p.word(j) {
	case "m":
		if q.cur != "" {
			return true
		}
		if c, _ := p.currencyAfter(j + 1); c != "" {
			return true
		}
		// "800m" or "5m high" are metres; "5m people" is million.
		next := p.at(j + 1)
		return !p.at(j).space && next.kind == tWord && !stopWords[next.text] && !lengthContext[next.text]
	case "b":
		if q.cur != "" {
			return true
		}
		c, _ := p.currencyAfter(j + 1)
		return c != ""
	case "hundreds", "thousands", "millions", "billions", "trillions":
		// Plurals scale only after "a couple of": "thousands of people" is
		// vague and never reaches here, "5 millions" is not English.
		return q.wordNum
	}
	return true
}

// number reads a number at j: digits, or number words.
func (p *figParser) number(j int) (v float64, end int, isWord, ok bool) {
	t := p.at(j)
	if t.kind == tNum {
		return t.val, j + 1, false, true
	}
	if t.kind != tWord {
		return 0, j, false, false
	}
	switch t.text {
	case "a", "an":
		switch next := p.word(j + 1); {
		case next == "couple" && p.word(j+2) == "of":
			return 2, j + 3, true, true
		case next == "dozen" || next == "hundred" || next == "thousand" || next == "million" ||
			next == "billion" || next == "trillion":
			return 1, j + 1, true, true
		}
		return 0, j, false, false
	case "half":
		if a := p.word(j + 1); (a == "a" || a == "an") && scales[p.word(j+2)] >= 1e3 {
			return 0.5, j + 2, true, true
		}
		return 0, j, false, false
	}
	if tv, ok := tensWords[t.text]; ok {
		v, j = tv, j+1
		k := j
		if p.sym(k) == "-" && !p.at(k).space {
			k++
		}
		if u, ok := unitWords[p.word(k)]; ok && u >= 1 && u <= 9 {
			v, j = v+u, k+1
		}
		return v, j, true, true
	}
	if u, ok := unitWords[t.text]; ok {
		return u, j + 1, true, true
	}
	return 0, j, false, false
}

// suffix reads what follows the number: percent, points, currency, unit.
func (p *figParser) suffix(q *qty, j int) int {
	switch w := p.word(j); {
	case p.sym(j) == "%":
		if p.word(j+1) == "points" || p.word(j+1) == "point" {
			q.pp = true
			return j + 2
		}
		q.pct = true
		return j + 1
	case w == "percentage" && (p.word(j+1) == "points" || p.word(j+1) == "point"):
		q.pp = true
		return j + 2
	case w == "percent" || w == "pct" || w == "pc" || w == "per" && p.word(j+1) == "cent":
		if w == "per" {
			j++
		}
		if p.word(j+1) == "points" || p.word(j+1) == "point" {
			q.pp = true
			return j + 2
		}
		q.pct = true
		return j + 1
	}
	if c, k := p.currencyAfter(j); c != "" {
		if q.cur == "" {
			q.cur = c
		}
		return k
	}
	if q.cur != "" {
		return j
	}
	if u, k := p.unitAt(j); u != nil {
		q.u = u
		return k
	}
	return j
}

// currencyBefore: "$", "€", "US$", "A$", "USD 5bn".
func (p *figParser) currencyBefore(j int) (string, int) {
	t := p.at(j)
	if t.kind == tSym {
		if c := symbolCurrency[t.text]; c != "" {
			return c, j + 1
		}
		return "", j
	}
	if t.kind != tWord {
		return "", j
	}
	if n := p.at(j + 1); n.kind == tSym && n.text == "$" && !n.space {
		if c := dollarPrefix[t.text]; c != "" {
			return c, j + 2
		}
	}
	if c := isoCurrency[t.text]; c != "" && p.at(j+1).kind == tNum {
		return c, j + 1
	}
	return "", j
}

// currencyAfter: "dollars", "US dollars", "euros", "pounds sterling", "USD".
func (p *figParser) currencyAfter(j int) (string, int) {
	w := p.word(j)
	if w == "" {
		return "", j
	}
	if c := dollarAdjective[w]; c != "" {
		if n := p.word(j + 1); n == "dollars" || n == "dollar" {
			return c, j + 2
		}
	}
	if w == "hong" && p.word(j+1) == "kong" {
		if n := p.word(j + 2); n == "dollars" || n == "dollar" {
			return "hkd", j + 3
		}
	}
	if c := currencyWords[w]; c != "" {
		if c == "gbp" && w != "sterling" && p.word(j+1) == "sterling" {
			return c, j + 2
		}
		return c, j + 1
	}
	if c := isoCurrency[w]; c != "" {
		return c, j + 1
	}
	return "", j
}

// unitAt finds the longest unit phrase (up to three tokens) at j.
func (p *figParser) unitAt(j int) (*unit, int) {
	for n := 3; n >= 1; n-- {
		p.key = p.key[:0]
		for k := j; k < j+n; k++ {
			t := p.at(k)
			if t.kind != tWord && t.kind != tSym {
				p.key = p.key[:0]
				break
			}
			if k > j {
				p.key = append(p.key, ' ')
			}
			p.key = append(p.key, t.text...)
		}
		if len(p.key) == 0 {
			continue
		}
		if u := units[string(p.key)]; u != nil {
			return u, j + n
		}
	}
	return nil, j
}

// figure renders q as its canonical string.
func (q *qty) figure() (string, bool) {
	switch {
	case q.skip:
		return "", false
	case q.date:
		return "date:" + pad2(q.month) + "-" + pad2(q.day), true
	case q.decade:
		return "decade:" + strconv.Itoa(int(q.val)), true
	case q.cur != "":
		return q.cur + ":" + fmtNum(q.val, 6), true
	case q.pct:
		return "pct:" + fmtNum(q.val, 6), true
	case q.pp:
		return "pp:" + fmtNum(q.val, 6), true
	case q.u != nil:
		v, sig, kind := q.val*q.u.factor, 6, q.u.kind
		if !q.u.exact {
			sig = 3
		}
		if kind == "tempf" {
			v, sig, kind = (q.val-32)*5/9, 3, "temp"
		}
		return kind + ":" + fmtNum(v, sig) + q.u.base, true
	case q.year:
		return "year:" + strconv.Itoa(int(q.val)), true
	}
	return "num:" + fmtNum(q.val, 6), true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// fmtNum writes v with at most sig significant digits, exponent without
// "+" or leading zeros: 5.2e9 -> "5.2e9", 2300 -> "2300", 1.25e6 -> "1.25e6".
func fmtNum(v float64, sig int) string {
	s := strconv.FormatFloat(v, 'g', sig, 64)
	k := strings.IndexByte(s, 'e')
	if k < 0 {
		return s
	}
	mant, exp := s[:k], s[k+1:]
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	exp = strings.TrimLeft(exp[1:], "0")
	if exp == "" {
		exp = "0"
	}
	return mant + "e" + sign + exp
}

// Figure kinds, used by the score to tell a conflicting figure ("$6.1bn"
// where the other says "$5.2bn": same kind, other value) from an extra one
// (a year only one statement mentions).
const (
	kindNone uint8 = iota // a word, not a figure
	kindMoney
	kindOther // first of the non-money kinds; see kindIndex
)

var kindNames = []string{"pct", "pp", "num", "year", "decade", "date", "month", "dir", "len", "mass", "area",
	"speed", "vol", "temp", "dur", "power", "energy"}

// kindOf maps a figure string to its kind; all currencies are one kind.
func kindOf(fig string) uint8 {
	prefix, _, _ := strings.Cut(fig, ":")
	for k, n := range kindNames {
		if n == prefix {
			return kindOther + uint8(k)
		}
	}
	return kindMoney
}
