// Package model is the explorer: the Bubble Tea root model with category
// tabs, a filtered list and a detail pane over the catalog. It renders with
// ui/ and searches with data.Search, the ranking the CLI uses too.
package model

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

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

// wideWidth is where the detail pane moves beside the list.
const wideWidth = 96

type focus int

const (
	focusList focus = iota
	focusFilter
	focusDetail
)

// tab is one category tab and which entries it shows.
type tab struct {
	long, short string
	keep        func(*data.Status) bool
}

var tabs = func() []tab {
	t := []tab{{"All", "All", func(*data.Status) bool { return true }}}
	for _, c := range data.Categories {
		t = append(t, tab{c.Class() + " " + c.Title(), c.Class(), func(s *data.Status) bool { return s.Category == c }})
	}
	return append(t, tab{"Unofficial", "Vendor", func(s *data.Status) bool { return !s.Official }})
}()

// Model is the explorer's root model.
type Model struct {
	cat    *data.Catalog
	keys   keyMap
	styles *ui.Styles // shared, read-only
	help   help.Model
	filter textinput.Model
	detail viewport.Model

	width, height int
	focus         focus
	tab           int
	results       []data.Result // every match of the filter, across tabs
	counts        []int         // matches per tab
	visible       []int         // indexes into results: the current tab's rows
	cursor        int           // index into visible
	offset        int           // first visible row of the list
	status        string        // a one-off message in the footer

	card      ui.Rendered
	cardLines []string // the card cut to the pane, as the viewport scrolls it
	cardFor   *data.Status
	cardW     int

	lay     layout
	frame   string  // the rendered screen, redrawn when state changes
	history []place // where jumps to related codes came from
}

// Option configures a new Model.
type Option func(*Model)

// WithQuery pre-fills the filter, as `httpstatus -i teapot` does.
func WithQuery(q string) Option {
	return func(m *Model) { m.filter.SetValue(data.NormalizeQuery(q)) }
}

// WithSize lays the model out before the first WindowSizeMsg, so the first
// frame over SSH is already the right size.
func WithSize(w, h int) Option { return func(m *Model) { m.width, m.height = fit(w, h) } }

// fit bounds a window size to what the explorer lays out.
func fit(w, h int) (int, int) {
	return min(max(w, 0), MaxWidth), min(max(h, 0), MaxHeight)
}

// New builds the explorer over a catalog. Colours assume a dark background
// until the terminal answers tea.RequestBackgroundColor. The model is a
// pointer: Bubble Tea keeps one and Update changes it in place, rather than
// copying some 15 KB of bubbles state on every message.
func New(cat *data.Catalog, opts ...Option) *Model {
	m := &Model{
		cat:    cat,
		keys:   newKeyMap(),
		help:   help.New(),
		filter: textinput.New(),
		detail: viewport.New(),
		counts: make([]int, len(tabs)),
	}
	m.filter.Prompt = "/ "
	m.filter.Placeholder = "type a code or words"
	m.filter.CharLimit = data.MaxQueryRunes
	m.detail.MouseWheelEnabled = false // the model routes the wheel by position
	m.setStyles(true)
	for _, o := range opts {
		o(m)
	}
	m.refilter()
	m.redraw()
	return m
}

// Init asks the terminal for its background so colours can adapt.
func (m *Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles one message and renders the next frame. Messages that
// change nothing (the environment, colour profile, key releases, mouse
// motion) keep the frame: Bubble Tea asks for a view after every message,
// and over SSH most of the first ones are of that kind.
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
		m.setStyles(msg.IsDark())
	case tea.KeyPressMsg:
		m.status = ""
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		m.paste(msg.Content)
	case tea.MouseClickMsg:
		cmd = m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	default:
		return m, nil
	}
	m.redraw()
	return m, cmd
}

// redraw lays the screen out for the current state and renders the frame
// View returns.
func (m *Model) redraw() {
	m.layout()
	m.frame = m.render()
}

// setStyles rebuilds every style for the background, including the bubbles'.
func (m *Model) setStyles(dark bool) {
	m.styles = ui.SharedExplorerStyles(dark)
	m.help.Styles = help.DefaultStyles(dark)
	fs := textinput.DefaultStyles(dark)
	fs.Cursor.Blink = false // a steady cursor: no ticks, calm over SSH
	fs.Focused.Prompt = m.styles.Prompt
	fs.Blurred.Prompt = m.styles.Dim
	m.filter.SetStyles(fs)
	m.cardFor = nil // re-render the card in the new colours
}

// refilter runs the search for the filter text and selects the best match.
func (m *Model) refilter() {
	m.results = m.cat.Search(m.filter.Value())
	for i := range m.counts {
		m.counts[i] = 0
	}
	for _, r := range m.results {
		for i, t := range tabs {
			if t.keep(r.Status) {
				m.counts[i]++
			}
		}
	}
	m.applyTab(nil)
}

// applyTab recomputes the visible rows for the current tab and keeps keep
// selected if it is still there, else selects the first row.
func (m *Model) applyTab(keep *data.Status) {
	m.visible = m.visible[:0]
	m.cursor, m.offset = 0, 0
	for i, r := range m.results {
		if tabs[m.tab].keep(r.Status) {
			if r.Status == keep {
				m.cursor = len(m.visible)
			}
			m.visible = append(m.visible, i)
		}
	}
}

// Selected is the entry under the cursor, or nil when nothing matches.
func (m *Model) Selected() *data.Status {
	if m.cursor < len(m.visible) {
		return m.results[m.visible[m.cursor]].Status
	}
	return nil
}

// Tab is the index of the current tab (0 is All).
func (m *Model) Tab() int { return m.tab }

// Filter is the filter text.
func (m *Model) Filter() string { return m.filter.Value() }

// Focused names what has the keyboard: "list", "filter" or "detail".
func (m *Model) Focused() string { return [...]string{"list", "filter", "detail"}[m.focus] }

func (m *Model) setTab(i int) {
	keep := m.Selected()
	m.tab = (i + len(tabs)) % len(tabs)
	m.applyTab(keep)
}

func (m *Model) move(delta int) {
	if len(m.visible) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+delta, 0), len(m.visible)-1)
}

// place is where the explorer was before a jump, for going back.
type place struct {
	filter string
	tab    int
	status *data.Status
}

// maxHistory bounds the jumps remembered for going back.
const maxHistory = 50

// jump selects a code, clearing the filter and tab if they hide it, and
// remembers where it came from.
func (m *Model) jump(code int) {
	if s := m.Selected(); s != nil {
		m.history = append(m.history, place{m.filter.Value(), m.tab, s})
		if len(m.history) > maxHistory {
			m.history = m.history[1:]
		}
	}
	for pass := 0; pass < 2; pass++ {
		for i, r := range m.visible {
			if m.results[r].Status.Code == code {
				m.cursor = i
				return
			}
		}
		m.filter.SetValue("")
		m.tab = 0
		m.refilter()
	}
}

// back returns to where the last jump came from.
func (m *Model) back() {
	n := len(m.history)
	if n == 0 {
		return
	}
	p := m.history[n-1]
	m.history = m.history[:n-1]
	m.filter.SetValue(p.filter)
	m.tab = p.tab
	m.refilter()
	m.applyTab(p.status)
}

func (m *Model) paste(s string) {
	if m.focus == focusDetail {
		return
	}
	m.focus = focusFilter
	m.filter.Focus()
	m.filter.SetValue(data.NormalizeQuery(m.filter.Value() + " " + s))
	m.filter.CursorEnd()
	m.refilter()
}
