package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// Hand-written rather than bubbles' list: a keystroke draws only the rows
// in view with pre-rendered paints (ui.Row), where list.Model renders every
// item through lipgloss and filters with its own ranking, not ours.

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
// tabs, how many each tab holds, the tab in front and its rows, the cursor
// and the first row shown.
type listPane struct {
	results []data.Result
	counts  []int // results per tab
	totals  []int // entries per tab with no filter
	tab     int
	visible []int // indexes into results: the current tab's rows
	cursor  int   // index into visible
	offset  int   // first visible row
	grouped bool  // the vendor tab groups its rows by vendor

	// lines are a log's lines of a result, which its row shows and its
	// tab counts; nil for the catalog, where a tab counts entries.
	lines func(data.Result) int64
	most  int64 // the most lines of any row, which sets their column
}

func newListPane(all []data.Result) listPane {
	return listPane{totals: countTabs(nil, all, nil)}
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

// setResults shows new results, grouped by vendor on the vendor tab when
// they are every entry (what tells Cloudflare's 52x from the others), and
// selects the first.
func (l *listPane) setResults(results []data.Result, grouped bool) {
	l.results, l.grouped = results, grouped
	l.counts = countTabs(l.counts, results, l.lines)
	l.applyTab(data.Result{})
}

// countTabs counts results per tab into counts, or with lines the lines
// of each.
func countTabs(counts []int, results []data.Result, lines func(data.Result) int64) []int {
	counts = append(counts[:0], make([]int, len(tabs))...)
	for _, r := range results {
		n := 1
		if lines != nil {
			n = int(lines(r))
		}
		for i, t := range tabs {
			if t.keep(r.Status) {
				counts[i] += n
			}
		}
	}
	return counts
}

// applyTab recomputes the visible rows for the current tab and keeps keep
// selected if it is still there, else selects the first row.
func (l *listPane) applyTab(keep data.Result) {
	l.visible = l.visible[:0]
	l.cursor, l.offset = 0, 0
	for i, r := range l.results {
		if tabs[l.tab].keep(r.Status) {
			l.visible = append(l.visible, i)
		}
	}
	if l.tab == vendorTab && l.grouped {
		slices.SortStableFunc(l.visible, func(a, b int) int {
			return cmp.Compare(strings.ToLower(l.results[a].Status.Source), strings.ToLower(l.results[b].Status.Source))
		})
	}
	l.find(keep)
}

// find puts the cursor on r if it is in view, and reports whether it was.
func (l *listPane) find(r data.Result) bool {
	for i, v := range l.visible {
		if same(l.results[v], r) {
			l.cursor = i
			return true
		}
	}
	return false
}

// same reports whether two results show the same entry or sub-code.
func same(a, b data.Result) bool { return a.Status == b.Status && a.Sub == b.Sub }

func (l *listPane) setTab(i int) {
	keep, _ := l.selected()
	l.tab = (i + len(tabs)) % len(tabs)
	l.applyTab(keep)
}

// tabBar is the tabs as the tab bar draws them, with room for the counts
// of an empty filter (totals), so nothing moves while the user types.
func (l *listPane) tabBar() []ui.Tab {
	out := make([]ui.Tab, len(tabs))
	for i, t := range tabs {
		out[i] = ui.Tab{Long: t.long, Short: t.short, Count: l.counts[i], Max: max(l.totals[i], l.counts[i])}
	}
	return out
}

// rows draws up to n rows from the first shown, each width cells.
func (l *listPane) rows(n, width int, st *ui.ExplorerStyles) []string {
	var out []string
	for i := l.offset; i < len(l.visible) && i < l.offset+n; i++ {
		r := l.results[l.visible[i]]
		if l.lines != nil {
			out = append(out, ui.CountedRow(r, l.lines(r), l.most, st, width, i == l.cursor))
			continue
		}
		out = append(out, ui.Row(r, st, width, i == l.cursor))
	}
	return out
}
