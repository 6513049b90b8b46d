package ui

import (
	"charm.land/lipgloss/v2"
	"fmt"
	"github.com/charmbracelet/colorprofile"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Every card line fits its width, and the widths Card reports are the real
// ones, at every width a pane can have.
func TestCardFitsAndReportsWidths(t *testing.T) {
	cat := data.Load()
	st := &SharedExplorerStyles(true, colorprofile.TrueColor).Styles
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
				if w < 7 {
					break // no room for "1 404 " before the phrase
				}
				// A related code's first line names it; the phrase may go on
				// below it.
				if prev, ok := r.Related[line-1]; !strings.Contains(ansi.Strip(lines[line]), data.FormatCode(code)) && (!ok || prev != code) {
					t.Errorf("%s at %d: line %d does not name related %d", s.Title(), w, line, code)
				}
			}
		}
	}
}

func TestCardShowsEveryField(t *testing.T) {
	cat := data.Load()
	s := cat.Lookup(429)[0]
	text := ansi.Strip(Card(s, cat, &SharedExplorerStyles(true, colorprofile.TrueColor).Styles, CardOptions{Width: 80}).Text)
	for _, want := range []string{"429 Too Many Requests", "4xx Client error · IANA registered", s.Summary[:30],
		"Also known  Rate Limit Exceeded", "Headers     Retry-After", "Related     503 Service Unavailable",
		"Cacheable   no", "Defined in  RFC 6585 §4", "https://www.rfc-editor.org/rfc/rfc6585#section-4",
		"Constants   Go      http.StatusTooManyRequests", "Example", "  HTTP/1.1 429 Too Many Requests"} {
		if !strings.Contains(text, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	links := Card(s, cat, &SharedExplorerStyles(true, colorprofile.TrueColor).Styles, CardOptions{Width: 80, Hyperlinks: true}).Text
	if !strings.Contains(links, ansi.SetHyperlink("https://www.rfc-editor.org/rfc/rfc6585#section-4")) {
		t.Error("references are not OSC 8 links")
	}
}

func TestRowIsExactlyItsWidth(t *testing.T) {
	cat := data.Load()
	st := SharedExplorerStyles(false, colorprofile.TrueColor)
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
	tabs := []Tab{{"All", "All", 98, 129}, {"1xx Informational", "1xx", 4, 6}, {"4xx Client error", "4xx", 48, 56}, {"Vendor", "Vendor", 35, 65}}
	st := SharedExplorerStyles(true, colorprofile.TrueColor)
	for _, tc := range []struct {
		width int
		want  string
	}{
		{200, " All  98  1xx Informational 4  4xx Client error 48  Vendor 35 "},
		{56, " All  98  1xx 4  4xx 48  Vendor 35 "},
		{34, " All  1xx  4xx  Vendor "},
		{20, " All 1xx 4xx Vendor"},
		{15, " All 1xx 4xx V…"},
	} {
		line, spans := TabBar(tabs, 2, tc.width, st)
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
		// Nothing moves when the counts or the active tab change: the
		// tabs' places depend on the width alone.
		fewer := slices.Clone(tabs)
		for i := range fewer {
			fewer[i].Count = 1
		}
		_, moved := TabBar(fewer, 0, tc.width, st)
		if !slices.Equal(spans, moved) {
			t.Errorf("width %d: tabs moved from %v to %v", tc.width, spans, moved)
		}
	}
}

// Every class and badge keeps a colour of its own in 16 colours, 256 and
// true colour, on dark and light backgrounds, as the terminal shows them.
func TestPaletteTellsEveryClassApart(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		for _, dark := range []bool{true, false} {
			st := NewStyles(dark, p)
			named := map[string]lipgloss.Style{"vendor badge": st.Vendor, "deprecated badge": st.Old}
			for i, c := range st.Code[:classes-1] {
				named[data.Categories[i].Class()] = c
			}
			seen := map[string]string{}
			for name, style := range named {
				c := style.GetForeground()
				if _, none := c.(lipgloss.NoColor); none || c == nil {
					t.Errorf("%v dark=%v: %s has no colour", p, dark, name)
					continue
				}
				key := fmt.Sprint(p.Convert(c))
				if other, ok := seen[key]; ok {
					t.Errorf("%v dark=%v: %s and %s are both %s", p, dark, name, other, key)
				}
				seen[key] = name
			}
		}
	}
}

// Without colour (NO_COLOR), a focused pane is drawn with a heavier line
// and the selection is reversed, so neither depends on colour.
func TestFocusWithoutColour(t *testing.T) {
	st := SharedExplorerStyles(true, colorprofile.Ascii)
	focused := ansi.Strip(Box(nil, "x", "", 10, 3, true, st))
	plain := ansi.Strip(Box(nil, "x", "", 10, 3, false, st))
	if focused == plain {
		t.Errorf("focused and unfocused boxes look the same without colour:\n%s", focused)
	}
	r := data.Load().Search(data.ParseQuery("404"))[0]
	if !strings.Contains(Row(r, st, 30, true), "\x1b[7m") {
		t.Error("the selected row is not reversed without colour")
	}
}

// BenchmarkCard draws a typical card at the width of the explorer's pane,
// as every keystroke that moves the selection does.
func BenchmarkCard(b *testing.B) {
	cat := data.Load()
	st := NewStyles(true, colorprofile.TrueColor)
	s := cat.Lookup(404)[0]
	for b.Loop() {
		Card(s, cat, &st, CardOptions{Width: 68, Hyperlinks: true, NumberRelated: true})
	}
}

// The printed list of sub-codes fits its width, holds every sub-code once
// in catalog order (a phrase too long for a line is cut), and sets the one
// asked for in bold.
func TestSubCodeList(t *testing.T) {
	cat := data.Load()
	st := &SharedExplorerStyles(true, colorprofile.TrueColor).Styles
	lists := 0
	for i := range cat.All() {
		s := &cat.All()[i]
		if len(s.SubCodes) == 0 {
			continue
		}
		lists++
		for _, w := range []int{20, 40, 80, 100} {
			text := SubCodeList(s, &s.SubCodes[0], st, w)
			for _, l := range strings.Split(text, "\n") {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: a line of %d cells: %q", s.Title(), w, got, ansi.Strip(l))
				}
			}
			rest := ansi.Strip(text)
			for _, sub := range s.SubCodes {
				j := strings.Index(rest, sub.Code+" "+sub.Phrase[:1])
				if j < 0 {
					t.Errorf("%s at %d: %s missing or out of order", s.Title(), w, sub.Code)
					break
				}
				rest = rest[j+len(sub.Code):]
			}
			if w >= 80 && !strings.Contains(text, st.card.bold.on(s.SubCodes[0].Phrase)) {
				t.Errorf("%s at %d: the chosen sub-code is not bold", s.Title(), w)
			}
		}
	}
	if lists == 0 {
		t.Fatal("no entry has sub-codes")
	}
}
