package model

import (
	"charm.land/bubbles/v2/viewport"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// cardPane is the detail pane's state: the card of the selected entry, cut
// into lines for its width, and how far it is scrolled.
type cardPane struct {
	view  viewport.Model // scroll state only; lines are drawn from card
	card  ui.Rendered
	lines []string
	shown data.Result // the result the card is for
	width int
	stale bool // the styles changed: render again
}

func newCardPane() cardPane {
	v := viewport.New()
	v.MouseWheelEnabled = false // the model routes the wheel by position
	return cardPane{view: v}
}

func (c *cardPane) invalidate() { c.stale = true }

// refresh renders the card for r at width when either changed; a new entry
// starts at the top.
func (c *cardPane) refresh(r data.Result, ok bool, width, height int, cat *data.Catalog, st *ui.ExplorerStyles) {
	c.view.SetWidth(width)
	c.view.SetHeight(height)
	if !ok {
		r = data.Result{}
	}
	if same(r, c.shown) && width == c.width && !c.stale {
		return
	}
	if !same(r, c.shown) {
		c.view.GotoTop()
	}
	c.shown, c.width, c.stale = r, width, false
	if r.Status == nil {
		c.card, c.lines = ui.Rendered{}, nil
		c.view.SetContentLines(nil)
		return
	}
	c.card = ui.Card(r.Status, cat, &st.Styles, ui.CardOptions{Width: width - 2*cardPad, Hyperlinks: true, NumberRelated: true, Sub: r.Sub})
	c.lines = splitLines(c.card.Text)
	// The viewport needs only the number of lines to scroll; the lines
	// themselves are drawn from the card, already cut to width, which
	// spares measuring every line again.
	c.view.SetContentLines(make([]string, len(c.lines)))
}

// cardPad is the blank column each side of the card inside its pane.
const cardPad = 1

// visibleLines are the card's lines in view, padded to the pane's inner
// width.
func (c *cardPane) visibleLines(inner int) []string {
	from := min(c.view.YOffset(), len(c.lines))
	to := min(from+c.view.Height(), len(c.lines))
	out := make([]string, 0, to-from)
	for i, l := range c.lines[from:to] {
		if pad := inner - cardPad - c.card.Widths[from+i]; pad >= 0 {
			out = append(out, " "+l+spaces(pad))
		} else {
			out = append(out, ui.Fit(" "+l, inner, 1))
		}
	}
	return out
}
