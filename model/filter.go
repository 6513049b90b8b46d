package model

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// Hand-written rather than bubbles' textinput, which brought a clipboard
// package whose start-up probes the file system on every run of the
// command line, and a blinking cursor we turned off.

// filterInput is the filter line: its text and a cursor, edited with the
// keys of a shell's line editor.
type filterInput struct {
	text   []rune
	cursor int // index into text
	limit  int // most runes kept
	keys   filterKeys
}

// filterKeys edit the filter, as in a shell. Every key that types text is
// text; these are the others.
type filterKeys struct {
	Left, Right, Start, End                          key.Binding
	DeleteBack, DeleteForward, DeleteWord, Kill, Cut key.Binding
}

func newFilterInput(limit int) filterInput {
	return filterInput{limit: limit, keys: filterKeys{
		Left:          binding("←/ctrl+b", "cursor left", "left", "ctrl+b"),
		Right:         binding("→/ctrl+f", "cursor right", "right", "ctrl+f"),
		Start:         binding("ctrl+a", "start of the filter", "ctrl+a"),
		End:           binding("ctrl+e", "end of the filter", "ctrl+e"),
		DeleteBack:    binding("backspace", "delete back", "backspace", "ctrl+h"),
		DeleteForward: binding("delete/ctrl+d", "delete forward", "delete", "ctrl+d"),
		DeleteWord:    binding("ctrl+w", "delete a word back", "ctrl+w", "alt+backspace"),
		Kill:          binding("ctrl+u", "delete to the start", "ctrl+u"),
		Cut:           binding("ctrl+k", "delete to the end", "ctrl+k"),
	}}
}

// help is the editing keys, for the help screen.
func (k filterKeys) help() []key.Binding {
	return []key.Binding{k.Left, k.Right, k.Start, k.End, k.DeleteBack, k.DeleteForward, k.DeleteWord, k.Kill, k.Cut}
}

// Value is the text.
func (in *filterInput) Value() string { return string(in.text) }

// SetValue replaces the text, cut to the limit, with the cursor at its end.
func (in *filterInput) SetValue(s string) {
	in.text = []rune(s)
	if in.limit > 0 && len(in.text) > in.limit {
		in.text = in.text[:in.limit]
	}
	in.cursor = len(in.text)
}

// edit applies a key and reports whether it was one the input takes.
// Keys that type text are text, whatever it spells; the others are edits.
func (in *filterInput) edit(msg tea.KeyPressMsg) bool {
	if t := typed(msg); t != "" {
		if in.cursor == 0 {
			// "/" is how less, vim and glow start a search, and the
			// prompt already shows it: a leading one types nothing.
			t = strings.TrimLeft(t, "/")
		}
		in.insert(t)
		return true
	}
	k := &in.keys
	switch {
	case key.Matches(msg, k.DeleteBack):
		in.cut(in.cursor-1, in.cursor)
	case key.Matches(msg, k.DeleteForward):
		in.cut(in.cursor, in.cursor+1)
	case key.Matches(msg, k.DeleteWord):
		in.cut(in.wordStart(), in.cursor)
	case key.Matches(msg, k.Kill):
		in.cut(0, in.cursor)
	case key.Matches(msg, k.Cut):
		in.cut(in.cursor, len(in.text))
	case key.Matches(msg, k.Left):
		in.cursor = max(in.cursor-1, 0)
	case key.Matches(msg, k.Right):
		in.cursor = min(in.cursor+1, len(in.text))
	case key.Matches(msg, k.Start):
		in.cursor = 0
	case key.Matches(msg, k.End):
		in.cursor = len(in.text)
	default:
		return false
	}
	return true
}

func (in *filterInput) insert(s string) {
	add := []rune(s)
	if in.limit > 0 {
		add = add[:min(len(add), max(in.limit-len(in.text), 0))]
	}
	in.text = append(in.text[:in.cursor], append(add, in.text[in.cursor:]...)...)
	in.cursor += len(add)
}

// cut deletes the runes [from, to), clamped to the text.
func (in *filterInput) cut(from, to int) {
	from, to = max(from, 0), min(to, len(in.text))
	if from >= to {
		return
	}
	in.text = append(in.text[:from], in.text[to:]...)
	in.cursor = from
}

// wordStart is where the word before the cursor starts, spaces before it
// included, as ctrl+w deletes in a shell.
func (in *filterInput) wordStart() int {
	i := in.cursor
	for i > 0 && unicode.IsSpace(in.text[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(in.text[i-1]) {
		i--
	}
	return i
}

// view draws the prompt and the text in width cells, scrolled so the
// cursor shows; when focused the cursor is a reversed cell. An empty
// input shows the placeholder.
func (in *filterInput) view(prompt, placeholder string, width int, focused bool, st *ui.ExplorerStyles) string {
	p := st.Prompt
	if !focused {
		p = st.Dim
	}
	room := max(width-ansi.StringWidth(prompt), 1)
	if len(in.text) == 0 { // the cursor sits on the placeholder's first letter
		ph := ansi.Truncate(placeholder, room, "…")
		return p.Render(prompt) + cursorCell(ph[:1], focused) + st.Dim.Render(ph[1:])
	}
	// Show the runes before the cursor that fit beside it (it needs a
	// cell of its own at the end of the text), walking back from it:
	// measuring from the start was quadratic in the text, milliseconds a
	// key with a long filter.
	from, used := in.cursor, 1
	for from > 0 {
		rw := ansi.StringWidth(string(in.text[from-1]))
		if used+rw > room {
			break
		}
		used += rw
		from--
	}
	var b strings.Builder
	w := 0
	for i := from; i <= len(in.text); i++ {
		r := " "
		if i < len(in.text) {
			r = string(in.text[i])
		}
		if w += ansi.StringWidth(r); w > room {
			break
		}
		switch {
		case i == in.cursor:
			b.WriteString(cursorCell(r, focused))
		case i < len(in.text):
			b.WriteString(r)
		}
	}
	return p.Render(prompt) + b.String()
}

func cursorCell(s string, focused bool) string {
	if !focused {
		return s
	}
	return ansi.SGR(ansi.AttrReverse) + s + ansi.SGR(ansi.AttrNoReverse)
}
