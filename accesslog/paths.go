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
// times is kept, and counts are exact while there are at most K paths. A
// min-heap over the counters finds the smallest in O(log K).
type topPaths struct {
	slots []pathSlot       // by id, stable
	index map[uint64]int32 // path hash -> slot id
	heap  []int32          // slot ids, smallest count first
}

type pathSlot struct {
	hash  uint64
	path  []byte
	count int64
	over  int64 // at most this much of count may belong to evicted paths
	at    int32 // place in heap
}

// pathSlots is K: enough to keep the top five right on real traffic.
const pathSlots = 64

// pathSeed is shared so that counters built by different workers merge.
var pathSeed = maphash.MakeSeed()

func (t *topPaths) add(p []byte, n int64) {
	h := maphash.Bytes(pathSeed, p)
	if id, ok := t.index[h]; ok {
		t.slots[id].count += n
		t.down(int(t.slots[id].at))
		return
	}
	if t.index == nil {
		t.index = make(map[uint64]int32, pathSlots)
	}
	if len(t.slots) < pathSlots {
		t.push(pathSlot{hash: h, path: append([]byte(nil), p...), count: n})
		return
	}
	id := t.heap[0]
	s := &t.slots[id]
	delete(t.index, s.hash)
	t.index[h] = id
	s.hash, s.path, s.over, s.count = h, append(s.path[:0], p...), s.count, s.count+n
	t.down(0)
}

// push adds a slot.
func (t *topPaths) push(s pathSlot) {
	id := int32(len(t.slots))
	s.at = int32(len(t.heap))
	t.slots = append(t.slots, s)
	t.heap = append(t.heap, id)
	t.index[s.hash] = id
	t.up(int(s.at))
}

func (t *topPaths) less(i, j int) bool { return t.slots[t.heap[i]].count < t.slots[t.heap[j]].count }

func (t *topPaths) swap(i, j int) {
	t.heap[i], t.heap[j] = t.heap[j], t.heap[i]
	t.slots[t.heap[i]].at, t.slots[t.heap[j]].at = int32(i), int32(j)
}

func (t *topPaths) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !t.less(i, parent) {
			return
		}
		t.swap(i, parent)
		i = parent
	}
}

func (t *topPaths) down(i int) {
	n := len(t.heap)
	for {
		small := i
		if l := 2*i + 1; l < n && t.less(l, small) {
			small = l
		}
		if r := 2*i + 2; r < n && t.less(r, small) {
			small = r
		}
		if small == i {
			return
		}
		t.swap(i, small)
		i = small
	}
}

// merge adds another counter's paths (Space-Saving summaries merge by
// adding counts and keeping the largest K).
func (t *topPaths) merge(o *topPaths) {
	all := make([]pathSlot, 0, len(t.slots)+len(o.slots))
	all = append(all, t.slots...)
	for _, s := range o.slots {
		if id, ok := t.index[s.hash]; ok {
			all[id].count += s.count
			all[id].over += s.over
			continue
		}
		all = append(all, pathSlot{hash: s.hash, path: append([]byte(nil), s.path...), count: s.count, over: s.over})
	}
	sortSlots(all)
	*t = topPaths{index: make(map[uint64]int32, pathSlots)}
	for _, s := range all[:min(len(all), pathSlots)] {
		t.push(s)
	}
}

// sortSlots orders slots by count, then path.
func sortSlots(s []pathSlot) {
	slices.SortFunc(s, func(a, b pathSlot) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return slices.Compare(a.path, b.path)
	})
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
	sorted := slices.Clone(t.slots)
	sortSlots(sorted)
	out := make([]PathCount, 0, min(n, len(sorted)))
	for _, s := range sorted[:min(n, len(sorted))] {
		out = append(out, PathCount{Path: string(s.path), Count: s.count})
	}
	return out
}
