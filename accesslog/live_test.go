package accesslog

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/httpstatus-dev/httpstatus/data"
)

// follow reads in live to its end and returns the last snapshot and how
// many were taken.
func follow(t *testing.T, in io.Reader) (Snapshot, int) {
	t.Helper()
	l := Follow(in)
	for n := 1; ; n++ {
		s := l.Next(data.Load(), time.Millisecond)
		if s.Done {
			return s, n
		}
		if n > 10000 {
			t.Fatal("the input never ended")
		}
	}
}

// A live input, fed in pieces that cut lines anywhere, counts what the
// file read at once counts: CRLF line ends, a last line without one, a
// line over MaxLine skipped and counted, gzip.
func TestLiveMatchesRead(t *testing.T) {
	b, err := os.ReadFile("testdata/real/nginx-ingress.log")
	if err != nil {
		t.Fatal(err)
	}
	want := NewCounts()
	if _, err := want.Read(bytes.NewReader(b), Options{}); err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	long := append(append(append([]byte{}, b...), bytes.Repeat([]byte("x"), MaxLine+10)...), '\n')
	var gz bytes.Buffer
	z := gzip.NewWriter(&gz)
	z.Write(b)
	z.Close()
	for _, tc := range []struct {
		name    string
		in      []byte
		tooLong int64
	}{
		{"plain", b, 0},
		{"no last line end", bytes.TrimSuffix(b, []byte("\n")), 0},
		{"CRLF", crlf, 0},
		{"a line over 1 MiB", long, 1},
		{"a line over 1 MiB at the end", long[:len(long)-1], 1},
		{"gzip", gz.Bytes(), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr, pw := io.Pipe()
			go func() {
				for in := tc.in; len(in) > 0; {
					n := min(len(in), 37+len(in)%1000)
					pw.Write(in[:n])
					in = in[n:]
				}
				pw.Close()
			}()
			s, _ := follow(t, pr)
			if s.Err != nil {
				t.Fatal(s.Err)
			}
			got, wantSum := s.Summary, want.Summary(data.Load())
			if got.Lines != wantSum.Lines+tc.tooLong || got.WithStatus != wantSum.WithStatus || got.TooLong != tc.tooLong {
				t.Fatalf("lines %d, with a status %d, too long %d; want %d, %d, %d",
					got.Lines, got.WithStatus, got.TooLong, wantSum.Lines+tc.tooLong, wantSum.WithStatus, tc.tooLong)
			}
			for i := range got.Statuses {
				if g, w := got.Statuses[i], wantSum.Statuses[i]; g.Code != w.Code || g.Count != w.Count || g.Sample != w.Sample {
					t.Errorf("row %d: %d×%d %q, want %d×%d %q", i, g.Code, g.Count, g.Sample, w.Code, w.Count, w.Sample)
				}
			}
		})
	}
}

// Binary input, and a gzip stream cut short, end the input with a reason.
func TestLiveBadInput(t *testing.T) {
	if s, _ := follow(t, strings.NewReader("GET / 200\x00\x01\x02")); !errors.Is(s.Err, ErrBinary) {
		t.Errorf("binary: %v", s.Err)
	}
	var gz bytes.Buffer
	z := gzip.NewWriter(&gz)
	z.Write(bytes.Repeat([]byte(`127.0.0.1 - - [04/Dec/2026:18:06:43 +0000] "GET / HTTP/1.1" 200 5 "-" "curl"`+"\n"), 1000))
	z.Close()
	s, _ := follow(t, bytes.NewReader(gz.Bytes()[:gz.Len()/2]))
	if s.Err == nil || !strings.Contains(s.Err.Error(), "ends early") || s.Summary.WithStatus == 0 {
		t.Errorf("truncated gzip: %v, %d with a status", s.Err, s.Summary.WithStatus)
	}
}

// Snapshots come no more often than asked, however fast lines arrive.
func TestLiveSnapshotsAtMostEvery(t *testing.T) {
	pr, pw := io.Pipe()
	line := []byte(`127.0.0.1 - - [04/Dec/2026:18:06:43 +0000] "GET / HTTP/1.1" 200 5 "-" "curl"` + "\n")
	go func() {
		for end := time.Now().Add(300 * time.Millisecond); time.Now().Before(end); {
			pw.Write(line)
		}
		pw.Close()
	}()
	l := Follow(pr)
	start, n := time.Now(), 0
	for {
		n++
		if l.Next(data.Load(), 50*time.Millisecond).Done {
			break
		}
	}
	if max := int(time.Since(start)/(50*time.Millisecond)) + 2; n > max {
		t.Errorf("%d snapshots in %v, want at most %d", n, time.Since(start), max)
	}
}
