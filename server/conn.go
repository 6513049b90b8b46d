package server

import (
	"errors"
	"net"
	"net/netip"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"
)

// connKey finds a connection's *trackedConn in its ssh.Context.
type connKey struct{}

// trackedConn is one admitted connection: it holds its places under the
// connection limits until closed, and knows when it last saw traffic, so an
// explorer can end before a timeout cuts the connection.
type trackedConn struct {
	net.Conn
	opened   time.Time
	lastIO   atomic.Int64 // unix nanoseconds of the last read or write
	channels atomic.Int32 // session channels open
	close    func()       // gives back its places and logs a failed authentication
	once     sync.Once

	authMu     sync.Mutex
	authUser   string
	authFailed int  // failed authentication attempts ("none" aside)
	authOK     bool // authenticated in the end
}

func connOf(ctx ssh.Context) *trackedConn {
	c, _ := ctx.Value(connKey{}).(*trackedConn)
	return c
}

func (c *trackedConn) Read(b []byte) (int, error) {
	c.lastIO.Store(time.Now().UnixNano())
	return c.Conn.Read(b)
}

func (c *trackedConn) Write(b []byte) (int, error) {
	c.lastIO.Store(time.Now().UnixNano())
	return c.Conn.Write(b)
}

func (c *trackedConn) Close() error {
	c.once.Do(c.close)
	return c.Conn.Close()
}

// idleSince is when the connection last read or wrote.
func (c *trackedConn) idleSince() time.Time { return time.Unix(0, c.lastIO.Load()) }

// noteAuth is the AuthLogCallback. OpenSSH clients try "none" first, which
// fails whenever keys are required: that one is not a failure worth a log.
func (c *trackedConn) noteAuth(meta gossh.ConnMetadata, method string, err error) {
	c.authMu.Lock()
	defer c.authMu.Unlock()
	c.authUser = meta.User()
	switch {
	case err == nil:
		c.authOK = true
	case method != "none":
		c.authFailed++
	}
}

// admitConn is the ConnCallback: it refuses a connection before the
// handshake when the server holds twice --max-sessions connections (so
// connections that never open a session cannot exhaust file descriptors),
// when its address already holds --max-conns-per-ip, or when a PROXY
// header is required and missing. Behind a load balancer the address is
// the one in the PROXY header.
func (s *server) admitConn(ctx ssh.Context, conn net.Conn) net.Conn {
	if pc, ok := conn.(*proxyproto.Conn); ok && pc.ProxyHeader() == nil {
		s.noisy.Warn("no PROXY header", "remote", pc.Raw().RemoteAddr().String())
		return nil
	}
	remote := conn.RemoteAddr()
	key := sourceKey(remote)
	if reason := s.takeConn(key); reason != "" {
		s.noisy.Warn("refused", "reason", reason, "remote", remote.String())
		return nil
	}
	c := &trackedConn{Conn: conn, opened: time.Now()}
	c.lastIO.Store(c.opened.UnixNano())
	c.close = func() {
		s.giveConn(key)
		c.authMu.Lock()
		defer c.authMu.Unlock()
		if c.authFailed > 0 && !c.authOK {
			s.noisy.Warn("authentication failed", "remote", remote.String(), "user", clean(c.authUser), "attempts", c.authFailed)
		}
	}
	ctx.SetValue(connKey{}, c)
	return c
}

// takeConn counts a connection from key in, or says why not.
func (s *server) takeConn(key string) (refused string) {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	switch {
	case s.cfg.MaxSessions > 0 && s.conns >= 2*s.cfg.MaxSessions:
		return "max connections"
	case s.cfg.MaxConnsPerIP > 0 && s.connsByAddr[key] >= s.cfg.MaxConnsPerIP:
		return "max connections per address"
	}
	s.conns++
	s.connsByAddr[key]++
	return ""
}

func (s *server) giveConn(key string) {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	s.conns--
	if s.connsByAddr[key]--; s.connsByAddr[key] <= 0 {
		delete(s.connsByAddr, key)
	}
}

// handshakeFailed logs why a connection ended before its first session
// could start. Timeouts and failed authentications are worth a (rate
// limited) warning; the rest, such as port scanners and TCP health checks
// hanging up, only a debug line.
func (s *server) handshakeFailed(conn net.Conn, err error) {
	remote := conn.RemoteAddr().String()
	var auth *gossh.ServerAuthError
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		s.noisy.Warn("handshake timeout", "remote", remote)
	case errors.As(err, &auth):
		// Logged when the connection closes, with the user it tried.
	default:
		s.log.Debug("handshake failed", "remote", remote, "err", clean(err.Error()))
	}
}

// sourceKey is what the per-address limits count by: the client's IP
// address, or for IPv6 its /64, the block one subscriber is given.
func sourceKey(a net.Addr) string {
	ip := addrIP(a)
	if !ip.Is6() {
		return ip.String()
	}
	p, _ := ip.Prefix(64)
	return p.String()
}

// addrIP is a's IP address (IPv4 unmapped), or the zero Addr.
func addrIP(a net.Addr) netip.Addr {
	switch a := a.(type) {
	case nil:
		return netip.Addr{}
	case *net.TCPAddr:
		return a.AddrPort().Addr().Unmap()
	}
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}
