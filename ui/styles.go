// Package ui renders the catalog: styles, the tab bar, list rows with match
// highlighting and the card that explains one status. It holds no state and
// no tea.Model; the CLI prints the same card the explorer shows.
package ui

import (
	"image/color"
	"sync"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// classes is the number of categories, each with its colour.
const classes = 6

// Styles is every style the command line and the card use, built for one
// background and one colour profile.
type Styles struct {
	plain bool // no escape codes at all: printing to a pipe

	Code   [classes]lipgloss.Style // by category, informational first
	Phrase lipgloss.Style
	Dim    lipgloss.Style
	Match  lipgloss.Style // matched characters in the list
	Vendor lipgloss.Style // badge naming a vendor
	Old    lipgloss.Style // badge for deprecated or unused codes

	Summary lipgloss.Style
	Label   lipgloss.Style
	Link    lipgloss.Style
	URL     lipgloss.Style
	Example lipgloss.Style
	Key     lipgloss.Style // a keystroke named in the card ("1")
	Prompt  lipgloss.Style
	Warning lipgloss.Style // a warning note of explain

	card cardPaints // for Card, which the command line prints too
}

// cardPaints are the styles a card uses per line, pre-rendered.
type cardPaints struct {
	text, bold, dim, label, link, url, example, key paint
	code                                            [classes]paint
}

// A palette colour for each kind of terminal: 16 colours, 256, true
// colour, each for a dark and a light background. Downsampling a true
// colour to 16 picks the nearest, which made 1xx and 3xx one colour and 4xx,
// 5xx and deprecated another; so each profile gets colours chosen for it,
// and TestPaletteTellsEveryClassApart holds them apart.
type shade struct {
	ansiDark, ansiLight       lipgloss.ANSIColor
	ansi256Dark, ansi256Light lipgloss.ANSIColor
	trueDark, trueLight       string
}

func (c shade) color(dark bool, p colorprofile.Profile) color.Color {
	if dark {
		return lipgloss.Complete(p)(c.ansiDark, c.ansi256Dark, lipgloss.Color(c.trueDark))
	}
	return lipgloss.Complete(p)(c.ansiLight, c.ansi256Light, lipgloss.Color(c.trueLight))
}

// The palette. Classes and badges are the colours a reader tells apart;
// codes of no class keep the terminal's own foreground, in bold.
var (
	classShades = [classes - 1]shade{
		{12, 4, 111, 26, "#7AA2F7", "#2563EB"},  // 1xx blue
		{10, 2, 150, 28, "#9ECE6A", "#15803D"},  // 2xx green
		{14, 6, 80, 30, "#5FD7D7", "#0E7490"},   // 3xx cyan
		{11, 3, 179, 130, "#E0AF68", "#B45309"}, // 4xx yellow
		{9, 1, 211, 124, "#F7768E", "#B91C1C"},  // 5xx red
	}
	vendorShade     = shade{13, 5, 141, 91, "#BB9AF7", "#7C3AED"} // magenta
	deprecatedShade = shade{8, 8, 245, 243, "#8A8A9E", "#6B7280"} // grey
	accentShade     = shade{13, 5, 141, 91, "#A48BFF", "#6B4FD8"}
	subtleShade     = shade{8, 8, 245, 243, "#8A8A9E", "#6E6E80"}
	borderShade     = shade{8, 7, 238, 252, "#3C3C4C", "#C8C8D4"}
	selectionShade  = shade{0, 7, 236, 189, "#2F2850", "#E4DDFF"}
	matchShade      = shade{11, 3, 215, 166, "#FFB454", "#C2410C"} // with bold and underline
	warningShade    = shade{11, 3, 221, 136, "#F5C542", "#B45309"}
)

// NewStyles builds the styles for a background and a colour profile. For
// output that takes no escape codes (NoTTY: a pipe, a file) every style is
// empty: there is nothing to render, and a lookup piped to a script should
// not pay for rendering it.
func NewStyles(isDark bool, p colorprofile.Profile) Styles {
	if p == colorprofile.NoTTY {
		return Styles{plain: true}
	}
	c := func(s shade) color.Color { return s.color(isDark, p) }
	accent, subtle := c(accentShade), c(subtleShade)
	var s Styles
	for i, sh := range classShades {
		s.Code[i] = lipgloss.NewStyle().Foreground(c(sh)).Bold(true)
	}
	s.Code[classes-1] = lipgloss.NewStyle().Bold(true)
	base := lipgloss.NewStyle()
	// Body text keeps the terminal's own foreground: it reads well on any
	// theme, and unstyled runs are the cheapest thing to draw and send.
	s.Phrase = base
	s.Dim = base.Foreground(subtle)
	// Bold and underline mark a match even where there is no colour.
	s.Match = base.Foreground(c(matchShade)).Bold(true).Underline(true)
	s.Vendor = base.Foreground(c(vendorShade))
	s.Old = base.Foreground(c(deprecatedShade)).Italic(true)
	s.Summary = base.Bold(true)
	s.Label = base.Foreground(accent).Bold(true)
	s.Link = base.Foreground(accent).Underline(true)
	s.URL = base.Foreground(subtle)
	s.Example = base.Foreground(subtle)
	s.Key = base.Foreground(accent).Bold(true).Reverse(p <= colorprofile.Ascii)
	s.Prompt = base.Foreground(accent).Bold(true)
	s.Warning = base.Foreground(c(warningShade)).Bold(true)
	s.card = cardPaints{
		text: newPaint(s.Phrase), bold: newPaint(s.Summary), dim: newPaint(s.Dim), label: newPaint(s.Label),
		link: newPaint(s.Link), url: newPaint(s.URL), example: newPaint(s.Example), key: newPaint(s.Key),
	}
	for i, st := range s.Code {
		s.card.code[i] = newPaint(st)
	}
	return s
}

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

// ExplorerStyles are Styles plus what the explorer's tabs, rows and panes
// need. Row, TabBar and Box take only these, so the explorer cannot draw
// with the command line's styles by mistake.
type ExplorerStyles struct {
	Styles

	// Pre-rendered escape codes for the hot paths: list rows (normal and
	// selected), tabs, pane borders and their titles.
	rows                     [2]rowPaints
	tab, tabActive, tabCount paint
	edge, title              [2]paint // normal, focused
	box                      [2]lipgloss.Border
}

func newExplorerStyles(isDark bool, p colorprofile.Profile) *ExplorerStyles {
	s := &ExplorerStyles{Styles: NewStyles(isDark, p)}
	c := func(sh shade) color.Color { return sh.color(isDark, p) }
	accent, subtle := c(accentShade), c(subtleShade)
	base := lipgloss.NewStyle()
	selected := base.Background(c(selectionShade))
	if p <= colorprofile.Ascii {
		selected = base.Reverse(true) // no colour: the selection is reversed
	}
	marker := base.Foreground(accent).Bold(true)
	s.rows[0] = newRowPaints(&s.Styles, base, marker)
	s.rows[1] = newRowPaints(&s.Styles, selected, marker)
	s.tab = newPaint(base.Foreground(subtle))
	s.tabActive = newPaint(base.Foreground(accent).Bold(true).Underline(true))
	s.tabCount = s.tab
	// A border is faint, to stay out of the way; its title is text to read,
	// in the subtle colour that reads on either background, and in the
	// accent when the pane has the keyboard.
	s.edge = [2]paint{newPaint(base.Foreground(c(borderShade))), newPaint(base.Foreground(accent))}
	s.title = [2]paint{newPaint(base.Foreground(subtle).Bold(true)), newPaint(marker)}
	// Without colour, focus shows in the border itself.
	s.box = [2]lipgloss.Border{lipgloss.RoundedBorder(), lipgloss.RoundedBorder()}
	if p <= colorprofile.Ascii {
		s.box[1] = lipgloss.ThickBorder()
	}
	return s
}

// sharedStyles holds the explorer styles per background and profile, built
// on first use and shared, read-only, by every explorer in the process
// (every SSH session).
var sharedStyles = func() (out [2][colorprofile.TrueColor + 1]func() *ExplorerStyles) {
	for dark := range 2 {
		for p := range out[dark] {
			out[dark][p] = sync.OnceValue(func() *ExplorerStyles {
				return newExplorerStyles(dark == 1, colorprofile.Profile(p))
			})
		}
	}
	return out
}()

// SharedExplorerStyles returns the process's explorer styles for a
// background and profile; callers must not modify them.
func SharedExplorerStyles(isDark bool, p colorprofile.Profile) *ExplorerStyles {
	dark := 0
	if isDark {
		dark = 1
	}
	p = min(max(p, 0), colorprofile.TrueColor)
	return sharedStyles[dark][p]()
}
