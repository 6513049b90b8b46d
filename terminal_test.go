package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	"github.com/spf13/cobra"

	"github.com/httpstatus-dev/httpstatus/data"
)

// terminal is a pseudo-terminal of a given size: the program gets tty,
// and what it draws there collects in screen.
type terminal struct {
	tty    *os.File
	ptm    *os.File
	mu     sync.Mutex
	screen bytes.Buffer
}

func openTerminal(t *testing.T, width, height int) *terminal {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := pty.Setsize(ptm, &pty.Winsize{Cols: uint16(width), Rows: uint16(height)}); err != nil {
		t.Fatal(err)
	}
	term := &terminal{tty: tty, ptm: ptm}
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		for {
			n, err := ptm.Read(buf)
			term.mu.Lock()
			term.screen.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		tty.Close()
		ptm.Close()
		<-done
	})
	return term
}

// shown is what the program has written to the terminal, without escapes.
func (term *terminal) shown() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return ansi.Strip(term.screen.String())
}

// waitFor waits until the terminal shows text.
func (term *terminal) waitFor(t *testing.T, text string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(term.shown(), text); {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; it shows:\n%s", text, term.shown())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (term *terminal) open() (*os.File, error) { return os.OpenFile(term.tty.Name(), os.O_RDWR, 0) }

var terminalEnv = []string{"TERM=xterm-256color"}

// A fake pager that records its arguments, LESS and its input.
func fakePager(t *testing.T, dir, name string) (path, record string) {
	t.Helper()
	path, record = filepath.Join(dir, name), filepath.Join(dir, name+".out")
	script := "#!/bin/sh\n{ echo \"args: $*\"; echo \"LESS=$LESS\"; cat; } > " + record + "\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, record
}

func TestPager(t *testing.T) {
	dir := t.TempDir()
	pager, paged := fakePager(t, dir, "pager")
	_, lessPaged := fakePager(t, dir, "less")
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH")) // where `less` is looked up
	response := fixturePath("curl-sIL-chain.txt")
	for _, tc := range []struct {
		name           string
		height         int
		env            []string
		args           []string
		record         string // the pager's record, "" for none
		wantArgs       string
		wantInPager    string
		wantOnTerminal string
	}{
		{"taller than the screen", 24, []string{"PAGER=" + pager}, []string{"404"}, paged, "args: ", "Microsoft IIS sub-codes", ""},
		{"PAGER with arguments", 24, []string{"PAGER=" + pager + " -x 'two words'"}, []string{"404"}, paged, "args: -x two words", "404 Not Found", ""},
		{"less -FRX without PAGER", 24, nil, []string{"404"}, lessPaged, "args: -FRX", "404 Not Found", ""},
		{"JSON too", 24, []string{"PAGER=" + pager}, []string{"--json", "4xx"}, paged, "args: ", `"phrase": "Not Found"`, ""},
		{"explain", 10, []string{"PAGER=" + pager}, []string{"explain", response}, paged, "args: ", "301 Moved Permanently", ""},
		{"--no-pager", 24, []string{"PAGER=" + pager}, []string{"--no-pager", "404"}, "", "", "", "Microsoft IIS sub-codes"},
		{"shorter than the screen", 200, []string{"PAGER=" + pager}, []string{"404"}, "", "", "", "Microsoft IIS sub-codes"},
		{"PAGER empty", 24, []string{"PAGER="}, []string{"404"}, "", "", "", "Microsoft IIS sub-codes"},
		{"PAGER=cat", 24, []string{"PAGER=cat"}, []string{"404"}, "", "", "", "Microsoft IIS sub-codes"},
		{"a pager that is not there", 24, []string{"PAGER=" + filepath.Join(dir, "missing")}, []string{"404"}, "", "", "", "Microsoft IIS sub-codes"},
		{"TERM=dumb", 24, []string{"PAGER=" + pager, "TERM=dumb"}, []string{"404"}, "", "", "", "Microsoft IIS sub-codes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(paged)
			os.Remove(lessPaged)
			term := openTerminal(t, 80, tc.height)
			var errw bytes.Buffer
			env := append(append([]string{}, terminalEnv...), tc.env...)
			status := runStreams(tc.args, streams{in: strings.NewReader(""), out: term.tty, err: &errw, env: env})
			if status != 0 || errw.Len() > 0 {
				t.Fatalf("status %d, stderr %q", status, errw.String())
			}
			for _, record := range []string{paged, lessPaged} {
				raw, err := os.ReadFile(record)
				switch {
				case record != tc.record && err == nil:
					t.Errorf("%s ran", filepath.Base(record))
				case record == tc.record && err != nil:
					t.Fatalf("the pager did not run: %v\nthe terminal shows:\n%s", err, term.shown())
				case record == tc.record:
					got := ansi.Strip(string(raw))
					if !strings.HasPrefix(got, tc.wantArgs+"\nLESS=FRX\n") || !strings.Contains(got, tc.wantInPager) {
						t.Errorf("the pager got:\n%.300s", got)
					}
				}
			}
			if tc.record != "" {
				time.Sleep(50 * time.Millisecond)
				if s := term.shown(); strings.TrimSpace(s) != "" {
					t.Errorf("paged output went to the terminal too:\n%.300s", s)
				}
			} else {
				term.waitFor(t, tc.wantOnTerminal)
			}
		})
	}
	// Never on a pipe.
	os.Remove(paged)
	out, _, _ := cli(t, []string{"PAGER=" + pager}, "404")
	if _, err := os.Stat(paged); err == nil || !strings.Contains(out, "Microsoft IIS sub-codes") {
		t.Errorf("paged on a pipe (%v)", err)
	}
}

// code=$(httpstatus choose): stdout is a pipe, stderr the terminal; the guide
// runs on the terminal and the code chosen goes to stdout.
func TestChoosePicksOnTheTerminal(t *testing.T) {
	g := data.LoadGuide()
	n, keys := g.Start(), ""
	for {
		keys += "1"
		a := n.Answers[0]
		if a.Ends() {
			break
		}
		n = g.Node(a.Next)
	}
	want := data.FormatCode(n.Answers[0].Code)
	for _, tc := range []struct {
		name   string
		keys   string
		status int
		out    string
	}{
		{"chosen", keys + "\r", 0, want + "\n"},
		{"left without a choice", "\x03", exitNoChoice, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term := openTerminal(t, 80, 24)
			var out bytes.Buffer
			s := streams{in: term.tty, out: &out, err: term.tty, env: terminalEnv, tty: term.open}
			result := make(chan int)
			go func() { result <- runStreams([]string{"choose"}, s) }()
			term.waitFor(t, g.Start().Question[:20])
			if _, err := term.ptm.WriteString(tc.keys); err != nil {
				t.Fatal(err)
			}
			select {
			case status := <-result:
				if status != tc.status || out.String() != tc.out {
					t.Errorf("status %d, stdout %q; want %d, %q", status, out.String(), tc.status, tc.out)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("the guide did not end; the terminal shows:\n%s", term.shown())
			}
		})
	}
	// Without a terminal on stderr, the outline, as before.
	out, _, status := cli(t, nil, "choose")
	if status != 0 || !strings.Contains(out, g.Start().Question) {
		t.Errorf("choose with no terminal: status %d\n%.200s", status, out)
	}
}

// Runtime failures say what failed and exit 1; usage errors keep the hint
// and 2.
func TestRuntimeFailuresAndUsageErrors(t *testing.T) {
	const hint = "Run 'httpstatus --help' for usage.\n"
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	keyDir := t.TempDir()
	if err := os.Chmod(keyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	openKey := filepath.Join(keyDir, "open_key")
	if err := os.WriteFile(openKey, []byte("not read"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stderr string // the line that must end stderr
	}{
		{"port in use", []string{"serve", "--listen", busy.Addr().String(), "--host-key", filepath.Join(keyDir, "key")}, 1,
			"httpstatus serve: listen tcp " + busy.Addr().String() + ": bind: address already in use\n"},
		{"host key others can read", []string{"serve", "--host-key", openKey}, 1,
			"httpstatus serve: host key " + openKey + " has mode 0644, so other users can read it; fix with `chmod 600 " + openKey + "` (or delete it to generate a new one)\n"},
		{"unreadable file", []string{"explain", "testdata/nonexistent.txt"}, 1, "httpstatus explain: open testdata/nonexistent.txt: no such file or directory\n"},
		{"unknown flag", []string{"--bogus"}, 2, "httpstatus: unknown flag: --bogus\n" + hint},
		{"serve with arguments", []string{"serve", "extra"}, 2, "httpstatus: unknown command \"extra\" for \"httpstatus serve\"\n" + hint},
		{"bad --color", []string{"--color=sometimes", "404"}, 2, "httpstatus: invalid argument \"sometimes\" for \"--color\" flag: must be auto, always or never, not \"sometimes\"\n" + hint},
		{"-i without a terminal", []string{"-i", "teapot"}, 2, "httpstatus: the explorer needs a terminal; drop -i to print instead\n" + hint},
	} {
		_, errw, status := cli(t, nil, tc.args...)
		if status != tc.status || !strings.HasSuffix(errw, tc.stderr) {
			t.Errorf("%s: status %d, stderr %q; want %d and %q", tc.name, status, errw, tc.status, tc.stderr)
		}
		if tc.status == 1 && strings.Contains(errw, hint) {
			t.Errorf("%s: a runtime failure with the usage hint", tc.name)
		}
	}

	// explain with a terminal for input is a usage error.
	term := openTerminal(t, 80, 24)
	var errw bytes.Buffer
	status := runStreams([]string{"explain"}, streams{in: term.tty, out: &bytes.Buffer{}, err: &errw, env: terminalEnv})
	if status != 2 || !strings.HasSuffix(errw.String(), hint) {
		t.Errorf("explain on a terminal: status %d, stderr %q", status, errw.String())
	}
}

// panicky is an explorer that crashes on its first message.
type panicky struct{}

func (panicky) Init() tea.Cmd                       { return nil }
func (panicky) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }
func (panicky) View() tea.View                      { return tea.NewView("") }
func (panicky) Chosen() string                      { return "" }

// A crashed explorer is a runtime failure: exit 1, no usage hint, after
// the program has quit the ordinary way (restoring the terminal) and the
// panic with its stack has gone to stderr.
func TestCrashedExplorer(t *testing.T) {
	term := openTerminal(t, 80, 24)
	var errw bytes.Buffer
	s := streams{in: term.tty, out: term.tty, err: &errw, env: terminalEnv}
	root := newQueryCommand(s)
	root.AddCommand(&cobra.Command{Use: "crash", RunE: func(cmd *cobra.Command, _ []string) error {
		return runExplorer(cmd, s, func(bool) chooser { return panicky{} })
	}})
	status := execute(root, []string{"crash"}, s)
	printed := errw.String()
	if want := "httpstatus crash: the explorer crashed, sorry; please report it with what it printed above\n"; status != 1 || !strings.HasSuffix(printed, want) {
		t.Errorf("status %d, stderr %q; want 1 and a stderr ending %q", status, printed, want)
	}
	if !strings.HasPrefix(printed, "panic: boom\n\ngoroutine ") || !strings.Contains(printed, "panicky.Update") {
		t.Errorf("stderr does not start with the panic and its stack: %.200q", printed)
	}
}
