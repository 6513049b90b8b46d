package ui

import (
	"strconv"
	"strings"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
)

// What the explorer over a log draws: list rows with their lines, and the
// log's evidence above a card.

// CountedRow is Row with the lines a log has of the entry at its right,
// in a column as wide as most's: "▌ 404 Not Found        1,234". Too
// narrow for both, the row alone.
func CountedRow(r data.Result, n, most int64, st *ExplorerStyles, width int, selected bool) string {
	countW := textWidth(thousands(max(most, n)))
	room := width - countW - 1
	if room < minCountedRow {
		return Row(r, st, width, selected)
	}
	p := &st.rows[0]
	if selected {
		p = &st.rows[1]
	}
	return Row(r, st, room, selected) + p.dim.on(" "+padLeft(thousands(n), countW))
}

// minCountedRow is the fewest cells a row keeps beside its count: the
// marker, a code and a few letters of its phrase.
const minCountedRow = 12

// LogEvidence renders, for above a card, what a log says of the lines of
// some of its rows (s.Statuses[i] for i in rows: one, or several that
// programs logged with the same meaning): how many and what share, who
// logged them and what that program means by the code, the flags or
// states seen, the top paths, the first line, then the log's classes over
// time.
func LogEvidence(s *accesslog.Summary, rows []int, st *Styles, width int) Rendered {
	b := newBlock(width)
	p := &st.card
	c := cardWriter{block: &b, p: p, labelled: b.width >= 40}
	var n int64
	for _, i := range rows {
		n += s.Statuses[i].Count
	}
	b.add("", 0, 0, span{p.bold, "In this log:"},
		span{p.text, thousands(n) + " " + plural(n, "line") + ", " + percent(n, s.WithStatus) + " of those with a status"})
	for _, i := range rows {
		r := &s.Statuses[i]
		var by []value
		for _, f := range r.Formats {
			by = append(by, value{spans: []span{{p.text, f.Label}}})
		}
		c.field("Logged by", by...)
		if r.Note != "" {
			c.field("Here", value{spans: []span{{p.text, r.Note}}})
		}
		if r.Entry == nil && len(r.Candidates) > 1 {
			var vendors []string
			for _, cand := range r.Candidates {
				vendors = append(vendors, cand.Source)
			}
			c.field("Whose", value{spans: []span{{p.text, "the log does not say: " + strings.Join(vendors, ", ")}}})
		}
		var flags []value
		for _, f := range r.Flags {
			text := f.Label + " " + thousands(f.Count)
			if f.Meaning != "" {
				text += ": " + f.Meaning
			}
			flags = append(flags, value{spans: []span{{p.text, printable(text)}}})
		}
		c.field("Seen", flags...)
		var paths []value
		for _, pc := range r.Paths {
			paths = append(paths, value{spans: []span{{p.text, printable(pc.Path)}, {p.dim, thousands(pc.Count)}}})
		}
		c.field("Paths", paths...)
		if r.Sample != "" {
			c.field("First line", value{spans: []span{{p.example, printable(r.Sample)}}})
		}
	}
	timeline(&b, s, p, width)
	b.blank()
	return Rendered{Text: b.text(), Widths: b.widths, Mark: -1}
}

// Thousands writes 12345 as 12,345.
func Thousands(n int64) string { return thousands(n) }

func plural(n int64, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// tabCount is a tab's count as its label shows it: whole below 10,000,
// then in thousands or millions (12k, 1.2M), so a busy log's tabs keep
// their labels.
func tabCount(n int) string {
	switch {
	case n < 10_000:
		return strconv.Itoa(n)
	case n < 1_000_000:
		return strconv.Itoa(n/1000) + "k"
	case n < 10_000_000:
		return strconv.Itoa(n/1_000_000) + "." + strconv.Itoa(n/100_000%10) + "M"
	}
	return strconv.Itoa(n/1_000_000) + "M"
}
