package model

import (
	"strings"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// rect is a box on the screen.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// inner is the box inside a pane's border.
func (r rect) inner() rect {
	return rect{r.x + ui.Frame, r.y + ui.Frame, max(r.w-2*ui.Frame, 0), max(r.h-2*ui.Frame, 0)}
}

// layout is where everything goes for the current size and chrome.
type layout struct {
	tooSmall bool
	wide     bool
	tabBar   string
	tabs     [][2]int
	footer   string
	body     rect // between the tabs and the footer
	list     rect // zero when hidden
	detail   rect // zero when hidden
	rows     int  // list rows that fit
	preview  bool // a narrow list shows the selected summary at its foot
}

// List geometry: the list pane's filter line sits above its rows, and a
// narrow list tall enough keeps a few lines at its foot for the summary.
const (
	filterLines    = 1
	previewLines   = 5 // a rule, three lines of summary, "enter: details"
	previewMinRows = 14
)

// computeLayout sizes the frame for the current width, height, screen and
// focus. It only measures: rendering is redraw's, keys are updateKeys'.
func (m *Model) computeLayout() layout {
	l := layout{tooSmall: m.width < MinWidth || m.height < MinHeight}
	l.wide = m.width >= wideWidth
	if l.tooSmall {
		return l
	}
	l.tabBar, l.tabs = ui.TabBar(m.uiTabs(), m.tab, m.width, m.styles)
	l.footer = m.footer()
	top := strings.Count(l.tabBar, "\n") + 1
	l.body = rect{0, top, m.width, max(m.height-top-strings.Count(l.footer, "\n")-1, 3)}
	if m.screen != screenExplorer {
		return l
	}
	switch {
	case l.wide:
		listW := min(max(m.width*2/5, 36), 56)
		l.list = rect{0, l.body.y, listW, l.body.h}
		l.detail = rect{listW, l.body.y, m.width - listW, l.body.h}
	case m.focus == focusDetail: // narrow: the focused detail is full screen
		l.detail = l.body
	default:
		l.list = l.body
	}
	l.rows = max(l.list.inner().h-filterLines, 1)
	if !l.wide && l.list.h >= previewMinRows {
		l.preview = true
		l.rows -= previewLines
	}
	return l
}

// redraw lays the screen out for the current state, brings the panes up to
// date with it and renders the frame View returns.
func (m *Model) redraw() {
	m.updateKeys()
	m.lay = m.computeLayout()
	if m.lay.tooSmall {
		m.frame = m.render()
		return
	}
	m.list.scroll(m.lay.rows)
	if d := m.lay.detail.inner(); d.w > 0 {
		r, ok := m.list.selected()
		m.card.refresh(r, ok, d.w, d.h, m.cat, m.styles)
	}
	m.frame = m.render()
}
