package model

import (
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/ui"
)

// footer is the one line at the bottom: a one-off message, or the key
// hints that fit, most useful first. How to get help and how to quit are
// always there; other hints are dropped to make room for them.
func (m *Model) footer() string {
	if m.status != "" {
		return m.styles.Prompt.Render(ansi.Truncate(ui.OneLine(m.status), m.width, "…"))
	}
	must := hints(m.keys.Help, m.keys.Quit)
	room := m.width - ui.HintsWidth(must) - 3
	var shown []ui.Hint
	for _, h := range hints(m.keys.footerKeys()...) {
		if ui.HintsWidth(append(shown, h)) <= room {
			shown = append(shown, h)
		}
	}
	return ui.Hints(append(shown, must...), m.styles, m.width)
}

func hints(bs ...key.Binding) []ui.Hint {
	out := make([]ui.Hint, len(bs))
	for i, b := range bs {
		out[i] = ui.Hint{Key: b.Help().Key, Desc: b.Help().Desc}
	}
	return out
}

// updateKeys enables the bindings that work in the current mode, and only
// those: key.Matches ignores a disabled binding, and the footer and help
// list the enabled ones.
func (m *Model) updateKeys() {
	k := &m.keys
	for _, b := range k.all() {
		b.SetEnabled(false)
	}
	on(&k.Help, &k.Quit)
	r, sel := m.list.selected()
	related := sel && len(r.Status.Related) > 0 // a sub-code's card lists its status's
	history := len(m.history) > 0
	family := m.family() != nil
	k.Choose.SetHelp("enter", "choose")
	k.Help.SetHelp("?", "help")
	k.DetailCompare.SetHelp("c", "compare")
	switch {
	case m.menu != nil:
		on(&k.Up, &k.Down, &k.Choose, &k.Pick, &k.Close)
		k.Choose.SetHelp("enter", "copy")
	case m.screen == screenHelp, m.screen == screenCompare:
		on(&k.ScrollUp, &k.ScrollDown, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Close)
		if m.screen == screenCompare {
			on(&k.DetailCompare)
			k.DetailCompare.SetHelp("c", "close")
		} else {
			k.Help.SetHelp("?", "close help")
		}
	case m.screen == screenGuide && m.guide.node == nil:
		on(&k.Choose, &k.GuideUp, &k.ScrollUp, &k.ScrollDown, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Close)
		k.Choose.SetHelp("enter", "open it")
	case m.screen == screenGuide:
		on(&k.Up, &k.Down, &k.Choose, &k.Pick, &k.GuideUp, &k.Close)
	case m.focus == focusDetail:
		on(&k.Back, &k.NextTab, &k.PrevTab, &k.ScrollUp, &k.ScrollDown, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Guide)
		k.DetailRelated.SetEnabled(related)
		k.DetailPrevious.SetEnabled(history)
		k.DetailCopy.SetEnabled(sel)
		k.DetailCompare.SetEnabled(family)
		if m.width >= wideWidth {
			k.Back.SetHelp("esc", "back to list")
		} else {
			k.Back.SetHelp("esc", "close")
		}
	default:
		on(&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End, &k.NextTab, &k.PrevTab, &k.Guide)
		k.Open.SetEnabled(sel)
		k.Choose.SetEnabled(sel && m.pick)
		k.Clear.SetEnabled(m.filter.Value() != "")
		k.Leave.SetEnabled(m.filter.Value() == "")
		k.Related.SetEnabled(related && m.width >= wideWidth)
		k.Previous.SetEnabled(history)
		k.Copy.SetEnabled(sel)
		k.Compare.SetEnabled(family)
		if m.filter.Value() != "" {
			k.Help.SetHelp("f1", "help") // ? is text while a filter is typed
		}
	}
	if m.pick {
		k.Open.SetKeys("ctrl+o")
		k.Open.SetHelp("ctrl+o", "details")
	}
}
