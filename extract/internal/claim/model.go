package claim

import (
	"math"
	"strings"
)

// NumSparse is the number of word and word-shape features the model keeps:
// the most frequent ones in its training data (see Train). Rarer words and
// word pairs, mostly topic words that do not carry over to unseen debates
// or to news, get no weight.
const NumSparse = 3000

// NumDense is the number of structural features (see features.go).
const NumDense = len(denseFeatures) + len(classFeatures)

// Model is a logistic regression over the dense cue features and sparse
// word features. Its bias is shifted so that probability 0.5 is the
// decision point.
type Model struct {
	Bias  float64
	Dense [NumDense]float64
	// Keys are the hashes of the sparse features, sorted; Sparse holds
	// their weights.
	Keys   [NumSparse]uint32
	Sparse [NumSparse]float64
	// Index[b] is the first position of Keys whose top bits are >= b, so
	// that a look-up scans a handful of keys (derived from Keys, see
	// BuildIndex).
	Index [indexSize + 1]uint16
	// Options are the feature switches the model was fit with.
	Options Options
}

const indexBits = 12
const indexSize = 1 << indexBits

// BuildIndex fills m.Index from m.Keys.
func (m *Model) BuildIndex() {
	p := 0
	for b := 0; b <= indexSize; b++ {
		for p < NumSparse && int(m.Keys[p]>>(32-indexBits)) < b {
			p++
		}
		m.Index[b] = uint16(p)
	}
}

// weight returns the weight of sparse feature h, or 0 when the model has
// none.
func (m *Model) weight(h uint32) float64 {
	b := h >> (32 - indexBits)
	for p := m.Index[b]; p < m.Index[b+1]; p++ {
		if m.Keys[p] == h {
			return m.Sparse[p]
		}
	}
	return 0
}

// Vector is a sentence's features: dense values and sparse feature hashes.
type Vector struct {
	Dense [NumDense]float32
	Words []uint32
}

// hashWord is FNV-1a of the lower-cased word. Numbers share one value so
// that the bag of words carries no particular figures.
func hashWord(t *token) uint32 {
	if t.symbol != 0 {
		return uint32(t.symbol)
	}
	if t.num {
		return 7
	}
	return t.h
}

// stem strips a common inflection from w (crudely: "wanted" -> "want").
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	case len(w) > 4 && strings.HasSuffix(w, "e"):
		return w[:len(w)-1]
	}
	return w
}

// pairs appends a sparse feature for each pair of non-zero dense features.
func pairs(d *[NumDense]float32, out []uint32) []uint32 {
	var on [NumDense]uint8
	n := 0
	for i, x := range d {
		if x != 0 {
			on[n] = uint8(i)
			n++
		}
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			out = append(out, mix(mix(77, uint32(on[a])), uint32(on[b])))
		}
	}
	return out
}

// Shape classes of open-class words.
const (
	shapeBOS uint32 = iota + 1
	shapeEOS
	shapeYear
	shapeNumSmall
	shapeNum
	shapeNumBig
	shapeName
	shapeEd
	shapeIng
	shapeLy
	shapeAbstract
	shapePlural
	shapeEst
	shapeEr
	shapeWord
	shapeSym
)

// unit is the n-gram unit of t: the word itself for function and cue words,
// its shape for numbers, names and other open-class words.
func unit(t *token, classGrams bool) uint32 {
	w := t.low
	switch {
	case t.symbol != 0:
		return uint32(t.symbol)*0x9e3779b1 + shapeSym
	case t.num:
		return numberShape(w)
	case t.f != 0:
		return t.h | 1<<31
	case classGrams && t.g&gClasses != 0:
		return mix(99, t.g&gClasses)
	case t.cap && !t.initial:
		return shapeName
	}
	for _, s := range suffixShapes {
		if len(w) >= s.minLen && hasAnySuffix(w, s.suffixes) {
			return s.shape
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return shapePlural
	}
	return shapeWord
}

// numberShape is the shape of a number: a year, a small, a plain or a big
// (or decimal) one.
func numberShape(w string) uint32 {
	switch {
	case isYear(w):
		return shapeYear
	case strings.ContainsAny(w, ".,") || len(w) > 3:
		return shapeNumBig
	case len(w) <= 2:
		return shapeNumSmall
	}
	return shapeNum
}

// suffixShapes are the shapes of open-class words by their ending, tried
// in order: a word of at least minLen bytes with one of the suffixes.
var suffixShapes = [...]struct {
	minLen   int
	suffixes []string
	shape    uint32
}{
	{5, []string{"ed"}, shapeEd},
	{5, []string{"ing"}, shapeIng},
	{5, []string{"ly"}, shapeLy},
	{6, []string{"tion", "sion", "ment", "ness", "ity", "ance", "ence"}, shapeAbstract},
	{6, []string{"est"}, shapeEst},
	{5, []string{"er"}, shapeEr},
}

func hasAnySuffix(w string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func mix(h, x uint32) uint32 {
	h ^= x
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// sparse appends the hashed sparse features of toks to out: words, and
// n-grams of word-or-shape units with sentence start and end markers.
func sparse(toks []token, out []uint32, o *Options) []uint32 {
	add := func(h uint32) { out = append(out, h) }
	if o.RawWords {
		for i := range toks {
			if o.Stems > 0 && toks[i].symbol == 0 && !toks[i].num {
				add(mix(3, Hash(stem(toks[i].low))))
				if o.Stems == 2 {
					continue
				}
			}
			add(mix(1, hashWord(&toks[i])))
			if o.Bigrams && i > 0 {
				add(mix(mix(2, hashWord(&toks[i-1])), hashWord(&toks[i])))
			}
		}
	}
	if o.Frames > 0 {
		out = frames(toks, out, o.Frames)
	}
	if o.Grams == 0 {
		return out
	}
	p2, p1 := shapeBOS, shapeBOS
	for i := 0; i <= len(toks); i++ {
		u := shapeEOS
		if i < len(toks) {
			u = unit(&toks[i], o.ClassGrams)
			add(mix(11, u))
		}
		if o.Grams >= 2 {
			add(mix(mix(22, p1), u))
		}
		if o.Grams >= 3 && i > 0 {
			add(mix(mix(mix(33, p2), p1), u))
		}
		p2, p1 = p1, u
	}
	return out
}

// Vectorize computes the features of sentence s with the switches o.
func Vectorize(s string, o Options) (Vector, Cues) {
	var tb [96]token
	var sb [1024]byte
	toks, _ := tokenize(s, tb[:0], sb[:0])
	var c Cues
	analyse(&c, s, toks)
	if o.FoldGender {
		foldGender(toks)
	}
	var v Vector
	dense(&c, &v.Dense, o.Classes)
	v.Words = sparse(toks, make([]uint32, 0, 4*len(toks)+4), &o)
	if o.Pairs {
		v.Words = pairs(&v.Dense, v.Words)
	}
	return v, c
}

// Scorer scores sentences with buffers it reuses from one sentence to the
// next, so that scoring a document allocates only for the reasons it
// returns. The zero value is ready to use; a Scorer is not safe for
// concurrent use.
type Scorer struct {
	toks    []token
	scratch []byte
	feats   []uint32
	reasons []string // slab shared by the reasons of successive sentences
	cues    Cues     // of the last sentence scored
}

// score returns the model's probability for s; its cues are left in
// sc.cues.
func (sc *Scorer) score(m *Model, s string) float64 {
	if sc.toks == nil {
		sc.toks, sc.scratch, sc.feats = make([]token, 0, 128), make([]byte, 0, 1024), make([]uint32, 0, 512)
	}
	sc.toks, sc.scratch = tokenize(s, sc.toks[:0], sc.scratch[:0])
	toks := sc.toks
	c := &sc.cues
	analyse(c, s, toks)
	o := &m.Options
	if o.FoldGender {
		foldGender(toks)
	}
	var d [NumDense]float32
	dense(c, &d, o.Classes)
	z := m.Bias
	for i, x := range d {
		z += m.Dense[i] * float64(x)
	}
	sc.feats = sparse(toks, sc.feats[:0], o)
	if o.Pairs {
		sc.feats = pairs(&d, sc.feats)
	}
	for _, h := range sc.feats {
		z += m.weight(h)
	}
	return sigmoid(z)
}

// score returns the model's probability for s and its cues.
func (m *Model) score(s string) (float64, Cues) {
	var sc Scorer
	p := sc.score(m, s)
	return p, sc.cues
}

func sigmoid(z float64) float64 {
	if z < -30 {
		z = -30
	} else if z > 30 {
		z = 30
	}
	return 1 / (1 + math.Exp(-z))
}
