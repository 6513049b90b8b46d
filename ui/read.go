package ui

import (
	"slices"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// ReadLine says, in one line above a result's card, what part of a
// pasted input chose its code: "Read Kubernetes status reason: Forbidden
// → 403". It is "" for a code or a name typed as such, which chose
// itself. With width > 0 the line is cut to fit.
func ReadLine(res data.Resolution, r data.Result, st *Styles, width int) string {
	code := r.Status.CodeString()
	if r.Sub != nil && r.Sub.Term == nil {
		code = r.Sub.Code // an IIS or Cloudflare sub-code read from a log
	}
	i := slices.IndexFunc(res.Meanings, func(m data.Meaning) bool { return m.Code == code && m.Read != nil })
	if i < 0 || !res.Query.Line {
		return ""
	}
	line := newPaint(st.Label).on("Read ") + newPaint(st.Dim).on(printable(res.Meanings[i].Read.String()))
	if width > 0 && ansi.StringWidth(line) > width {
		line = ansi.Truncate(line, width, "…")
	}
	return line
}

// Entry is one element of the command line's JSON array: an entry's
// fields, the vocabulary terms sent with it, and what in the query chose
// it, as README's JSON table documents.
type Entry struct {
	*data.Status
	Terms []data.TermName `json:"terms"`
	Read  *data.Read      `json:"read"`
}

// Entries are a resolution's results as the JSON array lists them: each
// entry once, in order (a sub-code's or a term's entry is its status's),
// the read on the entry its code chose.
func Entries(cat *data.Catalog, res data.Resolution) []Entry {
	out := []Entry{}
	for _, r := range res.Results {
		if slices.ContainsFunc(out, func(e Entry) bool { return e.Status == r.Status }) {
			continue
		}
		e := Entry{Status: r.Status, Terms: cat.TermsOf(r.Status)}
		for i := range res.Meanings {
			m := &res.Meanings[i]
			if m.Read != nil && chosen(res.Results, m.Code) == r.Status {
				e.Read = m.Read
			}
		}
		out = append(out, e)
	}
	return out
}

// chosen is the entry a code's meaning chose: its first result.
func chosen(results []data.Result, code string) *data.Status {
	for _, r := range results {
		if c, _ := r.Names(); c == code || r.Status.CodeString() == code {
			return r.Status
		}
	}
	return nil
}
