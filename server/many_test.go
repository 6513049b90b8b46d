package server

// A hostile client spread over many loopback addresses (127.x.y.z, and
// IPv6 /64s through PROXY headers): each test is one finding of issue 18.
// Loops are bounded in count; waits are for the flood, not the clock.

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// sourceIP is the i-th loopback address other than 127.0.0.1: 127.1.x.y.
func sourceIP(i int) string { return fmt.Sprintf("127.1.%d.%d", i/250, i%250+1) }

// heapInUse is the heap and stacks in use after two collections.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

func goroutineDump() string {
	var b strings.Builder
	_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
	return b.String()
}

// Item 1: a session that ends while the input reader still holds parsed
// keys used to leak its whole explorer: Bubble Tea's reader blocked for
// good sending to a program that had stopped reading. Sessions type a few
// hundred keys and then press ctrl+c among them, or hang up; goroutines
// and the heap must come back to where they were. Not parallel: it counts
// every goroutine and the whole heap.
func TestManyQueuedInputLeaksNothing(t *testing.T) {
	h := startServer(t, nil)
	session := func(i int, hangUp bool) {
		c, err := dialFrom(h.addr, sourceIP(i))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := openTerminal(t, c, "", 160, 50)
		tm.waitFor(t, "4xx")
		keys := strings.Repeat("jk", 150)
		if hangUp {
			tm.send(t, keys)
			c.Close()
			return
		}
		tm.send(t, keys[:20]+quitKey+keys) // ctrl+c passes whatever the budgets
		tm.wait(t)
	}
	session(0, false) // the catalog, the index and the styles, loaded once
	eventually(t, "the first session to end", func() bool { return h.srv.sessionCount() == 0 }, h.logs.String)
	baseG, baseHeap := runtime.NumGoroutine(), heapInUse()

	const n = 12
	for i := range n {
		session(1+i, i%2 == 1)
	}
	eventually(t, "every session to end", func() bool { return h.srv.sessionCount() == 0 }, h.logs.String)
	eventually(t, "goroutines back to the baseline", func() bool { return runtime.NumGoroutine() <= baseG }, goroutineDump)
	// A leaked explorer at this size held about 2.5 MiB.
	var grown int64
	deadline := time.Now().Add(waitLimit)
	for {
		grown = int64(heapInUse()) - int64(baseHeap)
		if grown < 4<<20 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("heap %+.1f MiB after %d sessions with queued input", float64(grown)/(1<<20), n)
	if grown >= 4<<20 {
		t.Errorf("heap grew %.1f MiB after %d sessions ended with queued input", float64(grown)/(1<<20), n)
	}
}

// storms are inputs a client may send at the full input rate, each able
// to cost a redraw: keys, typing into the filter, the mouse wheel, pastes,
// and terminal reports nobody asked for.
var storms = []struct{ name, unit string }{
	{"arrow keys", "\x1b[B\x1b[B\x1b[A\x1b[A"},
	{"typing", "rate\x7f\x7f\x7f\x7f"},
	{"wheel", "\x1b[<65;10;10M\x1b[<64;10;10M"},
	{"paste", "\x1b[200~404\x1b[201~"},
	{"in-band sizes", "\x1b[8;100;300t\x1b[8;99;299t"},
	{"background colours", "\x1b]11;rgb:0000/0000/0000\x07\x1b]11;rgb:ffff/ffff/ffff\x07"},
	{"mode reports", "\x1b[?2026;2$y\x1b[?2027;1$y"},
	{"focus", "\x1b[I\x1b[O"},
	{"unknown", "\x1b[99z\x1b[98z"},
}

// storm sends unit to tm at inputRate for d.
func storm(t *testing.T, tm *terminal, unit string, d time.Duration) {
	t.Helper()
	const tick = 50 * time.Millisecond
	chunk := strings.Repeat(unit, max(1, int(inputRate*tick/time.Second)/len(unit)))
	next := time.Now()
	for end := next.Add(d); next.Before(end); next = next.Add(tick) {
		tm.send(t, chunk)
		time.Sleep(time.Until(next.Add(tick)))
	}
}

// Item 4: one session storming any kind of input at the full input rate,
// at the largest window, costs under a tenth of a core once its address's
// work burst is spent (the first second, not counted). The storm ends
// with ctrl+c, so when the session has ended every event of it has been
// handled. The built binary runs alone so that its CPU time can be read;
// CPU time, unlike wall time, does not grow on a busy machine.
func TestManyStormCostsLittle(t *testing.T) {
	t.Parallel()
	p := startBinaryEnv(t, nil, 0, "--rate", "0") // Go's default GC, as deployed

	for i, s := range storms {
		tm := openTerminal(t, dialAs(t, p.addr, sourceIP(i)), "", maxWidth, maxHeight)
		tm.waitFor(t, "4xx")
		cpu0, start := p.cpuSeconds(t), time.Now()
		storm(t, tm, s.unit, time.Second)
		cpu1, warm := p.cpuSeconds(t), time.Now()
		storm(t, tm, s.unit, 3*time.Second)
		tm.send(t, quitKey)
		tm.wait(t)
		steady := (p.cpuSeconds(t) - cpu1) / time.Since(warm).Seconds()
		first := (cpu1 - cpu0) / warm.Sub(start).Seconds()
		t.Logf("%-18s %4.1f%% of a core, %4.1f%% in the first second; %d bytes sent back", s.name, 100*steady, 100*first, len(tm.out.String()))
		if steady > 0.10 {
			t.Errorf("a storm of %s cost %.0f%% of a core", s.name, 100*steady)
		}
	}
}

// Item 2: one address holds at most MaxSessionsPerIP sessions over all
// its connections; the next is told why, and other addresses are served.
// An IPv6 /64 behind a load balancer counts as one address.
func TestManySessionsPerAddress(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.MaxSessionsPerIP = 2 })
	for i := range 2 {
		tm := openTerminal(t, dialAs(t, h.addr, "127.1.0.1"), "", 80, 24)
		tm.waitFor(t, "4xx")
		_ = i
	}
	sess, err := dialAs(t, h.addr, "127.1.0.1").NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	sess.Stderr = &errOut
	if err := sess.Run("404"); err == nil || !strings.Contains(errOut.String(), "your address has the most sessions open at once (2)") {
		t.Errorf("a third session from one address: %v, stderr %q", err, errOut.String())
	}
	served(t, h.addr)

	p := startServer(t, func(c *Config) { c.MaxSessionsPerIP, c.ProxyProtocol = 1, true })
	hold, err := dialVia(p.addr, "2001:db8:1:1::1")
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	openTerminal(t, hold, "", 80, 24).waitFor(t, "4xx")
	for src, admitted := range map[string]bool{"2001:db8:1:1:ffff::2": false, "2001:db8:1:2::1": true} {
		c, err := dialVia(p.addr, src)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		out, err := s.Output("404")
		if (err == nil) != admitted {
			t.Errorf("%s with a session open from 2001:db8:1:1::1: admitted %v, want %v (%q %v)", src, err == nil, admitted, out, err)
		}
		c.Close()
	}
}

// Item 2: idleness is what the person does, not what the client sends: an
// explorer nobody types into ends at the idle timeout although the client
// sends keepalives all along.
func TestManyKeepalivesDoNotKeepAnIdleSession(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.IdleTimeout = 2 * time.Second })
	c := dialAs(t, h.addr, "127.1.0.2")
	tm := openTerminal(t, c, "", 80, 24)
	tm.waitFor(t, "4xx")
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
				_, _, _ = c.SendRequest("keepalive@openssh.com", true, nil)
				_, _ = io.WriteString(tm.in, "\x1b]11;rgb:0000/0000/0000\x07") // a terminal report
			}
		}
	}()
	tm.wait(t)
	if !strings.Contains(tm.text(), "without input") {
		t.Errorf("the session did not end for idleness:\n%s", tm.text())
	}
}

// Item 2: when the server is full, a newcomer takes the place of the
// session idle longest of the address holding the most, if that holds more
// than the newcomer's; otherwise, or when every session is in use, it is
// told to try again.
func TestManyFullServerMakesRoom(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) {
		c.MaxSessions, c.MaxSessionsPerIP, c.evictIdle = 3, 3, time.Second
	})
	open := func(from string) *terminal {
		tm := openTerminal(t, dialAs(t, h.addr, from), "", 80, 24)
		tm.waitFor(t, "4xx")
		return tm
	}
	a1, a2, b := open("127.1.1.1"), open("127.1.1.1"), open("127.1.1.2")
	// Every session in use (typed into within evictIdle): busy.
	for _, tm := range []*terminal{a1, a2, b} {
		tm.send(t, "4")
	}
	if _, errOut, status := runCmdFrom(t, h.addr, "127.1.1.3", "404"); status != 1 || !strings.Contains(errOut, "busy") {
		t.Errorf("with every session in use: status %d, stderr %q", status, errOut)
	}
	// All idle; then b and a2 type, so a1 is idle longest.
	eventually(t, "the sessions to be idle", func() bool { return idleFor(h, 3) }, h.logs.String)
	b.send(t, "0")
	a2.send(t, "0")
	// A newcomer from the address holding the most is refused; one from
	// an address holding fewer ends a1: its address holds the most, and it
	// is idle longest there.
	if _, errOut, status := runCmdFrom(t, h.addr, "127.1.1.1", "404"); status != 1 || !strings.Contains(errOut, "busy") {
		t.Errorf("a newcomer from the address holding the most: status %d, stderr %q", status, errOut)
	}
	out, errOut, status := runCmdFrom(t, h.addr, "127.1.1.2", "404")
	if status != 0 || out != "404 Not Found\n" {
		t.Errorf("a newcomer to a full server: %q %q, status %d", out, errOut, status)
	}
	a1.wait(t)
	if !strings.Contains(a1.text(), "made room for another") {
		t.Errorf("the session ended to make room was not told why:\n%s", a1.text())
	}
	for _, tm := range []*terminal{a2, b} {
		select {
		case err := <-tm.done:
			t.Errorf("a session other than the longest idle ended: %v\n%s", err, tm.text())
		default:
		}
	}
}

// idleFor reports whether at least n sessions of h have been idle for the
// eviction threshold.
func idleFor(h *harness, n int) bool {
	a := h.srv.gate
	a.mu.Lock()
	defer a.mu.Unlock()
	idle := 0
	for _, src := range a.sources {
		for _, s := range src.sessions {
			if s.person != nil && time.Since(s.person.since()) >= a.cfg.evictIdle {
				idle++
			}
		}
	}
	return idle >= n
}

// runCmdFrom is runCmd from the local address from.
func runCmdFrom(t testing.TB, addr, from, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	c, err := dialFrom(addr, from)
	if err != nil {
		t.Fatalf("exec %q from %s: %v", cmd, from, err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var o, e strings.Builder
	sess.Stdout, sess.Stderr = &o, &e
	err = sess.Run(cmd)
	var ee *gossh.ExitError
	switch {
	case errors.As(err, &ee):
		status = ee.ExitStatus()
	case err != nil:
		t.Fatalf("exec %q from %s: %v", cmd, from, err)
	}
	return o.String(), e.String(), status
}

// Item 3: an authenticated connection that opens no session is closed
// at the login timeout, as is one whose last session has ended.
func TestManyConnectionsWithoutSessionsClosed(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.LoginTimeout = 500 * time.Millisecond })
	idle := dialAs(t, h.addr, "127.1.2.1")
	closed := make(chan error, 1)
	go func() { closed <- idle.Wait() }()
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatal("an authenticated connection without a session stayed open")
	}
	if !strings.Contains(h.logs.String(), "login timeout remote=127.1.2.1:") || !strings.Contains(h.logs.String(), "authenticated=true") {
		t.Errorf("timeout not logged:\n%s", h.logs)
	}

	used := dialAs(t, h.addr, "127.1.2.2")
	for range 2 { // a session, and after the first has ended, another
		s, err := used.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if out, err := s.Output("404"); err != nil {
			t.Fatalf("%q %v", out, err)
		}
	}
	go func() { closed <- used.Wait() }()
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatal("a connection whose sessions had ended stayed open")
	}
	served(t, h.addr)
}

// Item 3: an address whose connections keep timing out is refused for a
// while, told why in a line before the SSH version; others are served.
func TestManyPenalties(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.LoginTimeout = 200 * time.Millisecond })
	const from = "127.1.3.1"
	for range 2 { // 2 x penaltyTimeout passes penaltyMin
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
		c, err := d.Dial("tcp", h.addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.SetReadDeadline(time.Now().Add(waitLimit))
		_, _ = io.Copy(io.Discard, c) // until the server closes it
		c.Close()
	}
	if line := refusalLine(t, h.addr, from); !strings.Contains(line, "timed out or failed; try again in") {
		t.Errorf("a penalised address was told %q", line)
	}
	if !strings.Contains(h.logs.String(), "penalised source="+from) || !strings.Contains(h.logs.String(), "reason=penalty") {
		t.Errorf("penalty not logged:\n%s", h.logs)
	}
	served(t, h.addr)
	// A penalty runs out.
	a := h.srv.gate
	a.mu.Lock()
	a.now = func() time.Time { return time.Now().Add(penaltyMax) }
	a.mu.Unlock()
	if out, err := tryDial(h.addr, from); err != nil || out != "404 Not Found\n" {
		t.Errorf("after the penalty: %q %v", out, err)
	}
}

// Item 3: with --proxy-protocol, connections still waiting for their
// PROXY header wait in the startup pool: a flood of them keeps at most
// --max-startups open, the oldest closed first, and a client behind the
// load balancer is still served.
func TestManyProxyHeaderWaitersCapped(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.ProxyProtocol, c.MaxStartups = true, 10 })
	var silent []net.Conn
	defer func() {
		for _, c := range silent {
			c.Close()
		}
	}()
	for range 100 {
		c, err := net.Dial("tcp", h.addr)
		if err != nil {
			t.Fatal(err)
		}
		silent = append(silent, c)
	}
	// 90 closed: the server has taken in all 100.
	var closed atomic.Int32
	for _, c := range silent {
		go func() {
			_ = c.SetReadDeadline(time.Now().Add(waitLimit))
			if _, err := c.Read(make([]byte, 1)); errors.Is(err, io.EOF) {
				closed.Add(1)
			}
		}()
	}
	eventually(t, "90 of 100 connections without a header closed", func() bool { return closed.Load() >= 90 }, h.logs.String)
	if n := h.srv.gate.pooled(); n > 10 {
		t.Errorf("%d connections in the startup pool, want at most 10", n)
	}
	c, err := dialVia(h.addr, "192.0.2.77")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := s.Output("404"); err != nil || string(out) != "404 Not Found\n" {
		t.Errorf("a client behind the balancer: %q %v", out, err)
	}
}

// Item 6: a panic in the explorer's Update, View or a command ends that
// session with an apology and one line in the rate-limited log, where
// and what, not a stack on the server's stderr. Not parallel: it takes
// the process's stderr to see what reaches it.
func TestManyPanicsGoThroughTheLog(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = w
	var leaked strings.Builder
	copied := make(chan struct{})
	go func() { _, _ = io.Copy(&leaked, r); close(copied) }()
	defer func() {
		os.Stderr = stderr
		w.Close()
		<-copied
		if leaked.Len() > 0 {
			t.Errorf("written to the server's stderr:\n%s", leaked.String())
		}
	}()

	events := make(chan string, 1024)
	h := startServer(t, withProbe(events))
	start := time.Now()
	for i, key := range []string{"p", "v", "c", "p", "p", "p", "p", "p", "p", "p", "p", "p", "p", "p"} {
		tm := openTerminal(t, dialAs(t, h.addr, sourceIP(i)), "", 80, 24)
		tm.waitFor(t, "probe 80x24")
		tm.send(t, key)
		if status := tm.wait(t); status != 1 {
			t.Errorf("%s: exit status %d, want 1", key, status)
		}
		tm.waitFor(t, "internal error")
	}
	logs := h.logs.String()
	for _, want := range []string{
		`panic="probe exploded" at="github.com/httpstatus-dev/httpstatus/server.probe.Update (helpers_test.go:`,
		`panic="view exploded" at="github.com/httpstatus-dev/httpstatus/server.probe.View (helpers_test.go:`,
		`panic="command exploded" at="github.com/httpstatus-dev/httpstatus/server.probe.Update.func1 (helpers_test.go:`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
	if n, most := strings.Count(logs, "panic in explorer"), noisyBurst+int(time.Since(start)/noisyInterval); n > most {
		t.Errorf("%d panic lines for 14 panics, want at most %d", n, most)
	}
	if strings.Contains(logs, "goroutine ") {
		t.Errorf("a stack in the log:\n%s", logs)
	}
}

// Item 7: connects and disconnects are rate-limited like the warnings: 300
// addresses making a query each leave a bounded log, and a summary of the
// lines left out.
func TestManyConnectLogsAreLimited(t *testing.T) {
	t.Parallel()
	h := startServer(t, nil)
	const n = 300
	start := time.Now()
	var wg sync.WaitGroup
	sem := make(chan struct{}, 20)
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if out, err := tryDial(h.addr, sourceIP(i)); err != nil || out != "404 Not Found\n" {
				t.Errorf("query from %s: %q %v", sourceIP(i), out, err)
			}
		})
	}
	wg.Wait()
	eventually(t, "the sessions to end", func() bool { return h.srv.sessionCount() == 0 }, h.logs.String)
	h.srv.noisy.summarise()
	logs := h.logs.String()
	connects, disconnects := strings.Count(logs, "INFO  connect "), strings.Count(logs, "INFO  disconnect ")
	t.Logf("%d queries logged %d connects, %d disconnects, %d bytes", n, connects, disconnects, len(logs))
	if most := noisyBurst + int(time.Since(start)/noisyInterval) + 1; connects > most || disconnects > most {
		t.Errorf("%d connect and %d disconnect lines for %d sessions", connects, disconnects, n)
	}
	counted := func(pattern string) (sum int) {
		for _, m := range regexp.MustCompile(pattern).FindAllStringSubmatch(logs, -1) {
			k, _ := strconv.Atoi(m[1])
			sum += k
		}
		return sum
	}
	suppressed := counted(`INFO  connect .* suppressed=(\d+)`)
	summarised := counted(`lines left out message=connect count=(\d+)`)
	if summarised == 0 {
		t.Errorf("no summary of the connect lines left out:\n%s", logs)
	}
	if connects+suppressed+summarised != n {
		t.Errorf("%d connects logged + %d counted on later lines + %d in summaries, want %d", connects, suppressed, summarised, n)
	}
}

// Item 8: a connection's requests are paced: one sending window changes
// as fast as it can is read no faster than requestRate, so it costs the
// server no more than the redraws its explorer's work budgets allow, and
// other clients are served. (Unpaced, 645,000 a second cost about a core.)
func TestManyRequestFloodIsPaced(t *testing.T) {
	t.Parallel()
	p := startBinaryEnv(t, nil, 0)
	c := dialAs(t, p.addr, "127.1.4.1")
	tm := openTerminal(t, c, "", maxWidth, maxHeight)
	tm.waitFor(t, "4xx")
	cpu0, start := p.cpuSeconds(t), time.Now()
	sent := make(chan int, 1)
	go func() {
		n := 0
		for tm.sess.WindowChange(maxHeight-n%2, maxWidth) == nil {
			n++ // blocks once the server reads no further
		}
		sent <- n
	}()
	storming := 3 * time.Second
	time.Sleep(storming) // the storm's length, as in TestManyStormCostsLittle
	cpu := (p.cpuSeconds(t) - cpu0) / time.Since(start).Seconds()
	served(t, p.addr)
	c.Close()
	t.Logf("the client wrote %d window changes in %v (most wait in buffers); they cost %.1f%% of a core", <-sent, storming, 100*cpu)
	if cpu > 0.10 {
		t.Errorf("a flood of window changes cost %.0f%% of a core", 100*cpu)
	}
}

// The first probe: while 200 addresses flood silent connections,
// reconnecting as each is dropped, a query from another address succeeds
// at least 9 times in 10. Limits as shipped.
func TestManySilentFloodLeavesRoom(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.Rate, c.Burst = DefaultConfig().Rate, DefaultConfig().Burst })
	const addrs, loops = 200, 2
	var (
		flood    sync.WaitGroup
		mu       sync.Mutex
		open     = map[net.Conn]bool{}
		stopped  bool
		answered int // connections the server took in or turned away
	)
	stop := make(chan struct{})
	for i := range addrs * loops {
		from := fmt.Sprintf("127.2.%d.%d", i%addrs/250, i%addrs%250+1)
		flood.Go(func() {
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: waitLimit}
			for {
				c, err := d.Dial("tcp", h.addr)
				mu.Lock()
				if err == nil && stopped {
					c.Close()
				}
				if err != nil || stopped {
					mu.Unlock()
					return
				}
				open[c] = true
				mu.Unlock()
				// Silent: wait for the server's version or refusal, then
				// for it to close the connection.
				_, _ = c.Read(make([]byte, 256))
				mu.Lock()
				answered++
				mu.Unlock()
				_, _ = io.Copy(io.Discard, c)
				mu.Lock()
				delete(open, c)
				mu.Unlock()
				c.Close()
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		})
	}
	eventually(t, "the flood under way", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return answered >= 2*addrs*loops
	}, h.logs.String)
	ok := answeredOf10(t, h.addr)
	mu.Lock()
	stopped = true
	for c := range open {
		c.Close()
	}
	mu.Unlock()
	close(stop)
	flood.Wait()
	t.Logf("%d of 10 queries answered while %d addresses flooded; %d flood connections answered", ok, addrs, answered)
	if ok < 9 {
		t.Errorf("%d of 10 queries answered during the flood, want at least 9", ok)
	}
}

// The second probe: while 10 addresses try to fill the session
// slots, with explorers nobody types into and keepalives, a query from
// another address succeeds at least 9 times in 10. As shipped, the 10 get
// --max-sessions-per-ip each, far from --max-sessions; on a server small
// enough for them to fill, a newcomer takes the place of one left idle.
func TestManySessionHogsLeaveRoom(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		edit func(*Config)
	}{
		{"as shipped", func(c *Config) { c.Rate, c.Burst = DefaultConfig().Rate, DefaultConfig().Burst }},
		{"full", func(c *Config) {
			c.Rate, c.Burst = DefaultConfig().Rate, DefaultConfig().Burst
			c.MaxSessions, c.evictIdle = 40, 500*time.Millisecond
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := startServer(t, tc.edit)
			var hogs []*gossh.Client
			held := map[string]int{}
			for i := range 10 {
				from := fmt.Sprintf("127.3.0.%d", i+1)
				for range DefaultConfig().MaxConnsPerIP {
					c, err := dialFrom(h.addr, from)
					if err != nil {
						continue // turned away: its address is at a limit
					}
					hogs = append(hogs, c)
					for range 2 {
						if holdExplorer(c) {
							held[from]++
						}
					}
				}
			}
			defer func() {
				for _, c := range hogs {
					c.Close()
				}
			}()
			stop := make(chan struct{})
			defer close(stop)
			go func() { // keepalives, which are not a person
				for {
					select {
					case <-stop:
						return
					case <-time.After(200 * time.Millisecond):
						for _, c := range hogs {
							go func() { _, _, _ = c.SendRequest("keepalive@openssh.com", true, nil) }()
						}
					}
				}
			}()
			total := 0
			for from, n := range held {
				total += n
				if n > DefaultConfig().MaxSessionsPerIP {
					t.Errorf("%s holds %d sessions", from, n)
				}
			}
			if tc.name == "full" {
				eventually(t, "the hogs' sessions idle", func() bool { return idleFor(h, h.srv.cfg.MaxSessions) }, h.logs.String)
			}
			ok := answeredOf10(t, h.addr)
			t.Logf("10 addresses hold %d sessions; %d of 10 queries answered", total, ok)
			if ok < 9 {
				t.Errorf("%d of 10 queries answered, want at least 9", ok)
			}
		})
	}
}

// answeredOf10 makes 10 queries from 127.0.0.1, an address of its own,
// and counts those answered.
func answeredOf10(t *testing.T, addr string) (ok int) {
	for range 10 {
		c, err := dialFrom(addr, "127.0.0.1")
		if err != nil {
			t.Logf("a query failed: %v", err)
			continue
		}
		out, errOut, status := "", "", 0
		if s, err := c.NewSession(); err == nil {
			var o, e strings.Builder
			s.Stdout, s.Stderr = &o, &e
			err = s.Run("404")
			out, errOut = o.String(), e.String()
			if err != nil {
				status = -1
			}
		}
		c.Close()
		if status == 0 && out == "404 Not Found\n" {
			ok++
		} else {
			t.Logf("a query failed: %q %q", out, errOut)
		}
	}
	return ok
}

// holdExplorer opens an explorer on c and leaves it open, its output
// read; false if the server refused it.
func holdExplorer(c *gossh.Client) bool {
	sess, err := c.NewSession()
	if err != nil {
		return false
	}
	if sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}) != nil {
		return false
	}
	out, err := sess.StdoutPipe()
	if err != nil || sess.Shell() != nil {
		return false
	}
	buf := make([]byte, 4096)
	var screen strings.Builder
	for !strings.Contains(screen.String(), "4xx") {
		n, err := out.Read(buf)
		if err != nil {
			return false // refused: the message, then the end
		}
		screen.Write(buf[:n])
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return true
}
