package main

import (
	"encoding/json"
	"github.com/charmbracelet/colorprofile"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

func TestChoosePrintsTheOutline(t *testing.T) {
	out, errw, status := cli(t, nil, "choose")
	if status != 0 || errw != "" {
		t.Fatalf("status %d, stderr %q", status, errw)
	}
	st := ui.NewStyles(true, colorprofile.TrueColor)
	if want := ansi.Strip(ui.GuideOutline(data.LoadGuide(), data.Load(), &st, pipeWidth)) + "\n"; out != want {
		t.Errorf("piped output is not the plain %d-column outline:\n%s", pipeWidth, out)
	}
	coloured, _, _ := cli(t, nil, "choose", "--color=always")
	if !strings.Contains(coloured, "\x1b[") || ansi.Strip(coloured) != out {
		t.Error("--color=always does not colour the same outline")
	}
	if _, errw, status := cli(t, nil, "choose", "404"); status != 2 || !strings.Contains(errw, "unknown command \"404\" for \"httpstatus choose\"") {
		t.Errorf("choose 404: status %d, stderr %q", status, errw)
	}
}

func TestChooseJSON(t *testing.T) {
	out, errw, status := cli(t, nil, "choose", "--json")
	if status != 0 || errw != "" {
		t.Fatalf("status %d, stderr %q", status, errw)
	}
	var root guideNode
	if err := json.Unmarshal([]byte(out), &root); err != nil {
		t.Fatal(err)
	}
	g := data.LoadGuide()
	nodes, ends := 0, 0
	var walk func(n *guideNode)
	walk = func(n *guideNode) {
		nodes++
		if g.Node(n.ID) == nil || n.Question != g.Node(n.ID).Question || len(n.Answers) != len(g.Node(n.ID).Answers) {
			t.Errorf("node %q does not match the guide", n.ID)
		}
		for _, a := range n.Answers {
			switch {
			case a.Next != nil && a.Code == 0 && a.Why == "":
				walk(a.Next)
			case a.Next == nil && a.Code != 0 && a.Phrase != "" && a.Source != "" && a.Why != "":
				ends++
			default:
				t.Errorf("%s: answer %+v is neither a next question nor a complete end", n.ID, a)
			}
		}
	}
	walk(&root)
	if nodes != len(g.Nodes) || root.ID != g.StartID {
		t.Errorf("JSON has %d nodes from %q, the guide %d from %q", nodes, root.ID, len(g.Nodes), g.StartID)
	}
	if !strings.Contains(out, `"source": "nginx"`) || !strings.Contains(out, `"help": ""`) {
		t.Error("vendor sources or empty help are missing from the JSON")
	}
	t.Logf("%d questions, %d ends", nodes, ends)
}
