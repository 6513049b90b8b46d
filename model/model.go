// Package model is the explorer: the Bubble Tea root model with category
// tabs, a filtered list and a detail pane over the catalog, and the screens
// it routes to (help, the comparison table, the choose guide, the copy
// menu). It renders with ui/ and searches with data.Search, the ranking the
// command line uses too.
package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

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

// maxFilterRunes bounds the filter line: longer is a paste, which paste
// reads as a query and shortens (a status line becomes "404 not found").
const maxFilterRunes = 200

// screen is what the body shows.
type screen int

const (
	screenExplorer screen = iota
	screenHelp
	screenCompare
	screenGuide
)

type focus int

const (
	focusList focus = iota // the list, with the filter taking every printable key
	focusDetail
)

// Model is the explorer's root model. It routes keys and sizes to the
// screen in front and draws the frame around it: tabs, body, footer.
type Model struct {
	cat     *data.Catalog
	keys    keyMap
	styles  *ui.ExplorerStyles // shared, read-only
	dark    bool
	profile colorprofile.Profile

	filter  filterInput
	list    listPane
	card    cardPane
	compare compareScreen
	guide   guideScreen
	menu    *copyMenu // open over the screen, or nil

	width, height int
	screen        screen
	helpFrom      screen        // the screen help goes back to
	helpKeys      []key.Binding // the keys that work there
	helpOffset    int           // the help screen's scroll
	focus         focus
	tab           int
	status        string  // a one-off message in the footer
	history       []place // where jumps to related codes came from

	pick   bool   // hand-off to the shell: enter chooses
	chosen string // the code chosen, "" until then

	lay   layout
	frame string // the rendered screen, redrawn when state changes
}

// Option configures a new Model.
type Option func(*Model)

// WithQuery pre-fills the filter, as `httpstatus -i teapot` does.
func WithQuery(q string) Option {
	return func(m *Model) { m.filter.SetValue(filterText(m.cat, q)) }
}

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
func WithGuide() Option {
	return func(m *Model) { m.openGuide() }
}

// New builds the explorer over a catalog. Colours assume a dark, true-colour
// terminal until it says otherwise. The model is a pointer: Bubble Tea keeps
// one and Update changes it in place, rather than copying some 15 KB of
// bubbles state on every message.
func New(cat *data.Catalog, opts ...Option) *Model {
	m := &Model{
		cat:     cat,
		keys:    newKeyMap(),
		filter:  filterInput{limit: maxFilterRunes},
		card:    newCardPane(),
		dark:    true,
		profile: colorprofile.TrueColor,
	}
	m.list.totals = countTabs(nil, cat.Search(data.Query{}))
	m.setStyles()
	for _, o := range opts {
		o(m)
	}
	m.refilter()
	m.redraw()
	return m
}

// Init asks the terminal for its background so colours can adapt.
func (m *Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Chosen is the code chosen with enter in pick mode ("404", "404.3"), or ""
// when the user left without choosing.
func (m *Model) Chosen() string { return m.chosen }

// Selected is the entry under the cursor, or nil when nothing matches.
func (m *Model) Selected() *data.Status {
	if r, ok := m.list.selected(); ok {
		return r.Status
	}
	return nil
}

// Tab is the index of the current tab (0 is All).
func (m *Model) Tab() int { return m.tab }

// Filter is the filter text.
func (m *Model) Filter() string { return m.filter.Value() }

// Focused names what has the keyboard: "list", "detail", "help",
// "compare", "guide" or "menu".
func (m *Model) Focused() string {
	switch {
	case m.menu != nil:
		return "menu"
	case m.screen == screenHelp:
		return "help"
	case m.screen == screenCompare:
		return "compare"
	case m.screen == screenGuide:
		return "guide"
	case m.focus == focusDetail:
		return "detail"
	}
	return "list"
}

// setStyles picks the shared styles for the background and profile.
func (m *Model) setStyles() {
	m.styles = ui.SharedExplorerStyles(m.dark, m.profile)
	m.card.invalidate() // re-render the card in the new colours
}

// filterText is what the filter shows for given or pasted text: a status
// line, log line or whole response as the codes and words the resolver took
// from it ("404 not found", "522 cloudflare"), anything else on one line.
func filterText(cat *data.Catalog, s string) string {
	if res := cat.Resolve(s); res.Query.Line {
		return res.Text()
	}
	return data.NormalizeQuery(s)
}
