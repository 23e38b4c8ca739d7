package claim

import (
	"math"
)

// HashBuckets is the size of the hashed bag of words. Kept small on purpose:
// word weights memorise topics, which does not generalise to unseen debates
// or to news.
const HashBuckets = 2048

// NumDense is the number of structural features (see dense).
const NumDense = 55

// Model is a logistic regression over the dense cue features and hashed
// words. Its bias is shifted so that probability 0.5 is the decision point.
type Model struct {
	Bias  float64
	Dense [NumDense]float64
	Hash  [HashBuckets]float64
}

// Vector is a sentence's features: dense values and hashed word ids.
type Vector struct {
	Dense [NumDense]float32
	Words []uint16
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

func log1p(n int) float32 { return float32(math.Log1p(float64(n))) }

// dense maps cues to the model's structural features. Keep the order stable:
// it is the layout of Model.Dense.
func dense(c *Cues, v *[NumDense]float32) {
	hasFigure := c.Numbers > 0 || c.Percent || c.Money
	past := c.Past > 0 || c.PresentPerfect > 0
	*v = [NumDense]float32{
		b2f(c.Numbers > 0), log1p(c.Numbers), b2f(c.Years > 0), b2f(c.Percent), b2f(c.Money),
		b2f(c.Unit), b2f(c.NumberWord), b2f(c.DateWord), b2f(c.Comparative), b2f(c.Superlative),
		b2f(c.AttributionVerb), b2f(c.NamedSource), b2f(c.SaidThat), b2f(c.Past > 0), log1p(c.Past),
		b2f(c.PresentPerfect > 0), b2f(c.Official), b2f(c.Historical), log1p(c.Topic), b2f(c.FirstSingular),
		b2f(c.FirstPlural), b2f(c.Second), b2f(c.Opinion), b2f(c.Hedge), b2f(c.Future),
		b2f(c.Obligation), b2f(c.Negation), b2f(c.Question), b2f(c.WhStart), b2f(c.Imperative),
		b2f(c.Talk), b2f(c.Evaluative), log1p(c.ProperNouns), b2f(c.Quote), b2f(c.Words <= 4),
		b2f(c.Words >= 5 && c.Words < 10), b2f(c.Words >= 10 && c.Words < 20), b2f(c.Words >= 20 && c.Words < 35), b2f(c.Words >= 35), b2f(c.ConnectiveStart),
		b2f(c.PronounStart), b2f(c.Definition), b2f(hasFigure && past), b2f(hasFigure && c.FirstSingular), b2f(c.ThereIs),
		b2f(c.Exclamation), b2f(hasFigure && c.Comparative), b2f(c.Years > 0 && past), b2f(c.FirstSingular && c.Opinion), b2f(past && c.ProperNouns > 0),
		b2f(c.Future && !past), b2f(hasFigure && c.Topic > 0), log1p(c.ThirdPerson), b2f(c.ThirdPerson > 0 && past), b2f(c.Second && past),
	}
}

// hashWord is FNV-1a folded into the bucket range. Numbers share one bucket
// so that the bag of words carries no particular figures.
func hashWord(t *token) uint16 {
	if t.symbol != 0 {
		return uint16(t.symbol) % HashBuckets
	}
	if t.num {
		return 7
	}
	h := uint32(2166136261)
	for i := 0; i < len(t.low); i++ {
		h ^= uint32(t.low[i])
		h *= 16777619
	}
	return uint16(h % HashBuckets)
}

// Bigrams adds hashed word pairs to the bag of words.
var Bigrams = false

func hashPair(a, b *token) uint16 {
	h := uint32(hashWord(a))*2654435761 ^ uint32(hashWord(b))*40503
	h ^= h >> 15
	return uint16(h % HashBuckets)
}

// Vectorize computes the features of sentence s.
func Vectorize(s string) (Vector, Cues) {
	var tb [96]token
	var sb [512]byte
	toks, _ := tokenize(s, tb[:0], sb[:0])
	c := analyse(s, toks)
	var v Vector
	dense(&c, &v.Dense)
	v.Words = make([]uint16, 0, 2*len(toks))
	for i := range toks {
		v.Words = append(v.Words, hashWord(&toks[i]))
		if Bigrams && i > 0 {
			v.Words = append(v.Words, hashPair(&toks[i-1], &toks[i]))
		}
	}
	return v, c
}

// score returns the model's probability for s and its cues, without
// allocating for ordinary sentences.
func (m *Model) score(s string) (float64, Cues) {
	var tb [96]token
	var sb [512]byte
	toks, _ := tokenize(s, tb[:0], sb[:0])
	c := analyse(s, toks)
	var d [NumDense]float32
	dense(&c, &d)
	z := m.Bias
	for i, x := range d {
		z += m.Dense[i] * float64(x)
	}
	for i := range toks {
		z += m.Hash[hashWord(&toks[i])]
		if Bigrams && i > 0 {
			z += m.Hash[hashPair(&toks[i-1], &toks[i])]
		}
	}
	return sigmoid(z), c
}

func (m *Model) logit(v *Vector) float64 {
	z := m.Bias
	for i, x := range v.Dense {
		z += m.Dense[i] * float64(x)
	}
	for _, h := range v.Words {
		z += m.Hash[h]
	}
	return z
}

func sigmoid(z float64) float64 {
	if z < -30 {
		z = -30
	} else if z > 30 {
		z = 30
	}
	return 1 / (1 + math.Exp(-z))
}
