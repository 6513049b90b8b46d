package server

import (
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// Who gets in, and who makes room. Every open connection is either in the
// startup pool (connected, no session yet, or none any more) or serving a
// session, so at most --max-startups + --max-sessions connections are open.
// A few addresses cannot hold the rest out: each has its own caps on
// connections, startups and sessions; a full pool drops the oldest startup
// of the address holding the most; a full server lets a newcomer take the
// place of the longest idle session of the address holding the most, if it
// holds more than the newcomer's; and addresses whose connections keep
// timing out or failing are refused for a while, as OpenSSH's
// PerSourcePenalties does.
const (
	// Connections of one address in the startup pool at once: a few people
	// behind one NAT address connecting at the same moment. A handshake
	// takes milliseconds.
	maxStartupsPerIP = 4

	// A session whose person has done nothing for evictIdle may be ended
	// to make room when the server is full.
	evictIdle = time.Minute

	// Penalties add up per address, and it is refused once they exceed
	// penaltyMin, until they have run out; they never exceed penaltyMax.
	penaltyTimeout  = 10 * time.Second // a connection not authenticated in time, or dropped for a newer one before
	penaltyAuthFail = 5 * time.Second  // a connection whose keys all failed
	penaltyMin      = 15 * time.Second
	penaltyMax      = 10 * time.Minute

	// Per-address state (rates, penalties, work budgets, about 500 bytes)
	// is kept for at most maxSources addresses, the least recently seen
	// forgotten first: 16 MB at most.
	maxSources = 1 << 15

	// A refused connection is told why in a line before the SSH version, as
	// RFC 4253 §4.2 allows, and closed gently (what the client sent is read
	// for up to refusalLinger, so the close is not a reset); at most
	// maxLingering are closed so at once, the rest at once.
	refusalLinger = time.Second
	maxLingering  = 64

	// An ended session's explorer gets stopGrace to say goodbye before its
	// channel is closed under it.
	stopGrace = 2 * time.Second
)

// admission holds the limits' state.
type admission struct {
	cfg   Config
	noisy *noisyLog
	now   func() time.Time

	lingering chan struct{} // one token per refusal being closed gently

	mu      sync.Mutex
	sources map[string]*source // addresses with connections or sessions
	pending map[string]*source // addresses with connections in the pool
	inPool  int
	active  int // sessions
	closing bool
	limits  *lru.Cache[string, *sourceLimits]
	done    sync.WaitGroup // sessions
}

// source is one client address (an IPv4 address or an IPv6 /64) while it
// has connections or sessions.
type source struct {
	key      string
	conns    int
	pool     []*trackedConn // in the startup pool, oldest first
	sessions []*session
}

// sourceLimits is what the server remembers about an address between its
// connections.
type sourceLimits struct {
	conns, sessions *rate.Limiter // new connections and new sessions
	work            work          // its explorers' share of a core
	penalty         time.Time     // penalised until
	refused         bool          // the penalty passed penaltyMin
}

// session is one admitted session.
type session struct {
	src    *source
	conn   *trackedConn
	person *activity // nil without a PTY: never idle, never ended to make room

	stop func(why string) // set while an explorer runs; under admission.mu
}

func newAdmission(c Config, noisy *noisyLog) *admission {
	limits, _ := lru.New[string, *sourceLimits](maxSources)
	return &admission{cfg: c, noisy: noisy, now: time.Now, lingering: make(chan struct{}, maxLingering),
		sources: map[string]*source{}, pending: map[string]*source{}, limits: limits}
}

func (a *admission) source(key string) *source {
	src := a.sources[key]
	if src == nil {
		src = &source{key: key}
		a.sources[key] = src
	}
	return src
}

func (a *admission) release(src *source) {
	if src.conns == 0 && len(src.sessions) == 0 && len(src.pool) == 0 {
		delete(a.sources, src.key)
	}
}

func (a *admission) limitsOf(key string) *sourceLimits {
	l, ok := a.limits.Get(key)
	if !ok {
		l = &sourceLimits{work: newWork()}
		if a.cfg.Rate > 0 {
			burst := max(a.cfg.Burst, 1)
			l.conns = rate.NewLimiter(rate.Limit(a.cfg.Rate), burst)
			l.sessions = rate.NewLimiter(rate.Limit(a.cfg.Rate), burst)
		}
		a.limits.Add(key, l)
	}
	return l
}

// workOf is the work an address's explorers share.
func (a *admission) workOf(key string) work {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.limitsOf(key).work
}

// penalise adds d to key's penalty.
func (a *admission) penalise(key string, d time.Duration, why string) {
	a.mu.Lock()
	l := a.limitsOf(key)
	now := a.now()
	l.penalty = later(l.penalty, now).Add(d)
	if l.penalty.Sub(now) > penaltyMax {
		l.penalty = now.Add(penaltyMax)
	}
	refused := !l.refused && l.penalty.Sub(now) > penaltyMin
	l.refused = l.refused || refused
	left := l.penalty.Sub(now).Round(time.Second)
	a.mu.Unlock()
	if refused {
		a.noisy.Warn("penalised", "source", key, "why", why, "for", left)
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// refusal is why a connection or session is turned away: a reason for
// the log and a message for the client.
type refusal struct{ reason, message string }

// admitConn counts a new connection from key in, before its handshake, and
// puts it in the startup pool; or says why not. The pool, when full, makes
// room by dropping others, closed after the lock.
func (a *admission) admitConn(c *trackedConn, key string) *refusal {
	a.mu.Lock()
	l := a.limitsOf(key)
	now := a.now()
	if l.refused && now.Before(l.penalty) {
		left := l.penalty.Sub(now).Round(time.Second)
		a.mu.Unlock()
		return &refusal{"penalty", fmt.Sprintf("httpstatus: too many connections from your address timed out or failed; try again in %v.", left)}
	}
	l.refused = l.refused && now.Before(l.penalty)
	src := a.source(key)
	var r *refusal
	switch {
	case a.closing:
		r = &refusal{"shutting down", "httpstatus is restarting; please try again in a moment."}
	case a.cfg.MaxConnsPerIP > 0 && src.conns >= a.cfg.MaxConnsPerIP:
		r = &refusal{"max connections per address", fmt.Sprintf("httpstatus: your address has the most connections open at once (%d); close one and try again.", src.conns)}
	case l.conns != nil && !l.conns.AllowN(now, 1):
		r = &refusal{"connection rate", "httpstatus: too many connections from your address; please wait a few seconds and try again."}
	}
	if r != nil {
		a.release(src)
		a.mu.Unlock()
		return r
	}
	src.conns++
	c.src = src
	dropped := a.enterPool(c)
	a.mu.Unlock()
	a.drop(dropped)
	return nil
}

// enterPool puts c in the startup pool with a deadline, and returns the
// connections dropped to make room: when its address holds
// maxStartupsPerIP, its own oldest; when the pool is full, the oldest of
// the address holding the most.
func (a *admission) enterPool(c *trackedConn) (dropped []droppedConn) {
	src := c.src
	if len(src.pool) >= maxStartupsPerIP && !c.awaitingHeader {
		dropped = append(dropped, a.dropFromPool(src.pool[0]))
	}
	if a.cfg.MaxStartups > 0 && a.inPool >= a.cfg.MaxStartups {
		dropped = append(dropped, a.dropFromPool(a.oldestOfLargest()))
	}
	src.pool = append(src.pool, c)
	a.pending[src.key] = src
	a.inPool++
	c.inPool = true
	c.poolSince = a.now()
	a.startDeadline(c)
	return dropped
}

// startDeadline gives c, in the pool, --login-timeout from now.
func (a *admission) startDeadline(c *trackedConn) {
	if c.poolTimer != nil {
		c.poolTimer.Stop()
	}
	c.poolEpoch++
	epoch := c.poolEpoch
	c.poolTimer = time.AfterFunc(a.cfg.LoginTimeout, func() { a.expire(c, epoch) })
}

// authenticated restarts c's deadline, if it is in the pool.
func (a *admission) authenticated(c *trackedConn) {
	a.mu.Lock()
	defer a.mu.Unlock()
	c.authed = true
	if c.inPool {
		a.startDeadline(c)
	}
}

// oldestOfLargest is the oldest pool connection of the address with the
// most there; of two with as many, the one whose oldest is older.
func (a *admission) oldestOfLargest() *trackedConn {
	var best *source
	for _, src := range a.pending {
		if best == nil || len(src.pool) > len(best.pool) ||
			len(src.pool) == len(best.pool) && src.pool[0].poolSince.Before(best.pool[0].poolSince) {
			best = src
		}
	}
	return best.pool[0]
}

func (a *admission) leavePool(c *trackedConn) {
	if !c.inPool {
		return
	}
	src := c.src
	for i, p := range src.pool {
		if p == c {
			src.pool = append(src.pool[:i], src.pool[i+1:]...)
			break
		}
	}
	if len(src.pool) == 0 {
		delete(a.pending, src.key)
	}
	a.inPool--
	c.inPool = false
	c.poolTimer.Stop()
}

// droppedConn is a connection dropped from the pool for a newer one, to
// be closed after the lock.
type droppedConn struct {
	c      *trackedConn
	remote string
	waited time.Duration
	key    string // to penalise, or ""
}

// dropFromPool takes c out of the pool. One not yet authenticated (and
// not a load balancer's, still to send its PROXY header) held a place
// others needed: its address is penalised as for a timeout.
func (a *admission) dropFromPool(c *trackedConn) droppedConn {
	d := droppedConn{c: c, remote: c.addr, waited: a.now().Sub(c.poolSince)}
	if !c.authed && !c.awaitingHeader {
		d.key = c.src.key
	}
	a.leavePool(c)
	return d
}

// drop closes connections dropped from the pool.
func (a *admission) drop(dropped []droppedConn) {
	for _, d := range dropped {
		a.noisy.Warn("dropped", "reason", "startup pool full", "remote", d.remote, "waited", d.waited.Round(time.Millisecond))
		if d.key != "" {
			a.penalise(d.key, penaltyTimeout, "startups dropped")
		}
		_ = d.c.Conn.Close() // not c.Close, which runs as the server's handler ends
	}
}

// expire closes c if it is still in the pool it entered as epoch.
func (a *admission) expire(c *trackedConn, epoch int) {
	a.mu.Lock()
	if !c.inPool || c.poolEpoch != epoch {
		a.mu.Unlock()
		return
	}
	a.leavePool(c)
	key, remote, authed, quiet := "", c.addr, c.authed, c.hadSession || c.awaitingHeader
	if !authed && !c.awaitingHeader {
		key = c.src.key
	}
	a.mu.Unlock()
	if !quiet {
		a.noisy.Warn("login timeout", "remote", remote, "authenticated", authed)
	}
	if key != "" {
		a.penalise(key, penaltyTimeout, "login timeouts")
	}
	_ = c.Conn.Close()
}

// awaitHeader puts a connection whose PROXY header is still to come in the
// pool under the load balancer's address; headerRead takes it out.
func (a *admission) awaitHeader(c *trackedConn, key string) {
	a.mu.Lock()
	c.src = a.source(key)
	c.awaitingHeader = true
	dropped := a.enterPool(c)
	a.mu.Unlock()
	a.drop(dropped)
}

func (a *admission) headerRead(c *trackedConn, remote string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.leavePool(c)
	a.release(c.src)
	c.src, c.awaitingHeader, c.addr = nil, false, remote
}

// connClosed gives back c's places and penalises a failed authentication.
func (a *admission) connClosed(c *trackedConn) {
	a.mu.Lock()
	src := c.src
	a.leavePool(c)
	c.closed = true
	src.conns--
	a.release(src)
	a.mu.Unlock()
	if c.authFailedOnly() {
		a.penalise(src.key, penaltyAuthFail, "failed authentications")
	}
}

// admitSession counts a session on c in, or says why not. When the server
// is full, a newcomer may take the place of the longest idle session of the
// address holding the most, if that holds more than the newcomer's.
func (a *admission) admitSession(c *trackedConn, person *activity) (*session, *refusal) {
	a.mu.Lock()
	src := c.src
	l := a.limitsOf(src.key)
	var victim *session
	switch {
	case a.closing:
		a.mu.Unlock()
		return nil, &refusal{"shutting down", "httpstatus is restarting; please try again in a moment."}
	case a.cfg.MaxSessionsPerIP > 0 && len(src.sessions) >= a.cfg.MaxSessionsPerIP:
		a.mu.Unlock()
		return nil, &refusal{"max sessions per address", fmt.Sprintf("httpstatus: your address has the most sessions open at once (%d); close one and try again.", len(src.sessions))}
	case l.sessions != nil && !l.sessions.AllowN(a.now(), 1):
		a.mu.Unlock()
		return nil, &refusal{"rate limit", "Too many sessions from your address; please wait a few seconds and try again."}
	case a.cfg.MaxSessions > 0 && a.active >= a.cfg.MaxSessions:
		if victim = a.longestIdle(len(src.sessions)); victim == nil {
			a.mu.Unlock()
			return nil, &refusal{"max sessions", "httpstatus is busy right now; please try again in a minute."}
		}
	}
	sess := &session{src: src, conn: c, person: person}
	src.sessions = append(src.sessions, sess)
	a.active++
	a.done.Add(1)
	c.sessions++
	c.hadSession = true
	a.leavePool(c)
	var stop func(string)
	if victim != nil {
		stop, victim.stop = victim.stop, nil
	}
	a.mu.Unlock()
	if victim != nil {
		idle := a.now().Sub(victim.person.since()).Round(time.Second)
		a.noisy.Warn("made room", "remote", victim.conn.addr, "idle", idle, "for", c.addr)
		stop(fmt.Sprintf("the server is full, and your session, idle for %v, made room for another", idle))
	}
	return sess, nil
}

// longestIdle is the session to end for a newcomer whose address holds
// mine: of the addresses holding the most, and more than mine, the session
// idle longest, if it has been idle for evictIdle; nil if there is none.
func (a *admission) longestIdle(mine int) *session {
	var best *session
	now := a.now()
	for _, src := range a.sources {
		if len(src.sessions) <= mine {
			continue
		}
		for _, s := range src.sessions {
			if s.stop == nil || now.Sub(s.person.since()) < a.cfg.evictIdle {
				continue
			}
			if best == nil || len(src.sessions) > len(best.src.sessions) ||
				len(src.sessions) == len(best.src.sessions) && s.person.since().Before(best.person.since()) {
				best = s
			}
		}
	}
	return best
}

// sessionEnded gives back sess's place. A connection left with no session
// goes back to the startup pool, and its deadline.
func (a *admission) sessionEnded(sess *session) {
	a.mu.Lock()
	src := sess.src
	for i, s := range src.sessions {
		if s == sess {
			src.sessions = append(src.sessions[:i], src.sessions[i+1:]...)
			break
		}
	}
	a.active--
	sess.stop = nil
	c := sess.conn
	c.sessions--
	var dropped []droppedConn
	if c.sessions == 0 && !c.closed {
		dropped = a.enterPool(c)
	}
	a.release(src)
	a.mu.Unlock()
	a.done.Done()
	a.drop(dropped)
}

// setStop makes sess an explorer that stop ends, or (nil) no longer one.
func (a *admission) setStop(sess *session, stop func(why string)) {
	a.mu.Lock()
	sess.stop = stop
	a.mu.Unlock()
}

// close admits nothing more and returns how many sessions are open.
func (a *admission) close() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.closing = true
	return a.active
}

func (a *admission) isClosing() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.closing
}

func (a *admission) sessionCount() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.active
}

// refuse tells the client on conn why it is turned away, in a line before
// the SSH version, and closes it without a reset where it can.
func (a *admission) refuse(conn net.Conn, message string) {
	_ = conn.SetDeadline(a.now().Add(refusalLinger))
	_, _ = io.WriteString(conn, message+"\r\n")
	select {
	case a.lingering <- struct{}{}:
		defer func() { <-a.lingering }()
	default:
		return // too many closing: the caller closes at once
	}
	if hc, ok := conn.(interface{ CloseWrite() error }); ok && hc.CloseWrite() == nil {
		// Unread input makes the close a reset, which can overtake the line.
		_, _ = io.CopyN(io.Discard, conn, 64<<10)
	}
}

// pooled is the number of connections in the startup pool.
func (a *admission) pooled() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.inPool
}
