package model

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// Log is an access log for the explorer to show in place of the whole
// catalog: the list holds the log's codes, most lines first, the tabs
// count its lines, and each card opens with what the log says of it.
type Log struct {
	Title   string             // what was read: "access.log", "stdin", "3 inputs"
	Summary *accesslog.Summary // what has been read so far
	// Live is where more lines come from while the input is written
	// (tail -f access.log | httpstatus log -i); nil for a log read whole.
	Live *accesslog.Live
}

// WithLog shows a log's codes in place of the catalog's.
func WithLog(l Log) Option { return func(m *Model) { m.explorer.setLog(l) } }

// LiveEvery is how often the explorer over a live log takes the counts
// read so far and redraws them, at most: ten times a second is fast
// enough to watch a spike and costs the reader little, whatever the
// lines' rate (a sixth of Bubble Tea's frame rate).
const LiveEvery = 100 * time.Millisecond

// logMsg is a live log's latest counts.
type logMsg accesslog.Snapshot

// logState is the log the explorer shows.
type logState struct {
	title string
	sum   *accesslog.Summary
	live  *accesslog.Live
	ended bool
	err   error // what ended the input, other than its end

	// results are the log's (entry, sub-code) pairs, most lines first;
	// several rows of the summary (programs that logged the same
	// meaning) are one result.
	results []data.Result
	rows    map[entryKey][]int // each result's rows in sum.Statuses
	lines   map[entryKey]int64
	most    int64
	// made are the entries made up for codes the catalog cannot name
	// (nginx's 009), kept so the same code is the same entry in every
	// snapshot and stays selected.
	made map[string]*data.Status

	evidence evidenceCache
}

type entryKey struct {
	status *data.Status
	sub    *data.SubCode
}

func keyOf(r data.Result) entryKey { return entryKey{r.Status, r.Sub} }

// evidenceCache is the evidence drawn last: drawing it again on every key
// would chart the log's time span every time.
type evidenceCache struct {
	key    entryKey
	sum    *accesslog.Summary
	width  int
	styles *ui.ExplorerStyles
	r      ui.Rendered
}

func (e *explorer) setLog(l Log) {
	e.log = &logState{title: l.Title, live: l.Live, made: map[string]*data.Status{}}
	e.search = func(q string) data.Resolution { return e.log.restrict(e.cat.Resolve(q)) }
	e.list.lines = e.log.linesOf
	e.setSummary(l.Summary)
}

// setSummary shows new counts, keeping the filter, the tab and the entry
// selected.
func (e *explorer) setSummary(s *accesslog.Summary) {
	e.log.set(s)
	e.list.most = e.log.most
	e.list.totals = countTabs(e.list.totals, e.log.results, e.list.lines)
	keep, _ := e.list.selected()
	offset := e.list.offset
	e.refilter()
	if keep.Status != nil && e.list.find(keep) {
		e.list.offset = offset
	}
	e.refresh()
}

// updateLog shows a live log's new counts and waits for the next.
func (e *explorer) updateLog(s accesslog.Snapshot) tea.Cmd {
	if e.log == nil {
		return nil
	}
	e.log.ended, e.log.err = s.Done, s.Err
	e.setSummary(s.Summary)
	return e.log.next(e.cat)
}

// next waits for a live log's next counts; nil once the input has ended.
func (lg *logState) next(cat *data.Catalog) tea.Cmd {
	if lg.live == nil || lg.ended {
		return nil
	}
	live := lg.live
	return func() tea.Msg { return logMsg(live.Next(cat, LiveEvery)) }
}

// set takes a summary's rows as the list's results.
func (lg *logState) set(s *accesslog.Summary) {
	if s == nil {
		s = &accesslog.Summary{}
	}
	lg.sum = s
	lg.results = lg.results[:0]
	lg.rows = make(map[entryKey][]int, len(s.Statuses))
	lg.lines = make(map[entryKey]int64, len(s.Statuses))
	lg.most = 0
	for i := range s.Statuses {
		r := lg.result(&s.Statuses[i])
		k := keyOf(r)
		if _, seen := lg.rows[k]; !seen {
			lg.results = append(lg.results, r)
		}
		lg.rows[k] = append(lg.rows[k], i)
		lg.lines[k] += s.Statuses[i].Count
		lg.most = max(lg.most, lg.lines[k])
	}
	// Rows merged into one result may move it up: most lines first.
	sortByLines(lg.results, lg.lines)
}

// sortByLines orders results by their lines, most first, stably.
func sortByLines(results []data.Result, lines map[entryKey]int64) {
	for i := 1; i < len(results); i++ {
		for j := i; j > 0 && lines[keyOf(results[j])] > lines[keyOf(results[j-1])]; j-- {
			results[j], results[j-1] = results[j-1], results[j]
		}
	}
}

// result is the entry a row of the summary is shown as: its meaning in
// the catalog; the code's first meaning when the log does not say which
// (the card's "Whose" says so); an entry made up for a code the catalog
// lacks.
func (lg *logState) result(r *accesslog.Status) data.Result {
	switch {
	case r.Entry != nil:
		return data.Result{Status: r.Entry, Sub: r.Sub}
	case len(r.Candidates) > 0:
		return data.Result{Status: r.Candidates[0]}
	}
	source := r.Vendor
	if source == "" {
		source = "this log"
	}
	name := madeName(r.Code, source)
	s := lg.made[name]
	if s == nil {
		// Its summary is what the narrow list's foot shows of it.
		phrase, summary := "not in the catalog", "The catalog has no entry for this code."
		if r.Note != "" {
			phrase, summary = "no catalog entry", r.Note
		}
		s = &data.Status{Code: r.Code, Phrase: phrase, Summary: summary, Category: data.CategoryOf(r.Code), Source: source}
		lg.made[name] = s
	}
	return data.Result{Status: s}
}

// madeUp reports whether s is an entry made up for a code the catalog
// lacks: it has evidence and no card.
func (lg *logState) madeUp(s *data.Status) bool {
	return s != nil && lg.made[madeName(s.Code, s.Source)] == s
}

func madeName(code int, source string) string { return data.FormatCode(code) + "\x00" + source }

func (lg *logState) linesOf(r data.Result) int64 { return lg.lines[keyOf(r)] }

// restrict keeps, of what a query resolved to in the catalog, the log's
// entries, most lines first: an entry the query matched, a sub-code of
// one (404 finds IIS's 404.3), an entry made up for a code the catalog
// lacks when the query holds its code or phrase. The nearest codes of a
// code the catalog lacks are not the log's: none are named.
func (lg *logState) restrict(res data.Resolution) data.Resolution {
	matched := make(map[entryKey]data.Result, len(res.Results))
	for _, r := range res.Results {
		matched[keyOf(r)] = r
	}
	q := strings.ToLower(res.Query.Text)
	var out []data.Result
	for _, r := range lg.results {
		m, ok := matched[keyOf(r)]
		switch {
		case res.Query.Empty():
			m, ok = r, true
		case ok:
		case r.Sub != nil:
			m, ok = matched[entryKey{r.Status, nil}]
			m.Status, m.Sub, m.Phrase, m.Hint = r.Status, r.Sub, nil, data.Hint{}
		case lg.madeUp(r.Status):
			code := r.Status.CodeString()
			ok = strings.Contains(code+" "+r.Status.Phrase+" "+strings.ToLower(r.Status.Source), q) || strings.Contains(q, code)
			m = r
		}
		if ok {
			out = append(out, m)
		}
	}
	res.Results, res.Missing = out, nil
	return res
}

// evidenceOf is what the log says of r, width cells wide.
func (lg *logState) evidenceOf(r data.Result, width int, st *ui.ExplorerStyles) ui.Rendered {
	c := &lg.evidence
	k := keyOf(r)
	if c.key == k && c.sum == lg.sum && c.width == width && c.styles == st {
		return c.r
	}
	rows := lg.rows[k]
	if len(rows) == 0 {
		return ui.Rendered{Mark: -1}
	}
	*c = evidenceCache{k, lg.sum, width, st, ui.LogEvidence(lg.sum, rows, &st.Styles, width)}
	return c.r
}

// caption says what the list shows, what changes first, since a narrow
// pane cuts it from the end: "live · 1,234 lines · stdin", "ended" once
// the input has, "44 lines · access.log" for a log read whole.
func (lg *logState) caption() string {
	var parts []string
	switch {
	case lg.live != nil && lg.err != nil:
		parts = append(parts, "ended: "+lg.err.Error())
	case lg.live != nil && lg.ended:
		parts = append(parts, "ended")
	case lg.live != nil:
		parts = append(parts, "live")
	}
	parts = append(parts, ui.Thousands(lg.sum.Lines)+" "+plural(lg.sum.Lines, "line"), ui.OneLine(lg.title))
	return strings.Join(parts, " · ")
}

// emptyText says why the list is empty.
func (lg *logState) emptyText(q data.Query) string {
	switch {
	case !q.Empty():
		return "No code of this log matches “" + ansi.Truncate(q.Text, 30, "…") + "”"
	case lg.live != nil && !lg.ended:
		return "Waiting for lines with a status…"
	}
	return "No line with a status"
}

func plural(n int64, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// LogState is the counts of the log shown when the explorer ended, whether
// its input had ended, and what ended it other than its end.
func (m *Model) LogState() (s *accesslog.Summary, ended bool, err error) {
	if lg := m.explorer.log; lg != nil {
		return lg.sum, lg.ended, lg.err
	}
	return &accesslog.Summary{}, false, nil
}
