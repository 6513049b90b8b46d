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
// phrase, the code alone, a reference, the example response, a language
// constant. It copies with OSC 52, which reaches the user's own clipboard
// over SSH too. It is drawn over the top right of the screen beneath, or
// across it when the screen is narrow.
type copyMenu struct {
	*common
	items    []copyItem
	selected int
	box      rect // in the body, where it is drawn
	keys     menuKeys
}

type copyItem struct{ label, text string }

type menuKeys struct {
	Up, Down, Copy, Pick, Close key.Binding
	Click                       key.Binding // not a key: for the help
}

func newCopyMenu(c *common, r data.Result) *copyMenu {
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
	return &copyMenu{common: c, items: items, keys: menuKeys{
		Up:    binding("↑", "previous item", "up", "k"),
		Down:  binding("↓", "next item", "down", "j"),
		Copy:  binding("enter", "copy", "enter"),
		Pick:  binding("1-9", "copy that item", digits("")...),
		Close: binding("esc/q", "close", "esc", "q", "left", "backspace"),
		Click: binding("click", "copy; outside: close", "click"),
	}}
}

// ShortHelp: the footer keeps "esc close" longest after "enter copy".
func (c *copyMenu) ShortHelp() []key.Binding {
	return []key.Binding{c.keys.Copy, c.keys.Close, c.keys.Pick}
}

func (c *copyMenu) FullHelp() [][]key.Binding {
	k := c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Copy, k.Pick, k.Close}, {k.Click}}
}

// menuWidth is the widest the menu is drawn.
const menuWidth = 64

// setSize places the menu in a body of w x h cells: at its top right,
// across it when it is narrower than the menu.
func (c *copyMenu) setSize(w, h int) {
	mw := min(w, menuWidth)
	c.box = rect{w - mw, 0, mw, min(len(c.items)+2*ui.Frame, h)}
}

func (c *copyMenu) offset() (int, int) { return c.box.x, c.box.y }

// update: up and down choose, enter or a digit copies, esc closes; a
// click copies the item under it, or closes the menu outside it.
func (c *copyMenu) update(msg tea.Msg) tea.Cmd {
	k := &c.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Close):
			return closeScreen
		case key.Matches(msg, k.Up):
			c.selected = max(c.selected-1, 0)
		case key.Matches(msg, k.Down):
			c.selected = min(c.selected+1, len(c.items)-1)
		case key.Matches(msg, k.Copy):
			return c.copy(c.selected)
		case key.Matches(msg, k.Pick):
			return c.copy(digit(msg))
		}
	case tea.MouseClickMsg:
		m := msg.Mouse()
		in := c.box.inner()
		if i := c.first() + m.Y - in.y; in.contains(m.X, m.Y) && i < len(c.items) {
			return c.copy(i)
		}
		return closeScreen
	}
	return nil
}

// first is the first item shown: items past what fits scroll with the
// selection; 1-9 copy the first nine.
func (c *copyMenu) first() int { return max(c.selected-(c.box.inner().h-1), 0) }

// copy puts item i on the clipboard, says so and closes the menu; a number
// the menu does not have copies nothing.
func (c *copyMenu) copy(i int) tea.Cmd {
	if i < 0 || i >= len(c.items) {
		return nil
	}
	it := c.items[i]
	said := "Copied " + strings.ToLower(it.label[:1]) + it.label[1:] + ": “" + ansi.Truncate(firstLine(it.text), 40, "…") + "”"
	return tea.Batch(tea.SetClipboard(it.text), closeScreen, status(said))
}

// firstLine is the first line of s (an example response's status line),
// safe to draw on one line: "\r" and the like become spaces.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return ui.OneLine(line)
}

// view draws the menu's box; the root lays it over the screen beneath.
func (c *copyMenu) view() string {
	st := c.styles
	inner := c.box.inner()
	labelW := 0
	for _, it := range c.items {
		labelW = max(labelW, len(it.label))
	}
	first := c.first()
	lines := make([]string, 0, inner.h)
	for i := first; i < len(c.items) && i < first+inner.h; i++ {
		it := c.items[i]
		num := " "
		if i < 9 {
			num = strconv.Itoa(i + 1)
		}
		text := it.label + spaces(labelW-len(it.label)+2) + st.Dim.Render(firstLine(it.text))
		line := " " + num + " " + text
		if i == c.selected {
			line = st.Prompt.Render("▌"+num) + " " + text
		}
		lines = append(lines, ui.Fit(ansi.Truncate(line, inner.w, "…"), inner.w, 1))
	}
	return ui.Box(lines, "Copy", "", c.box.w, c.box.h, true, st)
}
