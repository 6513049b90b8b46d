package model

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// explorer is the list and detail screen: the filter, the list of the tab
// in front and the card of the entry selected, side by side when the
// terminal is wide, the card full screen on enter when it is narrow.
//
// What it lists comes from search: the catalog's resolver here; a list fed
// from elsewhere (the codes of a log) is another search with the same
// screen around it.
type explorer struct {
	*common
	search func(query string) data.Resolution

	filter  filterInput
	list    listPane
	card    cardPane
	focus   focus
	history []place // where jumps to related codes came from

	// paste is what the last pasted status line, response or log line
	// resolved to, kept while the filter shows what was taken from it
	// (pasted): the evidence of who answered is in the paste, not in the
	// filter's words.
	paste  *data.Resolution
	pasted string

	// empty says why nothing matched; nearest is set when the filter named
	// a code the catalog lacks, and the rows are then the nearest codes.
	empty, nearest string

	chosen string // the code chosen in pick mode, "" until then

	log *logState // the log whose codes the list holds; nil for the catalog

	width, height int
	lay           explorerLayout
	keys          explorerKeys
}

type focus int

const (
	focusList   focus = iota // the list, with the filter taking every printable key
	focusDetail              // the card, which takes no text
)

// wideWidth is where the card moves beside the list.
const wideWidth = 96

// maxFilterRunes bounds the filter line: longer is a paste, which the
// resolver reads as a query and shortens (a status line becomes "404 not
// found").
const maxFilterRunes = 200

func newExplorer(c *common, search func(query string) data.Resolution) *explorer {
	e := &explorer{
		common: c,
		search: search,
		filter: newFilterInput(maxFilterRunes),
		list:   newListPane(search("").Results),
		card:   newCardPane(),
		keys:   newExplorerKeys(),
	}
	e.refilter()
	return e
}

// explorerKeys are the list's keys, where typing is searching, and the
// card's, which takes no text and so answers to plain letters too: the
// same actions (acts) under other keys.
type explorerKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	Open, Choose, Clear, Leave            key.Binding
	List                                  actKeys

	Back key.Binding
	Card actKeys

	Paste, Click, ClickTab, Wheel, ClickRelated key.Binding // not keys: for the help
}

// actKeys are what both the list and the card do with the selected entry.
type actKeys struct {
	NextTab, PrevTab, Related, Previous, Copy, Compare, Guide key.Binding
}

func newExplorerKeys() explorerKeys {
	nextTab := binding("tab", "next category", "tab")
	prevTab := binding("shift+tab", "previous category", "shift+tab")
	guide := binding("ctrl+g", "choose a code", "ctrl+g")
	return explorerKeys{
		Up:       binding("↑/ctrl+p", "previous entry", "up", "ctrl+p"),
		Down:     binding("↓/ctrl+n", "next entry", "down", "ctrl+n"),
		PageUp:   binding("pgup", "page up", "pgup"),
		PageDown: binding("pgdn", "page down", "pgdown"),
		Home:     binding("home", "first entry", "home"),
		End:      binding("end", "last entry", "end"),
		Open:     binding("enter", "details", "enter"),
		Choose:   binding("enter", "choose", "enter"),
		Clear:    binding("esc", "clear filter", "esc"),
		Leave:    binding("esc", "quit (filter empty)", "esc"),
		List: actKeys{
			NextTab: nextTab, PrevTab: prevTab, Guide: guide,
			Related:  binding("alt+1-9", "related code", digits("alt+")...),
			Previous: binding("alt+←", "back from a jump", "alt+left"),
			Copy:     binding("ctrl+y", "copy", "ctrl+y"),
			Compare:  binding("ctrl+t", "compare", "ctrl+t"),
		},

		Back: binding("esc/q", "back to list", "esc", "q", "left", "backspace"),
		Card: actKeys{
			NextTab: nextTab, PrevTab: prevTab, Guide: guide,
			Related:  binding("1-9", "related code", append(digits(""), digits("alt+")...)...),
			Previous: binding("b", "back from a jump", "b", "alt+left"),
			Copy:     binding("y", "copy", "y", "ctrl+y"),
			Compare:  binding("c", "compare", "c", "ctrl+t"),
		},

		Paste:        binding("paste", "a status line, response or log line", "paste"),
		Click:        binding("click", "select a row; again for details", "click"),
		ClickTab:     binding("click tab", "show a category", "click tab"),
		Wheel:        binding("wheel", "move in the list, scroll the card", "wheel"),
		ClickRelated: binding("click code", "jump to a related code", "click code"),
	}
}

// updateKeys enables the bindings that work now, and only those:
// key.Matches ignores a disabled binding, and the footer and the help show
// the enabled ones.
func (e *explorer) updateKeys() {
	k := &e.keys
	r, sel := e.list.selected()
	related := sel && len(r.Status.Related) > 0 // a sub-code's card lists its status's
	family := e.family() != nil
	history := len(e.history) > 0
	typing := e.filter.Value() != ""
	k.Open.SetEnabled(sel)
	k.Choose.SetEnabled(sel && e.pick)
	k.Open.SetKeys("enter")
	k.Open.SetHelp("enter", "details")
	if e.pick {
		k.Open.SetKeys("ctrl+o")
		k.Open.SetHelp("ctrl+o", "details")
	}
	k.Clear.SetEnabled(typing)
	k.Leave.SetEnabled(!typing)
	k.List.Related.SetEnabled(related && e.lay.wide)
	k.Card.Related.SetEnabled(related)
	for _, a := range []*actKeys{&k.List, &k.Card} {
		a.Previous.SetEnabled(history)
		a.Copy.SetEnabled(sel)
		a.Compare.SetEnabled(family)
	}
	k.ClickRelated.SetEnabled(related)
	k.Back.SetHelp("esc/q", "back to list")
	if !e.lay.wide {
		k.Back.SetHelp("esc/q", "close")
	}
}

// ShortHelp is the footer's keys, most useful first: the footer drops
// from the end what does not fit.
func (e *explorer) ShortHelp() []key.Binding {
	k := e.keys
	if e.focus == focusDetail {
		a := k.Card
		return append(append([]key.Binding{k.Back}, e.card.shortHelp()...),
			a.Related, a.Previous, a.Copy, a.Compare, a.NextTab, a.Guide)
	}
	a := k.List
	return []key.Binding{k.Choose, k.Open, k.Clear, a.Related, a.Previous, a.Copy, a.Compare, a.Guide, a.NextTab}
}

// FullHelp is every key of where the keyboard is, for the help: those
// that work now, and the jumps, which work once there is somewhere to jump.
func (e *explorer) FullHelp() [][]key.Binding {
	k := e.keys
	like := "compare with codes like it"
	if e.focus == focusDetail {
		a := k.Card
		return [][]key.Binding{
			append(e.card.fullHelp(), a.NextTab, a.PrevTab),
			{k.Back, always(a.Related, ""), always(a.Previous, ""), a.Copy, always(a.Compare, like), a.Guide},
			{always(k.ClickRelated, "")},
		}
	}
	a := k.List
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, a.NextTab, a.PrevTab},
		{k.Choose, k.Open, k.Clear, k.Leave, always(a.Related, "related code, side by side"), always(a.Previous, ""),
			a.Copy, always(a.Compare, like), a.Guide},
		append(e.filter.keys.help(), k.Paste),
		{k.Click, k.ClickTab, always(k.ClickRelated, ""), k.Wheel},
	}
}

// always is a binding as the help lists it whether or not it works now,
// saying what it does as desc when that is not "".
func always(b key.Binding, desc string) key.Binding {
	b.SetEnabled(true)
	if desc != "" {
		b.SetHelp(b.Help().Key, desc)
	}
	return b
}

// typing reports whether the filter takes "?" as text: while it holds
// some, as fzf does.
func (e *explorer) typing() bool { return e.focus == focusList && e.filter.Value() != "" }

func (e *explorer) setSize(w, h int) {
	e.width, e.height = w, h
	e.refresh()
}

func (e *explorer) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		cmd = e.key(msg)
	case tea.PasteMsg:
		e.focus = focusList
		e.setQuery(e.filter.Value() + " " + msg.Content)
	case tea.MouseClickMsg:
		cmd = e.click(msg.Mouse())
	case tea.MouseWheelMsg:
		e.wheel(msg)
	}
	e.refresh()
	return cmd
}

// refresh lays the screen out for its size and focus, and brings the list's
// scroll, the card and the keys up to date.
func (e *explorer) refresh() {
	e.layout()
	e.list.scroll(e.lay.rows)
	if d := e.lay.detail.inner(); d.w > 0 {
		r, _ := e.list.selected()
		e.card.setSize(d.h)
		note := e.note(r, d.w-2*cardPad)
		withCard := true
		if e.log != nil && r.Status != nil {
			note = joinRendered(note, e.log.evidenceOf(r, d.w-2*cardPad, e.styles))
			withCard = !e.log.madeUp(r.Status)
		}
		e.card.show(r, note, withCard, d.w, e.cat, e.styles)
	}
	e.updateKeys()
}

func (e *explorer) key(msg tea.KeyPressMsg) tea.Cmd {
	if isText(msg) {
		e.focus = focusList
		e.edit(msg)
		return nil
	}
	if e.focus == focusDetail {
		return e.cardKey(msg)
	}
	return e.listKey(msg)
}

// listKey handles the list, where typing is searching: printable keys edit
// the filter, everything else is a command.
func (e *explorer) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &e.keys
	if cmd, ok := e.act(msg, &k.List); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Choose):
		r, _ := e.list.selected()
		e.chosen, _ = r.Names()
		return tea.Quit
	case key.Matches(msg, k.Open):
		e.focus = focusDetail // on a narrow screen, full screen
	case key.Matches(msg, k.Clear):
		e.filter.SetValue("")
		e.refilter()
	case key.Matches(msg, k.Leave):
		return tea.Quit // esc with nothing to clear leaves, as in fzf
	case key.Matches(msg, k.Up):
		e.list.move(-1)
	case key.Matches(msg, k.Down):
		e.list.move(1)
	case key.Matches(msg, k.PageUp):
		e.list.move(-e.lay.rows)
	case key.Matches(msg, k.PageDown):
		e.list.move(e.lay.rows)
	case key.Matches(msg, k.Home):
		e.list.move(-len(e.list.visible))
	case key.Matches(msg, k.End):
		e.list.move(len(e.list.visible))
	default:
		e.edit(msg)
	}
	return nil
}

// cardKey handles the card. It takes no text, so plain letters are
// commands here; any other printable key goes back to the list and starts
// typing.
func (e *explorer) cardKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := e.act(msg, &e.keys.Card); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, e.keys.Back):
		e.focus = focusList
	case e.card.key(msg):
	case typed(msg) != "":
		e.focus = focusList
		e.edit(msg)
	}
	return nil
}

// act does what the list and the card both do, under their own keys, and
// reports whether msg was one of those keys.
func (e *explorer) act(msg tea.KeyPressMsg, a *actKeys) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.NextTab):
		e.list.setTab(e.list.tab + 1)
	case key.Matches(msg, a.PrevTab):
		e.list.setTab(e.list.tab - 1)
	case key.Matches(msg, a.Related):
		return e.jumpRelated(digit(msg)), true
	case key.Matches(msg, a.Previous):
		e.back()
	case key.Matches(msg, a.Copy):
		return e.openMenu(), true
	case key.Matches(msg, a.Compare):
		return e.openCompare(), true
	case key.Matches(msg, a.Guide):
		return open(newGuide(e.common)), true
	default:
		return nil, false
	}
	return nil, true
}

// edit passes a key to the filter, and searches again when the text
// changed.
func (e *explorer) edit(msg tea.KeyPressMsg) {
	before := e.filter.Value()
	if e.filter.edit(msg) && e.filter.Value() != before {
		e.refilter()
	}
}

func (e *explorer) openMenu() tea.Cmd {
	if r, ok := e.list.selected(); ok {
		return open(newCopyMenu(e.common, r))
	}
	return nil
}

// family is the family of codes people confuse with the selected one.
func (e *explorer) family() *data.Family {
	if r, ok := e.list.selected(); ok && r.Sub == nil {
		return data.FamilyOf(r.Status)
	}
	return nil
}

func (e *explorer) openCompare() tea.Cmd {
	if f := e.family(); f != nil {
		r, _ := e.list.selected()
		return open(newCompare(e.common, f, r.Status))
	}
	return nil
}

// setQuery fills the filter from given or pasted text. A status line, log
// line or whole response shows as the codes and words the resolver took
// from it ("404 not found", "522 cloudflare"), and what it resolved to is
// kept while the filter shows that; anything else shows on one line.
func (e *explorer) setQuery(s string) {
	res := e.search(s)
	if !res.Query.Line {
		e.filter.SetValue(data.NormalizeQuery(s))
		e.refilter()
		return
	}
	text := res.Text()
	e.filter.SetValue(text)
	if e.filter.Value() == text { // not cut to the filter's limit
		e.paste, e.pasted = &res, text
	}
	e.refilter()
}

// refilter lists what the filter means and selects the first result. A
// code the catalog lacks shows the nearest codes instead of nothing, as
// the command line names them.
func (e *explorer) refilter() {
	q := e.filter.Value()
	if e.paste == nil || q != e.pasted {
		e.paste = nil
		res := e.search(q)
		e.setResults(&res)
		return
	}
	e.setResults(e.paste)
}

func (e *explorer) setResults(res *data.Resolution) {
	results := res.Results
	e.empty, e.nearest = "", ""
	if len(results) == 0 && e.log != nil {
		e.empty = e.log.emptyText(res.Query)
	} else if len(results) == 0 && !res.Query.Empty() {
		e.empty = "No status matches “" + ansi.Truncate(res.Query.Text, 30, "…") + "”"
		if len(res.Missing) > 0 {
			var near []string
			for _, c := range res.Missing[0].Nearest {
				near = append(near, data.FormatCode(c))
			}
			e.nearest = strings.Join(near, ", ")
			results, _ = e.cat.Codes(near)
		}
	}
	e.list.setResults(results, res.Query.Empty() && e.log == nil)
}

// note is what the paste the filter came from said of r's code, for above
// its card: what chose the meaning and who answered.
func (e *explorer) note(r data.Result, width int) ui.Rendered {
	if e.paste == nil || r.Status == nil {
		return ui.Rendered{}
	}
	code, _ := r.Names()
	for _, m := range e.paste.Meanings {
		if m.Code != code {
			continue
		}
		// The first of the code's results is the meaning that was chosen.
		chosen := false
		for _, o := range e.paste.Results {
			if c, _ := o.Names(); c == code {
				chosen = same(o, r)
				break
			}
		}
		return ui.Pasted(m, chosen, &e.styles.Styles, width)
	}
	return ui.Rendered{}
}

// setTab shows another category, as the tab bar does when clicked.
func (e *explorer) setTab(i int) {
	e.list.setTab(i)
	e.refresh()
}

// place is where the list was before a jump, for going back.
type place struct {
	filter string
	paste  *data.Resolution
	tab    int
	at     data.Result
}

// maxHistory bounds the jumps remembered for going back.
const maxHistory = 50

// jumpRelated selects the i-th related code of the selected entry.
func (e *explorer) jumpRelated(i int) tea.Cmd {
	if r, ok := e.list.selected(); ok && i >= 0 && i < len(r.Status.Related) {
		return e.jump(r.Status.Related[i])
	}
	return nil
}

// jump selects the entry a code stands for, clearing the filter and tab
// if they hide it, and remembers where it came from. A code stands for its
// first entry, the standard one when it has one: the entry a card names
// it by, so a vendor's 503 that lists 503 leads to IANA's. Over a log, it
// stands for the first the log holds, and a code the log lacks is said to
// be missing in the footer.
func (e *explorer) jump(code int) tea.Cmd {
	entries := e.cat.Lookup(code)
	if e.log != nil {
		entries = slices.DeleteFunc(slices.Clone(entries), func(s *data.Status) bool { return e.log.linesOf(data.Result{Status: s}) == 0 })
		if len(entries) == 0 {
			return status(data.FormatCode(code) + " is not in this log")
		}
	}
	if len(entries) == 0 {
		return nil
	}
	if r, ok := e.list.selected(); ok {
		e.history = append(e.history, place{e.filter.Value(), e.paste, e.list.tab, r})
		if len(e.history) > maxHistory {
			e.history = e.history[1:]
		}
	}
	e.selectEntry(entries[0])
	return nil
}

// selectEntry puts the cursor on an entry, clearing the filter and the tab if
// they hide it.
func (e *explorer) selectEntry(s *data.Status) {
	target := data.Result{Status: s}
	if !e.list.find(target) {
		e.filter.SetValue("")
		e.list.tab = 0
		e.refilter()
		e.list.find(target)
	}
}

// back returns to where the last jump came from.
func (e *explorer) back() {
	n := len(e.history)
	if n == 0 {
		return
	}
	p := e.history[n-1]
	e.history = e.history[:n-1]
	e.filter.SetValue(p.filter)
	e.paste, e.pasted = p.paste, p.filter
	e.list.tab = p.tab
	e.refilter()
	e.list.applyTab(p.at)
}

// show selects what another screen points at: the guide's answer, a code
// clicked on the guide's card.
func (e *explorer) show(m showMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case m.status == nil:
		cmd = e.jump(m.code)
	case e.log != nil && e.log.linesOf(data.Result{Status: m.status}) == 0:
		cmd = status(m.status.Title() + " is not in this log")
	default:
		e.selectEntry(m.status)
	}
	if m.detail && cmd == nil {
		e.focus = focusDetail
	}
	e.refresh()
	return cmd
}

// click selects a row, opens the card of the row already selected, or
// jumps to a related code clicked on the card.
func (e *explorer) click(mouse tea.Mouse) tea.Cmd {
	if mouse.Button != tea.MouseLeft {
		return nil
	}
	x, y := mouse.X, mouse.Y
	switch l := e.lay; {
	case l.list.contains(x, y):
		e.focus = focusList
		row := y - l.list.inner().y - filterLines - e.emptyLines()
		if i := e.list.offset + row; row >= 0 && i < len(e.list.visible) && row < l.rows-e.emptyLines() {
			if i == e.list.cursor && !e.pick {
				e.focus = focusDetail
			}
			e.list.cursor = i
		}
	case l.detail.contains(x, y):
		e.focus = focusDetail
		line := y - l.detail.inner().y + e.card.offset
		if code, ok := e.card.related[line]; ok {
			return e.jump(code)
		}
	}
	return nil
}

// wheel scrolls the card under the pointer, or moves in the list.
func (e *explorer) wheel(msg tea.MouseWheelMsg) {
	m := msg.Mouse()
	if e.lay.detail.contains(m.X, m.Y) {
		e.card.wheel(msg)
		return
	}
	switch m.Button {
	case tea.MouseWheelUp:
		e.list.move(-1)
	case tea.MouseWheelDown:
		e.list.move(1)
	}
}

// explorerLayout is where the list and the card go for the screen's size
// and focus.
type explorerLayout struct {
	wide         bool
	list, detail rect // zero when hidden
	rows         int  // list rows that fit
	preview      bool // a narrow list shows the selected summary at its foot
}

// List geometry: the list pane's filter line sits above its rows, and a
// narrow list tall enough keeps a few lines at its foot for the summary.
const (
	filterLines    = 1
	previewLines   = 5 // a rule, three lines of summary, "enter: details"
	previewMinRows = 14
)

// layout places the list and the card: side by side when wide; when
// narrow, the card full screen while it has the keyboard.
func (e *explorer) layout() {
	l := explorerLayout{wide: e.width >= wideWidth}
	body := rect{0, 0, e.width, e.height}
	switch {
	case l.wide:
		listW := min(max(e.width*2/5, 36), 56)
		l.list = rect{0, 0, listW, e.height}
		l.detail = rect{listW, 0, e.width - listW, e.height}
	case e.focus == focusDetail:
		l.detail = body
	default:
		l.list = body
	}
	l.rows = max(l.list.inner().h-filterLines, 1)
	if !l.wide && l.list.h >= previewMinRows {
		l.preview = true
		l.rows -= previewLines
	}
	e.lay = l
}

// emptyLines are the lines above the rows saying why nothing matched.
func (e *explorer) emptyLines() int {
	if e.empty != "" {
		return 2
	}
	return 0
}

// view draws the list and the card, side by side or one of them.
func (e *explorer) view() string {
	var list, detail []string
	if e.lay.list.w > 0 {
		list = exactly(e.listView(), e.height, e.lay.list.w)
	}
	if e.lay.detail.w > 0 {
		detail = exactly(e.detailView(), e.height, e.lay.detail.w)
	}
	switch {
	case list == nil:
		return strings.Join(detail, "\n")
	case detail == nil:
		return strings.Join(list, "\n")
	}
	n := len(list) - 1
	for i := range list {
		n += len(list[i]) + len(detail[i])
	}
	var b strings.Builder
	b.Grow(n)
	for i := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(list[i])
		b.WriteString(detail[i])
	}
	return b.String()
}

// The filter line's prompt, and what it shows while empty.
const (
	filterPrompt      = "/ "
	filterPlaceholder = "type a code, words or a status line"
)

func (e *explorer) listView() string {
	r := e.lay.list
	inner := r.inner().w
	st := e.styles
	lines := []string{e.filterLine(inner)}
	if e.empty != "" {
		lines = append(lines, ui.Fit(st.Summary.Render(" "+e.empty), inner, 1))
		if e.nearest != "" {
			lines = append(lines, ui.Fit(st.Dim.Render(" nearest: "+e.nearest), inner, 1))
		} else {
			lines = append(lines, ui.Fit(st.Dim.Render(" try fewer words, a code (404) or a class (4xx)"), inner, 1))
		}
	}
	lines = append(lines, e.list.rows(e.lay.rows-e.emptyLines(), inner, st)...)
	if e.lay.preview {
		p := e.preview(inner)
		for len(lines) < r.inner().h-len(p) {
			lines = append(lines, spaces(inner))
		}
		lines = append(lines, p...)
	}
	caption := ""
	if e.log != nil {
		caption = e.log.caption()
	}
	return ui.Box(lines, tabs[e.list.tab].title, caption, r.w, r.h, e.focus == focusList, st)
}

// preview is the foot of a narrow list: a rule and the selected entry's
// summary, at most three lines of it, then how to see the rest.
func (e *explorer) preview(inner int) []string {
	st := e.styles
	r, ok := e.list.selected()
	out := []string{ui.Fit(st.Dim.Render(" "+strings.Repeat("─", max(inner-2, 0))), inner, 1)}
	if !ok || inner < 10 {
		return out
	}
	summary := r.Status.Summary
	if r.Sub != nil {
		summary = r.Sub.Summary
	}
	lines := strings.Split(ansi.Wrap(summary, inner-2, ""), "\n")
	if len(lines) > previewLines-2 {
		lines = append(lines[:previewLines-3], ansi.Truncate(lines[previewLines-3]+" "+lines[previewLines-2], inner-2, "…"))
	}
	for _, l := range lines {
		out = append(out, ui.Fit(" "+l, inner, 1))
	}
	open := e.keys.Open.Help()
	hint := open.Key + ": " + open.Desc
	if e.pick {
		hint = "enter: choose · " + hint
	}
	return append(out, ui.Fit(st.Dim.Render(" "+hint), inner, 1))
}

// filterLine is the filter input with the match position on the right.
func (e *explorer) filterLine(width int) string {
	pos := ""
	if n := len(e.list.visible); n > 0 {
		pos = strconv.Itoa(e.list.cursor+1) + "/" + strconv.Itoa(n)
	}
	left := e.filter.view(filterPrompt, filterPlaceholder, width-len(pos)-1, e.focus == focusList, e.styles)
	gap := width - ansi.StringWidth(left) - len(pos)
	if gap < 1 {
		return ui.Fit(left, width, 1)
	}
	return left + spaces(gap) + e.styles.Dim.Render(pos)
}

func (e *explorer) detailView() string {
	r := e.lay.detail
	title := "Details"
	if sel, ok := e.list.selected(); ok {
		code, phrase := sel.Names()
		title = code + " " + phrase
	} else if e.empty != "" {
		return ui.Box(e.queryHelp(r.inner().w), title, "", r.w, r.h, e.focus == focusDetail, e.styles)
	}
	return e.card.box(title, r.w, e.focus == focusDetail, e.styles)
}

// queryHelp fills the card's pane when nothing matches: what a query can
// be.
func (e *explorer) queryHelp(inner int) []string {
	var out []string
	for _, l := range []string{
		"", "A query can be:",
		"  a code            404, 301 308, 404.3, 1020",
		"  a class           4xx, 40x, 5",
		"  words             rate limit, not found, throttled",
		"  a code and words  499 nginx, 420 twitter",
		"  a pasted line     HTTP/1.1 502 Bad Gateway, status=503",
	} {
		out = append(out, ui.Fit(" "+l, inner, 1))
	}
	return out
}
