package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Every card line fits its width, and the widths Card reports are the real
// ones, at every width a pane can have.
func TestCardFitsAndReportsWidths(t *testing.T) {
	cat := data.Load()
	st := SharedExplorerStyles(true)
	for i := range cat.All() {
		s := &cat.All()[i]
		for _, w := range []int{1, 7, 20, 39, 40, 66, 96} {
			r := Card(s, cat, st, CardOptions{Width: w, Hyperlinks: true, NumberRelated: true})
			lines := strings.Split(r.Text, "\n")
			if len(lines) != len(r.Widths) {
				t.Fatalf("%s at %d: %d lines, %d widths", s.Title(), w, len(lines), len(r.Widths))
			}
			for j, l := range lines {
				got := ansi.StringWidth(l)
				if got > w || got != r.Widths[j] {
					t.Fatalf("%s at %d: line %d is %d cells, reported %d: %q", s.Title(), w, j, got, r.Widths[j], ansi.Strip(l))
				}
			}
			for line, code := range r.Related {
				if w < 20 {
					break // related lines are cut to fit, code and all
				}
				if !strings.Contains(ansi.Strip(lines[line]), data.FormatCode(code)) {
					t.Errorf("%s at %d: line %d does not name related %d", s.Title(), w, line, code)
				}
			}
		}
	}
}

func TestCardShowsEveryField(t *testing.T) {
	cat := data.Load()
	s := cat.Lookup(429)[0]
	text := ansi.Strip(Card(s, cat, SharedExplorerStyles(true), CardOptions{Width: 80}).Text)
	for _, want := range []string{"429 Too Many Requests", "4xx Client error · IANA registered", s.Summary[:30],
		"Also known  Rate Limit Exceeded", "Headers     Retry-After", "Related     503 Service Unavailable",
		"Cacheable   no", "Defined in  RFC 6585 §4", "https://www.rfc-editor.org/rfc/rfc6585#section-4",
		"Constants   Go      http.StatusTooManyRequests", "Example", "  HTTP/1.1 429 Too Many Requests"} {
		if !strings.Contains(text, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	links := Card(s, cat, SharedExplorerStyles(true), CardOptions{Width: 80, Hyperlinks: true}).Text
	if !strings.Contains(links, ansi.SetHyperlink("https://www.rfc-editor.org/rfc/rfc6585#section-4")) {
		t.Error("references are not OSC 8 links")
	}
}

func TestRowIsExactlyItsWidth(t *testing.T) {
	cat := data.Load()
	st := SharedExplorerStyles(false)
	for _, q := range []string{"", "gateway", "50", "payload too large", "gateway timeout", "retry"} {
		for _, r := range cat.Search(data.ParseQuery(q)) {
			for _, w := range []int{3, 20, 38, 80} {
				for _, sel := range []bool{false, true} {
					if got := ansi.StringWidth(Row(r, st, w, sel)); got != w {
						t.Fatalf("%q %s at %d: %d cells", q, r.Status.Title(), w, got)
					}
				}
			}
		}
	}
}

func TestTabBarShortensToFit(t *testing.T) {
	tabs := []Tab{{"All", "All", 98}, {"1xx Informational", "1xx", 4}, {"4xx Client error", "4xx", 48}, {"Unofficial", "Vendor", 35}}
	st := SharedExplorerStyles(true)
	for _, tc := range []struct {
		width int
		want  string
	}{
		{200, " All 98  1xx Informational 4  4xx Client error 48  Unofficial 35 "},
		{50, " All 98  1xx 4  4xx Client error 48  Vendor 35 "},
		{40, " All 98  1xx 4  4xx 48  Vendor 35 "},
		{23, " All  1xx  4xx  Vendor "},
		{20, " All  1xx  4xx  Ven…"},
	} {
		active := 2
		if tc.width < 50 {
			active = 0
		}
		line, spans := TabBar(tabs, active, tc.width, st)
		if got := ansi.Strip(line); got != tc.want {
			t.Errorf("width %d: %q, want %q", tc.width, got, tc.want)
		}
		if ansi.StringWidth(line) > tc.width {
			t.Errorf("width %d: %d cells", tc.width, ansi.StringWidth(line))
		}
		for i := 1; i < len(spans); i++ {
			if spans[i][0] != spans[i-1][1] {
				t.Errorf("width %d: spans %v are not contiguous", tc.width, spans)
			}
		}
	}
}
