package model

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// copyMenu offers what of the selected entry to copy: the code and
// phrase, the code alone, a language constant, the example response, a
// reference. It copies with OSC 52, which reaches the user's own
// clipboard over SSH too.
type copyMenu struct {
	items    []copyItem
	selected int
	box      rect // where it was drawn, for clicks
}

type copyItem struct{ label, text string }

func (m *Model) openMenu() {
	r, ok := m.list.selected()
	if !ok {
		return
	}
	code, phrase := r.Names()
	s := r.Status
	items := []copyItem{{"Code and phrase", code + " " + phrase}, {"Code", code}}
	url := ""
	if len(s.References) > 0 {
		url = s.References[0].URL
	}
	if r.Sub != nil {
		url = r.Sub.URL
	}
	if url != "" {
		items = append(items, copyItem{"Reference URL", url})
	}
	if s.Example != "" && r.Sub == nil {
		items = append(items, copyItem{"Example response", s.Example})
	}
	for _, l := range data.Languages {
		if v, ok := s.Constants[l.Key]; ok && r.Sub == nil {
			items = append(items, copyItem{l.Name + " constant", v})
		}
	}
	m.menu = &copyMenu{items: items}
}

// menuKey: up and down choose, enter or a digit copies, esc closes.
func (m *Model) menuKey(msg tea.KeyPressMsg) tea.Cmd {
	k, c := m.keys, m.menu
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Back):
		m.menu = nil
	case key.Matches(msg, k.Up):
		c.selected = max(c.selected-1, 0)
	case key.Matches(msg, k.Down):
		c.selected = min(c.selected+1, len(c.items)-1)
	case key.Matches(msg, k.Choose):
		return m.copy(c.selected)
	case key.Matches(msg, k.Pick):
		return m.copy(digit(msg))
	}
	return nil
}

func (m *Model) menuClick(x, y int) tea.Cmd {
	b := m.menu.box.inner()
	first := max(m.menu.selected-(b.h-1), 0)
	if i := first + y - b.y; b.contains(x, y) && i < len(m.menu.items) {
		return m.copy(i)
	}
	m.menu = nil
	return nil
}

// copy puts item i on the clipboard and closes the menu; a number the
// menu does not have copies nothing.
func (m *Model) copy(i int) tea.Cmd {
	if i < 0 || i >= len(m.menu.items) {
		return nil
	}
	it := m.menu.items[i]
	m.menu = nil
	m.status = "Copied " + strings.ToLower(it.label[:1]) + it.label[1:] + ": “" + ellipsis(firstLine(it.text), 40) + "”"
	return tea.SetClipboard(it.text)
}

// firstLine is the first line of s (an example response's status line),
// safe to draw on one line: "\r" and the like become spaces.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return ui.OneLine(line)
}

// menuView draws the menu as a box over the body's top right, or across
// it when the screen is narrow, and remembers where for clicks.
func (m *Model) menuView() (string, rect) {
	c := m.menu
	body := m.lay.body
	w := min(body.w, 64)
	h := min(len(c.items)+2*ui.Frame, body.h)
	r := rect{body.x + body.w - w, body.y, w, h}
	inner := r.inner()
	labelW := 0
	for _, it := range c.items {
		labelW = max(labelW, len(it.label))
	}
	// Items past what fits scroll with the selection; 1-9 pick the first nine.
	first := max(c.selected-(inner.h-1), 0)
	lines := make([]string, 0, inner.h)
	for i := first; i < len(c.items) && i < first+inner.h; i++ {
		it := c.items[i]
		num := " "
		if i < 9 {
			num = strconv.Itoa(i + 1)
		}
		text := it.label + spaces(labelW-len(it.label)+2) + m.styles.Dim.Render(firstLine(it.text))
		line := " " + num + " " + text
		if i == c.selected {
			line = m.styles.Prompt.Render("▌"+num) + " " + text
		}
		lines = append(lines, ui.Fit(ansi.Truncate(line, inner.w, "…"), inner.w, 1))
	}
	c.box = r
	return ui.Box(lines, "Copy", r.w, r.h, true, m.styles), r
}
