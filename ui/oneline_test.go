package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain":               "plain",
		"caf\u00e9 §15.5":     "caf\u00e9 §15.5",
		"a\n\nb":              "a  b",
		"tab\there\r":         "tab here ",
		"\x1b[31mred":         " [31mred",
		"line\u2028sep\u2029": "line sep ",
		"bad\xffbyte":         "bad byte",
		"c1\u009bx":           "c1 x",
	} {
		got := OneLine(in)
		if got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
		if utf8.RuneCountInString(got) != len([]rune(in)) {
			t.Errorf("OneLine(%q) changed the rune count: match positions would move", in)
		}
	}
}

// A hint from prose shows the paragraph of the first match, from a little
// before it, with the positions moved along; never a paragraph break.
func TestSnippetStaysInItsParagraph(t *testing.T) {
	text := "First paragraph says nothing.\n\nThe second one is about debug logs and more.\n\nThird debug."
	first := strings.Index(text, "debug")
	pos := []int{first, first + 1, strings.LastIndex(text, "debug")}
	got, gotPos := snippet(text, pos, 12)
	if got != "…is about debug logs and more." {
		t.Errorf("snippet = %q", got)
	}
	if len(gotPos) != 2 || []rune(got)[gotPos[0]] != 'd' || []rune(got)[gotPos[1]] != 'e' {
		t.Errorf("positions %v do not point at the match in %q", gotPos, got)
	}
	if got, _ := snippet("short debug\n\nnext", []int{6}, 12); got != "short debug" {
		t.Errorf("a match near the start: %q", got)
	}
	if got, _ := snippet("x\n\ny", []int{99}, 12); strings.Contains(got, "\n") {
		t.Errorf("a position past the end: %q", got)
	}
}

// However a hint reads, a row is one line of exactly its width.
func TestRowNeverBreaks(t *testing.T) {
	st := SharedExplorerStyles(true, colorprofile.TrueColor)
	base := data.Load().Search(data.ParseQuery("503 varnish"))[0]
	for _, h := range []data.Hint{
		{Field: data.FieldDescription, Text: "one\n\ntwo debug three\n\nfour", Positions: []int{13, 14}},
		{Field: data.FieldSummary, Text: strings.Repeat("long words ", 20) + "\nafter", Positions: []int{200, 201}},
		{Field: data.FieldKeyword, Text: "tab\tand\x1b[31m escape\r\n", Positions: []int{0}},
		{Field: data.FieldAlias, Text: "wide 界界界界界界界界界界界界界界界界界界界界", Positions: []int{5}},
	} {
		r := base
		r.Hint = h
		for _, w := range []int{1, 20, 37, 38, 39, 54, 80, 120} {
			for _, sel := range []bool{false, true} {
				row := Row(r, st, w, sel)
				if strings.ContainsAny(row, "\n\r\t") || ansi.StringWidth(row) != w {
					t.Fatalf("hint %q at %d: %d cells: %q", h.Text, w, ansi.StringWidth(row), ansi.Strip(row))
				}
			}
		}
	}
}

// A Box is its size whatever its title holds, and whatever its lines,
// provided each is its inner width: a line break cuts a line, lines past
// the height are dropped, missing ones are blank.
func TestBoxKeepsItsShape(t *testing.T) {
	st := SharedExplorerStyles(true, colorprofile.TrueColor)
	for _, lines := range [][]string{
		{"ok        ", "broken\nline", "0123456789", "0123456789", "one too many", "two too many"},
		{"broken\n\n"},
		nil,
	} {
		box := Box(lines, "title\nwith a break", "a\nnote", 12, 6, true, st)
		got := strings.Split(box, "\n")
		if len(got) != 6 {
			t.Fatalf("%d lines:\n%s", len(got), ansi.Strip(box))
		}
		for i, l := range got {
			if ansi.StringWidth(l) != 12 {
				t.Errorf("line %d is %d cells: %q", i, ansi.StringWidth(l), ansi.Strip(l))
			}
		}
	}
}
