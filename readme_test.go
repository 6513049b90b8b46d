package main

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestReadmeExamples keeps README.md true: every ```console block that
// starts with "$ httpstatus ARGS [| head -N]" must show exactly what the
// command prints (stdout, then stderr). With -update the blocks are
// rewritten from the program's output.
func TestReadmeExamples(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	var out []string
	examples := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if lines[i] != "```console" || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "$ httpstatus") {
			continue
		}
		command := lines[i+1]
		end := i + 2
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		want := strings.Join(lines[i+2:end], "\n")
		got := runExample(t, strings.TrimPrefix(command, "$ "))
		if got != want && !updating() {
			t.Errorf("README example %q is stale; run go test . -run TestReadmeExamples -update\n--- README\n%s\n--- program\n%s", command, want, got)
		}
		out = append(out, command)
		if got != "" {
			out = append(out, strings.Split(got, "\n")...)
		}
		i = end - 1
		examples++
	}
	if examples < 4 {
		t.Fatalf("README has %d console examples, want at least 4", examples)
	}
	if updating() {
		if err := os.WriteFile("README.md", []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// runExample runs "httpstatus ARGS [| head -N]" in-process, as piped.
func runExample(t *testing.T, command string) string {
	t.Helper()
	command, pipe, _ := strings.Cut(command, " | ")
	args := strings.Fields(strings.TrimPrefix(command, "httpstatus"))
	stdout, stderr, _ := cli(t, nil, args...)
	if n, ok := strings.CutPrefix(pipe, "head -"); ok {
		count, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("bad pipe %q", pipe)
		}
		lines := strings.SplitAfter(stdout, "\n")
		stdout = strings.Join(lines[:min(count, len(lines))], "")
	} else if pipe != "" {
		t.Fatalf("unsupported pipe %q", pipe)
	}
	return strings.TrimSuffix(stdout+stderr, "\n")
}
