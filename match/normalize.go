package match

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text normalisation: one tokenizer feeds both the figure parser
// (figures.go) and the word terms used for similarity. Tokens that a figure
// consumes ("$", "bn", "dollars", "per cent", "km") are not words, so
// "$5.2bn" and "5.2 billion dollars" leave the same words behind.

type tokKind uint8

const (
	tNone  tokKind = iota // past the end; a zero token
	tBreak                // punctuation that ends a phrase: . , ; ! ? quotes…
	tWord                 // letters (lower-cased), possibly glued digits: "g7", "f-16"
	tNum                  // a number in English notation: "2,300", "5.2"
	tSym                  // a symbol figures care about: $ € £ ¥ % / ( ) - ° ² :
)

type token struct {
	text  string  // lower-cased word, number as written without commas, or the symbol
	val   float64 // numbers only
	kind  tokKind
	space bool // whitespace (or the start of the text) precedes the token
	caps  bool // word written in capitals ("US"), to tell the country from the pronoun
	upper bool // word starts with a capital letter
	first bool // first word of a sentence, where a capital says nothing
	plain bool // number is a bare integer: no thousands separator, no decimals
	used  bool // consumed by a figure
}

// symText maps the runes figures care about to their token text; several
// dashes and brackets fold to one spelling so the parser tests one string.
var symText = map[rune]string{
	'$': "$", '€': "€", '£': "£", '¥': "¥", '%': "%", '/': "/", '(': "(", ')': ")",
	'[': "(", ']': ")", '°': "°", '²': "²", ':': ":", '+': "+",
	'-': "-", '–': "-", '—': "-", '−': "-", '‐': "-", '‑': "-", '‒': "-",
}

// maxTokens bounds the work per text: a statement is a sentence or two, and
// the index must not be made to chew on a pasted book.
const maxTokens = 400

// tokenize appends the tokens of s to toks.
func tokenize(s string, toks []token) []token {
	space, sentence := true, true
	for i := 0; i < len(s) && len(toks) < maxTokens; {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case r >= '0' && r <= '9':
			j, text, plain := scanNumber(s, i)
			if k := len(toks); !space && k >= 1 && toks[k-1].kind == tWord ||
				!space && k >= 2 && toks[k-1].text == "-" && !toks[k-1].space && toks[k-2].kind == tWord && plain {
				// Digits glued to a word are part of a name, not a figure:
				// "G7", "km2", "F-16", "COVID-19".
				if toks[k-1].kind == tSym {
					toks = toks[:k-1]
					k--
					toks[k-1].text += "-"
				}
				toks[k-1].text += s[i:j]
				i = j
				continue
			}
			v, _ := strconv.ParseFloat(text, 64)
			toks = append(toks, token{kind: tNum, text: text, val: v, space: space, plain: plain})
			i = j
			sentence = false
		case unicode.IsLetter(r):
			j, word, caps := scanWord(s, i)
			toks = append(toks, token{kind: tWord, text: word, space: space, caps: caps,
				upper: unicode.IsUpper(r), first: sentence})
			i = j
			sentence = false
		default:
			if t, ok := symText[r]; ok {
				toks = append(toks, token{kind: tSym, text: t, space: space})
			} else if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				toks = append(toks, token{kind: tBreak, space: space})
				// After these a capital starts a sentence or a quote.
				sentence = sentence || strings.ContainsRune(".!?:;\"“”‘«»", r)
			}
			// Anything else (controls, marks, invalid bytes) is dropped.
			i += n
		}
		space = false
	}
	return toks
}

// scanNumber reads digits at s[i:] with English separators: a comma is a
// thousands separator only when exactly three digits follow ("2,300" but
// not "5,2" or "1,2345"); a point is decimal only when a digit follows (so
// "in 2023." ends the number). It returns the end, the digits without
// commas, and whether the number was a bare integer.
func scanNumber(s string, i int) (end int, text string, plain bool) {
	j := i
	grouped, dec := false, false
	for j < len(s) {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			j++
			continue
		case c == ',' && !dec && j+3 < len(s)+1 && allDigits(s, j+1, j+4) && (j+4 >= len(s) || !isDigit(s[j+4])):
			grouped = true
			j += 4
			continue
		case c == '.' && !dec && j+1 < len(s) && isDigit(s[j+1]):
			dec = true
			j++
			continue
		}
		break
	}
	text = s[i:j]
	if grouped {
		text = strings.ReplaceAll(text, ",", "")
	}
	return j, text, !grouped && !dec
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string, a, b int) bool {
	if b > len(s) {
		return false
	}
	for k := a; k < b; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// scanWord reads letters at s[i:], keeping an inner apostrophe ("don't")
// and dropping a possessive ("Russia's" -> "russia"). Dotted initials read
// as one word ("U.S." -> "us", caps). The word is lower-cased.
func scanWord(s string, i int) (end int, word string, caps bool) {
	j := i
	upper, letters := 0, 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
			j += n
			continue
		}
		if (r == '\'' || r == '’') && j+n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r2) {
				j += n
				continue
			}
		}
		break
	}
	raw := s[i:j]
	// "U.S.", "U.S.A.", "U.K.": single letters each followed by a point.
	if letters == 1 && len(raw) == 1 {
		b := []byte{raw[0]}
		k := j
		for k+1 < len(s) && s[k] == '.' && isASCIILetter(s[k+1]) && (k+2 == len(s) || !isASCIILetter(s[k+2])) {
			b = append(b, s[k+1])
			k += 2
		}
		if len(b) > 1 {
			if k < len(s) && s[k] == '.' {
				k++
			}
			up := true
			for _, c := range b {
				up = up && c >= 'A' && c <= 'Z'
			}
			return k, strings.ToLower(string(b)), up
		}
	}
	word = strings.ToLower(raw)
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(word, suf) && len(word) > len(suf) {
			word = word[:len(word)-len(suf)]
		}
	}
	if strings.ContainsAny(word, "'’") {
		word = strings.NewReplacer("'", "", "’", "").Replace(word)
	}
	return j, word, upper == letters && letters >= 2
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// analyze returns the distinct word terms (stop words dropped, stemmed) and
// the distinct normalised figures of text, each in order of appearance,
// and for each word whether the text writes it as a name (see nameHint).
func analyze(text string) (words []string, hints []int8, figs []string) {
	toks := tokenize(text, make([]token, 0, 32))
	figs = parseFigures(toks)
	if len(figs) > maxFigs {
		figs = figs[:maxFigs]
	}
	words, hints = wordTerms(toks, make([]string, 0, len(toks)), make([]int8, 0, len(toks)))
	return words, hints, figs
}

// maxFigs: the score tracks matched figures in a 64-bit mask; a statement
// with more figures than that is a table, not a claim.
const maxFigs = 64

// Name hints: whether a word is a proper name, as evidenced by one text.
// The index sums them per term (see Index.isName): "Yemen" is capitalised
// mid-sentence wherever it appears, "unemployment" only at the start of a
// sentence, where a capital proves nothing.
const (
	hintNone  int8 = 0  // no evidence
	hintMaybe int8 = 1  // capitalised at the start of a sentence: weak evidence
	hintName  int8 = 2  // capitalised mid-sentence, or an acronym
	hintWord  int8 = -2 // written in lower case
)

func nameHint(t *token) int8 {
	switch {
	case t.caps:
		return hintName
	case t.first && t.upper:
		return hintMaybe
	case t.first:
		return hintNone
	case t.upper:
		return hintName
	}
	return hintWord
}

// wordTerms appends the content words of toks not consumed by figures, and
// their name hints.
func wordTerms(toks []token, out []string, hints []int8) ([]string, []int8) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tWord || t.used {
			continue
		}
		w, hint := t.text, nameHint(t)
		switch {
		case t.caps && (w == "us" || w == "usa"):
			w = "usa" // "US" the country, not the pronoun
		case (w == "united" || w == "great") && i+1 < len(toks) && toks[i+1].kind == tWord:
			switch toks[i+1].text {
			case "states":
				w, hint = "usa", hintName
				i++
			case "kingdom", "britain":
				w, hint = "uk", hintName
				i++
			}
		case stopWords[w] || utf8.RuneCountInString(w) < 2:
			continue
		}
		if c := demonyms[w]; c != "" {
			w, hint = c, hintName
		}
		w = stem(w)
		if k := slices.Index(out, w); k >= 0 {
			if hint == hintName || hint == hintWord || hints[k] == hintNone {
				hints[k] = hint // later, stronger evidence
			}
			continue
		}
		out, hints = append(out, w), append(hints, hint)
	}
	return out, hints
}

// demonyms map adjectives of place to the place, so "Spanish unemployment"
// and "unemployment in Spain" share their subject. Only the common ones.
var demonyms = func() map[string]string {
	m := map[string]string{}
	for _, pair := range strings.Fields(`american:usa british:uk britain:uk english:england scottish:scotland
		welsh:wales irish:ireland french:france german:germany italian:italy spanish:spain portuguese:portugal
		dutch:netherlands belgian:belgium swiss:switzerland austrian:austria swedish:sweden norwegian:norway
		danish:denmark finnish:finland polish:poland czech:czechia slovak:slovakia hungarian:hungary
		romanian:romania bulgarian:bulgaria greek:greece turkish:turkey russian:russia ukrainian:ukraine
		belarusian:belarus georgian:georgia armenian:armenia chinese:china japanese:japan korean:korea
		indian:india pakistani:pakistan afghan:afghanistan iranian:iran iraqi:iraq syrian:syria
		lebanese:lebanon israeli:israel palestinian:palestine egyptian:egypt libyan:libya saudi:saudi
		nigerian:nigeria kenyan:kenya ethiopian:ethiopia sudanese:sudan moroccan:morocco algerian:algeria
		mexican:mexico canadian:canada brazilian:brazil argentine:argentina argentinian:argentina
		chilean:chile colombian:colombia venezuelan:venezuela peruvian:peru cuban:cuba australian:australia
		indonesian:indonesia vietnamese:vietnam thai:thailand filipino:philippines european:europe
		african:africa asian:asia`) {
		k, v, _ := strings.Cut(pair, ":")
		m[k] = v
	}
	return m
}()

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stem strips the common English inflections so that "traded", "trades",
// "trading" and "trade" meet ("trad"). It is deliberately light: it only
// needs to be consistent between two statements, not produce real words,
// and aggressive stemmers merge words that a fact-checker would not.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y" // countries -> country
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y" // studied -> study
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		// crisis, virus, loss: not plurals
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "eed"):
		// agreed, speed
	case strings.HasSuffix(w, "ed") && hasVowel(w[:len(w)-2]) && len(w) > 4:
		w = undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && hasVowel(w[:len(w)-3]) && len(w) > 5:
		w = undouble(w[:len(w)-3])
	}
	if len(w) > 3 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1] // trade -> trad, to meet traded
	}
	return w
}

// undouble: stopped -> stopp -> stop; but fall, miss, buzz keep theirs.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// stopWords carry no claim. Approximators ("about", "nearly", "some") are
// stop words because "about $5.2bn" and "$5.2bn" make the same claim;
// direction words ("up", "down", "more", "less", "over") are NOT, because
// they change it.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet if then than that this these those
		of in on at to from by for with without between into onto upon within via per as
		is are was were be been being am has have had having do does did doing done
		will would shall should can could may might must ought
		i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
		who whom whose which what when where why how there here
		not no nor only own same such too very just also even still
		all any both each few many much most other some several
		about around approximately roughly nearly almost some estimated circa
		said says say saying told according
		one ones it's its dont doesnt didnt isnt wasnt arent werent wont cant
		mr mrs ms dr`) {
		m[w] = true
	}
	return m
}()
