package server

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/log/v2"
	"golang.org/x/time/rate"
)

// maxLoggedBytes caps each client-supplied string in a log record: enough
// for any real user name, TERM, client version or query, and a 120 KB user
// name still costs one short line.
const maxLoggedBytes = 256

// clean makes a client-supplied string safe to log: at most maxLoggedBytes
// of it, with an ellipsis when cut, and every control or non-printing
// character escaped as in a Go string literal (\n, \x1b, \u2028), as are
// backslashes and invalid UTF-8 (\xff). A newline in a user name then
// cannot start a forged record.
func clean(s string) string {
	cut := len(s) > maxLoggedBytes
	if cut {
		n := maxLoggedBytes
		for i := 1; i < utf8.UTFMax && n > 0 && !utf8.RuneStart(s[n]); i++ {
			n-- // keep a rune whole
		}
		s = s[:n]
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case r == '\\':
			b.WriteString(`\\`)
		case unicode.IsPrint(r):
			b.WriteString(s[:size])
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
		s = s[size:]
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// Noisy log lines, those a client can cause at will (connects and
// disconnects, refusals, failed handshakes and authentications, panics),
// pass at most noisyBurst at once and then one per noisyInterval for each
// message. The next line that passes says how many were left out, and
// noisySummary after the first line left out, a line counts those left out
// since: a flood costs a line a second, not a disk, and is still seen.
const (
	noisyBurst    = 10
	noisyInterval = time.Second
	noisySummary  = 10 * time.Second
)

// noisyLog rate-limits log lines by message.
type noisyLog struct {
	log *log.Logger
	now func() time.Time // tests move time

	mu    sync.Mutex
	kinds map[string]*noisyKind // keyed by our own messages, never by client input
}

type noisyKind struct {
	level      log.Level
	lines      *rate.Limiter
	suppressed int
	summary    *time.Timer // pending while lines are left out
}

func newNoisyLog(l *log.Logger) *noisyLog {
	return &noisyLog{log: l, now: time.Now, kinds: map[string]*noisyKind{}}
}

func (n *noisyLog) Info(msg string, keyvals ...any)  { n.emit(log.InfoLevel, msg, keyvals) }
func (n *noisyLog) Warn(msg string, keyvals ...any)  { n.emit(log.WarnLevel, msg, keyvals) }
func (n *noisyLog) Error(msg string, keyvals ...any) { n.emit(log.ErrorLevel, msg, keyvals) }

// emit logs msg with keyvals unless this message has been logged too
// often lately.
func (n *noisyLog) emit(level log.Level, msg string, keyvals []any) {
	n.mu.Lock()
	k := n.kinds[msg]
	if k == nil {
		k = &noisyKind{level: level, lines: rate.NewLimiter(rate.Every(noisyInterval), noisyBurst)}
		n.kinds[msg] = k
	}
	if !k.lines.AllowN(n.now(), 1) {
		k.suppressed++
		if k.summary == nil {
			k.summary = time.AfterFunc(noisySummary, n.summarise)
		}
		n.mu.Unlock()
		return
	}
	if k.suppressed > 0 {
		keyvals = append(keyvals, "suppressed", k.suppressed)
		k.suppressed = 0
	}
	n.mu.Unlock()
	n.log.Log(level, msg, keyvals...)
}

// summarise logs, for each message, how many lines were left out and not
// yet counted. The server calls it last thing too.
func (n *noisyLog) summarise() {
	type count struct {
		msg   string
		level log.Level
		n     int
	}
	var counts []count
	n.mu.Lock()
	for msg, k := range n.kinds {
		if k.summary != nil {
			k.summary.Stop()
			k.summary = nil
		}
		if k.suppressed > 0 {
			counts = append(counts, count{msg, k.level, k.suppressed})
			k.suppressed = 0
		}
	}
	n.mu.Unlock()
	slices.SortFunc(counts, func(a, b count) int { return strings.Compare(a.msg, b.msg) })
	for _, c := range counts {
		n.log.Log(c.level, "lines left out", "message", c.msg, "count", c.n)
	}
}
