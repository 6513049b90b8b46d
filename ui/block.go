package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Hand-written rather than lipgloss.Wrap over styled text: text goes in as
// spans and comes out as painted lines whose widths are known as they are
// made. lipgloss.Wrap re-parses the escape codes byte by byte, and the
// widths must then be measured again: on the 404 card at 68 cells it took
// 1.7 times the instructions for the summary and description alone that
// this takes for the whole card (BenchmarkCard, callgrind), on the path of
// every keystroke that moves the selection.

// block is the one line-layout engine of the package: the card, the
// comparison table, the guide and the notes above a card all collect their
// lines in one. Every line fits the width, and the width of each is kept, so
// that a pane can pad the lines without measuring them again.
type block struct {
	width  int
	lines  []string
	widths []int
}

func newBlock(width int) block { return block{width: max(width, 1)} }

// line adds a line that is already painted and fits, w cells wide.
func (b *block) line(s string, w int) {
	b.lines = append(b.lines, s)
	b.widths = append(b.widths, w)
}

// blank adds an empty line, never two in a row nor one first.
func (b *block) blank() {
	if n := len(b.lines); n > 0 && b.lines[n-1] != "" {
		b.line("", 0)
	}
}

// add writes spans wrapped to the block's width: the first line after
// lead, a painted prefix leadW cells wide, the others indented by hang
// cells. A lead or indent that would leave no room is dropped.
func (b *block) add(lead string, leadW, hang int, spans ...span) {
	if leadW >= b.width {
		lead, leadW = "", 0
	}
	if hang >= b.width {
		hang = 0
	}
	for i, l := range wrapSpans(spans, b.width-leadW, b.width-hang) {
		if i == 0 {
			b.line(lead+l.text, leadW+l.width)
		} else {
			b.line(strings.Repeat(" ", hang)+l.text, hang+l.width)
		}
	}
}

// whole writes text that must not be broken (a URL) after lead, or on a
// line of its own when it does not fit there; when it does not fit the
// width either it is left out, or with overflow written wider than the
// width, since it is the only way to what it names.
func (b *block) whole(lead string, leadW int, s span, overflow bool) {
	w := textWidth(s.text)
	switch {
	case w <= b.width-leadW:
		b.add(lead, leadW, leadW, s)
	case w <= b.width || overflow:
		b.line(s.paint.on(s.text), w)
	}
}

// cut writes spans on one line after lead, cut with "…" where they do not
// fit: for a name that reads wrong broken in two (a constant).
func (b *block) cut(lead string, leadW int, spans ...span) {
	if leadW >= b.width {
		lead, leadW = "", 0
	}
	l := renderWords(words(spans))
	if l.width > b.width-leadW {
		l.text = ansi.Truncate(l.text, b.width-leadW, "…")
		l.width = ansi.StringWidth(l.text)
	}
	b.line(lead+l.text, leadW+l.width)
}

func (b *block) text() string { return strings.Join(b.lines, "\n") }

// span is text in one paint.
type span struct {
	paint paint
	text  string
}

func spansWidth(spans []span) int {
	ws := words(spans)
	w := max(len(ws)-1, 0) // the spaces between words
	for _, word := range ws {
		w += word.width
	}
	return w
}

// longestWord is the width of the widest word of spans.
func longestWord(spans []span) int {
	w := 0
	for _, wd := range words(spans) {
		w = max(w, wd.width)
	}
	return w
}

// word is a run of text without spaces, in one paint.
type word struct {
	paint paint
	text  string
	width int
}

// words splits spans at spaces, but not at no-break spaces (U+00A0); a
// span boundary is a word boundary too.
func words(spans []span) []word {
	var out []word
	for _, s := range spans {
		for _, f := range strings.FieldsFunc(s.text, isBreak) {
			out = append(out, word{s.paint, f, textWidth(f)})
		}
	}
	return out
}

func isBreak(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }

// renderedLine is one line of wrapped spans and its width in cells.
type renderedLine struct {
	text  string
	width int
}

// wrapSpans wraps spans at spaces: the first line at most first cells, the
// others at most rest. A word wider than its line is cut.
func wrapSpans(spans []span, first, rest int) []renderedLine {
	if len(spans) == 1 && isPlainASCII(spans[0].text) {
		return wrapASCII(spans[0], max(first, 1), max(rest, 1))
	}
	var lines [][]word
	var line []word
	room, used := max(first, 1), 0
	flush := func() {
		lines, line, used, room = append(lines, line), nil, 0, max(rest, 1)
	}
	for _, w := range words(spans) {
		if len(line) > 0 && used+1+w.width <= room {
			line, used = append(line, w), used+1+w.width
			continue
		}
		if len(line) > 0 {
			flush()
		}
		for w.width > room {
			head, tail := cutWord(w, room)
			line = []word{head}
			flush()
			w = tail
		}
		line, used = []word{w}, w.width
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, line)
	}
	out := make([]renderedLine, len(lines))
	for i, l := range lines {
		out[i] = renderWords(l)
	}
	return out
}

// cutWord splits a word after at most n cells, keeping at least one
// character in the head so that wrapping always advances (a wide
// character on a one-cell line overflows it; nothing else can).
func cutWord(w word, n int) (head, tail word) {
	h := ansi.Cut(w.text, 0, n)
	if h == "" {
		_, size := utf8.DecodeRuneInString(w.text)
		h = w.text[:size]
	}
	t := w.text[len(h):]
	return word{w.paint, h, textWidth(h)}, word{w.paint, t, textWidth(t)}
}

// renderWords paints a line of words, one escape run per stretch of the
// same paint, spaces included.
func renderWords(ws []word) renderedLine {
	var b, run strings.Builder
	var cur paint
	width := 0
	for i, w := range ws {
		if w.paint != cur {
			if run.Len() > 0 {
				b.WriteString(cur.on(run.String()))
				run.Reset()
			}
			cur = w.paint
		}
		if i > 0 {
			run.WriteByte(' ')
			width++
		}
		run.WriteString(w.text)
		width += w.width
	}
	if run.Len() > 0 {
		b.WriteString(cur.on(run.String()))
	}
	return renderedLine{b.String(), width}
}

// wrapASCII wraps one span of printable ASCII as wrapSpans does: the
// description paragraphs, the bulk of every card. Lines are built in one
// buffer: joining strings word by word cost more than the rest of the card.
func wrapASCII(s span, first, rest int) []renderedLine {
	var out []renderedLine
	line := make([]byte, 0, first)
	room := first
	flush := func() {
		out = append(out, renderedLine{s.paint.on(string(line)), len(line)})
		line, room = line[:0], rest
	}
	for _, word := range strings.Fields(s.text) {
		if len(line) > 0 && len(line)+1+len(word) <= room {
			line = append(append(line, ' '), word...)
			continue
		}
		if len(line) > 0 {
			flush()
		}
		for len(word) > room {
			line = append(line, word[:room]...)
			word = word[room:]
			flush()
		}
		line = append(line, word...)
	}
	if len(line) > 0 || len(out) == 0 {
		flush()
	}
	return out
}

// wrapText wraps unstyled text at spaces to width cells, as a block does.
func wrapText(s string, width int) []string {
	var out []string
	for _, l := range wrapSpans([]span{{text: s}}, width, width) {
		out = append(out, l.text)
	}
	return out
}
