package guard

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func boom() tea.Msg { panic("boom") }

// A panic in a command of a batch is recovered where it runs: the command
// gives no message, the first panic is kept with its site and stack, and
// the program is told to quit each time.
func TestBatchedCommandPanics(t *testing.T) {
	quits := 0
	g := &Guard{Quit: func() { quits++ }}
	batch := g.Cmd(func() tea.Msg { return tea.BatchMsg{boom, func() tea.Msg { panic("second") }} })().(tea.BatchMsg)
	for _, cmd := range batch {
		if msg := cmd(); msg != nil {
			t.Errorf("a panicking command gave %v", msg)
		}
	}
	p := g.Panicked()
	if p == nil || p.Value != "boom" || !strings.HasPrefix(p.At, "github.com/httpstatus-dev/httpstatus/internal/guard.boom (guard_test.go:") ||
		!strings.Contains(string(p.Stack), "guard.boom(") {
		t.Errorf("first panic %+v", p)
	}
	if quits != 2 {
		t.Errorf("Quit called %d times, want 2", quits)
	}
	if g.Cmd(nil) != nil {
		t.Error("Cmd(nil) is not nil")
	}
}
