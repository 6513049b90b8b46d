package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Tab is one category tab: a long and a short label, how many entries it
// shows now, and the most it can show, which sets the room its count takes.
type Tab struct {
	Long, Short string
	Count, Max  int
}

// TabBar renders the tabs in one line of at most width cells and returns
// the cell range [start, end) of each tab for mouse clicks. How much each
// tab says (long labels and counts, short labels and counts, short labels,
// short labels closer together) depends on the width alone, and counts take the room
// of the largest they can be, so nothing moves while the user types or
// switches tabs.
func TabBar(tabs []Tab, active, width int, st *ExplorerStyles) (string, [][2]int) {
	var line string
	var spans [][2]int
	for level := range 4 {
		line, spans = tabLine(tabs, active, level, st)
		if spans[len(spans)-1][1] <= width {
			return line, spans
		}
	}
	return ansi.Truncate(line, max(width, 0), "…"), spans
}

// tabLine renders the tabs at a level of detail: 0 long labels with counts,
// 1 short labels with counts, 2 short labels alone, 3 short labels one space
// apart.
// Labels are ASCII, so widths are byte counts.
func tabLine(tabs []Tab, active, level int, st *ExplorerStyles) (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(tabs))
	x := 0
	for i, t := range tabs {
		label := t.Short
		if level == 0 {
			label = t.Long
		}
		p := st.tab
		if i == active {
			p = st.tabActive
		}
		b.WriteString(" " + p.on(label))
		n := 1 + len(label)
		if level < 2 {
			count := tabCount(t.Count)
			room := max(len(tabCount(t.Max)), len(count))
			b.WriteString(strings.Repeat(" ", 1+room-len(count)) + st.tabCount.on(count))
			n += 1 + room
		}
		if level < 3 {
			b.WriteString(" ")
			n++
		}
		spans[i] = [2]int{x, x + n}
		x += n
	}
	return b.String(), spans
}

// Row renders one list entry in exactly width cells: a selection marker,
// the code coloured by class, the phrase with matched characters
// highlighted, badges, and, when the phrase is not why the entry matched,
// the text that is (an alias, a keyword, a piece of the summary or
// description). When the row is too long the hint goes first, then the
// phrase is cut, then the deprecation badge goes: the vendor badge is what
// tells 520 from 521 from 522, and is cut only where it alone is wider than
// the row.
func Row(r data.Result, st *ExplorerStyles, width int, selected bool) string {
	p := &st.rows[0]
	if selected {
		p = &st.rows[1]
	}
	var lead, phrase, vendor, badges, hint rowWriter
	if selected {
		lead.add(p.marker, "▌ ")
	} else {
		lead.add(p.text, "  ")
	}
	code, text := r.Names()
	ci := r.Status.Category.Index()
	lead.highlight(code, firstRunes(r.CodeDigits), p.code[ci], p.codeMatch[ci])
	if text != "" { // a term may have no title: its name says it
		lead.add(p.text, " ")
	}
	phrase.highlight(text, r.Phrase, p.text, p.match)
	writeVendor(&vendor, p, r)
	badges.append(&vendor)
	writeDeprecated(&badges, p, r)
	if h := r.Hint; h.Field != data.FieldNone {
		text, pos := h.Text, h.Positions
		if h.Field == data.FieldSummary || h.Field == data.FieldDescription {
			text, pos = snippet(text, pos, hintContext)
		}
		hint.add(p.dim, " ~ ")
		hint.highlight(text, pos, p.dim, p.match)
	}
	var w rowWriter
	w.append(&lead)
	switch room := width - lead.n; {
	case phrase.n+badges.n <= room:
		w.append(&phrase)
		w.append(&badges)
		w.append(&hint)
	case room-badges.n >= minPhrase:
		w.cut(&phrase, room-badges.n, p.text)
		w.append(&badges)
	default:
		w.cut(&phrase, room-vendor.n, p.text)
		w.append(&vendor)
	}
	return w.finish(p.text, width)
}

// minPhrase is the fewest cells a cut phrase keeps before the deprecation
// badge gives way to it: three letters and "…".
const minPhrase = 4

// writeVendor names the vendor of an unofficial entry or a sub-code:
// " [nginx]".
func writeVendor(w *rowWriter, p *rowPaints, r data.Result) {
	if r.Sub != nil || !r.Status.Official {
		source := r.Status.Source
		if r.Sub != nil {
			source = r.Sub.Source
		}
		w.add(p.text, " ")
		w.add(p.vendor, "["+source+"]")
	}
}

// writeDeprecated marks a deprecated entry: " [deprecated]".
func writeDeprecated(w *rowWriter, p *rowPaints, r data.Result) {
	if r.Status.Deprecated && r.Sub == nil {
		w.add(p.text, " ")
		w.add(p.old, "[deprecated]")
	}
}

// hintContext is how many runes of prose a hint shows before the first
// matched word.
const hintContext = 12

// snippet cuts prose to the paragraph of its first matched rune, starting
// a little before that rune at a word boundary, so a row shows the words
// that matched rather than the start of a description, and never holds a
// paragraph break. Positions outside the paragraph are dropped.
func snippet(text string, pos []int, context int) (string, []int) {
	runes := []rune(text)
	first := 0
	if len(pos) > 0 {
		first = min(max(pos[0], 0), len(runes))
	}
	start, end := first, first
	for start > 0 && runes[start-1] != '\n' {
		start--
	}
	for end < len(runes) && runes[end] != '\n' {
		end++
	}
	lead := ""
	if first-start > context {
		from := first - context
		for from < first && runes[from-1] != ' ' {
			from++ // start at a word
		}
		start, lead = from, "…"
	}
	shift := start - len([]rune(lead))
	out := make([]int, 0, len(pos))
	for _, p := range pos {
		if p >= start && p < end {
			out = append(out, p-shift)
		}
	}
	return lead + string(runes[start:end]), out
}

func firstRunes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// Frame is the cells a Box's border takes on each side.
const Frame = 1

// Hand-written rather than a lipgloss border: a box is drawn on every
// frame around lines already cut to width, which lipgloss would measure
// and wrap again, and its edges carry a title and a note.

// Box draws a border around lines that are each exactly width-2*Frame
// cells (Fit or Row make them so), with a title in its top edge and a note
// (such as "↓ more") at the right of its bottom edge; missing lines are
// blank, extra lines are dropped, and a line holding a line break is cut
// to its first line. The result is exactly width x height cells. A focused
// box is drawn in the accent colour, and without colour with a heavier
// line.
func Box(lines []string, title, note string, width, height int, focused bool, st *ExplorerStyles) string {
	if width < 2*Frame || height < 2*Frame {
		return Fit("", width, height)
	}
	f := 0
	if focused {
		f = 1
	}
	edge, bd := st.edge[f], st.box[f]
	inner := width - 2*Frame
	left, right := edge.on(bd.Left), edge.on(bd.Right)
	blank := strings.Repeat(" ", inner)
	var b strings.Builder
	b.WriteString(boxEdge(bd.TopLeft, bd.Top, bd.TopRight, title, inner, false, edge, st.title[f]))
	for i := range height - 2*Frame {
		l := blank
		if i < len(lines) {
			l = lines[i]
		}
		if strings.IndexByte(l, '\n') >= 0 { // a line that broke its promise
			l = Fit(l, inner, 1)
		}
		b.WriteString("\n" + left + l + right)
	}
	b.WriteString("\n" + boxEdge(bd.BottomLeft, bd.Bottom, bd.BottomRight, note, inner, true, edge, st.title[f]))
	return b.String()
}

// boxEdge draws a top or bottom edge inner cells wide between its corners,
// with a label in it: after the first cell of the edge, or before the last
// with right.
func boxEdge(first, line, last, label string, inner int, right bool, edge, text paint) string {
	if label == "" || inner <= 4 {
		return edge.on(first + strings.Repeat(line, max(inner, 0)) + last)
	}
	label = " " + ansi.Truncate(OneLine(label), inner-4, "…") + " "
	rest := strings.Repeat(line, max(inner-1-ansi.StringWidth(label), 0))
	if right {
		return edge.on(first+rest) + text.on(label) + edge.on(line+last)
	}
	return edge.on(first+line) + text.on(label) + edge.on(rest+last)
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
