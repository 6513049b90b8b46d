package ui

import (
	"slices"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Table geometry, in cells.
const (
	columnGap = 2
	// minColumn is the narrowest code column worth drawing; below it a cell
	// is a stack of word stubs, and one block per code reads better.
	minColumn = 9
	// minLabel is the narrowest the row labels may be squeezed to.
	minLabel = 10
)

// CompareTable renders a family side by side: its title, a column per code
// (headed by the code, coloured by class, and its phrase), a row per
// question, and the family's note. Cell text wraps inside its column and
// every line fits width cells. When the columns would be too narrow to
// read, each code gets a block of its own instead ("301 Moved
// Permanently", then "Permanent? yes" and so on). The column of from, the
// code the reader came from, is marked "▸"; nil marks none. The text is
// returned with the width of each line and, as Mark, the line of the marked
// code's heading.
//
// Colours are full escapes from the styles; print the text through a
// colorprofile.Writer, which downsamples or drops them for the output.
func CompareTable(f *data.Family, cat *data.Catalog, st *Styles, width int, from *data.Status) Rendered {
	p := &st.card
	b := newBlock(width)
	b.add("", 0, 0, span{p.bold, f.Title})
	b.blank()
	heads := make([][]span, len(f.Columns))
	marked := -1
	for i, c := range f.Columns {
		heads[i] = columnHead(c, cat, p)
		if from != nil && c.Code == from.Code {
			heads[i] = append([]span{{p.key, Mark}}, heads[i]...)
			marked = i
		}
	}
	mark := len(b.lines) // the heads of the columns
	if !compareColumns(&b, f, heads, p) {
		for i := range f.Columns {
			if i > 0 {
				b.blank()
			}
			if i == marked {
				mark = len(b.lines)
			}
			b.add("", 0, 2, heads[i]...)
			for _, r := range f.Rows {
				label := r.Label
				if !strings.HasSuffix(label, "?") {
					label += ":"
				}
				b.add("  ", 2, 4, span{p.label, label}, span{p.text, r.Values[i]})
			}
		}
	}
	b.blank()
	b.add("", 0, 0, span{p.dim, f.Note})
	if marked < 0 {
		mark = -1
	}
	return Rendered{Text: b.text(), Widths: b.widths, Mark: mark}
}

// columnHead is "301 Moved Permanently", and the vendor of an unofficial
// column: "499 Client Closed Request (nginx)".
func columnHead(c data.Column, cat *data.Catalog, p *cardPaints) []span {
	s := c.Entry(cat)
	if s == nil {
		return []span{{p.code[data.CategoryOf(c.Code).Index()], data.FormatCode(c.Code)}}
	}
	head := []span{{p.code[s.Category.Index()], s.CodeString()}, {p.bold, s.Phrase}}
	if !s.Official {
		head = append(head, span{p.dim, "(" + s.Source + ")"})
	}
	return head
}

// compareColumns writes the family as a table if its columns fit the
// block's width, and reports whether they did.
func compareColumns(b *block, f *data.Family, heads [][]span, p *cardPaints) bool {
	n := len(f.Columns)
	labelW := 0
	for _, r := range f.Rows {
		labelW = max(labelW, textWidth(r.Label))
	}
	labelW = min(labelW, max(minLabel, b.width/5))
	room := b.width - labelW - n*columnGap
	if room < n*minColumn {
		return false
	}
	// A column is as wide as its longest cell if it can be, and never
	// narrower than its longest word: "Permanentl/y" is not a table.
	natural, longest := make([]int, n), make([]int, n)
	need := 0
	for i := range n {
		natural[i], longest[i] = spansWidth(heads[i]), longestWord(heads[i])
		for _, r := range f.Rows {
			v := []span{{p.text, r.Values[i]}}
			natural[i], longest[i] = max(natural[i], spansWidth(v)), max(longest[i], longestWord(v))
		}
		need += max(longest[i], minColumn)
	}
	if room < need {
		return false
	}
	widths := share(natural, longest, room)

	// One line of cells per table row: the label, then each column.
	cells := func(label []span, values [][]span) [][]renderedLine {
		out := [][]renderedLine{wrapSpans(label, labelW, labelW)}
		for i, v := range values {
			out = append(out, wrapSpans(v, widths[i], widths[i]))
		}
		return out
	}
	tableW := labelW
	for _, w := range widths {
		tableW += columnGap + w
	}
	b.addRow(cells(nil, heads), labelW, widths)
	b.line(p.dim.on(strings.Repeat("─", tableW)), tableW)
	rows := make([][][]renderedLine, len(f.Rows))
	tall := false
	for k, r := range f.Rows {
		values := make([][]span, n)
		for i, v := range r.Values {
			values[i] = []span{{p.text, v}}
		}
		rows[k] = cells([]span{{p.label, r.Label}}, values)
		for _, c := range rows[k] {
			tall = tall || len(c) > 1
		}
	}
	for k, row := range rows {
		if k > 0 && tall {
			b.blank()
		}
		b.addRow(row, labelW, widths)
	}
	return true
}

// share divides room cells among columns as evenly as it can: each gets at
// least its longest word and at most what it needs, and the rest is
// levelled, so no column is wider than another that wanted more.
func share(natural, longest []int, room int) []int {
	width := func(i, level int) int { return min(max(level, longest[i], minColumn), max(natural[i], longest[i])) }
	level := 0
	for top := slices.Max(natural); level < top; level++ {
		sum := 0
		for i := range natural {
			sum += width(i, level+1)
		}
		if sum > room {
			break
		}
	}
	out := make([]int, len(natural))
	for i := range out {
		out[i] = width(i, level)
		room -= out[i]
	}
	for i := range out { // what levelling leaves, a cell each from the left
		if room > 0 && out[i] < natural[i] {
			out[i]++
			room--
		}
	}
	return out
}

// addRow lays cells side by side, the first labelW cells wide and the
// others widths[i], columnGap apart, with no trailing spaces.
func (b *block) addRow(cells [][]renderedLine, labelW int, widths []int) {
	height := 0
	for _, c := range cells {
		height = max(height, len(c))
	}
	for k := range height {
		last := -1
		for i, c := range cells {
			if k < len(c) && c[k].width > 0 {
				last = i
			}
		}
		var s strings.Builder
		w := 0
		for i := 0; i <= last; i++ {
			if i > 0 {
				s.WriteString(strings.Repeat(" ", columnGap))
				w += columnGap
			}
			cw := labelW
			if i > 0 {
				cw = widths[i-1]
			}
			var l renderedLine
			if k < len(cells[i]) {
				l = cells[i][k]
			}
			s.WriteString(l.text)
			w += l.width
			if i < last {
				s.WriteString(strings.Repeat(" ", cw-l.width))
				w += cw - l.width
			}
		}
		b.line(s.String(), w)
	}
}
