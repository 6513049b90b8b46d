package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/model"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// newChooseCommand is `httpstatus choose`: the guide that asks about the
// situation and ends at the status code to send.
func newChooseCommand(s streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "choose",
		Short: "Find the status code to send by answering questions",
		Long: `choose leads from a situation to the status code that fits it: did the
request succeed, was something created, is the client or the server at fault,
is the client authenticated, allowed, does the resource exist. Each answer
leads to another question or to a code, with why it fits and what to use in
the near cases.

On a terminal the guide asks one question at a time. With stdout not a
terminal but stderr one, as in code=$(httpstatus choose), it asks on the
terminal and prints the code chosen with enter, as -i does. Otherwise (a
script, or 2>/dev/null) it prints the whole guide as an indented outline.`,
		Example: `  httpstatus choose                      the guide, one question at a time
  code=$(httpstatus choose)              the code the guide ends at
  httpstatus choose 2>/dev/null | less   the whole guide as an outline
  httpstatus choose --json               the guide as a JSON tree`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, cat := data.LoadGuide(), data.Load()
			onTerminal := isTerminal(s.out) && isTerminal(s.in)
			picking := !isTerminal(s.out) && isTerminal(s.err) && s.tty != nil
			if !asJSON && (s.explore != nil || (onTerminal || picking) && capable(s.env)) {
				return openExplorer(cmd, s, model.WithGuide())
			}
			out, done := pagedStdout(cmd, s)
			if asJSON {
				return errors.Join(writeGuideJSON(out, g, cat), done())
			}
			term, _ := terminalSize(s.out)
			profile := colorOf(cmd).profile(s.out, s.env)
			st := ui.NewStyles(darkBackground(s.env), profile)
			_, err := fmt.Fprintln(profileWriter(out, profile), ui.GuideOutline(g, cat, &st, textWidth(term)))
			return errors.Join(err, done())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print the guide as a JSON tree")
	return cmd
}

// guideNode is a question in `choose --json`: the tree from the start,
// each answer holding either the next question or the code it ends at.
type guideNode struct {
	ID       string        `json:"id"`
	Question string        `json:"question"`
	Help     string        `json:"help"`
	Answers  []guideAnswer `json:"answers"`
}

type guideAnswer struct {
	Label  string     `json:"label"`
	Next   *guideNode `json:"next,omitempty"`
	Code   int        `json:"code,omitempty"`
	Phrase string     `json:"phrase,omitempty"`
	Source string     `json:"source,omitempty"` // as in the catalog: "IANA" or the vendor
	Why    string     `json:"why,omitempty"`
}

func writeGuideJSON(w io.Writer, g *data.Guide, cat *data.Catalog) error {
	var tree func(n *data.Node) *guideNode
	tree = func(n *data.Node) *guideNode {
		out := &guideNode{ID: n.ID, Question: n.Question, Help: n.Help, Answers: []guideAnswer{}}
		for _, a := range n.Answers {
			ga := guideAnswer{Label: a.Label}
			if !a.Ends() {
				ga.Next = tree(g.Node(a.Next))
			} else {
				ga.Code, ga.Why = a.Code, a.Why
				if s := a.Entry(cat); s != nil {
					ga.Phrase, ga.Source = s.Phrase, s.Source
				}
			}
			out.Answers = append(out.Answers, ga)
		}
		return out
	}
	return writeJSON(w, tree(g.Start()))
}
