package ui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strconv"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// CardOptions shape a card for where it is shown.
type CardOptions struct {
	// Width is the cells per line. Every line fits, except that without
	// Hyperlinks a URL is printed whole, since it is the only way to it.
	Width         int
	Hyperlinks    bool          // references as OSC 8 links
	NumberRelated bool          // prefix related codes with the digit that jumps to them
	Sub           *data.SubCode // a sub-code of the status to explain first
	// OmitLists leaves out the status's sub-codes and the names other
	// systems give it, for a caller that lists them after everything
	// else (SubCodeList, TermList).
	OmitLists bool
}

// Hit maps (the line of each related code here, each tab's cells in
// TabBar, each answer's lines in GuidePage) come back beside the text they
// are drawn in, rather than from lipgloss's Compositor.Hit: its layers are
// whole boxes, not the lines and words a click lands on.

// Rendered is text drawn to a width: a card, a comparison, a note. It has
// the width of each of its lines (so a pane can pad them without measuring
// again), the lines that name a related code (so a click on one can jump to
// it) and the line marked as where the reader came from.
type Rendered struct {
	Text    string
	Widths  []int       // cells per line
	Related map[int]int // line index -> related code
	Mark    int         // the line marked with Mark, -1 for none
}

// Mark marks what the reader came from: the sub-code a card was asked for,
// the code a comparison was opened on.
const Mark = "▸"

func (r Rendered) String() string { return r.Text }

const labelWidth = 12

// Card renders one status in full: title, class, summary, description and
// every field of the data model that it has.
func Card(s *data.Status, cat *data.Catalog, st *Styles, o CardOptions) Rendered {
	b := newBlock(o.Width)
	c := writeCard(&b, s, cat, st, o)
	return Rendered{Text: b.text(), Widths: b.widths, Related: c.related, Mark: c.mark}
}

// cardWriter writes one status into a block, a section at a time, and
// notes the lines that name a related code.
type cardWriter struct {
	*block
	p        *cardPaints
	o        CardOptions
	labelled bool // fields are labelled in a column; too narrow, above
	related  map[int]int
	mark     int // the line of the sub-code asked for, or -1
}

// writeCard writes the card of s into b, noting the lines (indexes into
// b) that name a related code and the sub-code asked for.
func writeCard(b *block, s *data.Status, cat *data.Catalog, st *Styles, o CardOptions) *cardWriter {
	c := &cardWriter{block: b, p: &st.card, o: o, labelled: b.width >= 40, related: map[int]int{}, mark: -1}
	if o.Sub != nil {
		c.subHeader(s, o.Sub, cat)
	}
	c.title(s)
	c.prose(s)
	c.fields(s, cat)
	if !o.OmitLists {
		c.subCodes(s, o.Sub)
		c.terms(cat.TermsOf(s), s.Code)
	}
	c.example(s)
	return c
}

// title is the code and phrase, then the class and standing.
func (c *cardWriter) title(s *data.Status) {
	code := s.CodeString()
	c.add(c.p.code[s.Category.Index()].on(code)+" ", len(code)+1, len(code)+1, span{c.p.bold, s.Phrase})
	c.add("", 0, 0, span{c.p.dim, meta(s)})
}

// prose is the summary and the description's paragraphs.
func (c *cardWriter) prose(s *data.Status) {
	c.blank()
	c.add("", 0, 0, span{c.p.bold, s.Summary})
	for _, para := range strings.Split(s.Description, "\n\n") {
		c.blank()
		c.add("", 0, 0, span{c.p.text, strings.TrimSpace(para)})
	}
	c.blank()
}

// fields are the labelled fields: former names, headers, related codes,
// cacheability, references and constants.
func (c *cardWriter) fields(s *data.Status, cat *data.Catalog) {
	p := c.p
	if len(s.Aliases) > 0 {
		c.field("Also known", value{spans: []span{{p.text, strings.Join(s.Aliases, ", ")}}})
	}
	if len(s.Headers) > 0 {
		c.field("Headers", value{spans: []span{{p.text, strings.Join(s.Headers, ", ")}}})
	}
	c.relatedCodes(s, cat)
	c.field("Cacheable", value{spans: []span{{p.text, cacheable(s)}}})
	var refs []value
	for _, r := range s.References {
		refs = append(refs, c.link(r.Title, r.URL), c.url(r.URL))
	}
	if v := provenance(s); v != "" {
		refs = append(refs, value{spans: []span{{p.dim, v}}})
	}
	c.field("Defined in", refs...)
	var consts []value
	for _, l := range data.Languages {
		v, ok := s.Constants[l.Key]
		if !ok {
			continue
		}
		consts = append(consts, value{lead: p.dim.on(l.Name + strings.Repeat(" ", constantWidth-len(l.Name))), leadW: constantWidth,
			spans: []span{{p.text, v}}, oneLine: true})
		if n, ok := s.ConstantNotes[l.Key]; ok {
			since := "since " + n.Since
			if n.Before != "" {
				since += "; before: " + n.Before
			}
			consts = append(consts, value{lead: strings.Repeat(" ", constantWidth), leadW: constantWidth, spans: []span{{p.dim, since}}})
		}
	}
	c.field("Constants", consts...)
}

// constantWidth is the column of a constant's language name.
const constantWidth = 8

// relatedCodes lists the codes people confuse with this one, numbered
// for the keys that jump to them when the card is in the explorer.
func (c *cardWriter) relatedCodes(s *data.Status, cat *data.Catalog) {
	p := c.p
	values := make([]value, len(s.Related))
	for i, code := range s.Related {
		var head []span // "1 404", before the phrase
		if c.o.NumberRelated && i < 9 {
			head = append(head, span{p.key, strconv.Itoa(i + 1)})
		}
		name := data.FormatCode(code)
		phrase, category, ok := cat.Brief(code)
		if !ok {
			values[i] = value{spans: append(head, span{p.text, name})}
			continue
		}
		head = append(head, span{p.code[category.Index()], name})
		v := value{spans: []span{{p.text, phrase}}}
		if code == s.Code { // the code's other meaning: say whose
			v.spans = append(v.spans, span{p.dim, "· " + cat.Lookup(code)[0].Source})
		}
		// The phrase goes on under itself, unless that leaves it too little room.
		if w := spansWidth(head) + 1; c.width-c.valueIndent()-w >= 2*w {
			for _, h := range head {
				v.lead += h.paint.on(h.text) + " "
			}
			v.leadW = w
		} else {
			v.spans = append(head, v.spans...)
		}
		values[i] = v
	}
	starts := c.field("Related", values...)
	for i, code := range s.Related {
		for l := starts[i]; l < starts[i+1]; l++ {
			c.related[l] = code
		}
	}
}

// link is a title that wraps like text and, on terminals that follow
// links, opens url from each of its lines.
func (c *cardWriter) link(title, url string) value {
	p := c.p.link
	if c.o.Hyperlinks {
		p = p.linked(url)
	}
	return value{spans: []span{{p, title}}}
}

// url is a URL as text, whole; printed where links are not followed, it
// may run past the width, since it is the only way to what it names.
func (c *cardWriter) url(url string) value {
	return value{spans: []span{{c.p.url, url}}, whole: true, overflow: !c.o.Hyperlinks}
}

// value is one value of a field: spans after a painted lead (a constant's
// language), continued under the spans; or, whole, a URL not to be broken;
// or, one line, a name cut to fit rather than broken.
type value struct {
	lead           string
	leadW          int
	spans          []span
	whole, oneLine bool
	overflow       bool
}

// valueIndent is where a field's values start.
func (c *cardWriter) valueIndent() int {
	if c.labelled {
		return labelWidth
	}
	return 2
}

// field writes a labelled list of values and returns the line each value
// starts on, plus the end.
func (c *cardWriter) field(name string, values ...value) []int {
	if len(values) == 0 {
		return nil
	}
	if !c.labelled {
		c.add("", 0, 0, span{c.p.label, name})
	}
	starts := make([]int, 0, len(values)+1)
	for i, v := range values {
		starts = append(starts, len(c.lines))
		lead, leadW := "  ", 2
		switch {
		case !c.labelled:
		case i == 0:
			pad := max(labelWidth-len(name), 1)
			lead, leadW = c.p.label.on(name)+strings.Repeat(" ", pad), len(name)+pad
		default:
			lead, leadW = strings.Repeat(" ", labelWidth), labelWidth
		}
		lead, leadW = lead+v.lead, leadW+v.leadW
		switch {
		case v.whole:
			c.whole(lead, leadW, v.spans[0], v.overflow)
		case v.oneLine:
			c.cut(lead, leadW, v.spans...)
		default:
			c.add(lead, leadW, leadW, v.spans...)
		}
	}
	return append(starts, len(c.lines))
}

// subHeader explains a sub-code, or a vocabulary's term, before the card
// of its status.
func (c *cardWriter) subHeader(s *data.Status, sub *data.SubCode, cat *data.Catalog) {
	p := c.p
	code := p.code[s.Category.Index()].on(sub.Code)
	if sub.Phrase == "" { // a term may have no title: its name says it
		c.line(code, len(sub.Code))
	} else {
		c.add(code+" ", len(sub.Code)+1, len(sub.Code)+1, span{p.bold, sub.Phrase})
	}
	how, title := sub.Source+" sub-code of "+s.Title(), sub.Source+" documentation"
	switch {
	case sub.Term != nil:
		how, title = termHow(sub.Term, cat), termLink(sub.Term)
	case !strings.Contains(sub.Code, "."):
		how = sub.Source + " error, sent with " + s.Title()
	}
	c.add("", 0, 0, span{p.dim, how})
	c.blank()
	c.add("", 0, 0, span{p.text, sub.Summary})
	doc := c.link(title, sub.URL)
	c.add("", 0, 0, doc.spans...)
	u := c.url(sub.URL)
	c.whole("", 0, u.spans[0], u.overflow)
	if sub.Checked != "" {
		c.add("", 0, 0, span{p.dim, "as documented by " + sub.Source + ", checked " + sub.Checked})
	}
	c.blank()
	c.add("", 0, 0, span{p.dim, strings.Repeat("─", min(c.width, 40))})
	c.blank()
}

// termHow says what a term is and which statuses it comes with: "AWS
// error code (Amazon Web Services), sent with 400 Bad Request or 429 Too
// Many Requests".
func termHow(t *data.Term, cat *data.Catalog) string {
	var with []string
	for _, code := range t.Statuses() {
		if phrase, _, ok := cat.Brief(code); ok {
			with = append(with, data.FormatCode(code)+" "+phrase)
		}
	}
	how := t.Vocabulary.Name
	if !strings.Contains(how, t.Vocabulary.Source) {
		how += " (" + t.Vocabulary.Source + ")"
	}
	if t.Status == 0 {
		return how + ", with no status: " + strings.Join(with, " or ")
	}
	return how + ", sent with " + strings.Join(with, " or ")
}

// termLink is the title of a term's reference: the vendor's page for it,
// or the vocabulary's first reference.
func termLink(t *data.Term) string {
	if t.URL != "" || len(t.Vocabulary.References) == 0 {
		return t.Vocabulary.Source + " documentation: " + t.Name
	}
	return t.Vocabulary.References[0].Title
}

// maxTermsPerLine is how many of one vocabulary's names a card lists for
// a status before it says how many more there are.
const maxTermsPerLine = 6

// terms lists, compactly, the names other systems give the status: one
// line per vocabulary.
func (c *cardWriter) terms(names []data.TermName, code int) {
	if len(names) == 0 {
		return
	}
	c.blank()
	c.add("", 0, 0, span{c.p.label, "Names for it in other systems"})
	for i := 0; i < len(names); {
		j := i
		var list []string
		for ; j < len(names) && names[j].Vocabulary == names[i].Vocabulary; j++ {
			if len(list) < maxTermsPerLine {
				n := names[j].Name
				if names[j].Status != code {
					n += " (usually " + data.FormatCode(names[j].Status) + ")"
				}
				list = append(list, n)
			}
		}
		line := names[i].VocabularyName() + ": " + strings.Join(list, ", ")
		if more := j - i - len(list); more > 0 {
			line += fmt.Sprintf(" and %d more", more)
		}
		c.add("  ", 2, 4, span{c.p.text, line})
		i = j
	}
}

// TermList is the names other systems give a status, as the card lists
// them, for printed output where they come after everything else.
func TermList(s *data.Status, cat *data.Catalog, st *Styles, width int) string {
	b := newBlock(width)
	c := &cardWriter{block: &b, p: &st.card, mark: -1}
	c.terms(cat.TermsOf(s), s.Code)
	return strings.TrimPrefix(b.text(), "\n")
}

// SubCodeList lists a status's sub-codes compactly, by vendor, several to
// a line, for printed output where they come after everything else;
// chosen, if any, is in bold. Items are packed here rather than wrapped by
// the block: a code and its phrase never part.
func SubCodeList(s *data.Status, chosen *data.SubCode, st *Styles, width int) string {
	b := newBlock(width)
	p := &st.card
	room := b.width - 2
	put := func(line string, w int) {
		if w > room {
			line, w = ansi.Truncate(line, room, "…"), room
		}
		b.line("  "+line, 2+w)
	}
	for i := 0; i < len(s.SubCodes); {
		j := i
		for j < len(s.SubCodes) && s.SubCodes[j].Source == s.SubCodes[i].Source {
			j++
		}
		b.blank()
		b.add("", 0, 0, span{p.label, s.SubCodes[i].Source + " sub-codes (httpstatus " + s.SubCodes[i].Code + " explains one):"})
		line, w := "", 0
		for _, sub := range s.SubCodes[i:j] {
			phrase := p.text
			if chosen != nil && sub.Code == chosen.Code {
				phrase = p.bold
			}
			item, iw := p.dim.on(sub.Code)+" "+phrase.on(sub.Phrase), textWidth(sub.Code+" "+sub.Phrase)
			switch {
			case line == "":
				line, w = item, iw
			case w+3+iw <= room:
				line, w = line+p.dim.on(" · ")+item, w+3+iw
			default:
				put(line, w)
				line, w = item, iw
			}
		}
		put(line, w)
		i = j
	}
	return strings.TrimPrefix(b.text(), "\n")
}

// subCodes lists the sub-codes vendors send with the status, by vendor,
// marking the one the card was asked for.
func (c *cardWriter) subCodes(s *data.Status, chosen *data.SubCode) {
	p := c.p
	for i := 0; i < len(s.SubCodes); {
		source := s.SubCodes[i].Source
		j, codeW := i, 0
		for ; j < len(s.SubCodes) && s.SubCodes[j].Source == source; j++ {
			codeW = max(codeW, len(s.SubCodes[j].Code))
		}
		c.blank()
		c.add("", 0, 0, span{p.label, source + " sub-codes"})
		for _, sub := range s.SubCodes[i:j] {
			lead, phrase := "  ", p.text
			if chosen != nil && sub.Code == chosen.Code {
				lead, phrase = p.key.on(Mark+" "), p.bold
				c.mark = len(c.lines)
			}
			leadW := 2 + codeW + 2
			c.add(lead+p.dim.on(sub.Code+strings.Repeat(" ", codeW-len(sub.Code)+2)), leadW, leadW, span{phrase, sub.Phrase})
		}
		i = j
	}
}

// example is a short response with the code, line by line.
func (c *cardWriter) example(s *data.Status) {
	if s.Example == "" {
		return
	}
	c.blank()
	c.add("", 0, 0, span{c.p.label, "Example"})
	for _, l := range strings.Split(s.Example, "\n") {
		c.add("  ", 2, 2, span{c.p.example, l})
	}
}

func meta(s *data.Status) string {
	var parts []string
	switch {
	case s.Code == 0:
		parts = append(parts, "No class: no HTTP response at all")
	case s.Category == data.NoClass:
		parts = append(parts, "No class: outside 100-599, not valid HTTP")
	default:
		parts = append(parts, s.Category.Class()+" "+s.Category.Title())
	}
	switch {
	case s.Temporary:
		parts = append(parts, "IANA registered (temporary)")
	case s.Official:
		parts = append(parts, "IANA registered")
	default:
		parts = append(parts, "unofficial: "+s.Source)
	}
	if s.Deprecated {
		parts = append(parts, "deprecated")
	}
	if s.Folklore {
		parts = append(parts, "folklore")
	}
	return strings.Join(parts, " · ")
}

// provenance says how current a vendor entry's facts are: "as documented
// by Cloudflare, checked 2026-12".
func provenance(s *data.Status) string {
	switch {
	case s.Checked == "":
		return ""
	case s.Folklore:
		return "documented by no vendor, checked " + s.Checked
	}
	return "as documented by " + s.Source + ", checked " + s.Checked
}

func cacheable(s *data.Status) string {
	if s.Cacheable {
		return "yes, heuristically cacheable by default (RFC 9110 §15.1)"
	}
	return "no, only with explicit freshness (Cache-Control, Expires)"
}
