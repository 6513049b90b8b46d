package model

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// Hand-written rather than bubbles' viewport: a pager needs an offset
// into lines already cut to width, and the viewport wants its content as
// strings to count and measures its style's frame through lipgloss on
// every question about its position, asked a few times a frame (the title,
// the footer, the edge): 4% of a keystroke (BenchmarkKeystroke, callgrind).

// pager is text scrolled in a box: the card, the help, the comparison
// table and the guide. Every pager says the same things the same way: its
// title shows where it is scrolled to, and its keys are offered only when
// there is something to scroll.
type pager struct {
	offset int // the first line in view
	height int // the lines in view
	lines  []string
	widths []int // cells per line, so lines are padded without measuring
	keys   pagerKeys

	// The width and styles the text was drawn for.
	drawnWidth  int
	drawnStyles *ui.ExplorerStyles
}

type pagerKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Scroll                                  key.Binding // what the footer says of them
}

func newPager() pager {
	return pager{keys: pagerKeys{
		Up:       binding("↑/k", "scroll up", "up", "k"),
		Down:     binding("↓/j", "scroll down", "down", "j"),
		PageUp:   binding("pgup", "page up", "pgup"),
		PageDown: binding("pgdn/space", "page down", "pgdown", "space"),
		Top:      binding("home/g", "top", "home", "g"),
		Bottom:   binding("end/G", "bottom", "end", "G"),
		Scroll:   binding("j/k", "scroll", "j", "k", "up", "down"),
	}}
}

// setSize sizes the pager's box: height lines inside its border.
func (p *pager) setSize(height int) {
	p.height = max(height, 0)
	p.scrollTo(p.offset)
}

// setContent replaces the text, keeping the scroll where it can.
func (p *pager) setContent(lines []string, widths []int) {
	p.lines, p.widths = lines, widths
	p.scrollTo(p.offset)
}

// scrollTo puts line i at the top, as near as the text allows.
func (p *pager) scrollTo(i int) { p.offset = max(min(i, len(p.lines)-p.height), 0) }

func (p *pager) atTop() bool    { return p.offset == 0 }
func (p *pager) atBottom() bool { return p.offset >= len(p.lines)-p.height }

// stale reports whether the text must be drawn again for a width and the
// styles, and takes note that it is.
func (p *pager) stale(width int, st *ui.ExplorerStyles) bool {
	if width == p.drawnWidth && st == p.drawnStyles {
		return false
	}
	p.drawnWidth, p.drawnStyles = width, st
	return true
}

func (p *pager) top() { p.offset = 0 }

// reveal scrolls lines [from, to) into view, their start first.
func (p *pager) reveal(from, to int) {
	off := p.offset
	if to > off+p.height {
		off = to - p.height
	}
	p.scrollTo(min(off, from))
}

// key scrolls for a key and reports whether it was one of the pager's.
func (p *pager) key(msg tea.KeyPressMsg) bool {
	k := &p.keys
	switch {
	case key.Matches(msg, k.Up):
		p.scrollTo(p.offset - 1)
	case key.Matches(msg, k.Down):
		p.scrollTo(p.offset + 1)
	case key.Matches(msg, k.PageUp):
		p.scrollTo(p.offset - p.height)
	case key.Matches(msg, k.PageDown):
		p.scrollTo(p.offset + p.height)
	case key.Matches(msg, k.Top):
		p.scrollTo(0)
	case key.Matches(msg, k.Bottom):
		p.scrollTo(len(p.lines))
	default:
		return false
	}
	return true
}

// wheelStep is the lines a turn of the mouse wheel scrolls.
const wheelStep = 3

// wheel scrolls for a turn of the mouse wheel.
func (p *pager) wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		p.scrollTo(p.offset - wheelStep)
	case tea.MouseWheelDown:
		p.scrollTo(p.offset + wheelStep)
	}
}

// canScroll reports whether there is more than fits.
func (p *pager) canScroll() bool { return !p.atTop() || !p.atBottom() }

// title is a pane's title and, when its text is longer than the pane, how
// far it is scrolled: 0% at the top, 100% at the bottom, as in glow's
// pager. It is the scroll position, the same in every pane, rather than
// how much has been seen: it reaches 100% exactly when nothing more can
// scroll into view, when the footer stops offering to scroll down.
func (p *pager) title(s string) string {
	if !p.canScroll() {
		return s
	}
	return s + " · " + strconv.Itoa(100*p.offset/(len(p.lines)-p.height)) + "%"
}

// shortHelp is what the footer says of scrolling: which ways it can go.
func (p *pager) shortHelp() []key.Binding {
	top, bottom := p.atTop(), p.atBottom()
	switch {
	case top && bottom:
		return nil
	case top:
		return []key.Binding{p.keys.Down}
	case bottom:
		return []key.Binding{p.keys.Up}
	}
	return []key.Binding{p.keys.Scroll}
}

// fullHelp is every scrolling key, when there is something to scroll.
func (p *pager) fullHelp() []key.Binding {
	if !p.canScroll() {
		return nil
	}
	k := p.keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, wheelHelp}
}

// wheelHelp tells of the mouse wheel, which every pane scrolls with.
var wheelHelp = binding("wheel", "scroll", "wheel")

// box draws the lines in view in a box of width x height cells, the
// height the pager was sized for plus its border. While there is more
// below, the bottom edge says so, however narrow the footer.
func (p *pager) box(title string, width int, focused bool, st *ui.ExplorerStyles) string {
	inner := width - 2*ui.Frame
	from := min(p.offset, len(p.lines))
	to := min(from+p.height, len(p.lines))
	lines := padLines(p.lines[from:to], p.widths[from:to], inner)
	note := ""
	if !p.atBottom() {
		note = moreBelow
	}
	return ui.Box(lines, p.title(title), note, width, p.height+2*ui.Frame, focused, st)
}

// moreBelow is what a pane's bottom edge says while it can scroll down.
const moreBelow = "↓ more"

// textScreen is a screen of text in a pager, which takes no text and closes
// with esc or q (or the keys given): the help and the comparison. draw
// renders the text for a width; its Mark, the first time, is scrolled to
// the top.
type textScreen struct {
	*common
	title string
	draw  func(width int, st *ui.ExplorerStyles) ui.Rendered
	pager
	width  int
	marked bool // the mark was scrolled to
	close  key.Binding
}

func newTextScreen(c *common, title string, closeAlso ...string) textScreen {
	close := closeKeys()
	close.SetKeys(append(close.Keys(), closeAlso...)...)
	return textScreen{common: c, title: title, pager: newPager(), close: close}
}

func (s *textScreen) ShortHelp() []key.Binding {
	return append([]key.Binding{s.close}, s.shortHelp()...)
}

func (s *textScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.close}, s.fullHelp()}
}

func (s *textScreen) setSize(w, h int) {
	s.width = w
	s.pager.setSize(h - 2*ui.Frame)
	s.render()
}

// render draws the text for the width and the styles, when they changed.
func (s *textScreen) render() {
	if !s.stale(s.width, s.styles) {
		return
	}
	r := s.draw(max(s.width-2*ui.Frame-2*cardPad, 1), s.styles)
	s.setContent(strings.Split(r.Text, "\n"), r.Widths)
	if r.Mark >= 0 && !s.marked {
		s.scrollTo(r.Mark)
		s.marked = true
	}
}

func (s *textScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, s.close) {
			return closeScreen
		}
		s.key(msg)
	case tea.MouseWheelMsg:
		s.wheel(msg)
	}
	return nil
}

func (s *textScreen) view() string {
	s.render()
	return s.box(s.title, s.width, true, s.styles)
}
