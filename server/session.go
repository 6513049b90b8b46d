package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/anmitsu/go-shlex"
	"github.com/charmbracelet/colorprofile"

	"github.com/httpstatus-dev/httpstatus/internal/guard"
	"github.com/httpstatus-dev/httpstatus/model"
)

// usage answers a session with neither a terminal nor a query. OpenSSH
// reads options after the host too, so flags for httpstatus follow "--".
const usage = `httpstatus: HTTP status codes over SSH (add the -p PORT you used here)

  ssh -t HOST                  the interactive explorer
  ssh HOST 404                 the card for 404
  ssh HOST 4xx                 every client error, one line each
  ssh HOST rate limit          ranked search
  ssh -t HOST choose           a guide to the right code for a situation
  ssh HOST -- --json 5xx       JSON for scripts
  ssh HOST -- --help           all options
`

const goodbye = "\nhttpstatus is shutting down for maintenance. Goodbye, and try again in a moment.\n"

// maxCommandBytes caps the command line a client may send, checked before
// anything parses it (the shell-style splitter is quadratic): room for any
// query people type, with flags and quotes. The CLI reads up to 64 KiB
// (data.MaxQueryBytes) for whole pasted responses, which a session takes
// as input, not as its command line.
const maxCommandBytes = 2048

// timeoutMargin is how long before the idle or max timeout an explorer is
// ended, so that it can give the client's terminal back (normal screen,
// cursor) while the connection still carries bytes.
const timeoutMargin = time.Second

// handle is the innermost handler: with a terminal, the command line as
// Config.Terminal parses it (the explorer, the guide, or what the CLI
// prints); otherwise the command-line lookup. Arguments are never a
// command.
func (s *server) handle(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := len(sess.RawCommand()); n > maxCommandBytes {
			s.noisy.Warn("refused", "reason", "long command", "remote", sess.RemoteAddr().String(), "bytes", n)
			_, _ = fmt.Fprintf(sess.Stderr(), "httpstatus: the command is %d bytes long; at most %d are read.\n", n, maxCommandBytes)
			_ = sess.Exit(2)
			return
		}
		args := sessionArgs(sess.RawCommand())
		if t := s.ptyOf(sess); t != nil {
			// Exit here, not after the middleware returns, so the exit status
			// is sent before shutdown counts the session as done.
			_ = sess.Exit(s.terminal(sess, t, args))
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
func sessionArgs(raw string) []string {
	args, err := shlex.Split(raw, true)
	if err != nil {
		return strings.Fields(raw)
	}
	return args
}

// terminal runs a session that has a PTY: Config.Terminal parses args as
// the CLI does and may open the explorer, whose exit status is then the
// session's. Without Config.Terminal the arguments are the explorer's
// query.
func (s *server) terminal(sess ssh.Session, t *pty, args []string) int {
	if s.cfg.Terminal == nil {
		return s.explore(sess, t, false, model.WithQuery(strings.Join(args, " ")))
	}
	explored, status := false, 0
	cli := s.cfg.Terminal(args, sess, sess.Stderr(), sess.Environ(), func(plain bool, opts ...model.Option) error {
		explored, status = true, s.explore(sess, t, plain, opts...)
		return nil
	})
	if !explored {
		return cli
	}
	return status
}

// explore runs the explorer for one session, as wish's bubbletea
// middleware would, plus what that lacks: the window is clamped, input
// read safely and paced, work budgeted (fitted, sessionInput), panics
// contained, and shutdown, the channel closing, a timeout and the need for
// room end the program.
func (s *server) explore(sess ssh.Session, t *pty, plain bool, opts ...model.Option) (status int) {
	c := connOf(sess.Context())
	want := t.windows.get()
	w, h := clampWindow(want)
	f := newFitted(nil, want, s.gate.workOf(c.src.key))
	mw, mh := f.modelSize(w, h)
	f.Model = s.cfg.newModel(append(opts, model.WithSize(mw, mh)))

	// The options wish's bubbletea.MakeOptions gives an emulated PTY, with
	// the TERM the PTY was requested with. The connection's context kills
	// the program when the client vanishes; process signals are for the
	// server, not sessions.
	env := append(sess.Environ(), "TERM="+t.term)
	profile := colorprofile.Env(env)
	if plain || profile < colorprofile.Ascii {
		// --color=never or NO_COLOR; or TERM=dumb or none, but a PTY was
		// granted: bold and reverse still show the selection, where NoTTY
		// would strip them.
		profile = colorprofile.Ascii
	}
	// The program reads no input of its own: sessionInput feeds it.
	p := tea.NewProgram(f, tea.WithInput(strings.NewReader("")), tea.WithOutput(sess),
		tea.WithEnvironment(env), tea.WithColorProfile(profile),
		tea.WithWindowSize(w, h), tea.WithFilter(f.filter), tea.WithFPS(frameRate),
		tea.WithContext(sess.Context()), tea.WithoutSignalHandler())
	f.safe.Quit = func() { go p.Quit() }
	f.after = func(d time.Duration, msg tea.Msg) { time.AfterFunc(d, func() { p.Send(msg) }) }
	if !s.track(p) {
		_, _ = io.WriteString(sess, goodbye)
		return 0
	}
	defer s.untrack(p)

	done := make(chan struct{})
	ended := make(chan string, 1) // why the server ended it, if it did
	stop := func(why string) {
		select {
		case ended <- why:
		default:
		}
		f.quit()
		// A client that reads nothing can keep the program writing.
		time.AfterFunc(stopGrace, func() {
			select {
			case <-done:
			default:
				_ = sess.Close()
			}
		})
	}
	if entry, ok := s.sessions.Load(sess); ok {
		s.gate.setStop(entry.(*session), stop)
		defer s.gate.setStop(entry.(*session), nil)
	}

	in := newSessionInput(p, f.work.updates, t.windows, t.person)
	ctx, stopInput := context.WithCancel(sess.Context())
	defer stopInput()
	defer in.stop()
	go in.run(ctx, newLimitedInput(sess, func() {
		s.noisy.Warn("dropping input", "remote", sess.RemoteAddr().String(), "user", clean(sess.User()),
			"reason", "faster than a person types")
	}), t.term)
	go s.tend(p, t, f.work, want, c, stop, done)
	_, err := p.Run()
	close(done)
	p.Kill() // restores the terminal and stops goroutines if Run failed early
	if note := f.safe.Panicked(); note != nil {
		s.crashed(sess, "panic in explorer", *note)
		return 1
	}
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// In a command, which Bubble Tea recovered (and printed to stderr).
		s.crashed(sess, "panic in explorer", guard.Panic{Value: err, At: "a command"})
		return 1
	case err != nil && sess.Context().Err() == nil:
		s.noisy.Warn("explorer failed", "remote", sess.RemoteAddr().String(), "err", err)
		return 1
	}
	select {
	case why := <-ended:
		_, _ = fmt.Fprintf(sess, "\nhttpstatus: %s. Goodbye.\n", why)
	default:
		if s.gate.isClosing() {
			_, _ = io.WriteString(sess, goodbye)
		}
	}
	return 0
}

// tend runs beside an explorer until done: it passes on the client's
// window changes, the latest at most every minResizeGap and while the work
// budgets allow, and quits the program when the channel closes (the client
// may keep the connection), and stops it when the person has done nothing
// for the idle timeout or timeoutMargin before the connection's max
// timeout.
func (s *server) tend(p *tea.Program, t *pty, w work, last ssh.Window, c *trackedConn, stop func(string), done <-chan struct{}) {
	windows := t.windows
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		at, why := s.timeout(c, t.person)
		if !at.IsZero() {
			if time.Until(at) <= 0 {
				stop(why)
				return
			}
			timer.Reset(time.Until(at))
		}
		select {
		case <-done:
			return
		case <-windows.closed:
			go p.Quit()
			return
		case <-timer.C:
		case <-windows.changed:
			win := windows.get()
			if win == last {
				continue
			}
			if w.updates.left() && w.draws.left() {
				last = win
				p.Send(resizeMsg(win))
			} else {
				windows.signal() // once the budget allows
			}
			select {
			case <-done:
				return
			case <-time.After(minResizeGap):
			}
		}
	}
}

// timeout is when an explorer on c should end: after the idle timeout
// without anything from the person, or before the connection's max
// timeout cuts it, whichever comes first, and why; zero if neither is set.
func (s *server) timeout(c *trackedConn, person *activity) (at time.Time, why string) {
	if d := s.cfg.IdleTimeout; d > 0 {
		at = person.since().Add(d - min(timeoutMargin, d/4))
		why = fmt.Sprintf("closing the session after %v without input", d)
	}
	if d := s.cfg.MaxTimeout; d > 0 {
		if end := c.opened.Add(d - min(timeoutMargin, d/4)); at.IsZero() || end.Before(at) {
			at, why = end, fmt.Sprintf("sessions here last at most %v", d)
		}
	}
	return at, why
}

// limitSessions admits a session, within the per-address rate and caps
// and the global one, or refuses it saying why; it counts sessions for
// shutdown.
func (s *server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		var person *activity
		if t := s.ptyOf(sess); t != nil {
			person = t.person
		}
		entry, r := s.gate.admitSession(connOf(sess.Context()), person)
		if r != nil {
			s.refuse(sess, r)
			return
		}
		defer s.gate.sessionEnded(entry)
		s.sessions.Store(sess, entry)
		defer s.sessions.Delete(sess)
		next(sess)
	}
}

// logSessions logs each admitted session's start and end. Only what an
// operator needs: no keys, no environment. Whatever the client chose
// (user, client version, TERM, command) is escaped and capped by clean.
func (s *server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		who := []any{"remote", sess.RemoteAddr().String(), "user", clean(sess.User())}
		kv := append(who, "client", clean(sess.Context().ClientVersion()))
		if t := s.ptyOf(sess); t != nil {
			win := t.windows.get()
			kv = append(kv, "term", clean(t.term), "window", fmt.Sprintf("%dx%d", win.Width, win.Height))
		}
		if q := strings.TrimSpace(sess.RawCommand()); q != "" {
			kv = append(kv, "query", clean(q))
		}
		s.noisy.Info("connect", kv...)
		defer func() {
			s.noisy.Info("disconnect", append(who, "duration", time.Since(start).Round(time.Millisecond))...)
		}()
		next(sess)
	}
}

// recoverPanics keeps one session's panic from taking the server down.
func (s *server) recoverPanics(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.crashed(sess, "panic in session", guard.Panic{Value: r, At: guard.Site()})
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// crashed logs a session's panic, in one line through the rate-limited
// log, and tells the client.
func (s *server) crashed(sess ssh.Session, msg string, p guard.Panic) {
	s.noisy.Error(msg, "remote", sess.RemoteAddr().String(), "user", clean(sess.User()),
		"panic", clean(fmt.Sprint(p.Value)), "at", p.At)
	_, _ = fmt.Fprintln(sess.Stderr(), "httpstatus: internal error; sorry, the session has ended.")
}
