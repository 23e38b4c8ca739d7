package claim

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Example is one labelled sentence.
type Example struct {
	Text  string
	Label bool
	ID    int // position in the source (row id); folds are contiguous id ranges
}

// TrainOptions control the fit. The zero value is not useful; start from
// DefaultTrainOptions.
type TrainOptions struct {
	Options // the features to fit; the model keeps them
	Epochs  int
	Rate    float64 // Adagrad base learning rate
	L2Dense float64 // L2 penalty on structural features
	L2Words float64 // L2 penalty on sparse word features (kept higher: topics do not generalise)
	Folds   int     // folds used to choose the decision threshold
	Seed    uint64
	NoRules bool // score with the bare model (for ablation)
	// GroupedFolds makes folds of contiguous id ranges (whole debates, as
	// ids are chronological) rather than interleaved rows, so the
	// threshold is chosen for text unlike the training text.
	GroupedFolds bool
}

// DefaultTrainOptions returns the settings used for the committed model.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Options: DefaultOptions(), Epochs: 10, Rate: 0.1, L2Dense: 1e-5, L2Words: 1e-3, Folds: 5, Seed: 1, GroupedFolds: true}
}

// Train fits a model on examples and shifts its bias so that 0.5 is the
// threshold that maximised F1 over cross-validation folds of the examples
// (after the product's rules, see Judge). Folds are contiguous id ranges
// (see TrainOptions.GroupedFolds). It is deterministic.
func Train(examples []Example, o TrainOptions) Model {
	vecs := make([]Vector, len(examples))
	for i, e := range examples {
		vecs[i], _ = Vectorize(e.Text, o.Options)
	}
	// Out-of-fold probabilities choose the threshold.
	oof := make([]float64, len(examples))
	force := make([]int8, len(examples))
	fold := folds(examples, o.Folds, o.GroupedFolds)
	if o.Folds > 1 {
		for f := 0; f < o.Folds; f++ {
			var idx []int
			for i := range examples {
				if fold[i] != f {
					idx = append(idx, i)
				}
			}
			m := fit(vecs, examples, idx, o)
			for i := range examples {
				if fold[i] == f {
					oof[i], force[i] = judged(&m, examples[i].Text, o.NoRules)
				}
			}
		}
	}
	all := make([]int, len(examples))
	for i := range all {
		all[i] = i
	}
	m := fit(vecs, examples, all, o)
	if o.Folds > 1 {
		t := bestThreshold(oof, force, examples)
		// Rules only cap below or floor above every threshold, so
		// shifting the logit by the threshold moves the model's cut-off
		// to 0.5 and leaves the rules' verdicts as they were in the search.
		m.Bias -= math.Log(t / (1 - t))
	}
	return m
}

// selectKeys returns the NumSparse features that occur in most of the
// examples idx (ties by hash), sorted by hash.
func selectKeys(vecs []Vector, idx []int) []uint32 {
	df := map[uint32]int{}
	for _, i := range idx {
		seen := map[uint32]bool{}
		for _, h := range vecs[i].Words {
			if !seen[h] {
				seen[h] = true
				df[h]++
			}
		}
	}
	keys := make([]uint32, 0, len(df))
	for h := range df {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(a, b int) bool {
		if df[keys[a]] != df[keys[b]] {
			return df[keys[a]] > df[keys[b]]
		}
		return keys[a] < keys[b]
	})
	keys = keys[:min(len(keys), NumSparse)]
	slices.Sort(keys)
	return keys
}

// folds assigns each example to one of k folds, contiguous id ranges
// when grouped.
func folds(ex []Example, k int, grouped bool) []int {
	f := make([]int, len(ex))
	if k <= 1 {
		return f
	}
	if !grouped {
		for i := range f {
			f[i] = i % k
		}
		return f
	}
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ex[order[a]].ID < ex[order[b]].ID })
	for r, i := range order {
		f[i] = r * k / len(ex)
	}
	return f
}

// judged returns the model's probability for s and the rules' verdict
// (see Forced; always 0 with noRules). The threshold search applies the
// verdict rather than the capped score: a cap of 0.4 must keep a sentence
// out even when the threshold tried is 0.3.
func judged(m *Model, s string, noRules bool) (float64, int8) {
	p, c := m.score(s)
	if noRules {
		return p, 0
	}
	return p, Forced(&c, false)
}

func fit(vecs []Vector, ex []Example, idx []int, o TrainOptions) Model {
	m := Model{Options: o.Options}
	keys := selectKeys(vecs, idx)
	for i := range m.Keys {
		m.Keys[i] = math.MaxUint32 // unused slots (fewer features than NumSparse)
	}
	copy(m.Keys[:], keys)
	m.BuildIndex()
	pos := make(map[uint32]int, len(keys))
	for i, h := range keys {
		pos[h] = i
	}
	// Each example's sparse features as weight indexes.
	feats := make([][]int, len(vecs))
	for _, i := range idx {
		for _, h := range vecs[i].Words {
			if k, ok := pos[h]; ok {
				feats[i] = append(feats[i], k)
			}
		}
	}
	var g2b float64
	var g2d [NumDense]float64
	var g2s [NumSparse]float64
	r := rand.New(rand.NewPCG(o.Seed, 2))
	order := append([]int(nil), idx...)
	for ep := 0; ep < o.Epochs; ep++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			v := &vecs[i]
			y := 0.0
			if ex[i].Label {
				y = 1
			}
			z := m.Bias
			for k, x := range v.Dense {
				z += m.Dense[k] * float64(x)
			}
			for _, k := range feats[i] {
				z += m.Sparse[k]
			}
			g := sigmoid(z) - y
			g2b += g * g
			m.Bias -= o.Rate * g / math.Sqrt(g2b+1e-8)
			for k, x := range v.Dense {
				if x == 0 {
					continue
				}
				gk := g*float64(x) + o.L2Dense*m.Dense[k]
				g2d[k] += gk * gk
				m.Dense[k] -= o.Rate * gk / math.Sqrt(g2d[k]+1e-8)
			}
			for _, k := range feats[i] {
				gk := g + o.L2Words*m.Sparse[k]*float64(len(idx))/100
				g2s[k] += gk * gk
				m.Sparse[k] -= o.Rate * gk / math.Sqrt(g2s[k]+1e-8)
			}
		}
	}
	return m
}

func bestThreshold(p []float64, force []int8, ex []Example) float64 {
	best, bestF := 0.5, -1.0
	for t := 0.2; t <= 0.8; t += 0.01 {
		var s Scores
		for i := range p {
			s.Add(force[i] > 0 || force[i] == 0 && p[i] >= t, ex[i].Label)
		}
		if f := s.F1(); f > bestF {
			best, bestF = t, f
		}
	}
	return best
}

// Scores counts a binary confusion matrix for the positive class.
type Scores struct{ TP, FP, FN, TN int }

// Add records one prediction.
func (s *Scores) Add(pred, gold bool) {
	switch {
	case pred && gold:
		s.TP++
	case pred:
		s.FP++
	case gold:
		s.FN++
	default:
		s.TN++
	}
}

// Precision of the positive class.
func (s Scores) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall of the positive class.
func (s Scores) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 of the positive class.
func (s Scores) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
