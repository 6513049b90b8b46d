package ui

import (
	"strconv"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// AnsweredText says who answered a response, in one sentence: "nginx wrote
// this 502 itself: it got no usable response from the upstream (…)", "Go
// net/http wrote this 404; nginx passed it on". It is "" when the
// response does not show who (who is nil).
func AnsweredText(who *data.Responder, code int) string {
	if who == nil {
		return ""
	}
	c := data.FormatCode(code)
	var b strings.Builder
	switch {
	case !who.Wrote:
		// Only who sent the head is known: a Server field, which a proxy
		// may set on an answer it passed on.
		b.WriteString(who.Software + " sent this " + c)
		if len(who.Evidence) > 0 {
			b.WriteString(" (" + who.Evidence[0] + ")")
		}
	case who.Role == data.RoleOrigin:
		b.WriteString(who.Software + " wrote this " + c)
	default:
		b.WriteString(who.Software + " wrote this " + c + " itself")
	}
	switch {
	case who.Cause != "":
		b.WriteString(": " + who.Cause)
	case who.Wrote && who.Role != data.RoleOrigin:
		b.WriteString("; your application was never reached")
	}
	var passed, cached []string
	for _, p := range who.Via {
		if p.CacheHit {
			cached = append(cached, p.Software)
		} else {
			passed = append(passed, p.Software)
		}
	}
	if len(passed) > 0 {
		b.WriteString("; " + andList(passed) + " passed it on")
	}
	if len(cached) > 0 {
		b.WriteString("; " + andList(cached) + " served it from its cache, without asking the server behind it")
	}
	b.WriteByte('.')
	return b.String()
}

// NoResponseText says what happened when no response came at all, from
// what the client printed.
func NoResponseText(nr *data.NoResponse) string {
	if nr == nil {
		return ""
	}
	return "No response at all (curl's exit status " + strconv.Itoa(nr.Exit) + ", " + nr.Message + "): " + nr.Says + "."
}

// Answered renders the who-answered line of a response for a card or
// explain's output: AnsweredText, wrapped to width under an indent, the
// software's name in bold. It is "" when nothing shows who.
func Answered(who *data.Responder, code int, st *Styles, width, indent int) string {
	text := AnsweredText(who, code)
	if text == "" {
		return ""
	}
	var b strings.Builder
	putLead(&b, indent, width, &st.card, who.Software, printable(text))
	return b.String()
}

// putLead writes text wrapped under an indent, its first words (lead) in
// bold and the rest plain.
func putLead(b *strings.Builder, indent, width int, p *cardPaints, lead, text string) {
	for i, l := range wrapText(text, max(width-indent, 20)) {
		b.WriteString(strings.Repeat(" ", indent))
		if rest, ok := strings.CutPrefix(l, lead); i == 0 && ok {
			b.WriteString(p.bold.on(lead) + p.text.on(rest))
		} else {
			b.WriteString(p.text.on(l))
		}
		b.WriteByte('\n')
	}
}

// andList joins names as a sentence does: "nginx", "nginx and Varnish",
// "a, b and c".
func andList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
