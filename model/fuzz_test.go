package model

import (
	"flag"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
)

var fuzzKeys = []tea.KeyPressMsg{
	{Code: tea.KeyUp}, {Code: tea.KeyDown}, {Code: tea.KeyPgUp}, {Code: tea.KeyPgDown},
	{Code: tea.KeyHome}, {Code: tea.KeyEnd}, {Code: tea.KeyTab}, {Code: tea.KeyTab, Mod: tea.ModShift},
	{Code: tea.KeyEnter}, {Code: tea.KeyEscape}, {Code: tea.KeyBackspace}, {Code: tea.KeyLeft}, {Code: tea.KeyRight},
	{Code: '/', Text: "/"}, {Code: '?', Text: "?"}, {Code: 'y', Text: "y"}, {Code: 'j', Text: "j"}, {Code: 'k', Text: "k"},
	{Code: 'g', Text: "g"}, {Code: 'G', Text: "G"}, {Code: '1', Text: "1"}, {Code: '4', Text: "4"}, {Code: '0', Text: "0"},
	{Code: 'x', Text: "x"}, {Code: 'b', Text: "b"}, {Code: tea.KeySpace, Text: " "}, {Code: 'é', Text: "é"}, {Code: '界', Text: "界"},
	{Code: 'y', Mod: tea.ModCtrl}, {Code: 't', Mod: tea.ModCtrl}, {Code: 'g', Mod: tea.ModCtrl}, {Code: 'o', Mod: tea.ModCtrl},
	{Code: '1', Mod: tea.ModAlt}, {Code: tea.KeyLeft, Mod: tea.ModAlt}, {Code: tea.KeyF1}, {Code: 'c', Text: "c"},
	// 36 on: q closes the screens that take no text; the filter's editing keys.
	{Code: 'q', Text: "q"}, {Code: 'w', Mod: tea.ModCtrl}, {Code: 'u', Mod: tea.ModCtrl}, {Code: tea.KeyDelete},
	{Code: 'a', Mod: tea.ModCtrl}, {Code: 'e', Mod: tea.ModCtrl}, {Code: 'k', Mod: tea.ModCtrl},
}

// Indexes into fuzzKeys, for seeds.
const (
	kEnter   = 8
	kEsc     = 9
	kHelp    = 14
	kEnd     = 5
	kCopy    = 28
	kCompare = 29
	kGuide   = 30
	kBack    = 24 // b
	kC       = 35
	kQ       = 36
)

// The op language of the fuzz tests: a byte below 0xe0 (or above 0xf6) is
// a key of fuzzKeys, 0xe0-0xef a key of oddKeys, 0xf0-0xf5 a resize, click,
// wheel, paste, background or colour profile with the bytes after it as
// arguments, and 0xf6 types the next n bytes, n the byte after it, key by
// key as a person types.
const (
	opOddKey = 0xe0
	opResize = 0xf0
	opClick  = 0xf1
	opWheel  = 0xf2
	opPaste  = 0xf3
	opBg     = 0xf4
	opColour = 0xf5
	opType   = 0xf6
)

// typing is the ops that type s.
func typing(s string) []byte {
	var out []byte
	for b := []byte(s); len(b) > 0; {
		n := min(len(b), 255)
		out = append(append(out, opType, byte(n)), b[:n]...)
		b = b[n:]
	}
	return out
}

// fuzzing reports whether the test runs with -fuzz, when seeds are where the
// fuzzer starts from rather than tests to run.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// addTypingSeeds seeds a fuzz test with the words the issue found breaking
// the frame and, when fuzzing, with every input of the typing test (which
// runs them all as a test of its own).
func addTypingSeeds(f *testing.F) {
	for _, q := range []string{"debug", "user", "has", "usually", "browser cache", "get x", `"GET /api HTTP/1.1" 499 0`, "/429"} {
		f.Add(typing(q))
	}
	if fuzzing() {
		for _, q := range append(typedQueries(f), descriptionWords()...) {
			f.Add(typing(q))
		}
	}
}

// FuzzExplorer drives the model with random keys, typed text, pastes up to
// 1 MB, mouse events and resizes from 0x0 to 500x200; after every message
// the frame must be whole (checkFrame). Quit commands are ignored so the
// sequence goes on.
func FuzzExplorer(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
	f.Add([]byte("\xf0\x20\x05\x01\x02\x03\x04\xff\xfe"))
	f.Add([]byte("/rate limit\x08\x08\x08\x00\x00\x00"))
	f.Add([]byte{0xf0, 0, 0, 0xf1, 255, 255, 0xf2, 10, 5, 0xf3, 200, 1, 0xf0, 120, 40, 8, 8, 20})
	f.Add([]byte{0xf4, 0xff, 0xff, 0xf0, 1, 1, 0xf0, 0, 0, 0xf0, 250, 100})
	f.Add([]byte{30, 2, 2, 8, 8, 31, 20, 20, 8, 29, 8, 8, 0xf5, 2, 0xf0, 20, 12, 30, 1, 1, 1, 1}) // guide, compare, copy
	f.Add([]byte{0xf0, 30, 15, 28, 29, 30, 36, 37, 32, 33, 34, 35, 0xf1, 10, 5, 0xf2, 1, 40, 10}) // every new key, tiny
	f.Add([]byte{0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef})
	f.Add(append(typing("404"), 8, 0xe0, 0xe1, 28, 0xe1, 8, 0xe2, 0xe0)) // keypad in the detail and the copy menu
	// Every screen that takes no text, opened and closed with q, from the
	// list and from a card; a jump and back; the filter edited.
	f.Add(append(typing("404"), kEnter, kQ, kHelp, kQ, kCopy, kQ, kGuide, kQ, kQ))
	f.Add(append(typing("301"), kCompare, kEnd, kQ, kEnter, kC, kQ, kEnter, 20, kBack, kQ))
	f.Add(append(typing("gateway timeout"), 37, 11, 11, 38, 39, 40, 41, 42, kEsc, kEsc))
	f.Add(append([]byte{opPaste, 40, 2}, kEnter, kHelp, kQ, kQ))
	addTypingSeeds(f)
	f.Fuzz(func(t *testing.T, ops []byte) {
		m := New(data.Load(), WithPick())
		if len(ops)%2 == 0 {
			m = New(data.Load())
		}
		m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		runOps(t, m, ops)
	})
}

// FuzzLogExplorer drives the explorer over a log (a real nginx ingress
// log; live, ended, with its counts growing) as FuzzExplorer drives the
// catalog's.
func FuzzLogExplorer(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
	f.Add(append(typing("502"), kEnter, kEnd, 0, 0, kHelp, kQ, kQ, kEsc))
	f.Add(append(typing("009"), kEnter, kCopy, kQ, kC, kQ, 20, kBack)) // the made-up entry: no card, no family
	f.Add(append(typing("404"), kEnter, 20, 21, 22, kBack, kGuide, 20, 20, 8))
	f.Add([]byte{6, 6, 6, 6, 0xf0, 20, 6, 0xf1, 5, 5, 0xf2, 1, 40, 10, 0xf0, 250, 100, kEnter})
	f.Add(append([]byte{opPaste, 40, 2}, kEnter, kHelp, kQ, kQ))
	addTypingSeeds(f)
	sum := readLog(f, "real/nginx-ingress.log")
	f.Fuzz(func(t *testing.T, ops []byte) {
		live := accesslog.Follow(strings.NewReader("")) // its snapshots are sent below
		opts := []Option{WithLog(Log{Title: "nginx-ingress.log", Summary: sum, Live: live})}
		if len(ops)%2 == 0 {
			opts = append(opts, WithPick())
		}
		m := send(t, New(data.Load(), opts...), tea.WindowSizeMsg{Width: 80, Height: 24})
		// Halfway, the log grows (as a live one does) and ends.
		half := len(ops) / 2
		runOps(t, m, ops[:half])
		m = send(t, m, logMsg{Summary: sum, Done: true})
		runOps(t, m, ops[half:])
	})
}

// FuzzGuide drives the choose guide as FuzzExplorer drives the explorer:
// keypad digits there once indexed answer -1.
func FuzzGuide(f *testing.F) {
	f.Add([]byte{0xe0})                               // keypad 1, no text (ESC O q)
	f.Add([]byte{0xe1, 0xe1, 0xe1, 0xe1, 0xe1})       // keypad 1 with text (CSI 57400 u), down to a code
	f.Add([]byte{0xe2, 0xe9, 0xeb, 0xe7, 8, 8, 0xe4}) // keypad 9, odd text, enter
	f.Add([]byte{20, 20, 20, 8, 10, 10, 0xf0, 20, 6, 0xf1, 5, 5, 0xf2, 1, 5, 5})
	f.Add(append(typing("1111"), 8, 9, 0xe0))
	f.Add(append(typing("11"), kEnd, 0, 0, kHelp, kQ, kEnter, kQ)) // the answer, scrolled, its help, its card
	f.Fuzz(func(t *testing.T, ops []byte) {
		opts := []Option{WithGuide()}
		if len(ops)%2 == 0 {
			opts = append(opts, WithPick())
		}
		m := send(t, New(data.Load(), opts...), tea.WindowSizeMsg{Width: 80, Height: 24})
		runOps(t, m, ops)
	})
}

// FuzzCompare drives the comparison table, opened on a code with a family.
func FuzzCompare(f *testing.F) {
	f.Add([]byte{0xe0, 0xe1, 0xe2, 0xe9, 0xeb, 0xe7})
	f.Add([]byte{1, 1, 3, 3, 5, 4, 0xf0, 20, 6, 0xf2, 1, 5, 5, 0xf1, 5, 5})
	f.Add([]byte{35, 35, 9, 0xe4, 30})
	f.Add([]byte("##\t" + strings.Repeat("8", 250) + "\xe4\x1e")) // back to the list, a filter at its limit: drawing it was quadratic
	f.Add([]byte{kHelp, kQ, kEnd, kC, kCopy, kQ, kQ})             // help over it, c closes it, q closes the card
	f.Fuzz(func(t *testing.T, ops []byte) {
		code := []string{"301", "401", "502", "429"}[len(ops)%4]
		m := send(t, New(data.Load(), WithQuery(code)), tea.WindowSizeMsg{Width: 80, Height: 24}, ctrlT)
		if m.Focused() != "compare" {
			t.Fatalf("ctrl+t on %s opened %s", code, m.Focused())
		}
		runOps(t, m, ops)
	})
}

func runOps(t *testing.T, m *Model, ops []byte) {
	for i := 0; i < len(ops); i++ {
		arg := func() int {
			if i+1 < len(ops) {
				i++
				return int(ops[i])
			}
			return 0
		}
		var msg tea.Msg
		switch op := ops[i]; {
		case op == opResize:
			msg = tea.WindowSizeMsg{Width: arg() * 2 % 501, Height: arg() % 201}
		case op == opClick:
			msg = tea.MouseClickMsg{X: arg(), Y: arg() % 60, Button: tea.MouseLeft}
		case op == opWheel:
			b := tea.MouseWheelDown
			if arg()%2 == 0 {
				b = tea.MouseWheelUp
			}
			msg = tea.MouseWheelMsg{X: arg(), Y: arg() % 60, Button: b}
		case op == opPaste: // of up to ~1 MB of junk
			n := arg() * arg() * 16
			msg = tea.PasteMsg{Content: strings.Repeat("4\x1b\n\xffé", n/5+1)[:n]}
		case op == opBg:
			msg = tea.BackgroundColorMsg{}
		case op == opColour:
			msg = tea.ColorProfileMsg{Profile: colorprofile.Profile(arg() % 6)}
		case op == opType:
			n := arg()
			text := ops[i+1 : min(i+1+n, len(ops))]
			i += len(text)
			m = send(t, m, typeText(string(text))...)
			continue
		case op >= opOddKey && op < opOddKey+byte(len(oddKeys)):
			msg = oddKeys[op-opOddKey]
		default:
			msg = fuzzKeys[int(op)%len(fuzzKeys)]
		}
		m = send(t, m, msg)
	}
}
