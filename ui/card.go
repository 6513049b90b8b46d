package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// CardOptions shape a card for where it is shown.
type CardOptions struct {
	Width         int  // cells per line; every line fits
	Hyperlinks    bool // references as OSC 8 links
	NumberRelated bool // prefix related codes with the digit that jumps to them
}

// Rendered is a card and the lines that name a related code, so a click on
// such a line can jump to it.
type Rendered struct {
	Text    string
	Related map[int]int // line index -> related code
}

func (r Rendered) String() string { return r.Text }

// constantLanguages orders the language constants in a card.
var constantLanguages = []struct{ key, name string }{
	{"go", "Go"}, {"python", "Python"}, {"java", "Java"}, {"spring", "Spring"},
	{"dotnet", ".NET"}, {"rust", "Rust"}, {"rails", "Rails"}, {"node", "Node"},
}

const labelWidth = 12

// Card renders one status in full: title, class, summary, description and
// every field of the data model that it has.
func Card(s *data.Status, cat *data.Catalog, st Styles, o CardOptions) Rendered {
	w := max(o.Width, 1)
	c := cardWriter{width: w, related: map[int]int{}}

	c.wrap(st.CodeStyle(s).Render(s.CodeString()) + " " + st.Summary.Render(s.Phrase))
	c.wrap(st.Dim.Render(meta(s)))
	c.blank()
	c.wrap(st.Summary.Render(s.Summary))
	for _, p := range strings.Split(s.Description, "\n\n") {
		c.blank()
		c.wrap(strings.TrimSpace(p))
	}
	c.blank()

	labelled := w >= 40
	// field writes a labelled list of values and returns the line each
	// value starts on, plus the end.
	field := func(label string, values ...string) []int {
		if len(values) == 0 {
			return nil
		}
		if !labelled {
			c.wrap(st.Label.Render(label))
		}
		starts := make([]int, 0, len(values)+1)
		for i, v := range values {
			starts = append(starts, len(c.lines))
			switch {
			case !labelled:
				c.indented(2, v)
			case i == 0:
				c.hanging(st.Label.Render(label)+strings.Repeat(" ", max(labelWidth-len(label), 1)), v)
			default:
				c.hanging(strings.Repeat(" ", labelWidth), v)
			}
		}
		return append(starts, len(c.lines))
	}

	if len(s.Aliases) > 0 {
		field("Also known", strings.Join(s.Aliases, ", "))
	}
	if len(s.Headers) > 0 {
		field("Headers", strings.Join(s.Headers, ", "))
	}
	if len(s.Related) > 0 {
		var lines []string
		for i, code := range s.Related {
			l := data.FormatCode(code)
			if e := cat.Lookup(code); len(e) > 0 {
				l = st.CodeStyle(e[0]).Render(l) + " " + e[0].Phrase
			}
			if o.NumberRelated && i < 9 {
				l = st.Key.Render(strconv.Itoa(i+1)) + " " + l
			}
			lines = append(lines, l)
		}
		starts := field("Related", lines...)
		for i, code := range s.Related {
			for l := starts[i]; l < starts[i+1]; l++ {
				c.related[l] = code
			}
		}
	}
	field("Cacheable", cacheable(s))
	var refs []string
	for _, r := range s.References {
		title := st.Link.Render(r.Title)
		if o.Hyperlinks {
			title = ansi.SetHyperlink(r.URL) + title + ansi.ResetHyperlink()
		}
		refs = append(refs, title, st.URL.Render(r.URL))
	}
	field("Defined in", refs...)
	var consts []string
	for _, l := range constantLanguages {
		if v, ok := s.Constants[l.key]; ok {
			consts = append(consts, st.Dim.Render(l.name+strings.Repeat(" ", 8-len(l.name)))+v)
		}
	}
	field("Constants", consts...)
	if s.Example != "" {
		c.blank()
		c.wrap(st.Label.Render("Example"))
		for _, l := range strings.Split(s.Example, "\n") {
			c.indented(2, st.Example.Render(l))
		}
	}
	return Rendered{Text: strings.Join(c.lines, "\n"), Related: c.related}
}

func meta(s *data.Status) string {
	parts := []string{s.Category.Class() + " " + s.Category.Title()}
	if s.Official {
		parts = append(parts, "IANA registered")
	} else {
		parts = append(parts, "unofficial: "+s.Source)
	}
	if s.Deprecated {
		parts = append(parts, "deprecated")
	}
	return strings.Join(parts, " · ")
}

func cacheable(s *data.Status) string {
	if s.Cacheable {
		return "yes, heuristically cacheable by default (RFC 9110 §15.1)"
	}
	return "no, only with explicit freshness (Cache-Control, Expires)"
}

// cardWriter collects the card's lines, each at most width cells.
type cardWriter struct {
	width   int
	lines   []string
	related map[int]int
}

func (c *cardWriter) blank() {
	if n := len(c.lines); n > 0 && c.lines[n-1] != "" {
		c.lines = append(c.lines, "")
	}
}

func (c *cardWriter) wrap(s string) {
	c.lines = append(c.lines, strings.Split(ansi.Wrap(s, c.width, ""), "\n")...)
}

// hanging writes lead then s, continuing wrapped lines under s.
func (c *cardWriter) hanging(lead, s string) {
	indent := ansi.StringWidth(lead)
	if indent >= c.width {
		c.wrap(lead)
		c.wrap(s)
		return
	}
	for i, l := range strings.Split(fit(s, c.width-indent), "\n") {
		if i == 0 {
			c.lines = append(c.lines, lead+l)
		} else {
			c.lines = append(c.lines, strings.Repeat(" ", indent)+l)
		}
	}
}

func (c *cardWriter) indented(n int, s string) {
	c.hanging(strings.Repeat(" ", min(n, c.width-1)), s)
}

// fit wraps text to width; hyperlinked text, which must not be split, is
// truncated instead.
func fit(s string, width int) string {
	width = max(width, 1)
	if strings.Contains(s, "\x1b]8;") {
		return ansi.Truncate(s, width, "…")
	}
	return ansi.Wrap(s, width, "")
}
