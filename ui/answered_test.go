package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

func capture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "explain", "testdata", "real", "captures", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Who answered, in one sentence, for the kinds of answer there are: the
// application behind a proxy, a proxy's own answer with its cause, one
// served from a cache, one whose sender only its Server field names, and
// none at all.
func TestAnsweredText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{capture(t, "nginx-go-404.curl-si.txt"), "Go net/http wrote this 404: no handler matched the path (http.NotFound); nginx passed it on."},
		{capture(t, "squid-503-connect-fail.curl-si.txt"), "Squid wrote this 503 itself: it could not connect to the origin (ERR_CONNECT_FAIL 111, connection refused)."},
		{capture(t, "varnish-go-404-hit.curl-si.txt"), "Go net/http wrote this 404: no handler matched the path (http.NotFound); Varnish served it from its cache, without asking the server behind it."},
		{capture(t, "haproxy-go-404.curl-si.txt"), "Go net/http wrote this 404: no handler matched the path (http.NotFound)."},
		{capture(t, "flask-404.curl-si.txt"), "Werkzeug (Flask) wrote this 404."},
		{"HTTP/2 502\r\nserver: cloudflare\r\ncf-ray: 8e5f1c2a3b4d5e6f-FRA\r\n\r\n", "Cloudflare sent this 502 (Server: cloudflare)."},
		{"HTTP/2 522\r\nserver: cloudflare\r\n\r\n", "Cloudflare wrote this 522 itself; your application was never reached."},
		{"HTTP/1.1 404 Not Found\r\n\r\n", ""},
	} {
		rep := explainText(t, tc.in)
		res := rep.Results[len(rep.Results)-1]
		if got := AnsweredText(res.AnsweredBy, res.Status); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

// The line wraps under its indent, fits the width, and names the
// software in bold on a terminal.
func TestAnswered(t *testing.T) {
	rep := explainText(t, capture(t, "nginx-502-dead-upstream.curl-si.txt"))
	res := rep.Results[0]
	st := NewStyles(true, colorprofile.TrueColor)
	for _, width := range []int{30, 60, 100} {
		out := Answered(res.AnsweredBy, res.Status, &st, width, 2)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width || !strings.HasPrefix(ansi.Strip(l), "  ") {
				t.Errorf("width %d: %q", width, ansi.Strip(l))
			}
		}
		if !strings.HasPrefix(strings.Join(strings.Fields(ansi.Strip(out)), " "), "nginx wrote this 502 itself: it got no usable response") || !strings.Contains(lines[0], "\x1b[1m") {
			t.Errorf("width %d: %q", width, out)
		}
	}
	if out := Answered(nil, 404, &st, 80, 2); out != "" {
		t.Errorf("nobody: %q", out)
	}
	plain := NewStyles(true, colorprofile.NoTTY)
	if out := Answered(res.AnsweredBy, res.Status, &plain, 400, 0); strings.Contains(out, "\x1b") || strings.Count(out, "\n") != 1 {
		t.Errorf("plain: %q", out)
	}
}

// With no response at all, what the client said is explained in its place.
func TestExplanationOfNoResponse(t *testing.T) {
	rep := explainText(t, capture(t, "nginx-444-return.curl-sv.txt"))
	st := NewStyles(true, colorprofile.NoTTY)
	plain := Explanation(rep, &st, 80)
	if !strings.HasPrefix(plain, "Empty reply from server\n  No response at all (curl's exit status 52, Empty reply from server): the\n") ||
		!strings.Contains(plain, "000 No Response Received") {
		t.Errorf("%s", plain)
	}
}
