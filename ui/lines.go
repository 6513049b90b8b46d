package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Lines renders one line per result: code, phrase, vendor and deprecation
// badges, summary. With width > 0 each line is cut to fit; otherwise lines
// are whole, for pipes and grep.
func Lines(results []data.Result, st *Styles, width int) string {
	p := newRowPaints(st, lipgloss.NewStyle(), lipgloss.NewStyle())
	labels := make([]rowWriter, len(results))
	labelW := 0
	for i, r := range results {
		code, phrase := r.Names()
		labels[i].add(p.code[r.Status.Category.Index()], code)
		if phrase != "" { // a term may have no title: its name says it
			labels[i].add(p.text, "  "+phrase)
		}
		writeVendor(&labels[i], &p, r)
		writeDeprecated(&labels[i], &p, r)
		labelW = max(labelW, labels[i].width())
	}
	labelW = min(labelW, 49)
	var b strings.Builder
	for i, r := range results {
		summary := r.Status.Summary
		if r.Sub != nil {
			summary = r.Sub.Summary
		}
		w := &labels[i]
		w.add(p.text, strings.Repeat(" ", max(labelW-w.width(), 0)+2))
		w.add(p.dim, summary)
		line := w.styled.String()
		if width > 0 && w.width() > width {
			line = ansi.Truncate(line, width, "…")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
