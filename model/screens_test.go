package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

var qKey = tea.KeyPressMsg{Code: 'q', Text: "q"}

// openers open each screen that takes no text, from the list with "404"
// typed (301 for the comparison), and name the screen that q and esc go
// back to.
var openers = []struct {
	screen string
	open   []tea.Msg
	back   string
}{
	{"detail", keys(typeText("404"), []tea.Msg{enter}), "list"},
	{"help", keys(typeText("404"), []tea.Msg{press(tea.KeyF1)}), "list"},
	{"help", keys(typeText("404"), []tea.Msg{enter, question}), "detail"},
	{"compare", keys(typeText("301"), []tea.Msg{ctrlT}), "list"},
	{"compare", keys(typeText("301"), []tea.Msg{enter}, typeText("c")), "detail"},
	{"guide", keys(typeText("404"), []tea.Msg{ctrlG}), "list"},
	{"menu", keys(typeText("404"), []tea.Msg{ctrlY}), "list"},
	{"menu", keys(typeText("404"), []tea.Msg{enter}, typeText("y")), "detail"},
}

// The screens that take no text close with q as well as esc; in the list
// q is a letter of the filter.
func TestQClosesScreensThatTakeNoText(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for _, o := range openers {
			for _, close := range []tea.Msg{qKey, esc} {
				m := send(t, newModel(t, size[0], size[1]), o.open...)
				if m.Focused() != o.screen {
					t.Fatalf("%dx%d: %v opened %s, want %s", size[0], size[1], o.open, m.Focused(), o.screen)
				}
				m = send(t, m, close)
				if m.Focused() != o.back || strings.Contains(m.Filter(), "q") {
					t.Errorf("%dx%d: %s from %s: %s, filter %q; want %s", size[0], size[1], close, o.screen, m.Focused(), m.Filter(), o.back)
				}
			}
		}
	}
	m := send(t, newModel(t, 80, 24), typeText("q")...)
	if m.Focused() != "list" || m.Filter() != "q" {
		t.Errorf("q in the list: %s, filter %q", m.Focused(), m.Filter())
	}
}

// helpText is every key and what it does that the help in front lists.
func helpText(t *testing.T, m *Model) string {
	t.Helper()
	h, ok := m.front().(*helpScreen)
	if !ok {
		t.Fatalf("the help is not in front: %s", m.Focused())
	}
	var b strings.Builder
	for _, g := range h.groups {
		for _, k := range g {
			if k.Enabled() {
				fmt.Fprintf(&b, "%s %s\n", k.Help().Key, k.Help().Desc)
			}
		}
	}
	return b.String()
}

// The help lists every key of where it was opened: the filter's editing
// keys, the jumps, the mouse, the keys that work everywhere.
func TestHelpListsEveryKey(t *testing.T) {
	for _, tc := range []struct {
		open []tea.Msg
		want []string
	}{
		{[]tea.Msg{question}, []string{"↑/ctrl+p", "pgdn", "shift+tab", "enter details", "esc quit", "alt+1-9", "alt+← back",
			"ctrl+y copy", "ctrl+t compare with codes like it", "ctrl+g", "ctrl+w delete a word", "ctrl+u", "ctrl+k", "ctrl+a", "ctrl+e", "backspace",
			"delete/ctrl+d", "←/ctrl+b", "paste", "click", "click tab", "click code", "wheel", "?/f1", "ctrl+c quit"}},
		{keys(typeText("404"), []tea.Msg{enter, question}), []string{"↓/j scroll down", "pgdn/space", "home/g", "end/G", "esc/q back",
			"1-9 related", "b back from a jump", "y copy", "c compare", "tab next", "click code", "wheel", "ctrl+c quit"}},
		{keys(typeText("404"), []tea.Msg{ctrlY, question}), []string{"↑ previous item", "enter copy", "1-9 copy", "esc/q close", "click"}},
		{[]tea.Msg{ctrlG, question}, []string{"↑ previous answer", "enter answer", "1-9 answer", "esc/q close", "click"}},
	} {
		m := send(t, newModel(t, 120, 40), tc.open...)
		text := helpText(t, m)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("after %v the help lacks %q:\n%s", tc.open, w, text)
			}
		}
	}
}

// footerItems are the footer's hints: "enter details", "? help".
func footerItems(m *Model) []string {
	lines := strings.Split(shown(m), "\n")
	return strings.Split(strings.TrimSpace(lines[len(lines)-1]), " • ")
}

// The footer says only what can happen now: no arrows to move (the help
// lists them), nothing twice, and scrolling only where there is something
// to scroll, in the direction it can go.
func TestFooterSaysWhatCanHappen(t *testing.T) {
	screens := [][]tea.Msg{nil, typeText("404"), {question}, {ctrlG}, keys([]tea.Msg{ctrlG}, typeText("11")),
		keys(typeText("404"), []tea.Msg{ctrlY}), keys(typeText("301"), []tea.Msg{ctrlT}),
		keys(typeText("404"), []tea.Msg{enter}), keys(typeText("404"), []tea.Msg{enter, press(tea.KeyEnd)})}
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}, {40, 12}} {
		for _, msgs := range screens {
			m := send(t, newModel(t, size[0], size[1]), msgs...)
			items := footerItems(m)
			seen := map[string]bool{}
			for _, it := range items {
				k, desc, _ := strings.Cut(it, " ")
				if k == "↑" || k == "↓" || seen[k] || seen[desc] {
					t.Errorf("%dx%d after %v: %q in the footer %q", size[0], size[1], msgs, it, items)
				}
				seen[k], seen[desc] = true, true
			}
			footer := strings.Join(items, " • ")
			p := m.scrolled()
			switch {
			case p == nil || !p.canScroll():
				if strings.Contains(footer, "scroll") {
					t.Errorf("%dx%d after %v: nothing scrolls, the footer says %q", size[0], size[1], msgs, footer)
				}
			case p.atBottom() && strings.Contains(footer, "scroll down"), p.atTop() && strings.Contains(footer, "scroll up"):
				t.Errorf("%dx%d after %v: the footer offers a way it cannot scroll: %q", size[0], size[1], msgs, footer)
			}
		}
	}
}

// scrolled is the pager in front, or nil.
func (m *Model) scrolled() *pager {
	switch s := m.front().(type) {
	case *explorer:
		if s.focus == focusDetail {
			return &s.card.pager
		}
	case *helpScreen:
		return &s.pager
	case *compareScreen:
		return &s.pager
	case *guideScreen:
		return &s.pager
	}
	return nil
}

// Every pane's % is its scroll position: 0% at the top, 100% when nothing
// more can come into view, and no % at all when everything is in view.
func TestPercentIsTheScrollPosition(t *testing.T) {
	for _, open := range [][]tea.Msg{keys(typeText("404"), []tea.Msg{enter}), {question}, keys(typeText("301"), []tea.Msg{ctrlT}),
		keys([]tea.Msg{ctrlG}, typeText("11"))} {
		m := send(t, newModel(t, 80, 24), open...)
		m = send(t, m, press(tea.KeyHome))
		top := strings.Split(shown(m), "\n")[1]
		m = send(t, m, press(tea.KeyEnd))
		bottom := strings.Split(shown(m), "\n")[1]
		if !strings.Contains(top, "· 0% ") || !strings.Contains(bottom, "· 100% ") || !m.scrolled().atBottom() {
			t.Errorf("after %v: top %q, bottom %q", open, top, bottom)
		}
		if strings.Contains(shown(m), moreBelow) {
			t.Errorf("after %v: at the bottom the edge still says %q", open, moreBelow)
		}
	}
	m := send(t, newModel(t, 120, 40), question)
	if title := strings.Split(shown(m), "\n")[1]; strings.Contains(title, "%") {
		t.Errorf("help that fits: %q", title)
	}
}

// At 40x12 the guide's answer is in view when reached, and the pane says
// there is more below it.
func TestGuideAnswerInViewAt40x12(t *testing.T) {
	m := newModel(t, 40, 12, WithGuide())
	for m.guide().node != nil {
		m = send(t, m, typeText("1")...)
	}
	a := m.guide().answer()
	s := shown(m)
	if !strings.Contains(s, "→ "+data.FormatCode(a.Code)) || !strings.Contains(s, moreBelow) || !strings.Contains(s, "enter open "+data.FormatCode(a.Code)) {
		t.Errorf("the answer %d is not in view, or nothing says to scroll:\n%s", a.Code, s)
	}
}

// At 60 columns the copy menu's footer keeps how to close it.
func TestCopyMenuKeepsEscCloseAt60(t *testing.T) {
	m := send(t, newModel(t, 60, 20), keys(typeText("404"), []tea.Msg{ctrlY})...)
	if items := footerItems(m); !slices.Contains(items, "esc/q close") || !slices.Contains(items, "enter copy") {
		t.Errorf("footer %q", items)
	}
}

// The comparison marks the code it was opened from, scrolled into view
// where the family does not fit as a table.
func TestCompareMarksTheCodeYouCameFrom(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		for _, code := range []string{"301", "308"} {
			m := send(t, newModel(t, size[0], size[1]), keys(typeText(code), []tea.Msg{enter}, typeText("c"))...)
			if n := strings.Count(shown(m), ui.Mark); n != 1 || !strings.Contains(shown(m), ui.Mark+" "+code) {
				t.Errorf("%dx%d, compare from %s: %d marks\n%s", size[0], size[1], code, n, shown(m))
			}
		}
	}
}

// A pasted response keeps what the resolver read from it while the filter
// shows what was taken from it: above the card, what chose the meaning and
// who answered. Editing the filter lets it go.
func TestPasteSaysWhoAnswered(t *testing.T) {
	paste := tea.PasteMsg{Content: "HTTP/2 503\r\nserver: awselb/2.0\r\ncontent-type: text/html\r\n\r\n<html>"}
	m := send(t, newModel(t, 120, 40), paste)
	if m.Filter() != "503 aws elb" || m.Selected().Source != "AWS ELB" {
		t.Fatalf("filter %q, selected %s %s", m.Filter(), m.Selected().Title(), m.Selected().Source)
	}
	s := cardText(m)
	if want := "From what was pasted: Read status line: HTTP/2 503 → 503 Chosen by Server: awselb/2.0 Who AWS Elastic Load Balancing wrote this 503 itself; your application was never reached. 503 Service Unavailable"; !strings.HasPrefix(s, want) {
		t.Errorf("above the card:\n%s\nwant:\n%s", s, want)
	}
	// Another meaning of 503 was not chosen, but the same server answered.
	m = send(t, m, down)
	if s, want := cardText(m), "From what was pasted: Read status line: HTTP/2 503 → 503 Who AWS Elastic Load Balancing wrote this 503 itself; your application was never reached. 503"; !strings.HasPrefix(s, want) {
		t.Errorf("the second meaning of 503:\n%s\nwant:\n%s", s, want)
	}
	m = send(t, m, typeText("x")...)
	m = send(t, m, press(tea.KeyBackspace))
	if s := cardText(m); strings.Contains(s, "From what was pasted") {
		t.Errorf("the note outlived an edit of the filter:\n%s", s)
	}
}

// cardText is the card pane's text, its words one space apart.
func cardText(m *Model) string {
	return strings.Join(strings.Fields(ansi.Strip(strings.Join(m.explorer.card.lines, " "))), " ")
}

// Fuzzy matches are highlighted in the rows: "gtwy" marks g, t, w and y
// of Gateway.
func TestFuzzyLettersAreHighlighted(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("gtwy")...)
	r, _ := m.explorer.list.selected()
	if got := len(r.Phrase); got != 4 {
		t.Fatalf("gtwy: %s matched %d letters: %v", r.Title(), got, r.Phrase)
	}
	st := m.styles
	row := ui.Row(r, st, 60, true)
	plain := ui.Row(r, st, 60, false)
	if row == plain || strings.Count(row, "\x1b[") < 2*4 {
		t.Errorf("the matched letters are not painted: %q", row)
	}
}
