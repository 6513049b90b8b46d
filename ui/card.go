package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

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
	// OmitSubCodes leaves the status's sub-codes out, for a caller that
	// lists them after the card (SubCodeList).
	OmitSubCodes bool
}

// Rendered is a card, the width of each of its lines (so a pane can pad
// them without measuring again) and the lines that name a related code, so
// a click on such a line can jump to it.
type Rendered struct {
	Text    string
	Widths  []int       // cells per line
	Related map[int]int // line index -> related code
}

func (r Rendered) String() string { return r.Text }

const labelWidth = 12

// Card renders one status in full: title, class, summary, description and
// every field of the data model that it has.
func Card(s *data.Status, cat *data.Catalog, st *Styles, o CardOptions) Rendered {
	c := cardWriter{width: max(o.Width, 1), related: map[int]int{}}
	p := &st.card
	text, bold, dim, label, urlText, example := p.text, p.bold, p.dim, p.label, p.url, p.example

	if o.Sub != nil {
		subHeader(&c, s, o.Sub, cat, st, o.Hyperlinks)
	}
	c.put(p.code[s.Category.Index()].on(s.CodeString())+" ", wrapped(bold, s.Phrase))
	c.put("", wrapped(dim, meta(s)))
	c.blank()
	c.put("", wrapped(bold, s.Summary))
	for _, p := range strings.Split(s.Description, "\n\n") {
		c.blank()
		c.put("", wrapped(text, strings.TrimSpace(p)))
	}
	c.blank()

	labelled := c.width >= 40
	// field writes a labelled list of values and returns the line each
	// value starts on, plus the end.
	field := func(name string, values ...cell) []int {
		if len(values) == 0 {
			return nil
		}
		if !labelled {
			c.put("", wrapped(label, name))
		}
		starts := make([]int, 0, len(values)+1)
		for i, v := range values {
			starts = append(starts, len(c.lines))
			switch {
			case !labelled:
				c.put("  ", v)
			case i == 0:
				c.put(label.on(name)+strings.Repeat(" ", max(labelWidth-len(name), 1)), v)
			default:
				c.put(strings.Repeat(" ", labelWidth), v)
			}
		}
		return append(starts, len(c.lines))
	}

	if len(s.Aliases) > 0 {
		field("Also known", wrapped(text, strings.Join(s.Aliases, ", ")))
	}
	if len(s.Headers) > 0 {
		field("Headers", wrapped(text, strings.Join(s.Headers, ", ")))
	}
	if len(s.Related) > 0 {
		var lines []cell
		for i, code := range s.Related {
			l := data.FormatCode(code)
			if phrase, category, ok := cat.Brief(code); ok {
				l = p.code[category.Index()].on(l) + " " + text.on(phrase)
				if code == s.Code { // the code's other meaning: say whose
					l += dim.on(" · " + cat.Lookup(code)[0].Source)
				}
			}
			if o.NumberRelated && i < 9 {
				l = p.key.on(strconv.Itoa(i+1)) + " " + l
			}
			lines = append(lines, mixed(l))
		}
		starts := field("Related", lines...)
		for i, code := range s.Related {
			for l := starts[i]; l < starts[i+1]; l++ {
				c.related[l] = code
			}
		}
	}
	field("Cacheable", wrapped(text, cacheable(s)))
	var refs []cell
	for _, r := range s.References {
		refs = append(refs, link(p.link, r.Title, r.URL, o.Hyperlinks), whole(urlText, r.URL, !o.Hyperlinks))
	}
	if v := provenance(s); v != "" {
		refs = append(refs, wrapped(dim, v))
	}
	field("Defined in", refs...)
	var consts []cell
	for _, l := range data.Languages {
		v, ok := s.Constants[l.Key]
		if !ok {
			continue
		}
		consts = append(consts, mixed(dim.on(l.Name+strings.Repeat(" ", 8-len(l.Name)))+text.on(v)))
		if n, ok := s.ConstantNotes[l.Key]; ok {
			note := "since " + n.Since
			if n.Before != "" {
				note += "; before: " + n.Before
			}
			consts = append(consts, indented(8, wrapped(dim, note)))
		}
	}
	field("Constants", consts...)
	if !o.OmitSubCodes {
		subCodes(&c, s, o.Sub, p)
	}
	terms(&c, cat.TermsOf(s), s.Code, p)
	if s.Example != "" {
		c.blank()
		c.put("", wrapped(label, "Example"))
		for _, l := range strings.Split(s.Example, "\n") {
			c.put("  ", wrapped(example, l))
		}
	}
	return Rendered{Text: strings.Join(c.lines, "\n"), Widths: c.widths, Related: c.related}
}

// subHeader explains a sub-code, or a vocabulary's term, before the card
// of its status.
func subHeader(c *cardWriter, s *data.Status, sub *data.SubCode, cat *data.Catalog, st *Styles, links bool) {
	p := &st.card
	code := p.code[s.Category.Index()].on(sub.Code)
	if sub.Phrase == "" {
		c.put("", mixed(code))
	} else {
		c.put(code+" ", wrapped(p.bold, sub.Phrase))
	}
	how, title := sub.Source+" sub-code of "+s.Title(), sub.Source+" documentation"
	switch {
	case sub.Term != nil:
		how, title = termHow(sub.Term, cat), termLink(sub.Term)
	case !strings.Contains(sub.Code, "."):
		how = sub.Source + " error, sent with " + s.Title()
	}
	c.put("", wrapped(p.dim, how))
	c.blank()
	c.put("", wrapped(p.text, sub.Summary))
	c.put("", link(p.link, title, sub.URL, links))
	c.put("", whole(p.url, sub.URL, !links))
	if sub.Checked != "" {
		c.put("", wrapped(p.dim, "as documented by "+sub.Source+", checked "+sub.Checked))
	}
	c.blank()
	c.put("", wrapped(p.dim, strings.Repeat("─", min(c.width, 40))))
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
func terms(c *cardWriter, names []data.TermName, code int, p *cardPaints) {
	if len(names) == 0 {
		return
	}
	c.blank()
	c.put("", wrapped(p.label, "Names for it in other systems"))
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
		v := wrapped(p.text, line)
		v.hang = 2
		c.put("  ", v)
		i = j
	}
}

// subCodes lists the sub-codes vendors send with the status, by vendor,
// marking the one the card was asked for.
func subCodes(c *cardWriter, s *data.Status, chosen *data.SubCode, p *cardPaints) {
	for i := 0; i < len(s.SubCodes); {
		source := s.SubCodes[i].Source
		j, codeW := i, 0
		for ; j < len(s.SubCodes) && s.SubCodes[j].Source == source; j++ {
			codeW = max(codeW, len(s.SubCodes[j].Code))
		}
		c.blank()
		c.put("", wrapped(p.label, source+" sub-codes"))
		for _, sub := range s.SubCodes[i:j] {
			lead, phrase := "  ", p.text
			if chosen != nil && sub.Code == chosen.Code {
				lead, phrase = p.key.on("▸ "), p.bold
			}
			c.put(lead+p.dim.on(sub.Code+strings.Repeat(" ", codeW-len(sub.Code)+2)), wrapped(phrase, sub.Phrase))
		}
		i = j
	}
}

// SubCodeList lists a status's sub-codes compactly, by vendor, several to
// a line, for printed output where they come after everything else;
// chosen, if any, is in bold.
func SubCodeList(s *data.Status, chosen *data.SubCode, st *Styles, width int) string {
	c := cardWriter{width: max(width, 1)}
	p := &st.card
	sep := p.dim.on(" · ")
	for i := 0; i < len(s.SubCodes); {
		j := i
		for j < len(s.SubCodes) && s.SubCodes[j].Source == s.SubCodes[i].Source {
			j++
		}
		c.blank()
		c.put("", wrapped(p.label, s.SubCodes[i].Source+" sub-codes (httpstatus "+s.SubCodes[i].Code+" explains one):"))
		line, room := "", c.width-2
		for _, sub := range s.SubCodes[i:j] {
			phrase := p.text
			if chosen != nil && sub.Code == chosen.Code {
				phrase = p.bold
			}
			item := p.dim.on(sub.Code) + " " + phrase.on(sub.Phrase)
			switch w := styledWidth(line); {
			case line == "":
				line = item
			case w+3+styledWidth(item) <= room:
				line += sep + item
			default:
				c.put("  ", mixed(line))
				line = item
			}
		}
		c.put("  ", mixed(line))
		i = j
	}
	return strings.Join(c.lines, "\n")
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

// cell is a value in a card: one style over plain text, which wraps, or a
// pre-styled mix, which is cut to fit instead (wrapping styled text would
// carry its escape codes across lines), or text that must not be broken.
type cell struct {
	paint  paint
	text   string
	mix    string
	indent int // extra cells before the value
	hang   int // extra cells before its continuation lines

	// unbroken text (a URL) goes whole on its own line when it does not
	// fit beside the label; when it does not fit the width either, it is
	// left out, or with overflow printed wider than the width.
	unbroken, overflow bool
	url                string // wrapped text that links here, line by line
}

func wrapped(p paint, text string) cell { return cell{paint: p, text: text} }
func mixed(styled string) cell          { return cell{mix: styled} }
func whole(p paint, text string, overflow bool) cell {
	return cell{paint: p, text: text, unbroken: true, overflow: overflow}
}
func indented(n int, v cell) cell { v.indent += n; return v }

// link is a title that wraps like text and, on terminals that follow
// links, opens url from each of its lines.
func link(p paint, title, url string, hyperlinks bool) cell {
	c := wrapped(p, title)
	if hyperlinks {
		c.url = url
	}
	return c
}

// cardWriter collects the card's lines, each at most width cells and each
// with its own complete escape codes.
type cardWriter struct {
	width   int
	lines   []string
	widths  []int
	related map[int]int
}

func (c *cardWriter) blank() {
	if n := len(c.lines); n > 0 && c.lines[n-1] != "" {
		c.lines = append(c.lines, "")
		c.widths = append(c.widths, 0)
	}
}

// put writes lead then v, continuing wrapped lines under v.
func (c *cardWriter) put(lead string, v cell) {
	if v.indent > 0 {
		lead += strings.Repeat(" ", v.indent)
	}
	indent := styledWidth(lead)
	if indent >= c.width {
		lead, indent = "", 0
	}
	room := c.width - indent
	if v.hang >= room {
		v.hang = 0
	}
	var lines []string
	var widths []int
	if v.unbroken && textWidth(v.text) > room {
		if textWidth(v.text) <= c.width || v.overflow {
			c.lines = append(c.lines, v.paint.on(v.text))
			c.widths = append(c.widths, textWidth(v.text))
		}
		return
	}
	if v.mix != "" {
		l := v.mix
		if w := styledWidth(l); w > room {
			l = ansi.Truncate(l, room, "…")
		}
		lines, widths = []string{l}, []int{styledWidth(l)}
	} else {
		for _, l := range wrapText(v.text, room-v.hang) {
			if v.url != "" {
				lines = append(lines, ansi.SetHyperlink(v.url)+v.paint.on(l)+ansi.ResetHyperlink())
			} else {
				lines = append(lines, v.paint.on(l))
			}
			widths = append(widths, textWidth(l))
		}
	}
	for i, l := range lines {
		if i == 0 {
			c.lines = append(c.lines, lead+l)
		} else {
			c.lines = append(c.lines, strings.Repeat(" ", indent+v.hang)+l)
		}
		c.widths = append(c.widths, indent+widths[i])
		if i > 0 {
			c.widths[len(c.widths)-1] += v.hang
		}
	}
}

// styledWidth is the width of styled text in cells. Escape codes take no
// cells, so text that is ASCII apart from them is measured by counting;
// anything else goes to ansi.StringWidth, which parses graphemes.
func styledWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\x1b' && i+1 < len(s) && s[i+1] == '[': // CSI: up to its final byte
			for i += 2; i < len(s) && (s[i] < 0x40 || s[i] > 0x7e); i++ {
			}
		case c == '\x1b' && i+1 < len(s) && s[i+1] == ']': // OSC: up to BEL or ST
			for i += 2; i < len(s) && s[i] != '\a' && !(s[i] == '\x1b' && i+1 < len(s) && s[i+1] == '\\'); i++ {
			}
			if i < len(s) && s[i] == '\x1b' {
				i++
			}
		case c < ' ' || c > '~':
			return ansi.StringWidth(s)
		default:
			n++
		}
	}
	return n
}

// textWidth is the width of unstyled text in cells.
func textWidth(s string) int {
	if isPlainASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// wrapText wraps unstyled text at spaces to width cells.
func wrapText(s string, width int) []string {
	if isPlainASCII(s) {
		return wrapASCII(s, width)
	}
	// ansi.Wrap can leave a line too wide when a hyphen meets a tiny width
	// ("outside 100-599" at 1 cell); hard-wrap what still does not fit.
	var lines []string
	for _, l := range strings.Split(ansi.Wrap(s, width, ""), "\n") {
		if ansi.StringWidth(l) > width {
			lines = append(lines, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
			continue
		}
		lines = append(lines, l)
	}
	return lines
}

// isPlainASCII reports whether s is printable ASCII without escape codes,
// where a byte is a cell and wrapping needs no grapheme parsing.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// wrapASCII wraps printable ASCII at spaces, splitting words longer than
// the width: the description paragraphs, the bulk of every card. Lines are
// built in one buffer: joining strings word by word cost more than the rest
// of the card.
func wrapASCII(s string, width int) []string {
	var lines []string
	line := make([]byte, 0, width)
	for _, word := range strings.Fields(s) {
		for len(word) > width {
			if len(line) > 0 {
				lines, line = append(lines, string(line)), line[:0]
			}
			lines, word = append(lines, word[:width]), word[width:]
		}
		switch {
		case len(line) == 0:
			line = append(line, word...)
		case len(line)+1+len(word) <= width:
			line = append(append(line, ' '), word...)
		default:
			lines, line = append(lines, string(line)), append(line[:0], word...)
		}
	}
	return append(lines, string(line))
}
