package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
)

// LogOptions shape the summary of a log.
type LogOptions struct {
	Width int    // cells per line
	Title string // what was read: "access.log", "3 files", "stdin"
}

// Limits of what a row shows under it.
const (
	logFlags   = 4 // vendor details per row
	logBarMax  = 24
	logIndent  = 6 // detail lines under a row
	logLabel   = 9 // "Formats  "
	sparkChars = "▁▂▃▄▅▆▇█"
)

// LogSummary renders what a log's statuses say: a header (lines, formats,
// time span), one row per (code, meaning) grouped by class with its count,
// share, bar, phrase and vendor; under 4xx, 5xx and no-status rows the
// vendor's details, top paths and a sample line; then the classes over
// time. Every line fits the width.
func LogSummary(s *accesslog.Summary, st *Styles, o LogOptions) string {
	p := &st.card
	width := max(o.Width, 40)
	b := block{width: width}

	if o.Title != "" {
		b.add("", 0, 0, span{p.bold, printable(o.Title)})
	}
	field := func(name string, text string) {
		b.add(p.label.on(padRight(name, logLabel)), logLabel, logLabel, span{p.text, text})
	}
	lines := thousands(s.Lines)
	if s.WithStatus != s.Lines {
		lines += " · " + thousands(s.WithStatus) + " with a status · " + thousands(s.Lines-s.WithStatus) + " without"
	}
	if s.TooLong > 0 {
		lines += " (" + thousands(s.TooLong) + " over 1 MiB, skipped)"
	}
	field("Lines", lines)
	var formats []string
	for _, f := range s.Formats {
		formats = append(formats, f.Format.Label+" "+thousands(f.Lines))
	}
	if len(formats) > 0 {
		field("Formats", strings.Join(formats, " · "))
	}
	if s.From != 0 {
		field("Time", timeSpan(s.From, s.To))
	}
	if s.WithStatus == 0 {
		return b.text()
	}

	rows := logRows(s, st, width)
	for class := range data.Categories {
		if s.Classes[class] == 0 {
			continue
		}
		b.blank()
		cat := data.Categories[class]
		title := cat.Class() + " " + cat.Title()
		if cat == data.NoClass {
			title = "000 and others · no response or no class"
		}
		share := percent(s.Classes[class], s.WithStatus)
		b.add("", 0, 0, span{p.code[class], title}, span{p.dim, " · " + thousands(s.Classes[class]) + " · " + share})
		for i := range s.Statuses {
			r := &s.Statuses[i]
			if data.CategoryOf(r.Code).Index() != class {
				continue
			}
			b.line(rows[i].line, rows[i].width)
			logDetails(&b, r, p, width)
		}
	}
	timeline(&b, s, p, width)
	return b.text()
}

// logRow is a status row, rendered.
type logRow struct {
	line  string
	width int
}

// logRows renders every row with shared column widths: code, label,
// count, share, bar.
func logRows(s *accesslog.Summary, st *Styles, width int) []logRow {
	p := &st.card
	codeW, countW := 3, 1
	var most int64
	for _, r := range s.Statuses {
		codeW = max(codeW, len(rowCode(&r)))
		countW = max(countW, len(thousands(r.Count)))
		most = max(most, r.Count)
	}
	// "  404 Not Found · nginx   1,234  12.3% ████"
	fixed := 2 + codeW + 1 + 1 + countW + 1 + 6 + 1
	barW := min(logBarMax, max(width-fixed-24, 4))
	natural := 0
	for i := range s.Statuses {
		phrase, vendor := rowLabel(&s.Statuses[i])
		natural = max(natural, textWidth(phrase)+len(" · ")+textWidth(vendor))
	}
	labelW := min(width-fixed-barW, natural)
	out := make([]logRow, len(s.Statuses))
	for i := range s.Statuses {
		r := &s.Statuses[i]
		class := data.CategoryOf(r.Code).Index()
		phrase, vendor := rowLabel(r)
		label := phrase
		if vendor != "" {
			label += " · " + vendor
		}
		label = truncate(label, labelW)
		var w rowWriter
		w.add(p.text, "  ")
		w.add(p.code[class], padRight(rowCode(r), codeW))
		w.add(p.text, " ")
		if name, rest, ok := strings.Cut(label, " · "); ok && vendor != "" {
			w.add(p.bold, name)
			w.add(p.dim, " · "+rest)
		} else {
			w.add(p.bold, label)
		}
		w.add(p.text, strings.Repeat(" ", max(labelW-textWidth(label), 0)+1))
		w.add(p.text, padLeft(thousands(r.Count), countW)+" ")
		w.add(p.dim, padLeft(percent(r.Count, s.WithStatus), 6)+" ")
		w.add(p.code[class], bar(r.Count, most, barW))
		out[i] = logRow{w.styled.String(), w.width()}
	}
	return out
}

// rowCode is "404", or "404.3" for an IIS sub-code.
func rowCode(r *accesslog.Status) string {
	if r.SubCode != "" {
		return r.SubCode
	}
	return data.FormatCode(r.Code)
}

// rowLabel is the phrase of a row and the vendor whose meaning it is
// ("" for the standard one).
func rowLabel(r *accesslog.Status) (phrase, vendor string) {
	switch {
	case r.Sub != nil:
		return r.Sub.Phrase, r.Sub.Source
	case r.Entry != nil:
		if !r.Entry.Official {
			vendor = r.Entry.Source
		}
		return r.Entry.Phrase, vendor
	case r.Note != "":
		return "no catalog entry", r.Vendor
	case len(r.Candidates) == 1:
		return r.Candidates[0].Phrase + "?", r.Candidates[0].Source
	case len(r.Candidates) > 1:
		var vendors []string
		for _, c := range r.Candidates {
			vendors = append(vendors, c.Source)
		}
		return "one of " + strings.Join(vendors, ", "), ""
	}
	return "not in the catalog", ""
}

// logDetails writes, under a row that is a failure, what the log says of
// it: the vendor's note, details (flags), top paths, a sample line.
func logDetails(b *block, r *accesslog.Status, p *cardPaints, width int) {
	failure := r.Code >= 400 || r.Code < 100
	pad := strings.Repeat(" ", logIndent)
	if r.Note != "" && failure {
		b.add(pad, logIndent, logIndent, span{p.dim, r.Note})
	}
	shown := 0
	for _, f := range r.Flags {
		if shown == logFlags {
			break
		}
		if !failure && f.Meaning == "" {
			continue
		}
		shown++
		text := f.Label + " " + thousands(f.Count)
		if f.Meaning != "" {
			text += ": " + f.Meaning
		}
		b.add(pad, logIndent, logIndent+2, span{p.label, "› "}, span{p.text, printable(text)})
	}
	if !failure {
		return
	}
	if len(r.Paths) > 0 {
		var parts []string
		for _, pc := range r.Paths {
			parts = append(parts, truncate(printable(pc.Path), max(width/2, 20))+" "+thousands(pc.Count))
		}
		b.add(pad, logIndent, logIndent+6, span{p.dim, "paths "}, span{p.text, strings.Join(parts, " · ")})
	}
	if r.Sample != "" {
		room := width - logIndent - 5
		b.add(pad, logIndent, logIndent, span{p.dim, "e.g. "}, span{p.example, truncate(printable(r.Sample), room)})
	}
}

// timeline writes one sparkline per class over the log's span.
func timeline(b *block, s *accesslog.Summary, p *cardPaints, width int) {
	var peaks [6]string
	suffixW := 0
	labelW := 4 // "5xx "
	columns := width - labelW - 1
	// The peak's text sets the room left for the line; two passes fit it.
	var t accesslog.Timeline
	for range 2 {
		t = s.Timeline(max(columns-suffixW, 8))
		if len(t.Buckets) == 0 {
			return
		}
		suffixW = 0
		for class := range peaks {
			var peak int64
			for _, bk := range t.Buckets {
				peak = max(peak, bk[class])
			}
			peaks[class] = ""
			if peak > 0 {
				peaks[class] = "  peak " + thousands(peak) + "/" + stepName(t.Step)
				suffixW = max(suffixW, textWidth(peaks[class]))
			}
		}
	}
	if len(t.Buckets) < 2 {
		return // one minute: nothing to chart
	}
	b.blank()
	end := t.Start + t.Step*int64(len(t.Buckets))
	b.add("", 0, 0, span{p.label, "Over time"}, span{p.dim, " · per " + stepName(t.Step) + " · " + timeSpan(t.Start, end)})
	for class := range peaks {
		if peaks[class] == "" {
			continue
		}
		var peak int64
		for _, bk := range t.Buckets {
			peak = max(peak, bk[class])
		}
		var line strings.Builder
		for _, bk := range t.Buckets {
			line.WriteString(spark(bk[class], peak))
		}
		name := data.Categories[class].Class()
		if data.Categories[class] == data.NoClass {
			name = "000"
		}
		w := rowWriter{}
		w.add(p.code[class], padRight(name, labelW-1)+" ")
		w.add(p.code[class], line.String())
		w.add(p.dim, peaks[class])
		b.line(w.styled.String(), w.width())
	}
}

// spark is one column of a sparkline: a blank for none, else one of eight
// heights, the smallest for any count at all.
func spark(n, peak int64) string {
	if n <= 0 || peak <= 0 {
		return " "
	}
	levels := int64(len([]rune(sparkChars)))
	i := (n*levels - 1) / peak
	return string([]rune(sparkChars)[min(i, levels-1)])
}

// stepName is "minute", "5 minutes", "hour", "day", "7 days".
func stepName(step int64) string {
	unit, n := "minute", step/60
	switch {
	case step%86400 == 0:
		unit, n = "day", step/86400
	case step%3600 == 0:
		unit, n = "hour", step/3600
	}
	if n == 1 {
		return unit
	}
	return strconv.FormatInt(n, 10) + " " + unit + "s"
}

// bar is a horizontal bar of n against most, in eighths of a cell.
func bar(n, most int64, width int) string {
	if most <= 0 || n <= 0 {
		return ""
	}
	eighths := n * int64(width) * 8 / most
	if eighths == 0 {
		eighths = 1
	}
	full, part := eighths/8, eighths%8
	s := strings.Repeat("█", int(full))
	if part > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	return s
}

// timeSpan is "2026-12-04 17:00:00 → 17:42:10 UTC (42m10s)".
func timeSpan(from, to int64) string {
	a, z := time.Unix(from, 0).UTC(), time.Unix(to, 0).UTC()
	end := z.Format("2006-01-02 15:04:05")
	if a.Format("2006-01-02") == z.Format("2006-01-02") {
		end = z.Format("15:04:05")
	}
	return a.Format("2006-01-02 15:04:05") + " → " + end + " UTC (" + spoken(z.Sub(a)) + ")"
}

// spoken is a duration as people say it: "42m10s", "5h12m", "38 days".
func spoken(d time.Duration) string {
	switch {
	case d < time.Hour:
		return d.String()
	case d < 48*time.Hour:
		h, m := int64(d/time.Hour), int64(d%time.Hour/time.Minute)
		if m == 0 {
			return strconv.FormatInt(h, 10) + "h"
		}
		return strconv.FormatInt(h, 10) + "h" + strconv.FormatInt(m, 10) + "m"
	}
	return thousands(int64(d/(24*time.Hour))) + " days"
}

func percent(n, total int64) string {
	if total == 0 {
		return "0%"
	}
	v := float64(n) * 100 / float64(total)
	if v < 0.1 && n > 0 {
		return "<0.1%"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}

// thousands writes 12345 as 12,345.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func padLeft(s string, w int) string  { return strings.Repeat(" ", max(w-textWidth(s), 0)) + s }
func padRight(s string, w int) string { return s + strings.Repeat(" ", max(w-textWidth(s), 0)) }

// truncate cuts s to w cells with an ellipsis.
func truncate(s string, w int) string {
	if textWidth(s) <= w {
		return s
	}
	if w < 1 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := textWidth(string(r))
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return b.String() + "…"
}
