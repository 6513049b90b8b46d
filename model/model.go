// Package model is the explorer: a Bubble Tea root model that routes
// messages to screen components (the list and card, the help, the
// comparison table, the choose guide, the copy menu) and composes the
// frame around the one in front: the category tabs above it, the footer
// below. It draws with ui/ and asks data's resolver what a query means, as
// the command line does.
package model

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// The smallest terminal the layout works in; below it the explorer asks for
// a larger window.
const (
	MinWidth  = 40
	MinHeight = 10
)

// The largest window the explorer lays out; a larger terminal gets its top
// left corner. Each cell drawn costs memory (about 0.3 KB with Bubble
// Tea's renderer), and a terminal, local or over SSH, can report any size.
const (
	MaxWidth  = 300
	MaxHeight = 100
)

// Model is the explorer's root model. It routes keys, pastes and clicks to
// the screen in front, and sizes and colours to every screen; it draws the
// frame: tabs, the screen, the footer.
type Model struct {
	common
	dark    bool
	profile colorprofile.Profile

	explorer *explorer // the list and card, always beneath the others
	stack    []screen  // the screens in front of it, the last on top
	keys     rootKeys
	help     help.Model // draws the footer
	status   string     // a one-off message in the footer

	width, height int
	body          rect // between the tab bar and the footer
	tabBar        string
	tabSpans      [][2]int // each tab's cells, for clicks
	footer        string
	frame         string // the rendered screen, redrawn when state changes
}

// rootKeys work on every screen.
type rootKeys struct{ Help, Quit key.Binding }

// Option configures a new Model.
type Option func(*Model)

// WithQuery pre-fills the filter, as `httpstatus -i teapot` does; a status
// line or response is read as a paste is.
func WithQuery(q string) Option { return func(m *Model) { m.explorer.setQuery(q) } }

// WithSize lays the model out before the first WindowSizeMsg, so the first
// frame over SSH is already the right size.
func WithSize(w, h int) Option { return func(m *Model) { m.width, m.height = fit(w, h) } }

// fit bounds a window size to what the explorer lays out.
func fit(w, h int) (int, int) {
	return min(max(w, 0), MaxWidth), min(max(h, 0), MaxHeight)
}

// WithPick makes enter choose the selected code and quit, for handing the
// code to the shell: code=$(httpstatus -i 404).
func WithPick() Option { return func(m *Model) { m.pick = true } }

// WithGuide opens the explorer on the choose guide.
func WithGuide() Option { return func(m *Model) { m.stack = append(m.stack, newGuide(&m.common)) } }

// New builds the explorer over a catalog. Colours assume a dark, true-colour
// terminal until it says otherwise. The model is a pointer: Bubble Tea keeps
// one and Update changes it in place, and the screens share its common
// part (the catalog and the styles) through a pointer to it.
func New(cat *data.Catalog, opts ...Option) *Model {
	m := &Model{
		common:  common{cat: cat},
		dark:    true,
		profile: colorprofile.TrueColor,
		keys: rootKeys{
			Help: binding("?", "help", "?", "f1"),
			Quit: binding("ctrl+c", "quit", "ctrl+c"),
		},
		help: help.New(),
	}
	m.setStyles()
	m.explorer = newExplorer(&m.common, cat.Resolve)
	for _, o := range opts {
		o(m)
	}
	m.redraw()
	return m
}

// Init asks the terminal for its background so colours can adapt, and
// waits for a live log's first counts.
func (m *Model) Init() tea.Cmd {
	if m.explorer.log != nil {
		return tea.Batch(tea.RequestBackgroundColor, m.explorer.log.next(m.cat))
	}
	return tea.RequestBackgroundColor
}

// Chosen is the code chosen with enter in pick mode ("404", "404.3"), or ""
// when the user left without choosing.
func (m *Model) Chosen() string { return m.explorer.chosen }

// setStyles picks the shared styles for the background and profile; the
// screens draw in them from then on.
func (m *Model) setStyles() {
	m.styles = ui.SharedExplorerStyles(m.dark, m.profile)
	m.help.Styles = helpStyles(m.styles)
}

// front is the screen the keyboard goes to.
func (m *Model) front() screen {
	if n := len(m.stack); n > 0 {
		return m.stack[n-1]
	}
	return m.explorer
}

// Update routes one message and draws the next frame. Messages that change
// nothing (the environment, key releases, mouse motion) keep the frame:
// Bubble Tea asks for a view after every message, and over SSH most of the
// first ones are of that kind.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		w, h := fit(msg.Width, msg.Height)
		if w == m.width && h == m.height && m.frame != "" {
			return m, nil // the size New was given, announced again at start
		}
		m.width, m.height = w, h
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.setStyles()
	case tea.ColorProfileMsg:
		m.profile = msg.Profile
		m.setStyles()
	case tea.KeyPressMsg:
		m.status = ""
		cmd = m.key(msg)
	case tea.PasteMsg:
		cmd = m.front().update(msg)
	case tea.MouseClickMsg:
		cmd = m.click(msg)
	case tea.MouseWheelMsg:
		if m.body.contains(msg.X, msg.Y) {
			msg.Y -= m.body.y
			cmd = m.front().update(msg)
		}
	case openMsg:
		msg.screen.setSize(m.body.w, m.body.h)
		m.stack = append(m.stack, msg.screen)
	case closeMsg:
		if n := len(m.stack); n > 0 {
			m.stack = m.stack[:n-1]
		}
	case statusMsg:
		m.status = string(msg)
	case logMsg:
		cmd = m.explorer.updateLog(accesslog.Snapshot(msg))
	case showMsg:
		if msg.answer && m.pick {
			// code=$(httpstatus choose): the guide's answer is the choice.
			m.explorer.chosen = data.FormatCode(msg.code)
			return m, tea.Quit
		}
		m.stack = m.stack[:0]
		cmd = m.explorer.show(msg)
	default:
		return m, nil
	}
	m.redraw()
	return m, cmd
}

// key routes a key: text only to the filter, quit and help anywhere, the
// rest to the screen in front.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	front := m.front()
	switch {
	case isText(msg):
		if front == screen(m.explorer) {
			return m.explorer.update(msg)
		}
		return nil
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	case key.Matches(msg, m.keys.Help) && !(msg.String() == "?" && front == screen(m.explorer) && m.explorer.typing()):
		m.toggleHelp()
		return nil
	}
	return front.update(msg)
}

// toggleHelp opens the help over the screen in front, listing its keys,
// or closes it.
func (m *Model) toggleHelp() {
	front := m.front()
	if _, ok := front.(*helpScreen); ok {
		m.stack = m.stack[:len(m.stack)-1]
		return
	}
	help := m.keys.Help
	help.SetHelp("?/f1", "this help (f1 in a filter)")
	groups := append(front.FullHelp(), []key.Binding{help, m.keys.Quit})
	note := ""
	if front == screen(m.explorer) && m.explorer.focus == focusList {
		note = "Typing is searching: letters, digits, spaces and a pasted status line, response or log line go to the filter. " +
			"A pasted line keeps what it showed: who answered, what chose the meaning."
	}
	s := newHelpScreen(&m.common, groups, note)
	s.setSize(m.body.w, m.body.h)
	m.stack = append(m.stack, s)
}

// click routes a left click: on a tab, to the list; in the body, to the
// screen in front, in its own coordinates.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || m.tooSmall() {
		return nil
	}
	if msg.Y < m.body.y {
		for i, span := range m.tabSpans {
			if msg.X >= span[0] && msg.X < span[1] {
				m.stack = m.stack[:0]
				m.explorer.setTab(i)
			}
		}
		return nil
	}
	if !m.body.contains(msg.X, msg.Y) {
		return nil
	}
	msg.Y -= m.body.y
	return m.front().update(msg)
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// View returns the frame Update drew: exactly the terminal's height, every
// line within its width.
func (m *Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "httpstatus"
	if m.explorer.log != nil {
		v.WindowTitle = "httpstatus log · " + ui.OneLine(m.explorer.log.title)
	}
	return v
}

// redraw lays the frame out for the current size and state and renders it:
// exactly m.height lines, the tab bar first and the footer last, none
// wider than m.width.
func (m *Model) redraw() {
	switch {
	case m.width <= 0 || m.height <= 0:
		m.frame = ""
		return
	case m.tooSmall():
		msg := fmt.Sprintf("Make the window larger: at least %dx%d (now %dx%d).", MinWidth, MinHeight, m.width, m.height)
		msg = ansi.Wrap(msg, m.width, "")
		m.frame = ui.Fit(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, msg), m.width, m.height)
		return
	}
	m.layout()
	body := m.bodyView()
	if strings.Count(body, "\n") != m.body.h-1 { // a screen that broke its promise
		body = strings.Join(exactly(body, m.body.h, m.body.w), "\n")
	}
	m.frame = m.tabBar + "\n" + body + "\n" + m.footer
	if strings.Count(m.frame, "\n") != m.height-1 {
		lines := strings.Split(m.frame, "\n")
		m.frame = strings.Join(exactly(strings.Join(lines[max(len(lines)-m.height, 0):], "\n"), m.height, m.width), "\n")
	}
}

// footerLines is the footer's height: drawFooter cuts it to one line.
const footerLines = 1

// layout draws the tab bar, sizes every screen for the room between it and
// the footer when that changed, and draws the footer for the keys that
// work at that size.
func (m *Model) layout() {
	m.tabBar, m.tabSpans = ui.TabBar(m.explorer.list.tabBar(), m.explorer.list.tab, m.width, m.styles)
	top := lipgloss.Height(m.tabBar)
	if body := (rect{0, top, m.width, max(m.height-top-footerLines, 1)}); body != m.body {
		m.body = body
		m.explorer.setSize(body.w, body.h)
		for _, s := range m.stack {
			s.setSize(body.w, body.h)
		}
	}
	m.drawFooter()
}

// bodyView is the screen in front, drawn over the screens it covers when
// it is an overlay: lipgloss's compositor lays it on them.
func (m *Model) bodyView() string {
	base := len(m.stack) - 1
	for base >= 0 {
		if _, ok := m.stack[base].(overlay); !ok {
			break
		}
		base--
	}
	under := screen(m.explorer)
	if base >= 0 {
		under = m.stack[base]
	}
	view := under.view()
	if base == len(m.stack)-1 {
		return view
	}
	layers := []*lipgloss.Layer{lipgloss.NewLayer(view)}
	for i, s := range m.stack[base+1:] {
		x, y := s.(overlay).offset()
		layers = append(layers, lipgloss.NewLayer(s.view()).X(x).Y(y).Z(i+1))
	}
	return lipgloss.NewCompositor(layers...).Render()
}

// footerSep separates the screen's keys from help and quit.
const footerSep = " • "

// drawFooter draws the one line at the bottom: a one-off message, or the
// keys of the screen in front that fit, most useful first, then how to get
// help and how to quit, always there.
func (m *Model) drawFooter() {
	if m.status != "" {
		m.footer = m.styles.Prompt.Render(ansi.Truncate(ui.OneLine(m.status), m.width, "…"))
		return
	}
	front := m.front()
	m.keys.Help.SetHelp("?", "help")
	if front == screen(m.explorer) && m.explorer.typing() {
		m.keys.Help.SetHelp("f1", "help") // ? is text while a filter is typed
	}
	must := []key.Binding{m.keys.Help, m.keys.Quit}
	if _, ok := front.(*helpScreen); ok {
		must = must[1:] // esc closes it, and ? too
	}
	keys := front.ShortHelp()
	k := footerKey{m.styles, shows(m.width, keys, must)}
	if m.footer = footers.get(k); m.footer != "" {
		return
	}
	tail := m.help.ShortHelpView(must)
	if head := m.help.ShortHelpView(fitting(keys, m.width-lipgloss.Width(tail)-ansi.StringWidth(footerSep))); head != "" {
		tail = head + m.styles.Dim.Render(footerSep) + tail
	}
	m.footer = ui.Fit(tail, m.width, 1)
	footers.put(k, m.footer)
}

// footers are the footers drawn, kept by what they show and shared by
// every explorer in the process (every SSH session): a footer is drawn on
// every keystroke, bubbles' short help renders each key through lipgloss
// (half of a first frame's time), and what it shows changes seldom and back
// and forth (typing into an empty filter, then clearing it).
var footers = footerCache{m: map[footerKey]string{}}

type footerKey struct {
	styles *ui.ExplorerStyles
	shows  string // the width and the keys shown (shows)
}

type footerCache struct {
	sync.Mutex
	m map[footerKey]string
}

// maxFooters bounds the footers kept: a few per screen and width.
const maxFooters = 1024

func (c *footerCache) get(k footerKey) string {
	c.Lock()
	defer c.Unlock()
	return c.m[k]
}

func (c *footerCache) put(k footerKey, footer string) {
	c.Lock()
	defer c.Unlock()
	if len(c.m) >= maxFooters {
		clear(c.m)
	}
	c.m[k] = footer
}

// fitting is the enabled bindings, in order, up to the first that does not
// fit in width cells with those before it on the short help's line. (The
// short help's own cut lets one binding too many through when its "…"
// does not fit either.)
func fitting(keys []key.Binding, width int) []key.Binding {
	var out []key.Binding
	used := 0
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		w := ansi.StringWidth(k.Help().Key) + 1 + ansi.StringWidth(k.Help().Desc)
		if len(out) > 0 {
			w += ansi.StringWidth(footerSep)
		}
		if used+w > width {
			break
		}
		out, used = append(out, k), used+w
	}
	return out
}

// shows is what a footer shows: the width and the enabled keys.
func shows(width int, keys, must []key.Binding) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(width))
	for _, ks := range [][]key.Binding{keys, must} {
		for _, k := range ks {
			if k.Enabled() {
				h := k.Help()
				b.WriteString("\x00" + h.Key + "\x01" + h.Desc)
			}
		}
	}
	return b.String()
}
