package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// binary is httpstatus, built once for the tests that run it.
var binary struct {
	once      sync.Once
	dir, path string
	err       error
	out       []byte
}

// builtBinary builds httpstatus once per test run. It is built without cgo
// so that `ulimit -v` bounds Go's heap, not glibc's per-thread arenas.
func builtBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	binary.once.Do(func() {
		if binary.dir, binary.err = os.MkdirTemp("", "httpstatus-test"); binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "httpstatus")
		cmd := exec.Command("go", "build", "-o", binary.path, "github.com/httpstatus-dev/httpstatus")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		binary.out, binary.err = cmd.CombinedOutput()
	})
	if binary.err != nil {
		t.Fatalf("go build: %v\n%s", binary.err, binary.out)
	}
	return binary.path
}

func removeBinary() {
	if binary.dir != "" {
		_ = os.RemoveAll(binary.dir)
	}
}

// process is the built binary serving on a loopback port.
type process struct {
	addr, port string
	cmd        *exec.Cmd
	logs       *syncBuffer
	exited     chan error
}

// startBinary runs `httpstatus serve` with args, under `ulimit -v` of
// limitKiB when that is not 0, and waits until it listens. A low GOGC
// keeps garbage small, so peak memory is about live memory.
func startBinary(t *testing.T, limitKiB int, args ...string) *process {
	t.Helper()
	return startBinaryEnv(t, []string{"GOGC=20"}, limitKiB, args...)
}

// startBinaryEnv is startBinary with env added to the environment.
func startBinaryEnv(t *testing.T, env []string, limitKiB int, args ...string) *process {
	t.Helper()
	bin := builtBinary(t)
	addr := freePort(t)
	_, port, _ := net.SplitHostPort(addr)
	args = append([]string{"serve", "--listen", addr, "--host-key", filepath.Join(privateDir(t), "host_key")}, args...)
	cmd := exec.Command(bin, args...)
	if limitKiB > 0 {
		cmd = exec.Command("/bin/sh", append([]string{"-c", `ulimit -v "$0" && exec "$@"`, strconv.Itoa(limitKiB), bin}, args...)...)
	}
	cmd.Env = append(os.Environ(), env...)
	p := &process{addr: addr, port: port, cmd: cmd, logs: &syncBuffer{}, exited: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = p.logs, p.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		if t.Failed() {
			t.Logf("server log:\n%s", p.logs)
		}
	})
	eventually(t, "the server to listen", func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, p.logs.String)
	return p
}

// cpuSeconds is the CPU time the process has used so far.
func (p *process) cpuSeconds(t *testing.T) float64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	user, _ := strconv.ParseFloat(f[11], 64)
	sys, _ := strconv.ParseFloat(f[12], 64)
	return (user + sys) / 100 // clock ticks; 100 a second on Linux
}

// peakMiB is the most resident memory the process has used.
func (p *process) peakMiB(t *testing.T) float64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kib / 1024
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}

// stop sends sig and expects a clean exit with a goodbye in the log.
func (p *process) stop(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.exited:
		if err != nil {
			t.Errorf("after %v: %v", sig, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("server still running 10s after %v", sig)
	}
	if !strings.Contains(p.logs.String(), "stopped") {
		t.Errorf("no clean stop after %v in the log:\n%s", sig, p.logs)
	}
}

// openSSH runs the OpenSSH client against p with no key and no config.
func openSSH(t *testing.T, ctx context.Context, p *process, args ...string) *exec.Cmd {
	t.Helper()
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("ssh not on PATH; install the Debian package openssh-client to run this test")
	}
	base := []string{"-F", "/dev/null", "-p", p.port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
		"-o", "IdentitiesOnly=yes", "-o", "IdentityFile=none"}
	return exec.CommandContext(ctx, sshBin, append(base, args...)...)
}

// The built binary against the OpenSSH client, as a user would run them:
// README's examples verbatim, the explorer, and SIGTERM.
func TestOpenSSHEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("ssh not on PATH; install the Debian package openssh-client to run this test")
	}
	t.Parallel()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	p := startBinary(t, 0, "--rate", "0") // more sessions than the default burst

	// Every ssh command line in README's "Serving over SSH", and in the
	// server's usage text, works in OpenSSH as written (host as 127.0.0.1,
	// the port as this server's). No client key at all: a public server
	// admits the "none" method.
	var lines []string
	for _, l := range readmeSSHExamples(t) {
		lines = append(lines, strings.Replace(l, "-p 23234", "-p "+p.port, 1))
	}
	usageOut, err := openSSH(t, ctx, p, "127.0.0.1").Output()
	if err != nil || !strings.Contains(string(usageOut), "ssh HOST -- --json 5xx") {
		t.Fatalf("usage: %v\n%s", err, usageOut)
	}
	for _, line := range strings.Split(string(usageOut), "\n") {
		if cmd, _, _ := strings.Cut(strings.TrimSpace(line), "  "); strings.HasPrefix(cmd, "ssh HOST") {
			lines = append(lines, strings.Replace(cmd, "HOST", "host", 1))
		}
	}
	if len(lines) < 8 {
		t.Fatalf("only %d ssh examples found: %q", len(lines), lines)
	}
	for _, line := range lines {
		args := strings.Fields(strings.Replace(strings.TrimPrefix(line, "ssh "), "host", "127.0.0.1", 1))
		cmd := openSSH(t, ctx, p, args...)
		if args[0] == "-t" {
			args[0] = "-tt" // a terminal although stdin is not one: the explorer, then ctrl+c
			cmd = openSSH(t, ctx, p, args...)
			cmd.Stdin = strings.NewReader("\x03")
		}
		out, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(out), "unknown option") {
			t.Errorf("%s: %v\n%s", line, err, out)
		}
	}
	out, err := openSSH(t, ctx, p, "127.0.0.1", "--", "--json", "4xx").Output()
	if err != nil || !strings.Contains(string(out), `"code": 404`) {
		t.Errorf("ssh host -- --json 4xx: %v\n%s", err, out)
	}
	out, err = openSSH(t, ctx, p, "127.0.0.1", "250").CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("ssh host 250: want exit status 1, got %v\n%s", err, out)
	}

	// -tt forces a PTY although our stdin is a pipe: the explorer, then
	// ctrl+c (letters are typed into its filter).
	cmd := openSSH(t, ctx, p, "-tt", "127.0.0.1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var screen syncBuffer
	cmd.Stdout, cmd.Stderr = &screen, &screen
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	text := func() string { return ansi.Strip(screen.String()) }
	eventually(t, "the explorer over OpenSSH", func() bool { return strings.Contains(text(), "4xx") }, text)
	_, _ = io.WriteString(stdin, "\x03")
	if err := cmd.Wait(); err != nil {
		t.Errorf("interactive ssh: %v\n%s", err, text())
	}

	// choose: the guide's outline without a terminal, the guide with one.
	out, err = openSSH(t, ctx, p, "127.0.0.1", "choose").Output()
	if err != nil || !strings.Contains(string(out), "Did the request succeed?") || !strings.Contains(string(out), "201 Created") {
		t.Errorf("ssh host choose: %v\n%s", err, out)
	}
	cmd = openSSH(t, ctx, p, "-tt", "127.0.0.1", "choose")
	if stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	var guide syncBuffer
	cmd.Stdout, cmd.Stderr = &guide, &guide
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	guideText := func() string { return ansi.Strip(guide.String()) }
	eventually(t, "the guide over OpenSSH", func() bool { return strings.Contains(guideText(), "Choose a status code") }, guideText)
	_, _ = io.WriteString(stdin, "\x03")
	if err := cmd.Wait(); err != nil {
		t.Errorf("ssh -t host choose: %v\n%s", err, guideText())
	}
	p.stop(t, syscall.SIGTERM)
}

// readmeSSHExamples are the ssh command lines of README's "Serving over
// SSH" section, comments cut.
func readmeSSHExamples(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(raw), "## Serving over SSH")
	section, _, _ = strings.Cut(section, "\n## ")
	var lines []string
	for _, line := range strings.Split(section, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "ssh ") {
			lines = append(lines, line)
		}
	}
	return lines
}

// SIGHUP (a closed terminal, or `kill -HUP`) stops the server as SIGTERM
// does: the open explorer is told goodbye and the exit status is 0.
func TestSIGHUPStopsGracefully(t *testing.T) {
	t.Parallel()
	p := startBinary(t, 0)
	tm := openTerminal(t, dial(t, p.addr), "", 80, 24)
	tm.waitFor(t, "4xx")
	p.stop(t, syscall.SIGHUP)
	tm.waitFor(t, "shutting down for maintenance")
	tm.wait(t)
}

// PuTTY's plink still connects with the algorithms left (curve25519 key
// exchange, AES-CTR with an encrypt-then-MAC HMAC, or ChaCha20-Poly1305).
func TestPuTTYConnects(t *testing.T) {
	plink, err := exec.LookPath("plink")
	if err != nil {
		t.Skip("plink not on PATH; install the Debian package putty-tools to run this test")
	}
	t.Parallel()
	p := startBinary(t, 0)
	_, fingerprint, _ := strings.Cut(p.logs.String(), "fingerprint=")
	fingerprint, _, _ = strings.Cut(fingerprint, " ")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, plink, "-batch", "-ssh", "-P", p.port, "-hostkey", fingerprint, "-l", "tester", "127.0.0.1", "404")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // PuTTY keeps its settings there
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "404 Not Found") {
		t.Errorf("plink 404: %v\n%s", err, out)
	}
}

// A session with a terminal is parsed by the CLI's own command tree: the
// explorer (filtered by a query), the guide, and flags as the CLI takes
// them, exit statuses included (issue 20).
func TestTerminalSessionsUseTheCommandTree(t *testing.T) {
	t.Parallel()
	p := startBinary(t, 0, "--rate", "0")
	for _, tc := range []struct {
		cmd, want string
		status    int
	}{
		{"--version", "httpstatus ", 0},
		{"--bogus", "unknown flag: --bogus", 2},
		{"choose --json", `"question":`, 0},
		{"choose", "Choose a status code", 0},
		{"teapot", "418", 0},
		{"-i teapot", "418", 0},
	} {
		tm := openTerminal(t, dial(t, p.addr), tc.cmd, 80, 24)
		tm.waitFor(t, tc.want)
		if strings.Contains(tc.cmd, "choose") && !strings.Contains(tc.cmd, "--json") || strings.Contains(tc.cmd, "teapot") {
			tm.send(t, quitKey)
		}
		if status := tm.wait(t); status != tc.status {
			t.Errorf("ssh -t host %s: exit status %d, want %d\n%s", tc.cmd, status, tc.status, tm.text())
		}
	}
}
