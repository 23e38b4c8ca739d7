package extract

import (
	"strings"
	"unicode/utf8"
)

// Byte-level helpers shared by the furniture filter, the segmenter and the
// facet scanner. They work on the original document so that every offset we
// hand out points into it, and they never assume valid UTF-8: an invalid byte
// is simply a one-byte "letter-less" rune.

// spaceAt reports the byte length of the whitespace rune at doc[i], or 0.
// NUL and other C0 controls count as space so that they never start or end a
// statement.
func spaceAt(doc string, i int) int {
	c := doc[i]
	if c < utf8.RuneSelf {
		if c <= ' ' || c == 0x7f {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(doc[i:])
	switch r {
	case 0x00a0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return n
	}
	if r >= 0x2000 && r <= 0x200b {
		return n
	}
	return 0
}

// isSpaceByte is the ASCII-only fast path of spaceAt.
func isSpaceByte(c byte) bool { return c <= ' ' || c == 0x7f }

// trimSpan narrows [s,e) so that it neither starts nor ends with whitespace.
func trimSpan(doc string, s, e int) (int, int) {
	for s < e {
		n := spaceAt(doc, s)
		if n == 0 {
			break
		}
		s += n
	}
	for e > s {
		_, n := utf8.DecodeLastRuneInString(doc[s:e])
		if n == 0 || spaceAt(doc, e-n) == 0 {
			break
		}
		e -= n
	}
	return s, e
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isUpper(c) || isLower(c) || isDigit(c) }

// runeUpper and runeLower classify the rune at doc[i] for boundary decisions;
// non-ASCII letters are decoded so that "Élysée" starts a sentence.
func runeUpper(doc string, i int) bool {
	if i >= len(doc) {
		return false
	}
	if doc[i] < utf8.RuneSelf {
		return isUpper(doc[i])
	}
	r, _ := utf8.DecodeRuneInString(doc[i:])
	return r >= 0xc0 && r <= 0xde && r != 0xd7 || r >= 0x391 && r <= 0x3a9 || r >= 0x410 && r <= 0x42f
}

func runeLower(doc string, i int) bool {
	if i >= len(doc) {
		return false
	}
	if doc[i] < utf8.RuneSelf {
		return isLower(doc[i])
	}
	r, _ := utf8.DecodeRuneInString(doc[i:])
	return r >= 0xdf && r <= 0xff && r != 0xf7 || r >= 0x3b1 && r <= 0x3c9 || r >= 0x430 && r <= 0x44f
}

// lowerASCII writes the ASCII-lowercased s into buf (reusing it) so that
// word look-ups in maps do not allocate.
func lowerASCII(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// lowerDoc returns doc with its ASCII letters lower-cased and every other
// byte as it is: the same length, so doc[s:e] lower-cased is
// lowerDoc(doc)[s:e]. The furniture filter and the facet scanner look words
// up in it, one copy per document instead of one per line or word.
func lowerDoc(doc string) string {
	i := 0
	for i < len(doc) && !isUpper(doc[i]) {
		i++
	}
	if i == len(doc) {
		return doc
	}
	var b strings.Builder
	b.Grow(len(doc))
	for i < len(doc) {
		b.WriteString(doc[b.Len():i])
		b.WriteByte(doc[i] + 'a' - 'A')
		for i++; i < len(doc) && !isUpper(doc[i]); i++ {
		}
	}
	b.WriteString(doc[b.Len():])
	return b.String()
}

// set builds a lookup table from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
