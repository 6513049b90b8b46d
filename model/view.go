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

// View returns the frame Update drew: exactly the terminal's height, every
// line within its width.
func (m *Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "httpstatus"
	return v
}

// render draws the frame: exactly m.height lines, the tab bar first and
// the footer last, none wider than m.width. Each part is cut to its box
// where it is made, so the frame is joined without measuring it again
// (this is the hot path of a keystroke); render itself only pads or cuts
// every part to the number of lines it was given, so nothing it joins can
// push the footer off the screen or leave a pane short.
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
	var body []string
	switch m.screen {
	case screenHelp:
		body = exactly(m.helpView(l.body), l.body.h, l.body.w)
	case screenCompare:
		body = exactly(m.compareView(l.body), l.body.h, l.body.w)
	case screenGuide:
		body = exactly(m.guideView(l.body), l.body.h, l.body.w)
	default:
		var list, detail []string
		if l.list.w > 0 {
			list = exactly(m.listView(), l.body.h, l.list.w)
		}
		if l.detail.w > 0 {
			detail = exactly(m.detailView(), l.body.h, l.detail.w)
		}
		switch {
		case list == nil:
			body = detail
		case detail == nil:
			body = list
		default:
			body = list
			for i := range body {
				body[i] += detail[i]
			}
		}
	}
	if m.menu != nil {
		menu, r := m.menuView()
		for i, line := range splitLines(menu) {
			if y := r.y - l.body.y + i; y >= 0 && y < len(body) {
				body[y] = ansi.Truncate(body[y], r.x, "") + line
			}
		}
	}
	head := splitLines(l.tabBar)
	foot := splitLines(l.footer)
	lines := make([]string, 0, m.height)
	lines = append(lines, head...)
	lines = append(lines, exactlyLines(body, m.height-len(head)-len(foot), m.width)...)
	lines = append(lines, foot...)
	return strings.Join(lines[max(len(lines)-m.height, 0):], "\n")
}

// exactly splits a pane into exactly n lines, blank ones w cells wide.
func exactly(pane string, n, w int) []string { return exactlyLines(splitLines(pane), n, w) }

// exactlyLines pads or cuts lines to exactly n, blank ones w cells wide.
func exactlyLines(lines []string, n, w int) []string {
	n = max(n, 0)
	if len(lines) >= n {
		return lines[:n]
	}
	blank := spaces(w)
	for len(lines) < n {
		lines = append(lines, blank)
	}
	return lines
}

func (m *Model) listView() string {
	r := m.lay.list
	inner := r.inner().w
	lines := []string{m.filterLine(inner)}
	l := &m.list
	if l.empty != "" {
		lines = append(lines, ui.Fit(m.styles.Summary.Render(" "+l.empty), inner, 1))
		if l.nearest != "" {
			lines = append(lines, ui.Fit(m.styles.Dim.Render(" nearest: "+l.nearest), inner, 1))
		} else {
			lines = append(lines, ui.Fit(m.styles.Dim.Render(" try fewer words, a code (404) or a class (4xx)"), inner, 1))
		}
	}
	rows := m.lay.rows - (len(lines) - filterLines)
	for i := l.offset; i < len(l.visible) && i < l.offset+rows; i++ {
		lines = append(lines, ui.Row(l.results[l.visible[i]], m.styles, inner, i == l.cursor))
	}
	if m.lay.preview {
		p := m.preview(inner)
		for len(lines) < r.inner().h-len(p) {
			lines = append(lines, spaces(inner))
		}
		lines = append(lines, p...)
	}
	return ui.Box(lines, tabs[m.tab].title, r.w, r.h, m.focus == focusList, m.styles)
}

// preview is the foot of a narrow list: a rule and the selected entry's
// summary, at most three lines of it, then how to see the rest.
func (m *Model) preview(inner int) []string {
	r, ok := m.list.selected()
	out := []string{ui.Fit(m.styles.Dim.Render(" "+strings.Repeat("─", max(inner-2, 0))), inner, 1)}
	if !ok || inner < 10 {
		return out
	}
	summary := r.Status.Summary
	if r.Sub != nil {
		summary = r.Sub.Summary
	}
	lines := splitLines(ansi.Wrap(summary, inner-2, ""))
	if len(lines) > previewLines-2 {
		lines = append(lines[:previewLines-3], ansi.Truncate(lines[previewLines-3]+" "+lines[previewLines-2], inner-2, "…"))
	}
	for _, l := range lines {
		out = append(out, ui.Fit(" "+l, inner, 1))
	}
	hint := "enter: details"
	if m.pick {
		hint = "enter: choose · ctrl+o: details"
	}
	return append(out, ui.Fit(m.styles.Dim.Render(" "+hint), inner, 1))
}

// filterLine is the filter input, or a hint, with the match position on
// the right.
func (m *Model) filterLine(width int) string {
	pos := ""
	if n := len(m.list.visible); n > 0 {
		pos = strconv.Itoa(m.list.cursor+1) + "/" + strconv.Itoa(n)
	}
	left := m.filter.view(filterPrompt, filterPlaceholder, width-len(pos)-1, m.focus == focusList, m.styles)
	gap := width - ansi.StringWidth(left) - len(pos)
	if gap < 1 {
		return ui.Fit(left, width, 1)
	}
	return left + spaces(gap) + m.styles.Dim.Render(pos)
}

func (m *Model) detailView() string {
	r := m.lay.detail
	title := "Details"
	if sel, ok := m.list.selected(); ok {
		code, phrase := sel.Names()
		title = code + " " + phrase
		if v := m.card.view; !v.AtTop() || !v.AtBottom() {
			title += fmt.Sprintf(" · %d%%", int(v.ScrollPercent()*100))
		}
	}
	lines := m.card.visibleLines(r.inner().w)
	if len(lines) == 0 && m.list.empty != "" {
		lines = m.emptyHelp(r.inner().w)
	}
	return ui.Box(lines, title, r.w, r.h, m.focus == focusDetail, m.styles)
}

// emptyHelp fills the detail pane when nothing matches: what a query can be.
func (m *Model) emptyHelp(inner int) []string {
	var out []string
	for _, l := range []string{
		"", "A query can be:",
		"  a code            404, 301 308, 404.3, 1020",
		"  a class           4xx, 40x, 5",
		"  words             rate limit, not found, throttled",
		"  a code and words  499 nginx, 420 twitter",
		"  a pasted line     HTTP/1.1 502 Bad Gateway, status=503",
	} {
		out = append(out, ui.Fit(" "+l, inner, 1))
	}
	return out
}

// helpView lists every key that works, in columns that fit the body.
func (m *Model) helpView(r rect) string {
	in := r.inner()
	var lines []string
	for _, b := range m.helpKeys {
		h := b.Help()
		lines = append(lines, m.styles.Prompt.Render(fmt.Sprintf("%-10s", h.Key))+" "+h.Desc)
	}
	for _, l := range []string{"", "Typing is searching: letters, digits and a pasted status line",
		"or log line go to the filter. ? opens this help while the filter", "is empty, f1 always; esc or ? closes it."} {
		lines = append(lines, m.styles.Dim.Render(l))
	}
	widths := make([]int, len(lines))
	for i, l := range lines {
		lines[i] = ui.Fit(l, max(in.w-2*cardPad, 1), 1)
		widths[i] = ansi.StringWidth(lines[i])
	}
	m.helpOffset = min(m.helpOffset, max(len(lines)-in.h, 0))
	return m.textBox(lines, widths, m.helpOffset, "Keys", r)
}

// textBox draws lines of known widths, scrolled to offset, in a focused
// box filling r.
func (m *Model) textBox(lines []string, widths []int, offset int, title string, r rect) string {
	in := r.inner()
	out := make([]string, 0, in.h)
	for i := offset; i < len(lines) && i < offset+in.h; i++ {
		if pad := in.w - cardPad - widths[i]; pad >= 0 {
			out = append(out, " "+lines[i]+spaces(pad))
		} else {
			out = append(out, ui.Fit(" "+lines[i], in.w, 1))
		}
	}
	if len(lines) > in.h {
		title += fmt.Sprintf(" · %d%%", 100*min(offset+in.h, len(lines))/len(lines))
	}
	return ui.Box(out, title, r.w, r.h, true, m.styles)
}

// The filter line's prompt, and what it shows while empty.
const (
	filterPrompt      = "/ "
	filterPlaceholder = "type a code, words or a status line"
)

func splitLines(s string) []string { return strings.Split(s, "\n") }

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }
