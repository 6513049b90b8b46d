package model

import (
	"strings"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// rect is a box on the screen.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// inner is the box inside a pane's border.
func (r rect) inner() rect {
	return rect{r.x + ui.Frame, r.y + ui.Frame, max(r.w-2*ui.Frame, 0), max(r.h-2*ui.Frame, 0)}
}

// exactly splits a pane into exactly n lines, blank ones w cells wide, so
// that nothing joined with it can push the footer off the screen or leave
// a pane short.
func exactly(pane string, n, w int) []string {
	lines := strings.Split(pane, "\n")
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

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// cardPad is the blank column each side of text in a pane.
const cardPad = 1

// padLines lays lines of known widths into a pane's inner width, a blank
// column before each: the lines in view of a card, the help or the guide.
func padLines(lines []string, widths []int, inner int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if pad := inner - cardPad - widths[i]; pad >= 0 {
			out[i] = " " + l + spaces(pad)
		} else {
			out[i] = ui.Fit(" "+l, inner, 1)
		}
	}
	return out
}
