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
// highlighted, badges, and, when the phrase is not why the entry matched,
// the text that is: an alias, a keyword, or a piece of the summary or
// description.
func Row(r data.Result, st *Styles, width int, selected bool) string {
	p := &st.rows[0]
	if selected {
		p = &st.rows[1]
	}
	var w rowWriter
	if selected {
		w.add(p.marker, "▌ ")
	} else {
		w.add(p.text, "  ")
	}
	writeResult(&w, p, r, " ")
	if h := r.Hint; h.Field != data.FieldNone {
		text, pos := h.Text, h.Positions
		if h.Field == data.FieldSummary || h.Field == data.FieldDescription {
			text, pos = snippet(text, pos, hintContext)
		}
		w.add(p.dim, " ~ ")
		w.highlight(text, pos, p.dim, p.match)
	}
	return w.finish(p.text, width)
}

// writeResult writes a result's code, gap, phrase and badges (vendor,
// deprecated) with what the query matched highlighted.
func writeResult(w *rowWriter, p *rowPaints, r data.Result, gap string) {
	s := r.Status
	ci := s.Category.Index()
	code, phrase, source := s.CodeString(), s.Phrase, s.Source
	if r.Sub != nil {
		code, phrase, source = r.Sub.Code, r.Sub.Phrase, r.Sub.Source
	}
	w.highlight(code, firstRunes(r.CodeDigits), p.code[ci], p.codeMatch[ci])
	w.add(p.text, gap)
	w.highlight(phrase, r.Phrase, p.text, p.match)
	if r.Sub != nil || !s.Official {
		w.add(p.text, " ")
		w.add(p.vendor, "["+source+"]")
	}
	if s.Deprecated && r.Sub == nil {
		w.add(p.text, " ")
		w.add(p.old, "[deprecated]")
	}
}

// hintContext is how many runes of prose a hint shows before the first
// matched word.
const hintContext = 12

// snippet cuts prose to start a little before its first matched rune, so
// a row shows the words that matched rather than the start of a paragraph.
func snippet(text string, pos []int, context int) (string, []int) {
	if len(pos) == 0 || pos[0] <= context {
		return text, pos
	}
	runes := []rune(text)
	from := pos[0] - context
	for from < pos[0] && runes[from] != ' ' {
		from++ // start at a word
	}
	from++
	out := make([]int, len(pos))
	for i, p := range pos {
		out[i] = p - from + 1
	}
	return "…" + string(runes[from:]), out
}

func firstRunes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
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
