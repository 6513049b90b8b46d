package ui

import (
	"strings"

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

// rowPaints are the styles of a list row, normal or selected (the selected
// ones carry the selection background in every span).
type rowPaints struct {
	text, dim, match, vendor, old, marker paint
	code, codeMatch                       [classes]paint
}

func newRowPaints(st *Styles, bg, marker lipgloss.Style) rowPaints {
	if st.plain {
		return rowPaints{}
	}
	on := func(s lipgloss.Style) paint { return newPaint(s.Inherit(bg)) }
	p := rowPaints{
		text: on(st.Phrase), dim: on(st.Dim), match: on(st.Match),
		vendor: on(st.Vendor), old: on(st.Old), marker: on(marker),
	}
	for i, c := range st.Code {
		p.code[i] = on(c)
		p.codeMatch[i] = on(st.Match.Inherit(c))
	}
	return p
}

// rowWriter builds a styled line and counts its width as it goes, so the
// width is known without parsing escape codes.
type rowWriter struct {
	styled strings.Builder
	n      int
}

func (w *rowWriter) add(p paint, s string) {
	w.styled.WriteString(p.on(s))
	w.n += textWidth(s)
}

// append writes what another writer holds.
func (w *rowWriter) append(o *rowWriter) {
	w.styled.WriteString(o.styled.String())
	w.n += o.n
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
	if w.n > width {
		return ansi.Truncate(w.styled.String(), max(width-1, 0), "") + pad.pre + "…" + pad.post
	}
	return w.styled.String() + pad.pre + strings.Repeat(" ", width-w.n) + pad.post
}
