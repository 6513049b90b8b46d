package accesslog

import (
	"github.com/httpstatus-dev/httpstatus/data"
)

// Counts is what has been read so far: mergeable, bounded in size
// whatever the log's length, and not safe for concurrent use (Stream is).
type Counts struct {
	Lines      int64 // lines read, blank ones aside
	WithStatus int64 // lines a format read a status from
	TooLong    int64 // lines longer than MaxLine, skipped

	formats map[*Format]int64
	tallies map[tallyKey]*tally
	// last is the tally of the previous line: most lines share a few.
	lastKey tallyKey
	last    *tally

	minutes, hours buckets
	from, to       int64 // Unix seconds; 0 when no line had a time

	seq int64 // chunks read, numbering lines across files for samples
}

// tallyKey is what lines are counted by: who wrote them, the code and
// its sub-code.
type tallyKey struct {
	format *Format
	code   int
	sub    int
	made   Made
}

// tally is what is known of one (format, code, sub-code).
type tally struct {
	n      int64
	flags  map[string]*int64
	paths  topPaths
	sample []byte
	at     int64 // position of the sample: lower is earlier
}

// Bounds of what one tally keeps.
const (
	maxFlags  = 32  // distinct flags per code; the rest count as "other"
	maxSample = 400 // bytes of a sample line
)

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{formats: map[*Format]int64{}, tallies: map[tallyKey]*tally{}}
}

// add counts a record read from line at position pos.
func (c *Counts) add(r *Record, f *Format, line []byte, pos int64) {
	c.WithStatus++
	c.formats[f]++
	k := tallyKey{f, r.Code, r.Sub, r.Made}
	t := c.last
	if t == nil || k != c.lastKey {
		t = c.tallies[k]
		if t == nil {
			t = &tally{}
			c.tallies[k] = t
		}
		c.lastKey, c.last = k, t
	}
	t.n++
	if t.sample == nil || pos < t.at {
		t.sample = append(t.sample[:0], line[:min(len(line), maxSample)]...)
		t.at = pos
	}
	if len(r.Path) > 0 {
		t.paths.add(r.Path, 1)
	}
	for _, fl := range r.Flags {
		if p := t.flags[string(fl)]; p != nil { // no allocation for a flag seen before
			*p++
		} else {
			t.flag(string(fl), 1)
		}
	}
	if r.Time > 0 {
		class := classOf(r.Code)
		c.minutes.add(r.Time/60, class, 1)
		c.hours.add(r.Time/3600, class, 1)
		if c.from == 0 || r.Time < c.from {
			c.from = r.Time
		}
		if r.Time > c.to {
			c.to = r.Time
		}
	}
}

func (t *tally) flag(name string, n int64) {
	if t.flags == nil {
		t.flags = map[string]*int64{}
	}
	p := t.flags[name]
	if p == nil && len(t.flags) >= maxFlags {
		name = "other"
		p = t.flags[name]
	}
	if p == nil {
		p = new(int64)
		t.flags[name] = p
	}
	*p += n
}

// Merge adds o's counts to c.
func (c *Counts) Merge(o *Counts) {
	c.Lines += o.Lines
	c.WithStatus += o.WithStatus
	c.TooLong += o.TooLong
	for f, n := range o.formats {
		c.formats[f] += n
	}
	for k, ot := range o.tallies {
		t := c.tallies[k]
		if t == nil {
			t = &tally{}
			c.tallies[k] = t
		}
		t.n += ot.n
		if t.sample == nil || ot.sample != nil && ot.at < t.at {
			t.sample, t.at = append([]byte(nil), ot.sample...), ot.at
		}
		t.paths.merge(&ot.paths)
		for name, n := range ot.flags {
			t.flag(name, *n)
		}
	}
	c.minutes.merge(&o.minutes)
	c.hours.merge(&o.hours)
	if o.from != 0 && (c.from == 0 || o.from < c.from) {
		c.from = o.from
	}
	c.to = max(c.to, o.to)
	c.seq = max(c.seq, o.seq)
}

// buckets count lines per class per minute or per hour. They stop at
// maxBuckets distinct times (a month of minutes, a decade of hours) and
// say so, rather than grow without bound.
type buckets struct {
	counts   map[int64]*[6]int64
	lastAt   int64
	last     *[6]int64
	overflow bool
}

const maxBuckets = 1 << 16

func (b *buckets) add(at int64, class int, n int64) {
	if b.last != nil && at == b.lastAt {
		b.last[class] += n
		return
	}
	if b.overflow {
		return
	}
	if b.counts == nil {
		b.counts = map[int64]*[6]int64{}
	}
	v := b.counts[at]
	if v == nil {
		if len(b.counts) >= maxBuckets {
			b.overflow, b.counts, b.last = true, nil, nil
			return
		}
		v = new([6]int64)
		b.counts[at] = v
	}
	b.lastAt, b.last = at, v
	v[class] += n
}

func (b *buckets) merge(o *buckets) {
	if o.overflow {
		b.overflow, b.counts, b.last = true, nil, nil
	}
	for at, v := range o.counts {
		for class, n := range v {
			if n > 0 {
				b.add(at, class, n)
			}
		}
	}
}

// classOf is the index in data.Categories of a code's class, without
// comparing category names on every line.
func classOf(code int) int {
	if code < 100 || code > 599 {
		return len(data.Categories) - 1
	}
	return code/100 - 1
}
