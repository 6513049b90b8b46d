package ui

import (
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Pasted renders, for above a card, what a pasted status line, response or
// log line said about the meaning of the card's code: what in it chose this
// meaning (said only on the chosen entry, the first of the code's
// results) and who answered. It is empty when the paste said neither.
func Pasted(m data.Meaning, chosen bool, st *Styles, width int) Rendered {
	b := newBlock(width)
	c := cardWriter{block: &b, p: &st.card, labelled: b.width >= 40}
	b.add("", 0, 0, span{c.p.dim, "From what was pasted:"})
	said := map[string]bool{} // what is said once is not said again
	if chosen && len(m.ChosenBy) > 0 {
		c.field("Chosen by", value{spans: []span{{c.p.text, printable(strings.Join(m.ChosenBy, "; "))}}})
		for _, s := range m.ChosenBy {
			said[s] = true
		}
	}
	if who := m.AnsweredBy; who != nil {
		label := "Answered by"
		if !who.Wrote { // only who sent the head is known: a proxy may pass on another's answer
			label = "Sent by"
		}
		c.field(label, value{spans: []span{{c.p.text, printable(answeredBy(who, said))}}})
	}
	if len(b.lines) == 1 {
		return Rendered{Mark: -1}
	}
	b.blank()
	return Rendered{Text: b.text(), Widths: b.widths, Mark: -1}
}

// answeredBy says who answered, and how the response shows it unless that
// was said: "nginx (proxy) · body contains "<center>nginx"".
func answeredBy(who *data.Responder, said map[string]bool) string {
	s := who.Software
	if who.Role != "" {
		s += " (" + who.Role + ")"
	}
	if len(who.Evidence) > 0 && !said[who.Evidence[0]] {
		s += " · " + who.Evidence[0]
	}
	if who.Cause != "" {
		s += ": " + who.Cause
	}
	if len(who.Via) > 0 {
		s += "; passed on by " + strings.Join(who.Via, ", ")
	}
	return s
}
