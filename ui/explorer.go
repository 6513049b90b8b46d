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
	code := p.code[categoryIndex(s)]
	if r.Field == data.FieldCode {
		w.highlight(s.CodeString(), r.Positions, code, p.codeMatch[categoryIndex(s)])
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

// paint is a style's escape codes, applied by concatenation. lipgloss's
// Render measures and wraps its input, which costs too much for forty rows
// on every keystroke; these styles need neither.
type paint struct{ pre, post string }

func newPaint(s lipgloss.Style) paint {
	pre, post, _ := strings.Cut(s.Render("\uE000"), "\uE000")
	return paint{pre, post}
}

// on paints s.
func (p paint) on(s string) string { return p.pre + s + p.post }

// rowPaints are the styles of a list row, normal or selected (the selected
// ones carry the selection background in every span).
type rowPaints struct {
	text, dim, match, vendor, old, marker paint
	code, codeMatch                       [5]paint
}

func newRowPaints(st *Styles, bg lipgloss.Style) rowPaints {
	on := func(s lipgloss.Style) paint { return newPaint(s.Inherit(bg)) }
	p := rowPaints{
		text: on(st.Phrase), dim: on(st.Dim), match: on(st.Match),
		vendor: on(st.Vendor), old: on(st.Old), marker: on(st.SelectedMarker),
	}
	for i, c := range st.Code {
		p.code[i] = on(c)
		p.codeMatch[i] = on(st.Match.Inherit(c))
	}
	return p
}

func categoryIndex(s *data.Status) int {
	for i, c := range data.Categories {
		if s.Category == c {
			return i
		}
	}
	return 0
}

// rowWriter builds a styled line and its plain text side by side, so its
// width can be known without parsing escape codes.
type rowWriter struct {
	styled, plain strings.Builder
}

func (w *rowWriter) add(p paint, s string) {
	w.styled.WriteString(p.on(s))
	w.plain.WriteString(s)
}

// badges mark vendor and deprecated entries: " [nginx] [deprecated]".
func (w *rowWriter) badges(p *rowPaints, s *data.Status) {
	if !s.Official {
		w.add(p.text, " ")
		w.add(p.vendor, "["+s.Source+"]")
	}
	if s.Deprecated {
		w.add(p.text, " ")
		w.add(p.old, "[deprecated]")
	}
}

// append writes what another writer holds.
func (w *rowWriter) append(o *rowWriter) {
	w.styled.WriteString(o.styled.String())
	w.plain.WriteString(o.plain.String())
}

// width is the plain text's width in cells.
func (w *rowWriter) width() int {
	plain := w.plain.String()
	if isPlainASCII(plain) {
		return len(plain)
	}
	return ansi.StringWidth(plain)
}

// highlight writes s with the runes at positions (ascending rune indexes)
// in match and the rest in base.
func (w *rowWriter) highlight(s string, positions []int, base, match paint) {
	runes := []rune(s)
	k := 0
	for i := 0; i < len(runes); {
		hit := k < len(positions) && positions[k] == i
		j := i
		for j < len(runes) && (k < len(positions) && positions[k] == j) == hit {
			if hit {
				k++
			}
			j++
		}
		p := base
		if hit {
			p = match
		}
		w.add(p, string(runes[i:j]))
		i = j
	}
}

// finish pads or cuts the line to exactly width cells.
func (w *rowWriter) finish(pad paint, width int) string {
	n := w.width()
	if n > width {
		return ansi.Truncate(w.styled.String(), width-1, "") + pad.pre + "…" + pad.post
	}
	return w.styled.String() + pad.pre + strings.Repeat(" ", width-n) + pad.post
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
