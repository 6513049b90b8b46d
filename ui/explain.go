package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/explain"
)

// noteIndent is where a note's text starts, after "  error  ".
const noteIndent = 9

// Explanation renders what explain found: for each response its status
// line, who answered it, the entry it means and why, the summary, where it
// redirects, and its notes; then each redirect chain. Every line fits width cells, except
// a single word longer than that.
func Explanation(rep *explain.Report, st *Styles, width int) string {
	p := &st.card
	levels := map[explain.Level]paint{
		explain.Error: p.code[4], explain.Warn: newPaint(st.Warning), explain.Info: p.label,
	}
	var b strings.Builder
	for i, res := range rep.Results {
		if i > 0 {
			b.WriteByte('\n')
		}
		codePaint := p.code[data.CategoryOf(res.Status).Index()]
		line := printable(res.Line)
		if res.NoResponse != nil {
			put(&b, 0, width, p.bold, line)
			put(&b, 2, width, p.text, NoResponseText(res.NoResponse))
		} else if proto, rest, _ := strings.Cut(line, " "); textWidth(line) <= width {
			status, phrase, _ := strings.Cut(rest, " ")
			b.WriteString(p.bold.on(proto) + " " + codePaint.on(status))
			if phrase != "" {
				b.WriteString(" " + p.bold.on(phrase))
			}
			b.WriteByte('\n')
		} else {
			put(&b, 0, width, p.bold, line) // a phrase too long for one line
		}
		if who := res.AnsweredBy; who != nil && (who.Wrote || res.Status >= 400) {
			// Who sent a 2xx or 3xx, known only from its Server field, is
			// in the JSON; in text it would only repeat the field.
			b.WriteString(Answered(who, res.Status, st, width, 2))
		}

		if e := res.Entry; e != nil {
			about := meta(e)
			if res.ChosenBy != "" {
				about += " · chosen by " + printable(res.ChosenBy)
			}
			if title := e.Title(); textWidth(title)+3+textWidth(about) <= width-2 {
				b.WriteString("  " + p.bold.on(title) + p.dim.on(" · "+about) + "\n")
			} else {
				put(&b, 2, width, p.bold, title)
				put(&b, 2, width, p.dim, about)
			}
			put(&b, 2, width, p.text, e.Summary)
		} else {
			put(&b, 2, width, p.bold, data.FormatCode(res.Status)+" is not in the catalog")
		}
		if r := res.Redirect; r != nil {
			put(&b, 2, width, p.text, "→ "+printable(destination(r))+" · "+permanence(r)+" · "+printable(r.Method))
		}
		if len(res.Notes) > 0 {
			b.WriteByte('\n')
		}
		for _, n := range res.Notes {
			note(&b, n, levels[n.Level], p, width)
		}
	}
	for _, c := range rep.Chains {
		chain(&b, rep, c, p, width)
	}
	return b.String()
}

// note writes "  error  Location: message (RFC 9110 §15.4.2)", wrapped
// under the message, the reference kept whole.
func note(b *strings.Builder, n explain.Note, level paint, p *cardPaints, width int) {
	room := max(width-noteIndent, 20)
	field, text := printable(n.Field), printable(n.Message)
	if field != "" && !strings.Contains(text, field) {
		text = field + ": " + text // the message names the field most of the time
	} else {
		field = ""
	}
	lines := wrapText(text, room)
	ref, refLine := "", -1
	if n.Reference != "" {
		ref = "(" + n.Reference + ")"
		if last := len(lines) - 1; textWidth(lines[last])+1+textWidth(ref) <= room {
			refLine = last
		}
	}
	b.WriteString("  " + level.on(string(n.Level)) + strings.Repeat(" ", noteIndent-2-len(n.Level)))
	for i, l := range lines {
		if i > 0 {
			b.WriteString(strings.Repeat(" ", noteIndent))
		}
		if rest, ok := strings.CutPrefix(l, field+":"); i == 0 && field != "" && ok {
			b.WriteString(p.label.on(field+":") + p.text.on(rest))
		} else {
			b.WriteString(p.text.on(l))
		}
		if i == refLine {
			b.WriteString(" " + p.dim.on(ref))
		}
		b.WriteByte('\n')
	}
	if ref != "" && refLine < 0 {
		b.WriteString(strings.Repeat(" ", noteIndent) + p.dim.on(ref) + "\n")
	}
}

// chain writes a redirect chain, one hop per step: the URL when known,
// the status, and where it goes.
func chain(b *strings.Builder, rep *explain.Report, c explain.Chain, p *cardPaints, width int) {
	b.WriteString("\n" + p.label.on("Redirect chain") + p.dim.on(" · "+strconv.Itoa(len(c.Hops))+" responses") + "\n")
	bad := p.code[4]
	for i, h := range c.Hops {
		res := rep.Results[h.Result]
		step := strconv.Itoa(i+1) + ". "
		title := data.FormatCode(res.Status)
		if res.Entry != nil {
			title = res.Entry.Title()
		}
		if h.URL != "" {
			title += " at " + printable(h.URL)
		}
		put(b, 2, width, p.text, step+title)
		indent := 2 + len(step)
		if r := res.Redirect; r != nil {
			put(b, indent, width, p.text, "→ "+printable(destination(r))+" · "+permanence(r)+" · "+printable(r.Method))
		}
		if h.Downgrade {
			put(b, indent, width, bad, "downgrades HTTPS to HTTP")
		}
		if h.LoopTo > 0 {
			put(b, indent, width, bad, "loops back to step "+strconv.Itoa(h.LoopTo))
		}
	}
}

// destination is where a redirect goes: the absolute URL when known.
func destination(r *explain.Redirect) string {
	if r.URL != "" {
		return r.URL
	}
	return r.Location
}

func permanence(r *explain.Redirect) string {
	if r.Permanent {
		return "permanent"
	}
	return "temporary"
}

// put writes text wrapped to width under an indent, in one paint.
func put(b *strings.Builder, indent, width int, pt paint, text string) {
	for _, l := range wrapText(strings.TrimRight(text, " "), max(width-indent, 20)) {
		b.WriteString(strings.Repeat(" ", indent) + pt.on(l) + "\n")
	}
}

// printable escapes what came from the input and could drive a terminal:
// control characters and bytes that are not UTF-8.
func printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == utf8.RuneError || unicode.IsControl(r) }) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
