package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// guideScreen is the choose guide: the questions answered so far, the
// question in front and its selected answer, or, once an answer names a
// code, that code with why and its card.
type guideScreen struct {
	g        *data.Guide
	path     []data.Step
	node     *data.Node // the question in front; nil at the result
	selected int
	offset   int // first line shown
	page     ui.GuidePage
}

func (m *Model) openGuide() {
	g := data.LoadGuide()
	m.menu = nil
	m.screen = screenGuide
	m.guide = guideScreen{g: g, node: g.Start()}
}

// guideKey: up and down choose an answer, enter or its digit takes it,
// left or backspace goes one question up, enter at the result opens the
// code in the explorer, esc leaves the guide.
func (m *Model) guideKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	g := &m.guide
	switch {
	case key.Matches(msg, k.Close):
		m.screen = screenExplorer
	case key.Matches(msg, k.GuideUp):
		g.up()
	case g.node == nil && key.Matches(msg, k.Choose):
		m.openResult()
	case g.node == nil:
		m.scrollKey(msg, &g.offset)
	case key.Matches(msg, k.Up):
		g.selected = max(g.selected-1, 0)
		g.offset = -1 // scroll the selection into view when drawn
	case key.Matches(msg, k.Down):
		g.selected = min(g.selected+1, len(g.node.Answers)-1)
		g.offset = -1
	case key.Matches(msg, k.Choose):
		g.take(g.selected)
	case key.Matches(msg, k.Pick):
		g.take(digit(msg))
	}
	return nil
}

// take answers the question in front with answer i, if it has one.
func (g *guideScreen) take(i int) {
	if g.node == nil || i < 0 || i >= len(g.node.Answers) {
		return
	}
	a := &g.node.Answers[i]
	g.path = append(g.path, data.Step{Node: g.node, Choice: i})
	g.offset = 0
	if a.Ends() {
		g.node = nil
		return
	}
	g.node, g.selected = g.g.Node(a.Next), 0
}

// up goes back one question, with the answer given there selected.
func (g *guideScreen) up() {
	if len(g.path) == 0 {
		return
	}
	last := g.path[len(g.path)-1]
	g.path = g.path[:len(g.path)-1]
	g.node, g.selected, g.offset = last.Node, last.Choice, -1
}

// openResult shows the guide's answer in the explorer.
func (m *Model) openResult() {
	a := m.guide.path[len(m.guide.path)-1].Answer()
	m.screen = screenExplorer
	if s := a.Entry(m.cat); s != nil {
		m.filter.SetValue("")
		m.tab = 0
		m.refilter()
		for i, r := range m.list.visible {
			if m.list.results[r].Status == s {
				m.list.cursor = i
			}
		}
		m.focus = focusDetail
	}
}

// guideClick takes the answer clicked, or opens a related code of the
// result's card.
func (m *Model) guideClick(y int) tea.Cmd {
	g := &m.guide
	line := y - m.lay.body.inner().y + g.offset
	if g.node == nil {
		if code, ok := g.page.Related[line]; ok {
			m.screen = screenExplorer
			m.jump(code)
		}
		return nil
	}
	for i, span := range g.page.Answers {
		if line >= span[0] && line < span[1] {
			g.take(i)
		}
	}
	return nil
}

// guideView draws the guide in the body's box, scrolled so the selected
// answer is in view.
func (m *Model) guideView(r rect) string {
	g := &m.guide
	in := r.inner()
	width := max(in.w-2*cardPad, 1)
	title := "Choose a status code"
	if g.node == nil {
		g.page = ui.GuideResult(g.path, m.cat, &m.styles.Styles, ui.CardOptions{Width: width, Hyperlinks: true})
		title += " · enter opens it"
	} else {
		g.page = ui.GuideQuestion(g.path, g.node, g.selected, &m.styles.Styles, width)
	}
	lines := splitLines(g.page.Text)
	if g.offset < 0 && g.node != nil { // bring the selected answer into view
		span := g.page.Answers[g.selected]
		g.offset = max(min(span[0], len(lines)-in.h), 0)
		if span[1] > g.offset+in.h {
			g.offset = span[1] - in.h
		}
	}
	g.offset = min(max(g.offset, 0), max(len(lines)-in.h, 0))
	return m.textBox(lines, g.page.Widths, g.offset, title, r)
}
