// Package match answers "have we checked this claim before?": an in-memory
// index of reviewed statements that finds earlier statements making the same
// claim, in other words and other spellings of the same figures, so a
// reviewer can reuse the earlier verdict and sources.
//
// The index is pure and in-process (no database, no network); the app keeps
// it in sync with reviewed statements through Add and Remove. See Query for
// the score and the threshold.
package match

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

// Doc is a reviewed statement.
type Doc struct {
	ID        uint
	ArticleID uint
	Text      string
}

// Match is an earlier statement that makes the same claim as the query.
type Match struct {
	ID        uint
	ArticleID uint
	// Score in [Threshold, 1]: word similarity times figure agreement (see Query).
	Score float64
	// SameFigures is true when both statements carry exactly the same set of
	// normalised figures (see Figures), including when neither has any: only
	// then is the earlier verdict safe to reuse without re-reading numbers.
	SameFigures bool
}

// Index holds reviewed statements for claim matching. It is safe for
// concurrent use: queries share a read lock, Add and Remove take the write
// lock (text analysis happens before locking).
//
// Layout, chosen for 1M statements: every word and figure gets a uint32
// term id; each statement's sorted term ids live in one shared arena (one
// allocation instead of a million small ones, which also keeps GC scans
// cheap); posting lists map a term to the slots of statements containing
// it. Removal only marks a slot dead; dead slots are compacted away once
// they are a quarter of all slots.
type Index struct {
	mu     sync.RWMutex
	termID map[string]uint32
	df     []uint32    // live statements containing the term
	idf    []float32   // ln(1 + idfN/df), see refreshIDF
	kind   []uint8     // kindNone for words, else the figure kind
	capN   []uint32    // evidence the word is a name: Σ positive hints (see nameHint)
	lowN   []uint32    // evidence it is not: Σ negative hints
	post   [][]uint32  // slots containing the term, ascending; may hold dead slots
	docs   []docRec    // by slot
	kinds  []uint32    // by slot: bit k set if the statement has a figure of kind k
	sigs   []signature // by slot: which terms the statement may hold
	arena  []uint32    // term ids of all slots: words (sorted) then figures (sorted)
	slot   map[uint]uint32
	live   int
	dead   int
	idfN   int // statement count the idf table was computed for
	// ready is set once the index holds every reviewed statement; the
	// desk fills it in the background after it starts.
	ready atomic.Bool
}

// SetReady marks the index as holding every reviewed statement.
func (ix *Index) SetReady() { ix.ready.Store(true) }

// Ready reports whether the index has been filled; until then a query
// may miss earlier reviews.
func (ix *Index) Ready() bool { return ix.ready.Load() }

type docRec struct {
	id, article uint
	off         int // into arena
	nw, nf      uint16
	live        bool
}

func (d *docRec) words(arena []uint32) []uint32 { return arena[d.off : d.off+int(d.nw)] }
func (d *docRec) figs(arena []uint32) []uint32 {
	return arena[d.off+int(d.nw) : d.off+int(d.nw)+int(d.nf)]
}

// summarize returns what Query reads about a candidate before scoring it
// in full: its figure kinds (4 bytes) and its term signature (16 bytes),
// in dense arrays by slot, instead of the statement's record and terms,
// which at 1M statements are cache misses.
func (ix *Index) summarize(terms []uint32) (sig signature, kinds uint32) {
	for _, t := range terms {
		w, b := sigBit(t)
		sig[w] |= b
		if k := ix.kind[t]; k != kindNone {
			kinds |= 1 << k
		}
	}
	return sig, kinds
}

// signature is a 128-bit Bloom-style summary of a statement's term ids, one
// bit per term: which of the query's terms it may hold. A collision only
// loosens the bound, so nothing is lost.
type signature [2]uint64

func sigBit(t uint32) (word int, bit uint64) {
	h := t * 0x9E3779B1 // Fibonacci hashing: spreads consecutive ids
	return int(h >> 31), 1 << (h >> 25 & 63)
}

func (s *signature) has(t uint32) bool {
	w, b := sigBit(t)
	return s[w]&b != 0
}

// compactMin is the number of dead slots below which compaction is not
// worth a pass over every posting list.
const compactMin = 1024

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{termID: map[string]uint32{}, slot: map[uint]uint32{}}
}

// Len returns the number of statements in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Has reports whether the statement with the given ID is in the index.
func (ix *Index) Has(id uint) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	_, ok := ix.slot[id]
	return ok
}

// Add indexes d, replacing any statement with the same ID.
func (ix *Index) Add(d Doc) {
	words, hints, figs := analyze(d.Text)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot[d.ID]; ok {
		ix.removeSlot(s)
	}
	s := uint32(len(ix.docs))
	off := len(ix.arena)
	for k, w := range words {
		t := ix.intern(w, kindNone)
		ix.arena = append(ix.arena, t)
		if h := hints[k]; h > 0 {
			ix.capN[t] += uint32(h)
		} else {
			ix.lowN[t] += uint32(-h)
		}
	}
	slices.Sort(ix.arena[off:])
	for _, f := range figs {
		ix.arena = append(ix.arena, ix.intern(f, kindOf(f)))
	}
	slices.Sort(ix.arena[off+len(words):])
	ix.docs = append(ix.docs, docRec{id: d.ID, article: d.ArticleID, off: off,
		nw: uint16(len(words)), nf: uint16(len(figs)), live: true})
	ix.slot[d.ID] = s
	ix.live++
	terms := ix.arena[off:]
	sig, kinds := ix.summarize(terms)
	ix.sigs, ix.kinds = append(ix.sigs, sig), append(ix.kinds, kinds)
	for _, t := range terms {
		ix.post[t] = append(ix.post[t], s)
		ix.df[t]++
	}
	ix.refreshIDF(terms)
	ix.maybeCompact()
}

// Remove drops the statement with the given ID, if present.
func (ix *Index) Remove(id uint) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot[id]; ok {
		ix.removeSlot(s)
		ix.maybeCompact()
	}
}

func (ix *Index) removeSlot(s uint32) {
	d := &ix.docs[s]
	d.live = false
	delete(ix.slot, d.id)
	ix.live--
	ix.dead++
	terms := ix.arena[d.off : d.off+int(d.nw)+int(d.nf)]
	for _, t := range terms {
		ix.df[t]--
	}
	ix.refreshIDF(terms)
}

func (ix *Index) intern(term string, kind uint8) uint32 {
	if id, ok := ix.termID[term]; ok {
		return id
	}
	id := uint32(len(ix.df))
	ix.termID[term] = id
	ix.df = append(ix.df, 0)
	ix.idf = append(ix.idf, 0)
	ix.kind = append(ix.kind, kind)
	ix.capN = append(ix.capN, 0)
	ix.lowN = append(ix.lowN, 0)
	ix.post = append(ix.post, nil)
	return id
}

// refreshIDF keeps the idf table current incrementally. Weights use one
// statement count, idfN, for all terms so that query and statement weights
// stay comparable; it is renewed (a pass over the vocabulary) only when the
// index has grown or shrunk by a tenth, so between renewals a weight is off
// by less than ln(1.1) ≈ 0.1 — far below the gap between a common and a
// rare word. Terms whose document frequency changed are updated at once.
func (ix *Index) refreshIDF(changed []uint32) {
	if n := ix.live; ix.idfN == 0 || n*10 > ix.idfN*11 || n*10 < ix.idfN*9 {
		ix.idfN = max(n, 1)
		for t := range ix.df {
			ix.idf[t] = idfOf(ix.df[t], ix.idfN)
		}
		return
	}
	for _, t := range changed {
		ix.idf[t] = idfOf(ix.df[t], ix.idfN)
	}
}

// idfOf weights a term by rarity; a term no statement has weighs as a term
// one statement has would, almost.
func idfOf(df uint32, n int) float32 {
	return float32(math.Log(1 + float64(n)/float64(max(df, 1))))
}

// isName: the indexed statements (and the hint from the text at hand)
// write term t as a proper name more often than not; a capital at the
// start of a sentence counts half. Evidence is kept when statements are
// removed: it is about the word, not the statement.
func (ix *Index) isName(t uint32, hint int8) bool {
	c, l := int64(ix.capN[t]), int64(ix.lowN[t])
	if hint > 0 {
		c += int64(hint)
	} else {
		l -= int64(hint)
	}
	return c > l
}

func (ix *Index) unknownIDF() float32 { return idfOf(0, ix.idfN) }

func (ix *Index) maybeCompact() {
	if ix.dead >= compactMin && ix.dead*4 > len(ix.docs) {
		ix.compact()
	}
}

// compact drops dead slots from docs, arena and posting lists, renumbering
// the live slots in order so posting lists stay sorted.
func (ix *Index) compact() {
	const gone = math.MaxUint32
	remap := make([]uint32, len(ix.docs))
	docs := make([]docRec, 0, ix.live+ix.live/8)
	sigs, kinds := make([]signature, 0, cap(docs)), make([]uint32, 0, cap(docs))
	arena := make([]uint32, 0, len(ix.arena))
	for s := range ix.docs {
		d := ix.docs[s]
		if !d.live {
			remap[s] = gone
			continue
		}
		remap[s] = uint32(len(docs))
		n := int(d.nw) + int(d.nf)
		off := len(arena)
		arena = append(arena, ix.arena[d.off:d.off+n]...)
		d.off = off
		docs = append(docs, d)
		sigs, kinds = append(sigs, ix.sigs[s]), append(kinds, ix.kinds[s])
		ix.slot[d.id] = remap[s]
	}
	for t, p := range ix.post {
		q := p[:0]
		for _, s := range p {
			if r := remap[s]; r != gone {
				q = append(q, r)
			}
		}
		switch {
		case len(q) == 0:
			q = nil
		case cap(q) > 2*len(q)+8:
			q = slices.Clone(q)
		}
		ix.post[t] = q
	}
	ix.docs, ix.sigs, ix.kinds, ix.arena, ix.dead = docs, sigs, kinds, slices.Clip(arena), 0
}
