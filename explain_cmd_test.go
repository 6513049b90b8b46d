package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// explainCLI runs `httpstatus explain ARGS` with stdin as a script pipes it.
func explainCLI(t *testing.T, env []string, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errw bytes.Buffer
	status = runStreams(append([]string{"explain"}, args...), streams{in: strings.NewReader(stdin), out: &out, err: &errw, env: env})
	return out.String(), errw.String(), status
}

func fixturePath(name string) string { return filepath.Join("explain", "testdata", name) }

func TestExplainGolden(t *testing.T) {
	for _, name := range []string{
		"curl-si-301-no-location", "curl-si-503-retry-after", "curl-sIL-chain", "curl-v-post-chain",
		"http2-cloudflare-522", "curl-v-304-unconditional",
	} {
		t.Run(name, func(t *testing.T) {
			out, errw, status := explainCLI(t, nil, "", fixturePath(name+".txt"))
			if status != 0 || errw != "" {
				t.Fatalf("status %d, stderr %q", status, errw)
			}
			if strings.Contains(out, "\x1b") {
				t.Error("escape codes in piped output")
			}
			for i, l := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(l); w > 80 {
					t.Errorf("line %d is %d cells wide: %q", i+1, w, l)
				}
			}
			golden.RequireEqual(t, out)
		})
	}
}

// A file and stdin give the same explanation.
func TestExplainReadsStdin(t *testing.T) {
	raw, err := os.ReadFile(fixturePath("curl-sIL-chain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	fromFile, _, _ := explainCLI(t, nil, "", fixturePath("curl-sIL-chain.txt"))
	fromStdin, _, status := explainCLI(t, nil, string(raw))
	fromDash, _, _ := explainCLI(t, nil, string(raw), "-")
	if status != 0 || fromStdin != fromFile || fromDash != fromFile {
		t.Errorf("stdin (status %d) and - differ from the file:\n%s\n---\n%s", status, fromStdin, fromFile)
	}
}

func TestExplainJSON(t *testing.T) {
	out, _, status := explainCLI(t, nil, "", "--json", fixturePath("curl-sIL-chain.txt"))
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 {
		t.Fatalf("%d results", len(results))
	}
	for i, r := range results {
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range r {
				if !yield(k) {
					return
				}
			}
		})
		if want := []string{"answered_by", "chosen_by", "entry", "line", "no_response", "notes", "phrase", "read", "redirect", "status"}; !slices.Equal(keys, want) {
			t.Errorf("result %d: keys %v, want %v", i, keys, want)
		}
		if _, ok := r["notes"].([]any); !ok {
			t.Errorf("result %d: notes is %T", i, r["notes"])
		}
		if read, ok := r["read"].(map[string]any); !ok || read["from"] != "status line" || read["text"] != strings.TrimSpace(r["line"].(string)) {
			t.Errorf("result %d: read %v, want the status line", i, r["read"])
		}
		entry, ok := r["entry"].(map[string]any)
		if !ok || entry["code"] != r["status"] || entry["source"] != "IANA" {
			t.Errorf("result %d: entry %v", i, r["entry"])
		}
		if _, ok := entry["rules"].([]any); !ok {
			t.Errorf("result %d: entry rules %T", i, entry["rules"])
		}
	}
	var typed []struct {
		Status int    `json:"status"`
		Phrase string `json:"phrase"`
		Notes  []struct {
			Level, Field, Message, Reference string
		} `json:"notes"`
		Redirect *struct {
			Location, URL, Method string
			Permanent             bool
		} `json:"redirect"`
	}
	if err := json.Unmarshal([]byte(out), &typed); err != nil {
		t.Fatal(err)
	}
	if r := typed[0]; r.Status != 301 || r.Phrase != "Moved Permanently" || r.Redirect == nil || !r.Redirect.Permanent || r.Redirect.URL != "https://example.com/docs" {
		t.Errorf("first result %+v", r)
	}
	if n := typed[1].Notes; len(n) != 1 || n[0].Level != "error" || n[0].Field != "Location" {
		t.Errorf("second result's notes %+v", n)
	}
	if typed[2].Redirect != nil || typed[2].Phrase != "OK" {
		t.Errorf("third result %+v", typed[2])
	}

	// A code the catalog lacks: entry null, the rest still printed, exit 1.
	out, errw, status := explainCLI(t, nil, "HTTP/1.1 250 Custom\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", "--json")
	if status != 1 || errw != "httpstatus explain: stdin: no catalog entry for 250\n" {
		t.Errorf("status %d, stderr %q", status, errw)
	}
	var two []map[string]any
	if err := json.Unmarshal([]byte(out), &two); err != nil || len(two) != 2 || two[0]["entry"] != nil || two[1]["entry"] == nil {
		t.Errorf("unknown code: %v %v", two, err)
	}
}

func TestExplainExitStatus(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stdin  string
		args   []string
		status int
		stderr string // exact, or a prefix when it ends in "…"
	}{
		{"explained", "HTTP/1.1 204 No Content\r\n\r\n", nil, 0, ""},
		{"notes do not fail it", "HTTP/1.1 301 Moved Permanently\r\n\r\n", nil, 0, ""},
		{"unknown code", "HTTP/1.1 250 Custom\r\n\r\n", nil, 1, "httpstatus explain: stdin: no catalog entry for 250\n"},
		{"empty", "", nil, 2, "httpstatus explain: stdin: the input is empty; pipe in a response, e.g. curl -si URL | httpstatus explain\n"},
		{"binary", "\x00\x01\x02\x03\xff\xfe", nil, 2, "httpstatus explain: stdin: the input is binary data, not an HTTP response\n"},
		{"no status line", "<html>nope</html>\n", nil, 2, "httpstatus explain: stdin: no status line (such as HTTP/1.1 200 OK) in the input\n"},
		{"a 2 MB head", "HTTP/1.1 200 OK\r\nX: " + strings.Repeat("a", 2<<20) + "\r\n\r\n", nil, 2, "httpstatus explain: stdin: a message head (status or request line and header fields) is over 1 MB\n"},
		{"no such file", "", []string{"testdata/nonexistent.txt"}, 1, "httpstatus explain: open testdata/nonexistent.txt: no such file or directory\n"},
		{"a directory", "", []string{"testdata"}, 1, "httpstatus explain: testdata is a directory\n"},
		{"two files", "", []string{"a", "b"}, 2, "httpstatus: accepts at most 1 arg(s), received 2…"},
		{"bad flag", "", []string{"--colour"}, 2, "httpstatus: unknown flag: --colour…"},
	} {
		_, errw, status := explainCLI(t, nil, tc.stdin, tc.args...)
		if status != tc.status {
			t.Errorf("%s: status %d, want %d (stderr %q)", tc.name, status, tc.status, errw)
		}
		if prefix, ok := strings.CutSuffix(tc.stderr, "…"); ok {
			if !strings.HasPrefix(errw, prefix) {
				t.Errorf("%s: stderr %q, want it to start %q", tc.name, errw, prefix)
			}
		} else if errw != tc.stderr {
			t.Errorf("%s: stderr %q, want %q", tc.name, errw, tc.stderr)
		}
	}
}

func TestExplainColour(t *testing.T) {
	in := "HTTP/1.1 301 Moved Permanently\r\n\r\n"
	for _, tc := range []struct {
		env   []string
		args  []string
		color bool
	}{
		{nil, nil, false},
		{[]string{"TERM=xterm-256color"}, []string{"--color=always"}, true},
		{[]string{"TERM=xterm-256color"}, []string{"--color=never"}, false},
		{[]string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}, nil, true},
		{[]string{"TERM=xterm-256color", "CLICOLOR_FORCE=1", "NO_COLOR=1"}, nil, false},
	} {
		out, _, _ := explainCLI(t, tc.env, in, tc.args...)
		if got := strings.Contains(out, "\x1b["); got != tc.color {
			t.Errorf("%v %v: colour %v, want %v", tc.env, tc.args, got, tc.color)
		}
		if plain := ansi.Strip(out); !strings.Contains(plain, "error  A redirect without Location") {
			t.Errorf("%v %v: text %q", tc.env, tc.args, plain)
		}
	}
}
