package server

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	uv "github.com/charmbracelet/ultraviolet"
	"golang.org/x/time/rate"
)

// What a session's input may cost. A client can send as fast as its link
// allows; people type a few keys a second.
const (
	// Input beyond inputBurst bytes at once, then inputRate bytes a second,
	// is dropped a whole read at a time, before it is parsed. Typing, held
	// keys, wheel scrolling (about 12 bytes an event) and pasting a query
	// stay far below; a pasted file does not.
	inputBurst = 16 << 10
	inputRate  = 4 << 10

	// Keys, mouse events and pastes beyond eventBurst at once, then
	// eventRate a second, are dropped before they reach the explorer: each
	// costs an update and a redraw. Held keys repeat at about 30 a second.
	// ctrl+c always passes, so a session can always be left.
	eventBurst = 120
	eventRate  = 60

	// Terminal reports (colours, modes, window sizes sent in band) and
	// sequences nobody knows beyond reportBurst at once, then reportRate a
	// second, are dropped too. A terminal answers the few queries sent at
	// the start with a handful; nothing a person does sends more, and each
	// can cost a full redraw (a background colour rebuilds every style).
	reportBurst = 16
	reportRate  = 1
)

// activity is when a person last did something in a session: typed,
// clicked, scrolled, pasted or resized the window. Keepalives and terminal
// reports do not count.
type activity struct{ last atomic.Int64 } // unix nanoseconds

func newActivity() *activity {
	a := &activity{}
	a.touch()
	return a
}

func (a *activity) touch()           { a.last.Store(time.Now().UnixNano()) }
func (a *activity) since() time.Time { return time.Unix(0, a.last.Load()) }

// sessionInput parses a session's input for its explorer with ultraviolet's
// reader, as Bubble Tea's own would, keeps each kind of event within its
// budget and hands those that pass to the program.
//
// Bubble Tea's own reader is not used (the program is given no input): it
// sends each parsed event on a channel with no way out (ultraviolet
// terminal_reader.go, (*TerminalReader).sendEvents), so when a session
// ended with parsed input queued, that goroutine blocked for good and kept
// the program, its renderer and model, 8 MiB at 300x100. Here events go
// through Program.Send, which gives up once the program has ended, and are
// read until the reader returns.
type sessionInput struct {
	prog    atomic.Pointer[tea.Program] // nil once the program has ended
	events  *rate.Limiter               // keys, mouse, pastes
	reports *rate.Limiter               // everything else
	windows *windowBox                  // window sizes sent in band join the window changes
	person  *activity
}

func newSessionInput(p *tea.Program, windows *windowBox, person *activity) *sessionInput {
	in := &sessionInput{
		events:  rate.NewLimiter(eventRate, eventBurst),
		reports: rate.NewLimiter(reportRate, reportBurst),
		windows: windows,
		person:  person,
	}
	in.prog.Store(p)
	return in
}

// run reads r until it ends. After ctx is done it keeps reading, and
// dropping, until the reader has returned; r must then end soon (the
// session's channel closes as its handler returns).
func (in *sessionInput) run(ctx context.Context, r io.Reader, term string) {
	events := make(chan uv.Event)
	reader := uv.NewTerminalReader(r, term)
	go func() {
		_ = reader.StreamEvents(ctx, events)
		close(events)
	}()
	for ev := range events {
		if !in.pass(ev) {
			continue
		}
		if p := in.prog.Load(); p != nil {
			p.Send(ev)
		}
	}
}

// stop lets the program go: events read from now on are dropped.
func (in *sessionInput) stop() { in.prog.Store(nil) }

// pass budgets one event and says whether it goes to the program.
func (in *sessionInput) pass(ev uv.Event) bool {
	switch ev := ev.(type) {
	case uv.KeyPressEvent:
		if ev.Keystroke() != "ctrl+c" && !in.events.Allow() {
			return false
		}
	case uv.KeyReleaseEvent, uv.MouseClickEvent, uv.MouseReleaseEvent, uv.MouseWheelEvent, uv.MouseMotionEvent,
		uv.PasteStartEvent, uv.PasteEvent, uv.PasteEndEvent:
		if !in.events.Allow() {
			return false
		}
	case uv.WindowSizeEvent:
		// Coalesced with the client's window changes: at most one redraw
		// every minResizeGap.
		if in.reports.Allow() {
			in.windows.put(ssh.Window{Width: ev.Width, Height: ev.Height})
		}
		return false
	default:
		return in.reports.Allow()
	}
	in.person.touch()
	return true
}

// limitedInput passes a session's input on while it keeps within
// inputRate; reads beyond it are dropped whole (a whole read mostly holds
// whole escape sequences).
type limitedInput struct {
	r       io.Reader
	budget  *rate.Limiter
	dropped func() // called on the first drop
	warned  sync.Once
}

func newLimitedInput(r io.Reader, dropped func()) *limitedInput {
	return &limitedInput{r: r, budget: rate.NewLimiter(inputRate, inputBurst), dropped: dropped}
}

func (in *limitedInput) Read(p []byte) (int, error) {
	p = p[:min(len(p), inputBurst)] // a larger read could never pass
	for {
		n, err := in.r.Read(p)
		if n == 0 || in.budget.AllowN(time.Now(), n) {
			return n, err
		}
		in.warned.Do(in.dropped)
		if err != nil {
			return 0, err
		}
	}
}
