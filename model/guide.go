package model

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// guideScreen is the choose guide: the questions answered so far, the
// question in front and its selected answer, or, once an answer names a
// code, that code with why and its card.
type guideScreen struct {
	*common
	g        *data.Guide
	path     []data.Step
	node     *data.Node // the question in front; nil at the answer
	selected int
	page     ui.GuidePage
	pager
	width int
	keys  guideKeys
}

type guideKeys struct {
	Up, Down, Take, Pick, Back, Open, Close key.Binding
	Click                                   key.Binding // not a key: for the help
}

func newGuide(c *common) *guideScreen {
	g := data.LoadGuide()
	return &guideScreen{common: c, g: g, node: g.Start(), pager: newPager(), keys: guideKeys{
		Up:    binding("↑", "previous answer", "up", "k"),
		Down:  binding("↓", "next answer", "down", "j"),
		Take:  binding("enter", "answer", "enter"),
		Pick:  binding("1-9", "answer", digits("")...),
		Back:  binding("←", "previous question", "left", "backspace"),
		Open:  binding("enter", "open it", "enter"),
		Close: closeKeys(),
		Click: binding("click", "answer; on the card, a related code", "click"),
	}}
}

// updateKeys turns on the question's keys or the answer's.
func (s *guideScreen) updateKeys() {
	k := &s.keys
	asking := s.node != nil
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Take, &k.Pick} {
		b.SetEnabled(asking)
	}
	k.Open.SetEnabled(!asking)
	k.Back.SetEnabled(len(s.path) > 0)
	if !asking {
		verb := "open "
		if s.pick {
			verb = "choose " // code=$(httpstatus choose)
		}
		k.Open.SetHelp("enter", verb+data.FormatCode(s.answer().Code))
	}
}

func (s *guideScreen) ShortHelp() []key.Binding {
	k := s.keys
	return append(append([]key.Binding{k.Take, k.Open}, s.shortHelp()...), k.Close, k.Back)
}

func (s *guideScreen) FullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{{k.Up, k.Down, k.Take, k.Pick, k.Open, k.Back, k.Close}, s.fullHelp(), {k.Click}}
}

// answer is the answer that ended the guide.
func (s *guideScreen) answer() *data.Answer { return s.path[len(s.path)-1].Answer() }

func (s *guideScreen) setSize(w, h int) {
	s.width = w
	s.pager.setSize(h - 2*ui.Frame)
	s.draw(false)
}

// draw renders the page in front when it changed, the width or the styles
// did; reveal brings the selected answer (or the code answered) into view.
func (s *guideScreen) draw(reveal bool) {
	if !s.stale(s.width, s.styles) && !reveal {
		return
	}
	width := max(s.width-2*ui.Frame-2*cardPad, 1)
	if s.node == nil {
		s.page = ui.GuideResult(s.path, s.cat, &s.styles.Styles, ui.CardOptions{Width: width, Hyperlinks: true})
	} else {
		s.page = ui.GuideQuestion(s.path, s.node, s.selected, &s.styles.Styles, width)
	}
	s.setContent(strings.Split(s.page.Text, "\n"), s.page.Widths)
	if reveal {
		i := 0
		if s.node != nil {
			i = s.selected
		}
		if i < len(s.page.Answers) {
			span := s.page.Answers[i]
			s.reveal(span[0], span[1])
		}
	}
	s.updateKeys()
}

// update: up and down choose an answer, enter or its digit takes it, left
// goes one question back; at the answer, enter opens the code in the list.
func (s *guideScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseClickMsg:
		return s.click(msg.Mouse())
	case tea.MouseWheelMsg:
		s.wheel(msg)
	}
	return nil
}

func (s *guideScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := &s.keys
	switch {
	case key.Matches(msg, k.Close):
		return closeScreen
	case key.Matches(msg, k.Back):
		s.up()
	case key.Matches(msg, k.Open):
		a := s.answer()
		return show(showMsg{code: a.Code, status: a.Entry(s.cat), detail: true, answer: true})
	case key.Matches(msg, k.Up):
		s.selected = max(s.selected-1, 0)
	case key.Matches(msg, k.Down):
		s.selected = min(s.selected+1, len(s.node.Answers)-1)
	case key.Matches(msg, k.Take):
		s.take(s.selected)
	case key.Matches(msg, k.Pick):
		s.take(digit(msg))
	default:
		s.pager.key(msg)
		return nil
	}
	s.draw(true)
	return nil
}

// take answers the question in front with answer i, if it has one.
func (s *guideScreen) take(i int) {
	if s.node == nil || i < 0 || i >= len(s.node.Answers) {
		return
	}
	a := &s.node.Answers[i]
	s.path = append(s.path, data.Step{Node: s.node, Choice: i})
	s.top()
	if a.Ends() {
		s.node = nil
		return
	}
	s.node, s.selected = s.g.Node(a.Next), 0
}

// up goes back one question, with the answer given there selected.
func (s *guideScreen) up() {
	if len(s.path) == 0 {
		return
	}
	last := s.path[len(s.path)-1]
	s.path = s.path[:len(s.path)-1]
	s.node, s.selected = last.Node, last.Choice
}

// click takes the answer clicked, or opens a related code of the
// answer's card.
func (s *guideScreen) click(mouse tea.Mouse) tea.Cmd {
	if mouse.Button != tea.MouseLeft {
		return nil
	}
	line := mouse.Y - ui.Frame + s.offset
	if s.node == nil {
		if code, ok := s.page.Related[line]; ok {
			return show(showMsg{code: code})
		}
		return nil
	}
	for i, span := range s.page.Answers {
		if line >= span[0] && line < span[1] {
			s.take(i)
			s.draw(true)
		}
	}
	return nil
}

func (s *guideScreen) view() string {
	s.draw(false)
	return s.box("Choose a status code", s.width, true, s.styles)
}
