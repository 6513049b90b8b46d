package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"

	"github.com/httpstatus-dev/httpstatus/model"
)

const waitLimit = 10 * time.Second // generous for -race on a busy 2-core machine

// syncBuffer is a bytes.Buffer safe for one writer and a polling reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// eventually polls cond until it holds or waitLimit passes.
func eventually(t testing.TB, what string, cond func() bool, dump func() string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; got:\n%s", what, dump())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// harness is one server under test on a loopback port.
type harness struct {
	addr string
	logs *syncBuffer
	srv  *server
	stop func() error // cancels Run's context and returns its result
}

// fakeQuery stands in for the CLI: "404" is found, "panic" panics, anything
// else matches nothing.
func fakeQuery(args []string, stdout, stderr io.Writer, _ []string) int {
	switch strings.Join(args, " ") {
	case "404":
		fmt.Fprintln(stdout, "404 Not Found")
		return 0
	case "panic":
		panic("query exploded")
	}
	fmt.Fprintf(stderr, "no status matches %q\n", strings.Join(args, " "))
	return 1
}

func startServer(t testing.TB, edit func(*Config)) *harness {
	t.Helper()
	c := DefaultConfig()
	c.HostKey = filepath.Join(t.TempDir(), "state", "ssh_host_ed25519")
	c.Rate = 0
	logs := &syncBuffer{}
	c.LogOutput = logs
	c.Query = fakeQuery
	if edit != nil {
		edit(&c)
	}
	s, err := newServer(c)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln) }()
	var once sync.Once
	var result error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case result = <-done:
			case <-time.After(waitLimit):
				result = errors.New("serve did not return after cancel")
			}
		})
		return result
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Error(err)
		}
		if t.Failed() || os.Getenv("SERVER_TEST_LOGS") != "" {
			t.Logf("server log:\n%s", logs)
		}
	})
	return &harness{addr: ln.Addr().String(), logs: logs, srv: s, stop: stop}
}

func clientConfig() *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            "tester",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitLimit,
	}
}

func dial(t testing.TB, addr string) *gossh.Client {
	t.Helper()
	c, err := gossh.Dial("tcp", addr, clientConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// dialFrom opens an SSH client to addr from the local address from. The
// caller closes it.
func dialFrom(addr, from string) (*gossh.Client, error) {
	return dialFromWith(addr, from, clientConfig())
}

func dialFromWith(addr, from string, cfg *gossh.ClientConfig) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(cc, chans, reqs), nil
}

// dialVia opens an SSH client to addr as a load balancer would for a
// client at src: a PROXY v2 header first. The caller closes it.
func dialVia(addr, src string) (*gossh.Client, error) {
	conn, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		return nil, err
	}
	from := &net.TCPAddr{IP: net.ParseIP(src), Port: 4242}
	to := conn.RemoteAddr().(*net.TCPAddr)
	if from.IP.To4() == nil { // PROXY v2 wants both addresses of one family
		to = &net.TCPAddr{IP: net.IPv6loopback, Port: to.Port}
	}
	if _, err := proxyproto.HeaderProxyFromAddrs(2, from, to).WriteTo(conn); err != nil {
		conn.Close()
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, clientConfig())
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(cc, chans, reqs), nil
}

// dialAs is dial from the local address from.
func dialAs(t testing.TB, addr, from string) *gossh.Client {
	t.Helper()
	c, err := dialFrom(addr, from)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// runCmd runs cmd without a PTY and returns its outputs and exit status.
func runCmd(t testing.TB, addr, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	stdout, stderr, status, err := tryCmd(addr, cmd)
	if err != nil {
		t.Fatalf("exec %q: %v", cmd, err)
	}
	return stdout, stderr, status
}

// tryCmd is runCmd for a caller that retries: a refused connection is an
// error, not a failed test.
func tryCmd(addr, cmd string) (stdout, stderr string, status int, err error) {
	c, err := gossh.Dial("tcp", addr, clientConfig())
	if err != nil {
		return "", "", 0, err
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return "", "", 0, err
	}
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	err = sess.Run(cmd)
	var ee *gossh.ExitError
	if errors.As(err, &ee) {
		return o.String(), e.String(), ee.ExitStatus(), nil
	}
	return o.String(), e.String(), 0, err
}

// terminal is an interactive session with a PTY.
type terminal struct {
	sess *gossh.Session
	in   io.Writer
	out  *syncBuffer
	done chan error
}

// openTerminal requests a PTY and starts a shell (cmd "") or cmd.
func openTerminal(t testing.TB, client *gossh.Client, cmd string, w, h int) *terminal {
	t.Helper()
	return openTerminalAs(t, client, "xterm-256color", cmd, w, h)
}

// openTerminalAs is openTerminal with the PTY's TERM.
func openTerminalAs(t testing.TB, client *gossh.Client, term, cmd string, w, h int) *terminal {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty(term, h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &terminal{sess: sess, in: in, out: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = tm.out, tm.out
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- sess.Wait() }()
	return tm
}

// text is the screen output so far without escape sequences.
func (tm *terminal) text() string { return ansi.Strip(tm.out.String()) }

func (tm *terminal) waitFor(t testing.TB, s string) {
	t.Helper()
	eventually(t, fmt.Sprintf("%q on screen", s), func() bool { return strings.Contains(tm.text(), s) }, tm.text)
}

func (tm *terminal) send(t testing.TB, keys string) {
	t.Helper()
	if _, err := io.WriteString(tm.in, keys); err != nil {
		t.Fatal(err)
	}
}

// wait returns the session's exit status once it ends.
func (tm *terminal) wait(t testing.TB) int {
	t.Helper()
	select {
	case err := <-tm.done:
		var ee *gossh.ExitError
		if errors.As(err, &ee) {
			return ee.ExitStatus()
		}
		if err != nil {
			t.Fatalf("session: %v", err)
		}
		return 0
	case <-time.After(waitLimit):
		t.Fatalf("session did not end; screen:\n%s", tm.text())
		return -1
	}
}

// probe is a tiny explorer stand-in that reports what reaches it: q
// quits; p panics in Update, v in View from then on, c in a command.
type probe struct {
	events     chan<- string
	w, h       int
	viewPanics bool
}

func (p probe) Init() tea.Cmd { return nil }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.w, p.h = msg.Width, msg.Height
		p.events <- fmt.Sprintf("size %dx%d", p.w, p.h)
	case tea.KeyPressMsg:
		p.events <- "key " + msg.String()
		switch msg.String() {
		case "q", "ctrl+c": // as the explorer quits
			return p, tea.Quit
		case "p":
			panic("probe exploded")
		case "v":
			p.viewPanics = true
		case "c":
			return p, tea.Batch(nil, func() tea.Msg { panic("command exploded") })
		}
	}
	return p, nil
}

func (p probe) View() tea.View {
	if p.viewPanics {
		panic("view exploded")
	}
	v := tea.NewView(fmt.Sprintf("probe %dx%d", p.w, p.h))
	v.AltScreen = true
	return v
}

// withProbe makes sessions with a terminal run a probe; the events
// channel reports the arguments each was opened with, then its messages.
func withProbe(events chan string) func(*Config) {
	return func(c *Config) {
		c.Terminal = func(args []string, _, _ io.Writer, _ []string, explore func(bool, ...model.Option) error) int {
			events <- "query " + strings.Join(args, " ")
			_ = explore(false)
			return 0
		}
		c.newModel = func([]model.Option) tea.Model { return probe{events: events} }
	}
}

// expect reads events until want arrives.
func expect(t testing.TB, events <-chan string, want string) {
	t.Helper()
	var seen []string
	timeout := time.After(waitLimit)
	for {
		select {
		case e := <-events:
			if e == want {
				return
			}
			seen = append(seen, e)
		case <-timeout:
			t.Fatalf("no event %q; saw %q", want, seen)
		}
	}
}

// quitKey ends the explorer: ctrl+c, since letters are typed into its
// filter.
const quitKey = "\x03"
