package server

import (
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/model"
)

// What one client's terminal may cost the server. A client can claim any
// window size and send input as fast as its link allows; people need
// neither.
const (
	// maxWidth and maxHeight bound the window an explorer is drawn in (the
	// model's own bound): a maximised terminal on a 4K screen at a legible
	// font. Memory grows with the cells drawn, mostly in Bubble Tea's
	// renderer: a session costs 0.75 MiB at 80x24 and 8.3 MiB at 300x100
	// (BenchmarkSessions with BENCH_COLUMNS and BENCH_ROWS), where 4096x256
	// cost 630 MB. A larger window gets its top left corner, and a line
	// saying so.
	maxWidth  = model.MaxWidth
	maxHeight = model.MaxHeight

	// minResizeGap spaces the window changes an explorer redraws for;
	// while a window is being dragged only the latest size counts.
	minResizeGap = 50 * time.Millisecond
)

// clampWindow fits a client's window to what an explorer is drawn in. A
// size the client could not tell (0, as from `ssh -tt` on a pipe) is 80x24.
func clampWindow(w ssh.Window) (width, height int) {
	width, height = w.Width, w.Height
	if width <= 0 || height <= 0 {
		return 80, 24
	}
	return min(width, maxWidth), min(height, maxHeight)
}

// windowBox holds the latest window size of a PTY: putting never blocks,
// changed signals that a size newer than the last taken is there, and
// closed that the session's channel has closed.
type windowBox struct {
	mu      sync.Mutex
	win     ssh.Window
	changed chan struct{}
	closed  chan struct{}
}

func newWindowBox(w ssh.Window) *windowBox {
	return &windowBox{win: w, changed: make(chan struct{}, 1), closed: make(chan struct{})}
}

func (b *windowBox) put(w ssh.Window) {
	b.mu.Lock()
	b.win = w
	b.mu.Unlock()
	select {
	case b.changed <- struct{}{}:
	default: // already signalled; the taker will read this size
	}
}

func (b *windowBox) get() ssh.Window {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.win
}

// resizeMsg is a client's window change, before clamping.
type resizeMsg ssh.Window

// fitted runs a session's model within the window allowed. Its filter and
// Update run on the program's event loop, so they share state without
// locks.
type fitted struct {
	tea.Model
	want   ssh.Window // the client's window
	notice string     // the last line, when want is larger than allowed
}

// newFitted wraps m for a client whose window is want.
func newFitted(m tea.Model, want ssh.Window) *fitted {
	return &fitted{Model: m, want: want}
}

// modelSize is the size the wrapped model gets in a window of width x
// height: one line less when the notice needs it.
func (f *fitted) modelSize(width, height int) (int, int) {
	f.notice = ""
	if f.want.Width > width || f.want.Height > height {
		f.notice = fmt.Sprintf("Your window is %dx%d; httpstatus uses at most %dx%d of it.",
			f.want.Width, f.want.Height, maxWidth, maxHeight)
		return width, height - 1
	}
	return width, height
}

// filter clamps every window size before Bubble Tea's renderer allocates
// for it. It replaces the filter wish's bubbletea.MakeOptions installs, so
// it also keeps that one's rule: no job control over SSH.
func (f *fitted) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case resizeMsg:
		f.want = ssh.Window(msg)
		w, h := clampWindow(f.want)
		return tea.WindowSizeMsg{Width: w, Height: h}
	case tea.WindowSizeMsg:
		w, h := clampWindow(ssh.Window{Width: msg.Width, Height: msg.Height})
		return tea.WindowSizeMsg{Width: w, Height: h}
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

func (f *fitted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		size.Width, size.Height = f.modelSize(size.Width, size.Height)
		msg = size
	}
	var cmd tea.Cmd
	f.Model, cmd = f.Model.Update(msg)
	return f, cmd
}

func (f *fitted) View() tea.View {
	v := f.Model.View()
	if f.notice != "" {
		w, _ := clampWindow(f.want)
		v.Content += "\n" + ansi.Truncate(f.notice, w, "…")
	}
	return v
}
