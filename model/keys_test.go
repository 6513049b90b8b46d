package model

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// "/" is what people press first to search: a leading one is ignored, so
// "/" then "429" shows 429.
func TestLeadingSlashIsIgnored(t *testing.T) {
	m := send(t, newModel(t, 80, 24), typeText("/429")...)
	if m.Filter() != "429" || m.Selected().Code != 429 {
		t.Errorf("/429: filter %q, selected %s", m.Filter(), m.Selected().Title())
	}
	m = send(t, newModel(t, 80, 24), enter, typeText("/")[0]) // from the detail pane too
	if m.Focused() != "list" || m.Filter() != "" {
		t.Errorf("/ in the detail: focus %s, filter %q", m.Focused(), m.Filter())
	}
	m = send(t, m, typeText("404/")...)
	if m.Filter() != "404/" || m.Selected().Code != 404 {
		t.Errorf("404/: filter %q, selected %s", m.Filter(), m.Selected().Title())
	}
	for _, q := range []string{"/404", "#404"} {
		if m := newModel(t, 80, 24, WithQuery(q)); m.Selected().Code != 404 {
			t.Errorf("-i %s: selected %s", q, m.Selected().Title())
		}
	}
}

// Keypad digits, as xterm's application keypad sends them (ESC O q: no
// text) and as kitty's protocol does (CSI 57400 u: text "1"), work as the
// digits they are on every screen; they once crashed the guide (index -1).
func TestKeypadDigits(t *testing.T) {
	kp := func(d int, text bool) tea.KeyPressMsg {
		k := tea.KeyPressMsg{Code: tea.KeyKp0 + rune(d)}
		if text {
			k.Text = fmt.Sprint(d)
		}
		return k
	}
	for _, text := range []bool{false, true} {
		m := send(t, newModel(t, 80, 24), kp(4, text), kp(0, text), kp(4, text))
		if m.Filter() != "404" {
			t.Errorf("keypad 404 (text %v) typed %q", text, m.Filter())
		}
		start := data.LoadGuide().Start()
		m = send(t, newModel(t, 80, 24), ctrlG, kp(2, text))
		if g := m.guide(); len(g.path) != 1 || g.path[0].Choice != 1 || g.path[0].Node != start {
			t.Errorf("keypad 2 (text %v) in the guide: path %+v", text, g.path)
		}
		m = send(t, newModel(t, 80, 24, WithQuery("404")), ctrlY)
		if _, out := sendCmd(t, m, kp(2, text)); copied(out) != "404" {
			t.Errorf("keypad 2 (text %v) in the copy menu: want the code copied", text)
		}
		m = send(t, newModel(t, 80, 24, WithQuery("404")), enter)
		want := m.Selected().Related[0]
		if m = send(t, m, kp(1, text)); m.Selected().Code != want {
			t.Errorf("keypad 1 (text %v) in the detail: %s, want %d", text, m.Selected().Title(), want)
		}
	}
}

// A key carrying several runes is text, whatever it spells: it must not
// move the cursor, open anything or quit.
func TestTextKeysAreText(t *testing.T) {
	for _, text := range []string{"right", "ctrl+c", "enter", "esc", "backspace", "alt+1", "f1"} {
		m := newModel(t, 120, 40, WithQuery("a"))
		m, out := sendCmd(t, m, tea.KeyPressMsg{Code: tea.KeyExtended, Text: text})
		if out != nil || m.Filter() != "a"+text || m.Focused() != "list" {
			t.Errorf("key text %q: filter %q, focus %s, sent %v", text, m.Filter(), m.Focused(), out)
		}
	}
}

// oddKeys are keys whose code or text a handler may not expect: the keypad
// as xterm's application mode sends it (no text) and as kitty's protocol
// does (with text), text holding line breaks and escape codes, several
// runes at once, digits with lock modifiers.
var oddKeys = []tea.KeyPressMsg{
	{Code: tea.KeyKp1}, {Code: tea.KeyKp1, Text: "1"}, {Code: tea.KeyKp9}, {Code: tea.KeyKp0, Text: "0"},
	{Code: tea.KeyKpEnter}, {Code: tea.KeyKpDecimal, Text: "."}, {Code: tea.KeyKpDivide}, {Code: tea.KeyKp3, Mod: tea.ModAlt},
	{Code: 'a', Text: "a\nb"}, {Code: tea.KeyExtended, Text: "\x1b[31m4\r04"}, {Code: tea.KeyExtended, Text: "debug usually"},
	{Code: '1', Text: "1", Mod: tea.ModNumLock}, {Code: 'q', Text: "q"}, {Code: '\t', Text: "\t"},
	{Code: 0x2028, Text: "\u2028"}, {Code: tea.KeyKp5, Text: "5", Mod: tea.ModCapsLock},
}

// Every odd key on every screen keeps the frame whole (send checks it).
func TestOddKeysOnEveryScreen(t *testing.T) {
	screens := map[string][]tea.Msg{
		"list":         nil,
		"detail":       keys(typeText("404"), []tea.Msg{enter}),
		"sub-code":     keys(typeText("404.3"), []tea.Msg{enter}),
		"help":         {question},
		"compare":      keys(typeText("301"), []tea.Msg{ctrlT}),
		"copy":         keys(typeText("404"), []tea.Msg{ctrlY}),
		"guide":        {ctrlG},
		"guide-result": keys([]tea.Msg{ctrlG}, typeText("1"), typeText("1")),
	}
	for name, setup := range screens {
		t.Run(name, func(t *testing.T) {
			for _, size := range [][2]int{{120, 40}, {40, 12}} {
				for _, k := range oddKeys {
					m := send(t, newModel(t, size[0], size[1]), setup...)
					send(t, m, k, k, down, k)
				}
			}
		})
	}
}

// The filter line shows the runes just before the cursor that fit, as the
// smallest start from which they fit (measured, here, the slow way).
func TestFilterViewShowsTheCursor(t *testing.T) {
	st := newModel(t, 80, 24).styles
	for _, text := range []string{"gateway timeout", "界界a界bc界", strings.Repeat("1", 60), "é界x"} {
		in := newFilterInput(0)
		in.SetValue(text)
		runes := []rune(text)
		for cursor := 0; cursor <= len(runes); cursor++ {
			in.cursor = cursor
			for room := 1; room < 30; room++ {
				from := 0
				for ansi.StringWidth(string(runes[from:cursor]))+1 > room {
					from++
				}
				got := ansi.Strip(in.view("", "", room, false, st))
				if want := string(runes[from:]); !strings.HasPrefix(want+" ", got) || got == "" && room > 1 {
					t.Fatalf("%q, cursor %d, room %d: shows %q, want the start of %q", text, cursor, room, got, want)
				}
				if ansi.StringWidth(got) > room {
					t.Fatalf("%q, cursor %d, room %d: %q is too wide", text, cursor, room, got)
				}
			}
		}
	}
}
