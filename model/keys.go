package model

import "charm.land/bubbles/v2/key"

// keyMap is every binding of the explorer. Bindings that do not apply in the
// current mode are disabled, so help shows only what works.
type keyMap struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	NextTab, PrevTab                      key.Binding
	Filter, ClearFilter, AcceptFilter     key.Binding
	Open, Back, Related, Previous         key.Binding
	Copy, Help, Quit                      key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Home:         key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "first")),
		End:          key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last")),
		NextTab:      key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next category")),
		PrevTab:      key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "prev category")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/ or 0-9", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		AcceptFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Back:         key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back to list")),
		Related:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "related code")),
		Previous:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "previous code")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's one line.
func (k keyMap) ShortHelp() []key.Binding {
	return enabled(k.Up, k.Down, k.NextTab, k.Filter, k.ClearFilter, k.AcceptFilter, k.Open, k.Back, k.Related, k.Previous, k.Copy, k.Help, k.Quit)
}

// FullHelp is the footer when ? is pressed, in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		enabled(k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End),
		enabled(k.NextTab, k.PrevTab, k.Filter, k.ClearFilter, k.AcceptFilter),
		enabled(k.Open, k.Back, k.Related, k.Previous, k.Copy),
		enabled(k.Help, k.Quit),
	}
}

func enabled(bs ...key.Binding) []key.Binding {
	out := bs[:0:0]
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}
