package data

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

//go:embed guide.toml
var guideTOML []byte

// Bounds that keep every question of the guide on one screen.
const (
	// MaxAnswers is the most answers a question may offer.
	MaxAnswers = 7
	// MaxDepth is the most questions on any path from the start to a code.
	MaxDepth = 6
)

// Guide is the decision tree that leads from a situation to a status code:
// each node asks a question, each answer leads to another question or ends
// at a code. ParseGuide guarantees it is a tree: every node but the start
// is reached by exactly one answer, so there are no loops, and every path
// ends at a code within MaxDepth questions.
type Guide struct {
	StartID string `toml:"start"`
	Nodes   []Node `toml:"node"`
	byID    map[string]*Node
}

// Node is one question of the guide.
type Node struct {
	ID       string   `toml:"id"`
	Question string   `toml:"question"`
	Help     string   `toml:"help"` // optional, one or two sentences
	Answers  []Answer `toml:"answer"`
}

// Answer is one reply to a question. It has exactly one of Next (the ID of
// the next question) and Code (where the guide ends), and Why when it ends.
type Answer struct {
	Label string `toml:"label"`
	Next  string `toml:"next"`
	// Code is the status the guide ends at; 0 means none (000 stands for no
	// response at all, which nobody chooses).
	Code int `toml:"code"`
	// Source names the vendor of an unofficial entry (nginx's 444); empty
	// for the official one.
	Source string `toml:"source"`
	Why    string `toml:"why"` // why this code fits, and what to use in the near cases
}

// Step is a question answered on the way through the guide: the node and
// the index of the answer chosen. The explorer keeps a path of them so
// that back goes one question up.
type Step struct {
	Node   *Node
	Choice int
}

// Answer is the answer chosen at this step.
func (s Step) Answer() *Answer { return &s.Node.Answers[s.Choice] }

// Ends reports whether the answer ends the guide at a code.
func (a *Answer) Ends() bool { return a.Code != 0 }

// Entry is the catalog entry an ending answer names; nil for an answer
// that leads to another question.
func (a *Answer) Entry(cat *Catalog) *Status {
	if !a.Ends() {
		return nil
	}
	return entryOf(cat, a.Code, a.Source)
}

// LoadGuide returns the embedded guide, shared by every caller; callers
// must not modify it.
var LoadGuide = sync.OnceValue(func() *Guide {
	g, err := ParseGuide(guideTOML)
	if err != nil {
		// The package's tests check the embedded file.
		panic("data: embedded guide.toml: " + err.Error())
	}
	return g
})

// Start is the first question.
func (g *Guide) Start() *Node { return g.byID[g.StartID] }

// Node is the question with the given ID, or nil.
func (g *Guide) Node(id string) *Node { return g.byID[id] }

// ParseGuide reads a guide in the guide.toml format, rejecting unknown
// fields and anything that would strand a user: an answer with both or
// neither of next and code, a next that names no question, a question
// reached by no answer or by several, a path longer than MaxDepth, more
// than MaxAnswers answers, empty text. Whether the codes are in the
// catalog is for the tests to check.
func ParseGuide(b []byte) (*Guide, error) {
	var g Guide
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, err
	}
	g.byID = make(map[string]*Node, len(g.Nodes))
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if err := n.check(); err != nil {
			return nil, fmt.Errorf("node %q: %w", n.ID, err)
		}
		if g.byID[n.ID] != nil {
			return nil, fmt.Errorf("node %q: duplicate id", n.ID)
		}
		g.byID[n.ID] = n
	}
	if g.Start() == nil {
		return nil, fmt.Errorf("start %q is not a node", g.StartID)
	}
	// Count the answers that lead to each node; a tree has one for every
	// node but the start, which has none.
	refs := map[string]int{}
	for _, n := range g.Nodes {
		for _, a := range n.Answers {
			if a.Next == "" {
				continue
			}
			if g.byID[a.Next] == nil {
				return nil, fmt.Errorf("node %q: answer %q leads to %q, which is not a node", n.ID, a.Label, a.Next)
			}
			refs[a.Next]++
		}
	}
	for _, n := range g.Nodes {
		switch {
		case n.ID == g.StartID && refs[n.ID] > 0:
			return nil, fmt.Errorf("node %q: the start is reached from another question", n.ID)
		case n.ID != g.StartID && refs[n.ID] != 1:
			return nil, fmt.Errorf("node %q: reached by %d answers, want exactly one", n.ID, refs[n.ID])
		}
	}
	// With one way into each node, a node the walk from the start misses
	// can only sit on a loop of its own.
	seen := map[string]bool{}
	if err := g.walk(g.Start(), 1, seen); err != nil {
		return nil, err
	}
	if len(seen) != len(g.Nodes) {
		for _, n := range g.Nodes {
			if !seen[n.ID] {
				return nil, fmt.Errorf("node %q: unreachable from the start", n.ID)
			}
		}
	}
	return &g, nil
}

// walk visits the nodes under n, depth questions down, and checks the
// depth bound.
func (g *Guide) walk(n *Node, depth int, seen map[string]bool) error {
	if depth > MaxDepth {
		return fmt.Errorf("node %q: deeper than %d questions", n.ID, MaxDepth)
	}
	seen[n.ID] = true
	for _, a := range n.Answers {
		if a.Next != "" {
			if err := g.walk(g.byID[a.Next], depth+1, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

func (n *Node) check() error {
	switch {
	case blank(n.ID), blank(n.Question):
		return errors.New("id and question are required")
	case len(n.Answers) < 2:
		return errors.New("a question needs at least two answers")
	case len(n.Answers) > MaxAnswers:
		return fmt.Errorf("%d answers, at most %d fit", len(n.Answers), MaxAnswers)
	}
	for _, a := range n.Answers {
		switch {
		case blank(a.Label):
			return errors.New("an answer without a label")
		case (a.Next == "") == (a.Code == 0):
			return fmt.Errorf("answer %q: needs exactly one of next and code", a.Label)
		case a.Ends() && blank(a.Why):
			return fmt.Errorf("answer %q: a code needs a why", a.Label)
		case !a.Ends() && (a.Why != "" || a.Source != ""):
			return fmt.Errorf("answer %q: why and source belong with a code", a.Label)
		}
	}
	return nil
}
