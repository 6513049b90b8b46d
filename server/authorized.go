package server

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// noPty is the permission extension for a key that may not have a
// terminal (authorized_keys `no-pty`, or `restrict` without `pty`).
const noPty = "no-pty"

// authorizedKeys admits the keys of an OpenSSH authorized_keys file. The
// file is read again whenever it changes, so keys can be added or revoked
// without a restart. A line that does not parse, or that has an option
// this server cannot honour, is skipped with a log line; the others stand.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu      sync.Mutex
	stamp   string // size and modification time of the file last read
	entries []authorizedKey
}

// authorizedKey is one usable line of the file.
type authorizedKey struct {
	key     gossh.PublicKey
	from    []string  // OpenSSH address patterns; none means any address
	expires time.Time // zero means never
	noPty   bool
}

// loadAuthorizedKeys reads path; a file that cannot be read is an error at
// start, and later means no key is admitted until it can be read again.
func loadAuthorizedKeys(path string, l *log.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: l}
	if err := a.refresh(); err != nil {
		return nil, err
	}
	return a, nil
}

// refresh rereads the file if it changed since the last read.
func (a *authorizedKeys) refresh() error {
	fi, err := os.Stat(a.path)
	if err != nil {
		a.entries, a.stamp = nil, ""
		return err
	}
	stamp := fmt.Sprint(fi.Size(), fi.ModTime().UnixNano())
	if stamp == a.stamp {
		return nil
	}
	raw, err := os.ReadFile(a.path)
	if err != nil {
		a.entries, a.stamp = nil, ""
		return err
	}
	a.entries, a.stamp = a.parse(raw), stamp
	a.log.Info("authorized keys", "path", a.path, "keys", len(a.entries))
	return nil
}

func (a *authorizedKeys) parse(raw []byte) []authorizedKey {
	var keys []authorizedKey
	for i, line := range bytes.Split(raw, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, err := parseAuthorizedLine(line)
		if err != nil {
			a.log.Warn("authorized keys: skipping a line", "path", a.path, "line", i+1, "err", clean(err.Error()))
			continue
		}
		keys = append(keys, k)
	}
	return keys
}

// parseAuthorizedLine parses one line and its options. It honours from=,
// expiry-time=, no-pty, restrict and pty; accepts the options that only
// restrict what this server never offers (forwarding, X11, user rc); and
// refuses every other, since ignoring one such as command= would grant
// more than the line says.
func parseAuthorizedLine(line []byte) (authorizedKey, error) {
	key, _, options, _, err := gossh.ParseAuthorizedKey(line)
	if err != nil {
		return authorizedKey{}, err
	}
	k := authorizedKey{key: key}
	var restrict, pty bool
	for _, o := range options {
		name, value, _ := strings.Cut(o, "=")
		value = strings.ReplaceAll(strings.Trim(value, `"`), `\"`, `"`)
		switch strings.ToLower(name) {
		case "from":
			k.from = strings.Split(value, ",")
			if err := checkPatterns(k.from); err != nil {
				return authorizedKey{}, fmt.Errorf("from=%q: %w", value, err)
			}
		case "expiry-time":
			if k.expires, err = parseExpiry(value); err != nil {
				return authorizedKey{}, err
			}
		case "restrict":
			restrict = true
		case "no-pty":
			k.noPty = true
		case "pty":
			pty = true
		case "no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc", "permitopen", "permitlisten":
		default:
			return authorizedKey{}, fmt.Errorf("option %s is not supported here", name)
		}
	}
	k.noPty = (k.noPty || restrict) && !pty
	return k, nil
}

// parseExpiry reads OpenSSH's YYYYMMDD[HHMM[SS]] in local time, or UTC
// with a trailing Z.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	if s, ok := strings.CutSuffix(v, "Z"); ok {
		v, loc = s, time.UTC
	}
	for _, layout := range []string{"20060102", "200601021504", "20060102150405"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("expiry-time=%q is not YYYYMMDD[HHMM[SS]][Z]", v)
}

// checkPatterns rejects from= patterns that could never be matched.
func checkPatterns(patterns []string) error {
	for _, p := range patterns {
		p = strings.TrimPrefix(p, "!")
		if strings.Contains(p, "/") {
			if _, err := netip.ParsePrefix(p); err != nil {
				return err
			}
		} else if _, err := path.Match(p, ""); err != nil || p == "" {
			return errors.New("bad pattern " + p)
		}
	}
	return nil
}

// matchFrom is OpenSSH's from= rule, with the address as the host name (no
// DNS, like UseDNS no): a negated pattern that matches refuses, otherwise
// one pattern must match. Patterns are addresses with * and ?, or CIDR
// blocks.
func matchFrom(patterns []string, addr net.Addr) bool {
	ip := addrIP(addr)
	if !ip.IsValid() {
		return false
	}
	ok := false
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		var hit bool
		if strings.Contains(p, "/") {
			prefix, err := netip.ParsePrefix(p)
			hit = err == nil && prefix.Contains(ip)
		} else {
			hit, _ = path.Match(strings.ToLower(p), ip.String())
		}
		switch {
		case hit && neg:
			return false
		case hit:
			ok = true
		}
	}
	return ok
}

// allow is the public key handler: key must be on a line whose options
// admit this client now. A line with no-pty marks the connection so its
// sessions get no terminal.
func (a *authorizedKeys) allow(ctx ssh.Context, key ssh.PublicKey) bool {
	a.mu.Lock()
	readable := a.stamp != ""
	if err := a.refresh(); err != nil && readable {
		a.log.Error("authorized keys unreadable; admitting no key until it can be read", "path", a.path, "err", err)
	}
	entries := a.entries
	a.mu.Unlock()
	for _, k := range entries {
		if !ssh.KeysEqual(key, k.key) ||
			(!k.expires.IsZero() && time.Now().After(k.expires)) ||
			(k.from != nil && !matchFrom(k.from, ctx.RemoteAddr())) {
			continue
		}
		if k.noPty {
			perms := ctx.Permissions()
			if perms.Extensions == nil {
				perms.Extensions = map[string]string{}
			}
			perms.Extensions[noPty] = ""
		}
		return true
	}
	return false
}
