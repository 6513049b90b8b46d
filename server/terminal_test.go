package server

import (
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// fitted's filter clamps every size and keeps the program's own messages.
func TestFittedFilter(t *testing.T) {
	t.Parallel()
	f := newFitted(nil, ssh.Window{Width: 80, Height: 24})
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
