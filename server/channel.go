package server

import (
	"fmt"
	"io"
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// What one connection and one session channel may ask for.
const (
	// Sessions open at once on one connection, as OpenSSH's MaxSessions
	// with the same default; each costs memory whether or not it ever runs
	// anything.
	maxChannelsPerConn = 10

	// OpenSSH sends LANG and LC_* by default, some fifteen short variables;
	// only TERM, COLORTERM and NO_COLOR matter here.
	maxEnvRequests = 64
	maxEnvBytes    = 1024 // name and value

	// OpenSSH's pty-req is about 300 bytes (TERM, four sizes, some 60
	// terminal modes); charm.land/ssh parses the modes into a map.
	maxPtyRequestBytes = 1024

	// Input sent before the shell or exec request has been handled: a few
	// keys typed as the session starts fit many times over.
	maxEarlyInput = 4 << 10

	// Requests (channel and global) one connection may send: requestBurst
	// at once, then requestRate a second; beyond, the connection is read no
	// further until the budget allows, which paces the client instead of
	// spending CPU on what it sends. OpenSSH sends about 20 as a session
	// starts (env, pty-req, shell), then keepalives and window changes,
	// some 60 a second while a window is dragged. Unpaced, one connection
	// sent 645,000 window changes a second, about a core.
	requestBurst = 200
	requestRate  = 100
)

// pty is what a session's pty-req asked for, the latest window size, and
// when the person at it last did something.
type pty struct {
	term    string
	windows *windowBox
	person  *activity
}

// ptyOf is sess's PTY, or nil if it has none.
func (s *server) ptyOf(sess ssh.Session) *pty {
	t, _ := s.ptys.Load(sess)
	p, _ := t.(*pty)
	return p
}

// ptyHandler is charm.land/ssh's emulated PTY, plus a drain of the
// session's window changes from the moment the PTY exists.
//
// This works around charm.land/ssh (session.go, (*session).handleRequests):
// it sends each "window-change" into the session's one-slot winch channel
// from the channel's request loop, and nothing reads winch until a handler
// does. A window change before "shell" (or after a handler that does not
// read them, such as a refusal) blocked that loop for good; the channel's
// requests then backed up into golang.org/x/crypto/ssh's connection read
// loop, and the connection stopped, idle and max timeouts included. Here
// winch is read at once and always, into a box that keeps the latest size.
func (s *server) ptyHandler(ctx ssh.Context, sess ssh.Session, p ssh.Pty) (func() error, error) {
	closer, err := s.emulatePty(ctx, sess, p)
	if err != nil {
		return nil, err
	}
	_, winch, _ := sess.Pty()
	t := &pty{term: p.Term, windows: newWindowBox(p.Window), person: newActivity()}
	s.ptys.Store(sess, t)
	go func() {
		for w := range winch { // closed when the session's requests end
			t.windows.put(w)
			t.person.touch()
		}
		s.ptys.Delete(sess)
		close(t.windows.closed)
	}()
	return closer, nil
}

// sessionChannel serves a session channel, at most maxChannelsPerConn at
// once per connection, through guardedChannel.
func (s *server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	c := connOf(ctx)
	if c.channels.Add(1) > maxChannelsPerConn {
		c.channels.Add(-1)
		s.noisy.Warn("refused", "reason", "sessions per connection", "remote", conn.RemoteAddr().String(), "user", clean(conn.User()))
		_ = nc.Reject(gossh.ResourceShortage, fmt.Sprintf("at most %d sessions at once per connection", maxChannelsPerConn))
		return
	}
	defer c.channels.Add(-1) // when the channel's requests end, that is when it closes
	ssh.DefaultSessionHandler(srv, conn, guardedChannel{nc, s, conn, ctx, c}, ctx)
}

// guardedChannel answers itself the session requests charm.land/ssh would
// accept, leave unanswered or let grow without bound, paces them, and
// passes on the rest.
type guardedChannel struct {
	gossh.NewChannel
	s       *server
	conn    *gossh.ServerConn
	ctx     ssh.Context // done when the connection closes
	tracked *trackedConn
}

func (c guardedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, in, err := c.NewChannel.Accept()
	if err != nil {
		return ch, in, err
	}
	go discard(ch.Stderr())
	early := newEarlyInput(ch)
	out := make(chan *gossh.Request)
	go c.filter(in, out, early)
	return early, out, nil
}

// discard reads a client's extended data (its "stderr"), which nothing
// here uses: golang.org/x/crypto/ssh keeps unread data, up to the
// channel's 2 MB window, for as long as the channel is open.
func discard(r io.Reader) {
	b := make([]byte, 1024)
	for {
		if _, err := r.Read(b); err != nil {
			return
		}
	}
}

// earlyInput reads a session channel from the moment it opens, as nothing
// else does before the session starts and golang.org/x/crypto/ssh would
// keep up to 2 MB unread. It keeps the first maxEarlyInput bytes for the
// session and drops the rest. Once start is called it stops after the read
// in flight, whose bytes it keeps too, and Read passes through.
type earlyInput struct {
	gossh.Channel
	started chan struct{} // closed by start
	start   func()
	stopped chan struct{} // closed when drain has returned
	kept    []byte
	err     error
}

func newEarlyInput(ch gossh.Channel) *earlyInput {
	e := &earlyInput{Channel: ch, started: make(chan struct{}), stopped: make(chan struct{})}
	e.start = sync.OnceFunc(func() { close(e.started) })
	go e.drain()
	return e
}

func (e *earlyInput) drain() {
	defer close(e.stopped)
	b := make([]byte, 1024)
	for {
		n, err := e.Channel.Read(b)
		select {
		case <-e.started:
			e.kept, e.err = append(e.kept, b[:n]...), err // the session's own input
			return
		default:
			e.kept = append(e.kept, b[:min(n, maxEarlyInput-len(e.kept))]...)
		}
		if err != nil {
			e.err = err
			return
		}
	}
}

func (e *earlyInput) Read(p []byte) (int, error) {
	<-e.stopped
	if len(e.kept) > 0 {
		n := copy(p, e.kept)
		e.kept = e.kept[n:]
		return n, nil
	}
	if e.err != nil {
		return 0, e.err
	}
	return e.Channel.Read(p)
}

// filter refuses agent forwarding (charm.land/ssh accepts it), X11,
// subsystems such as sftp, a PTY for a key marked no-pty, oversized
// pty-reqs and env requests beyond the caps, and answers signals, which
// charm.land/ssh buffers without a reply. A shell or exec request starts
// the session's input.
func (c guardedChannel) filter(in <-chan *gossh.Request, out chan<- *gossh.Request, early *earlyInput) {
	defer close(out)
	envs, envRefused := 0, false
	for req := range in {
		if c.tracked.requests.Wait(c.ctx) != nil {
			_ = req.Reply(false, nil)
			continue // the connection is closing
		}
		reason := ""
		switch req.Type {
		case "auth-agent-req@openssh.com", "x11-req", "subsystem":
			reason = req.Type
		case "signal":
			_ = req.Reply(false, nil) // nothing here takes signals
			continue
		case "shell", "exec":
			early.start()
		case "pty-req":
			if len(req.Payload) > maxPtyRequestBytes {
				reason = "pty-req too long"
			} else if c.conn.Permissions != nil {
				if _, ok := c.conn.Permissions.Extensions[noPty]; ok {
					reason = noPty
				}
			}
		case "env":
			var kv struct{ Name, Value string }
			if err := gossh.Unmarshal(req.Payload, &kv); err != nil || envs >= maxEnvRequests || len(kv.Name)+len(kv.Value) > maxEnvBytes {
				if !envRefused { // the first refusal is enough to tell
					c.s.noisy.Warn("refused", "reason", "env", "remote", c.conn.RemoteAddr().String(), "user", clean(c.conn.User()),
						"name", clean(kv.Name), "bytes", len(req.Payload), "count", envs)
				}
				envRefused = true
				_ = req.Reply(false, nil)
				continue
			}
			envs++
		}
		if reason != "" {
			c.s.noisy.Warn("refused", "reason", reason, "remote", c.conn.RemoteAddr().String(), "user", clean(c.conn.User()))
			_ = req.Reply(false, nil)
			continue
		}
		out <- req
	}
}

// otherChannel refuses every channel but sessions: direct-tcpip (local port
// forwarding) and anything else a client may try.
func (s *server) otherChannel(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, _ ssh.Context) {
	s.noisy.Warn("refused", "reason", clean(nc.ChannelType()), "remote", conn.RemoteAddr().String(), "user", clean(conn.User()))
	_ = nc.Reject(gossh.Prohibited, "only sessions are served here")
}

// globalRequest refuses connection-level requests, paced; reverse port
// forwarding (tcpip-forward) is the one worth a log line, the rest are
// keepalives and the like.
func (s *server) globalRequest(ctx ssh.Context, _ *ssh.Server, req *gossh.Request) (bool, []byte) {
	_ = connOf(ctx).requests.Wait(ctx) // paced with the channels' requests
	if req.Type == "tcpip-forward" {
		s.noisy.Warn("refused", "reason", req.Type, "remote", ctx.RemoteAddr().String(), "user", clean(ctx.User()))
	}
	return false, nil
}
