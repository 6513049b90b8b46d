package server

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/pflag"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

func TestExplorerRendersAndQuits(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	tm := openTerminal(t, dial(t, h.addr), "", 100, 30)
	tm.waitFor(t, "All")
	tm.waitFor(t, "4xx")

	// Typing a code filters the list; the window follows the client.
	if strings.Contains(tm.text(), "Legal Reasons") {
		t.Fatal("451 on the first screen; pick a code further down")
	}
	tm.send(t, "451")
	tm.waitFor(t, "Legal Reasons")
	before := len(tm.out.String())
	if err := tm.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a redraw after the window change", func() bool { return len(tm.out.String()) > before }, tm.text)
	tm.send(t, "\x03") // ctrl+c quits from the filter too
	if status := tm.wait(t); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}

	// ctrl+c in the list ends the session cleanly (letters are typed
	// into the filter).
	tm = openTerminal(t, dial(t, h.addr), "", 80, 24)
	tm.waitFor(t, "4xx")
	tm.send(t, "\x03")
	if status := tm.wait(t); status != 0 {
		t.Errorf("exit status %d after ctrl+c, want 0", status)
	}
	logs := h.logs.String()
	for _, want := range []string{"connect", "term=xterm-256color", "window=100x30", "disconnect", "duration="} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

// A PTY with TERM=dumb still gets bold and reverse video, so the selected
// row shows; the NoTTY profile that TERM implies would strip them.
func TestDumbTerminalStillShowsTheSelection(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	tm := openTerminalAs(t, dial(t, h.addr), "dumb", "", 80, 24)
	tm.waitFor(t, "4xx")
	if !regexp.MustCompile(`\x1b\[(?:[0-9]+;)*7m`).MatchString(tm.out.String()) {
		t.Errorf("no reverse video for the selection on TERM=dumb:\n%q", tm.out.String())
	}
	tm.send(t, quitKey)
	if status := tm.wait(t); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
}

func TestTerminalFollowsKeysAndWindow(t *testing.T) {
	t.Parallel()
	events := make(chan string, 256)
	h := startServer(t, withProbe(events))
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	expect(t, events, "query ")
	expect(t, events, "size 80x24")
	tm.waitFor(t, "probe 80x24")

	if err := tm.sess.WindowChange(50, 132); err != nil {
		t.Fatal(err)
	}
	expect(t, events, "size 132x50")
	tm.waitFor(t, "probe 132x50")
	tm.send(t, "x")
	expect(t, events, "key x")
	tm.send(t, quitKey)
	expect(t, events, "key ctrl+c")
	if status := tm.wait(t); status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
}

func TestTerminalWithArgsPrefilters(t *testing.T) {
	t.Parallel()
	events := make(chan string, 256)
	h := startServer(t, withProbe(events))
	tm := openTerminal(t, dial(t, h.addr), "rate  limit", 80, 24) // ssh -t host rate limit
	expect(t, events, "query rate limit")
	tm.send(t, quitKey)
	tm.wait(t)
}

func TestQueryWithoutTerminal(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	out, errOut, status := runCmd(t, h.addr, "404")
	if out != "404 Not Found\n" || errOut != "" || status != 0 {
		t.Errorf("404: stdout %q stderr %q status %d", out, errOut, status)
	}
	out, errOut, status = runCmd(t, h.addr, "250")
	if out != "" || !strings.Contains(errOut, "no status matches") || status != 1 {
		t.Errorf("250: stdout %q stderr %q status %d", out, errOut, status)
	}
	if !strings.Contains(h.logs.String(), `query=404`) {
		t.Errorf("query not logged:\n%s", h.logs)
	}
}

func TestQueryArgsAreNeverAShell(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var got [][]string
	h := startServer(t, func(c *Config) {
		c.Query = func(args []string, _, _ io.Writer, _ []string) int {
			mu.Lock()
			got = append(got, args)
			mu.Unlock()
			return 1
		}
	})
	marker := filepath.Join(t.TempDir(), "pwned")
	for _, cmd := range []string{"rm -rf /; id", "touch " + marker, "--json 4xx", `"rate limit" $(id)`, "i'm a teapot"} {
		runCmd(t, h.addr, cmd)
	}
	want := [][]string{
		{"rm", "-rf", "/;", "id"},
		{"touch", marker},
		{"--json", "4xx"},
		{"rate limit", "$(id)"},
		{"i'm", "a", "teapot"}, // a lone quote is kept
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("args\n got %q\nwant %q", got, want)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the command ran")
	}
}

func TestNoTerminalNoArgsGivesUsage(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	out, _, status := runCmd(t, h.addr, "")
	if !strings.Contains(out, "ssh HOST 404") || status != 0 {
		t.Errorf("exec with no command: stdout %q status %d", out, status)
	}
	sess, err := dial(t, h.addr).NewSession() // ssh -T host: a shell request
	if err != nil {
		t.Fatal(err)
	}
	b, err := sess.Output("")
	if err != nil || !strings.Contains(string(b), "ssh HOST 404") {
		t.Errorf("shell: %q %v", b, err)
	}
}

func TestForwardingAndSubsystemsRefused(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	c := dial(t, h.addr)

	if conn, err := c.Dial("tcp", h.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding (direct-tcpip) was accepted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("reverse port forwarding (tcpip-forward) was accepted")
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Error("agent forwarding was accepted")
	}
	x11 := struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0}
	if ok, err := sess.SendRequest("x11-req", true, gossh.Marshal(&x11)); ok || err != nil {
		t.Errorf("x11-req: ok %v err %v", ok, err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("sftp subsystem was accepted")
	}
	// The connection still serves a plain query afterwards.
	out, err := sess.Output("404")
	if err != nil || out == nil {
		t.Errorf("query after refusals: %q %v", out, err)
	}
	logs := h.logs.String()
	for _, r := range []string{"direct-tcpip", "tcpip-forward", "auth-agent-req@openssh.com", "x11-req", "subsystem"} {
		if !strings.Contains(logs, "reason="+r) {
			t.Errorf("refusal %s not logged:\n%s", r, logs)
		}
	}
}

func TestSessionLimit(t *testing.T) {
	t.Parallel()
	events := make(chan string, 256)
	h := startServer(t, func(c *Config) {
		c.MaxSessions = 1
		withProbe(events)(c)
	})
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	expect(t, events, "query ")

	_, errOut, status := runCmd(t, h.addr, "404")
	if !strings.Contains(errOut, "busy") || status != 1 {
		t.Errorf("over the limit: stderr %q status %d", errOut, status)
	}
	if !strings.Contains(h.logs.String(), `reason="max sessions"`) {
		t.Errorf("refusal not logged:\n%s", h.logs)
	}
	tm.send(t, quitKey)
	tm.wait(t)
	// The ended sessions' connections close asynchronously and count
	// against the connection cap until they do, so a dial may be refused.
	eventually(t, "a free slot", func() bool {
		_, _, status, err := tryCmd(h.addr, "404")
		return err == nil && status == 0
	}, h.logs.String)
}

// Connections without a session wait in a pool of --max-startups: when it
// is full, the oldest of the address holding the most is closed, never the
// newest refused.
func TestStartupPool(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.MaxStartups = 2 })
	first := dialAs(t, h.addr, "127.0.0.2") // authenticated, no session yet
	dialAs(t, h.addr, "127.0.0.2")
	closed := make(chan error, 1)
	go func() { closed <- first.Wait() }()
	third := dialAs(t, h.addr, "127.0.0.3")
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatal("the oldest connection without a session was not closed for a new one")
	}
	if !strings.Contains(h.logs.String(), `dropped reason="startup pool full" remote=127.0.0.2:`) {
		t.Errorf("drop not logged:\n%s", h.logs)
	}
	sess, err := third.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := sess.Output("404"); err != nil || string(out) != "404 Not Found\n" {
		t.Errorf("the newest connection: %q %v", out, err)
	}
}

// --rate and --burst pace an address's connections before the handshake,
// telling the one refused why in a line before the SSH version, and its
// sessions.
func TestRateLimit(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.Rate, c.Burst = 0.01, 2 })
	for i := range 2 {
		if _, _, status := runCmd(t, h.addr, "404"); status != 0 {
			t.Fatalf("connection %d within the burst: status %d", i, status)
		}
	}
	if line := refusalLine(t, h.addr, "127.0.0.1"); !strings.Contains(line, "too many connections from your address") {
		t.Errorf("over the rate: %q", line)
	}
	// Sessions: one connection, from another address, more than the burst.
	c := dialAs(t, h.addr, "127.0.0.2")
	for i := range 2 {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if out, err := sess.Output("404"); err != nil {
			t.Fatalf("session %d within the burst: %q %v", i, out, err)
		}
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	sess.Stderr = &errOut
	err = sess.Run("404")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || !strings.Contains(errOut.String(), "try again") {
		t.Errorf("a session over the rate: %v, stderr %q", err, errOut.String())
	}
	for _, reason := range []string{`reason="connection rate"`, `reason="rate limit"`} {
		if !strings.Contains(h.logs.String(), reason) {
			t.Errorf("refusal %s not logged:\n%s", reason, h.logs)
		}
	}
}

// refusalLine connects from the local address from and returns what the
// server says before closing, which must be one line and no SSH version,
// and a close, not a reset.
func refusalLine(t testing.TB, addr, from string) string {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "SSH-2.0-OpenSSH_9.9\r\n") // as a client does, at once
	_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
	b, err := io.ReadAll(conn)
	if err != nil {
		t.Errorf("refused connection: %v after %q (a reset?)", err, b)
	}
	if strings.Contains(string(b), "SSH-2.0") || strings.Count(string(b), "\r\n") != 1 {
		t.Errorf("refused connection got %q, want one line", b)
	}
	return string(b)
}

func TestPanicIsContained(t *testing.T) {
	t.Parallel()
	events := make(chan string, 256)
	h := startServer(t, withProbe(events))

	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	expect(t, events, "size 80x24")
	tm.send(t, "p")
	if status := tm.wait(t); status != 1 {
		t.Errorf("explorer panic: exit status %d, want 1", status)
	}
	tm.waitFor(t, "internal error")

	_, errOut, status := runCmd(t, h.addr, "panic")
	if status != 1 || !strings.Contains(errOut, "internal error") {
		t.Errorf("query panic: stderr %q status %d", errOut, status)
	}
	if out, _, status := runCmd(t, h.addr, "404"); status != 0 || out == "" {
		t.Errorf("server stopped serving after a panic: %q %d", out, status)
	}
	logs := h.logs.String()
	for _, want := range []string{"panic in explorer", "panic in session", "query exploded"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	tm.waitFor(t, "4xx")
	idle := dial(t, h.addr) // a connection with no session must not hold shutdown up

	start := time.Now()
	if err := h.stop(); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("shutdown took %v", d)
	}
	tm.waitFor(t, "shutting down for maintenance")
	tm.wait(t)
	if _, _, err := idle.SendRequest("keepalive@openssh.com", true, nil); err == nil {
		t.Error("idle connection still open after shutdown")
	}
	if c, err := gossh.Dial("tcp", h.addr, clientConfig()); err == nil {
		c.Close()
		t.Error("still accepting after shutdown")
	}
}

// An abrupt disconnect (the TCP connection dropped mid-session, or mid
// handshake) must not leave goroutines behind.
func TestAbruptDisconnectsLeakNothing(t *testing.T) {
	h := startServer(t, nil)
	runCmd(t, h.addr, "404") // warm up lazily started parts
	base := runtime.NumGoroutine()

	for range 3 {
		conn, err := net.Dial("tcp", h.addr)
		if err != nil {
			t.Fatal(err)
		}
		cc, chans, reqs, err := gossh.NewClientConn(conn, h.addr, clientConfig())
		if err != nil {
			t.Fatal(err)
		}
		client := gossh.NewClient(cc, chans, reqs)
		tm := openTerminal(t, client, "", 80, 24)
		tm.waitFor(t, "4xx")
		conn.Close() // no SSH goodbye
		<-tm.done
	}
	conn, err := net.Dial("tcp", h.addr) // gone during the handshake
	if err != nil {
		t.Fatal(err)
	}
	conn.Write([]byte("SSH-2.0-half\r\n"))
	conn.Close()

	eventually(t, "goroutines to settle", func() bool { return runtime.NumGoroutine() <= base }, func() string {
		var b strings.Builder
		pprof.Lookup("goroutine").WriteTo(&b, 1)
		return b.String()
	})
}

func TestFlags(t *testing.T) {
	t.Parallel()
	c := DefaultConfig()
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	c.Flags(fs)
	err := fs.Parse([]string{"--listen", "0.0.0.0:2222", "--host-key", "/k", "--max-sessions", "5",
		"--max-sessions-per-ip", "2", "--max-conns-per-ip", "4", "--max-startups", "7", "--login-timeout", "3s",
		"--idle-timeout", "1m", "--max-timeout", "1h", "--rate", "0.5", "--burst", "3",
		"--proxy-protocol", "--authorized-keys", "/a"})
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Listen: "0.0.0.0:2222", HostKey: "/k", MaxSessions: 5, MaxSessionsPerIP: 2, MaxConnsPerIP: 4,
		MaxStartups: 7, LoginTimeout: 3 * time.Second, IdleTimeout: time.Minute,
		MaxTimeout: time.Hour, Rate: 0.5, Burst: 3, ProxyProtocol: true, AuthorizedKeys: "/a"}
	c.LogOutput = nil
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	d := DefaultConfig()
	if d.Listen != "127.0.0.1:23234" || d.MaxSessions != 1000 || d.MaxSessionsPerIP != 5 || d.MaxConnsPerIP != 10 ||
		d.MaxStartups != 200 || d.LoginTimeout != 10*time.Second || d.IdleTimeout != 10*time.Minute ||
		d.MaxTimeout != 2*time.Hour || d.Rate <= 0 || d.Burst < 1 || !strings.HasSuffix(d.HostKey, "httpstatus/ssh_host_ed25519") {
		t.Errorf("defaults: %+v", d)
	}
}

func TestAuthorizedKeys(t *testing.T) {
	t.Parallel()
	allowed, other := newClientKey(t), newClientKey(t)
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, gossh.MarshalAuthorizedKey(allowed.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	h := startServer(t, func(c *Config) { c.AuthorizedKeys = path })
	cfg := clientConfig()
	cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(allowed)}
	c, err := gossh.Dial("tcp", h.addr, cfg)
	if err != nil {
		t.Fatalf("allowed key refused: %v", err)
	}
	c.Close()
	for _, auth := range [][]gossh.AuthMethod{nil, {gossh.PublicKeys(other)}} {
		cfg.Auth = auth
		if c, err := gossh.Dial("tcp", h.addr, cfg); err == nil {
			c.Close()
			t.Errorf("auth %v admitted", auth)
		}
	}
}

// README's flags table lists every serve flag with its default.
func TestReadmeFlagsTable(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(raw), "### Flags")
	table, _, _ = strings.Cut(table, "\n### ")
	c := DefaultConfig()
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	c.Flags(fs)
	fs.VisitAll(func(f *pflag.Flag) {
		row := regexp.MustCompile("(?m)^\\| [^|]*`--" + f.Name + "`[^|]*\\| ([^|]*) \\|").FindStringSubmatch(table)
		if row == nil {
			t.Errorf("README's flags table lacks --%s", f.Name)
			return
		}
		var values []string // the default column's `values`
		for _, m := range regexp.MustCompile("`([^`]*)`").FindAllStringSubmatch(row[1], -1) {
			values = append(values, m[1])
			if d, err := time.ParseDuration(m[1]); err == nil {
				values = append(values, d.String())
			}
		}
		switch {
		case f.Name == "host-key": // depends on the environment
		case f.DefValue == "" || f.DefValue == "false":
			if row[1] != "none" && row[1] != "off" {
				t.Errorf("--%s: README's default %q, want none or off", f.Name, row[1])
			}
		case !slices.Contains(values, f.DefValue):
			t.Errorf("--%s: README's default %q, the flag's %q", f.Name, row[1], f.DefValue)
		}
	})
}
