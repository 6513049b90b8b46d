package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/model"
)

// The load client runs in a child process (this test binary, re-executed),
// so the server's memory is measured without the clients'.
const loadClientEnv = "HTTPSTATUS_LOAD_CLIENT"

func TestMain(m *testing.M) {
	if os.Getenv(loadClientEnv) != "" {
		os.Exit(loadClient())
	}
	code := m.Run()
	removeBinary()
	os.Exit(code)
}

// firstFrame is on the first screen of both apps measured.
const firstFrame = "4xx"

// BenchmarkSessions holds BENCH_SESSIONS concurrent interactive sessions
// (default 100; BENCH_DIALERS open them at once, default 50; their window
// is 80x24, or BENCH_COLUMNS x BENCH_ROWS; BENCH_TYPE, if set, is typed
// into each and waited for on screen) against a
// minimal wish + Bubble Tea app and against ours, in that order, and
// reports for each the time to first frame (p50, p95), server memory per
// held session (heap + stacks) and how many sessions succeeded. Run it
// once per measurement: go test -run '^$' -bench Sessions -benchtime 1x ./server/
func BenchmarkSessions(b *testing.B) {
	n := envInt("BENCH_SESSIONS", 100)
	dialers := envInt("BENCH_DIALERS", 50)
	raiseFileLimit(b, uint64(2*n+512))
	for b.Loop() {
		// "server" is our server around the minimal app's model: it parts
		// the server's own overhead from the explorer's.
		runs := []struct {
			name  string
			start func() (string, func())
			load
		}{
			{name: "minimal", start: func() (string, func()) { return startMinimal(b) }},
			{name: "server", start: func() (string, func()) { return startOurs(b, n, tinyModel) }},
			{name: "ours", start: func() (string, func()) { return startOurs(b, n, nil) }},
		}
		for i := range runs {
			r := &runs[i]
			addr, stop := r.start()
			r.load = measure(b, addr, stop, n, dialers)
			b.ReportMetric(r.p50.Seconds()*1000, r.name+"-ttff-p50-ms")
			b.ReportMetric(r.p95.Seconds()*1000, r.name+"-ttff-p95-ms")
			b.ReportMetric(r.bytesPerSession/1024, r.name+"-KiB/session")
			b.ReportMetric(float64(r.ok), r.name+"-ok")
			b.Logf("%-8s %v", r.name, r.load)
		}
		minimal, ours := runs[0].load, runs[2].load
		b.ReportMetric(ours.p95.Seconds()/minimal.p95.Seconds(), "ttff-p95-ratio")
		b.ReportMetric(ours.bytesPerSession/minimal.bytesPerSession, "mem-ratio")
		b.Logf("%d sessions, %d dialers", n, dialers)
	}
}

// load is what one measurement found.
type load struct {
	ok                   int
	p50, p95             time.Duration
	bytesPerSession      float64
	goroutinesPerSession float64
}

func (l load) String() string {
	return fmt.Sprintf("ok %d, first frame p50 %v p95 %v, %.0f KiB and %.1f goroutines per session",
		l.ok, l.p50.Round(time.Millisecond), l.p95.Round(time.Millisecond), l.bytesPerSession/1024, l.goroutinesPerSession)
}

// startOurs serves the explorer (or model, if set) with limits opened for
// the load.
func startOurs(b *testing.B, n int, newModel func([]model.Option) tea.Model) (addr string, stop func()) {
	h := startServer(b, func(c *Config) {
		c.MaxSessions = n + 10
		c.MaxConnsPerIP = 0 // every client is on 127.0.0.1
		c.LogOutput = io.Discard
		if newModel != nil {
			c.newModel = newModel
		}
	})
	return h.addr, func() {
		if err := h.stop(); err != nil {
			b.Error(err)
		}
	}
}

// tiny is the minimal app: one line of text and what is typed; q quits.
type tiny struct{ typed string }

func (tiny) Init() tea.Cmd { return nil }
func (t tiny) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "q" {
			return t, tea.Quit
		}
		t.typed += k.Text
	}
	return t, nil
}
func (t tiny) View() tea.View {
	v := tea.NewView("a minimal app: 4xx " + t.typed)
	v.AltScreen = true
	return v
}

func tinyModel([]model.Option) tea.Model { return tiny{} }

// startMinimal serves tiny the way wish's own bubbletea example does.
func startMinimal(b *testing.B) (addr string, stop func()) {
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(filepath.Join(b.TempDir(), "host_key")),
		wish.WithMiddleware(bubbletea.Middleware(func(ssh.Session) (tea.Model, []tea.ProgramOption) {
			return tiny{}, nil
		})),
	)
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr().String(), func() { _ = srv.Close() }
}

// measure holds n sessions on the server at addr from a child process.
func measure(b *testing.B, addr string, stop func(), n, dialers int) load {
	defer stop()
	heap0, g0 := settledMemory()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), loadClientEnv+"="+fmt.Sprintf("%s,%d,%d", addr, n, dialers)) // BENCH_* too
	cmd.Stderr = os.Stderr
	hold, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var l load
	var lat []time.Duration
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 && f[0] == "ok" {
			d, _ := strconv.ParseInt(f[1], 10, 64)
			lat = append(lat, time.Duration(d))
		} else if len(f) > 0 && f[0] == "held" {
			break
		} else {
			b.Log("load client: ", sc.Text())
		}
	}
	time.Sleep(time.Second) // let first renders and their garbage finish
	heap1, g1 := settledMemory()
	_ = hold.Close() // the client closes its sessions and exits
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		b.Errorf("load client: %v", err)
	}

	l.ok = len(lat)
	if l.ok < n {
		b.Errorf("%d of %d sessions failed", n-l.ok, n)
	}
	if l.ok > 0 {
		slices.Sort(lat)
		l.p50, l.p95 = lat[l.ok*50/100], lat[min(l.ok*95/100, l.ok-1)]
		l.bytesPerSession = float64(int64(heap1)-int64(heap0)) / float64(l.ok)
		l.goroutinesPerSession = float64(g1-g0) / float64(l.ok)
	}
	return l
}

// settledMemory is the heap and stack in use after a collection, and the
// goroutine count.
func settledMemory() (uint64, int) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse, runtime.NumGoroutine()
}

// loadClient is the child: it opens the sessions, prints "ok <ns to first
// frame>" for each, then "held", and closes them all when stdin closes.
func loadClient() int {
	parts := strings.Split(os.Getenv(loadClientEnv), ",")
	addr := parts[0]
	n, _ := strconv.Atoi(parts[1])
	dialers, _ := strconv.Atoi(parts[2])

	var mu sync.Mutex
	var clients []*gossh.Client
	results := make(chan string, n)
	sem := make(chan struct{}, max(dialers, 1))
	for i := range n {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			start := time.Now()
			c, err := openHeld(addr, sourceIP(i)) // each from its own address, as the limits expect
			if err != nil {
				results <- "fail " + strings.ReplaceAll(err.Error(), "\n", " ")
				return
			}
			results <- fmt.Sprintf("ok %d", time.Since(start))
			mu.Lock()
			clients = append(clients, c)
			mu.Unlock()
		}()
	}
	w := bufio.NewWriter(os.Stdout)
	for range n {
		fmt.Fprintln(w, <-results)
	}
	fmt.Fprintln(w, "held")
	w.Flush()
	_, _ = io.Copy(io.Discard, os.Stdin)
	mu.Lock()
	defer mu.Unlock()
	for _, c := range clients {
		_ = c.Close()
	}
	return 0
}

// openHeld opens an interactive session, waits for its first frame and
// keeps draining its output so the server never blocks on this client.
func openHeld(addr, from string) (*gossh.Client, error) {
	c, err := dialFrom(addr, from)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*gossh.Client, error) { _ = c.Close(); return nil, err }
	sess, err := c.NewSession()
	if err != nil {
		return fail(err)
	}
	if err := sess.RequestPty("xterm-256color", envInt("BENCH_ROWS", 24), envInt("BENCH_COLUMNS", 80), gossh.TerminalModes{}); err != nil {
		return fail(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return fail(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		return fail(err)
	}
	if err := sess.Shell(); err != nil {
		return fail(err)
	}
	var screen bytes.Buffer
	buf := make([]byte, 32*1024)
	await := func(text string) error {
		for !strings.Contains(ansi.Strip(screen.String()), text) {
			k, err := out.Read(buf)
			if err != nil {
				return fmt.Errorf("waiting for %q: %w", text, err)
			}
			screen.Write(buf[:k])
		}
		return nil
	}
	if err := await(firstFrame); err != nil {
		return fail(err)
	}
	if typed := os.Getenv("BENCH_TYPE"); typed != "" { // a session in use
		if _, err := io.WriteString(in, typed); err != nil {
			return fail(err)
		}
		// Its frames are drawn by difference and may come late: read
		// until the screen has been still for a moment.
		got := make(chan struct{}, 1)
		for quiet := false; !quiet; {
			go func() {
				if _, err := out.Read(buf); err == nil {
					got <- struct{}{}
				}
			}()
			select {
			case <-got:
			case <-time.After(500 * time.Millisecond):
				quiet = true
			}
		}
	}
	go func() { _, _ = io.Copy(io.Discard, out) }() // after the read in flight, if any
	return c, nil
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// raiseFileLimit lifts the soft limit on open files towards want (Go
// raises it at start-up on Linux already; this covers other setups).
func raiseFileLimit(b *testing.B, want uint64) {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil || r.Cur >= want {
		return
	}
	r.Cur = min(want, r.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &r); err != nil || r.Cur < want {
		b.Logf("open-file limit %d is below the %d this load wants", r.Cur, want)
	}
}

// BenchmarkDraw is what Bubble Tea's renderer does for each new frame of
// the explorer, which drawCostPerCell charges for: draw it into a cell
// buffer and compare it with the last ("change"), or after a resize paint
// it all ("repaint"). go test -run '^$' -bench Draw ./server/
func BenchmarkDraw(b *testing.B) {
	for _, size := range []struct{ w, h int }{{80, 24}, {maxWidth, maxHeight}} {
		m := tea.Model(model.New(data.Load(), model.WithSize(size.w, size.h)))
		m, _ = m.Update(tea.WindowSizeMsg{Width: size.w, Height: size.h})
		first := m.View().Content
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		frames := []string{first, m.View().Content}
		for _, repaint := range []bool{false, true} {
			name := fmt.Sprintf("%dx%d/change", size.w, size.h)
			if repaint {
				name = fmt.Sprintf("%dx%d/repaint", size.w, size.h)
			}
			b.Run(name, func(b *testing.B) {
				buf := uv.NewScreenBuffer(size.w, size.h)
				r := uv.NewTerminalRenderer(io.Discard, []string{"TERM=xterm-256color"})
				i := 0
				for b.Loop() {
					if repaint {
						r.Erase()
					}
					buf.Clear()
					uv.NewStyledString(frames[i%2]).Draw(buf, buf.Bounds())
					r.Render(buf.RenderBuffer)
					_ = r.Flush()
					i++
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size.w*size.h), "ns/cell")
			})
		}
	}
}
