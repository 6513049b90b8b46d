package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Any reported size, however absurd, lays out at most MaxWidth x MaxHeight.
func TestSizeIsClamped(t *testing.T) {
	for _, s := range [][2]int{{65535, 65535}, {1 << 31, 24}, {100000, 50}, {-5, -5}} {
		for _, m := range []*Model{
			New(data.Load(), WithSize(s[0], s[1])),
			send(t, New(data.Load()), tea.WindowSizeMsg{Width: s[0], Height: s[1]}),
		} {
			lines := strings.Split(m.View().Content, "\n")
			if len(lines) > MaxHeight {
				t.Errorf("%dx%d: %d lines", s[0], s[1], len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > MaxWidth {
					t.Fatalf("%dx%d: a line of %d cells", s[0], s[1], w)
				}
			}
		}
	}
}
