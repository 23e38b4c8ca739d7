package claim

import (
	"strings"
	"unicode/utf8"
)

// token is one word, number or symbol of a sentence, lower-cased.
type token struct {
	low     string
	h       uint32 // Hash(low), or the masculine form's (see foldGender)
	f       uint32 // lexicon bits of low
	g       uint32 // class bits of low (see classes.go)
	end     int32  // where low ends in the sentence's lower-cased words (while tokenizing)
	cap     bool   // first letter upper case
	num     bool   // contains a digit
	symbol  byte   // '$', '%', '€' (as 'E'), '£' (as 'L') or 0
	initial bool   // first token of the sentence
}

// maxTokens bounds the words read from one sentence.
const maxTokens = 512

// tokenize splits s into tokens, appending to buf. Apostrophes (’ too) stay
// inside words; digits keep their separators ("2,300", "5.2bn"). Each word
// gets its hash and lexicon bits. The lower-cased words are written to
// scratch (reused between sentences) and copied into one string per
// sentence, which the tokens' low fields share.
func tokenize(s string, buf []token, scratch []byte) ([]token, []byte) {
	scratch = scratch[:0]
	start := len(buf)
	for i, words := 0, 0; i < len(s) && words < maxTokens; {
		if sym, n := symbolAt(s, i); n > 0 {
			buf = append(buf, token{symbol: sym})
			i += n
			continue
		}
		if n := footnoteAt(s, i); n > 0 {
			i += n // "[4]": a footnote marker, not a figure of the sentence
			continue
		}
		if !wordByte(s, i) {
			i += runeLen(s, i)
			continue
		}
		c := s[i]
		t := token{cap: c >= 'A' && c <= 'Z' || c >= 0xc3 && c <= 0xd0}
		i, scratch, t.h, t.num = lowerWord(s, i, scratch)
		t.end = int32(len(scratch))
		buf = append(buf, t)
		words++
	}
	if len(buf) == start {
		return buf, scratch
	}
	buf[start].initial = true
	low := string(scratch)
	from := int32(0)
	for k := start; k < len(buf); k++ {
		if t := &buf[k]; t.symbol == 0 {
			t.low = low[from:t.end]
			from = t.end
			v := lexTable.Get(t.h, t.low)
			t.f, t.g = uint32(v), uint32(v>>32)
		}
	}
	return buf, scratch
}

// symbolAt returns the symbol token at s[i] and its length in bytes, or
// 0, 0.
func symbolAt(s string, i int) (byte, int) {
	switch c := s[i]; {
	case c == '$' || c == '%':
		return c, 1
	case c == 0xe2 && strings.HasPrefix(s[i:], "€"):
		return 'E', len("€")
	case c == 0xc2 && strings.HasPrefix(s[i:], "£"):
		return 'L', len("£")
	}
	return 0, 0
}

// runeLen is the length in bytes of the rune at s[i] (1 for an invalid
// byte).
func runeLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// lowerWord reads the word that starts at s[i], appends it lower-cased to
// scratch and returns where it ends, its hash and whether it has a digit.
// ASCII letters are lower-cased, a typographic apostrophe before a
// lower-case letter becomes "'", other bytes of other scripts are kept.
func lowerWord(s string, i int, scratch []byte) (end int, _ []byte, h uint32, num bool) {
	h = HashInit
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			num = true
		case c == 0xe2 && endsWord(s[i:]):
			if !strings.HasPrefix(s[i:], "’") || i+3 >= len(s) || s[i+3] < 'a' || s[i+3] > 'z' {
				return i, scratch, h, num
			}
			c = '\''
			i += len("’") - 1
		case c >= 0x80:
		case (c == '.' || c == ',') && num && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
		case c == '\'' && i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z':
		default:
			return i, scratch, h, num
		}
		scratch = append(scratch, c)
		h = HashByte(h, c)
	}
	return i, scratch, h, num
}

// endsWord: s starts with a typographic quote or a dash (an apostrophe
// continues a word when a lower-case letter follows it).
func endsWord(s string) bool {
	for _, p := range [...]string{"’", "”", "“", "–", "—"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// wordByte: a word starts at s[i] (an ASCII letter or digit, or a letter
// of another script).
func wordByte(s string, i int) bool {
	c := s[i]
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
		return true
	}
	if c < 0x80 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError && (r >= 0xc0 && r < 0x2000)
}

// feminine pronouns and the hash of the masculine form each counts as
// ("her" is taken as "him"; telling it from "his" needs a parser). A short
// scan, on words that start with s or h, is cheaper than a map look-up on
// every word.
var feminine = func() (f [7]struct {
	word    string
	h, masc uint32
}) {
	for i, p := range [...][2]string{{"she", "he"}, {"her", "him"}, {"hers", "his"}, {"herself", "himself"},
		{"she's", "he's"}, {"she'd", "he'd"}, {"she'll", "he'll"}} {
		f[i].word, f[i].h, f[i].masc = p[0], Hash(p[0]), Hash(p[1])
	}
	return f
}()

// foldGender gives feminine pronouns among toks the hash of the masculine
// form they count as (see Options.FoldGender).
func foldGender(toks []token) {
	for i := range toks {
		toks[i].h = masculine(&toks[i])
	}
}

// masculine returns the hash t's word counts as.
func masculine(t *token) uint32 {
	if t.low != "" && len(t.low) <= 7 && (t.low[0] == 's' || t.low[0] == 'h') {
		for i := range feminine {
			if f := &feminine[i]; f.h == t.h && f.word == t.low {
				return f.masc
			}
		}
	}
	return t.h
}

// footnoteAt returns the length of a footnote marker ("[4]", "[12]") at
// s[i], or 0.
func footnoteAt(s string, i int) int {
	if s[i] != '[' {
		return 0
	}
	k := i + 1
	for k < len(s) && k-i <= 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == i+1 || k >= len(s) || s[k] != ']' {
		return 0
	}
	return k + 1 - i
}
