package accesslog

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// topPaths keeps the most frequent paths of a stream in bounded memory
// with the Space-Saving algorithm (Metwally, Agrawal and El Abbadi, 2005):
// K counters; a path not counted takes the place of the smallest count and
// inherits it as its possible overcount. Every path seen more than n/K
// times is kept, and counts are exact while there are at most K paths.
type topPaths struct {
	slots []pathSlot
	index map[uint64]int32 // path hash -> slot
}

type pathSlot struct {
	hash  uint64
	path  []byte
	count int64
	over  int64 // at most this much of count may belong to evicted paths
}

// pathSlots is K: enough to keep the top five right on real traffic.
const pathSlots = 64

// pathSeed is shared so that counters built by different workers merge.
var pathSeed = maphash.MakeSeed()

func (t *topPaths) add(p []byte, n int64) {
	h := maphash.Bytes(pathSeed, p)
	if i, ok := t.index[h]; ok {
		t.slots[i].count += n
		return
	}
	if t.index == nil {
		t.index = make(map[uint64]int32, pathSlots)
	}
	if len(t.slots) < pathSlots {
		t.index[h] = int32(len(t.slots))
		t.slots = append(t.slots, pathSlot{hash: h, path: append([]byte(nil), p...), count: n})
		return
	}
	m := 0
	for i := range t.slots {
		if t.slots[i].count < t.slots[m].count {
			m = i
		}
	}
	s := &t.slots[m]
	delete(t.index, s.hash)
	t.index[h] = int32(m)
	s.hash, s.path, s.over, s.count = h, append(s.path[:0], p...), s.count, s.count+n
}

// merge adds another counter's paths (Space-Saving summaries merge by
// adding counts and keeping the largest K).
func (t *topPaths) merge(o *topPaths) {
	for _, s := range o.slots {
		if i, ok := t.index[s.hash]; ok {
			t.slots[i].count += s.count
			t.slots[i].over += s.over
			continue
		}
		if t.index == nil {
			t.index = make(map[uint64]int32, pathSlots)
		}
		t.index[s.hash] = int32(len(t.slots))
		t.slots = append(t.slots, pathSlot{hash: s.hash, path: append([]byte(nil), s.path...), count: s.count, over: s.over})
	}
	if len(t.slots) <= pathSlots {
		return
	}
	t.sort()
	for _, s := range t.slots[pathSlots:] {
		delete(t.index, s.hash)
	}
	t.slots = t.slots[:pathSlots]
	for i, s := range t.slots {
		t.index[s.hash] = int32(i)
	}
}

// sort orders the slots by count, then path, and re-indexes them.
func (t *topPaths) sort() {
	slices.SortFunc(t.slots, func(a, b pathSlot) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return slices.Compare(a.path, b.path)
	})
	for i, s := range t.slots {
		t.index[s.hash] = int32(i)
	}
}

// PathCount is a path and how many lines asked for it.
type PathCount struct {
	Path  string `json:"path"`
	Count int64  `json:"count"`
}

// top returns the n most frequent paths.
func (t *topPaths) top(n int) []PathCount {
	if len(t.slots) == 0 {
		return nil
	}
	t.sort()
	out := make([]PathCount, 0, min(n, len(t.slots)))
	for _, s := range t.slots[:min(n, len(t.slots))] {
		out = append(out, PathCount{Path: string(s.path), Count: s.count})
	}
	return out
}
