package accesslog

import (
	"cmp"
	"slices"
	"strconv"
	"sync"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Summary is what counts mean: one row per (code, meaning), most frequent
// first, each with its evidence.
type Summary struct {
	Lines      int64
	WithStatus int64
	TooLong    int64
	Formats    []FormatCount // most lines first
	From, To   int64         // Unix seconds; 0 when no line had a time
	Statuses   []Status
	Classes    [6]int64 // lines per data.Categories class

	minutes, hours []Bucket
	minutesLost    bool // more distinct minutes than buckets keep
}

// FormatCount is a format and how many lines it read.
type FormatCount struct {
	Format *Format
	Lines  int64
}

// Status is one row: a code, what it means here, and the lines' evidence.
type Status struct {
	Code    int
	SubCode string        // IIS "404.3"; "" when none
	Sub     *data.SubCode // the catalog's sub-code, when it has it
	Entry   *data.Status  // nil when the catalog cannot tell which meaning
	// Candidates are the code's meanings when the log does not say which
	// (499 in an application's log): nginx's, Esri's, Google's.
	Candidates []*data.Status
	Vendor     string // who logged it, as the catalog names vendors; "" for applications
	Note       string // what the code means in this vendor's log, where entries do not say
	Count      int64
	Flags      []Flag
	Paths      []PathCount // most requested first, at most MaxPaths
	Sample     string      // the first line with this status
	Formats    []*Format
}

// Flag is a vendor detail of a status and how many lines had it.
type Flag struct {
	Name    string // as logged: "UF", "CD", "target -", "502, 504"
	Label   string // as the summary shows it: "state CD", "upstream 502, 504"
	Meaning string // "" when this package does not know it
	Doc     string
	Count   int64
}

// MaxPaths is how many top paths a status lists.
const MaxPaths = 5

// Bucket is the lines of each class at one minute or hour.
type Bucket struct {
	At     int64 // Unix seconds at its start
	Counts [6]int64
}

// Summary names what c's codes mean in the catalog.
func (c *Counts) Summary(cat *data.Catalog) *Summary {
	s := &Summary{Lines: c.Lines, WithStatus: c.WithStatus, TooLong: c.TooLong, From: c.from, To: c.to}
	for f, n := range c.formats {
		s.Formats = append(s.Formats, FormatCount{f, n})
	}
	slices.SortFunc(s.Formats, func(a, b FormatCount) int {
		if c := cmp.Compare(b.Lines, a.Lines); c != 0 {
			return c
		}
		return cmp.Compare(a.Format.Name, b.Format.Name)
	})

	type rowKey struct {
		code  int
		sub   string
		entry *data.Status
		note  string
	}
	type row struct {
		Status
		paths   topPaths
		flags   map[string]*Flag
		at      int64
		formats map[*Format]bool
	}
	rows := map[rowKey]*row{}
	var order []*row
	for k, t := range c.tallies {
		st := Status{Code: k.code, Vendor: k.format.Vendor}
		if k.sub > 0 {
			st.SubCode = strconv.Itoa(k.code) + "." + strconv.Itoa(k.sub)
			st.Entry, st.Sub = cat.SubCode(st.SubCode)
		}
		if st.Entry == nil {
			st.Entry = entryFor(cat, k.code, k.format.Vendor, k.made)
		}
		if st.Entry == nil {
			st.Candidates = cat.Lookup(k.code)
		}
		st.Note = codeNote(k.format.Vendor, k.code)
		rk := rowKey{k.code, st.SubCode, st.Entry, st.Note}
		r := rows[rk]
		if r == nil {
			r = &row{Status: st, flags: map[string]*Flag{}, formats: map[*Format]bool{}, at: t.at}
			rows[rk] = r
			order = append(order, r)
		} else if r.Vendor != st.Vendor {
			r.Vendor = "" // several vendors logged it
		}
		r.Count += t.n
		if r.Sample == "" || t.at <= r.at {
			r.Sample, r.at = string(t.sample), t.at
		}
		r.paths.merge(&t.paths)
		r.formats[k.format] = true
		for name, n := range t.flags {
			label := k.format.FlagLabel(name)
			fl := r.flags[label]
			if fl == nil {
				fl = &Flag{Name: name, Label: label, Meaning: k.format.ExplainFlag(name), Doc: k.format.FlagDoc()}
				r.flags[label] = fl
			}
			fl.Count += *n
		}
	}
	for _, r := range order {
		r.Paths = r.paths.top(MaxPaths)
		for _, fl := range r.flags {
			r.Flags = append(r.Flags, *fl)
		}
		slices.SortFunc(r.Flags, func(a, b Flag) int {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
			return cmp.Compare(a.Label, b.Label)
		})
		for f := range r.formats {
			r.Formats = append(r.Formats, f)
		}
		slices.SortFunc(r.Formats, func(a, b *Format) int { return cmp.Compare(a.Name, b.Name) })
		s.Statuses = append(s.Statuses, r.Status)
		s.Classes[data.CategoryOf(r.Code).Index()] += r.Count
	}
	slices.SortFunc(s.Statuses, func(a, b Status) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		if c := cmp.Compare(a.SubCode, b.SubCode); c != 0 {
			return c
		}
		return cmp.Compare(a.Vendor, b.Vendor)
	})
	s.minutes, s.minutesLost = c.minutes.sorted(), c.minutes.overflow
	s.hours = c.hours.sorted()
	return s
}

func (b *buckets) sorted() []Bucket {
	out := make([]Bucket, 0, len(b.counts))
	for at, v := range b.counts {
		out = append(out, Bucket{At: at, Counts: *v})
	}
	slices.SortFunc(out, func(a, b Bucket) int { return cmp.Compare(a.At, b.At) })
	return out
}

// Timeline is the lines of each class over time, one bucket per Step
// seconds from Start, empty buckets included.
type Timeline struct {
	Start, Step int64
	Buckets     [][6]int64
}

// timelineSteps are the bucket sizes a timeline may use, in seconds.
var timelineSteps = []int64{
	60, 5 * 60, 10 * 60, 15 * 60, 30 * 60,
	3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600,
	86400, 2 * 86400, 7 * 86400, 30 * 86400, 91 * 86400, 365 * 86400,
}

// Timeline fits the log's span into at most columns buckets of the
// smallest step that fits: a minute, five, ten…, an hour, a day, a week.
// Empty when no line had a time.
func (s *Summary) Timeline(columns int) Timeline {
	if s.From == 0 || columns < 1 {
		return Timeline{}
	}
	for _, step := range timelineSteps {
		if (s.To/step - s.From/step + 1) > int64(columns) {
			continue
		}
		if step < 3600 {
			if s.minutesLost || len(s.minutes) == 0 {
				continue
			}
			return spread(s.minutes, 60, step)
		}
		if len(s.hours) > 0 {
			return spread(s.hours, 3600, step)
		}
	}
	return Timeline{}
}

// spread lays sparse buckets of unit seconds out densely in steps of
// step seconds, aligned to the step.
func spread(in []Bucket, unit, step int64) Timeline {
	start := in[0].At * unit / step * step
	end := in[len(in)-1].At * unit
	t := Timeline{Start: start, Step: step, Buckets: make([][6]int64, (end-start)/step+1)}
	for _, b := range in {
		i := (b.At*unit - start) / step
		for class, n := range b.Counts {
			t.Buckets[i][class] += n
		}
	}
	return t
}

// Stream counts lines fed one at a time, as they arrive on a live pipe: a
// goroutine calls Add, and any other may take a Summary at any time. The
// format is detected from the first lines, which wait until there are
// enough of them (or Flush says no more are coming soon).
type Stream struct {
	mu      sync.Mutex
	w       *worker
	pending [][]byte
	// pendingBytes bounds the lines held before detection as Read's first
	// chunk does: 200 long lines could be 200 MiB.
	pendingBytes int
	pos          int64
	tooLong      int64 // lines over MaxLine a Live reader skipped without holding them
}

// NewStream returns an empty stream.
func NewStream() *Stream { return &Stream{} }

// Add counts one line (without its line end).
func (s *Stream) Add(line []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addLocked(line)
}

func (s *Stream) addLocked(line []byte) {
	if s.w != nil {
		s.w.line(line, s.pos)
		s.pos++
		return
	}
	s.pending = append(s.pending, append([]byte(nil), line...))
	s.pendingBytes += len(line)
	if len(s.pending) >= detectLines || s.pendingBytes >= chunkSize {
		s.start()
	}
}

// tooLongLocked counts a line over MaxLine that was skipped.
func (s *Stream) tooLongLocked() { s.tooLong++ }

// Flush detects the format from the lines so far, if it is not known yet.
func (s *Stream) Flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w == nil && len(s.pending) > 0 {
		s.start()
	}
}

func (s *Stream) start() {
	s.w = s.detected()
	s.pos = int64(len(s.pending))
	s.pending, s.pendingBytes = nil, 0
}

// detected is a worker for the format of the pending lines, having read them.
func (s *Stream) detected() *worker {
	var buf []byte
	for _, l := range s.pending {
		buf = append(append(buf, l...), '\n')
	}
	primary := detect(buf)
	w := newWorker(primary, fallbackFor(primary))
	for i, l := range s.pending {
		w.line(l, int64(i))
	}
	return w
}

// Summary is a snapshot of the counts so far. Before the format is known,
// the lines so far are read with the format they suggest, without
// deciding it.
func (s *Stream) Summary(cat *data.Catalog) *Summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.w
	if w == nil {
		w = s.detected()
	}
	sum := w.c.Summary(cat)
	sum.Lines += s.tooLong
	sum.TooLong += s.tooLong
	return sum
}
