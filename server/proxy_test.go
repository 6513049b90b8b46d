package server

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"
)

// clientOver opens an SSH client over conn, which the caller has prepared.
func clientOver(t testing.TB, conn net.Conn) *gossh.Client {
	t.Helper()
	cc, chans, reqs, err := gossh.NewClientConn(conn, conn.RemoteAddr().String(), clientConfig())
	if err != nil {
		t.Fatal(err)
	}
	c := gossh.NewClient(cc, chans, reqs)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestProxyProtocolHeader(t *testing.T) {
	t.Parallel()
	h := startServer(t, func(c *Config) { c.ProxyProtocol = true })

	conn, err := net.Dial("tcp", h.addr)
	if err != nil {
		t.Fatal(err)
	}
	// A documentation address, only ever written into the header.
	client := &net.TCPAddr{IP: net.ParseIP("192.0.2.10"), Port: 4242}
	if _, err := proxyproto.HeaderProxyFromAddrs(2, client, conn.RemoteAddr()).WriteTo(conn); err != nil {
		t.Fatal(err)
	}
	out, err := clientOver(t, conn).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := out.Output("404"); err != nil || string(b) != "404 Not Found\n" {
		t.Errorf("query over PROXY v2: %q %v", b, err)
	}
	if !strings.Contains(h.logs.String(), "remote=192.0.2.10:4242") {
		t.Errorf("log lacks the address from the header:\n%s", h.logs)
	}
	// Without the header the connection is not served: the listener is
	// only for the load balancer.
	if c, err := gossh.Dial("tcp", h.addr, clientConfig()); err == nil {
		c.Close()
		t.Error("a connection without a PROXY header was served")
	}
	if !strings.Contains(h.logs.String(), "WARN  no PROXY header remote=127.0.0.1:") {
		t.Errorf("the missing header was not logged:\n%s", h.logs)
	}
}

// Two instances behind a real HAProxy in TCP mode with send-proxy-v2: the
// sessions work and each server logs the client's own address and port.
func TestBehindHAProxy(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Skip("haproxy not on PATH; install the Debian package haproxy to run this test")
	}
	t.Parallel()
	a := startServer(t, func(c *Config) { c.ProxyProtocol = true })
	b := startServer(t, func(c *Config) { c.ProxyProtocol = true })
	front := freePort(t)

	conf := fmt.Sprintf(`global
    maxconn 100

defaults
    mode tcp
    timeout connect 5s
    timeout client 1m
    timeout server 1m

frontend ssh
    bind %s
    default_backend httpstatus

backend httpstatus
    balance roundrobin
    server a %s send-proxy-v2 check inter 1s
    server b %s send-proxy-v2 check inter 1s
`, front, a.addr, b.addr)
	hout := startHAProxy(t, haproxy, conf)
	eventually(t, "haproxy to listen", func() bool {
		c, err := net.Dial("tcp", front)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, hout.String)

	// Four connections: whatever the probe above took, roundrobin gives
	// each instance some.
	var ports []string
	for i := range 4 {
		conn, err := net.Dial("tcp", front)
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, strconv.Itoa(conn.LocalAddr().(*net.TCPAddr).Port))
		client := clientOver(t, conn)
		if i == 0 {
			tm := openTerminal(t, client, "", 80, 24)
			tm.waitFor(t, "4xx")
			tm.send(t, "\x03")
			tm.wait(t)
			continue
		}
		sess, err := client.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if out, err := sess.Output("404"); err != nil || string(out) != "404 Not Found\n" {
			t.Errorf("query through haproxy: %q %v", out, err)
		}
	}
	logs := a.logs.String() + b.logs.String()
	for _, p := range ports {
		if !strings.Contains(logs, "connect remote=127.0.0.1:"+p+" ") {
			t.Errorf("no server logged the client address 127.0.0.1:%s:\n%s", p, logs)
		}
	}
	for name, h := range map[string]*harness{"a": a, "b": b} {
		if !strings.Contains(h.logs.String(), "connect remote=") {
			t.Errorf("roundrobin sent nothing to server %s", name)
		}
	}
}

func freePort(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// The example shipped in deploy/ is a valid HAProxy configuration.
func TestDeployHAProxyConfig(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Skip("haproxy not on PATH; install the Debian package haproxy to run this test")
	}
	t.Parallel()
	if out, err := exec.Command(haproxy, "-c", "-f", filepath.Join("..", "deploy", "haproxy.cfg")).CombinedOutput(); err != nil {
		t.Errorf("deploy/haproxy.cfg: %v\n%s", err, out)
	}
}

// The health check in deploy/haproxy.cfg takes a server that accepts TCP
// but never sends its SSH banner (a frozen process) out of rotation, so
// every client lands on a live one.
func TestDeployHAProxyChecksTheBanner(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Skip("haproxy not on PATH; install the Debian package haproxy to run this test")
	}
	t.Parallel()
	live := startServer(t, func(c *Config) { c.ProxyProtocol = true })
	frozen, err := net.Listen("tcp", "127.0.0.1:0") // accepts, then silence
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { frozen.Close() })
	front := freePort(t)

	raw, err := os.ReadFile(filepath.Join("..", "deploy", "haproxy.cfg"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(raw)
	for old, new := range map[string]string{
		"bind :::23234 v4v6":              "bind " + front,
		"server s1 127.0.0.1:23235":       "server s1 " + live.addr,
		"server s2 127.0.0.1:23236":       "server s2 " + frozen.Addr().String(),
		"inter 2s fall 2 rise 2":          "inter 100ms fall 1 rise 1", // the same check, sooner
		"timeout check 5s":                "timeout check 500ms",
		"    log /dev/log local0\n":       "",
		"tcp-check expect string SSH-2.0": "tcp-check expect string SSH-2.0", // must be there
	} {
		if !strings.Contains(conf, old) {
			t.Fatalf("deploy/haproxy.cfg lacks %q", old)
		}
		conf = strings.Replace(conf, old, new, 1)
	}
	hout := startHAProxy(t, haproxy, conf)
	eventually(t, "the frozen server marked down", func() bool { return strings.Contains(hout.String(), "s2 is DOWN") }, hout.String)
	for range 4 {
		conn, err := net.Dial("tcp", front)
		if err != nil {
			t.Fatal(err)
		}
		_ = conn.SetDeadline(time.Now().Add(waitLimit))
		sess, err := clientOver(t, conn).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if out, err := sess.Output("404"); err != nil || string(out) != "404 Not Found\n" {
			t.Errorf("query through haproxy: %q %v", out, err)
		}
	}
}

// deploy/haproxy.cfg's per-address limit holds for IPv6 clients as for
// IPv4 ones: its stick table is of type ipv6, which keeps both (type ip
// tracked no IPv6 client at all). The 11th connection from ::1, and from
// 127.0.0.1, is turned away by HAProxy before any server sees it.
func TestDeployHAProxyTracksIPv6(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Skip("haproxy not on PATH; install the Debian package haproxy to run this test")
	}
	ln6, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Skipf("no IPv6 loopback here: %v", err)
	}
	front6 := ln6.Addr().String()
	ln6.Close()
	t.Parallel()
	live := startServer(t, func(c *Config) { // HAProxy's limit alone
		c.ProxyProtocol, c.MaxConnsPerIP, c.MaxSessionsPerIP = true, 0, 0
	})
	front4 := freePort(t)
	raw, err := os.ReadFile(filepath.Join("..", "deploy", "haproxy.cfg"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(raw)
	for old, new := range map[string]string{
		"bind :::23234 v4v6":              "bind ipv4@" + front4 + "\n    bind ipv6@" + front6,
		"server s1 127.0.0.1:23235":       "server s1 " + live.addr,
		"    server s2 127.0.0.1:23236\n": "",
		"    log /dev/log local0\n":       "",
		"stick-table type ipv6":           "stick-table type ipv6", // must be there
		"sc0_conn_cur gt 10":              "sc0_conn_cur gt 10",
	} {
		if !strings.Contains(conf, old) {
			t.Fatalf("deploy/haproxy.cfg lacks %q", old)
		}
		conf = strings.Replace(conf, old, new, 1)
	}
	hout := startHAProxy(t, haproxy, conf)
	for _, front := range []string{front6, front4} {
		eventually(t, "haproxy to listen on "+front, func() bool {
			c, err := net.Dial("tcp", front)
			if err == nil {
				c.Close()
			}
			return err == nil
		}, hout.String)
	}
	eventually(t, "the server up", func() bool { _, err := bannerVia(front4); return err == nil }, hout.String)
	for _, front := range []string{front6, front4} {
		var held []net.Conn
		for i := range 10 { // each with a session, so the server holds it
			c, err := net.DialTimeout("tcp", front, waitLimit)
			if err != nil {
				t.Fatalf("connection %d through %s: %v", i+1, front, err)
			}
			held = append(held, c)
			openTerminal(t, clientOver(t, c), "", 80, 24).waitFor(t, "4xx")
		}
		if c, err := bannerVia(front); err == nil {
			c.Close()
			t.Errorf("an 11th connection through %s was let through", front)
		}
		for _, c := range held {
			c.Close()
		}
	}
}

// bannerVia connects to addr and reads the SSH version line; the caller
// closes the connection.
func bannerVia(addr string) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		return nil, err
	}
	_ = c.SetReadDeadline(time.Now().Add(waitLimit))
	b := make([]byte, 8)
	if _, err := io.ReadFull(c, b); err != nil || string(b) != "SSH-2.0-" {
		c.Close()
		return nil, fmt.Errorf("no SSH banner: %q %v", b, err)
	}
	_ = c.SetReadDeadline(time.Time{})
	return c, nil
}

// startHAProxy runs haproxy in the foreground on a configuration until the
// test ends, and returns its output, which a failed test logs.
func startHAProxy(t *testing.T, haproxy, conf string) *syncBuffer {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "haproxy.cfg")
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	hout := &syncBuffer{}
	cmd := exec.Command(haproxy, "-db", "-f", cfg)
	cmd.Stdout, cmd.Stderr = hout, hout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("haproxy output:\n%s", hout.String())
		}
	})
	return hout
}
