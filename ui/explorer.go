package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Tab is one category tab: a long and a short label and how many entries
// it currently shows.
type Tab struct {
	Long, Short string
	Count       int
}

// TabBar renders the tabs in one line of at most width cells, using the
// longest labels that fit, and returns the cell range [start, end) of each
// tab for mouse clicks.
func TabBar(tabs []Tab, active, width int, st *Styles) (string, [][2]int) {
	level := 0
	line, spans := tabLine(tabs, active, level, st)
	for spans[len(spans)-1][1] > width && level < 3 {
		level++
		line, spans = tabLine(tabs, active, level, st)
	}
	if spans[len(spans)-1][1] > width {
		line = ansi.Truncate(line, max(width, 0), "…")
	}
	return line, spans
}

// tabLine renders the tabs at a level of detail: 0 long labels, 1 a long
// label for the active tab only, 2 short labels, each with its count, and 3
// short labels alone. Labels are ASCII, so widths are byte counts.
func tabLine(tabs []Tab, active, level int, st *Styles) (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(tabs))
	x := 0
	for i, t := range tabs {
		label := t.Short
		if level == 0 || (level == 1 && i == active) {
			label = t.Long
		}
		p := st.tab
		if i == active {
			p = st.tabActive
		}
		cell := " " + p.pre + label + p.post
		n := 1 + len(label) + 1
		if level < 3 {
			count := strconv.Itoa(t.Count)
			cell += " " + st.tabCount.pre + count + st.tabCount.post
			n += 1 + len(count)
		}
		b.WriteString(cell + " ")
		spans[i] = [2]int{x, x + n}
		x += n
	}
	return b.String(), spans
}

// Row renders one list entry in exactly width cells: a selection marker,
// the code coloured by class, the phrase with matched characters
// highlighted, badges, and the alias or keyword that matched when it was not
// the phrase.
func Row(r data.Result, st *Styles, width int, selected bool) string {
	p := &st.rows[0]
	if selected {
		p = &st.rows[1]
	}
	s := r.Status
	var w rowWriter
	if selected {
		w.add(p.marker, "▌ ")
	} else {
		w.add(p.text, "  ")
	}
	code := p.code[s.Category.Index()]
	if r.Field == data.FieldCode {
		w.highlight(s.CodeString(), r.Positions, code, p.codeMatch[s.Category.Index()])
	} else {
		w.add(code, s.CodeString())
	}
	w.add(p.text, " ")
	if r.Field == data.FieldPhrase {
		w.highlight(s.Phrase, r.Positions, p.text, p.match)
	} else {
		w.add(p.text, s.Phrase)
	}
	w.badges(p, s)
	if r.Field == data.FieldAlias || r.Field == data.FieldKeyword {
		w.add(p.dim, " ~ ")
		w.highlight(r.Text, r.Positions, p.dim, p.match)
	}
	return w.finish(p.text, width)
}

// Box draws a rounded border with a title in the top edge around lines that
// are each exactly width-2 cells (Fit or Row make them so); missing lines
// are blank. The result is exactly width x height cells.
func Box(lines []string, title string, width, height int, focused bool, st *Styles) string {
	if width < 2 || height < 2 {
		return Fit("", width, height)
	}
	border := st.Pane
	if focused {
		border = st.PaneFocused
	}
	edge := lipgloss.NewStyle().Foreground(border.GetBorderTopForeground())
	inner := width - 2
	top := "─"
	if title != "" && inner > 4 {
		top += " " + ansi.Truncate(title, inner-4, "…") + " "
	}
	top += strings.Repeat("─", max(inner-ansi.StringWidth(top), 0))
	side := edge.Render("│")
	blank := strings.Repeat(" ", inner)
	var b strings.Builder
	b.WriteString(edge.Render("╭" + top + "╮"))
	for i := range height - 2 {
		l := blank
		if i < len(lines) {
			l = lines[i]
		}
		b.WriteString("\n" + side + l + side)
	}
	b.WriteString("\n" + edge.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return b.String()
}

// Fit pads or cuts s to exactly width x height cells.
func Fit(s string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		l = ansi.Truncate(l, width, "")
		if pad := width - ansi.StringWidth(l); pad > 0 {
			l += strings.Repeat(" ", pad)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
