package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap is every binding of the explorer. Typing is searching: in the
// list, every printable key edits the filter, so commands there are keys
// that type nothing (arrows, enter, esc, tab, ctrl- and alt- keys). The
// detail pane, which takes no text, also answers to plain letters.
// Bindings that do not apply in the current mode are disabled, so the
// footer and help show only what works.
type keyMap struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	NextTab, PrevTab                      key.Binding
	Open, Choose, Back, Clear, Leave      key.Binding
	Related, Previous                     key.Binding
	Copy, Compare, Guide                  key.Binding
	Help, Quit                            key.Binding

	// The detail pane's own letters, and the menus' and guide's keys.
	ScrollUp, ScrollDown, Top, Bottom key.Binding
	DetailRelated, DetailPrevious     key.Binding
	DetailCopy, DetailCompare         key.Binding
	Pick, Close, GuideUp              key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		End:      key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		NextTab:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next category")),
		PrevTab:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous category")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:     key.NewBinding(key.WithKeys("esc", "left", "backspace"), key.WithHelp("esc", "back to list")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Leave:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "quit")),
		Related: key.NewBinding(key.WithKeys("alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9"),
			key.WithHelp("alt+1-9", "related code")),
		Previous: key.NewBinding(key.WithKeys("alt+left"), key.WithHelp("alt+←", "previous code")),
		Copy:     key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "copy")),
		Compare:  key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "compare")),
		Guide:    key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "choose a code")),
		Help:     key.NewBinding(key.WithKeys("f1", "?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),

		ScrollUp:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		ScrollDown: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "top")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "bottom")),
		DetailRelated: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9",
			"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9"), key.WithHelp("1-9", "related code")),
		DetailPrevious: key.NewBinding(key.WithKeys("b", "alt+left"), key.WithHelp("b", "previous code")),
		DetailCopy:     key.NewBinding(key.WithKeys("y", "ctrl+y"), key.WithHelp("y", "copy")),
		DetailCompare:  key.NewBinding(key.WithKeys("c", "ctrl+t"), key.WithHelp("c", "compare")),
		Pick:           key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "pick")),
		Close:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		GuideUp:        key.NewBinding(key.WithKeys("left", "backspace"), key.WithHelp("←", "previous question")),
	}
}

// all is every binding, for switching them off before a mode turns on its own.
func (k *keyMap) all() []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End, &k.NextTab, &k.PrevTab,
		&k.Open, &k.Choose, &k.Back, &k.Clear, &k.Leave, &k.Related, &k.Previous, &k.Copy, &k.Compare, &k.Guide,
		&k.Help, &k.Quit, &k.ScrollUp, &k.ScrollDown, &k.Top, &k.Bottom, &k.DetailRelated, &k.DetailPrevious,
		&k.DetailCopy, &k.DetailCompare, &k.Pick, &k.Close, &k.GuideUp}
}

// on enables bindings.
func on(bs ...*key.Binding) {
	for _, b := range bs {
		b.SetEnabled(true)
	}
}

// digit is the 1-9 of a key such as "3", "alt+3" or a keypad 3, as an
// index from 0; -1 for any other key. It reads the key as key.Matches
// does, so a key that matched a digit binding always has a digit.
func digit(msg tea.KeyPressMsg) int {
	s := strings.TrimPrefix(msg.String(), "alt+")
	if len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
		return int(s[0] - '1')
	}
	return -1
}

// typed is the text a key types into the filter, "" for a command key:
// letters, digits, punctuation and space, with no ctrl or alt. A keypad
// key types its character even when the terminal sends no text for it
// (xterm's application keypad: ESC O q is keypad 1). Control characters
// in a key's text are dropped: the filter holds one line of text.
func typed(msg tea.KeyPressMsg) string {
	if msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper|tea.ModMeta|tea.ModHyper) != 0 {
		return ""
	}
	if msg.Code == tea.KeySpace {
		return " "
	}
	if msg.Text == "" {
		return keypadText[msg.Code]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, msg.Text)
}

// keypadText is what the keypad's character keys type.
var keypadText = map[rune]string{
	tea.KeyKp0: "0", tea.KeyKp1: "1", tea.KeyKp2: "2", tea.KeyKp3: "3", tea.KeyKp4: "4",
	tea.KeyKp5: "5", tea.KeyKp6: "6", tea.KeyKp7: "7", tea.KeyKp8: "8", tea.KeyKp9: "9",
	tea.KeyKpDecimal: ".", tea.KeyKpDivide: "/", tea.KeyKpMultiply: "*", tea.KeyKpMinus: "-",
	tea.KeyKpPlus: "+", tea.KeyKpEqual: "=", tea.KeyKpComma: ",",
}

// footerKeys are the footer's bindings, most useful first; the footer drops
// from the end of this list until it fits, and always keeps help and quit.
func (k keyMap) footerKeys() []key.Binding {
	return enabled(k.Open, k.Choose, k.Back, k.Clear, k.NextTab, k.Related, k.DetailRelated, k.Copy, k.DetailCopy,
		k.Compare, k.DetailCompare, k.Guide, k.Previous, k.DetailPrevious, k.GuideUp, k.Up, k.Down, k.ScrollDown,
		k.Pick, k.Close)
}

// helpColumns are the help screen's columns.
func (k keyMap) helpColumns() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.NextTab, k.PrevTab},
		{k.Open, k.Choose, k.Clear, k.Leave, k.Back, k.Related, k.Previous, k.GuideUp, k.ScrollUp, k.ScrollDown, k.Top, k.Bottom},
		{k.Copy, k.Compare, k.Guide, k.DetailRelated, k.DetailPrevious, k.DetailCopy, k.DetailCompare, k.Help, k.Quit},
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
