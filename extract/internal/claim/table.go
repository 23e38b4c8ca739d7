package claim

// Table is a read-only map from words to bit masks, looked up with a hash
// the caller computes while it lower-cases the word (FNV-1a, see HashByte),
// so that a look-up hashes nothing and allocates nothing. Values must be
// non-zero.
type Table[V uint32 | uint64] struct {
	mask   uint32
	hashes []uint32
	vals   []V
	keys   []string
}

// HashInit is the FNV-1a offset basis; HashByte adds one byte.
const HashInit uint32 = 2166136261

// HashByte folds c into the FNV-1a hash h.
func HashByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

// Hash is the FNV-1a hash of s.
func Hash(s string) uint32 {
	h := HashInit
	for i := 0; i < len(s); i++ {
		h = HashByte(h, s[i])
	}
	return h
}

// NewTable builds a table from m (at most a quarter full, so probes are
// short).
func NewTable[V uint32 | uint64](m map[string]V) Table[V] {
	n := 16
	for n < 4*len(m) {
		n *= 2
	}
	t := Table[V]{mask: uint32(n - 1), hashes: make([]uint32, n), vals: make([]V, n), keys: make([]string, n)}
	for k, v := range m {
		if v == 0 {
			continue
		}
		h := Hash(k)
		i := h & t.mask
		for t.vals[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.hashes[i], t.vals[i], t.keys[i] = h, v, k
	}
	return t
}

// Get returns the value of key, whose hash is h, or 0.
func (t *Table[V]) Get(h uint32, key string) V {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.vals[i]
		if v == 0 {
			return 0
		}
		if t.hashes[i] == h && t.keys[i] == key {
			return v
		}
	}
}
