package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleKey routes a key by focus: the filter input gets keys exclusively
// (but for a few that steer the list), the list and the detail their own.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	switch m.focus {
	case focusFilter:
		return m.filterKey(msg)
	case focusDetail:
		if cmd, ok := m.detailKey(msg); ok {
			return cmd
		}
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.Copy):
		return m.copySelected()
	case key.Matches(msg, k.NextTab):
		m.setTab(m.tab + 1)
	case key.Matches(msg, k.PrevTab):
		m.setTab(m.tab - 1)
	case key.Matches(msg, k.Filter):
		m.focus = focusFilter
		return m.filter.Focus()
	case m.focus == focusList && len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9':
		// Typing a code filters straight away: 4, 2, 9 selects 429.
		m.focus = focusFilter
		m.filter.SetValue(msg.Text)
		m.filter.CursorEnd()
		m.refilter()
		return m.filter.Focus()
	case m.focus == focusList:
		m.listKey(msg)
	}
	return nil
}

func (m *Model) listKey(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.lay.rows)
	case key.Matches(msg, k.PageDown):
		m.move(m.lay.rows)
	case key.Matches(msg, k.Home):
		m.move(-len(m.visible))
	case key.Matches(msg, k.End):
		m.move(len(m.visible))
	case key.Matches(msg, k.Open):
		if m.Selected() != nil {
			m.focus = focusDetail // on a narrow screen, full screen
		}
	case key.Matches(msg, k.ClearFilter):
		if m.filter.Value() != "" {
			m.filter.SetValue("")
			m.refilter()
		}
	}
}

// filterKey handles keys while the filter input has focus. Arrows still
// move the selection so a user can type and pick without leaving the input.
func (m *Model) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.filter.SetValue("")
		m.filter.Blur()
		m.focus = focusList
		m.refilter()
		return nil
	case "enter":
		m.filter.Blur()
		m.focus = focusList
		return nil
	case "up":
		m.move(-1)
		return nil
	case "down":
		m.move(1)
		return nil
	case "pgup":
		m.move(-m.lay.rows)
		return nil
	case "pgdown":
		m.move(m.lay.rows)
		return nil
	case "tab":
		m.setTab(m.tab + 1)
		return nil
	case "shift+tab":
		m.setTab(m.tab - 1)
		return nil
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.refilter()
	}
	return cmd
}

// detailKey handles keys while the detail pane has focus; ok is false for
// keys it leaves to the shared bindings (tabs, copy, help, quit).
func (m *Model) detailKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.focus = focusList
	case key.Matches(msg, k.Related):
		if s := m.Selected(); s != nil {
			if i := int(msg.Text[0] - '1'); i < len(s.Related) {
				m.jump(s.Related[i])
			}
		}
	case key.Matches(msg, k.Previous):
		m.back()
	case key.Matches(msg, k.Up):
		m.detail.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.detail.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.detail.PageUp()
	case key.Matches(msg, k.PageDown):
		m.detail.PageDown()
	case key.Matches(msg, k.Home):
		m.detail.GotoTop()
	case key.Matches(msg, k.End):
		m.detail.GotoBottom()
	default:
		return nil, false
	}
	return nil, true
}

// copySelected puts "404 Not Found" on the clipboard with OSC 52, which
// reaches the user's own clipboard over SSH too.
func (m *Model) copySelected() tea.Cmd {
	s := m.Selected()
	if s == nil {
		return nil
	}
	m.status = "Copied “" + s.Title() + "” to the clipboard"
	return tea.SetClipboard(s.Title())
}

// click handles a left click on a tab, a list row, the filter line or a
// related code in the card.
func (m *Model) click(mouse tea.Mouse) tea.Cmd {
	if mouse.Button != tea.MouseLeft || m.lay.tooSmall {
		return nil
	}
	x, y := mouse.X, mouse.Y
	l := m.lay
	switch {
	case y == 0:
		for i, span := range l.tabs {
			if x >= span[0] && x < span[1] {
				m.setTab(i)
			}
		}
	case l.list.contains(x, y):
		row := y - l.list.y - 1
		switch {
		case row == 0:
			m.focus = focusFilter
			return m.filter.Focus()
		case row > 0 && m.offset+row-1 < len(m.visible):
			i := m.offset + row - 1
			if i == m.cursor {
				m.focus = focusDetail
			} else {
				m.cursor = i
				m.focus = focusList
				m.filter.Blur()
			}
		}
	case l.detail.contains(x, y):
		m.focus = focusDetail
		m.filter.Blur()
		line := y - l.detail.y - 1 + m.detail.YOffset()
		if code, ok := m.card.Related[line]; ok {
			m.jump(code)
		}
	}
	return nil
}

// wheel scrolls whatever is under the pointer.
func (m *Model) wheel(mouse tea.Mouse) {
	delta := 0
	switch mouse.Button {
	case tea.MouseWheelUp:
		delta = -1
	case tea.MouseWheelDown:
		delta = 1
	default:
		return
	}
	if m.lay.detail.contains(mouse.X, mouse.Y) {
		if delta < 0 {
			m.detail.ScrollUp(3)
		} else {
			m.detail.ScrollDown(3)
		}
		return
	}
	m.move(delta)
}
