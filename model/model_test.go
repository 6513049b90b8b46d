package model

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/httpstatus-dev/httpstatus/data"
)

func newModel(t testing.TB, w, h int, opts ...Option) *Model {
	t.Helper()
	return send(t, New(data.Load(), opts...), tea.WindowSizeMsg{Width: w, Height: h})
}

// send runs messages through Update, checking the screen invariant after
// each one.
func send(t testing.TB, m *Model, msgs ...tea.Msg) *Model {
	t.Helper()
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(*Model)
		checkFits(t, m)
	}
	return m
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func press(code rune, mod ...tea.KeyMod) tea.KeyPressMsg {
	k := tea.KeyPressMsg{Code: code}
	for _, m := range mod {
		k.Mod |= m
	}
	return k
}

func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// checkFits holds the layout to the terminal: no line wider than the width,
// no more lines than the height.
func checkFits(t testing.TB, m *Model) {
	t.Helper()
	content := m.View().Content
	if content == "" {
		return
	}
	lines := strings.Split(content, "\n")
	if len(lines) > m.height {
		t.Fatalf("%dx%d: view has %d lines", m.width, m.height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			t.Fatalf("%dx%d: line %d is %d cells: %q", m.width, m.height, i, w, ansi.Strip(l))
		}
	}
}

func TestGoldenScreens(t *testing.T) {
	tab := press(tea.KeyTab)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		w, h := size[0], size[1]
		for _, tc := range []struct {
			name string
			msgs []tea.Msg
		}{
			{"all", nil},
			{"filter", append([]tea.Msg{press('/')}, typeText("rate limit")...)},
			{"5xx", []tea.Msg{tab, tab, tab, tab, tab}},
			{"help", typeText("?")},
			{"detail", append(typeText("404"), press(tea.KeyEnter), press(tea.KeyEnter))},
		} {
			t.Run(fmt.Sprintf("%dx%d/%s", w, h, tc.name), func(t *testing.T) {
				m := send(t, newModel(t, w, h), tc.msgs...)
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

func TestTypingACodeSelectsIt(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("429")...)
	if s := m.Selected(); s == nil || s.Code != 429 {
		t.Fatalf("selected %v, want 429", s)
	}
	if m.Focused() != "filter" || m.Filter() != "429" {
		t.Errorf("focus %s filter %q", m.Focused(), m.Filter())
	}
	if !strings.Contains(screen(m), "Too Many Requests") {
		t.Error("429's card is not on screen")
	}
	m = send(t, m, press(tea.KeyEscape))
	if m.Filter() != "" || m.Focused() != "list" || len(m.visible) != data.Load().Len() {
		t.Errorf("esc: filter %q focus %s, %d rows", m.Filter(), m.Focused(), len(m.visible))
	}
}

func TestFilterAppliesAcrossTabs(t *testing.T) {
	m := send(t, newModel(t, 120, 40), append([]tea.Msg{press('/')}, typeText("timeout")...)...)
	if m.Selected().Code != 408 {
		t.Errorf("timeout: first is %d", m.Selected().Code)
	}
	if m.counts[0] != len(m.results) || m.counts[5] == 0 || m.counts[6] == 0 {
		t.Errorf("counts %v", m.counts)
	}
	m = send(t, m, press(tea.KeyEnter), press(tea.KeyTab), press(tea.KeyTab), press(tea.KeyTab), press(tea.KeyTab), press(tea.KeyTab))
	if m.Tab() != 5 || m.Selected().Code/100 != 5 || len(m.visible) != m.counts[5] {
		t.Errorf("5xx tab: tab %d selected %d, %d rows for count %d", m.Tab(), m.Selected().Code, len(m.visible), m.counts[5])
	}
	if !strings.Contains(screen(m), "5xx Server error "+fmt.Sprint(m.counts[5])) {
		t.Error("tab bar does not show the live count")
	}
}

func TestTabsCycleBothWays(t *testing.T) {
	m := newModel(t, 120, 40)
	for i := 1; i <= len(tabs); i++ {
		m = send(t, m, press(tea.KeyTab))
		if m.Tab() != i%len(tabs) {
			t.Fatalf("after %d tabs: tab %d", i, m.Tab())
		}
	}
	m = send(t, m, press(tea.KeyTab, tea.ModShift))
	if m.Tab() != len(tabs)-1 {
		t.Fatalf("shift+tab from All: tab %d", m.Tab())
	}
	for _, i := range m.visible {
		if s := m.results[i].Status; s.Official {
			t.Errorf("Unofficial tab lists %s", s.Title())
		}
	}
}

func TestMouse(t *testing.T) {
	m := newModel(t, 120, 26) // short enough that cards scroll
	span := m.lay.tabs[4]     // 4xx
	m = send(t, m, tea.MouseClickMsg{X: span[0] + 1, Y: 0, Button: tea.MouseLeft})
	if m.Tab() != 4 {
		t.Fatalf("click on 4xx: tab %d", m.Tab())
	}
	// Third row of the list: border, filter line, then rows.
	row := m.lay.list.y + 2 + 2
	m = send(t, m, tea.MouseClickMsg{X: 5, Y: row, Button: tea.MouseLeft})
	if got := m.Selected(); got.Code != 402 {
		t.Fatalf("click on third row selected %s", got.Title())
	}
	m = send(t, m, tea.MouseWheelMsg{X: 5, Y: row, Button: tea.MouseWheelDown})
	if m.Selected().Code != 403 {
		t.Errorf("wheel down selected %s", m.Selected().Title())
	}
	before := m.detail.YOffset()
	m = send(t, m, tea.MouseWheelMsg{X: m.lay.detail.x + 5, Y: row, Button: tea.MouseWheelDown})
	if m.detail.YOffset() <= before {
		t.Error("wheel over the detail did not scroll it")
	}
	// Clicking a related code in the card jumps to it.
	for line, code := range m.card.Related {
		y := m.lay.detail.y + 1 + line - m.detail.YOffset()
		if y <= m.lay.detail.y || y >= m.lay.detail.y+m.lay.detail.h-1 {
			continue
		}
		m = send(t, m, tea.MouseClickMsg{X: m.lay.detail.x + 15, Y: y, Button: tea.MouseLeft})
		if m.Selected().Code != code {
			t.Errorf("click on related %d selected %s", code, m.Selected().Title())
		}
		return
	}
	t.Error("no related code visible to click")
}

func TestNarrowDetailAndRelatedJump(t *testing.T) {
	m := send(t, newModel(t, 80, 24), typeText("404")...)
	m = send(t, m, press(tea.KeyEnter), press(tea.KeyEnter))
	if m.Focused() != "detail" || m.lay.list.w != 0 || m.lay.detail.w != 80 {
		t.Fatalf("enter on a narrow screen: focus %s, list %+v detail %+v", m.Focused(), m.lay.list, m.lay.detail)
	}
	related := m.Selected().Related
	m = send(t, m, typeText("1")...)
	if m.Selected().Code != related[0] {
		t.Fatalf("1 jumped to %s, want %d", m.Selected().Title(), related[0])
	}
	if m.Filter() != "" || m.Tab() != 0 {
		t.Errorf("a jump outside the filter should clear it: %q tab %d", m.Filter(), m.Tab())
	}
	m = send(t, m, press(tea.KeyEscape))
	if m.Focused() != "list" || m.lay.detail.w != 0 {
		t.Errorf("esc: focus %s, detail %+v", m.Focused(), m.lay.detail)
	}
}

// Focus on the detail survives a resize across the wide/narrow boundary:
// side by side when wide, full screen when narrow, and back.
func TestDetailFocusAcrossResizes(t *testing.T) {
	m := send(t, newModel(t, 120, 40), press(tea.KeyEnter))
	m = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 20})
	if m.lay.list.w != 0 || m.lay.detail.w != 60 {
		t.Errorf("narrow with the detail focused: list %+v detail %+v", m.lay.list, m.lay.detail)
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if m.lay.list.w == 0 || m.lay.detail.w == 0 || m.Focused() != "detail" {
		t.Errorf("wide again: list %+v detail %+v focus %s", m.lay.list, m.lay.detail, m.Focused())
	}
}

func TestDetailScrollsWithKeys(t *testing.T) {
	m := send(t, newModel(t, 120, 24), press(tea.KeyEnter))
	m = send(t, m, press(tea.KeyPgDown))
	if m.detail.YOffset() == 0 {
		t.Error("pgdown in the detail did not scroll")
	}
	if m.Selected().Code != 100 {
		t.Errorf("scrolling the detail moved the list to %d", m.Selected().Code)
	}
}

func TestCopyAndQuit(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("404")...)
	m = send(t, m, press(tea.KeyEnter))
	next, cmd := m.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
	m = next.(*Model)
	if cmd == nil || fmt.Sprint(cmd()) != "404 Not Found" {
		t.Fatalf("y: want an OSC 52 command for %q", "404 Not Found")
	}
	if !strings.Contains(screen(m), "Copied “404 Not Found”") {
		t.Error("no confirmation after copying")
	}
	for _, k := range []tea.KeyPressMsg{{Code: 'q', Text: "q"}, press('c', tea.ModCtrl)} {
		if _, cmd := m.Update(k); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not quit", k)
		}
	}
	// While filtering, q is text but ctrl+c still quits.
	m = send(t, m, press('/'))
	next, _ = m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if next.(*Model).Filter() != "404q" {
		t.Errorf("q while filtering: filter %q", next.(*Model).Filter())
	}
	if _, cmd := m.Update(press('c', tea.ModCtrl)); cmd == nil || cmd() != tea.Quit() {
		t.Error("ctrl+c does not quit while filtering")
	}
}

func TestInitialQueryAndView(t *testing.T) {
	m := newModel(t, 120, 40, WithQuery("teapot"))
	if m.Selected().Code != 418 {
		t.Errorf("-i teapot selected %s", m.Selected().Title())
	}
	v := m.View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Error("the explorer must use the alt screen and the mouse")
	}
	if cmd := m.Init(); cmd == nil {
		t.Error("Init must ask for the background colour")
	}
}

func TestTinyAndHugeTerminals(t *testing.T) {
	m := newModel(t, 30, 10)
	if !strings.Contains(strings.Join(strings.Fields(screen(m)), " "), "Make the window larger") {
		t.Errorf("30x10:\n%s", screen(m))
	}
	for _, s := range [][2]int{{1, 1}, {0, 0}, {39, 9}, {40, 10}, {500, 200}, {41, 3}, {3, 41}, {120, 40}} {
		m = send(t, m, tea.WindowSizeMsg{Width: s[0], Height: s[1]}, press(tea.KeyDown), press(tea.KeyEnter), typeText("?")[0])
	}
	if m.lay.tooSmall || !strings.Contains(screen(m), fmt.Sprint("All ", data.Load().Len())) {
		t.Errorf("back to 120x40 the explorer should be whole:\n%s", screen(m))
	}
}

func TestPasteIsSanitised(t *testing.T) {
	m := send(t, newModel(t, 80, 24), tea.PasteMsg{Content: "rate\x1b[31m\nlimit" + strings.Repeat("x", 1<<20)})
	if got := len([]rune(m.Filter())); got > data.MaxQueryRunes {
		t.Errorf("paste left %d runes in the filter", got)
	}
	if strings.ContainsAny(m.Filter(), "\x1b\n") {
		t.Errorf("control characters survived: %q", m.Filter())
	}
}

func TestLightAndDarkStyles(t *testing.T) {
	dark := send(t, newModel(t, 120, 40), tea.BackgroundColorMsg{Color: color.Black})
	light := send(t, newModel(t, 120, 40), tea.BackgroundColorMsg{Color: color.White})
	if !dark.styles.IsDark || light.styles.IsDark {
		t.Fatal("background colour not applied")
	}
	if dark.View().Content == light.View().Content {
		t.Error("light and dark render the same colours")
	}
	if screen(dark) != screen(light) {
		t.Error("light and dark differ in text")
	}
}

func BenchmarkKeystroke(b *testing.B) {
	m := send(b, newModel(b, 120, 40), press('/'))
	keys := []tea.Msg{tea.KeyPressMsg{Code: 'r', Text: "r"}, press(tea.KeyBackspace)}
	i := 0
	for b.Loop() {
		next, _ := m.Update(keys[i%2])
		m = next.(*Model)
		_ = m.View()
		i++
	}
}

// BenchmarkView is a full redraw of the screen, which Update does whenever
// the state changed (View itself returns that frame).
func BenchmarkView(b *testing.B) {
	m := newModel(b, 120, 40)
	for b.Loop() {
		_ = m.render()
	}
}

func BenchmarkFirstFrame(b *testing.B) {
	cat := data.Load()
	for b.Loop() {
		next, _ := New(cat).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = next.View()
	}
}

// b goes back through the related codes jumped to, restoring the filter,
// the tab and the selection.
func TestPreviousAfterJumps(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("404")...)
	m = send(t, m, press(tea.KeyEnter), press(tea.KeyEnter))
	first := m.Selected().Related[0]
	m = send(t, m, typeText("1")...)
	second := m.Selected().Related[0]
	m = send(t, m, typeText("1")...)
	if m.Selected().Code != second || len(m.history) != 2 {
		t.Fatalf("after two jumps: %s, history %d", m.Selected().Title(), len(m.history))
	}
	m = send(t, m, typeText("b")...)
	if m.Selected().Code != first {
		t.Errorf("b: %s, want %d", m.Selected().Title(), first)
	}
	m = send(t, m, typeText("b")...)
	if m.Selected().Code != 404 || m.Filter() != "404" || m.Focused() != "detail" {
		t.Errorf("b again: %s, filter %q, focus %s", m.Selected().Title(), m.Filter(), m.Focused())
	}
	if m.keys.Previous.Enabled() {
		t.Error("b offered with nothing to go back to")
	}
	m = send(t, m, typeText("b")...) // nothing left: no change
	if m.Selected().Code != 404 {
		t.Errorf("b with no history moved to %s", m.Selected().Title())
	}
}
