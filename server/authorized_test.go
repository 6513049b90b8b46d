package server

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// authorizedLine is key's authorized_keys line behind options.
func authorizedLine(options string, key gossh.Signer) string {
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key.PublicKey())))
	if options != "" {
		line = options + " " + line
	}
	return line + "\n"
}

// dialWith connects from the local address from with key and says
// whether the server admitted it.
func dialWith(addr, from string, key gossh.Signer) (*gossh.Client, error) {
	cfg := clientConfig()
	cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(key)}
	return dialFromWith(addr, from, cfg)
}

// Item 7: options are honoured or the line is refused, and a bad line
// costs only itself.
func TestAuthorizedKeysOptions(t *testing.T) {
	t.Parallel()
	keys := map[string]gossh.Signer{}
	for _, name := range []string{"elsewhere", "expired", "forced", "nopty", "restricted", "after", "negated", "later", "future"} {
		keys[name] = newClientKey(t)
	}
	file := "# comments and blank lines are fine\n\n" +
		"ssh-ed25519 not-base64 a bad line\n" +
		authorizedLine(`from="192.0.2.0/24,10.*"`, keys["elsewhere"]) +
		authorizedLine(`expiry-time="20200101"`, keys["expired"]) +
		authorizedLine(`expiry-time="29991231235959Z"`, keys["future"]) +
		authorizedLine(`command="/bin/sh",no-pty`, keys["forced"]) +
		authorizedLine(`no-pty`, keys["nopty"]) +
		authorizedLine(`restrict,from="127.0.0.?,!10.0.0.1"`, keys["restricted"]) +
		authorizedLine(`from="!127.0.0.0/8,*"`, keys["negated"]) +
		authorizedLine("", keys["after"])
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	h := startServer(t, func(c *Config) { c.AuthorizedKeys = path })

	// Each from its own address, 127.0.0.1 to 9 (from="127.0.0.?" admits
	// those): failed authentications are penalised by address.
	from := 0
	next := func() string { from++; return fmt.Sprintf("127.0.0.%d", from) }
	for name, admitted := range map[string]bool{
		"elsewhere": false, "expired": false, "forced": false, "negated": false,
		"future": true, "nopty": true, "restricted": true, "after": true, "later": false,
	} {
		c, err := dialWith(h.addr, next(), keys[name])
		if (err == nil) != admitted {
			t.Errorf("%s: admitted %v, want %v (%v)", name, err == nil, admitted, err)
		}
		if err == nil {
			c.Close()
		}
	}
	logs := h.logs.String()
	for _, want := range []string{"skipping a line", "line=3", "line=7", "option command is not supported", `authentication failed`, "keys=7"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}

	// no-pty, and restrict without pty: no explorer, queries still work.
	for _, name := range []string{"nopty", "restricted"} {
		c, err := dialWith(h.addr, "127.0.0.1", keys[name])
		if err != nil {
			t.Fatal(err)
		}
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err == nil {
			t.Errorf("%s: a PTY was granted", name)
		}
		if out, err := sess.Output("404"); err != nil || string(out) != "404 Not Found\n" {
			t.Errorf("%s: query: %q %v", name, out, err)
		}
		c.Close()
	}

	// The file is read again when it changes: a key added is admitted
	// without a restart.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(authorizedLine(`pty,restrict`, keys["later"])); err != nil {
		t.Fatal(err)
	}
	f.Close()
	c, err := dialWith(h.addr, "127.0.0.1", keys["later"])
	if err != nil {
		t.Fatalf("a key added to the file was refused: %v", err)
	}
	tm := openTerminal(t, c, "", 80, 24) // restrict,pty grants the PTY back
	tm.waitFor(t, "4xx")
	tm.send(t, quitKey)
	tm.wait(t)
}

func TestMatchFrom(t *testing.T) {
	t.Parallel()
	addr := func(s string) net.Addr {
		ap, err := net.ResolveTCPAddr("tcp", s)
		if err != nil {
			t.Fatal(err)
		}
		return ap
	}
	for _, tc := range []struct {
		patterns string
		addr     string
		want     bool
	}{
		{"192.0.2.7", "192.0.2.7:22", true},
		{"192.0.2.7", "192.0.2.8:22", false},
		{"192.0.2.*", "192.0.2.8:22", true},
		{"192.0.2.?", "192.0.2.18:22", false},
		{"192.0.2.0/24", "192.0.2.200:22", true},
		{"192.0.2.0/24", "[::ffff:192.0.2.200]:22", true}, // v4-mapped counts as v4
		{"!192.0.2.1,192.0.2.0/24", "192.0.2.1:22", false},
		{"192.0.2.0/24,!192.0.2.1", "192.0.2.1:22", false},
		{"*,!10.0.0.0/8", "10.1.2.3:22", false},
		{"2001:db8::/32", "[2001:db8::1]:22", true},
		{"2001:DB8::*", "[2001:db8::1]:22", true},
		{"*.example.com", "192.0.2.1:22", false}, // host names are never looked up
		{"!192.0.2.1", "192.0.2.2:22", false},    // a negation alone admits nobody
	} {
		if got := matchFrom(strings.Split(tc.patterns, ","), addr(tc.addr)); got != tc.want {
			t.Errorf("from=%q for %s: %v, want %v", tc.patterns, tc.addr, got, tc.want)
		}
	}
}

func TestParseAuthorizedLine(t *testing.T) {
	t.Parallel()
	key := newClientKey(t)
	for _, bad := range []string{
		`from="10.0.0.0/33"`, `from="["`, `from=""`, `expiry-time="2020"`, `expiry-time="20201332"`,
		`command="true"`, `cert-authority`, `environment="A=B"`, `principals="x"`, `tunnel="1"`, `agent-forwarding`,
	} {
		if _, err := parseAuthorizedLine([]byte(authorizedLine(bad, key))); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	k, err := parseAuthorizedLine([]byte(authorizedLine(`no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-user-rc,permitopen="a:1",expiry-time="202601021504"`, key)))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 1, 2, 15, 4, 0, 0, time.Local); !k.expires.Equal(want) || k.noPty {
		t.Errorf("expires %v (want %v), noPty %v", k.expires, want, k.noPty)
	}
	for options, noPty := range map[string]bool{"no-pty": true, "restrict": true, "restrict,pty": false, "pty": false} {
		k, err := parseAuthorizedLine([]byte(authorizedLine(options, key)))
		if err != nil || k.noPty != noPty {
			t.Errorf("%s: noPty %v, want %v (%v)", options, k.noPty, noPty, err)
		}
	}
}
