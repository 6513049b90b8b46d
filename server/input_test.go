package server

import (
	"image/color"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"charm.land/ssh"
	uv "github.com/charmbracelet/ultraviolet"
)

// Each kind of input event has its budget: keys, mouse and pastes pass a
// burst of eventBurst, terminal reports one of reportBurst; ctrl+c always
// passes; only what a person does counts as activity; window sizes sent
// in band join the window changes instead of reaching the program.
func TestSessionInputBudgets(t *testing.T) {
	t.Parallel()
	person := &activity{}
	box := newWindowBox(ssh.Window{Width: 80, Height: 24})
	in := newSessionInput(nil, newWork().updates, box, person)
	count := func(n int, ev uv.Event) (passed int) {
		for range n {
			if in.pass(ev) {
				passed++
			}
		}
		return passed
	}
	if n := count(10*reportBurst, uv.BackgroundColorEvent{Color: color.Black}); n < reportBurst || n > reportBurst+reportRate {
		t.Errorf("%d of %d colour reports passed, want about %d", n, 10*reportBurst, reportBurst)
	}
	if person.last.Load() != 0 {
		t.Error("a terminal report counted as activity")
	}
	if n := count(10, uv.UnknownCsiEvent("\x1b[99z")); n > reportRate {
		t.Errorf("%d unknown sequences passed with the report budget spent", n)
	}
	if n := count(10*eventBurst, uv.KeyPressEvent{Code: 'j', Text: "j"}); n < eventBurst || n > eventBurst+eventRate {
		t.Errorf("%d of %d keys passed, want about %d", n, 10*eventBurst, eventBurst)
	}
	if person.last.Load() == 0 {
		t.Error("keys did not count as activity")
	}
	if n := count(10, uv.MouseWheelEvent{Button: uv.MouseWheelDown}); n > eventRate {
		t.Errorf("%d wheel events passed with the event budget spent", n)
	}
	if n := count(3, uv.KeyPressEvent{Code: 'c', Mod: uv.ModCtrl}); n != 3 {
		t.Errorf("%d of 3 ctrl+c passed with the budget spent", n)
	}
	in = newSessionInput(nil, newWork().updates, box, person)
	if in.pass(uv.WindowSizeEvent{Width: 120, Height: 40}) {
		t.Error("an in-band window size went to the program")
	}
	if got := box.get(); got.Width != 120 || got.Height != 40 {
		t.Errorf("in-band window size %v, want 120x40", got)
	}
	select {
	case <-box.changed:
	case <-time.After(waitLimit):
		t.Error("an in-band window size did not signal a change")
	}
}

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

// A budget goes into debt by what is spent, at most a burst deep, and
// says how long until it is out.
func TestBudget(t *testing.T) {
	t.Parallel()
	b := newBudget(0.01, 100*time.Millisecond) // 10 ms a second
	b.spend(90 * time.Millisecond)
	if !b.left() || b.wait() != 0 {
		t.Errorf("within the burst: left %v, wait %v", b.left(), b.wait())
	}
	b.spend(time.Hour)
	if b.left() {
		t.Error("left after an hour's work")
	}
	// A burst deep: 100 ms of debt at 10 ms a second.
	if w := b.wait(); w < 9*time.Second || w > 10*time.Second {
		t.Errorf("wait %v after a debt of a burst, want about 10s", w)
	}
}
