package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// checkFrame is what every frame must be: exactly as tall as the terminal,
// no line wider than it; once laid out, every line between the tab bar and
// the footer exactly as wide, opening and closing with a box's border
// (the top and bottom ones with its corners), and the footer's last line
// naming how to quit unless it shows a one-off message.
func checkFrame(m *Model) error {
	content := m.View().Content
	if m.width == 0 || m.height == 0 {
		if content != "" {
			return fmt.Errorf("%dx%d: a frame for no terminal", m.width, m.height)
		}
		return nil
	}
	lines := strings.Split(content, "\n")
	if len(lines) != m.height {
		return fmt.Errorf("%dx%d: frame has %d lines", m.width, m.height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			return fmt.Errorf("%dx%d: line %d is %d cells: %q", m.width, m.height, i, w, ansi.Strip(l))
		}
	}
	if m.tooSmall() {
		return nil
	}
	_, overlay := m.front().(overlay)
	last := len(lines) - 1
	for i := 1; i < last; i++ {
		l := []rune(ansi.Strip(lines[i]))
		left, right := "│┃", "│┃"
		if overlay { // the menu's corners may open or close a line
			left, right = "│┃╭┏╰┗", "│┃╮┓╯┛"
		}
		switch i {
		case 1:
			left, right = "╭┏", "╮┓"
		case last - 1:
			left, right = "╰┗", "╯┛"
		}
		if w := ansi.StringWidth(lines[i]); w != m.width || !strings.ContainsRune(left, l[0]) || !strings.ContainsRune(right, l[len(l)-1]) {
			return fmt.Errorf("%dx%d: line %d (%d cells) breaks the box:\n%s", m.width, m.height, i, w, ansi.Strip(content))
		}
	}
	if m.status == "" && !strings.Contains(ansi.Strip(lines[last]), "ctrl+c quit") {
		return fmt.Errorf("%dx%d: the last line is not the footer:\n%s", m.width, m.height, ansi.Strip(content))
	}
	return nil
}

// typingSizes are the terminal sizes the typing test types at.
var typingSizes = [][2]int{{120, 40}, {80, 24}, {50, 16}, {40, 12}}

// typedQueries are the queries of the search tests, as a developer types or
// pastes them: codes, words, status lines, log lines, error messages.
func typedQueries(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../data/testdata/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no query files: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.Lines(string(b)) {
			if l = strings.TrimRight(l, "\r\n"); l != "" && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "query\t") {
				q, _, _ := strings.Cut(l, "\t")
				out = append(out, q)
			}
		}
	}
	return out
}

// descriptionWords are the distinct words of the catalog's descriptions, as
// written there, punctuation and all: what a reader copies from a card.
func descriptionWords() []string {
	var out []string
	seen := map[string]bool{}
	cat := data.Load()
	for i := range cat.All() {
		for _, w := range strings.Fields(cat.All()[i].Description) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// keyByKey is how much of a query the typing test types a key at a time:
// people type short queries; the long lines of client messages are pasted,
// or arrive without bracketed paste as a stream whose every prefix need
// not be drawn to find a broken frame (each is drawn after the line).
const keyByKey = 24

// typeQuery is q typed a key at a time up to keyByKey runes, then the rest
// as one key press carrying the text.
func typeQuery(q string) []tea.Msg {
	r := []rune(q)
	if len(r) <= keyByKey {
		return typeText(q)
	}
	return append(typeText(string(r[:keyByKey])), tea.KeyPressMsg{Code: tea.KeyExtended, Text: string(r[keyByKey:])})
}

// TestTypingNeverBreaksTheFrame types into the explorer at every size and
// checks the whole frame (checkFrame) after each input: the queries of the
// search tests key by key (long ones in part, see keyByKey), as a person
// types them without bracketed paste
// (every prefix is drawn on the way), then each distinct word of the
// descriptions as one key press carrying the word, as an input method
// sends it. A row hint that kept a description's paragraph break once
// broke the frame on words as common as "debug".
//
// The explorer over a log (a real nginx ingress log) is typed into too:
// every query, and a quarter of the words.
//
// With -race (as CI runs it) the inputs are shared out among the sizes,
// each typed at one of them in turn, so that every input and every size
// is still seen; without it every input is typed at every size.
func TestTypingNeverBreaksTheFrame(t *testing.T) {
	queries, words := typedQueries(t), descriptionWords()
	stride := 1
	if raceDetector {
		stride = len(typingSizes)
	}
	share := func(in []string, size int) []string {
		var out []string
		for i := size % stride; i < len(in); i += stride {
			out = append(out, in[i])
		}
		return out
	}
	for i, size := range typingSizes {
		queries, words := share(queries, i), share(words, i)
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			catalog := newModel(t, size[0], size[1])
			log := logModel(t, "real/nginx-ingress.log", size[0], size[1])
			keys := 0
			typeIn := func(m *Model, in string, msgs ...tea.Msg) {
				t.Helper()
				m.explorer.filter.SetValue("") // the next key searches and draws
				for _, k := range msgs {
					m.Update(k)
				}
				keys += len(msgs)
				if err := checkFrame(m); err != nil {
					t.Fatalf("after typing %q: %v", in, err)
				}
				want := []rune(strings.TrimLeft(in, "/"))
				if m.Focused() != "list" || m.Filter() != string(want[:min(len(want), maxFilterRunes)]) {
					t.Fatalf("after typing %q: filter %q, focus on the %s", in, m.Filter(), m.Focused())
				}
			}
			for _, q := range queries {
				typeIn(catalog, q, typeQuery(q)...)
				typeIn(log, q, typeQuery(q)...)
			}
			for i, w := range words {
				typeIn(catalog, w, tea.KeyPressMsg{Code: tea.KeyExtended, Text: w})
				if i%4 == 0 {
					typeIn(log, w, tea.KeyPressMsg{Code: tea.KeyExtended, Text: w})
				}
			}
			t.Logf("%d queries and %d words: %d keys in %v", len(queries), len(words), keys, time.Since(start).Round(time.Millisecond))
		})
	}
}
