// Package guard recovers the panics of a Bubble Tea model, in Update, View
// and the commands they return, so that a crash ends the program the
// ordinary way. Bubble Tea's own recovery (bubbletea v2.1.1,
// shutdown(kill)) closes the terminal reader while its goroutine still
// reads it, and over SSH one session's panic must not end the server.
package guard

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
)

// Panic is a recovered panic.
type Panic struct {
	Value any
	At    string // where it happened: function (file:line)
	Stack []byte
}

// Guard notes the first panic recovered and ends the program with Quit,
// which must be safe to call from any goroutine.
type Guard struct {
	Quit  func()
	first atomic.Pointer[Panic]
}

// Recover, deferred, notes a panic, runs instead, which sets the deferring
// function's results, and calls Quit.
func (g *Guard) Recover(instead func()) {
	r := recover()
	if r == nil {
		return
	}
	g.first.CompareAndSwap(nil, &Panic{Value: r, At: Site(), Stack: debug.Stack()})
	instead()
	if g.Quit != nil {
		g.Quit()
	}
}

// Cmd makes cmd, and the commands of a batch it returns, recover their
// panics.
func (g *Guard) Cmd(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer g.Recover(func() { msg = nil })
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i := range batch {
				batch[i] = g.Cmd(batch[i])
			}
		}
		return msg
	}
}

// Panicked is the first panic recovered, or nil.
func (g *Guard) Panicked() *Panic { return g.first.Load() }

// Site is where the panic being recovered happened: the innermost function
// outside the runtime, called from the function that called recover.
func Site() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s (%s:%d)", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}
