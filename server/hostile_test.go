package server

// A hostile client against the server, on 127.0.0.1 only. Each test is
// one finding of issue 10; every loop is bounded in count and in time.

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"
)

// hostileSizes are windows a client may claim; int on 64 bits carries the
// full uint32 of the wire.
var hostileSizes = []struct{ w, h int }{
	{65535, 65535}, {2147483648, 24}, {100000, 50}, {4096, 256}, {4294967295, 4294967295}, {1, 1 << 31},
}

// served checks that a fresh client, from an address of its own, still
// gets an answer.
func served(t *testing.T, addr string) {
	t.Helper()
	if out, err := tryDial(addr, "127.0.0.254"); err != nil || !strings.HasPrefix(out, "404 Not Found\n") {
		t.Fatalf("another client was not served: %q, %v", out, err)
	}
}

// Item 1: a pty-req or window-change of any size is clamped before the
// explorer or Bubble Tea's renderer allocate for it, and the client is
// told on screen.
func TestHostileWindowSizesAreClamped(t *testing.T) {
	t.Parallel()
	events := make(chan string, 1024)
	h := startServer(t, withProbe(events))
	for _, size := range hostileSizes {
		tm := openTerminal(t, dial(t, h.addr), "", size.w, size.h)
		w, h := min(size.w, maxWidth), min(size.h, maxHeight)
		expect(t, events, fmt.Sprintf("size %dx%d", w, h-1)) // a line for the notice
		notice := fmt.Sprintf("Your window is %dx%d; httpstatus uses at most %dx%d of it.", size.w, size.h, maxWidth, maxHeight)
		tm.waitFor(t, notice[:min(len(notice), w-1)])
		tm.send(t, quitKey)
		tm.wait(t)
	}
	clamped := fmt.Sprintf("size %dx%d", maxWidth, maxHeight-1)

	// Later window changes, and sizes reported in band (CSI 8 t, which
	// the input parser turns into a window size), too, with the notice.
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	expect(t, events, "size 80x24")
	if err := tm.sess.WindowChange(1<<31, 1<<31); err != nil {
		t.Fatal(err)
	}
	expect(t, events, clamped)
	if err := tm.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	expect(t, events, "size 100x30")
	tm.send(t, "\x1b[8;256;4096t") // the largest Bubble Tea lets through
	expect(t, events, clamped)
	tm.send(t, quitKey)
	tm.wait(t)
	served(t, h.addr)
}

// Item 1: a flood of window changes costs a redraw every minResizeGap at
// most, and the last size wins.
func TestHostileResizeFlood(t *testing.T) {
	t.Parallel()
	events := make(chan string, 4096)
	h := startServer(t, withProbe(events))
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	expect(t, events, "size 80x24")
	start := time.Now()
	const n = requestBurst - 10 // within the request budget
	for i := range n {
		if err := tm.sess.WindowChange(24+i%2, 100); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	sizes := 0
	for e := ""; e != "size 120x40"; {
		select {
		case e = <-events:
			if strings.HasPrefix(e, "size ") {
				sizes++
			}
		case <-time.After(waitLimit):
			t.Fatalf("the last size never arrived; %d sizes did", sizes)
		}
	}
	t.Logf("%d window changes in %v made %d redraws", n+1, time.Since(start).Round(time.Millisecond), sizes)
	if most := int(time.Since(start)/minResizeGap) + 2; sizes > most {
		t.Errorf("%d window changes made %d redraws, want at most %d", n+1, sizes, most)
	}
	tm.send(t, quitKey)
	tm.wait(t)
}

// Item 1, against the real explorer: each hostile size gets a first frame.
func TestHostileWindowSizesExplorer(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	for _, size := range hostileSizes[:2] {
		tm := openTerminal(t, dial(t, h.addr), "", size.w, size.h)
		tm.waitFor(t, "4xx")
		tm.send(t, quitKey)
		tm.wait(t)
	}
}

// Item 1 and 4, in the built binary under a 1 GiB address-space limit:
// before the clamp, one of these pty-reqs ended in "fatal error: out of
// memory", taking every session with it. The server must serve on, held
// sessions included, and its peak memory stay small.
func TestHostileWindowSizesMemory(t *testing.T) {
	t.Parallel()
	p := startBinary(t, 1<<20, "--rate", "0")
	for i, size := range hostileSizes {
		tm := openTerminal(t, dialAs(t, p.addr, sourceIP(i)), "", size.w, size.h)
		eventually(t, "a first frame", func() bool { return strings.Contains(tm.text(), "4xx") || strings.Contains(tm.text(), "…") }, tm.text)
		if err := tm.sess.WindowChange(size.h, size.w); err != nil {
			t.Fatal(err)
		}
		tm.send(t, "\x1b[8;4096;256t") // and in band
		// held until the test ends
	}
	served(t, p.addr)
	select {
	case err := <-p.exited:
		t.Fatalf("server died: %v", err)
	default:
	}
	// About 15 MB idle and a few MB per session at the largest window.
	peak := p.peakMiB(t)
	t.Logf("peak resident memory %.0f MiB with %d clamped sessions", peak, len(hostileSizes))
	if peak > 150 {
		t.Errorf("peak resident memory %.0f MiB with %d clamped sessions", peak, len(hostileSizes))
	}
}

// Item 2: window changes sent before the shell request used to block the
// channel's request loop in charm.land/ssh, then the connection's read
// loop: the connection never closed, not even at its timeouts. Now the
// latest size reaches the explorer, and an abandoned connection times out.
func TestHostileEarlyWindowChanges(t *testing.T) {
	t.Parallel()
	events := make(chan string, 1024)
	h := startServer(t, func(c *Config) {
		c.IdleTimeout = time.Second
		withProbe(events)(c)
	})

	// Many early changes, then the shell: the last size wins.
	client := dial(t, h.addr)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		if err := sess.WindowChange(25, 81+i); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	expect(t, events, "size 180x25")

	// An abandoned connection: PTY, early changes, no shell.
	conn, err := net.Dial("tcp", h.addr)
	if err != nil {
		t.Fatal(err)
	}
	abandoned := clientOver(t, conn)
	s2, err := abandoned.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		_ = s2.WindowChange(24, 80)
	}
	served(t, h.addr)
	closed := make(chan error, 1)
	go func() { closed <- abandoned.Wait() }()
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatal("connection still open long after its 1s idle timeout")
	}
}

// Item 3: one address holds at most MaxConnsPerIP connections, handshaken
// or not; other addresses are still served. 127.0.0.2 is another client
// on the same loopback interface.
func TestHostilePerAddressConnectionLimit(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.MaxConnsPerIP = 2 })
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", h.addr) // half open: no SSH from this side
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		// The server's version line means it has counted this one.
		_ = c.SetReadDeadline(time.Now().Add(waitLimit))
		if _, err := c.Read(make([]byte, 8)); err != nil {
			t.Fatalf("connection %d not admitted: %v", len(held), err)
		}
	}
	if _, err := tryDial(h.addr, "127.0.0.1"); err == nil {
		t.Error("a third connection from 127.0.0.1 was admitted")
	}
	if !strings.Contains(h.logs.String(), `reason="max connections per address" remote=127.0.0.1:`) {
		t.Errorf("refusal not logged:\n%s", h.logs)
	}
	var dialErr *net.OpError
	if _, err := tryDial(h.addr, "127.0.0.2"); errors.As(err, &dialErr) && dialErr.Op == "dial" {
		t.Logf("cannot connect from 127.0.0.2 here, so another address goes untested: %v", err)
	} else if err != nil {
		t.Errorf("127.0.0.2 refused while 127.0.0.1 was at its limit: %v", err)
	}
	held[0].Close()
	eventually(t, "a slot for 127.0.0.1 again", func() bool {
		_, err := tryDial(h.addr, "127.0.0.1")
		return err == nil
	}, h.logs.String)
}

// tryDial connects from the local address from, runs a query and hangs up.
func tryDial(addr, from string) (string, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, clientConfig())
	if err != nil {
		conn.Close()
		return "", err
	}
	c := gossh.NewClient(cc, chans, reqs)
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return "", err
	}
	out, err := sess.Output("404")
	return string(out), err
}

// Item 3 behind a load balancer: the limit counts the addresses in the
// PROXY headers, not the balancer's.
func TestHostilePerAddressLimitBehindProxy(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.ProxyProtocol, c.MaxConnsPerIP = true, 1 })
	via := func(ip string) (*gossh.Client, error) {
		conn, err := net.Dial("tcp", h.addr)
		if err != nil {
			return nil, err
		}
		src := &net.TCPAddr{IP: net.ParseIP(ip), Port: 4242}
		if _, err := proxyproto.HeaderProxyFromAddrs(2, src, conn.RemoteAddr()).WriteTo(conn); err != nil {
			return nil, err
		}
		cc, chans, reqs, err := gossh.NewClientConn(conn, h.addr, clientConfig())
		if err != nil {
			conn.Close()
			return nil, err
		}
		c := gossh.NewClient(cc, chans, reqs)
		t.Cleanup(func() { c.Close() })
		return c, nil
	}
	if _, err := via("192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	if _, err := via("192.0.2.1"); err == nil {
		t.Error("a second connection from 192.0.2.1 was admitted")
	}
	if _, err := via("192.0.2.2"); err != nil {
		t.Errorf("192.0.2.2 refused: %v", err)
	}
	if !strings.Contains(h.logs.String(), `reason="max connections per address" remote=192.0.2.1:4242`) {
		t.Errorf("refusal not logged with the PROXY address:\n%s", h.logs)
	}
}

// Item 4: at most maxChannelsPerConn sessions at once on one connection.
func TestHostileChannelsPerConnection(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	c := dial(t, h.addr)
	var open []*gossh.Session
	for i := range maxChannelsPerConn {
		s, err := c.NewSession()
		if err != nil {
			t.Fatalf("session %d: %v", i+1, err)
		}
		open = append(open, s)
	}
	for range 100 {
		if s, err := c.NewSession(); err == nil {
			s.Close()
			t.Fatal("a session beyond the cap was opened")
		}
	}
	if n := strings.Count(h.logs.String(), `reason="sessions per connection"`); n == 0 || n > noisyBurst+1 {
		t.Errorf("%d refusal lines for 100 refusals:\n%s", n, h.logs)
	}
	open[0].Close()
	eventually(t, "a free session slot", func() bool {
		s, err := c.NewSession()
		if err == nil {
			s.Close()
		}
		return err == nil
	}, h.logs.String)
	// A channel closed with its explorer running: the explorer ends too,
	// so it cannot linger past the cap until the connection closes.
	for _, s := range open[1:] {
		s.Close()
	}
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	tm.waitFor(t, "4xx")
	tm.sess.Close()
	eventually(t, "the explorer to end with its channel", func() bool { return activeSessions(h) == 0 }, h.logs.String)
}

// activeSessions counts connect lines without their disconnect.
func activeSessions(h *harness) int {
	logs := h.logs.String()
	return strings.Count(logs, "INFO  connect ") - strings.Count(logs, "INFO  disconnect ")
}

// Item 4: data nothing reads is not kept: golang.org/x/crypto/ssh holds up
// to a 2 MB window per channel, for input sent before a session starts
// (or to one that never does) and for a client's extended data ("stderr")
// at any time. Nine connections of ten such channels held 180 MB.
func TestHostileUnreadChannelData(t *testing.T) {
	t.Parallel()
	p := startBinary(t, 0, "--rate", "0", "--max-sessions-per-ip", "0")
	var flood sync.WaitGroup
	for i := range 5 {
		c := dialAs(t, p.addr, sourceIP(i))
		for j := range maxChannelsPerConn {
			ch, reqs, err := c.OpenChannel("session", nil)
			if err != nil {
				t.Fatal(err)
			}
			go gossh.DiscardRequests(reqs)
			if i == 0 { // running explorers, sent extended data
				pty := struct {
					Term               string
					Cols, Rows, Px, Py uint32
					Modes              string
				}{"xterm", 80, 24, 0, 0, "\x00"}
				if ok, err := ch.SendRequest("pty-req", true, gossh.Marshal(pty)); !ok || err != nil {
					t.Fatalf("pty-req %d: %v %v", j, ok, err)
				}
				if ok, err := ch.SendRequest("shell", true, nil); !ok || err != nil {
					t.Fatalf("shell %d: %v %v", j, ok, err)
				}
				flood.Go(func() { _, _ = ch.Stderr().Write(make([]byte, 2<<20)) })
				go func() { _, _ = io.Copy(io.Discard, ch) }()
				continue
			}
			flood.Go(func() { _, _ = ch.Write(make([]byte, 2<<20)) }) // and no session
		}
	}
	// Every write returns once the server has taken its 2 MB: 100 MB in all.
	sent := make(chan struct{})
	go func() { flood.Wait(); close(sent) }()
	select {
	case <-sent:
	case <-time.After(2 * waitLimit):
		t.Fatal("the server stopped reading the channels")
	}
	served(t, p.addr)
	// About 15 MB idle, 0.75 MB per explorer.
	peak := p.peakMiB(t)
	t.Logf("peak resident memory %.0f MiB", peak)
	if peak > 60 {
		t.Errorf("peak resident memory %.0f MiB", peak)
	}
}

// Item 4: env requests are capped in number and size.
func TestHostileEnvRequests(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) {
		c.Query = func(_ []string, out, _ io.Writer, env []string) int {
			fmt.Fprint(out, len(env))
			return 0
		}
	})
	sess, err := dial(t, h.addr).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Setenv("BIG", strings.Repeat("x", maxEnvBytes)); err == nil {
		t.Error("an env request over maxEnvBytes was accepted")
	}
	for i := range maxEnvRequests {
		if err := sess.Setenv(fmt.Sprint("V", i), "1"); err != nil {
			t.Fatalf("env %d: %v", i, err)
		}
	}
	for range 200 {
		if err := sess.Setenv("MORE", "1"); err == nil {
			t.Fatal("an env request beyond maxEnvRequests was accepted")
		}
	}
	out, err := sess.Output("404")
	if err != nil || string(out) != fmt.Sprint(maxEnvRequests) {
		t.Errorf("environment of %q entries, want %d (%v)", out, maxEnvRequests, err)
	}
	if n := strings.Count(h.logs.String(), "reason=env"); n != 1 {
		t.Errorf("%d env refusal lines, want 1 per session:\n%s", n, h.logs)
	}
}

// Item 4: a pty-req larger than any terminal sends is refused.
func TestHostilePtyRequestTooLong(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	sess, err := dial(t, h.addr).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty(strings.Repeat("x", maxPtyRequestBytes), 24, 80, gossh.TerminalModes{}); err == nil {
		t.Error("an oversized pty-req was accepted")
	}
	served(t, h.addr)
}

// Item 5: a long command is refused before anything parses it.
func TestHostileLongCommand(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	start := time.Now()
	for range 6 {
		_, errOut, status := runCmd(t, h.addr, strings.Repeat(`"a b' `, 250<<10/6))
		if status != 2 || !strings.Contains(errOut, "at most 2048") {
			t.Fatalf("250 KB command: status %d, stderr %q", status, errOut)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("six 250 KB commands took %v", d)
	}
	for _, line := range strings.Split(h.logs.String(), "\n") {
		if len(line) > 4*maxLoggedBytes {
			t.Errorf("a %d-byte log line", len(line))
		}
	}
}

// Item 6: a megabyte pasted without bracketed paste costs a bounded amount
// of CPU, and q is answered soon after. The built binary runs alone so
// that its CPU time can be read.
func TestHostileUnbracketedPaste(t *testing.T) {
	t.Parallel()
	p := startBinary(t, 0)
	tm := openTerminal(t, dial(t, p.addr), "", 80, 24)
	tm.waitFor(t, "4xx")
	before, start := p.cpuSeconds(t), time.Now()
	tm.send(t, strings.Repeat("j", 1<<20))
	deadline := time.Now().Add(10 * time.Second)
	for ended := false; !ended; {
		if time.Now().After(deadline) {
			t.Fatal("q unanswered 10 s after a 1 MB paste")
		}
		_, _ = io.WriteString(tm.in, quitKey)
		select {
		case <-tm.done:
			ended = true
		case <-time.After(200 * time.Millisecond):
		}
	}
	cpu := p.cpuSeconds(t) - before
	t.Logf("a 1 MB paste and q: %.2f CPU seconds, ended after %v", cpu, time.Since(start).Round(time.Millisecond))
	if cpu > 3 {
		t.Errorf("a 1 MB paste cost %.1f CPU seconds", cpu)
	}
	if !strings.Contains(p.logs.String(), "dropping input") {
		t.Errorf("dropped input not logged:\n%s", p.logs)
	}
}

// Item 7: signal requests are answered (no), not left hanging.
func TestHostileSignalAnswered(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
	tm.waitFor(t, "4xx")
	for range 200 {
		answered := make(chan bool, 1)
		go func() {
			ok, _ := tm.sess.SendRequest("signal", true, gossh.Marshal(struct{ Signal string }{"INT"}))
			answered <- ok
		}()
		select {
		case ok := <-answered:
			if ok {
				t.Fatal("signal accepted")
			}
		case <-time.After(waitLimit):
			t.Fatal("signal with want-reply unanswered")
		}
	}
	tm.send(t, quitKey)
	tm.wait(t)
}

// Item 7: a client-supplied string cannot forge or flood a log record.
func TestHostileLogForging(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	forged := "alice\n2026-01-01T00:00:00Z INFO  connect remote=10.0.0.1:1 user=admin"
	for _, user := range []string{forged, strings.Repeat("u", 120<<10)} {
		cfg := clientConfig()
		cfg.User = user
		c, err := gossh.Dial("tcp", h.addr, cfg)
		if err != nil {
			t.Fatal(err)
		}
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		_ = sess.RequestPty("xterm\nWARN  forged", 24, 80, gossh.TerminalModes{})
		sess.Stdin = strings.NewReader("\x03") // ctrl+c ends the explorer
		_ = sess.Start("404\r\nINFO  forged \x1b[31mred")
		_ = sess.Wait()
		c.Close()
	}
	eventually(t, "both sessions logged", func() bool { return strings.Count(h.logs.String(), "disconnect") == 2 }, h.logs.String)
	logs := h.logs.String()
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		if !strings.HasPrefix(line, "20") || strings.Contains(line, "user=admin") && !strings.Contains(line, `alice\n`) {
			t.Errorf("a forged or broken record: %q", line)
		}
		if len(line) > 4*maxLoggedBytes {
			t.Errorf("a %d-byte log line", len(line))
		}
		if strings.Contains(line, "\x1b") {
			t.Errorf("an escape sequence in the log: %q", line)
		}
	}
	for _, want := range []string{`user="alice\n2026`, `term="xterm\nWARN  forged"`, `query="404\r\nINFO  forged \x1b[31mred"`, "uuu…"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

// Item 7: the idle and max timeouts end an explorer before they cut the
// connection, so the client's terminal leaves the alternate screen and
// shows its cursor again.
func TestHostileTimeoutsRestoreTheTerminal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		idle, max time.Duration
		typing    bool
		says      string
	}{
		{"idle", 2 * time.Second, time.Hour, false, "without input"},
		{"max", time.Hour, 3 * time.Second, true, "last at most 3s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			events := make(chan string, 1024)
			h := startServer(t, func(c *Config) {
				c.IdleTimeout, c.MaxTimeout = tc.idle, tc.max
				withProbe(events)(c)
			})
			tm := openTerminal(t, dial(t, h.addr), "", 80, 24)
			tm.waitFor(t, "probe 80x24")
			stop := make(chan struct{})
			defer close(stop)
			if tc.typing { // keep the connection busy so only the max timeout applies
				go func() {
					for {
						select {
						case <-stop:
							return
						case <-time.After(300 * time.Millisecond):
							_, _ = io.WriteString(tm.in, "x")
						}
					}
				}()
			}
			tm.wait(t)
			out := tm.out.String()
			for _, seq := range []string{"\x1b[?1049l", "\x1b[?25h", tc.says} {
				if !strings.Contains(out, seq) {
					t.Errorf("the client never got %q before the close; got %q", seq, out[max(0, len(out)-300):])
				}
			}
		})
	}
}

// Item 7: weak algorithms are refused; the strong ones OpenSSH and PuTTY
// use are offered.
func TestHostileWeakAlgorithmsRefused(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	try := func(kex, cipher, mac string) error {
		cfg := clientConfig()
		cfg.KeyExchanges, cfg.Ciphers, cfg.MACs = []string{kex}, []string{cipher}, []string{mac}
		c, err := gossh.Dial("tcp", h.addr, cfg)
		if err == nil {
			c.Close()
		}
		return err
	}
	const kex, cipher, mac = gossh.KeyExchangeCurve25519, gossh.CipherAES128CTR, gossh.HMACSHA256ETM
	for _, weak := range [][3]string{
		{gossh.KeyExchangeECDHP256, cipher, mac},
		{gossh.KeyExchangeECDHP384, cipher, mac},
		{gossh.KeyExchangeECDHP521, cipher, mac},
		{gossh.InsecureKeyExchangeDH14SHA1, cipher, mac},
		{gossh.KeyExchangeDH14SHA256, cipher, mac},
		{gossh.KeyExchangeDH16SHA512, cipher, mac}, // 41 ms of server CPU a handshake
		{kex, cipher, gossh.HMACSHA1},
		{kex, cipher, gossh.InsecureHMACSHA196},
		{kex, cipher, gossh.HMACSHA256},
		{kex, cipher, gossh.HMACSHA512},
		{kex, gossh.InsecureCipherAES128CBC, mac},
	} {
		if err := try(weak[0], weak[1], weak[2]); err == nil {
			t.Errorf("%v accepted", weak)
		}
	}
	for _, strong := range [][3]string{
		{gossh.KeyExchangeMLKEM768X25519, gossh.CipherChaCha20Poly1305, mac},
		{kex, gossh.CipherAES256GCM, mac},
		{gossh.KeyExchangeCurve25519, gossh.CipherAES256CTR, gossh.HMACSHA512ETM},
		{"curve25519-sha256@libssh.org", cipher, mac},
	} {
		if err := try(strong[0], strong[1], strong[2]); err != nil {
			t.Errorf("%v refused: %v", strong, err)
		}
	}
}

// Item 7: a connection that never finishes its handshake is dropped at
// the login timeout and logged; a flood of them, from as many addresses,
// costs a line a second, not a line each.
func TestHostileHandshakeTimeoutLogged(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.LoginTimeout = 300 * time.Millisecond })
	var conns []net.Conn
	for i := range 3 * noisyBurst {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(sourceIP(i))}}
		c, err := d.Dial("tcp", h.addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		_ = c.SetReadDeadline(time.Now().Add(waitLimit))
		if _, err := io.Copy(io.Discard, c); err != nil && !errors.Is(err, io.EOF) {
			t.Errorf("silent client not dropped: %v", err)
		}
		c.Close()
	}
	eventually(t, "timeouts logged", func() bool { return strings.Contains(h.logs.String(), "login timeout") }, h.logs.String)
	if n := strings.Count(h.logs.String(), "login timeout"); n > noisyBurst+1 {
		t.Errorf("%d lines for %d timeouts", n, len(conns))
	}
}
