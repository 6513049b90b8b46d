package model

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// start runs the explorer in a real Program at a size, without colour.
func start(t *testing.T, w, h int, opts ...Option) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, New(data.Load(), opts...),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	waitFor(t, tm, "Vendor")
	return tm
}

// finish quits and returns the model as the Program left it.
func finish(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	return tm.FinalModel(t).(*Model)
}

// TestExplorerEndToEnd runs the explorer in a real Program: start, filter by
// words, switch tabs, quit.
func TestExplorerEndToEnd(t *testing.T) {
	tm := start(t, 100, 30)
	tm.Type("rate limit")
	waitFor(t, tm, "Too Many Requests")
	for range 4 {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	m := finish(t, tm)
	if m.Tab() != 4 || m.Filter() != "rate limit" || m.Focused() != "list" {
		t.Errorf("final state: tab %d, filter %q, focus %s", m.Tab(), m.Filter(), m.Focused())
	}
	if s := m.Selected(); s == nil || s.Code != 429 {
		t.Errorf("selected %v, want 429", s)
	}
}

// Help opens over the list and lists its keys; q closes it, and then
// types again.
func TestHelpOpensAndQCloses(t *testing.T) {
	tm := start(t, 100, 30)
	tm.Type("?")
	waitFor(t, tm, "delete a word back") // the filter's keys are in the help
	tm.Type("q")
	waitFor(t, tm, "100 Continue") // the list again
	tm.Type("q")
	if m := finish(t, tm); m.Focused() != "list" || m.Filter() != "q" {
		t.Errorf("after ?, q, q: focus %s, filter %q", m.Focused(), m.Filter())
	}
}

// Compare opened from a card marks the code the card was for.
func TestCompareFromACardMarksItsCode(t *testing.T) {
	tm := start(t, 100, 30)
	tm.Type("307")
	waitFor(t, tm, "307 Temporary Redirect")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Type("c")
	waitFor(t, tm, "Method kept?")
	waitFor(t, tm, ui.Mark)
	tm.Type("q")
	waitFor(t, tm, "back to list") // the card's footer: the card has the keyboard again
	if m := finish(t, tm); m.Focused() != "detail" || m.Selected().Code != 307 {
		t.Errorf("after q: focus %s on %v, want the card of 307", m.Focused(), m.Selected())
	}
}

// At 40x12 the guide's last answer brings its code into view, says there
// is more below, and enter opens the code's card.
func TestGuideToAnAnswerAt40x12(t *testing.T) {
	tm := start(t, 40, 12, WithGuide())
	waitFor(t, tm, "Did the request succeed?")
	tm.Type("1")
	waitFor(t, tm, "What did the request achieve?")
	tm.Type("1")
	waitFor(t, tm, "Something new exists") // why 201
	waitFor(t, tm, moreBelow)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor(t, tm, "201 Created · ") // the card's title
	if m := finish(t, tm); m.Focused() != "detail" || m.Selected().Code != 201 {
		t.Errorf("enter on the answer: focus %s on %v, want the card of 201", m.Focused(), m.Selected())
	}
}

// waitFor waits until the screen shows text. The Program writes only the
// cells that changed, which need not spell it: each time text is not there
// yet, it is asked to draw the screen whole.
func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		if bytes.Contains(b, []byte(text)) {
			return true
		}
		tm.Send(tea.ClearScreen())
		return false
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(50*time.Millisecond))
}
