package accesslog

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Live reads an input that is still being written (tail -f access.log |
// httpstatus log -i) into a Stream as lines arrive, and hands out
// snapshots no more often than the reader of them asks: one per redraw,
// never one per line.
type Live struct {
	s    *Stream
	news chan struct{} // a token when lines arrived since the last snapshot
	done chan struct{} // closed when the input ended
	err  error         // why it ended, when not at its end; set before done closes
	last time.Time     // when the last snapshot was taken
}

// Snapshot is what a live input has given so far.
type Snapshot struct {
	Summary *Summary
	Done    bool  // the input ended: this is the last snapshot
	Err     error // when Done, what ended it other than its end (ErrBinary, a read error)
}

// liveBuffer is the bytes read from the input at once: each read's whole
// lines are counted under one lock.
const liveBuffer = 256 << 10

// binaryProbe is how much of the input's start is checked for NUL bytes,
// as Read checks its first chunk.
const binaryProbe = 64 << 10

// Follow starts reading in, plain or gzip-compressed, until it ends.
func Follow(in io.Reader) *Live {
	l := &Live{s: NewStream(), news: make(chan struct{}, 1), done: make(chan struct{})}
	go l.read(in)
	return l
}

// Next waits until at least every has passed since the last snapshot and
// lines have arrived since, or the input has ended, and returns a snapshot
// of everything read so far. After the snapshot with Done, it returns
// that one again at once.
func (l *Live) Next(cat *data.Catalog, every time.Duration) Snapshot {
	if wait := time.Until(l.last.Add(every)); wait > 0 {
		select {
		case <-time.After(wait):
		case <-l.done:
		}
	}
	select {
	case <-l.news:
	case <-l.done:
	}
	l.last = time.Now()
	select {
	case <-l.done:
		return Snapshot{Summary: l.s.Summary(cat), Done: true, Err: l.err}
	default:
		return Snapshot{Summary: l.s.Summary(cat)}
	}
}

func (l *Live) read(in io.Reader) {
	err := l.lines(in)
	if err == io.EOF {
		err = nil
	}
	l.s.Flush()
	l.err = err
	close(l.done)
}

// lines reads the input's lines into the stream until it ends. Lines
// longer than MaxLine are skipped and counted, as Read does, without
// holding more than MaxLine of them.
func (l *Live) lines(in io.Reader) error {
	br := bufio.NewReaderSize(in, liveBuffer)
	var src io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		z, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("gzip: %w", err)
		}
		defer z.Close()
		src = z
	}
	buf := make([]byte, liveBuffer)
	var carry []byte // the start of a line cut by the last read
	skipping := false
	probed := 0
	for {
		n, err := src.Read(buf)
		data := buf[:n]
		if probed < binaryProbe && n > 0 {
			if bytes.IndexByte(data[:min(n, binaryProbe-probed)], 0) >= 0 {
				return ErrBinary
			}
			probed += n
		}
		l.s.mu.Lock()
		if nl := bytes.IndexByte(data, '\n'); (len(carry) > 0 || skipping) && n > 0 {
			head := data
			if nl >= 0 {
				head, data = data[:nl], data[nl+1:]
			} else {
				data = nil
			}
			if !skipping {
				carry = append(carry, head...)
				skipping = len(carry) > MaxLine
			}
			if nl >= 0 {
				if skipping {
					l.s.tooLongLocked()
				} else {
					l.s.addLocked(trimCR(carry))
				}
				carry, skipping = carry[:0], false
			} else if skipping {
				carry = carry[:0]
			}
		}
		for {
			nl := bytes.IndexByte(data, '\n')
			if nl < 0 {
				break
			}
			l.s.addLocked(trimCR(data[:nl]))
			data = data[nl+1:]
		}
		if !skipping {
			carry = append(carry, data...) // less than a buffer: at most MaxLine
		}
		switch {
		case err == nil:
		case skipping:
			l.s.tooLongLocked()
		case len(carry) > 0: // a last line without its line end
			l.s.addLocked(trimCR(carry))
		}
		l.s.mu.Unlock()
		if n > 0 {
			select {
			case l.news <- struct{}{}:
			default:
			}
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) && src != io.Reader(br) {
				return errors.New("the gzip stream ends early; read up to where it ends")
			}
			return err
		}
	}
}

func trimCR(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		return line[:n-1]
	}
	return line
}
