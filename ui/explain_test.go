package ui

import (
	"github.com/charmbracelet/colorprofile"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/explain"
)

func explainText(t *testing.T, in string) *explain.Report {
	t.Helper()
	rep, err := explain.Explain(data.Load(), strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestExplanationFitsTheWidth(t *testing.T) {
	rep := explainText(t, "HTTP/1.1 404 "+strings.Repeat("Not Found ", 12)+"\r\n\r\n"+
		"HTTP/1.1 301 Moved Permanently\r\nLocation: http://example.com/\r\n\r\n"+
		"HTTP/1.1 302 Found\r\nLocation: https://example.com/a\r\n\r\nHTTP/1.1 401 Unauthorized\r\n\r\n")
	st := NewStyles(true, colorprofile.TrueColor)
	for _, width := range []int{40, 60, 80, 100} {
		out := Explanation(rep, &st, width)
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: a line of %d cells: %q", width, w, ansi.Strip(l))
			}
		}
		plain := ansi.Strip(out)
		for _, want := range []string{"HTTP/1.1 401 Unauthorized", "error", "(RFC 9110 §15.5.2)", "Redirect chain · 3 responses", "Not Found Not Found"} {
			if !strings.Contains(plain, want) {
				t.Errorf("width %d: %q missing from\n%s", width, want, plain)
			}
		}
	}
}

// Input is shown, never obeyed: escape sequences and bytes that are not
// UTF-8 in a status line, a field or a URL come out escaped.
func TestExplanationEscapesInput(t *testing.T) {
	rep := explainText(t, "HTTP/1.1 302 \x1b]8;;http://evil\x07Found\xff\r\nLocation: https://example.com/\x1b[2J\r\n\r\n")
	st := NewStyles(true, colorprofile.TrueColor)
	out := Explanation(rep, &st, 80)
	plain := ansi.Strip(out)
	if strings.IndexByte(plain, 0x1b) >= 0 || strings.IndexByte(plain, 0x07) >= 0 || strings.IndexByte(plain, 0xff) >= 0 {
		t.Errorf("control bytes reached the output: %q", plain)
	}
	for _, want := range []string{`HTTP/1.1 302 \u001b]8;;http://evil\u0007Found\xff`, `"Location: https://example.com/\x1b[2J" is not a header field`} {
		if !strings.Contains(plain, want) {
			t.Errorf("%q missing from %q", want, plain)
		}
	}
}

func TestExplanationWithoutEntry(t *testing.T) {
	rep := explainText(t, "HTTP/1.1 250 Custom\r\n\r\n")
	st := NewStyles(false, colorprofile.TrueColor)
	plain := ansi.Strip(Explanation(rep, &st, 80))
	want := "HTTP/1.1 250 Custom\n  250 is not in the catalog\n\n  error  250 is not a registered status code, and no vendor in the catalog uses\n         it (nearest: 226, 299). Clients treat it as 200 OK. (RFC 9110 §15)\n"
	if plain != want {
		t.Errorf("got\n%s\nwant\n%s", plain, want)
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain":          "plain",
		"caf\u00e9 ✓":    "caf\u00e9 ✓",
		"a\x1b[31mb":     `a\u001b[31mb`,
		"bad \xff\xfe":   `bad \xff\xfe`,
		"c1 \u009b":      `c1 \u009b`,
		"tab\tand\nline": `tab\u0009and\u000aline`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}
