package data

import (
	"slices"
	"strings"
	"testing"
)

// Bounds on the guide's prose, so a question and its answers fit a screen.
const (
	maxLabelLen = 80
	maxWhyLen   = 300
)

func TestGuideTextAndCodes(t *testing.T) {
	cat := Load()
	g := LoadGuide()
	for _, n := range g.Nodes {
		checkText(t, n.ID, n.ID, n.Question, n.Help)
		if !strings.HasSuffix(n.Question, "?") {
			t.Errorf("%s: %q is not a question", n.ID, n.Question)
		}
		for _, a := range n.Answers {
			name := n.ID + ": " + a.Label
			checkText(t, name, a.Label, a.Why, a.Source)
			if len(a.Label) > maxLabelLen || a.Label != strings.TrimSpace(a.Label) {
				t.Errorf("%s: label padded or longer than %d", name, maxLabelLen)
			}
			if !a.Ends() {
				continue
			}
			if len(a.Why) > maxWhyLen {
				t.Errorf("%s: why is %d bytes, want at most %d", name, len(a.Why), maxWhyLen)
			}
			s := a.Entry(cat)
			switch {
			case s == nil:
				t.Errorf("%s: %d %q is not in the catalog", name, a.Code, a.Source)
			case a.Source != "" && s.Official:
				t.Errorf("%s: source %q names the official entry", name, a.Source)
			}
		}
	}
}

// The embedded guide is a tree that ends everywhere: checked here by a
// search of its own, not by trusting ParseGuide.
func TestGuideIsAFiniteTree(t *testing.T) {
	g := LoadGuide()
	ids := map[string]int{}
	for _, n := range g.Nodes {
		ids[n.ID]++
		if ids[n.ID] > 1 {
			t.Errorf("duplicate node id %q", n.ID)
		}
		if len(n.Answers) == 0 || len(n.Answers) > MaxAnswers {
			t.Errorf("%s: %d answers, want 1 to %d", n.ID, len(n.Answers), MaxAnswers)
		}
		for _, a := range n.Answers {
			if (a.Next == "") == (a.Code == 0) {
				t.Errorf("%s: %q needs exactly one of next and code", n.ID, a.Label)
			}
			if a.Next != "" && g.Node(a.Next) == nil {
				t.Errorf("%s: %q leads to missing node %q", n.ID, a.Label, a.Next)
			}
		}
	}
	// Depth-first from the start: grey nodes are on the current path, so
	// meeting one again is a loop; black ones are done.
	const grey, black = 1, 2
	colour := map[string]int{}
	deepest := 0
	var visit func(n *Node, depth int)
	visit = func(n *Node, depth int) {
		if colour[n.ID] == grey {
			t.Fatalf("loop through %q", n.ID)
		}
		if colour[n.ID] == black {
			t.Errorf("%q is reached twice; the guide must be a tree", n.ID)
			return
		}
		colour[n.ID] = grey
		deepest = max(deepest, depth)
		for _, a := range n.Answers {
			if next := g.Node(a.Next); next != nil {
				visit(next, depth+1)
			}
		}
		colour[n.ID] = black
	}
	visit(g.Start(), 1)
	for _, n := range g.Nodes {
		if colour[n.ID] == 0 {
			t.Errorf("%q is unreachable from the start", n.ID)
		}
	}
	if deepest > MaxDepth {
		t.Errorf("a path asks %d questions, at most %d", deepest, MaxDepth)
	}
	t.Logf("%d questions, deepest path %d", len(g.Nodes), deepest)
}

// The guide ends at every code the issue names, on the branch it belongs
// to.
func TestGuideCoversTheIssue(t *testing.T) {
	g := LoadGuide()
	codesUnder := func(id string) []int {
		var out []int
		var walk func(n *Node)
		walk = func(n *Node) {
			for _, a := range n.Answers {
				if a.Ends() {
					out = append(out, a.Code)
				} else {
					walk(g.Node(a.Next))
				}
			}
		}
		walk(g.Node(id))
		return out
	}
	for branch, want := range map[string][]int{
		"success":  {200, 201, 202, 204, 205, 206},
		"redirect": {300, 301, 302, 303, 304, 307, 308},
		"client": {400, 401, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
			416, 417, 422, 423, 425, 428, 429, 431, 451, 511},
		"server":  {500, 501, 502, 503, 504, 507},
		"interim": {100, 101, 103},
	} {
		if g.Node(branch) == nil {
			t.Errorf("no %q branch", branch)
			continue
		}
		got := codesUnder(branch)
		for _, code := range want {
			if !slices.Contains(got, code) {
				t.Errorf("the %s branch never ends at %d", branch, code)
			}
		}
	}
}

func TestStepAndEntry(t *testing.T) {
	cat := Load()
	g := LoadGuide()
	start := g.Start()
	if start == nil || start.ID != g.StartID || g.Node("nonesuch") != nil {
		t.Fatal("Start or Node is wrong")
	}
	step := Step{Node: start, Choice: 2}
	if step.Answer() != &start.Answers[2] || step.Answer().Entry(cat) != nil {
		t.Error("a step's answer that leads on has no entry")
	}
	for _, n := range g.Nodes {
		for _, a := range n.Answers {
			if a.Code == 444 {
				if s := a.Entry(cat); s == nil || s.Source != "nginx" {
					t.Errorf("444 answer: entry %v, want nginx's", s)
				}
			}
		}
	}
}

func TestParseGuideRejects(t *testing.T) {
	const ok = `start = "a"
[[node]]
id = "a"
question = "A?"
  [[node.answer]]
  label = "to b"
  next = "b"
  [[node.answer]]
  label = "ends"
  code = 200
  why = "w"
[[node]]
id = "b"
question = "B?"
  [[node.answer]]
  label = "x"
  code = 404
  why = "w"
  [[node.answer]]
  label = "y"
  code = 410
  why = "w"
`
	if _, err := ParseGuide([]byte(ok)); err != nil {
		t.Fatalf("a valid guide: %v", err)
	}
	chain := func(depth int) string { // a path of depth questions
		var b strings.Builder
		b.WriteString("start = \"q0\"\n")
		for i := range depth {
			b.WriteString("[[node]]\nid = \"q" + string(rune('0'+i)) + "\"\nquestion = \"Q?\"\n")
			b.WriteString("[[node.answer]]\nlabel = \"end\"\ncode = 200\nwhy = \"w\"\n")
			if i+1 < depth {
				b.WriteString("[[node.answer]]\nlabel = \"on\"\nnext = \"q" + string(rune('1'+i)) + "\"\n")
			} else {
				b.WriteString("[[node.answer]]\nlabel = \"end too\"\ncode = 204\nwhy = \"w\"\n")
			}
		}
		return b.String()
	}
	if _, err := ParseGuide([]byte(chain(MaxDepth))); err != nil {
		t.Errorf("a path of %d questions: %v", MaxDepth, err)
	}
	many := ok
	for range MaxAnswers - 1 {
		many = strings.Replace(many, "  [[node.answer]]\n  label = \"y\"", "  [[node.answer]]\n  label = \"z\"\n  code = 500\n  why = \"w\"\n  [[node.answer]]\n  label = \"y\"", 1)
	}
	for name, text := range map[string]string{
		"unknown field":     strings.Replace(ok, "why", "whyy", 1),
		"no start":          strings.Replace(ok, `start = "a"`, `start = "z"`, 1),
		"next and code":     strings.Replace(ok, `next = "b"`, "next = \"b\"\n  code = 200\n  why = \"w\"", 1),
		"neither":           strings.Replace(ok, `next = "b"`, "", 1),
		"code without why":  strings.Replace(ok, "code = 200\n  why = \"w\"", "code = 200", 1),
		"why without code":  strings.Replace(ok, `next = "b"`, "next = \"b\"\n  why = \"w\"", 1),
		"missing next":      strings.Replace(ok, `next = "b"`, `next = "c"`, 1),
		"duplicate id":      strings.Replace(ok, `id = "b"`, `id = "a"`, 1),
		"empty question":    strings.Replace(ok, `question = "B?"`, `question = " "`, 1),
		"empty label":       strings.Replace(ok, `label = "x"`, `label = ""`, 1),
		"one answer":        strings.Replace(ok, "  [[node.answer]]\n  label = \"y\"\n  code = 410\n  why = \"w\"\n", "", 1),
		"too many answers":  many,
		"loop to the start": strings.Replace(ok, "code = 410\n  why = \"w\"", `next = "a"`, 1),
		"unreachable loop":  ok + "[[node]]\nid = \"c\"\nquestion = \"C?\"\n[[node.answer]]\nlabel = \"1\"\nnext = \"d\"\n[[node.answer]]\nlabel = \"2\"\ncode = 200\nwhy = \"w\"\n[[node]]\nid = \"d\"\nquestion = \"D?\"\n[[node.answer]]\nlabel = \"1\"\nnext = \"c\"\n[[node.answer]]\nlabel = \"2\"\ncode = 200\nwhy = \"w\"\n",
		"reached twice":     strings.Replace(ok, "code = 200\n  why = \"w\"", `next = "b"`, 1),
		"too deep":          chain(MaxDepth + 1),
	} {
		if _, err := ParseGuide([]byte(text)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
