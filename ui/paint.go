package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

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

// linked is the paint that also makes its text a link to url (OSC 8), on
// terminals that follow them.
func (p paint) linked(url string) paint {
	return paint{ansi.SetHyperlink(url) + p.pre, p.post + ansi.ResetHyperlink()}
}

// rowWriter builds a styled line and counts its width as it goes, so the
// width is known without parsing escape codes. Text goes through OneLine
// first: a line break or escape code in the text cannot break the line.
type rowWriter struct {
	styled strings.Builder
	n      int
	wide   bool // some rune takes other than one cell: measure when cutting
}

func (w *rowWriter) add(p paint, s string) {
	s = OneLine(s)
	w.styled.WriteString(p.on(s))
	if isPlainASCII(s) {
		w.n += len(s)
		return
	}
	n := ansi.StringWidth(s)
	w.wide = w.wide || n != utf8.RuneCountInString(s)
	w.n += n
}

// append writes what another writer holds.
func (w *rowWriter) append(o *rowWriter) {
	w.styled.WriteString(o.styled.String())
	w.n += o.n
	w.wide = w.wide || o.wide
}

// cut writes what another writer holds, cut to room cells ending in "…"
// (in pad) when it does not fit; nothing when room is not positive.
func (w *rowWriter) cut(o *rowWriter, room int, pad paint) {
	switch {
	case o.n <= room:
		w.append(o)
		return
	case room <= 0:
		return
	}
	s := ansi.Truncate(o.styled.String(), room-1, "")
	n := room - 1
	if o.wide { // a wide rune at the cut leaves a gap
		n = ansi.StringWidth(s)
	}
	w.styled.WriteString(s + pad.on("…"))
	w.n += n + 1
	w.wide = w.wide || o.wide
}

// width is the text's width in cells.
func (w *rowWriter) width() int { return w.n }

// highlight writes s with the runes at positions (ascending rune indexes)
// in match and the rest in base.
func (w *rowWriter) highlight(s string, positions []int, base, match paint) {
	if len(positions) == 0 {
		w.add(base, s)
		return
	}
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
	if width <= 0 {
		return ""
	}
	if w.n <= width {
		return w.styled.String() + pad.pre + strings.Repeat(" ", width-w.n) + pad.post
	}
	cut := ansi.Truncate(w.styled.String(), max(width-1, 0), "")
	fill := 0
	if w.wide { // a wide rune at the cut leaves a gap
		fill = max(width-1-ansi.StringWidth(cut), 0)
	}
	return cut + pad.pre + strings.Repeat(" ", fill) + "…" + pad.post
}

// OneLine makes text safe to draw on one line: control characters (line
// breaks, tabs, escape codes), line and paragraph separators and invalid
// UTF-8 become one space each, so the text keeps its rune count (match
// positions stay right) and its width is what a terminal draws. Text that
// needs nothing is returned as is, without allocating.
func OneLine(s string) string {
	if isPlainASCII(s) {
		return s
	}
	if strings.IndexFunc(s, breaksLine) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if breaksLine(r) {
			return ' '
		}
		return r
	}, s)
}

// breaksLine reports whether a rune would not draw as text on one line.
// Invalid UTF-8 decodes as utf8.RuneError, one per byte, as []rune does.
func breaksLine(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// textWidth is the width of unstyled text in cells.
func textWidth(s string) int {
	if isPlainASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// isPlainASCII reports whether s is printable ASCII without escape codes,
// where a byte is a cell and wrapping needs no grapheme parsing.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
