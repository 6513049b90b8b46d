package model

import (
	"github.com/httpstatus-dev/httpstatus/data"
)

// What the tests read of the explorer's state.

// Tab is the index of the tab in front (0 is All).
func (m *Model) Tab() int { return m.explorer.list.tab }

// Filter is the filter text.
func (m *Model) Filter() string { return m.explorer.filter.Value() }

// Focused names the screen in front, or the list's pane with the
// keyboard: "list", "detail", "help", "compare", "guide" or "menu".
func (m *Model) Focused() string {
	switch m.front().(type) {
	case *copyMenu:
		return "menu"
	case *helpScreen:
		return "help"
	case *compareScreen:
		return "compare"
	case *guideScreen:
		return "guide"
	}
	if m.explorer.focus == focusDetail {
		return "detail"
	}
	return "list"
}

// Selected is the entry under the list's cursor, or nil when nothing
// matches.
func (m *Model) Selected() *data.Status {
	if r, ok := m.explorer.list.selected(); ok {
		return r.Status
	}
	return nil
}

// guide is the guide screen in front, or nil.
func (m *Model) guide() *guideScreen {
	g, _ := m.front().(*guideScreen)
	return g
}
