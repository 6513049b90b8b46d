package model

import (
	"slices"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// cardPane is the detail pane: the card of the selected entry in a pager,
// under a note (what a pasted line said of its code), rendered again only
// when the entry, the note, the width or the styles change.
type cardPane struct {
	pager
	related map[int]int // line -> the related code it names, for clicks

	shown data.Result
	note  string
}

func newCardPane() cardPane { return cardPane{pager: newPager()} }

// show renders the card of r, width cells wide with its padding, under
// note, or the note alone without withCard; a new entry starts at the top.
func (c *cardPane) show(r data.Result, note ui.Rendered, withCard bool, width int, cat *data.Catalog, st *ui.ExplorerStyles) {
	if !c.stale(width, st) && same(r, c.shown) && note.Text == c.note {
		return
	}
	if !same(r, c.shown) {
		c.top()
	}
	c.shown, c.note = r, note.Text
	c.related = nil
	if r.Status == nil {
		c.setContent(nil, nil)
		return
	}
	if !withCard {
		c.setContent(strings.Split(note.Text, "\n"), slices.Clone(note.Widths))
		return
	}
	card := ui.Card(r.Status, cat, &st.Styles, ui.CardOptions{Width: width - 2*cardPad, Hyperlinks: true, NumberRelated: true, Sub: r.Sub})
	lines, widths := strings.Split(card.Text, "\n"), card.Widths
	c.related = card.Related
	if note.Text != "" {
		above := strings.Split(note.Text, "\n")
		lines, widths = append(above, lines...), append(slices.Clone(note.Widths), widths...)
		c.related = make(map[int]int, len(card.Related))
		for line, code := range card.Related {
			c.related[len(above)+line] = code
		}
	}
	c.setContent(lines, widths)
}

// joinRendered is a's lines, then b's.
func joinRendered(a, b ui.Rendered) ui.Rendered {
	switch {
	case a.Text == "":
		return b
	case b.Text == "":
		return a
	}
	return ui.Rendered{Text: a.Text + "\n" + b.Text, Widths: append(slices.Clone(a.Widths), b.Widths...), Mark: -1}
}
