package explain

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func parseString(t testing.TB, s string) []*data.Response {
	t.Helper()
	out, err := data.ReadResponses(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return out
}

// want is what a fixture's responses must come out as.
type want struct {
	code   int
	source string // of the chosen entry; "" for none
	body   int    // bytes of content; -1 unknown
	method string // of the request it answers; "" for none
}

func TestFixtures(t *testing.T) {
	const unknown = -1
	for name, wants := range map[string][]want{
		"curl-si-301-no-location.txt":        {{301, "IANA", 167, ""}},
		"curl-si-503-retry-after.txt":        {{503, "IANA", 73, ""}},
		"curl-sIL-chain.txt":                 {{301, "IANA", 0, ""}, {302, "IANA", 0, ""}, {200, "IANA", 0, ""}},
		"curl-siL-chain-bodies.txt":          {{301, "IANA", 133, ""}, {308, "IANA", 18, ""}, {200, "IANA", 130, ""}},
		"curl-si-chunked-fields-in-body.txt": {{200, "IANA", 79, ""}},
		"curl-si-iis-404.txt":                {{404, "IANA", 146, ""}},
		"broken-204.txt":                     {{204, "IANA", 12, ""}},
		"curl-v-post-chain.txt":              {{302, "IANA", unknown, "POST"}, {200, "IANA", unknown, "GET"}},
		"curl-v-100-continue-201.txt":        {{100, "IANA", unknown, "POST"}, {201, "IANA", unknown, "POST"}},
		"curl-v-304-unconditional.txt":       {{304, "IANA", unknown, "GET"}},
		"httpie-401.txt":                     {{401, "IANA", 0, ""}},
		"httpie-verbose-412.txt":             {{412, "IANA", 53, "PUT"}},
		"http2-cloudflare-522.txt":           {{522, "Cloudflare", 15, ""}},
		"http2-awselb-503.txt":               {{503, "AWS ELB", 160, ""}},
	} {
		t.Run(name, func(t *testing.T) {
			in := fixture(t, name)
			responses := parseString(t, in)
			rep := Check(data.Load(), responses)
			var got []want
			for i, r := range responses {
				w := want{code: r.Code, body: r.Body}
				if e := rep.Results[i].Entry; e != nil {
					w.source = e.Source
				}
				if r.Request != nil {
					w.method = r.Request.Method
				}
				got = append(got, w)
			}
			if !slices.Equal(got, wants) {
				t.Errorf("responses %+v\nwant      %+v", got, wants)
			}
		})
	}
}

func TestFixtureDetails(t *testing.T) {
	chain := parseString(t, fixture(t, "curl-sIL-chain.txt"))
	if got := chain[1].Header.Get("Location"); got != "http://www.example.com/docs/" {
		t.Errorf("HTTP/2 lower-case location read as %q", got)
	}
	if _, ok := chain[1].Header["Content-Type"]; !ok || chain[1].Proto != "HTTP/2" || chain[1].Phrase != "" || chain[1].Line != "HTTP/2 302 " {
		t.Errorf("HTTP/2 head: %q %q %q %v", chain[1].Line, chain[1].Proto, chain[1].Phrase, slices.Collect(maps.Keys(chain[1].Header)))
	}

	v := parseString(t, fixture(t, "curl-v-post-chain.txt"))
	if r := v[0].Request; r.URL != "https://app.example.com/login" || r.Target != "/login" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		t.Errorf("first request %+v", r)
	}
	if r := v[1].Request; r.URL != "https://app.example.com/dashboard" || r.Method != "GET" {
		t.Errorf("second request %+v", r)
	}
	if got := v[0].Header.Get("Set-Cookie"); got != "session=3f9a1c; Path=/; Secure; HttpOnly" {
		t.Errorf("curl -v field read as %q", got)
	}

	h2 := parseString(t, fixture(t, "curl-v-304-unconditional.txt"))
	if r := h2[0].Request; r.URL != "https://static.example.com/app.js" || r.Proto != "HTTP/2" {
		t.Errorf("HTTP/2 request %+v", r)
	}

	httpie := parseString(t, fixture(t, "httpie-verbose-412.txt"))
	if r := httpie[0].Request; r.Method != "PUT" || r.Target != "/items/42" || r.Header.Get("User-Agent") != "HTTPie/3.2.2" || r.URL != "" {
		t.Errorf("HTTPie request %+v", r)
	}

	body := parseString(t, fixture(t, "curl-si-chunked-fields-in-body.txt"))
	for _, f := range []string{"Location", "Retry-After", "X-Note"} {
		if v := body[0].Header.Get(f); v != "" {
			t.Errorf("content line read as field %s: %q", f, v)
		}
	}
}

// The same responses with LF line ends read the same. (Not the fixture
// whose heads follow content on the same line: only curl's CRLF tells
// those apart from text.)
func TestLFReadsLikeCRLF(t *testing.T) {
	for _, name := range []string{"curl-si-301-no-location.txt", "curl-si-503-retry-after.txt", "curl-sIL-chain.txt",
		"curl-v-post-chain.txt", "http2-cloudflare-522.txt", "broken-204.txt"} {
		in := fixture(t, name)
		if !strings.Contains(in, "\r\n") {
			t.Fatalf("%s has no CRLF", name)
		}
		a, b := parseString(t, in), parseString(t, strings.ReplaceAll(in, "\r\n", "\n"))
		if len(a) != len(b) {
			t.Fatalf("%s: %d responses with CRLF, %d with LF", name, len(a), len(b))
		}
		for i := range a {
			if a[i].Code != b[i].Code || !maps.EqualFunc(a[i].Header, b[i].Header, slices.Equal) {
				t.Errorf("%s response %d: CRLF %d %v, LF %d %v", name, i, a[i].Code, a[i].Header, b[i].Code, b[i].Header)
			}
		}
	}
}

func TestBodies(t *testing.T) {
	// Content-Length skips exactly, over content that looks like a head.
	inner := "HTTP/1.1 404 Not Found\r\nX-Inner: yes\r\n\r\n"
	in := "HTTP/1.1 200 OK\r\nContent-Length: " + strconv.Itoa(len(inner)) + "\r\n\r\n" + inner + "HTTP/1.1 204 No Content\r\n\r\n"
	if got := codes(parseString(t, in)); !slices.Equal(got, []int{200, 204}) {
		t.Errorf("with Content-Length: %v", got)
	}
	// curl -I: Content-Length of a HEAD response, no content follows.
	in = "HTTP/1.1 301 Moved Permanently\r\nContent-Length: 169\r\nLocation: /x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5120\r\n\r\n"
	rs := parseString(t, in)
	if got := codes(rs); !slices.Equal(got, []int{301, 200}) || rs[0].Body != 0 || rs[1].Body != 0 {
		t.Errorf("curl -I: %v, bodies %d %d", got, rs[0].Body, rs[1].Body)
	}
	// A Content-Length that does not fit what follows is not trusted.
	in = "HTTP/1.1 302 Found\r\nContent-Length: 3\r\nLocation: /x\r\n\r\nlonger than three\r\nHTTP/1.1 200 OK\r\n\r\n"
	if got := codes(parseString(t, in)); !slices.Equal(got, []int{302, 200}) {
		t.Errorf("wrong Content-Length: %v", got)
	}
	// Content without a line break before the next status line (curl -iL).
	in = "HTTP/2 308 \r\nlocation: /a/\r\n\r\nRedirecting to /a/HTTP/2 200 \r\ncontent-type: text/plain\r\n\r\nok"
	rs = parseString(t, in)
	if got := codes(rs); !slices.Equal(got, []int{308, 200}) || rs[0].Body != len("Redirecting to /a/") {
		t.Errorf("glued: %v, body %d", got, rs[0].Body)
	}
	// In a CRLF transcript, a status line in LF-ended content is text.
	in = "HTTP/2 200 \r\ncontent-type: text/plain\r\n\r\nexample:\nHTTP/1.1 404 Not Found\nContent-Type: text/plain\n"
	if got := codes(parseString(t, in)); !slices.Equal(got, []int{200}) {
		t.Errorf("status line in content: %v", got)
	}
	// A folded field is joined; a line that is not a field is set aside.
	rs = parseString(t, "HTTP/1.1 200 OK\r\nX-Long: a\r\n  b\r\nnot a field\r\nX-After: c\r\n\r\n")
	if h := rs[0].Header; h.Get("X-Long") != "a b" || h.Get("X-After") != "c" || !slices.Equal(rs[0].Malformed, []string{"not a field"}) {
		t.Errorf("fields %v, malformed %q", h, rs[0].Malformed)
	}
	// Heads pasted one after the other with no blank line between them.
	if got := codes(parseString(t, "HTTP/1.1 301 Moved Permanently\nLocation: /b\nHTTP/1.1 200 OK\n")); !slices.Equal(got, []int{301, 200}) {
		t.Errorf("heads without blank lines: %v", got)
	}
	// Text before the first status line (a pasted prompt) is skipped.
	if got := codes(parseString(t, "$ curl -sI https://example.com\nHTTP/2 200\n\n")); !slices.Equal(got, []int{200}) {
		t.Errorf("after a prompt: %v", got)
	}
}

func codes(rs []*data.Response) []int {
	var out []int
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

func TestLimitValues(t *testing.T) {
	if data.MaxResponseInput != 8<<20 || data.MaxHead != 1<<20 || data.MaxResponses != 100 {
		t.Errorf("limits are %d, %d, %d", data.MaxResponseInput, data.MaxHead, data.MaxResponses)
	}
}

func TestInputLimit(t *testing.T) {
	head := "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"
	exact := io.MultiReader(strings.NewReader(head), io.LimitReader(zeros{}, data.MaxResponseInput-int64(len(head))))
	if _, err := data.ReadResponses(exact); err != nil {
		t.Errorf("exactly data.MaxResponseInput bytes: %v", err)
	}
	over := io.MultiReader(strings.NewReader(head), io.LimitReader(zeros{}, data.MaxResponseInput-int64(len(head))+1))
	if _, err := data.ReadResponses(over); !errors.Is(err, data.ErrInputTooLarge) {
		t.Errorf("one byte over data.MaxResponseInput: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestHeadLimit(t *testing.T) {
	field := "X-Padding: " + strings.Repeat("a", 1000) + "\r\n"
	fits := "HTTP/1.1 200 OK\r\n" + strings.Repeat(field, (data.MaxHead-100)/len(field)) + "\r\n"
	if _, err := data.ReadResponses(strings.NewReader(fits)); err != nil {
		t.Errorf("a head just under data.MaxHead: %v", err)
	}
	for name, in := range map[string]string{
		"raw":     "HTTP/1.1 200 OK\r\n" + strings.Repeat(field, 2*data.MaxHead/len(field)) + "\r\n",
		"curl -v": "< HTTP/1.1 200 OK\r\n" + strings.Repeat("< "+field, 2*data.MaxHead/len(field)) + "<\r\n",
		"request": "> GET / HTTP/1.1\r\n" + strings.Repeat("> "+field, 2*data.MaxHead/len(field)) + ">\r\n< HTTP/1.1 200 OK\r\n<\r\n",
	} {
		if _, err := data.ReadResponses(strings.NewReader(in)); !errors.Is(err, data.ErrHeadTooLarge) {
			t.Errorf("%s: a 2 MB head: %v", name, err)
		}
	}
}

func TestResponseLimit(t *testing.T) {
	one := "HTTP/1.1 302 Found\r\nLocation: /next\r\n\r\n"
	if rs, err := data.ReadResponses(strings.NewReader(strings.Repeat(one, data.MaxResponses))); err != nil || len(rs) != data.MaxResponses {
		t.Errorf("data.MaxResponses responses: %d, %v", len(rs), err)
	}
	for name, one := range map[string]string{"raw": one, "curl -v": "< HTTP/1.1 302 Found\r\n< Location: /next\r\n<\r\n"} {
		if _, err := data.ReadResponses(strings.NewReader(strings.Repeat(one, data.MaxResponses+1))); !errors.Is(err, data.ErrTooManyResponses) {
			t.Errorf("%s: one response too many: %v", name, err)
		}
	}
}

func TestNotHTTP(t *testing.T) {
	junk := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(rng.IntN(256))
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), junk[:64]...)
	for name, tc := range map[string]struct {
		in   []byte
		want error
	}{
		"empty":           {nil, data.ErrEmpty},
		"blank lines":     {[]byte("\r\n \n\t\n"), data.ErrEmpty},
		"byte order mark": {[]byte("\xef\xbb\xbf\n"), data.ErrEmpty},
		"binary junk":     {junk, data.ErrBinary},
		"a PNG":           {png, data.ErrBinary},
		"HTML":            {[]byte("<!doctype html>\n<title>404 Not Found</title>\n"), data.ErrNoStatusLine},
		"a code alone":    {[]byte("404\n"), data.ErrNoStatusLine},
		"a short code":    {[]byte("HTTP/1.1 20 OK\r\n\r\n"), data.ErrNoStatusLine},
		"a request alone": {[]byte("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"), data.ErrNoStatusLine},
		"a 2 MB head":     {[]byte("HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("b", 2<<20) + "\r\n\r\n"), data.ErrHeadTooLarge},
	} {
		if _, err := data.ReadResponses(bytes.NewReader(tc.in)); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", name, err, tc.want)
		}
	}
}

func TestLineLimits(t *testing.T) {
	// A status line longer than data.MaxStartLine is not one.
	long := "HTTP/1.1 200 " + strings.Repeat("O", data.MaxStartLine) + "\r\n\r\n"
	if _, err := data.ReadResponses(strings.NewReader(long)); !errors.Is(err, data.ErrNoStatusLine) {
		t.Errorf("a status line over %d bytes: %v", data.MaxStartLine, err)
	}
	fits := "HTTP/1.1 200 " + strings.Repeat("O", data.MaxStartLine-len("HTTP/1.1 200 ")) + "\r\n\r\n"
	if _, err := data.ReadResponses(strings.NewReader(fits)); err != nil {
		t.Errorf("a status line of %d bytes: %v", data.MaxStartLine, err)
	}
	// At most maxMalformedNotes lines that are not fields are named.
	rep := explainString(t, "HTTP/1.1 200 OK\r\na\r\nb\r\nc\r\nd\r\ne\r\n\r\n")
	notes := rep.Results[0].Notes
	if len(notes) != maxMalformedNotes+1 || notes[maxMalformedNotes].Message != "2 more lines are not header fields either." {
		t.Errorf("notes %v", notes)
	}
}
