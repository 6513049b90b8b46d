package accesslog

import (
	"bytes"
	"runtime"
	"sync"
	"testing"

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
