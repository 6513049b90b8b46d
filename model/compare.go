package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// compareScreen is the comparison table of the selected code's family:
// 301 beside 302, 307 and 308.
type compareScreen struct {
	family *data.Family
	offset int
}

// family is the family of codes people confuse with the selected one.
func (m *Model) family() *data.Family {
	if r, ok := m.list.selected(); ok && r.Sub == nil {
		return data.FamilyOf(r.Status)
	}
	return nil
}

func (m *Model) openCompare() {
	m.menu = nil
	m.compare = compareScreen{family: m.family()}
	m.screen = screenCompare
}

func (m *Model) compareKey(msg tea.KeyPressMsg) {
	if key.Matches(msg, m.keys.DetailCompare) {
		m.screen = screenExplorer // c or ctrl+t again closes it
		return
	}
	m.scrollKey(msg, &m.compare.offset)
}

// compareView draws the table in the body's box.
func (m *Model) compareView(r rect) string {
	f := m.compare.family
	in := r.inner()
	text := ui.CompareTable(f, m.cat, &m.styles.Styles, max(in.w-2*cardPad, 1))
	lines := splitLines(text)
	widths := make([]int, len(lines))
	for i, l := range lines {
		widths[i] = ansi.StringWidth(l)
	}
	m.compare.offset = min(m.compare.offset, max(len(lines)-in.h, 0))
	return m.textBox(lines, widths, m.compare.offset, "Compare", r)
}
