package accesslog

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/internal/genlog"
)

// benchLog is 64 MiB of a busy nginx's combined log.
var benchLog = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	if _, err := genlog.Write(&b, 64<<20); err != nil {
		panic(err)
	}
	return b.Bytes()
})

// benchRead reads the log with a number of workers and reports MB/s (per
// core with one worker), lines per second and allocations per line.
func benchRead(b *testing.B, workers int) {
	log := benchLog()
	lines := int64(bytes.Count(log, []byte("\n")))
	b.SetBytes(int64(len(log)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		c := NewCounts()
		if _, err := c.Read(bytes.NewReader(log), Options{Workers: workers}); err != nil {
			b.Fatal(err)
		}
		if c.WithStatus != lines {
			b.Fatalf("%d lines with a status, want %d", c.WithStatus, lines)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(int64(b.N)*lines), "allocs/line")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(int64(b.N)*lines), "ns/line")
}

func BenchmarkReadOneCore(b *testing.B)  { benchRead(b, 1) }
func BenchmarkReadAllCores(b *testing.B) { benchRead(b, 0) }

// BenchmarkStream feeds lines one at a time, as a live pipe does, with a
// summary taken every 10,000 lines (a redraw): the explorer's live mode
// needs 50,000 lines a second.
func BenchmarkStream(b *testing.B) {
	log := benchLog()[:8<<20]
	lines := bytes.Split(log[:bytes.LastIndexByte(log, '\n')], []byte("\n"))
	cat := data.Load()
	b.ResetTimer()
	for b.Loop() {
		s := NewStream()
		for i, l := range lines {
			s.Add(l)
			if i%10000 == 0 {
				s.Summary(cat)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(int64(b.N)*int64(len(lines))), "ns/line")
}

// pipeReader hands out at most a pipe's capacity (64 KiB on Linux) a read.
type pipeReader struct{ b []byte }

func (p *pipeReader) Read(b []byte) (int, error) {
	if len(p.b) == 0 {
		return 0, io.EOF
	}
	n := copy(b[:min(len(b), 64<<10)], p.b)
	p.b = p.b[n:]
	return n, nil
}

// BenchmarkLive is the explorer's live path: the log arrives as a pipe
// gives it, 64 KiB a read, and a snapshot is taken ten times a second as
// the explorer takes them; lines/s is how fast a pipe can be read so.
func BenchmarkLive(b *testing.B) {
	log := benchLog()
	lines := int64(bytes.Count(log, []byte("\n")))
	cat := data.Load()
	b.SetBytes(int64(len(log)))
	b.ResetTimer()
	for b.Loop() {
		l := Follow(&pipeReader{log})
		var s Snapshot
		for !s.Done {
			s = l.Next(cat, 100*time.Millisecond)
		}
		if s.Summary.WithStatus != lines {
			b.Fatalf("%d lines with a status, want %d", s.Summary.WithStatus, lines)
		}
	}
	b.ReportMetric(float64(int64(b.N)*lines)/b.Elapsed().Seconds(), "lines/s")
}
