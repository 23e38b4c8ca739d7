package match

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"
)

// Threshold is the lowest Score Query returns. At 0.5 a statement must
// share at least a third of its weighted words with the query (see Query)
// and, if the figures disagree, share nearly all its words and most of its
// figures; the tests pin down which real pairs fall on which side.
const Threshold = 0.5

// DefaultLimit is used when Query is given limit <= 0.
const DefaultLimit = 10

// Retrieval budgets. maxScan bounds the posting-list entries merged per
// query, maxExact the statements scored in full; together they keep a query
// under a millisecond at 1M statements. Claims name something rare (a
// figure, a name, an unusual word) whose lists are short and come first,
// so the budget cuts off only common words (see Query).
const (
	maxScan  = 12_000
	maxExact = 5_000
)

// Query returns the indexed statements that make the same claim as text,
// best first, at most limit (DefaultLimit if limit <= 0), leaving out those
// of article excludeArticle (0 excludes nothing).
//
// Score = words × names × figures, each in [0, 1]:
//
//	words   = 2·Σ_{t ∈ Q∩D} w(t) / (Σ_{t ∈ Q} w(t) + Σ_{t ∈ D} w(t))   weighted Dice over word sets
//	w(t)    = ln(1 + N/df(t))                                            IDF over the indexed statements
//	names   = (n + 1) / (n + 1 + 4s)
//	figures = (m + 1) / (m + 1 + 3c + e/4)
//
// Words are the content words after normalisation (lower case, no
// punctuation or stop words, light stemming, demonyms to places); figures
// are the normalised figures (see Figures), kept out of the words.
//
// Names guard the subject of a claim: "unemployment in Yemen rose to 1.5%"
// is not "unemployment in Nepal rose to 1.5%" although nearly every word
// and figure agree. A word is a name when the indexed statements mostly
// write it capitalised mid-sentence (acronyms count; the first word of a
// sentence counts half). n counts names both share, s the swapped ones:
// min(names only the query has, names only the statement has). A name only
// one side mentions ("Chancellor Olaf Scholz" vs "Scholz") is not a swap;
// one swap against three shared names halves the score.
//
// Figures: m counts figures both statements share; c counts conflicting
// figures, unmatched ones of a kind the other statement also has unmatched
// ("$6.1bn" against "$5.2bn" counts 2); e counts the other unmatched
// figures (a year only one side mentions). So identical figures leave the
// score alone, an extra figure costs a little, and a conflict costs a lot:
// the same sentence with "$6.1bn" instead of "$5.2bn" and three more
// figures in common scores 4/10 — not a match — and a one-figure claim
// with another figure scores 1/7. Statements with the same figures but
// other words score low through words.
//
// Only scores ≥ Threshold are returned.
//
// Retrieval merges posting lists, it does not scan statements. The query's
// words and figures are taken rarest first. Before each list the best score
// a statement in none of the lists taken so far could reach is
// 2R/(W+R) × (M+1)/(M+1+(k−M)/4) (R: word weight left, W: query word
// weight, M: figures left of the query's k); once it is below the
// threshold no more lists are needed. The lists taken are merged (they are
// sorted by slot, so this is sequential) into candidates with their shared
// weight; a candidate is scored in full only if the same bound, with what
// its 128-bit signature says it may share among the lists not taken, can
// still reach the threshold. Up to that point the result is exact. If the
// lists needed exceed maxScan entries, the merge takes only the rarer ones
// and the result is approximate: a statement sharing none of the query's
// rarer words and figures is not found, and the same claim nearly always
// shares its figures and names. (On the synthetic 1M benchmark corpus,
// whose template words are very common, four queries in five take this
// path with hit@1 0.999.) More than maxExact plausible candidates also make
// the result approximate.
func (ix *Index) Query(text string, excludeArticle uint, limit int) []Match {
	return ix.query(text, excludeArticle, limit, nil)
}

// queryStats describes the work of one query, for benchmarks.
type queryStats struct {
	postings   int  // posting-list entries merged
	candidates int  // distinct statements in them
	scored     int  // statements scored in full
	exact      bool // the retrieval bound was reached within budget
}

func (ix *Index) query(text string, excludeArticle uint, limit int, st *queryStats) []Match {
	words, hints, figs := analyze(text)
	if len(words) == 0 {
		return nil // a claim needs words; figures alone match too much
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.live == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	q := &sc.q
	ix.prepare(q, words, hints, figs)

	// Features rarest first: short lists are cheap and cut the bound most.
	feats := sc.feats[:0]
	wordsLeft, figsLeft := 0.0, 0
	for _, t := range q.words {
		feats = append(feats, feature{id: t.id, w: t.w, n: len(ix.post[t.id])})
		wordsLeft += float64(t.w)
	}
	for i, f := range q.figs {
		if f.id != noTerm && ix.df[f.id] > 0 {
			feats = append(feats, feature{id: f.id, fig: true, qi: uint8(i), n: len(ix.post[f.id])})
			figsLeft++
		}
	}
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Or(cmp.Compare(a.n, b.n), cmp.Compare(a.id, b.id)) })
	sc.feats = feats

	b := bound{w: q.weight, k: len(q.figs)}
	postings, taken := 0, 0
	for taken < len(feats) && b.max(wordsLeft, figsLeft) >= Threshold && postings+feats[taken].n <= maxScan {
		f := feats[taken]
		postings += f.n
		if f.fig {
			figsLeft--
		} else {
			wordsLeft -= float64(f.w)
		}
		taken++
	}
	rest := feats[taken:] // bounded per candidate through its signature
	var restFigs uint64
	for _, f := range rest {
		if f.fig {
			restFigs |= 1 << f.qi
		}
	}
	cur := sc.cur[:0]
	for _, f := range feats[:taken] {
		cur = append(cur, cursor{list: ix.post[f.id], w: f.w, fig: f.fig, qi: f.qi})
	}
	sc.top = sc.top[:0]
	candidates, scored := 0, 0
	for len(cur) > 0 && scored < maxExact {
		// The next slot in any list, and the lists holding it.
		s := cur[0].list[cur[0].pos]
		for i := 1; i < len(cur); i++ {
			s = min(s, cur[i].list[cur[i].pos])
		}
		shared, m, fm := 0.0, 0, uint64(0) // fm: query figures it may share
		for i := 0; i < len(cur); i++ {
			c := &cur[i]
			if c.list[c.pos] != s {
				continue
			}
			if c.fig {
				m++
				fm |= 1 << c.qi
			} else {
				shared += float64(c.w)
			}
			if c.pos++; c.pos == len(c.list) {
				cur[i] = cur[len(cur)-1]
				cur = cur[:len(cur)-1]
				i--
			}
		}
		candidates++
		if b.max(shared+wordsLeft, m+figsLeft) < Threshold-1e-6 {
			continue
		}
		// Figure kinds first (a small array, usually cached), then the
		// signature.
		kinds := ix.kinds[s]
		if b.words(shared+wordsLeft)*q.figBound(fm|restFigs, kinds) < Threshold-1e-6 {
			continue
		}
		sig := &ix.sigs[s]
		for _, f := range rest {
			if sig.has(f.id) {
				if f.fig {
					fm |= 1 << f.qi
				} else {
					shared += float64(f.w)
				}
			}
		}
		if b.words(shared)*q.figBound(fm, kinds) < Threshold-1e-6 {
			continue
		}
		d := &ix.docs[s]
		if !d.live || excludeArticle != 0 && d.article == excludeArticle {
			continue
		}
		scored++
		f, same := ix.figureAgreement(q.figs, d.figs(ix.arena))
		if f < Threshold {
			continue
		}
		w, names := ix.wordSim(q, d.words(ix.arena))
		if score := w * names * f; score >= Threshold {
			sc.top = insertTop(sc.top, Match{ID: d.id, ArticleID: d.article, Score: score, SameFigures: same}, limit)
		}
	}
	sc.cur = cur[:0]
	if st != nil {
		*st = queryStats{postings: postings, candidates: candidates, scored: scored,
			exact: len(rest) == 0 || b.max(wordsLeft, figsLeft) < Threshold}
	}
	if len(sc.top) == 0 {
		return nil
	}
	return slices.Clone(sc.top)
}

// cursor walks one posting list during the merge.
type cursor struct {
	list []uint32
	pos  int
	w    float32
	fig  bool
	qi   uint8 // index of the figure in query.figs
}

// feature is a query word or figure with its posting-list length.
type feature struct {
	id  uint32
	w   float32 // word weight; 0 for figures
	fig bool
	qi  uint8 // index of the figure in query.figs
	n   int
}

// bound is the best score a statement can reach sharing word weight s and
// m figures with a query of word weight w and k figures: words ≤ 2s/(w+s)
// (the statement's own weight is at least s), figures ≤ (m+1)/(m+1+(k−m)/4)
// (the query's unmatched figures are at best extras).
type bound struct {
	w float64
	k int
}

func (b bound) max(s float64, m int) float64 {
	m = min(m, b.k)
	return b.words(s) * float64(m+1) / (float64(m+1) + 0.25*float64(b.k-m))
}

func (b bound) words(s float64) float64 {
	if s <= 0 {
		return 0
	}
	return 2 * s / (b.w + s)
}

// figBound is the best figures factor for a statement that may share the
// query figures in mask fm and has figures of the kinds in mask kinds.
// Where it has a kind none of whose query figures it shares, its figures
// of that kind are unmatched, so each unmatched query figure of the kind
// conflicts, and so does at least one of its own.
func (q *query) figBound(fm uint64, kinds uint32) float64 {
	if len(q.figs) == 0 {
		if kinds != 0 {
			return 1 / 1.25 // at least one extra figure
		}
		return 1
	}
	var shared uint32 // kinds with a possibly shared figure
	for i, f := range q.figs {
		if fm>>i&1 != 0 {
			shared |= 1 << f.kind
		}
	}
	c, e := 0, 0
	var conflicting uint32
	for i, f := range q.figs {
		switch {
		case fm>>i&1 != 0:
		case kinds&(1<<f.kind) != 0 && shared&(1<<f.kind) == 0:
			c++
			conflicting |= 1 << f.kind
		default:
			e++
		}
	}
	c += bits.OnesCount32(conflicting)
	m := float64(bits.OnesCount64(fm) + 1)
	return m / (m + 3*float64(c) + 0.25*float64(e))
}

// noTerm stands for a query term the index has never seen.
const noTerm = ^uint32(0)

type qterm struct {
	id   uint32
	w    float32
	name bool
}

type qfig struct {
	id   uint32
	kind uint8
}

// query is the analysed query, against the index's term ids and weights.
type query struct {
	words  []qterm // known words, by id (for merging with a statement's sorted ids)
	weight float64 // Σ w over all query words, unknown ones included
	names  int     // query words that are names, unknown ones included
	figs   []qfig
}

func (ix *Index) prepare(q *query, words []string, hints []int8, figs []string) {
	q.words, q.figs, q.weight, q.names = q.words[:0], q.figs[:0], 0, 0
	for k, w := range words {
		if id, ok := ix.termID[w]; ok && ix.df[id] > 0 {
			name := ix.isName(id, hints[k])
			q.words = append(q.words, qterm{id, ix.idf[id], name})
			q.weight += float64(ix.idf[id])
			if name {
				q.names++
			}
		} else {
			q.weight += float64(ix.unknownIDF())
			if hints[k] > 0 {
				q.names++
			}
		}
	}
	slices.SortFunc(q.words, func(a, b qterm) int { return cmp.Compare(a.id, b.id) })
	for _, f := range figs {
		id, ok := ix.termID[f]
		if !ok {
			id = noTerm
		}
		q.figs = append(q.figs, qfig{id, kindOf(f)})
	}
}

// wordSim returns the weighted Dice coefficient of the query words and a
// statement's sorted word ids, and the names factor of the score (see
// Query).
func (ix *Index) wordSim(q *query, words []uint32) (dice, names float64) {
	var shared, total float64
	sharedNames, docNames := 0, 0
	i := 0
	for _, t := range words {
		w := float64(ix.idf[t])
		total += w
		for i < len(q.words) && q.words[i].id < t {
			i++
		}
		switch {
		case i < len(q.words) && q.words[i].id == t:
			shared += w
			if q.words[i].name {
				sharedNames++
			}
		case ix.isName(t, hintNone):
			docNames++
		}
	}
	m := float64(sharedNames + 1)
	swapped := min(q.names-sharedNames, docNames)
	return 2 * shared / (q.weight + total), m / (m + 4*float64(swapped))
}

// figureAgreement is the figures factor of the score (see Query) and
// whether the two figure sets are equal.
func (ix *Index) figureAgreement(qf []qfig, df []uint32) (float64, bool) {
	var qHit, dHit uint64 // matched figures by position (at most maxFigs each)
	matched := 0
	for i, f := range qf {
		for k, d := range df {
			if d == f.id {
				qHit |= 1 << i
				dHit |= 1 << k
				matched++
				break
			}
		}
	}
	var qMiss, dMiss uint32 // kinds of unmatched figures
	for i, f := range qf {
		if qHit&(1<<i) == 0 {
			qMiss |= 1 << f.kind
		}
	}
	for k, d := range df {
		if dHit&(1<<k) == 0 {
			dMiss |= 1 << ix.kind[d]
		}
	}
	conflicts, extras := 0, 0
	for i, f := range qf {
		if qHit&(1<<i) == 0 {
			if dMiss&(1<<f.kind) != 0 {
				conflicts++
			} else {
				extras++
			}
		}
	}
	for k, d := range df {
		if dHit&(1<<k) == 0 {
			if qMiss&(1<<ix.kind[d]) != 0 {
				conflicts++
			} else {
				extras++
			}
		}
	}
	m := float64(matched + 1)
	return m / (m + 3*float64(conflicts) + 0.25*float64(extras)), conflicts == 0 && extras == 0
}

// better orders matches: higher score, then same figures, then lower ID
// (older statement) for a stable order.
func better(a, b Match) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.SameFigures != b.SameFigures {
		return a.SameFigures
	}
	return a.ID < b.ID
}

// insertTop keeps top sorted and at most limit long.
func insertTop(top []Match, m Match, limit int) []Match {
	if len(top) == limit && !better(m, top[len(top)-1]) {
		return top
	}
	i := len(top)
	for i > 0 && better(m, top[i-1]) {
		i--
	}
	if len(top) < limit {
		top = append(top, Match{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = m
	return top
}

// scratch is per-query working memory, pooled.
type scratch struct {
	feats []feature
	cur   []cursor
	q     query
	top   []Match
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}
