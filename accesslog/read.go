package accesslog

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// Limits of reading.
const (
	// MaxLine is the longest line read; longer ones are skipped and
	// counted (Counts.TooLong).
	MaxLine = 1 << 20
	// chunkSize is the bytes handed to a worker at once: big enough that
	// a line of MaxLine always fits beside the partial line carried over.
	chunkSize = 2 * MaxLine
	// detectLines is how many lines of a file detection reads.
	detectLines = 200
)

// ErrBinary is returned for input that is not text.
var ErrBinary = errors.New("binary data, not a log")

// Options tune reading.
type Options struct {
	Workers int // parallel parsers; 0 means one per CPU
}

// File is what reading one input found.
type File struct {
	Format    *Format // the format detected from its first lines; nil if none
	Lines     int64
	Statuses  int64 // lines with a status
	Truncated bool  // a gzip stream that ended early: what came before was read
}

// Read reads one log, plain or gzip-compressed, into c: its format is
// detected from its first lines, then its chunks are parsed on all cores.
// Memory is bounded by the chunks in flight, whatever the log's size. A
// gzip stream cut short is read up to where it ends (File.Truncated); a
// binary input returns ErrBinary.
func (c *Counts) Read(in io.Reader, o Options) (File, error) {
	br := bufio.NewReaderSize(in, 64<<10)
	var src io.Reader = br
	gz := false
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		z, err := gzip.NewReader(br)
		if err != nil {
			return File{}, fmt.Errorf("gzip: %w", err)
		}
		defer z.Close()
		src, gz = z, true
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	rd := &reader{src: src, free: make(chan []byte, 2*workers+2)}
	ch, err := rd.next()
	if err != nil && err != io.EOF && !(gz && errors.Is(err, io.ErrUnexpectedEOF)) {
		return File{}, readErr(err, gz)
	}
	if bytes.IndexByte(ch.data[:min(len(ch.data), 64<<10)], 0) >= 0 {
		return File{}, ErrBinary
	}
	primary := detect(ch.data)
	fallback := fallbackFor(primary)

	beforeStatuses, beforeLines := c.WithStatus, c.Lines
	chunks := make(chan chunk, workers)
	results := make(chan *Counts, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker(primary, fallback)
			for ch := range chunks {
				w.chunk(ch)
				rd.free <- ch.buf
			}
			results <- w.c
		}()
	}
	var fields []byte // the W3C #Fields directive in force
	for {
		if len(ch.data) > 0 {
			ch.seq, ch.fields = c.seq, fields
			c.seq++
			if primary != nil && primary.header != nil {
				fields = lastDirective(ch.data, fields)
			}
			chunks <- ch
		} else {
			rd.free <- ch.buf
		}
		if err != nil {
			break
		}
		ch, err = rd.next()
	}
	close(chunks)
	wg.Wait()
	close(results)
	for r := range results {
		c.Merge(r)
	}
	c.TooLong += rd.tooLong
	c.Lines += rd.tooLong
	f := File{Format: primary, Lines: c.Lines - beforeLines, Statuses: c.WithStatus - beforeStatuses}
	switch {
	case err == io.EOF:
		return f, nil
	case gz && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader)):
		f.Truncated = true
		return f, nil
	}
	return f, readErr(err, gz)
}

func readErr(err error, gz bool) error {
	if gz {
		return fmt.Errorf("gzip: %w", err)
	}
	return err
}

// lastDirective finds the last #Fields line in data, or returns prev.
func lastDirective(data, prev []byte) []byte {
	i := bytes.LastIndex(data, []byte("#Fields:"))
	for i > 0 && data[i-1] != '\n' {
		i = bytes.LastIndex(data[:i], []byte("#Fields:"))
	}
	if i < 0 {
		return prev
	}
	end := bytes.IndexByte(data[i:], '\n')
	if end < 0 {
		end = len(data) - i
	}
	return append([]byte(nil), data[i:i+end]...)
}

// chunk is whole lines handed to a worker.
type chunk struct {
	buf    []byte // the pooled buffer data is in
	data   []byte
	seq    int64
	fields []byte // the #Fields directive in force before the chunk
}

// reader cuts its source into chunks of whole lines, skipping (and
// counting) lines longer than MaxLine without holding them.
type reader struct {
	src      io.Reader
	free     chan []byte // buffers workers are done with
	made     int         // buffers allocated, at most cap(free): the memory bound
	carry    []byte      // the start of a line the last chunk cut, at most MaxLine
	skipping bool        // inside a line too long to keep
	tooLong  int64
}

// next returns the next chunk: whole lines, or at the end of the input
// whatever is left. Its error is io.EOF at the end.
func (r *reader) next() (chunk, error) {
	buf := r.buffer()
	n := copy(buf, r.carry)
	r.carry = r.carry[:0]
	for {
		m, err := fill(r.src, buf[n:])
		n += m
		data := buf[:n]
		if r.skipping {
			nl := bytes.IndexByte(data, '\n')
			if nl < 0 {
				n = 0
				if err != nil {
					r.skipping = false
					r.tooLong++
					return chunk{buf: buf}, err
				}
				continue
			}
			r.tooLong++
			r.skipping = false
			n = copy(buf, data[nl+1:])
			if err == nil {
				continue
			}
			data = buf[:n]
		}
		if err != nil {
			return chunk{buf: buf, data: data}, err
		}
		last := bytes.LastIndexByte(data, '\n')
		if last < 0 { // a whole buffer of one line
			r.skipping, n = true, 0
			continue
		}
		if tail := data[last+1:]; len(tail) > MaxLine {
			r.skipping = true
		} else {
			if r.carry == nil {
				r.carry = make([]byte, 0, MaxLine)
			}
			r.carry = append(r.carry, tail...)
		}
		return chunk{buf: buf, data: data[:last+1]}, nil
	}
}

// buffer returns a free buffer, allocating one only while fewer than the
// bound are in use: a small log needs one.
func (r *reader) buffer() []byte {
	select {
	case b := <-r.free:
		return b
	default:
	}
	if r.made < cap(r.free) {
		r.made++
		return make([]byte, chunkSize)
	}
	return <-r.free
}

// fill reads until b is full or the source fails; unlike io.ReadFull it
// returns the source's own error, so a gzip stream cut short
// (io.ErrUnexpectedEOF) is told apart from a short last read.
func fill(src io.Reader, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := src.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
