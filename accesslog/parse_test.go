package accesslog

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

// parseOne reads one line with the format's parser.
func parseOne(f *Format, line string) (Record, bool) {
	var r Record
	var st parseState
	r.reset()
	ok := f.parse([]byte(line), &r, &st)
	return r, ok && r.Code >= 0
}

// The messy lines of real logs: the status is where the format puts it,
// not where a field count or a number elsewhere would suggest.
func TestMessyLines(t *testing.T) {
	tests := []struct {
		name   string
		format *Format
		line   string
		code   int
		path   string
		flags  []string
	}{
		{"spaces in the target", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /a b c HTTP/1.1" 400 157 "-" "curl/8"`, 400, "/a b c", nil},
		{"a 414 without protocol", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /aaaa" 414 0 "-" "-"`, 414, "/aaaa", nil},
		{"nginx 009", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /old HTTP/1.1" 009 17 "-" "-"`, 9, "/old", nil},
		{"numbers in the user agent", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 301 0 "-" "Bot/2.0 404 500 \" 200 1"`, 301, "/", nil},
		{"an escaped quote in the target", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /q\" 200 1 HTTP/1.1" 404 9 "-" "-"`, 404, `/q\" 200 1`, nil},
		{"an escaped backslash before the closing quote", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /dir\\" 400 226 "-" "-"`, 400, `/dir\\`, nil},
		{"TLS bytes to a plain port", &combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "\x16\x03\x01" 400 157 "-" "-"`, 400, "", nil},
		{"lighttpd's vhost", &combinedFormat, `1.2.3.4 example.com - [10/Oct/2000:13:55:36 +0000] "GET /x.html HTTP/1.1" 304 0 "-" "-"`, 304, "/x.html", nil},
		{"common", &commonFormat, `1.2.3.4 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326`, 200, "/apache_pb.gif", nil},
		{"ingress tries", &ingressFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET /api HTTP/1.1" 200 3 "-" "-" 65 0.000 [default-app-80] [] 10.0.0.1:80, 10.0.0.2:80 0, 3 0.000, 0.001 502, 200 abc`, 200, "/api", []string{"502, 200"}},
		{"ingress groups", &ingressFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET /api HTTP/1.1" 200 3 "-" "-" 65 0.000 [default-app-80] [] 10.0.0.1:80 : 10.0.0.3:80 0 : 3 0.000 : 0.001 502 : 200 abc`, 200, "/api", []string{"502 : 200"}},
		{"ingress without upstream", &ingressFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "POST /up HTTP/1.1" 413 183 "-" "-" 70 0.000 [default-app-80] [] - - - - abc`, 413, "/up", []string{"-"}},
		{"haproxy state", &haproxyFormat, `Dec  4 18:06:52 lb haproxy[123]: 10.0.0.9:54326 [04/Dec/2026:18:06:52.299] fe app/s1 0/0/0/-1/1501 504 124 - - sH-- 2/2/1/1/0 0/0 {example.com} "GET /slow?x=1 HTTP/1.1"`, 504, "/slow", []string{"sH"}},
		{"haproxy -1", &haproxyFormat, `10.0.0.9:5 [04/Dec/2026:18:06:52.299] fe app/s1 0/0/0/-1/12 -1 0 - - CD-- 2/2/1/1/0 0/0 "GET / HTTP/1.1"`, 0, "/", []string{"CD"}},
		{"squid denied", &squidFormat, `1796407541.371      0 127.0.0.1 TCP_DENIED/403 3428 GET http://example.com/forbidden?a - HIER_NONE/- text/html`, 403, "example.com/forbidden", []string{"TCP_DENIED"}},
		{"squid CONNECT", &squidFormat, `1796407541.371    120 127.0.0.1 TCP_TUNNEL/200 3428 CONNECT example.com:443 - HIER_DIRECT/93.184.216.34 -`, 200, "example.com:443", []string{"TCP_TUNNEL"}},
		{"envoy 0 DC", &envoyFormat, `[2016-04-15T20:18:04.310Z] "GET /r HTTP/1.1" 0 DC 0 0 4999 - "-" "curl" "id" "r" "10.0.2.8:8080"`, 0, "/r", []string{"DC"}},
		{"alb 502 target -", &albFormat, `http 2026-12-04T10:01:04.100000Z app/lb/1 1.2.3.4:5 10.0.0.1:80 -1 -1 -1 502 - 34 366 "GET http://x:80/a?b HTTP/1.1" "curl" - - arn "Root=1" "-" "-" 0 2026-12-04T10:01:04.000000Z "forward" "-" "-" "10.0.0.1:80" "-" "-" "-" TID_1`, 502, "/a", []string{"target -"}},
		{"alb look-alike: a target status that is not the client's", &albFormat, `http 2026-12-04T10:01:04.100000Z app/lb/1 1.2.3.4:5 10.0.0.1:80 0.0 0.1 0.0 200 404 34 366 "GET http://x:80/a HTTP/1.1" "curl 503" - -`, 200, "/a", []string{"target 404"}},
		{"logfmt", &logfmtFormat, `time=2026-12-04T02:00:02.000Z level=WARN msg="http request" method=POST path=/v1/items status=429 ua="x 503"`, 429, "/v1/items", nil},
		{"json nested", &jsonFormat, `{"res":{"statusCode":201},"req":{"url":"/u?x"},"time":1796360400000}`, 201, "/u", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := parseOne(tt.format, tt.line)
			if !ok {
				t.Fatalf("%s does not read %q", tt.format.Name, tt.line)
			}
			if r.Code != tt.code || string(r.Path) != tt.path {
				t.Errorf("code %d path %q, want %d %q", r.Code, r.Path, tt.code, tt.path)
			}
			var flags []string
			for _, f := range r.Flags {
				flags = append(flags, string(f))
			}
			if strings.Join(flags, "|") != strings.Join(tt.flags, "|") {
				t.Errorf("flags %q, want %q", flags, tt.flags)
			}
		})
	}
}

// Lines that look like a format's but are not read as statuses.
func TestNotStatusLines(t *testing.T) {
	for _, tt := range []struct {
		format *Format
		line   string
	}{
		{&haproxyFormat, `Server dead/d1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms.`},
		{&haproxyFormat, `backend dead has no server available!`},
		{&combinedFormat, `2024/01/01 12:00:00 [error] 33#33: *1 connect() failed (111: Connection refused), request: "GET / HTTP/1.1" 502`},
		{&combinedFormat, `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" - 0 "-" "-"`},
		{&elbFormat, `2015-05-13T23:39:47.945958Z lb 1.2.3.4:2821 10.0.0.1:80 0.001 0.000 0.000 - - 82 305 "- - - " "-" - -`},
		{&jsonFormat, `{"level":30,"msg":"server listening","status":"ready"}`},
		{&jsonFormat, `{"status": 2000}`},
		{&logfmtFormat, `level=info msg="started" status=ok`},
		{&logfmtFormat, `the status=200 came in prose`},
	} {
		if r, ok := parseOne(tt.format, tt.line); ok {
			t.Errorf("%s read %d from %q", tt.format.Name, r.Code, tt.line)
		}
	}
}

func TestDetect(t *testing.T) {
	for name, fx := range fixtures {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got := detect(b)
		want := FormatByName(fx.format)
		if want.parse == nil || want == &cloudFrontFormat || want == &iisFormat {
			continue // reported by the JSON, logfmt or W3C parser
		}
		if got != want {
			t.Errorf("%s: detected %v, want %s", name, got, fx.format)
		}
	}
	if f := detect([]byte("hello\nworld\n")); f != nil {
		t.Errorf("prose detected as %s", f.Name)
	}
}

// Bad input: binary data, lines over the limit, gzip cut short.
func TestBadInput(t *testing.T) {
	line := `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" "-"` + "\n"
	t.Run("binary", func(t *testing.T) {
		_, err := NewCounts().Read(bytes.NewReader([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"+line)), Options{})
		if !errors.Is(err, ErrBinary) {
			t.Fatalf("err %v, want ErrBinary", err)
		}
	})
	t.Run("long lines", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(line)
		b.WriteString(strings.Repeat("x", MaxLine+1) + "\n") // fits a chunk
		b.WriteString(line)
		b.WriteString(strings.Repeat("y", 5*MaxLine) + "\n") // spans chunks
		b.WriteString(line)
		b.WriteString(strings.Repeat("z", MaxLine+10)) // at the end, without a newline
		c := NewCounts()
		if _, err := c.Read(&b, Options{Workers: 2}); err != nil {
			t.Fatal(err)
		}
		if c.WithStatus != 3 || c.TooLong != 3 || c.Lines != 6 {
			t.Errorf("with status %d, too long %d, lines %d; want 3, 3, 6", c.WithStatus, c.TooLong, c.Lines)
		}
	})
	t.Run("a line of exactly MaxLine", func(t *testing.T) {
		head, tail := `1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /`, ` HTTP/1.1" 414 1 "-" "-"`
		long := head + strings.Repeat("a", MaxLine-len(head)-len(tail)) + tail
		c := NewCounts()
		if _, err := c.Read(strings.NewReader(long+"\n"+line), Options{}); err != nil {
			t.Fatal(err)
		}
		if c.WithStatus != 2 || c.TooLong != 0 {
			t.Errorf("with status %d, too long %d; want 2, 0", c.WithStatus, c.TooLong)
		}
	})
	t.Run("truncated gzip", func(t *testing.T) {
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		for range 20000 {
			w.Write([]byte(line))
		}
		w.Close()
		full := z.Bytes()
		for _, cut := range []int{len(full) - 5, len(full) / 2, 30, 11} {
			c := NewCounts()
			f, err := c.Read(bytes.NewReader(full[:cut]), Options{})
			if err != nil && cut > 20 {
				t.Fatalf("cut at %d: %v", cut, err)
			}
			if cut > 20 && !f.Truncated {
				t.Errorf("cut at %d: not reported as truncated", cut)
			}
			if c.WithStatus > 20000 {
				t.Errorf("cut at %d: %d lines", cut, c.WithStatus)
			}
		}
	})
	t.Run("gzip", func(t *testing.T) {
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write([]byte(line + line))
		w.Close()
		c := NewCounts()
		if f, err := c.Read(&z, Options{}); err != nil || f.Truncated || c.WithStatus != 2 {
			t.Errorf("err %v, truncated %v, %d lines", err, f.Truncated, c.WithStatus)
		}
	})
}

// Top paths stay exact while there are at most K paths, and the heavy
// ones stay when there are many more.
func TestTopPaths(t *testing.T) {
	var tp topPaths
	for i := range 10000 {
		switch {
		case i%10 == 0:
			tp.add([]byte("/hot"), 1)
		case i%25 == 0:
			tp.add([]byte("/warm"), 1)
		default:
			tp.add([]byte("/cold/"+strings.Repeat("x", i%300)+string(rune('a'+i%26))), 1)
		}
	}
	top := tp.top(2)
	if len(top) != 2 || top[0].Path != "/hot" || top[0].Count < 1000 || top[1].Path != "/warm" {
		t.Errorf("top %+v", top)
	}
	if len(tp.slots) > pathSlots {
		t.Errorf("%d slots, bound %d", len(tp.slots), pathSlots)
	}
	var a, b topPaths
	for i := range 40 {
		a.add([]byte("/p"+string(rune('a'+i%20))), 1)
		b.add([]byte("/p"+string(rune('a'+i%10))), 2)
	}
	a.merge(&b)
	if top := a.top(1); top[0].Path != "/pa" || top[0].Count != 10 {
		t.Errorf("merged top %+v, want /pa 10", top)
	}
}

// A stream fed line by line counts what a file read at once counts.
func TestStreamMatchesRead(t *testing.T) {
	b, err := os.ReadFile("testdata/real/nginx-ingress.log")
	if err != nil {
		t.Fatal(err)
	}
	c := NewCounts()
	if _, err := c.Read(bytes.NewReader(b), Options{}); err != nil {
		t.Fatal(err)
	}
	s := NewStream()
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
	for i, l := range lines {
		s.Add(l)
		if i == 3 {
			if early := s.Summary(data.Load()); early.WithStatus != 4 {
				t.Errorf("after 4 lines: %d with a status", early.WithStatus)
			}
		}
	}
	s.Flush()
	got, want := s.Summary(data.Load()), c.Summary(data.Load())
	if got.WithStatus != want.WithStatus || len(got.Statuses) != len(want.Statuses) {
		t.Fatalf("stream %d statuses in %d rows, read %d in %d", got.WithStatus, len(got.Statuses), want.WithStatus, len(want.Statuses))
	}
	for i := range got.Statuses {
		if got.Statuses[i].Code != want.Statuses[i].Code || got.Statuses[i].Count != want.Statuses[i].Count {
			t.Errorf("row %d: %d×%d, want %d×%d", i, got.Statuses[i].Code, got.Statuses[i].Count, want.Statuses[i].Code, want.Statuses[i].Count)
		}
	}
}

// The timeline takes the smallest step that fits the columns.
func TestTimelineSteps(t *testing.T) {
	s := &Summary{}
	for _, tt := range []struct {
		span    int64
		columns int
		step    int64
	}{
		{59 * 60, 60, 60},
		{59 * 60, 30, 5 * 60},
		{3 * 3600, 60, 5 * 60},
		{3 * 86400, 60, 2 * 3600},
		{400 * 86400, 60, 7 * 86400},
	} {
		c := NewCounts()
		from := int64(1796360400)
		for _, at := range []int64{from, from + tt.span} {
			c.minutes.add(at/60, 1, 1)
			c.hours.add(at/3600, 1, 1)
		}
		c.from, c.to = from, from+tt.span
		*s = *c.Summary(data.Load())
		tl := s.Timeline(tt.columns)
		if tl.Step != tt.step || len(tl.Buckets) > tt.columns {
			t.Errorf("span %ds in %d columns: step %d, %d buckets; want step %d", tt.span, tt.columns, tl.Step, len(tl.Buckets), tt.step)
		}
		var total int64
		for _, b := range tl.Buckets {
			total += b[1]
		}
		if total != 2 {
			t.Errorf("span %d: buckets hold %d lines, want 2", tt.span, total)
		}
	}
}
