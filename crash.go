package main

import (
	tea "charm.land/bubbletea/v2"

	"github.com/httpstatus-dev/httpstatus/internal/guard"
)

// guarded runs an explorer with its panics recovered by guard, so a crash
// quits the program the ordinary way and runExplorer reports it.
type guarded struct {
	chooser
	safe guard.Guard
}

func (g *guarded) Init() (cmd tea.Cmd) {
	defer g.safe.Recover(func() { cmd = nil })
	return g.safe.Cmd(g.chooser.Init())
}

func (g *guarded) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = g
	if g.safe.Panicked() != nil {
		return g, nil // quitting
	}
	defer g.safe.Recover(func() { cmd = nil })
	next, cmd := g.chooser.Update(msg)
	g.chooser = next.(chooser)
	return g, g.safe.Cmd(cmd)
}

func (g *guarded) View() (v tea.View) {
	if g.safe.Panicked() != nil {
		return tea.NewView("")
	}
	defer g.safe.Recover(func() { v = tea.NewView("") })
	return g.chooser.View()
}
