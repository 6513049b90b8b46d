package accesslog

import "bytes"

// detect picks a file's format from its first lines: the format that reads
// a status from the most of them, the more specific on a tie; then a
// refinement of it (varnishncsa of combined) when nine in ten of those
// lines have the refinement's shape. nil when no format reads any line.
func detect(data []byte) *Format {
	var lines [][]byte
	for len(data) > 0 && len(lines) < detectLines {
		nl := bytes.IndexByte(data, '\n')
		line := data
		if nl >= 0 {
			line, data = data[:nl], data[nl+1:]
		} else {
			data = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) > 0 && len(line) <= MaxLine {
			lines = append(lines, line)
		}
	}
	scores := make(map[*Format]int, len(Formats))
	var r Record
	for _, f := range Formats {
		if f.refines != nil {
			continue
		}
		var st parseState
		for _, line := range lines {
			r.reset()
			if f.parse(line, &r, &st) && r.Code >= 0 {
				scores[f]++
			}
		}
	}
	var best *Format
	for _, f := range Formats {
		if f.refines == nil && scores[f] > scores[best] {
			best = f
		}
	}
	if best == nil {
		return nil
	}
	for _, f := range Formats {
		if f.refines != best {
			continue
		}
		n := 0
		var st parseState
		for _, line := range lines {
			r.reset()
			if f.parse(line, &r, &st) && f.looks(line) {
				n++
			}
		}
		if n*10 >= scores[best]*9 {
			return f
		}
	}
	return best
}

// fallbackFor is the order in which formats other than the primary try a
// line the primary cannot read (another program's lines mixed in).
func fallbackFor(primary *Format) []*Format {
	out := make([]*Format, 0, len(Formats))
	for _, f := range Formats {
		if f != primary && f.refines == nil && (primary == nil || f != primary.refines) {
			out = append(out, f)
		}
	}
	return out
}

// worker parses lines into its own counts.
type worker struct {
	primary  *Format
	fallback []*Format
	st       parseState
	rec      Record
	c        *Counts
}

func newWorker(primary *Format, fallback []*Format) *worker {
	return &worker{primary: primary, fallback: fallback, c: NewCounts()}
}

// chunk reads a chunk's lines.
func (w *worker) chunk(ch chunk) {
	w.st.w3c = nil
	if ch.fields != nil {
		w.st.setW3C(ch.fields)
	}
	data := ch.data
	pos := ch.seq << 22 // lines of a chunk number fewer than 1<<22
	for len(data) > 0 {
		line := data
		if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
			line, data = data[:nl], data[nl+1:]
		} else {
			data = nil
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		w.line(line, pos)
		pos++
	}
}

// line counts one line.
func (w *worker) line(line []byte, pos int64) {
	if len(line) == 0 {
		return
	}
	w.c.Lines++
	if len(line) > MaxLine {
		w.c.TooLong++
		return
	}
	r := &w.rec
	f := w.primary
	r.reset()
	if f == nil || !f.parse(line, r, &w.st) || r.Code < 0 {
		f = nil
		for _, g := range w.fallback {
			r.reset()
			if g.parse(line, r, &w.st) && r.Code >= 0 {
				f = g
				break
			}
		}
		if f == nil {
			return
		}
	}
	if r.Format != nil {
		f = r.Format
	}
	if r.Code > 999 {
		return
	}
	w.c.add(r, f, line, pos)
}
