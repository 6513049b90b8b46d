package model

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

func newModel(t testing.TB, w, h int, opts ...Option) *Model {
	t.Helper()
	return send(t, New(data.Load(), opts...), tea.WindowSizeMsg{Width: w, Height: h})
}

// send runs messages through Update as a Program would (see sendCmd),
// checking the frame after each.
func send(t testing.TB, m *Model, msgs ...tea.Msg) *Model {
	t.Helper()
	for _, msg := range msgs {
		m, _ = sendCmd(t, m, msg)
	}
	return m
}

// sendCmd sends one message and runs the commands Update gives back, as a
// Program does: what the screens ask of the root (open, close, status,
// show) goes back into Update; the rest (quit, the clipboard) is returned.
func sendCmd(t testing.TB, m *Model, msg tea.Msg) (*Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for queue := []tea.Msg{msg}; len(queue) > 0; {
		next, cmd := m.Update(queue[0])
		queue = queue[1:]
		m = next.(*Model)
		checkFits(t, m)
		for _, msg := range run(cmd) {
			switch msg.(type) {
			case openMsg, closeMsg, statusMsg, showMsg:
				queue = append(queue, msg)
			default:
				out = append(out, msg)
			}
		}
	}
	return m, out
}

// run runs a command and the commands it batches.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func quits(msgs []tea.Msg) bool { return slices.Contains(msgs, tea.Msg(tea.QuitMsg{})) }

// copied is what msgs put on the clipboard, "" if nothing.
func copied(msgs []tea.Msg) string {
	for _, msg := range msgs {
		if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
			return fmt.Sprint(msg)
		}
	}
	return ""
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		if r == ' ' {
			out = append(out, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
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

func shown(m *Model) string { return ansi.Strip(m.View().Content) }

// checkFits holds the frame to the terminal (see checkFrame).
func checkFits(t testing.TB, m *Model) {
	t.Helper()
	if err := checkFrame(m); err != nil {
		t.Fatal(err)
	}
}

var (
	tabKey   = press(tea.KeyTab)
	enter    = press(tea.KeyEnter)
	esc      = press(tea.KeyEscape)
	down     = press(tea.KeyDown)
	ctrlY    = press('y', tea.ModCtrl)
	ctrlT    = press('t', tea.ModCtrl)
	ctrlG    = press('g', tea.ModCtrl)
	ctrlC    = press('c', tea.ModCtrl)
	question = tea.KeyPressMsg{Code: '?', Text: "?"}
)

func keys(groups ...[]tea.Msg) []tea.Msg {
	var out []tea.Msg
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}, {40, 12}} {
		w, h := size[0], size[1]
		for _, tc := range []struct {
			name string
			msgs []tea.Msg
		}{
			{"all", nil},
			{"filter", typeText("rate limit")},
			{"5xx", []tea.Msg{tabKey, tabKey, tabKey, tabKey, tabKey}},
			{"vendor", []tea.Msg{press(tea.KeyTab, tea.ModShift)}},
			{"fuzzy", typeText("gtwy")},
			{"help", []tea.Msg{question}},
			{"help-detail", keys(typeText("404"), []tea.Msg{enter, question})},
			{"detail", keys(typeText("404"), []tea.Msg{enter})},
			{"nomatch", typeText("250")},
			{"paste", []tea.Msg{tea.PasteMsg{Content: "HTTP/1.1 502 Bad Gateway\r\nServer: nginx/1.24.0\r\n\r\n<center>nginx</center>"}}},
			{"compare", keys(typeText("301"), []tea.Msg{ctrlT})},
			{"compare-card", keys(typeText("308"), []tea.Msg{enter}, typeText("c"))},
			{"copy", keys(typeText("404"), []tea.Msg{ctrlY})},
			{"guide", []tea.Msg{ctrlG}},
			{"guide-result", keys([]tea.Msg{ctrlG}, typeText("1"), typeText("1"))},
		} {
			t.Run(fmt.Sprintf("%dx%d/%s", w, h, tc.name), func(t *testing.T) {
				m := send(t, newModel(t, w, h), tc.msgs...)
				golden.RequireEqual(t, shown(m))
			})
		}
	}
}

// Typing is searching: no letter typed as part of a word quits, copies or
// switches tab.
func TestTypingIsSearching(t *testing.T) {
	for _, tc := range []struct {
		text string
		code int
	}{
		{"bad request", 400},
		{"payload", 413},
		{"gateway timeout", 504},
		{"quota exceeded", 429},
		{"429", 429},
		{"HTTP/1.1 502 Bad Gateway", 502},
	} {
		m := newModel(t, 120, 40)
		for _, msg := range typeText(tc.text) {
			var out []tea.Msg
			if m, out = sendCmd(t, m, msg); out != nil {
				t.Errorf("%q: typing %v gave %v", tc.text, msg, out)
			}
		}
		if m.Filter() != tc.text || m.Tab() != 0 || m.Focused() != "list" || m.status != "" || len(m.stack) != 0 {
			t.Errorf("%q: filter %q tab %d focus %s status %q", tc.text, m.Filter(), m.Tab(), m.Focused(), m.status)
		}
		if s := m.Selected(); s == nil || s.Code != tc.code {
			t.Errorf("%q: selected %v, want %d", tc.text, s, tc.code)
		}
	}
}

func TestEscClearsThenQuits(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("teapot")...)
	m, out := sendCmd(t, m, esc)
	if quits(out) || m.Filter() != "" || len(m.explorer.list.visible) != data.Load().Len() {
		t.Fatalf("esc with a filter: quit %v, filter %q, %d rows", quits(out), m.Filter(), len(m.explorer.list.visible))
	}
	if _, out = sendCmd(t, m, esc); !quits(out) {
		t.Error("esc with nothing to clear does not quit")
	}
	if _, out = sendCmd(t, m, ctrlC); !quits(out) {
		t.Error("ctrl+c does not quit")
	}
	m = send(t, m, typeText("q")...)
	if _, out = sendCmd(t, m, ctrlC); !quits(out) || m.Filter() != "q" {
		t.Errorf("q must be text (%q) and ctrl+c must still quit", m.Filter())
	}
}

func TestFilterAppliesAcrossTabs(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("timeout")...)
	if m.Selected().Code != 408 {
		t.Errorf("timeout: first is %d", m.Selected().Code)
	}
	c := m.explorer.list.counts
	if c[0] != len(m.explorer.list.results) || c[5] == 0 || c[vendorTab] == 0 {
		t.Errorf("counts %v", c)
	}
	m = send(t, m, tabKey, tabKey, tabKey, tabKey, tabKey)
	if m.Tab() != 5 || m.Selected().Code/100 != 5 || len(m.explorer.list.visible) != c[5] {
		t.Errorf("5xx tab: tab %d selected %d, %d rows for count %d", m.Tab(), m.Selected().Code, len(m.explorer.list.visible), c[5])
	}
	if !strings.Contains(shown(m), "5xx Server "+fmt.Sprint(c[5])) {
		t.Error("tab bar does not show the live count")
	}
}

// The tab bar does not move as the filter narrows or the tab changes.
func TestTabsDoNotJump(t *testing.T) {
	for _, w := range []int{120, 80, 60, 40} {
		m := newModel(t, w, 24)
		spans := m.tabSpans
		for _, msg := range keys(typeText("gateway"), []tea.Msg{tabKey, tabKey, tabKey}, typeText("x")) {
			m = send(t, m, msg)
			if fmt.Sprint(m.tabSpans) != fmt.Sprint(spans) {
				t.Fatalf("%d wide: tabs moved from %v to %v", w, spans, m.tabSpans)
			}
		}
		if !strings.Contains(shown(m), "Vendor") {
			t.Errorf("%d wide: the last tab is not Vendor:\n%s", w, shown(m))
		}
	}
}

func TestTabsCycleBothWays(t *testing.T) {
	m := newModel(t, 120, 40)
	for i := 1; i <= len(tabs); i++ {
		m = send(t, m, tabKey)
		if m.Tab() != i%len(tabs) {
			t.Fatalf("after %d tabs: tab %d", i, m.Tab())
		}
	}
	m = send(t, m, press(tea.KeyTab, tea.ModShift))
	if m.Tab() != vendorTab {
		t.Fatalf("shift+tab from All: tab %d", m.Tab())
	}
	// The vendor tab lists no IANA code, grouped by vendor.
	prev := ""
	seen := map[string]bool{}
	for _, i := range m.explorer.list.visible {
		s := m.explorer.list.results[i].Status
		if s.Official {
			t.Errorf("Vendor tab lists %s", s.Title())
		}
		if s.Source != prev && seen[s.Source] {
			t.Errorf("%s's entries are not together", s.Source)
		}
		seen[s.Source], prev = true, s.Source
	}
}

// In a narrow list, a vendor's badge is never cut: it tells 520 from 522.
func TestVendorBadgeWinsOverThePhrase(t *testing.T) {
	for _, w := range []int{100, 80, 60, 40} {
		m := send(t, newModel(t, w, 30), typeText("cloudflare")...)
		if n := strings.Count(shown(m), "[Cloudflare]"); n < 5 {
			t.Errorf("%d wide: %d whole Cloudflare badges:\n%s", w, n, shown(m))
		}
	}
}

// A code the catalog lacks shows the nearest codes, as the command line
// names them, and the detail pane says what a query can be.
func TestNoMatchShowsNearest(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("250")...)
	s := shown(m)
	if !strings.Contains(s, "No status matches “250”") || !strings.Contains(s, "nearest: 226, 299") {
		t.Errorf("no nearest codes:\n%s", s)
	}
	if sel := m.Selected(); sel == nil || sel.Code != 226 {
		t.Errorf("selected %v, want the nearest, 226", sel)
	}
	m = send(t, newModel(t, 120, 40), typeText("xyzzy plugh")...)
	if s := shown(m); !strings.Contains(s, "No status matches") || !strings.Contains(s, "A query can be:") {
		t.Errorf("no help for words that match nothing:\n%s", s)
	}
}

// A row that matched on its description says why.
func TestRowsSayWhyTheyMatched(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("guru meditation")...)
	if s := shown(m); !strings.Contains(s, "503 Backend Fetch Failed [Varnish] ~") {
		t.Errorf("no reason shown:\n%s", s)
	}
}

// The footer always says how to quit, and how to get help except on the
// help screen, which says how to close it.
func TestFooterAlwaysShowsHelpAndQuit(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}, {40, 10}} {
		for _, msgs := range [][]tea.Msg{nil, typeText("404"), keys(typeText("404"), []tea.Msg{enter}), {question}, {ctrlG}, {ctrlY}} {
			m := send(t, newModel(t, size[0], size[1]), msgs...)
			lines := strings.Split(shown(m), "\n")
			foot := lines[len(lines)-1]
			help := "help"
			if m.Focused() == "help" {
				help = "esc/q close"
			}
			if !strings.Contains(foot, help) || !strings.Contains(foot, "ctrl+c quit") {
				t.Errorf("%dx%d after %v: footer %q", size[0], size[1], msgs, foot)
			}
		}
	}
}

func TestMouse(t *testing.T) {
	m := newModel(t, 120, 26) // short enough that cards scroll
	span := m.tabSpans[4]     // 4xx
	m = send(t, m, tea.MouseClickMsg{X: span[0] + 1, Y: 0, Button: tea.MouseLeft})
	if m.Tab() != 4 {
		t.Fatalf("click on 4xx: tab %d", m.Tab())
	}
	// Third row of the list: border, filter line, then rows.
	lay := m.explorer.lay
	row := m.body.y + lay.list.inner().y + filterLines + 2
	m = send(t, m, tea.MouseClickMsg{X: 5, Y: row, Button: tea.MouseLeft})
	if got, want := m.Selected(), m.explorer.list.results[m.explorer.list.visible[2]].Status; got != want {
		t.Fatalf("click on third row selected %s, want %s", got.Title(), want.Title())
	}
	clicked := m.explorer.list.cursor
	m = send(t, m, tea.MouseWheelMsg{X: 5, Y: row, Button: tea.MouseWheelDown})
	if m.explorer.list.cursor != clicked+1 {
		t.Errorf("wheel down over the list moved from row %d to %d", clicked, m.explorer.list.cursor)
	}
	card := &m.explorer.card
	before := card.offset
	m = send(t, m, tea.MouseWheelMsg{X: lay.detail.x + 5, Y: row, Button: tea.MouseWheelDown})
	if card.offset <= before {
		t.Error("wheel over the detail did not scroll it")
	}
	// Clicking a related code in the card jumps to it; scroll the card
	// until one is in view, however long the description above it.
	for range 100 {
		in := lay.detail.inner()
		for line, code := range card.related {
			y := m.body.y + in.y + line - card.offset
			if y < m.body.y+in.y || y >= m.body.y+in.y+in.h {
				continue
			}
			m = send(t, m, tea.MouseClickMsg{X: lay.detail.x + 15, Y: y, Button: tea.MouseLeft})
			if m.Selected().Code != code {
				t.Errorf("click on related %d selected %s", code, m.Selected().Title())
			}
			return
		}
		m = send(t, m, tea.MouseWheelMsg{X: lay.detail.x + 5, Y: row, Button: tea.MouseWheelDown})
	}
	t.Error("no related code visible to click")
}

func TestNarrowDetailAndRelatedJump(t *testing.T) {
	m := send(t, newModel(t, 80, 24), typeText("404")...)
	m = send(t, m, enter)
	if lay := m.explorer.lay; m.Focused() != "detail" || lay.list.w != 0 || lay.detail.w != 80 {
		t.Fatalf("enter on a narrow screen: focus %s, list %+v detail %+v", m.Focused(), lay.list, lay.detail)
	}
	related := m.Selected().Related
	m = send(t, m, typeText("1")...)
	if m.Selected().Code != related[0] {
		t.Fatalf("1 jumped to %s, want %d", m.Selected().Title(), related[0])
	}
	if m.Filter() != "" || m.Tab() != 0 {
		t.Errorf("a jump outside the filter should clear it: %q tab %d", m.Filter(), m.Tab())
	}
	m = send(t, m, esc)
	if m.Focused() != "list" || m.explorer.lay.detail.w != 0 {
		t.Errorf("esc: focus %s, detail %+v", m.Focused(), m.explorer.lay.detail)
	}
}

// Side by side, the card's related codes are one key away from the list,
// and the card and footer say which.
func TestRelatedFromTheList(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("504")...)
	want := m.Selected().Related[1]
	if s := shown(m); !strings.Contains(s, "alt+1-9 related code") || !strings.Contains(s, "2 "+data.FormatCode(want)) {
		t.Errorf("the way to related codes is not shown:\n%s", s)
	}
	m = send(t, m, press('2', tea.ModAlt))
	if m.Selected().Code != want || m.Focused() != "list" {
		t.Errorf("alt+2: %s focus %s, want %d", m.Selected().Title(), m.Focused(), want)
	}
	m = send(t, m, press(tea.KeyLeft, tea.ModAlt))
	if m.Selected().Code != 504 || m.Filter() != "504" {
		t.Errorf("alt+left: %s filter %q, want 504 back", m.Selected().Title(), m.Filter())
	}
}

// Focus on the detail survives a resize across the wide/narrow boundary:
// side by side when wide, full screen when narrow, and back.
func TestDetailFocusAcrossResizes(t *testing.T) {
	m := send(t, newModel(t, 120, 40), enter)
	m = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 20})
	if lay := m.explorer.lay; lay.list.w != 0 || lay.detail.w != 60 {
		t.Errorf("narrow with the detail focused: list %+v detail %+v", lay.list, lay.detail)
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if lay := m.explorer.lay; lay.list.w == 0 || lay.detail.w == 0 || m.Focused() != "detail" {
		t.Errorf("wide again: list %+v detail %+v focus %s", lay.list, lay.detail, m.Focused())
	}
}

func TestDetailScrollsWithKeys(t *testing.T) {
	m := send(t, newModel(t, 120, 24), enter, press(tea.KeyPgDown))
	if m.explorer.card.offset == 0 {
		t.Error("pgdown in the detail did not scroll")
	}
	if m.Selected().Code != 100 {
		t.Errorf("scrolling the detail moved the list to %d", m.Selected().Code)
	}
	// A letter that is not a command of the detail goes back to typing.
	m = send(t, m, typeText("w")...)
	if m.Focused() != "list" || m.Filter() != "w" {
		t.Errorf("w in the detail: focus %s filter %q", m.Focused(), m.Filter())
	}
}

func TestCopyMenu(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("404")...)
	m = send(t, m, ctrlY)
	if m.Focused() != "menu" || !strings.Contains(shown(m), "Go constant") {
		t.Fatalf("ctrl+y: focus %s\n%s", m.Focused(), shown(m))
	}
	m, out := sendCmd(t, m, enter)
	if copied(out) != "404 Not Found" || m.Focused() == "menu" {
		t.Fatalf("enter: want OSC 52 for %q and the menu closed", "404 Not Found")
	}
	if !strings.Contains(shown(m), "Copied code and phrase: “404 Not Found”") {
		t.Error("no confirmation after copying")
	}
	m = send(t, m, enter, typeText("y")[0]) // in the detail, y opens it too
	m, out = sendCmd(t, m, typeText("2")[0])
	if copied(out) != "404" {
		t.Errorf("2 in the menu: want the code alone")
	}
	m = send(t, m, ctrlY, esc)
	if m.Focused() != "detail" {
		t.Errorf("esc closes the menu: focus %s", m.Focused())
	}
}

func TestCompareScreen(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("308")...)
	m = send(t, m, ctrlT)
	s := shown(m)
	if m.Focused() != "compare" || !strings.Contains(s, "308 Permanent") || !strings.Contains(s, "Method kept?") {
		t.Fatalf("ctrl+t: focus %s\n%s", m.Focused(), s)
	}
	m = send(t, m, esc)
	if m.Focused() != "list" || m.Selected().Code != 308 {
		t.Errorf("esc: focus %s, %s", m.Focused(), m.Selected().Title())
	}
	// A code no family holds offers no comparison.
	m = send(t, newModel(t, 120, 40), typeText("418")...)
	if m.explorer.keys.List.Compare.Enabled() {
		t.Error("compare offered for 418")
	}
}

// The guide asks, goes back one question, ends at a code with why, and
// opens it in the explorer.
func TestGuide(t *testing.T) {
	m := send(t, newModel(t, 120, 40), ctrlG)
	start := data.LoadGuide().Start()
	if m.Focused() != "guide" || !strings.Contains(shown(m), start.Question) {
		t.Fatalf("ctrl+g: focus %s\n%s", m.Focused(), shown(m))
	}
	m = send(t, m, down, enter) // the second answer of the first question
	second := start.Answers[1]
	if len(m.guide().path) != 1 || !strings.Contains(shown(m), start.Question+" › "+second.Label) {
		t.Fatalf("the path taken is not on screen:\n%s", shown(m))
	}
	m = send(t, m, press(tea.KeyBackspace))
	if len(m.guide().path) != 0 || m.guide().selected != 1 {
		t.Fatalf("back: path %d, selected %d", len(m.guide().path), m.guide().selected)
	}
	// Follow the first answers down to a code.
	for m.guide().node != nil {
		m = send(t, m, typeText("1")...)
	}
	end := m.guide().path[len(m.guide().path)-1].Answer()
	if !strings.Contains(shown(m), data.FormatCode(end.Code)) {
		t.Errorf("the result does not show %d:\n%s", end.Code, shown(m))
	}
	m = send(t, m, enter)
	if m.Focused() != "detail" || m.Selected().Code != end.Code {
		t.Errorf("enter on the result: focus %s, %s", m.Focused(), m.Selected().Title())
	}
}

func TestPickMode(t *testing.T) {
	m := newModel(t, 80, 24, WithPick(), WithQuery("gateway"))
	m, out := sendCmd(t, m, enter)
	if !quits(out) || m.Chosen() != "502" {
		t.Errorf("enter in pick mode: quit %v, chosen %q", quits(out), m.Chosen())
	}
	m = newModel(t, 80, 24, WithPick())
	m = send(t, m, press('o', tea.ModCtrl))
	if m.Focused() != "detail" {
		t.Errorf("ctrl+o: focus %s", m.Focused())
	}
	if _, out := sendCmd(t, m, ctrlC); !quits(out) || m.Chosen() != "" {
		t.Error("ctrl+c in pick mode must leave without a choice")
	}
}

// code=$(httpstatus choose): enter on the guide's result chooses its code.
func TestPickModeGuide(t *testing.T) {
	m := newModel(t, 80, 24, WithPick(), WithGuide())
	var taken []string
	for m.guide().node != nil {
		taken = append(taken, m.guide().node.Answers[0].Label)
		m = send(t, m, typeText("1")...)
	}
	if !strings.Contains(shown(m), "enter choose ") {
		t.Errorf("the footer does not say enter chooses:\n%s", shown(m))
	}
	want := data.FormatCode(m.guide().path[len(m.guide().path)-1].Answer().Code)
	m, cmd := sendCmd(t, m, enter)
	if !quits(cmd) || m.Chosen() != want || want == "" {
		t.Errorf("enter on the result after %q: quit %v, chosen %q, want %q", taken, quits(cmd), m.Chosen(), want)
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

// Pasting a status line, a curl dump or a log line selects its code.
func TestPasteSelectsTheCode(t *testing.T) {
	for _, tc := range []struct {
		paste, filter string
		code          int
		source        string
	}{
		{"HTTP/1.1 404 Not Found", "404 not found", 404, "IANA"},
		{"HTTP/2 522\r\ndate: Tue, 10 Oct 2025 13:55:36 GMT\r\nserver: cloudflare\r\n\r\n<html>", "522", 522, "Cloudflare"},
		// A header field chose the vendor's meaning: the filter names the
		// vendor, so that it means the same when typed again.
		{"HTTP/2 503\r\nserver: awselb/2.0\r\n\r\n", "503 aws elb", 503, "AWS ELB"},
		{`10.0.0.1 - - [10/Oct/2025:13:55:36 +0000] "GET / HTTP/1.1" 499 0 "-" "curl/8.5.0"`, "499", 499, "nginx"},
		{"HTTP/1.1 420 Enhance Your Calm", "420 enhance calm", 420, "Twitter"},
	} {
		m := send(t, newModel(t, 120, 40), tea.PasteMsg{Content: tc.paste})
		if !strings.HasPrefix(m.Filter(), tc.filter) {
			t.Errorf("paste %q: filter %q, want %q", tc.paste, m.Filter(), tc.filter)
		}
		if s := m.Selected(); s == nil || s.Code != tc.code || s.Source != tc.source {
			t.Errorf("paste %q: selected %v, want %d %s", tc.paste, s, tc.code, tc.source)
		}
	}
}

func TestPasteIsSanitised(t *testing.T) {
	m := send(t, newModel(t, 80, 24), tea.PasteMsg{Content: "rate\x1b[31m\nlimit" + strings.Repeat("x", 1<<20)})
	if got := len([]rune(m.Filter())); got > maxFilterRunes {
		t.Errorf("paste left %d runes in the filter", got)
	}
	if strings.ContainsAny(m.Filter(), "\x1b\n") {
		t.Errorf("control characters survived: %q", m.Filter())
	}
}

func TestTinyAndHugeTerminals(t *testing.T) {
	m := newModel(t, 30, 10)
	if !strings.Contains(strings.Join(strings.Fields(shown(m)), " "), "Make the window larger") {
		t.Errorf("30x10:\n%s", shown(m))
	}
	for _, s := range [][2]int{{1, 1}, {0, 0}, {39, 9}, {40, 10}, {500, 200}, {41, 3}, {3, 41}, {120, 40}} {
		m = send(t, m, tea.WindowSizeMsg{Width: s[0], Height: s[1]}, down, enter, question, question)
	}
	if m.tooSmall() || !strings.Contains(shown(m), fmt.Sprintf("All %d", data.Load().Len())) {
		t.Errorf("back to 120x40 the explorer should be whole:\n%s", shown(m))
	}
}

func TestLightDarkAndProfiles(t *testing.T) {
	dark := send(t, newModel(t, 120, 40), tea.BackgroundColorMsg{Color: color.Black})
	light := send(t, newModel(t, 120, 40), tea.BackgroundColorMsg{Color: color.White})
	if dark.styles != ui.SharedExplorerStyles(true, colorprofile.TrueColor) || light.styles != ui.SharedExplorerStyles(false, colorprofile.TrueColor) {
		t.Fatal("background colour not applied")
	}
	if dark.View().Content == light.View().Content {
		t.Error("light and dark render the same colours")
	}
	if shown(dark) != shown(light) {
		t.Error("light and dark differ in text")
	}
	// Without colour, the focused pane still shows: a heavier border.
	plain := send(t, newModel(t, 120, 40), tea.ColorProfileMsg{Profile: colorprofile.Ascii})
	if !strings.Contains(shown(plain), "┏") {
		t.Errorf("no focus mark without colour:\n%s", shown(plain))
	}
}

// Going back through the related codes jumped to restores the filter, the
// tab and the selection.
func TestPreviousAfterJumps(t *testing.T) {
	m := send(t, newModel(t, 120, 40), typeText("404")...)
	m = send(t, m, enter)
	first := m.Selected().Related[0]
	m = send(t, m, typeText("1")...)
	second := m.Selected().Related[0]
	m = send(t, m, typeText("1")...)
	if m.Selected().Code != second || len(m.explorer.history) != 2 {
		t.Fatalf("after two jumps: %s, history %d", m.Selected().Title(), len(m.explorer.history))
	}
	m = send(t, m, typeText("b")...)
	if m.Selected().Code != first {
		t.Errorf("b: %s, want %d", m.Selected().Title(), first)
	}
	m = send(t, m, typeText("b")...)
	if m.Selected().Code != 404 || m.Filter() != "404" || m.Focused() != "detail" {
		t.Errorf("b again: %s, filter %q, focus %s", m.Selected().Title(), m.Filter(), m.Focused())
	}
	if m.explorer.keys.Card.Previous.Enabled() {
		t.Error("b offered with nothing to go back to")
	}
}

func BenchmarkKeystroke(b *testing.B) {
	m := newModel(b, 120, 40)
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
		m.redraw()
	}
}

func BenchmarkFirstFrame(b *testing.B) {
	cat := data.Load()
	for b.Loop() {
		next, _ := New(cat).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = next.View()
	}
}

// The filter line edits as a shell's does.
func TestFilterEditing(t *testing.T) {
	m := send(t, newModel(t, 80, 24), typeText("gatway timeout")...)
	for range len("way timeout") {
		m = send(t, m, press(tea.KeyLeft))
	}
	m = send(t, m, typeText("e")...) // the typo mended mid-line
	if m.Filter() != "gateway timeout" || m.Selected().Code != 504 {
		t.Errorf("after mending: filter %q, selected %s", m.Filter(), m.Selected().Title())
	}
	m = send(t, m, press('e', tea.ModCtrl), press('w', tea.ModCtrl))
	if m.Filter() != "gateway " {
		t.Errorf("ctrl+e, ctrl+w: %q, want the last word gone", m.Filter())
	}
	m = send(t, m, press('u', tea.ModCtrl))
	if m.Filter() != "" || len(m.explorer.list.visible) != data.Load().Len() {
		t.Errorf("ctrl+u left %q", m.Filter())
	}
	in := newFilterInput(5)
	in.SetValue("abcdefgh")
	if in.Value() != "abcde" || in.cursor != 5 {
		t.Errorf("limit: %q cursor %d", in.Value(), in.cursor)
	}
	in.edit(press(tea.KeyLeft))
	in.edit(press(tea.KeyBackspace))
	in.edit(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if in.Value() != "abcxe" {
		t.Errorf("edit mid-line: %q", in.Value())
	}
	in.edit(tea.KeyPressMsg{Code: 'y', Text: "y"}) // full: nothing more goes in
	if in.Value() != "abcxe" {
		t.Errorf("typing past the limit: %q", in.Value())
	}
}

// BenchmarkKeystrokeFullFilter types into a filter at its limit, where
// drawing the filter line once took longer than the search.
func BenchmarkKeystrokeFullFilter(b *testing.B) {
	m := newModel(b, 80, 24, WithQuery(strings.Repeat("1", maxFilterRunes)))
	k := tea.KeyPressMsg{Code: '1', Text: "1"}
	for b.Loop() {
		m.Update(k)
	}
}
