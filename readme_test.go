package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
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
	pipe := ""
	if i := strings.LastIndex(command, " | "); i > strings.LastIndex(command, "'") {
		command, pipe = command[:i], command[i+3:]
	}
	args := shellArgs(strings.TrimPrefix(command, "httpstatus"))
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

// TestReadmeCatalogCounts keeps README.md's figures for the catalog true:
// entries, vendor entries and vendors, sub-codes of each vendor, and the
// acceptance queries, wherever the README gives them.
func TestReadmeCatalogCounts(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	cat := data.Load()
	vendors, vendorEntries, subs := map[string]bool{}, 0, map[string]int{}
	total := 0
	for _, s := range cat.All() {
		if !s.Official {
			vendors[s.Source] = true
			vendorEntries++
		}
		for _, sub := range s.SubCodes {
			subs[sub.Source]++
			total++
		}
	}
	queries, err := os.ReadFile("data/testdata/queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	nq := -1 // the header line
	for _, l := range strings.Split(string(queries), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			nq++
		}
	}
	for _, c := range []struct {
		pattern string
		want    []int
	}{
		{`holds (\d+) entries`, []int{cat.Len()}},
		{`(\d+) vendor (?:codes|entries) from (\d+) vendors`, []int{vendorEntries, len(vendors)}},
		{`(\d+) sub-codes[: ]`, []int{total}},
		{`(\d+) IIS substatus codes`, []int{subs["Microsoft IIS"]}},
		{`(\d+) Cloudflare 1xxx errors`, []int{subs["Cloudflare"]}},
		{`holds\s+(\d+) queries`, []int{nq}},
	} {
		found := regexp.MustCompile(c.pattern).FindAllStringSubmatch(string(raw), -1)
		if len(found) == 0 {
			t.Errorf("README no longer says %q", c.pattern)
		}
		for _, m := range found {
			for i, w := range c.want {
				if got, _ := strconv.Atoi(m[i+1]); got != w {
					t.Errorf("README says %q, the catalog has %d", m[0], w)
				}
			}
		}
	}
}

// shellArgs splits a command's arguments as a shell does with words and
// single quotes, the only quoting README's examples use.
func shellArgs(s string) []string {
	var args []string
	var arg strings.Builder
	in, quoted := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				args, in = append(args, arg.String()), false
				arg.Reset()
			}
		default:
			arg.WriteRune(r)
			in = true
		}
	}
	if in {
		args = append(args, arg.String())
	}
	return args
}

// TestReadmeVocabularies keeps README.md's figures for the vocabularies
// and the client lines true: how many, and each vocabulary's row.
func TestReadmeVocabularies(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	vocabs := data.Load().Vocabularies()
	terms := 0
	for _, v := range vocabs {
		terms += v.Terms
		row := fmt.Sprintf("| `%s` | %s | %d |", v.ID, v.Name, v.Terms)
		if !strings.Contains(readme, row) {
			t.Errorf("README lacks the row %s", row)
		}
	}
	if got := regexp.MustCompile("(?m)^\\| `[a-z0-9-]+` \\| [^|]+ \\| [0-9]+ \\|$").FindAllString(readme, -1); len(got) != len(vocabs) {
		t.Errorf("README lists %d vocabularies in its table, the file has %d", len(got), len(vocabs))
	}
	lines, err := os.ReadFile("data/testdata/client-messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0 // its header is a comment
	for _, l := range strings.Split(string(lines), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			n++
		}
	}
	for _, c := range []struct {
		pattern string
		want    int
	}{{`(\d+)\s+vocabularies of`, len(vocabs)}, {`vocabularies of\s+(\d+) terms`, terms}, {`client-messages.tsv` + "`" + ` holds (\d+) lines`, n}} {
		m := regexp.MustCompile(c.pattern).FindStringSubmatch(readme)
		if m == nil {
			t.Errorf("README no longer says %q", c.pattern)
		} else if got, _ := strconv.Atoi(m[1]); got != c.want {
			t.Errorf("README says %q, the files have %d", m[0], c.want)
		}
	}
}
