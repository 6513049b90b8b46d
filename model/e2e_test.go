package model

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/httpstatus-dev/httpstatus/data"
)

// TestExplorerEndToEnd runs the explorer in a real Program: start, filter by
// words, switch tabs, quit.
func TestExplorerEndToEnd(t *testing.T) {
	tm := teatest.NewTestModel(t, New(data.Load()),
		teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	waitFor(t, tm, "Vendor")
	tm.Type("rate limit")
	waitFor(t, tm, "Too Many Requests")
	for range 4 {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	m := tm.FinalModel(t).(*Model)
	if m.Tab() != 4 || m.Filter() != "rate limit" || m.Focused() != "list" {
		t.Errorf("final state: tab %d, filter %q, focus %s", m.Tab(), m.Filter(), m.Focused())
	}
	if s := m.Selected(); s == nil || s.Code != 429 {
		t.Errorf("selected %v, want 429", s)
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}
