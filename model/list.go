package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// tab is one category tab: its labels, the list's title when it is in
// front, and which entries it shows.
type tab struct {
	long, short, title string
	keep               func(*data.Status) bool
}

// tabs are All, the five classes, the codes of no class and, last, every
// entry that is not an IANA code.
var tabs = func() []tab {
	t := []tab{{"All", "All", "All", func(*data.Status) bool { return true }}}
	longs := []string{"1xx Info", "2xx Success", "3xx Redirect", "4xx Client", "5xx Server", "Other"}
	for i, c := range data.Categories {
		short, title := c.Class(), c.Class()+" "+c.Title()
		if c == data.NoClass {
			short, title = "Other", "000 and codes outside 100-599"
		}
		t = append(t, tab{longs[i], short, title, func(s *data.Status) bool { return s.Category == c }})
	}
	return append(t, tab{"Vendor", "Vendor", "Vendor codes", func(s *data.Status) bool { return !s.Official }})
}()

var vendorTab = len(tabs) - 1

// listPane is the list's state: the results of the filter across all
// tabs, how many each tab holds, the rows of the current tab, the cursor
// and the first row shown.
type listPane struct {
	results []data.Result
	counts  []int // results per tab
	totals  []int // entries per tab with no filter
	visible []int // indexes into results: the current tab's rows
	cursor  int   // index into visible
	offset  int   // first visible row

	// empty says why nothing matched; nearest is set when the filter named
	// a code the catalog lacks, and the rows are then the nearest codes.
	empty, nearest string
}

func (l *listPane) selected() (data.Result, bool) {
	if l.cursor < len(l.visible) {
		return l.results[l.visible[l.cursor]], true
	}
	return data.Result{}, false
}

func (l *listPane) move(delta int) {
	if len(l.visible) > 0 {
		l.cursor = min(max(l.cursor+delta, 0), len(l.visible)-1)
	}
}

// scroll keeps the cursor among the rows shown.
func (l *listPane) scroll(rows int) {
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(min(l.offset, len(l.visible)-rows), 0)
}

// refilter runs the search for the filter text and selects the best match.
// A code the catalog lacks shows the nearest codes instead of nothing, as
// the command line names them.
func (m *Model) refilter() {
	res := m.cat.Resolve(m.filter.Value())
	l := &m.list
	l.results, l.empty, l.nearest = res.Results, "", ""
	if len(l.results) == 0 && !res.Query.Empty() {
		l.empty = "No status matches “" + ellipsis(res.Query.Text, 30) + "”"
		if len(res.Missing) > 0 {
			var near []string
			for _, c := range res.Missing[0].Nearest {
				near = append(near, data.FormatCode(c))
			}
			l.nearest = strings.Join(near, ", ")
			l.results, _ = m.cat.Codes(near)
		}
	}
	l.counts = countTabs(l.counts, l.results)
	m.applyTab(data.Result{})
}

// countTabs counts results per tab into counts.
func countTabs(counts []int, results []data.Result) []int {
	counts = append(counts[:0], make([]int, len(tabs))...)
	for _, r := range results {
		for i, t := range tabs {
			if t.keep(r.Status) {
				counts[i]++
			}
		}
	}
	return counts
}

// applyTab recomputes the visible rows for the current tab and keeps keep
// selected if it is still there, else selects the first row. Without a
// filter the vendor tab is grouped by vendor, which is what tells Cloudflare's
// 52x from the others.
func (m *Model) applyTab(keep data.Result) {
	l := &m.list
	l.visible = l.visible[:0]
	l.cursor, l.offset = 0, 0
	for i, r := range l.results {
		if tabs[m.tab].keep(r.Status) {
			l.visible = append(l.visible, i)
		}
	}
	if m.tab == vendorTab && m.filter.Value() == "" {
		slices.SortStableFunc(l.visible, func(a, b int) int {
			return cmp.Compare(strings.ToLower(l.results[a].Status.Source), strings.ToLower(l.results[b].Status.Source))
		})
	}
	for i, r := range l.visible {
		if same(l.results[r], keep) {
			l.cursor = i
		}
	}
}

// same reports whether two results show the same entry or sub-code.
func same(a, b data.Result) bool { return a.Status == b.Status && a.Sub == b.Sub }

func (m *Model) setTab(i int) {
	keep, _ := m.list.selected()
	m.tab = (i + len(tabs)) % len(tabs)
	m.applyTab(keep)
}

// uiTabs are the tabs as the tab bar draws them, with room for the counts
// of an empty filter (totals), so nothing moves while the user types.
func (m *Model) uiTabs() []ui.Tab {
	out := make([]ui.Tab, len(tabs))
	for i, t := range tabs {
		out[i] = ui.Tab{Long: t.long, Short: t.short, Count: m.list.counts[i], Max: max(m.list.totals[i], m.list.counts[i])}
	}
	return out
}

// place is where the explorer was before a jump, for going back.
type place struct {
	filter string
	tab    int
	at     data.Result
}

// maxHistory bounds the jumps remembered for going back.
const maxHistory = 50

// jump selects the entry a related code stands for, clearing the filter
// and tab if they hide it, and remembers where it came from. A code stands
// for its first entry, the standard one when it has one: the entry the
// card names it by, so a vendor's 503 that lists 503 leads to IANA's.
func (m *Model) jump(code int) {
	entries := m.cat.Lookup(code)
	if len(entries) == 0 {
		return
	}
	target := entries[0]
	if r, ok := m.list.selected(); ok {
		m.history = append(m.history, place{m.filter.Value(), m.tab, r})
		if len(m.history) > maxHistory {
			m.history = m.history[1:]
		}
	}
	for pass := 0; pass < 2; pass++ {
		for i, r := range m.list.visible {
			if res := m.list.results[r]; res.Status == target && res.Sub == nil {
				m.list.cursor = i
				return
			}
		}
		m.filter.SetValue("")
		m.tab = 0
		m.refilter()
	}
}

// back returns to where the last jump came from.
func (m *Model) back() {
	n := len(m.history)
	if n == 0 {
		return
	}
	p := m.history[n-1]
	m.history = m.history[:n-1]
	m.filter.SetValue(p.filter)
	m.tab = p.tab
	m.refilter()
	m.applyTab(p.at)
}

// paste filters by pasted text. A pasted status line, log line or whole
// response selects its code: the filter shows what the query took from it.
func (m *Model) paste(s string) {
	m.focus = focusList
	m.filter.SetValue(filterText(m.cat, m.filter.Value()+" "+s))
	m.refilter()
}

// ellipsis cuts s to n runes.
func ellipsis(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
