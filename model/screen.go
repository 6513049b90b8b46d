package model

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// screen is one component of the explorer, as soft-serve's pages are: it
// owns its state and key map, handles the messages the root routes to it,
// draws itself in the box it was given, and says which of its keys work
// now (help.KeyMap), which the footer and the help screen show.
//
// Screens ask the root for what is beyond them with messages (openMsg,
// closeMsg, statusMsg, showMsg), so none knows the others' insides.
type screen interface {
	help.KeyMap
	// update handles a key, a paste, or a click or wheel turn in the
	// screen's own coordinates (0, 0 is its top left cell).
	update(msg tea.Msg) tea.Cmd
	// view draws the screen in exactly the size it was given.
	view() string
	setSize(width, height int)
}

// overlay is a screen drawn over the one beneath it, at its offset in
// the body: the copy menu.
type overlay interface {
	screen
	offset() (x, y int)
}

// common is what every screen shares with the root, which owns it: the
// catalog, and the styles for the terminal's background and colour depth
// (a screen that keeps rendered text renders it again when they change).
type common struct {
	cat    *data.Catalog
	styles *ui.ExplorerStyles // shared by every explorer; read-only
	// pick: enter chooses a code (the list's, the guide's answer) and
	// quits, to hand it to the shell.
	pick bool
}

type (
	// openMsg puts a screen in front of the one there.
	openMsg struct{ screen screen }
	// closeMsg closes the screen in front.
	closeMsg struct{}
	// statusMsg says something in the footer, until the next key.
	statusMsg string
	// showMsg brings the list back to the front with an entry selected:
	// the guide's answer, a code clicked on its card. With detail, the
	// entry's card takes the keyboard.
	showMsg struct {
		code   int
		status *data.Status // or nil: the code's first entry
		detail bool
		answer bool // the guide's answer: in pick mode, the code chosen
	}
)

func open(s screen) tea.Cmd { return func() tea.Msg { return openMsg{s} } }

// closeScreen is a tea.Cmd: return closeScreen.
func closeScreen() tea.Msg { return closeMsg{} }

func status(s string) tea.Cmd { return func() tea.Msg { return statusMsg(s) } }

func show(m showMsg) tea.Cmd { return func() tea.Msg { return m } }
