package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Typing is searching: in the list every printable key edits the filter,
// so the commands there are keys that type nothing (arrows, enter, esc,
// tab, ctrl- and alt- keys). The screens that take no text also answer to
// plain letters. Each screen declares its own bindings; these read keys as
// key.Matches does.

// binding is a key binding with its help.
func binding(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// digits are the keys 1 to 9, with prefix ("alt+").
func digits(prefix string) []string {
	out := make([]string, 9)
	for i := range out {
		out[i] = prefix + string(rune('1'+i))
	}
	return out
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

// isText reports whether a key carries several runes: an input method's
// word, a grapheme cluster, a kitty key's associated text. Such a key is
// text whatever it spells (key.Matches compares the text, and "right" or
// "ctrl+c" typed must not move or quit); only the filter takes it.
func isText(msg tea.KeyPressMsg) bool { return utf8.RuneCountInString(msg.Text) > 1 }

// closeKeys close a screen that takes no text: esc, as everywhere, and q,
// as in glow and less.
func closeKeys() key.Binding { return binding("esc/q", "close", "esc", "q") }
