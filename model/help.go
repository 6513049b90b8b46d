package model

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// helpScreen lists every key that works on the screen it was opened over,
// from that screen's key map (its FullHelp) and the root's: what it says
// is what the keys do. bubbles' help draws each group; the groups go side
// by side while they fit, one under the other when they do not.
type helpScreen struct {
	textScreen
	groups [][]key.Binding
}

func newHelpScreen(c *common, groups [][]key.Binding, note string) *helpScreen {
	s := &helpScreen{newTextScreen(c, "Keys"), groups}
	s.draw = func(width int, st *ui.ExplorerStyles) ui.Rendered { return drawHelp(s.groups, note, width, st) }
	return s
}

// columnGap separates groups of keys side by side.
const columnGap = 4

// drawHelp lays the groups out for a width, note under them.
func drawHelp(groups [][]key.Binding, note string, width int, st *ui.ExplorerStyles) ui.Rendered {
	h := help.New()
	h.Styles = helpStyles(st)
	var rows, row []string
	used := 0
	for _, g := range groups {
		col := h.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue
		}
		w := lipgloss.Width(col)
		if len(row) > 0 && used+columnGap+w > width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		if len(row) > 0 {
			row = append(row, spaces(columnGap))
			used += columnGap
		}
		row, used = append(row, col), used+w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	if note != "" {
		rows = append(rows, st.Dim.Render(ansi.Wrap(note, width, "")))
	}
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	widths := make([]int, len(lines))
	for i, l := range lines {
		lines[i] = ansi.Truncate(strings.TrimRight(l, " "), width, "…")
		widths[i] = ansi.StringWidth(lines[i])
	}
	return ui.Rendered{Text: strings.Join(lines, "\n"), Widths: widths, Mark: -1}
}

// helpStyles are bubbles' help styles in the explorer's colours: keys in
// the accent, what they do dimmed in the footer and plain in the help.
func helpStyles(st *ui.ExplorerStyles) help.Styles {
	return help.Styles{
		ShortKey: st.Prompt, ShortDesc: st.Dim, ShortSeparator: st.Dim, Ellipsis: st.Dim,
		FullKey: st.Prompt, FullDesc: st.Phrase, FullSeparator: st.Dim,
	}
}
