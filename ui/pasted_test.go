package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// What a paste said of a code: what chose the meaning (on the chosen entry
// only) and who answered, what the paste holds escaped, every line within
// the width.
func TestPasted(t *testing.T) {
	st := NewStyles(true, colorprofile.NoTTY)
	m := data.Meaning{
		Code:     "502",
		Read:     &data.Read{Code: "502", From: "status line", Text: "HTTP/1.1 502 Bad Gateway"},
		ChosenBy: []string{"Server: evil\x1b[2J"},
		AnsweredBy: &data.Responder{Software: "nginx", Role: data.RoleProxy, Wrote: true,
			Evidence: []string{`body contains "<center>nginx"`}, Via: []data.Passer{{Software: "Varnish", Role: data.RoleCache}}},
	}
	got := Pasted(m, true, &st, 60).Text
	want := `From what was pasted:
Read        status line: HTTP/1.1 502 Bad Gateway → 502
Chosen by   Server: evil\u001b[2J
Who         nginx wrote this 502 itself; your application
            was never reached; Varnish passed it on.
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := Pasted(m, false, &st, 60).Text; strings.Contains(got, "Chosen by") {
		t.Errorf("an entry not chosen says what chose it:\n%s", got)
	}
	m.AnsweredBy.Wrote = false
	if got := Pasted(m, false, &st, 60).Text; !strings.Contains(got, "Who         nginx sent this 502") {
		t.Errorf("only who sent the head is known, yet:\n%s", got)
	}
	if r := Pasted(data.Meaning{Code: "404"}, true, &st, 60); r.Text != "" { // typed, not pasted: nothing read
		t.Errorf("a paste that said nothing: %q", r.Text)
	}
	for _, w := range []int{1, 10, 39, 40} {
		r := Pasted(m, true, &st, w)
		for i, l := range strings.Split(r.Text, "\n") {
			if n := ansi.StringWidth(l); n > w || n != r.Widths[i] {
				t.Errorf("at %d: line %d is %d cells (reported %d): %q", w, i, n, r.Widths[i], l)
			}
		}
	}
}
