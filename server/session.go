package server

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	"github.com/anmitsu/go-shlex"
	gossh "golang.org/x/crypto/ssh"
)

// usage answers a session with neither a terminal nor a query.
const usage = `httpstatus: HTTP status codes over SSH (add the -p PORT you used here)

  ssh -t HOST               the interactive explorer
  ssh HOST 404              the card for 404
  ssh HOST 4xx              every client error, one line each
  ssh HOST rate limit       ranked search
  ssh HOST --json 5xx       JSON for scripts
  ssh HOST --help           all options
`

const goodbye = "\nhttpstatus is shutting down for maintenance. Goodbye, and try again in a moment.\n"

// handle is the innermost handler: the explorer for a terminal, otherwise
// the command-line lookup. Arguments are only ever a query, never a command.
func (s *server) handle(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		args := sessionArgs(sess)
		if _, _, isPty := sess.Pty(); isPty {
			// Exit here, not after the middleware returns, so the exit status
			// is sent before shutdown counts the session as done.
			_ = sess.Exit(s.explore(sess, strings.Join(args, " ")))
			return
		}
		if len(args) == 0 {
			_, _ = io.WriteString(sess, usage)
			_ = sess.Exit(0)
			return
		}
		_ = sess.Exit(s.cfg.Query(args, sess, sess.Stderr(), sess.Environ()))
	}
}

// sessionArgs splits the client's command line as a shell would, without
// running one. A line the splitter rejects, such as `ssh host "i'm a
// teapot"` with its lone quote, is split on spaces instead: the splitter
// would silently drop the quote and glue the words together.
func sessionArgs(sess ssh.Session) []string {
	args, err := shlex.Split(sess.RawCommand(), true)
	if err != nil {
		return strings.Fields(sess.RawCommand())
	}
	return args
}

// explore runs the explorer for one session. It mirrors wish's bubbletea
// middleware, plus what that lacks: shutdown can quit the program, and
// window changes are drained until the session ends, so a late resize
// cannot block the connection's request loop.
func (s *server) explore(sess ssh.Session, query string) (status int) {
	pty, windows, _ := sess.Pty()
	w, h := pty.Window.Width, pty.Window.Height
	if w <= 0 || h <= 0 {
		w, h = 80, 24 // the client could not tell (ssh -tt from a pipe)
	}
	m := s.cfg.newModel(query, w, h)
	// MakeOptions takes input, output, TERM and colour profile from the
	// client's session. The connection's context kills the program when the
	// client vanishes; process signals are for the server, not sessions.
	opts := append(bubbletea.MakeOptions(sess),
		tea.WithWindowSize(w, h), tea.WithContext(sess.Context()), tea.WithoutSignalHandler())
	p := tea.NewProgram(m, opts...)
	if !s.track(p) {
		_, _ = io.WriteString(sess, goodbye)
		return 0
	}
	defer s.untrack(p)
	go func() {
		// The first value repeats the size the program starts with; sending
		// it again would cost a needless render.
		last := ssh.Window{Width: w, Height: h}
		for win := range windows { // closed when the session's requests end
			if win.Width > 0 && win.Height > 0 && (win.Width != last.Width || win.Height != last.Height) {
				last = win
				p.Send(tea.WindowSizeMsg{Width: win.Width, Height: win.Height})
			}
		}
	}()
	_, err := p.Run()
	p.Kill() // restores the terminal and stops goroutines if Run failed early
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea recovered it and printed the stack to the server's stderr.
		s.log.Error("panic in explorer", "remote", sess.RemoteAddr().String(), "user", sess.User(), "err", err)
		_, _ = fmt.Fprintln(sess.Stderr(), "httpstatus: internal error; sorry, the session has ended.")
		return 1
	case err != nil && sess.Context().Err() == nil:
		s.log.Warn("explorer failed", "remote", sess.RemoteAddr().String(), "err", err)
		return 1
	}
	if s.isClosing() {
		_, _ = io.WriteString(sess, goodbye)
	}
	return 0
}

// limitRate refuses a client IP that opens sessions faster than Rate.
func (s *server) limitRate(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if s.rate != nil && s.rate.Allow(sess) != nil {
			s.refuse(sess, "rate limit", "Too many sessions from your address; please wait a few seconds and try again.")
			return
		}
		next(sess)
	}
}

// limitSessions caps concurrent sessions and counts them for shutdown.
func (s *server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if reason, message := s.admit(); reason != "" {
			s.refuse(sess, reason, message)
			return
		}
		defer s.leave()
		next(sess)
	}
}

// logSessions logs each admitted session's start and end. Only what an
// operator needs: no keys, no environment.
func (s *server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		l := s.log.With("remote", sess.RemoteAddr().String(), "user", sess.User())
		kv := []any{"client", sess.Context().ClientVersion()}
		if pty, _, ok := sess.Pty(); ok {
			kv = append(kv, "term", pty.Term, "window", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
		}
		if args := sessionArgs(sess); len(args) > 0 {
			q := strings.Join(args, " ")
			if len(q) > 80 {
				q = q[:80] + "…"
			}
			kv = append(kv, "query", q)
		}
		l.Info("connect", kv...)
		defer func() { l.Info("disconnect", "duration", time.Since(start).Round(time.Millisecond)) }()
		next(sess)
	}
}

// recoverPanics keeps one session's panic from taking the server down.
func (s *server) recoverPanics(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("panic in session", "remote", sess.RemoteAddr().String(), "user", sess.User(),
					"panic", r, "stack", string(debug.Stack()))
				_, _ = fmt.Fprintln(sess.Stderr(), "httpstatus: internal error; sorry, the session has ended.")
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// sessionChannel serves a session channel, saying no to the requests
// charm.land/ssh would otherwise accept or that we want logged: agent
// forwarding (accepted by default), X11 and subsystems such as sftp.
func (s *server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, refusingChannel{nc, s, conn}, ctx)
}

type refusingChannel struct {
	gossh.NewChannel
	s    *server
	conn *gossh.ServerConn
}

func (c refusingChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, in, err := c.NewChannel.Accept()
	if err != nil {
		return ch, in, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for req := range in {
			switch req.Type {
			case "auth-agent-req@openssh.com", "x11-req", "subsystem":
				c.s.log.Warn("refused", "reason", req.Type, "remote", c.conn.RemoteAddr().String(), "user", c.conn.User())
				_ = req.Reply(false, nil)
			default:
				out <- req
			}
		}
	}()
	return ch, out, nil
}

// otherChannel refuses every channel but sessions: direct-tcpip (local port
// forwarding) and anything else a client may try.
func (s *server) otherChannel(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, _ ssh.Context) {
	s.log.Warn("refused", "reason", nc.ChannelType(), "remote", conn.RemoteAddr().String(), "user", conn.User())
	_ = nc.Reject(gossh.Prohibited, "only sessions are served here")
}

// globalRequest refuses connection-level requests; reverse port forwarding
// (tcpip-forward) is the one worth a log line, the rest are keepalives and
// the like.
func (s *server) globalRequest(ctx ssh.Context, _ *ssh.Server, req *gossh.Request) (bool, []byte) {
	if req.Type == "tcpip-forward" {
		s.log.Warn("refused", "reason", req.Type, "remote", ctx.RemoteAddr().String(), "user", ctx.User())
	}
	return false, nil
}
