package ui

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/httpstatus-dev/httpstatus/data"
)

func redirects(t *testing.T) *data.Family {
	t.Helper()
	f := data.FamilyOf(data.Load().Lookup(301)[0])
	if f == nil || len(f.Columns) != 5 {
		t.Fatalf("redirect family: %+v", f)
	}
	return f
}

// checkFits fails on any line wider than width, and on trailing spaces,
// which pad nothing and show up when selected in a terminal.
func checkFits(t *testing.T, name, text string, width int) {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("%s at %d: line %d is %d cells: %q", name, width, i, w, ansi.Strip(l))
		}
		if plain := ansi.Strip(l); plain != strings.TrimRight(plain, " ") {
			t.Fatalf("%s at %d: line %d has trailing spaces: %q", name, width, i, plain)
		}
	}
}

func TestCompareTableFits(t *testing.T) {
	cat := data.Load()
	st := &SharedExplorerStyles(true, colorprofile.TrueColor).Styles
	widths := []int{1, 5, 12}
	for w := 20; w <= 200; w += 12 {
		widths = append(widths, w)
	}
	for _, f := range data.Families() {
		for _, w := range append(widths, 40, 80, 120) {
			text := CompareTable(&f, cat, st, w, nil).Text
			checkFits(t, f.ID, text, w)
			if w < 20 {
				continue // codes may be cut at one or five cells
			}
			plain := ansi.Strip(text)
			for _, c := range f.Columns {
				if !strings.Contains(plain, data.FormatCode(c.Code)) {
					t.Errorf("%s at %d: no column for %d", f.ID, w, c.Code)
				}
			}
		}
	}
}

func TestCompareTableGolden(t *testing.T) {
	f := redirects(t)
	st := NewStyles(true, colorprofile.TrueColor)
	for _, w := range []int{40, 80, 120} {
		t.Run(strconv.Itoa(w), func(t *testing.T) {
			golden.RequireEqual(t, ansi.Strip(CompareTable(f, data.Load(), &st, w, nil).Text)+"\n")
		})
	}
}

// Wide enough, the codes head columns side by side; too narrow, each code
// gets a block with every row's label and value.
func TestCompareTableColumnsOrBlocks(t *testing.T) {
	f := redirects(t)
	st := NewStyles(true, colorprofile.TrueColor)
	wide := strings.Split(ansi.Strip(CompareTable(f, data.Load(), &st, 80, nil).Text), "\n")
	if head := wide[2]; !strings.Contains(head, "301 Moved") || !strings.Contains(head, "308") {
		t.Errorf("at 80 the first header line is %q, want every code side by side", head)
	}
	narrow := ansi.Strip(CompareTable(f, data.Load(), &st, 40, nil).Text)
	for _, want := range []string{"\n301 Moved Permanently\n  Permanent? yes\n", "\n308 Permanent Redirect\n  Permanent? yes\n",
		"  Response header: Location\n"} {
		if !strings.Contains(narrow, want) {
			t.Errorf("at 40 the blocks lack %q", want)
		}
	}
	// Two codes of a family fit side by side at 40.
	two := ansi.Strip(CompareTable(data.FamilyFor([]int{301, 308}), data.Load(), &st, 40, nil).Text)
	if !strings.Contains(strings.Split(two, "\n")[3], "301 Moved") {
		t.Errorf("301 and 308 at 40 are not side by side:\n%s", two)
	}
}

// Codes carry their class colour as the card's do; a profile without
// colour prints them plain.
func TestCompareTableColour(t *testing.T) {
	f := redirects(t)
	st := NewStyles(true, colorprofile.TrueColor)
	text := CompareTable(f, data.Load(), &st, 100, nil).Text
	if want := st.card.code[data.Redirection.Index()].on("301"); !strings.Contains(text, want) {
		t.Errorf("301 is not painted as a redirection: %q", text[:200])
	}
	var out bytes.Buffer
	w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.NoTTY}
	if _, err := w.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "\x1b") || out.String() != ansi.Strip(text) {
		t.Error("a profile without colour still prints escapes")
	}
}

func TestWrapSpans(t *testing.T) {
	p := paint{"<", ">"}
	for _, tc := range []struct {
		spans       []span
		first, rest int
		want        []string
	}{
		{[]span{{p, "one two three"}}, 7, 7, []string{"<one two>", "<three>"}},
		{[]span{{p, "one"}, {paint{}, "two"}}, 20, 20, []string{"<one> two"}},
		{[]span{{p, "abcdefgh"}}, 3, 3, []string{"<abc>", "<def>", "<gh>"}},
		{[]span{{p, "ab cd"}}, 2, 5, []string{"<ab>", "<cd>"}},
		{[]span{{p, "a\u00a0b c"}}, 3, 3, []string{"<a\u00a0b>", "<c>"}},
		{nil, 5, 5, []string{""}},
		{[]span{{p, "xy"}}, 0, 0, []string{"<x>", "<y>"}},
	} {
		var got []string
		for _, l := range wrapSpans(tc.spans, tc.first, tc.rest) {
			got = append(got, l.text)
			if l.width != ansi.StringWidth(ansi.Strip(strings.NewReplacer("<", "", ">", "").Replace(l.text))) {
				t.Errorf("%v: width %d for %q", tc.spans, l.width, l.text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap %v at %d/%d = %q, want %q", tc.spans, tc.first, tc.rest, got, tc.want)
		}
	}
}

func TestShare(t *testing.T) {
	for _, tc := range []struct {
		natural, longest []int
		room             int
		want             []int
	}{
		{[]int{5, 50, 50}, []int{5, 8, 8}, 65, []int{5, 30, 30}},
		{[]int{5, 6}, []int{5, 6}, 100, []int{5, 6}},
		{[]int{40, 40, 40}, []int{8, 8, 8}, 60, []int{20, 20, 20}},
		// A long word keeps its column wide enough, at the others' cost.
		{[]int{40, 40, 40}, []int{30, 8, 8}, 60, []int{30, 15, 15}},
	} {
		if got := share(tc.natural, tc.longest, tc.room); !slices.Equal(got, tc.want) {
			t.Errorf("share(%v, %v, %d) = %v, want %v", tc.natural, tc.longest, tc.room, got, tc.want)
		}
	}
}
