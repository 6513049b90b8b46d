package ui

import (
	"strconv"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// outlineStep is the indent of each level of the outline; deep levels are
// capped so that narrow outlines keep room for text.
const outlineStep = 2

// GuideOutline renders the whole guide as an indented outline, for reading
// without a terminal: each question with its help, its answers, and under
// each answer the next question or, where the guide ends, "→ 201 Created:
// why". Every line fits width cells.
func GuideOutline(g *data.Guide, cat *data.Catalog, st *Styles, width int) string {
	p := &st.card
	b := newBlock(width)
	var node func(n *data.Node, level int)
	node = func(n *data.Node, level int) {
		in := min(level*outlineStep, b.width/2)
		pad := strings.Repeat(" ", in)
		b.add(pad, in, in, span{p.bold, n.Question})
		if n.Help != "" {
			b.add(pad, in, in, span{p.dim, n.Help})
		}
		for _, a := range n.Answers {
			if level == 0 {
				b.blank()
			}
			b.add(pad+p.dim.on("-")+" ", in+2, in+2, span{p.text, a.Label})
			if !a.Ends() {
				node(g.Node(a.Next), level+1)
				continue
			}
			deeper := min((level+1)*outlineStep, b.width/2)
			b.add(strings.Repeat(" ", deeper)+p.label.on("→")+" ", deeper+2, deeper+2, verdict(&a, cat, p, ":", span{p.text, a.Why})...)
		}
	}
	node(g.Start(), 0)
	return b.text()
}

// verdict is "201 Created" in the card's colours, then punct and more.
func verdict(a *data.Answer, cat *data.Catalog, p *cardPaints, punct string, more ...span) []span {
	s := a.Entry(cat)
	if s == nil { // a guide not checked against this catalog
		return append([]span{{p.code[data.CategoryOf(a.Code).Index()], data.FormatCode(a.Code) + punct}}, more...)
	}
	phrase := s.Phrase
	if !s.Official {
		phrase += " (" + s.Source + ")"
	}
	return append([]span{{p.code[s.Category.Index()], s.CodeString()}, {p.bold, phrase + punct}}, more...)
}

// GuidePage is one screen of the guide, drawn to a width: the lines, the
// width of each, and where answers and related codes sit, so that a click
// can choose one.
type GuidePage struct {
	Text   string
	Widths []int // cells per line
	// Answers are the lines [from, to) of each answer of a question page,
	// in order, what to scroll into view for the selected one; on a result
	// page, the one answer given: the code and why.
	Answers [][2]int
	// Related maps a line of a result page's card to the related code it
	// names, as Rendered.Related does for a card alone.
	Related map[int]int
}

func (b *block) page() GuidePage {
	return GuidePage{Text: b.text(), Widths: b.widths, Related: map[int]int{}}
}

// guidePath draws the questions answered so far, one entry each:
// "Did the request succeed? › No, and the client is at fault".
func guidePath(b *block, path []data.Step, p *cardPaints) {
	for _, s := range path {
		b.add("", 0, 2, span{p.dim, s.Node.Question}, span{p.label, "›"}, span{p.text, s.Answer().Label})
	}
	if len(path) > 0 {
		b.blank()
	}
}

// GuideQuestion draws a question of the guide: the path taken to it (so
// the user sees how they got here), the question and its help, then its
// answers numbered from 1, the selected one (an index into n.Answers;
// out of range marks none) marked. An answer that ends the guide shows its
// code ("→ 404"), coloured by class.
func GuideQuestion(path []data.Step, n *data.Node, selected int, st *Styles, width int) GuidePage {
	p := &st.card
	b := newBlock(width)
	guidePath(&b, path, p)
	b.add("", 0, 0, span{p.bold, n.Question})
	if n.Help != "" {
		b.add("", 0, 0, span{p.dim, n.Help})
	}
	b.blank()
	answers := make([][2]int, len(n.Answers))
	for i, a := range n.Answers {
		num := strconv.Itoa(i + 1)
		lead, text := "  "+p.dim.on(num)+" ", p.text
		if i == selected {
			lead, text = p.label.on("▌")+" "+p.key.on(num)+" ", p.bold
		}
		spans := []span{{text, a.Label}}
		if a.Ends() {
			// One word, so the arrow never ends a line without its code.
			spans = append(spans, span{p.code[data.CategoryOf(a.Code).Index()], "→\u00a0" + data.FormatCode(a.Code)})
		}
		from := len(b.lines)
		b.add(lead, 2+len(num)+1, 2+len(num)+1, spans...)
		answers[i] = [2]int{from, len(b.lines)}
	}
	page := b.page()
	page.Answers = answers
	return page
}

// GuideResult draws the end of the guide: the path taken, the last step
// being the answer that names the code; then the code, why it fits, and
// the code's card as Card draws it with o. A path that does not end at a
// code draws as the path alone.
func GuideResult(path []data.Step, cat *data.Catalog, st *Styles, o CardOptions) GuidePage {
	p := &st.card
	b := newBlock(o.Width)
	guidePath(&b, path, p)
	if len(path) == 0 || !path[len(path)-1].Answer().Ends() {
		return b.page()
	}
	a := path[len(path)-1].Answer()
	from := len(b.lines)
	b.add(p.label.on("→")+" ", 2, 2, verdict(a, cat, p, "")...)
	b.add("", 0, 0, span{p.text, a.Why})
	answer := [][2]int{{from, len(b.lines)}}
	var related map[int]int
	if s := a.Entry(cat); s != nil {
		b.blank()
		related = writeCard(&b, s, cat, st, o).related
	}
	page := b.page()
	page.Answers = answer
	for line, code := range related {
		page.Related[line] = code
	}
	return page
}
