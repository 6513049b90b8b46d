package model

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// filterInput is the filter line: its text and a cursor, edited with the
// keys of a shell's line editor. bubbles' textinput did this too, but
// brought a clipboard package whose start-up probes the file system on
// every run of the command line, and a blinking cursor we turned off.
type filterInput struct {
	text   []rune
	cursor int // index into text
	limit  int // most runes kept
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
	switch msg.String() {
	case "backspace", "ctrl+h":
		in.cut(in.cursor-1, in.cursor)
	case "delete", "ctrl+d":
		in.cut(in.cursor, in.cursor+1)
	case "ctrl+w", "alt+backspace":
		in.cut(in.wordStart(), in.cursor)
	case "ctrl+u":
		in.cut(0, in.cursor)
	case "ctrl+k":
		in.cut(in.cursor, len(in.text))
	case "left", "ctrl+b":
		in.cursor = max(in.cursor-1, 0)
	case "right", "ctrl+f":
		in.cursor = min(in.cursor+1, len(in.text))
	case "ctrl+a":
		in.cursor = 0
	case "ctrl+e":
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
