package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

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
}

// FuzzExplorer drives the model with random keys, pastes up to 1 MB, mouse
// events and resizes from 0x0 to 500x200; after every message the view must
// fit the terminal. Quit commands are ignored so the sequence goes on.
func FuzzExplorer(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
	f.Add([]byte("\xf0\x20\x05\x01\x02\x03\x04\xff\xfe"))
	f.Add([]byte("/rate limit\x08\x08\x08\x00\x00\x00"))
	f.Add([]byte{0xf0, 0, 0, 0xf1, 255, 255, 0xf2, 10, 5, 0xf3, 200, 1, 0xf0, 120, 40, 8, 8, 20})
	f.Add([]byte{0xf4, 0xff, 0xff, 0xf0, 1, 1, 0xf0, 0, 0, 0xf0, 250, 100})
	f.Add([]byte{30, 2, 2, 8, 8, 31, 20, 20, 8, 29, 8, 8, 0xf5, 2, 0xf0, 20, 12, 30, 1, 1, 1, 1}) // guide, compare, copy
	f.Add([]byte{0xf0, 30, 15, 28, 29, 30, 36, 37, 32, 33, 34, 35, 0xf1, 10, 5, 0xf2, 1, 40, 10}) // every new key, tiny
	f.Fuzz(func(t *testing.T, ops []byte) {
		m := New(data.Load(), WithPick())
		if len(ops)%2 == 0 {
			m = New(data.Load())
		}
		m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
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
		switch op := ops[i]; op {
		case 0xf0: // resize
			msg = tea.WindowSizeMsg{Width: arg() * 2 % 501, Height: arg() % 201}
		case 0xf1: // click
			msg = tea.MouseClickMsg{X: arg(), Y: arg() % 60, Button: tea.MouseLeft}
		case 0xf2: // wheel
			b := tea.MouseWheelDown
			if arg()%2 == 0 {
				b = tea.MouseWheelUp
			}
			msg = tea.MouseWheelMsg{X: arg(), Y: arg() % 60, Button: b}
		case 0xf3: // paste of up to ~1 MB of junk
			n := arg() * arg() * 16
			msg = tea.PasteMsg{Content: strings.Repeat("4\x1b\n\xffé", n/5+1)[:n]}
		case 0xf4: // background
			msg = tea.BackgroundColorMsg{}
		case 0xf5: // colour profile
			msg = tea.ColorProfileMsg{Profile: colorprofile.Profile(arg() % 6)}
		default:
			msg = fuzzKeys[int(op)%len(fuzzKeys)]
		}
		m = send(t, m, msg)
	}
}
