package server

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// limitedInput passes a burst, then drops whole reads beyond the budget,
// and reports the first drop.
func TestLimitedInput(t *testing.T) {
	t.Parallel()
	drops := 0
	src := iotest.HalfReader(strings.NewReader(strings.Repeat("j", 4*inputBurst)))
	in := newLimitedInput(src, func() { drops++ })
	got, err := io.ReadAll(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < inputBurst/2 || len(got) > inputBurst+inputRate {
		t.Errorf("%d bytes of %d passed; want about the burst, %d", len(got), 4*inputBurst, inputBurst)
	}
	if drops != 1 {
		t.Errorf("dropped called %d times, want 1", drops)
	}
	// A read larger than the burst is cut to it rather than never passing.
	in = newLimitedInput(strings.NewReader(strings.Repeat("k", 2*inputBurst)), func() {})
	if n, _ := in.Read(make([]byte, 2*inputBurst)); n != inputBurst {
		t.Errorf("a %d-byte read passed %d bytes, want %d", 2*inputBurst, n, inputBurst)
	}
}

// fitted's filter clamps every size and drops input events beyond the
// budget, but never the program's own messages.
func TestFittedFilter(t *testing.T) {
	t.Parallel()
	f := newFitted(nil, ssh.Window{Width: 80, Height: 24})
	keys := 0
	for range 10 * eventBurst {
		if f.filter(nil, tea.KeyPressMsg{Code: 'j', Text: "j"}) != nil {
			keys++
		}
	}
	if keys < eventBurst || keys > eventBurst+eventRate {
		t.Errorf("%d of %d keys passed, want about %d", keys, 10*eventBurst, eventBurst)
	}
	if f.filter(nil, tea.QuitMsg{}) == nil {
		t.Error("QuitMsg dropped with the budget spent")
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
