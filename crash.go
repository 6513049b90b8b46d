package main

import (
	"fmt"
	"runtime/debug"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// guarded runs an explorer and recovers its panics itself, in Update, View
// and the commands they return, so a crash ends the program the ordinary
// way. Bubble Tea's own recovery closes the terminal reader while its
// goroutine still reads it (a data race in bubbletea v2.1.1's
// shutdown(kill)); a normal quit waits for that goroutine first.
type guarded struct {
	chooser
	quit func()

	mu    sync.Mutex
	crash string // the first panic and its stack, empty if none
}

func (g *guarded) Init() (cmd tea.Cmd) {
	defer g.recover(func() { cmd = nil })
	return g.guard(g.chooser.Init())
}

func (g *guarded) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = g
	if g.crashed() != "" {
		return g, nil // quitting
	}
	defer g.recover(func() { cmd = nil })
	next, cmd := g.chooser.Update(msg)
	g.chooser = next.(chooser)
	return g, g.guard(cmd)
}

func (g *guarded) View() (v tea.View) {
	if g.crashed() != "" {
		return tea.NewView("")
	}
	defer g.recover(func() { v = tea.NewView("") })
	return g.chooser.View()
}

// guard makes cmd, and the commands of a batch it returns, recover their
// panics.
func (g *guarded) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer g.recover(func() { msg = nil })
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i := range batch {
				batch[i] = g.guard(batch[i])
			}
		}
		return msg
	}
}

// recover, deferred, notes the first panic with its stack, runs instead,
// which sets the results, and ends the program.
func (g *guarded) recover(instead func()) {
	r := recover()
	if r == nil {
		return
	}
	g.mu.Lock()
	if g.crash == "" {
		g.crash = fmt.Sprintf("panic: %v\n\n%s", r, debug.Stack())
	}
	g.mu.Unlock()
	instead()
	g.quit()
}

// crashed is the first panic recovered and its stack, or "".
func (g *guarded) crashed() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.crash
}
