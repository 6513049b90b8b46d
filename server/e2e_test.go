package server

import (
	"context"
	"errors"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The built binary against the OpenSSH client, as a user would run them.
func TestOpenSSHEndToEnd(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("ssh not on PATH; install the Debian package openssh-client to run this test")
	}
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	t.Parallel()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "httpstatus")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/httpstatus-dev/httpstatus").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	addr := freePort(t)
	_, port, _ := net.SplitHostPort(addr)
	var logs syncBuffer
	srv := exec.Command(bin, "serve", "--listen", addr, "--host-key", filepath.Join(dir, "state", "host_key"))
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	t.Cleanup(func() {
		_ = srv.Process.Kill()
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	eventually(t, "the server to listen", func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, logs.String)

	// No client key at all: a public server admits the "none" method.
	ssh := func(args ...string) *exec.Cmd {
		base := []string{"-F", "/dev/null", "-p", port,
			"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
			"-o", "IdentitiesOnly=yes", "-o", "IdentityFile=none"}
		return exec.CommandContext(ctx, sshBin, append(base, args...)...)
	}
	out, err := ssh("127.0.0.1", "404").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "404 Not Found") {
		t.Errorf("ssh host 404: %v\n%s", err, out)
	}
	out, err = ssh("127.0.0.1", "250").CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("ssh host 250: want exit status 1, got %v\n%s", err, out)
	}

	// -tt forces a PTY although our stdin is a pipe: the explorer, then q.
	cmd := ssh("-tt", "127.0.0.1")
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
	_, _ = io.WriteString(stdin, "\x03") // ctrl+c
	if err := cmd.Wait(); err != nil {
		t.Errorf("interactive ssh: %v\n%s", err, text())
	}

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server still running 10s after SIGTERM")
	}
	if !strings.Contains(logs.String(), "stopped") {
		t.Errorf("no clean stop in the log:\n%s", logs.String())
	}
}
