package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// logCLI runs `httpstatus log ARGS` as a script would, stdin piped.
func logCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errw bytes.Buffer
	status = runStreams(append([]string{"log"}, args...), streams{in: strings.NewReader(stdin), out: &out, err: &errw})
	return out.String(), errw.String(), status
}

func logFixture(name string) string { return filepath.Join("accesslog", "testdata", name) }

func TestLogGolden(t *testing.T) {
	for _, name := range []string{"real/nginx-ingress.log", "real/haproxy.log", "documented/iis.log", "documented/alb.log"} {
		t.Run(strings.ReplaceAll(name, "/", "_"), func(t *testing.T) {
			out, errw, status := logCLI(t, "", logFixture(name))
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

// The summary says what each vendor's codes mean where it matters.
func TestLogSummarySays(t *testing.T) {
	for name, wants := range map[string][]string{
		"real/nginx-combined.log": {"499 Client Closed Request · nginx", "client hung up", "009 no catalog entry · nginx", "without a status line"},
		"real/nginx-ingress.log":  {"upstream 502, 502 3: 2 tries: 502, then 502", "upstream - 2: nginx answered itself"},
		"real/squid-native.log":   {"000 Result Code Unavailable · Squid", "TCP_MISS_ABORTED 2", "TCP_DENIED 2: denied by Squid's access rules"},
		"real/varnishncsa.log":    {"503 Backend Fetch Failed · Varnish"},
		"documented/envoy.log":    {"UF 2: could not connect to the upstream", "000 No Response Started · Envoy", "DC 1: the client (downstream) closed"},
		"documented/alb.log":      {"target - 3: no target answered", "target 502 1: the target itself answered 502", "460 Client Closed Connection · AWS ELB"},
		"documented/iis.log":      {"404.3", "401.2", "win32 64 1: the client's connection went away"},
		"documented/heroku.log":   {"H12 2: the request took longer than 30 seconds", "H13 1"},
	} {
		out, errw, status := logCLI(t, "", logFixture(name))
		if status != 0 {
			t.Fatalf("%s: status %d, %s", name, status, errw)
		}
		for _, want := range wants {
			if !strings.Contains(out, want) {
				t.Errorf("%s: summary lacks %q:\n%s", name, want, out)
			}
		}
	}
}

// The --json object has exactly the documented fields.
func TestLogJSON(t *testing.T) {
	out, errw, status := logCLI(t, "", "--json", logFixture("documented/iis.log"), logFixture("real/nginx-combined.log"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, errw)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"formats", "from", "lines", "statuses", "to", "with_status"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	var doc struct {
		Formats  map[string]int64
		From, To *string
		Statuses []struct {
			Code  int
			Count int64
			Entry *struct {
				Code   int
				Source string
			}
			SubCode *string
			Flags   map[string]int64
			Paths   []struct {
				Path  string
				Count int64
			}
			Sample string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Formats["iis"] != 11 || doc.Formats["combined"] != 44 {
		t.Errorf("formats %v", doc.Formats)
	}
	if doc.From == nil || *doc.From != "2026-12-04T08:00:01Z" || doc.To == nil {
		t.Errorf("from %v to %v", doc.From, doc.To)
	}
	for i, s := range doc.Statuses {
		if i > 0 && s.Count > doc.Statuses[i-1].Count {
			t.Errorf("statuses not sorted by count at %d", i)
		}
		if s.Flags == nil || s.Paths == nil || s.Sample == "" {
			t.Errorf("%d: flags %v, paths %v, sample %q", s.Code, s.Flags, s.Paths, s.Sample)
		}
		switch {
		case s.SubCode != nil && *s.SubCode == "401.2":
			if s.Count != 3 || s.Flags["2148074254"] != 2 || s.Entry == nil || s.Entry.Code != 401 {
				t.Errorf("401.2: %+v", s)
			}
		case s.Code == 499:
			if s.Entry == nil || s.Entry.Source != "nginx" {
				t.Errorf("499 entry %+v, want nginx's", s.Entry)
			}
		case s.Code == 9:
			if s.Entry != nil {
				t.Errorf("009 entry %+v, want null", s.Entry)
			}
		}
	}
}

func TestLogStdinAndGzip(t *testing.T) {
	raw, err := os.ReadFile(logFixture("real/apache-combined.log"))
	if err != nil {
		t.Fatal(err)
	}
	fromFile, _, _ := logCLI(t, "", "--json", logFixture("real/apache-combined.log"))
	fromStdin, _, status := logCLI(t, string(raw), "--json")
	fromDash, _, _ := logCLI(t, string(raw), "--json", "-")
	if status != 0 || fromStdin != fromFile || fromDash != fromFile {
		t.Errorf("stdin (status %d) and - differ from the file", status)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(raw)
	w.Close()
	gz := filepath.Join(t.TempDir(), "access.log.1.gz")
	if err := os.WriteFile(gz, z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fromGzip, _, status := logCLI(t, "", "--json", gz)
	if status != 0 || fromGzip != fromFile {
		t.Errorf("gzip (status %d) differs from the file", status)
	}
	cut := filepath.Join(t.TempDir(), "cut.gz")
	if err := os.WriteFile(cut, z.Bytes()[:z.Len()-10], 0o644); err != nil {
		t.Fatal(err)
	}
	_, errw, status := logCLI(t, "", cut)
	if status != 0 || !strings.Contains(errw, "the gzip stream ends early") {
		t.Errorf("truncated gzip: status %d, stderr %q", status, errw)
	}
}

func TestLogBadInput(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "core")
	prose := filepath.Join(dir, "notes.txt")
	os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), 0o644)
	os.WriteFile(prose, []byte("just some notes\nnothing here\n"), 0o644)
	good := logFixture("real/lighttpd.log")
	for _, tt := range []struct {
		name   string
		args   []string
		status int
		stderr []string
		stdout string
	}{
		{"missing file, others read", []string{filepath.Join(dir, "nope.log"), good}, 1, []string{"nope.log: no such file or directory"}, "200 OK"},
		{"only a missing file", []string{filepath.Join(dir, "nope.log")}, 1, []string{"no such file"}, ""},
		{"binary", []string{binary}, 2, []string{"binary data, not a log", "formats tried: nginx-ingress, traefik-clf"}, ""},
		{"no status", []string{prose}, 2, []string{"no line with a status in " + prose + " (2 lines)", "formats tried:", "cloudfront", "heroku-router"}, ""},
		{"a directory", []string{dir}, 1, []string{"is a directory"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errw, status := logCLI(t, "", tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errw, want) {
					t.Errorf("stderr lacks %q: %q", want, errw)
				}
			}
			if strings.Contains(errw, "goroutine") || strings.Contains(errw, "Run 'httpstatus --help'") {
				t.Errorf("stderr %q", errw)
			}
			if tt.stdout != "" && !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q", tt.stdout)
			}
		})
	}
}

// The explorer over a log exits as the summary does: 2 with no line with
// a status (before it opens, for files; after it ends, for a pipe), 1
// when a file could not be read, 2 for -i without a terminal or with
// --json; 0 when left while a pipe is still written.
func TestLogExplorerExits(t *testing.T) {
	const hint = "Run 'httpstatus --help' for usage.\n"
	good := logFixture("real/nginx-ingress.log")
	dir := t.TempDir()
	noStatus := filepath.Join(dir, "no-status.log")
	if err := os.WriteFile(noStatus, []byte("garbage\nmore garbage\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"-i", good}, "httpstatus: the explorer needs a terminal; drop -i to print instead\n" + hint},
		{[]string{"-i", "--json", good}, "httpstatus: --json prints and -i opens the explorer: choose one\n" + hint},
	} {
		if _, errw, status := logCLI(t, "", tc.args...); status != 2 || errw != tc.stderr {
			t.Errorf("log %v: status %d, stderr %q; want 2, %q", tc.args, status, errw, tc.stderr)
		}
	}

	// run runs `log ARGS` with stdin in, on a terminal, pressing ctrl+c
	// once the terminal shows each of shows (none: it must not open).
	run := func(t *testing.T, in *os.File, args []string, feed func(), shows ...string) (string, int) {
		t.Helper()
		term := openTerminal(t, 100, 30)
		if in == nil {
			in = term.tty
		}
		var errw bytes.Buffer
		s := streams{in: in, out: term.tty, err: &errw, env: terminalEnv, tty: term.open}
		result := make(chan int)
		go func() { result <- runStreams(append([]string{"log"}, args...), s) }()
		if feed != nil {
			feed()
		}
		for _, text := range shows {
			term.waitFor(t, text)
		}
		if len(shows) > 0 {
			term.ptm.WriteString("\x03")
		}
		select {
		case status := <-result:
			if len(shows) == 0 && strings.Contains(term.shown(), "quit") {
				t.Errorf("the explorer opened:\n%s", term.shown())
			}
			return errw.String(), status
		case <-time.After(10 * time.Second):
			t.Fatalf("log %v did not end; the terminal shows:\n%s", args, term.shown())
		}
		return "", 0
	}
	t.Run("stdin a terminal", func(t *testing.T) {
		errw, status := run(t, nil, []string{"-i", "-"}, nil)
		if want := "httpstatus: with -i the terminal is for keys: pipe the log in, or name its files\n" + hint; status != 2 || errw != want {
			t.Errorf("status %d, stderr %q; want 2, %q", status, errw, want)
		}
	})
	t.Run("no status in a file", func(t *testing.T) {
		errw, status := run(t, nil, []string{"-i", noStatus}, nil)
		if status != 2 || !strings.Contains(errw, "no line with a status in "+noStatus+" (2 lines); formats tried: ") {
			t.Errorf("status %d, stderr %q", status, errw)
		}
	})
	t.Run("a missing file", func(t *testing.T) {
		missing := filepath.Join(dir, "missing.log")
		errw, status := run(t, nil, []string{"-i", missing, good}, nil, "2 inputs", "ctrl+c quit")
		if status != 1 || errw != "httpstatus log: open "+missing+": no such file or directory\n" {
			t.Errorf("status %d, stderr %q", status, errw)
		}
	})
	// A pipe: fed, closed, ended; or left while it is written.
	pipe := func(t *testing.T, lines string, close bool) (*os.File, func()) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return r, func() {
			w.WriteString(lines)
			if close {
				w.Close()
			}
		}
	}
	log, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a pipe that ends", func(t *testing.T) {
		in, feed := pipe(t, string(log), true)
		errw, status := run(t, in, []string{"-i"}, feed, "ended · 44 lines · stdin", "4xx Client 15")
		if status != 0 || errw != "" {
			t.Errorf("status %d, stderr %q", status, errw)
		}
	})
	t.Run("left while written", func(t *testing.T) {
		in, feed := pipe(t, string(log), false)
		errw, status := run(t, in, []string{"-i", "-"}, feed, "live · 44 lines · stdin")
		if status != 0 || errw != "" {
			t.Errorf("status %d, stderr %q", status, errw)
		}
	})
	t.Run("a pipe with no status", func(t *testing.T) {
		in, feed := pipe(t, "garbage\nmore garbage\n", true)
		errw, status := run(t, in, []string{"-i"}, feed, "ended · 2 lines · stdin", "No line with a status")
		if status != 2 || !strings.Contains(errw, "no line with a status in stdin (2 lines)") {
			t.Errorf("status %d, stderr %q", status, errw)
		}
	})
	t.Run("binary on a pipe", func(t *testing.T) {
		in, feed := pipe(t, "\x00\x01\x02garbage\n", true)
		errw, status := run(t, in, []string{"-i"}, feed, "ended: binary data, not a log")
		if status != 2 || !strings.HasPrefix(errw, "httpstatus log: stdin: binary data, not a log\n") {
			t.Errorf("status %d, stderr %q", status, errw)
		}
	})
}
