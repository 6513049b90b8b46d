package model

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// rect is a box on the screen.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where everything goes for the current size and chrome.
type layout struct {
	tooSmall     bool
	wide         bool
	tabBar       string
	tabs         [][2]int
	footer       string
	list, detail rect     // zero when hidden
	rows         int      // list rows that fit
	preview      []string // the foot of a narrow list
}

// layout recomputes sizes after anything that changes the screen or the
// chrome (size, help, focus, selection) and keeps the selection in view.
func (m *Model) layout() {
	l := layout{tooSmall: m.width < MinWidth || m.height < MinHeight}
	l.wide = m.width >= wideWidth
	m.updateKeys(l.wide)
	if l.tooSmall {
		m.lay = l
		return
	}
	tabList := make([]ui.Tab, len(tabs))
	for i, t := range tabs {
		tabList[i] = ui.Tab{Long: t.long, Short: t.short, Count: m.counts[i]}
	}
	l.tabBar, l.tabs = ui.TabBar(tabList, m.tab, m.width, m.styles)

	m.help.SetWidth(m.width)
	if m.status != "" {
		l.footer = m.styles.Prompt.Render(ansi.Truncate(m.status, m.width, "…"))
	} else {
		// help cuts its line to the width only roughly; cut it exactly.
		h := m.help.View(m.keys)
		l.footer = ui.Fit(h, m.width, lipgloss.Height(h))
	}
	bodyY := lipgloss.Height(l.tabBar)
	bodyH := max(m.height-bodyY-lipgloss.Height(l.footer), 3)

	switch {
	case l.wide:
		listW := min(max(m.width*2/5, 36), 56)
		l.list = rect{0, bodyY, listW, bodyH}
		l.detail = rect{listW, bodyY, m.width - listW, bodyH}
	case m.focus == focusDetail: // narrow: the focused detail is full screen
		l.detail = rect{0, bodyY, m.width, bodyH}
	default:
		l.list = rect{0, bodyY, m.width, bodyH}
	}
	l.rows = max(l.list.h-3, 1)              // borders and the filter line
	m.filter.SetWidth(max(l.list.w-2-12, 1)) // leaves room for "123/456"
	if !l.wide && l.list.h >= 14 {
		// Narrow: the list shows the selected entry's summary at its foot,
		// so the answer is on screen before enter opens the detail.
		l.preview = m.preview(l.list.w - 4)
		l.rows -= len(l.preview)
	}

	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+l.rows {
		m.offset = m.cursor - l.rows + 1
	}
	m.offset = max(min(m.offset, len(m.visible)-l.rows), 0)

	if l.detail.w > 0 {
		m.detail.SetWidth(l.detail.w - 2)
		m.detail.SetHeight(l.detail.h - 2)
		m.refreshCard(l.detail.w - 4)
	}
	m.lay = l
}

// refreshCard renders the selected entry's card when it or the width
// changed; a new entry starts at the top.
func (m *Model) refreshCard(width int) {
	s := m.Selected()
	if s == m.cardFor && width == m.cardW {
		return
	}
	if s != m.cardFor {
		m.detail.GotoTop()
	}
	m.cardFor, m.cardW = s, width
	if s == nil {
		m.card, m.cardLines = ui.Rendered{}, nil
		m.detail.SetContentLines(nil)
		return
	}
	m.card = ui.Card(s, m.cat, m.styles, ui.CardOptions{Width: width, Hyperlinks: true, NumberRelated: true})
	m.cardLines = strings.Split(m.card.Text, "\n")
	m.detail.SetContentLines(m.cardLines)
}

// updateKeys enables the bindings that work in the current mode, so help
// lists only those.
func (m *Model) updateKeys(wide bool) {
	k := &m.keys
	list, filtering, detail := m.focus == focusList, m.focus == focusFilter, m.focus == focusDetail
	hasFilter := m.filter.Value() != ""
	sel := m.Selected()
	k.Up.SetEnabled(!filtering)
	k.Down.SetEnabled(!filtering)
	k.PageUp.SetEnabled(!filtering)
	k.PageDown.SetEnabled(!filtering)
	k.Home.SetEnabled(!filtering)
	k.End.SetEnabled(!filtering)
	k.Filter.SetEnabled(!filtering)
	k.ClearFilter.SetEnabled(filtering || (list && hasFilter))
	k.AcceptFilter.SetEnabled(filtering)
	k.Open.SetEnabled(list && sel != nil)
	k.Back.SetEnabled(detail)
	k.Related.SetEnabled(detail && sel != nil && len(sel.Related) > 0)
	k.Previous.SetEnabled(detail && len(m.history) > 0)
	k.Copy.SetEnabled(!filtering && sel != nil)
	k.Help.SetEnabled(!filtering)
	k.Quit.SetEnabled(!filtering)
	if wide {
		k.Back.SetHelp("esc", "back to list")
	} else {
		k.Back.SetHelp("esc", "close")
	}
	if detail {
		k.Up.SetHelp("↑/k", "scroll up")
		k.Down.SetHelp("↓/j", "scroll down")
		k.Filter.SetHelp("/", "filter")
	} else {
		k.Up.SetHelp("↑/k", "up")
		k.Down.SetHelp("↓/j", "down")
		k.Filter.SetHelp("/ or 0-9", "filter")
	}
}

// View renders the screen: tab bar, list and detail, footer. Every line fits
// the width and the view never exceeds the height.
func (m *Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "httpstatus"
	return v
}

func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.lay
	if l.tooSmall {
		msg := fmt.Sprintf("Make the window larger: at least %dx%d (now %dx%d).", MinWidth, MinHeight, m.width, m.height)
		msg = ansi.Wrap(msg, m.width, "")
		return ui.Fit(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, msg), m.width, m.height)
	}
	// Every part is already cut to its box, so the screen is joined line by
	// line without measuring it again: this is the hot path of a keystroke.
	var body []string
	switch {
	case l.list.w > 0 && l.detail.w > 0:
		body = strings.Split(m.listView(), "\n")
		for i, d := range strings.Split(m.detailView(), "\n") {
			body[i] += d
		}
	case l.detail.w > 0:
		body = strings.Split(m.detailView(), "\n")
	default:
		body = strings.Split(m.listView(), "\n")
	}
	lines := append([]string{l.tabBar}, body...)
	lines = append(lines, strings.Split(l.footer, "\n")...)
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

func (m *Model) listView() string {
	r := m.lay.list
	inner := r.w - 2
	lines := []string{m.filterLine(inner)}
	for i := m.offset; i < len(m.visible) && i < m.offset+m.lay.rows; i++ {
		lines = append(lines, ui.Row(m.results[m.visible[i]], m.styles, inner, i == m.cursor))
	}
	if len(m.visible) == 0 {
		lines = append(lines, ui.Fit(m.styles.Dim.Render("  No status matches. esc clears the filter."), inner, 1))
	}
	if p := m.lay.preview; len(p) > 0 {
		for len(lines) < r.h-2-len(p) {
			lines = append(lines, strings.Repeat(" ", inner))
		}
		for _, l := range p {
			lines = append(lines, ui.Fit(" "+l, inner, 1))
		}
	}
	return ui.Box(lines, tabs[m.tab].long, r.w, r.h, m.focus != focusDetail, m.styles)
}

// preview is the foot of a narrow list: a rule and the selected entry's
// summary, at most three lines of it.
func (m *Model) preview(width int) []string {
	s := m.Selected()
	if s == nil || width < 10 {
		return nil
	}
	lines := []string{m.styles.Dim.Render(strings.Repeat("─", width))}
	summary := strings.Split(ansi.Wrap(s.Summary, width, ""), "\n")
	if len(summary) > 3 {
		summary = append(summary[:2], ansi.Truncate(summary[2]+" "+summary[3], width, "…"))
	}
	for _, l := range summary {
		lines = append(lines, m.styles.Phrase.Render(l))
	}
	return append(lines, m.styles.Dim.Render("enter: details"))
}

// filterLine is the filter input, or a hint, with the match position on
// the right.
func (m *Model) filterLine(width int) string {
	pos := ""
	if len(m.visible) > 0 {
		pos = strconv.Itoa(m.cursor+1) + "/" + strconv.Itoa(len(m.visible))
	}
	var left string
	switch {
	case m.focus == focusFilter:
		left = m.filter.View()
	case m.filter.Value() != "":
		left = m.styles.Prompt.Render("/ ") + m.filter.Value()
	default:
		left = m.styles.Dim.Render("/ filter · type a code")
	}
	gap := width - ansi.StringWidth(left) - len(pos)
	if gap < 1 {
		return ui.Fit(left, width, 1)
	}
	return left + strings.Repeat(" ", gap) + m.styles.Dim.Render(pos)
}

func (m *Model) detailView() string {
	r := m.lay.detail
	title := "Details"
	if s := m.Selected(); s != nil {
		title = s.Title()
		if !m.detail.AtTop() || !m.detail.AtBottom() {
			title += fmt.Sprintf(" · %d%%", int(m.detail.ScrollPercent()*100))
		}
	}
	// The viewport keeps the scroll state; the lines it shows are sliced
	// here from the card, already cut to width, which saves measuring the
	// whole card again on every frame.
	from := min(m.detail.YOffset(), len(m.cardLines))
	to := min(from+m.detail.Height(), len(m.cardLines))
	lines := make([]string, 0, to-from)
	inner := r.w - 2
	for i, l := range m.cardLines[from:to] {
		if pad := inner - 1 - m.card.Widths[from+i]; pad >= 0 {
			lines = append(lines, " "+l+strings.Repeat(" ", pad))
		} else {
			lines = append(lines, ui.Fit(" "+l, inner, 1))
		}
	}
	return ui.Box(lines, title, r.w, r.h, m.focus == focusDetail, m.styles)
}
