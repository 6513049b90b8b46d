// Package server serves the explorer over SSH (`httpstatus serve`): an
// interactive session gets the explorer, a session without a terminal gets
// the command-line lookup, and nothing else (no shell, forwarding or
// subsystems) is offered.
package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/pires/go-proxyproto"
	"github.com/spf13/pflag"
	gossh "golang.org/x/crypto/ssh"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/model"
)

// Config is how `httpstatus serve` runs. A client address is an IPv4
// address or an IPv6 /64; 0 means no limit.
type Config struct {
	Listen           string        // address to listen on
	HostKey          string        // ed25519 host key file, generated if missing
	MaxSessions      int           // sessions served at once
	MaxSessionsPerIP int           // sessions open at once from one client address, over all its connections
	MaxConnsPerIP    int           // connections open at once from one client address
	MaxStartups      int           // connections without a session at once
	LoginTimeout     time.Duration // close a connection without a session after this long
	IdleTimeout      time.Duration // end a session after this long without input from its person
	MaxTimeout       time.Duration // close any connection after this long
	Rate             float64       // new connections, and new sessions, per second per client address
	Burst            int           // connections (and sessions) a client address may open at once before Rate applies
	ProxyProtocol    bool          // require a PROXY v1/v2 header on every connection
	AuthorizedKeys   string        // if set, only these public keys may connect

	// Query runs the command-line lookup for sessions without a PTY; it
	// returns the exit status.
	Query func(args []string, stdout, stderr io.Writer, env []string) int
	// Terminal, if set, runs the command line for sessions with a PTY, as
	// the CLI would on a terminal; where that opens the explorer, it calls
	// explore with the explorer's options (plain: no colour), and the
	// explorer's exit status is the session's. Otherwise it returns the
	// exit status. Without it, the arguments are the explorer's query.
	Terminal  func(args []string, stdout, stderr io.Writer, env []string, explore func(plain bool, opts ...model.Option) error) int
	LogOutput io.Writer // structured logs; nil discards them

	// newModel builds a session's explorer from its options; tests swap it.
	newModel func(opts []model.Option) tea.Model
	// evictIdle, if set, replaces the constant; tests shorten it.
	evictIdle time.Duration
}

// DefaultConfig is a public, read-only server on localhost.
func DefaultConfig() Config {
	return Config{
		Listen:      "127.0.0.1:23234",
		HostKey:     defaultHostKey(),
		MaxSessions: 1000,
		// A household or office behind one NAT address: a few people, each
		// with a session or two and perhaps an OpenSSH control master.
		MaxSessionsPerIP: 5,
		MaxConnsPerIP:    10,
		// A handshake takes milliseconds, and a client opens its session
		// right after: connections without one are either starting, or
		// holding a place. sshd's MaxStartups is 100.
		MaxStartups:  200,
		LoginTimeout: 10 * time.Second,
		IdleTimeout:  10 * time.Minute,
		MaxTimeout:   2 * time.Hour,
		Rate:         2,
		Burst:        10,
		LogOutput:    os.Stderr,
	}
}

// defaultHostKey follows the XDG base directory spec, so the key survives
// upgrades and stays out of the working directory.
func defaultHostKey() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "httpstatus", "ssh_host_ed25519")
}

// Flags registers the serve flags, with c's values as defaults.
func (c *Config) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", c.Listen, "address to listen on")
	fs.StringVar(&c.HostKey, "host-key", c.HostKey, "SSH host key file (ed25519; generated if missing, mode 0600)")
	fs.IntVar(&c.MaxSessions, "max-sessions", c.MaxSessions, "sessions served at once; when full, a newcomer may take the place of a long idle session of an address holding more, else is asked to try again (0: no limit)")
	fs.IntVar(&c.MaxSessionsPerIP, "max-sessions-per-ip", c.MaxSessionsPerIP, "sessions open at once from one client address (an IPv6 /64), over all its connections (0: no limit)")
	fs.IntVar(&c.MaxConnsPerIP, "max-conns-per-ip", c.MaxConnsPerIP, "connections open at once from one client address (an IPv6 /64); the next is told why and closed (0: no limit)")
	fs.IntVar(&c.MaxStartups, "max-startups", c.MaxStartups, "connections without a session at once; beyond, the oldest of the address with the most is closed (0: no limit)")
	fs.DurationVar(&c.LoginTimeout, "login-timeout", c.LoginTimeout, "close a connection that has no session this long after it opened, or after its last session ended")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "end a session after this long without keys, mouse or window changes from its person")
	fs.DurationVar(&c.MaxTimeout, "max-timeout", c.MaxTimeout, "close any connection after this long")
	fs.Float64Var(&c.Rate, "rate", c.Rate, "new connections, and new sessions, per second per client address (0: no limit)")
	fs.IntVar(&c.Burst, "burst", c.Burst, "connections (and sessions) a client address may open at once before --rate applies")
	fs.BoolVar(&c.ProxyProtocol, "proxy-protocol", c.ProxyProtocol, "require a PROXY v1/v2 header on each connection (behind HAProxy); never expose the port directly then")
	fs.StringVar(&c.AuthorizedKeys, "authorized-keys", c.AuthorizedKeys, "only admit the public keys in this authorized_keys file (default: anyone)")
}

const (
	proxyHeaderTimeout = 10 * time.Second // the load balancer sends its header at once
	shutdownGrace      = 3 * time.Second  // how long sessions get to say goodbye
)

// The algorithms offered: those ssh-audit passes, which OpenSSH 7.4 and
// later and PuTTY 0.68 and later share (curve25519 key exchange with
// chacha20-poly1305, AES-GCM, or AES-CTR with an encrypt-then-MAC HMAC).
// Left out: NIST-curve and SHA-1 key exchange, finite-field groups
// (diffie-hellman-group16-sha512 cost the server 41 ms of CPU a handshake
// against 0.3 for curve25519, and every client that has it has curve25519),
// and MACs in encrypt-and-MAC mode.
var (
	keyExchanges = []string{gossh.KeyExchangeMLKEM768X25519, gossh.KeyExchangeCurve25519}
	ciphers      = []string{gossh.CipherChaCha20Poly1305, gossh.CipherAES256GCM, gossh.CipherAES128GCM,
		gossh.CipherAES256CTR, gossh.CipherAES192CTR, gossh.CipherAES128CTR}
	macs = []string{gossh.HMACSHA256ETM, gossh.HMACSHA512ETM}
)

// Run serves until ctx is done, then says goodbye to open sessions, closes
// them and returns nil.
func Run(ctx context.Context, c Config) error {
	s, err := newServer(c)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return err
	}
	return s.serve(ctx, ln)
}

// server is one running SSH service.
type server struct {
	cfg   Config
	log   *log.Logger
	noisy *noisyLog // lines a client can cause at will
	srv   *ssh.Server
	gate  *admission

	emulatePty ssh.PtyHandler // charm.land/ssh's own, which ptyHandler wraps
	ptys       sync.Map       // ssh.Session → *pty, while the session's requests last
	sessions   sync.Map       // ssh.Session → *session, while admitted

	mu       sync.Mutex
	programs map[*tea.Program]struct{} // explorers to quit on shutdown
}

func newServer(c Config) (*server, error) {
	if c.Query == nil {
		return nil, errors.New("server: Config.Query is nil")
	}
	out := c.LogOutput
	if out == nil {
		out = io.Discard
	}
	logger := log.NewWithOptions(out, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339})
	if c.newModel == nil {
		cat := data.Load() // loaded once, shared read-only by every session
		c.newModel = func(opts []model.Option) tea.Model { return model.New(cat, opts...) }
	}
	signer, created, err := loadHostKey(c.HostKey)
	if err != nil {
		return nil, err
	}
	c.evictIdle = cmp.Or(c.evictIdle, evictIdle)
	noisy := newNoisyLog(logger)
	s := &server{cfg: c, log: logger, noisy: noisy, gate: newAdmission(c, noisy),
		programs: map[*tea.Program]struct{}{}, emulatePty: emulatedPty()}

	opts := []ssh.Option{
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithIdleTimeout(c.IdleTimeout),
		wish.WithMaxTimeout(c.MaxTimeout),
		// The last middleware runs first: cheap refusals before any work.
		wish.WithMiddleware(
			s.handle,
			s.recoverPanics,
			s.logSessions,
			s.limitSessions,
		),
	}
	if c.AuthorizedKeys != "" {
		keys, err := loadAuthorizedKeys(c.AuthorizedKeys, logger)
		if err != nil {
			return nil, fmt.Errorf("authorized keys: %w", err)
		}
		opts = append(opts, wish.WithPublicKeyAuth(keys.allow))
	}
	s.srv, err = wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	s.srv.ServerConfigCallback = s.sshConfig
	s.srv.PtyHandler = s.ptyHandler
	s.srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel, "default": s.otherChannel}
	s.srv.RequestHandlers = map[string]ssh.RequestHandler{"default": s.globalRequest}
	s.srv.ConnCallback = s.admitConn
	s.srv.ConnectionFailedCallback = s.handshakeFailed
	s.log.Info("host key", "path", c.HostKey, "fingerprint", gossh.FingerprintSHA256(signer.PublicKey()), "generated", created)
	return s, nil
}

// emulatedPty is charm.land/ssh's default PTY handler, which fakes a PTY
// over the channel; the package offers it only as an Option.
func emulatedPty() ssh.PtyHandler {
	var srv ssh.Server
	_ = ssh.EmulatePty()(&srv)
	return srv.PtyHandler
}

// sshConfig is each connection's SSH configuration: the algorithms above,
// and a note of failed authentications for the log.
func (s *server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	c := connOf(ctx)
	return &gossh.ServerConfig{
		Config:          gossh.Config{KeyExchanges: keyExchanges, Ciphers: ciphers, MACs: macs},
		AuthLogCallback: c.noteAuth,
	}
}

// serve accepts on ln until ctx is done, then shuts down gracefully.
func (s *server) serve(ctx context.Context, ln net.Listener) error {
	if s.cfg.ProxyProtocol {
		// REQUIRE: a connection without a header is refused, not trusted as
		// direct; the header read is bounded so a silent peer cannot hold it.
		ln = &proxyproto.Listener{
			Listener:          ln,
			ConnPolicy:        func(proxyproto.ConnPolicyOptions) (proxyproto.Policy, error) { return proxyproto.REQUIRE, nil },
			ReadHeaderTimeout: proxyHeaderTimeout,
		}
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "proxy-protocol", s.cfg.ProxyProtocol,
		"authorized-keys", s.cfg.AuthorizedKeys, "max-sessions", s.cfg.MaxSessions,
		"max-sessions-per-ip", s.cfg.MaxSessionsPerIP, "max-conns-per-ip", s.cfg.MaxConnsPerIP,
		"max-startups", s.cfg.MaxStartups, "rate", s.cfg.Rate, "burst", s.cfg.Burst)

	served := make(chan error, 1)
	go func() { served <- s.srv.Serve(ln) }()
	select {
	case err := <-served:
		_ = s.srv.Close()
		return err
	case <-ctx.Done():
	}
	return s.shutdown(served)
}

// shutdown stops accepting, asks every explorer to quit (each then says
// goodbye), waits a little for sessions to end and closes what remains.
func (s *server) shutdown(served <-chan error) error {
	n := s.gate.close()
	s.mu.Lock()
	for p := range s.programs {
		go p.Quit() // Quit blocks until the program has started
	}
	s.mu.Unlock()
	s.log.Info("shutting down", "sessions", n)

	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	// Shutdown closes the listener, then waits for connections to end.
	conns := make(chan struct{})
	go func() { _ = s.srv.Shutdown(ctx); close(conns) }()

	sessions := make(chan struct{})
	go func() { s.gate.done.Wait(); close(sessions) }()
	select {
	case <-sessions:
		// Clients such as OpenSSH hang up once their session has ended;
		// give them a moment to, rather than cutting them off.
		select {
		case <-conns:
		case <-time.After(250 * time.Millisecond):
		}
	case <-ctx.Done():
		s.log.Warn("sessions still open after the grace period; closing them")
	}
	_ = s.srv.Close()
	if err := <-served; err != nil && !errors.Is(err, ssh.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		return err
	}
	s.noisy.summarise()
	s.log.Info("stopped")
	return nil
}

// refuse tells the client why, logs the reason and ends the session.
func (s *server) refuse(sess ssh.Session, r *refusal) {
	s.noisy.Warn("refused", "reason", r.reason, "remote", sess.RemoteAddr().String(), "user", clean(sess.User()))
	_, _ = fmt.Fprintln(sess.Stderr(), r.message)
	_ = sess.Exit(1)
}

// track registers an explorer for shutdown; false if shutdown has begun.
func (s *server) track(p *tea.Program) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gate.isClosing() {
		return false
	}
	s.programs[p] = struct{}{}
	return true
}

func (s *server) untrack(p *tea.Program) {
	s.mu.Lock()
	delete(s.programs, p)
	s.mu.Unlock()
}

// sessionCount is the number of sessions being served.
func (s *server) sessionCount() int { return s.gate.sessionCount() }
