package ui

import (
	"github.com/charmbracelet/colorprofile"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/httpstatus-dev/httpstatus/data"
)

func TestGuideOutlineGolden(t *testing.T) {
	st := NewStyles(true, colorprofile.TrueColor)
	golden.RequireEqual(t, ansi.Strip(GuideOutline(data.LoadGuide(), data.Load(), &st, 80))+"\n")
}

// The outline fits every width and, wide enough to hold each text on one
// line, shows every question and every code the guide ends at.
func TestGuideOutlineFitsAndIsComplete(t *testing.T) {
	g := data.LoadGuide()
	st := &SharedExplorerStyles(false, colorprofile.TrueColor).Styles
	for _, w := range []int{1, 9, 20, 33, 57, 80, 131} {
		checkFits(t, "outline", GuideOutline(g, data.Load(), st, w), w)
	}
	plain := ansi.Strip(GuideOutline(g, data.Load(), st, 400))
	for _, n := range g.Nodes {
		if !strings.Contains(plain, n.Question) {
			t.Errorf("outline lacks %q", n.Question)
		}
		for _, a := range n.Answers {
			if a.Ends() && !strings.Contains(plain, "→ "+data.FormatCode(a.Code)+" ") {
				t.Errorf("outline lacks the end at %d", a.Code)
			}
		}
	}
}

// Every question of the guide, with each answer selected in turn, fits its
// width, reports its widths truly and places its answers where they are.
func TestGuideQuestionPages(t *testing.T) {
	g := data.LoadGuide()
	st := &SharedExplorerStyles(true, colorprofile.TrueColor).Styles
	var visit func(path []data.Step, n *data.Node)
	visit = func(path []data.Step, n *data.Node) {
		for sel := range n.Answers {
			for _, w := range []int{12, 40, 80} {
				page := GuideQuestion(path, n, sel, st, w)
				checkPage(t, n.ID, page, w)
				lines := strings.Split(page.Text, "\n")
				if len(page.Answers) != len(n.Answers) {
					t.Fatalf("%s: %d answer ranges for %d answers", n.ID, len(page.Answers), len(n.Answers))
				}
				for i, r := range page.Answers {
					marked := strings.Contains(lines[r[0]], "▌")
					if r[0] >= r[1] || r[1] > len(lines) || marked != (i == sel) {
						t.Fatalf("%s at %d: answer %d at lines %v, marked %v, selected %d", n.ID, w, i, r, marked, sel)
					}
				}
			}
		}
		page := ansi.Strip(GuideQuestion(path, n, 0, st, 200).Text)
		for _, s := range path {
			if !strings.Contains(page, s.Node.Question+" › "+s.Answer().Label) {
				t.Errorf("%s: the path does not show %q", n.ID, s.Node.Question)
			}
		}
		for i, a := range n.Answers {
			if a.Ends() && !strings.Contains(page, a.Label+" →\u00a0"+data.FormatCode(a.Code)) {
				t.Errorf("%s: answer %d does not show its code", n.ID, i)
			}
			if !a.Ends() {
				visit(append(slices.Clip(path), data.Step{Node: n, Choice: i}), g.Node(a.Next))
			}
		}
	}
	visit(nil, g.Start())
}

func TestGuideResult(t *testing.T) {
	g := data.LoadGuide()
	cat := data.Load()
	st := &SharedExplorerStyles(true, colorprofile.TrueColor).Styles
	client := g.Node("client")
	path := []data.Step{{Node: g.Start(), Choice: 2}, {Node: client, Choice: slices.IndexFunc(client.Answers, func(a data.Answer) bool { return a.Code == 429 })}}
	for _, w := range []int{10, 50, 96} {
		page := GuideResult(path, cat, st, CardOptions{Width: w, Hyperlinks: true, NumberRelated: true})
		checkPage(t, "429", page, w)
		if w < 50 {
			continue
		}
		lines := strings.Split(ansi.Strip(page.Text), "\n")
		text := strings.Join(lines, "\n")
		for _, want := range []string{"Did the request succeed? › No", "→ 429 Too Many Requests\nThis client went over",
			"\n429 Too Many Requests\n4xx Client error"} {
			if !strings.Contains(text, want) {
				t.Errorf("at %d the result lacks %q", w, want)
			}
		}
		if len(page.Related) == 0 {
			t.Errorf("at %d the card's related codes are not mapped", w)
		}
		for line, code := range page.Related {
			if !strings.Contains(lines[line], data.FormatCode(code)) {
				t.Errorf("at %d line %d %q does not name related %d", w, line, lines[line], code)
			}
		}
	}
	// A path that stops at a question draws as the path alone.
	short := GuideResult(path[:1], cat, st, CardOptions{Width: 80})
	if got := ansi.Strip(short.Text); !strings.HasPrefix(got, "Did the request succeed? › No") || strings.Contains(got, "→") {
		t.Errorf("a path without an end: %q", got)
	}
}

// checkPage checks that a page's lines fit and that it reports their
// widths truly.
func checkPage(t *testing.T, name string, page GuidePage, width int) {
	t.Helper()
	checkFits(t, name, page.Text, width)
	lines := strings.Split(page.Text, "\n")
	if len(lines) != len(page.Widths) {
		t.Fatalf("%s at %d: %d lines, %d widths", name, width, len(lines), len(page.Widths))
	}
	for i, l := range lines {
		if ansi.StringWidth(l) != page.Widths[i] {
			t.Fatalf("%s at %d: line %d is %d cells, reported %d", name, width, i, ansi.StringWidth(l), page.Widths[i])
		}
	}
}
