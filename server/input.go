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

	// Whatever passes the budgets above, the explorers of one client
	// address may spend at most updateShare of a core updating for it
	// (updateBurst at once): beyond, input is dropped (ctrl+c aside) and
	// window changes wait. A key costs about 0.5 ms at 80x24, where the
	// event budget binds first, and over 1 ms at 300x100.
	updateShare = 0.015
	updateBurst = 150 * time.Millisecond

	// And at most drawShare of a core drawing new frames (drawBurst at
	// once): beyond, changes wait to be drawn together, so a frame shows
	// every key and window change however late. Drawing is most of a
	// storming session's work at the largest window, and happens out of the
	// explorer's sight, so it is charged by the cell: Bubble Tea's renderer
	// draws each new frame into a cell buffer and compares it with the last
	// (about 0.5 µs a cell here, BenchmarkDraw), and after a resize paints
	// it all (1.3 to 1.7 µs a cell).
	drawShare          = 0.025
	drawBurst          = 250 * time.Millisecond
	drawCostPerCell    = 500  // nanoseconds
	repaintCostPerCell = 1700 // nanoseconds

	// frameRate caps how often a session's screen is sent: changes in
	// between are drawn together.
	frameRate = 30
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
// read until the reader returns. The price, until sendEvents gives up when
// its context is done: the program's idle reader keeps its own key table,
// 137 KiB a session.
type sessionInput struct {
	prog    atomic.Pointer[tea.Program] // nil once the program has ended
	events  *rate.Limiter               // keys, mouse, pastes
	reports *rate.Limiter               // everything else
	updates *budget
	windows *windowBox // window sizes sent in band join the window changes
	person  *activity
}

func newSessionInput(p *tea.Program, updates *budget, windows *windowBox, person *activity) *sessionInput {
	in := &sessionInput{
		events:  rate.NewLimiter(eventRate, eventBurst),
		reports: rate.NewLimiter(reportRate, reportBurst),
		updates: updates,
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
	if k, ok := ev.(uv.KeyPressEvent); ok && k.Keystroke() == "ctrl+c" {
		return true
	}
	if !in.updates.left() {
		return false
	}
	switch ev := ev.(type) {
	case uv.KeyPressEvent, uv.KeyReleaseEvent, uv.MouseClickEvent, uv.MouseReleaseEvent, uv.MouseWheelEvent, uv.MouseMotionEvent,
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

// work is what one client address's explorers may spend, shared by its
// sessions, so that opening more of them buys nothing.
type work struct{ updates, draws *budget }

func newWork() work {
	return work{newBudget(updateShare, updateBurst), newBudget(drawShare, drawBurst)}
}

// budget is a share of a core, and a burst of it at once.
type budget struct{ lim *rate.Limiter } // tokens are microseconds

func newBudget(share float64, burst time.Duration) *budget {
	return &budget{rate.NewLimiter(rate.Limit(share*1e6), int(burst/time.Microsecond))}
}

// spend charges d, which may leave the budget in debt, of at most a
// burst: one slow update on a loaded machine then costs seconds of input,
// not minutes.
func (b *budget) spend(d time.Duration) {
	now := time.Now()
	burst := b.lim.Burst()
	n := min(int(d/time.Microsecond), int(b.lim.TokensAt(now))+burst)
	for ; n > 0; n -= burst {
		b.lim.ReserveN(now, min(n, burst)) // a reservation is at most a burst
	}
}

// left reports whether the budget is out of debt.
func (b *budget) left() bool { return b.lim.Tokens() > 0 }

// wait is how long until the budget is out of debt.
func (b *budget) wait() time.Duration {
	debt := -b.lim.Tokens()
	if debt <= 0 {
		return 0
	}
	return time.Duration(debt / float64(b.lim.Limit()) * float64(time.Second))
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
