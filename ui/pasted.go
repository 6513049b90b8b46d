package ui

import (
	"strconv"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Pasted renders, for above a card, what a pasted status line, response,
// log line or message said about the meaning of the card's code: what was
// read, what in it chose this meaning (said only on the chosen entry, the
// first of the code's results) and who answered. It is empty when the
// paste said none of these.
func Pasted(m data.Meaning, chosen bool, st *Styles, width int) Rendered {
	b := newBlock(width)
	c := cardWriter{block: &b, p: &st.card, labelled: b.width >= 40}
	b.add("", 0, 0, span{c.p.dim, "From what was pasted:"})
	if m.Read != nil {
		c.field("Read", value{spans: []span{{c.p.text, printable(m.Read.String())}}})
	}
	if chosen && len(m.ChosenBy) > 0 {
		c.field("Chosen by", value{spans: []span{{c.p.text, printable(strings.Join(m.ChosenBy, "; "))}}})
	}
	if code, err := strconv.Atoi(m.Code); err == nil && m.AnsweredBy != nil {
		c.field("Who", value{spans: []span{{c.p.text, printable(AnsweredText(m.AnsweredBy, code))}}})
	}
	if len(b.lines) == 1 {
		return Rendered{Mark: -1}
	}
	b.blank()
	return Rendered{Text: b.text(), Widths: b.widths, Mark: -1}
}
