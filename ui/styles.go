// Package ui renders the catalog: styles, the tab bar, list rows with match
// highlighting and the card that explains one status. It holds no state and
// no tea.Model; the CLI prints the same card the explorer shows.
package ui

import (
	"image/color"
	"sync"

	"charm.land/lipgloss/v2"
)

// classes is the number of categories, each with its colour.
const classes = 6

// Styles is every style the program uses, built for one background.
// TabBar and Row need the ones from SharedExplorerStyles.
type Styles struct {
	IsDark bool

	Code   [classes]lipgloss.Style // by category, informational first
	Phrase lipgloss.Style
	Dim    lipgloss.Style
	Match  lipgloss.Style // matched characters in the list
	Vendor lipgloss.Style // badge naming a vendor
	Old    lipgloss.Style // badge for deprecated or unused codes

	Selected       lipgloss.Style // the selected list row
	SelectedMarker lipgloss.Style

	Tab       lipgloss.Style
	TabActive lipgloss.Style
	TabCount  lipgloss.Style

	Pane        lipgloss.Style
	PaneFocused lipgloss.Style

	Summary lipgloss.Style
	Label   lipgloss.Style
	Link    lipgloss.Style
	URL     lipgloss.Style
	Example lipgloss.Style
	Key     lipgloss.Style // a keystroke named in the card ("1")

	Title   lipgloss.Style
	Prompt  lipgloss.Style
	Warning lipgloss.Style
	Accent  color.Color

	// Pre-rendered escape codes for the explorer's hot paths, filled by
	// newExplorerStyles: list rows (normal and selected) and tabs.
	rows                     [2]rowPaints
	tab, tabActive, tabCount paint

	card cardPaints // for Card, which the command line prints too
}

// cardPaints are the styles a card uses per line, pre-rendered.
type cardPaints struct {
	text, bold, dim, label, link, url, example, key paint
	code                                            [classes]paint
}

// NewStyles builds the styles for a dark or light terminal background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		accent  = ld(lipgloss.Color("#6B4FD8"), lipgloss.Color("#A48BFF"))
		subtle  = ld(lipgloss.Color("#6E6E80"), lipgloss.Color("#8A8A9E"))
		selBg   = ld(lipgloss.Color("#E4DDFF"), lipgloss.Color("#2F2850"))
		border  = ld(lipgloss.Color("#C8C8D4"), lipgloss.Color("#3C3C4C"))
		match   = ld(lipgloss.Color("#C2410C"), lipgloss.Color("#FFB454"))
		vendor  = ld(lipgloss.Color("#0E7490"), lipgloss.Color("#5FD7E8"))
		warning = ld(lipgloss.Color("#B45309"), lipgloss.Color("#F5C542"))
	)
	classColours := [classes]color.Color{
		ld(lipgloss.Color("#2563EB"), lipgloss.Color("#7AA2F7")), // 1xx
		ld(lipgloss.Color("#15803D"), lipgloss.Color("#9ECE6A")), // 2xx
		ld(lipgloss.Color("#0E7490"), lipgloss.Color("#7DCFFF")), // 3xx
		ld(lipgloss.Color("#B45309"), lipgloss.Color("#E0AF68")), // 4xx
		ld(lipgloss.Color("#B91C1C"), lipgloss.Color("#F7768E")), // 5xx
		subtle, // 000 and codes outside 100-599
	}
	s := Styles{IsDark: isDark, Accent: accent}
	for i, c := range classColours {
		s.Code[i] = lipgloss.NewStyle().Foreground(c).Bold(true)
	}
	base := lipgloss.NewStyle()
	// Body text keeps the terminal's own foreground: it reads well on any
	// theme, and unstyled runs are the cheapest thing to draw and send.
	s.Phrase = base
	s.Dim = base.Foreground(subtle)
	s.Match = base.Foreground(match).Bold(true).Underline(true)
	s.Vendor = base.Foreground(vendor)
	s.Old = base.Foreground(warning)
	s.Selected = base.Background(selBg)
	s.SelectedMarker = base.Foreground(accent).Bold(true)

	s.Tab = base.Foreground(subtle)
	s.TabActive = base.Foreground(accent).Bold(true).Underline(true)
	s.TabCount = base.Foreground(subtle)

	s.Pane = base.Border(lipgloss.RoundedBorder()).BorderForeground(border)
	s.PaneFocused = s.Pane.BorderForeground(accent)

	s.Summary = base.Bold(true)
	s.Label = base.Foreground(accent).Bold(true)
	s.Link = base.Foreground(accent).Underline(true)
	s.URL = base.Foreground(subtle)
	s.Example = base.Foreground(subtle)
	s.Key = base.Foreground(match).Bold(true)

	s.Title = base.Foreground(accent).Bold(true)
	s.Prompt = base.Foreground(accent).Bold(true)
	s.Warning = base.Foreground(warning).Bold(true)
	s.card = cardPaints{
		text: newPaint(s.Phrase), bold: newPaint(s.Summary), dim: newPaint(s.Dim), label: newPaint(s.Label), link: newPaint(s.Link),
		url: newPaint(s.URL), example: newPaint(s.Example), key: newPaint(s.Key),
	}
	for i, c := range s.Code {
		s.card.code[i] = newPaint(c)
	}
	return s
}

// newExplorerStyles are NewStyles plus what TabBar and Row need, which the
// command line does not pay for.
func newExplorerStyles(isDark bool) Styles {
	s := NewStyles(isDark)
	s.tab, s.tabActive, s.tabCount = newPaint(s.Tab), newPaint(s.TabActive), newPaint(s.TabCount)
	s.rows[0] = newRowPaints(&s, lipgloss.NewStyle())
	s.rows[1] = newRowPaints(&s, s.Selected)
	return s
}

// explorerStyles are built once per background and shared, read-only, by
// every explorer in the process (every SSH session).
var explorerStyles = [2]func() *Styles{
	sync.OnceValue(func() *Styles { s := newExplorerStyles(false); return &s }),
	sync.OnceValue(func() *Styles { s := newExplorerStyles(true); return &s }),
}

// SharedExplorerStyles returns the process's explorer styles for a
// background; callers must not modify them.
func SharedExplorerStyles(isDark bool) *Styles {
	if isDark {
		return explorerStyles[1]()
	}
	return explorerStyles[0]()
}
