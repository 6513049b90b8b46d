package model

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Update handles one message and renders the next frame. Messages that
// change nothing (the environment, key releases, mouse motion) keep the
// frame: Bubble Tea asks for a view after every message, and over SSH most
// of the first ones are of that kind.
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
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		if m.screen == screenExplorer && m.menu == nil {
			m.paste(msg.Content)
		}
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

// handleKey routes a key: quit and help anywhere, then the copy menu if it
// is open, then the screen in front.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if utf8.RuneCountInString(msg.Text) > 1 {
		// Several runes in one key (an input method's word, a grapheme
		// cluster, a kitty key's associated text) are text, whatever they
		// spell: key.Matches compares the text, and "right" or "ctrl+c"
		// typed must not move the cursor or quit. Only the filter takes it.
		if m.screen == screenExplorer && m.menu == nil {
			m.focus = focusList
			return m.edit(msg)
		}
		return nil
	}
	typing := m.screen == screenExplorer && m.menu == nil && m.focus == focusList && m.filter.Value() != ""
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help) && !(typing && msg.String() == "?"):
		m.toggleHelp()
		return nil
	case m.menu != nil:
		return m.menuKey(msg)
	}
	switch m.screen {
	case screenHelp:
		if key.Matches(msg, k.Close) {
			m.screen = m.helpFrom
			return nil
		}
		m.scrollKey(msg, &m.helpOffset)
	case screenCompare:
		m.compareKey(msg)
	case screenGuide:
		return m.guideKey(msg)
	default:
		if m.focus == focusDetail {
			return m.detailKey(msg)
		}
		return m.listKey(msg)
	}
	return nil
}

// listKey handles the list, where typing is searching: printable keys edit
// the filter, everything else is a command.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Choose):
		if r, ok := m.list.selected(); ok {
			m.chosen, _ = r.Names()
			return tea.Quit
		}
	case key.Matches(msg, k.Open):
		m.focus = focusDetail // on a narrow screen, full screen
	case key.Matches(msg, k.Clear):
		m.filter.SetValue("")
		m.refilter()
	case key.Matches(msg, k.Leave):
		return tea.Quit // esc with nothing to clear leaves, as in fzf
	case key.Matches(msg, k.Up):
		m.list.move(-1)
	case key.Matches(msg, k.Down):
		m.list.move(1)
	case key.Matches(msg, k.PageUp):
		m.list.move(-m.lay.rows)
	case key.Matches(msg, k.PageDown):
		m.list.move(m.lay.rows)
	case key.Matches(msg, k.Home):
		m.list.move(-len(m.list.visible))
	case key.Matches(msg, k.End):
		m.list.move(len(m.list.visible))
	case key.Matches(msg, k.NextTab):
		m.setTab(m.tab + 1)
	case key.Matches(msg, k.PrevTab):
		m.setTab(m.tab - 1)
	case key.Matches(msg, k.Related):
		m.jumpRelated(digit(msg))
	case key.Matches(msg, k.Previous):
		m.back()
	case key.Matches(msg, k.Copy):
		m.openMenu()
	case key.Matches(msg, k.Compare):
		m.openCompare()
	case key.Matches(msg, k.Guide):
		m.openGuide()
	default:
		return m.edit(msg)
	}
	return nil
}

// edit passes a key to the filter input, and searches again when the text
// changed.
func (m *Model) edit(msg tea.KeyPressMsg) tea.Cmd {
	before := m.filter.Value()
	if m.filter.edit(msg) && m.filter.Value() != before {
		m.refilter()
	}
	return nil
}

// detailKey handles the focused detail pane. It takes no text, so plain
// letters are commands here; any other printable key goes back to the
// list and starts typing.
func (m *Model) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	v := &m.card.view
	switch {
	case key.Matches(msg, k.Back):
		m.focus = focusList
	case key.Matches(msg, k.NextTab):
		m.setTab(m.tab + 1)
	case key.Matches(msg, k.PrevTab):
		m.setTab(m.tab - 1)
	case key.Matches(msg, k.DetailRelated):
		m.jumpRelated(digit(msg))
	case key.Matches(msg, k.DetailPrevious):
		m.back()
	case key.Matches(msg, k.DetailCopy):
		m.openMenu()
	case key.Matches(msg, k.DetailCompare):
		m.openCompare()
	case key.Matches(msg, k.Guide):
		m.openGuide()
	case key.Matches(msg, k.ScrollUp):
		v.ScrollUp(1)
	case key.Matches(msg, k.ScrollDown):
		v.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		v.PageUp()
	case key.Matches(msg, k.PageDown), msg.Code == tea.KeySpace:
		v.PageDown()
	case key.Matches(msg, k.Top):
		v.GotoTop()
	case key.Matches(msg, k.Bottom):
		v.GotoBottom()
	default:
		if typed(msg) != "" {
			m.focus = focusList
			return m.edit(msg)
		}
	}
	return nil
}

// jumpRelated selects the i-th related code of the selected entry.
func (m *Model) jumpRelated(i int) {
	if r, ok := m.list.selected(); ok && i >= 0 && i < len(r.Status.Related) {
		m.jump(r.Status.Related[i])
	}
}

// scrollKey scrolls a screen of text (help, the comparison table).
func (m *Model) scrollKey(msg tea.KeyPressMsg, offset *int) {
	k := m.keys
	page := max(m.lay.body.inner().h-1, 1)
	switch {
	case key.Matches(msg, k.Close):
		m.screen = screenExplorer
	case key.Matches(msg, k.ScrollUp):
		*offset--
	case key.Matches(msg, k.ScrollDown):
		*offset++
	case key.Matches(msg, k.PageUp):
		*offset -= page
	case key.Matches(msg, k.PageDown), msg.Code == tea.KeySpace:
		*offset += page
	case key.Matches(msg, k.Top):
		*offset = 0
	case key.Matches(msg, k.Bottom):
		*offset = 1 << 20 // clamped when drawn
	}
	*offset = max(*offset, 0)
}

func (m *Model) toggleHelp() {
	if m.screen == screenHelp {
		m.screen = m.helpFrom
		return
	}
	m.menu = nil
	// Help lists the keys of the screen it was opened from.
	m.helpKeys = m.helpKeys[:0]
	for _, col := range m.keys.helpColumns() {
		m.helpKeys = append(m.helpKeys, enabled(col...)...)
	}
	m.helpFrom, m.screen, m.helpOffset = m.screen, screenHelp, 0
}

// click handles a left click on a tab, a list row, the filter line, a
// related code in the card, a guide answer or a menu item.
func (m *Model) click(mouse tea.Mouse) tea.Cmd {
	if mouse.Button != tea.MouseLeft || m.lay.tooSmall {
		return nil
	}
	x, y := mouse.X, mouse.Y
	l := m.lay
	switch {
	case m.menu != nil:
		return m.menuClick(x, y)
	case y == 0:
		for i, span := range l.tabs {
			if x >= span[0] && x < span[1] {
				if m.screen != screenExplorer {
					m.screen = screenExplorer
				}
				m.setTab(i)
			}
		}
	case m.screen == screenGuide:
		return m.guideClick(y)
	case m.screen != screenExplorer:
	case l.list.contains(x, y):
		row := y - l.list.inner().y - filterLines
		m.focus = focusList
		if i := m.list.offset + row; row >= 0 && i < len(m.list.visible) && i < m.list.offset+l.rows {
			if i == m.list.cursor && !m.pick {
				m.focus = focusDetail
			}
			m.list.cursor = i
		}
	case l.detail.contains(x, y):
		m.focus = focusDetail
		line := y - l.detail.inner().y + m.card.view.YOffset()
		if code, ok := m.card.card.Related[line]; ok {
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
	switch {
	case m.menu != nil:
	case m.screen == screenHelp:
		m.helpOffset = max(m.helpOffset+3*delta, 0)
	case m.screen == screenCompare:
		m.compare.offset = max(m.compare.offset+3*delta, 0)
	case m.screen == screenGuide:
		m.guide.offset = max(m.guide.offset+3*delta, 0)
	case m.lay.detail.contains(mouse.X, mouse.Y):
		if delta < 0 {
			m.card.view.ScrollUp(3)
		} else {
			m.card.view.ScrollDown(3)
		}
	default:
		m.list.move(delta)
	}
}
