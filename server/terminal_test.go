package server

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// fitted's filter clamps every size and keeps the program's own messages.
func TestFittedFilter(t *testing.T) {
	t.Parallel()
	f := newFitted(nil, ssh.Window{Width: 80, Height: 24}, newWork())
	if f.filter(nil, tea.QuitMsg{}) == nil {
		t.Error("QuitMsg dropped")
	}
	if got := f.filter(nil, tea.WindowSizeMsg{Width: 4096, Height: 256}); got != (tea.WindowSizeMsg{Width: maxWidth, Height: maxHeight}) {
		t.Errorf("in-band size: %v", got)
	}
	if got := f.filter(nil, resizeMsg{Width: 0, Height: 0}); got != (tea.WindowSizeMsg{Width: 80, Height: 24}) {
		t.Errorf("unknown size: %v", got)
	}
	if _, ok := f.filter(nil, tea.SuspendMsg{}).(tea.ResumeMsg); !ok {
		t.Error("SuspendMsg not turned into ResumeMsg")
	}
}

// pipeChannel is a session channel whose input is r.
type pipeChannel struct {
	gossh.Channel
	r io.Reader
}

func (p pipeChannel) Read(b []byte) (int, error) { return p.r.Read(b) }

// earlyInput keeps maxEarlyInput bytes sent before the session starts and
// everything after.
func TestEarlyInput(t *testing.T) {
	t.Parallel()
	r, w := io.Pipe()
	e := newEarlyInput(pipeChannel{r: r})
	if _, err := w.Write([]byte(strings.Repeat("b", 10<<10))); err != nil { // read and mostly dropped
		t.Fatal(err)
	}
	e.start()
	go func() {
		_, _ = w.Write([]byte("after the start"))
		_, _ = w.Write([]byte(", and on"))
		w.Close()
	}()
	got, err := io.ReadAll(e)
	if err != nil {
		t.Fatal(err)
	}
	// The read in flight when start came is kept whole: at most 1 KB more.
	early, after, _ := strings.Cut(string(got), "after")
	if len(early) < maxEarlyInput || len(early) > maxEarlyInput+1024 || strings.Trim(early, "b") != "" || after != " the start, and on" {
		t.Errorf("read %d bytes before the start and %q after, want %d and %q", len(early), after, maxEarlyInput, " the start, and on")
	}
}

// counter is a model whose view is the number of keys it has seen.
type counter struct{ keys int }

func (c counter) Init() tea.Cmd { return nil }
func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		c.keys++
	}
	return c, nil
}
func (c counter) View() tea.View { return tea.NewView(fmt.Sprint(c.keys)) }

// While the draw budget is in debt, fitted shows the last frame drawn and
// asks once for a redraw; the redraw shows every key since. A resize is
// always drawn.
func TestFittedCoalescesFrames(t *testing.T) {
	t.Parallel()
	w := work{newBudget(1, time.Second), newBudget(0.001, 100*time.Microsecond)}
	f := newFitted(counter{}, ssh.Window{Width: 80, Height: 24}, w)
	f.modelSize(80, 24)
	var asked []tea.Msg
	f.after = func(_ time.Duration, msg tea.Msg) { asked = append(asked, msg) }
	if got := f.View().Content; got != "0" {
		t.Fatalf("first frame %q", got)
	}
	for range 5 { // the first frame spent the budget
		f.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
		if got := f.View().Content; got != "0" {
			t.Errorf("a frame drawn in debt: %q", got)
		}
	}
	if len(asked) != 1 || asked[0] != (redrawMsg{}) {
		t.Fatalf("asked for %v, want one redrawMsg", asked)
	}
	f.work.draws = newBudget(1, time.Second) // the budget has come back
	f.Update(redrawMsg{})
	if got := f.View().Content; got != "5" {
		t.Errorf("the redraw shows %q, want 5", got)
	}
	f.work.draws = newBudget(0.001, 100*time.Microsecond)
	f.work.draws.spend(time.Second)
	f.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if got := f.View().Content; got != "5" || f.drawn == nil {
		t.Errorf("after a resize in debt: %q, drawn %v", got, f.drawn != nil)
	}
}
