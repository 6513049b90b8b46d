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
	"golang.org/x/time/rate"
)

// connKey finds a connection's *trackedConn in its ssh.Context.
type connKey struct{}

// trackedConn is one admitted connection: it holds its places under the
// limits until closed, and knows when it opened. The fields from src to
// closed are the admission's, under its lock.
type trackedConn struct {
	net.Conn
	addr     string // the client's, from the PROXY header once read: for logs
	opened   time.Time
	channels atomic.Int32  // session channels open
	requests *rate.Limiter // channel and global requests
	close    func()        // gives back its places
	once     sync.Once

	src            *source
	inPool         bool
	poolSince      time.Time
	poolEpoch      int // counts entries to the pool, so a stale deadline is ignored
	poolTimer      *time.Timer
	awaitingHeader bool // in the pool under the load balancer's address
	authed         bool // authenticated: its deadline restarted, no penalty
	sessions       int
	hadSession     bool
	closed         bool
	gate           *admission

	authMu     sync.Mutex
	authUser   string
	authFailed int  // failed authentication attempts ("none" aside)
	authOK     bool // authenticated in the end
}

func connOf(ctx ssh.Context) *trackedConn {
	c, _ := ctx.Value(connKey{}).(*trackedConn)
	return c
}

func (c *trackedConn) Close() error {
	c.once.Do(c.close)
	return c.Conn.Close()
}

// authFailedOnly reports whether the client tried keys and none worked.
func (c *trackedConn) authFailedOnly() bool {
	c.authMu.Lock()
	defer c.authMu.Unlock()
	return c.authFailed > 0 && !c.authOK
}

// noteAuth is the AuthLogCallback. OpenSSH clients try "none" first, which
// fails whenever keys are required: that one is not a failure worth a log.
// An authenticated connection gets a fresh --login-timeout to start its
// session in: on a busy server that can take a while.
func (c *trackedConn) noteAuth(meta gossh.ConnMetadata, method string, err error) {
	c.authMu.Lock()
	c.authUser = meta.User()
	switch {
	case err == nil:
		c.authOK = true
	case method != "none":
		c.authFailed++
	}
	c.authMu.Unlock()
	if err == nil {
		c.gate.authenticated(c)
	}
}

// admitConn is the ConnCallback: before the handshake, it refuses a
// connection from a penalised address, or beyond its address's connection
// rate or --max-conns-per-ip, telling it why; or one that lacks a required
// PROXY header. Others enter the startup pool. Behind a load balancer the
// address is the one in the PROXY header, and a connection waits for that
// header in the pool too.
func (s *server) admitConn(ctx ssh.Context, conn net.Conn) net.Conn {
	c := &trackedConn{Conn: conn, opened: time.Now(), requests: rate.NewLimiter(requestRate, requestBurst), gate: s.gate}
	if pc, ok := conn.(*proxyproto.Conn); ok {
		raw := pc.Raw()
		c.addr = raw.RemoteAddr().String()
		s.gate.awaitHeader(c, sourceKey(raw.RemoteAddr()))
		header := pc.ProxyHeader() // read now, within the pool's deadline
		s.gate.headerRead(c, conn.RemoteAddr().String())
		if header == nil {
			s.noisy.Warn("no PROXY header", "remote", raw.RemoteAddr().String())
			return nil
		}
	} else {
		c.addr = conn.RemoteAddr().String()
	}
	remote := conn.RemoteAddr()
	if r := s.gate.admitConn(c, sourceKey(remote)); r != nil {
		s.noisy.Warn("refused", "reason", r.reason, "remote", remote.String())
		s.gate.refuse(rawConn(conn), r.message)
		return nil
	}
	c.close = func() {
		s.gate.connClosed(c)
		c.authMu.Lock()
		defer c.authMu.Unlock()
		if c.authFailed > 0 && !c.authOK {
			s.noisy.Warn("authentication failed", "remote", remote.String(), "user", clean(c.authUser), "attempts", c.authFailed)
		}
	}
	ctx.SetValue(connKey{}, c)
	return c
}

// rawConn is the TCP connection under a PROXY protocol one.
func rawConn(conn net.Conn) net.Conn {
	if pc, ok := conn.(*proxyproto.Conn); ok {
		return pc.Raw()
	}
	return conn
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
