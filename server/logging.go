package server

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/log/v2"
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

// Noisy log lines, those a client can cause at will (refusals, failed
// handshakes and authentications, missing PROXY headers), pass at most
// noisyBurst at once and then one per noisyInterval for each message; the
// next line that passes says how many were left out. A flood then costs a
// line a second, not a disk.
const (
	noisyBurst    = 10
	noisyInterval = time.Second
)

// noisyLog rate-limits warnings by message.
type noisyLog struct {
	log *log.Logger
	now func() time.Time // tests move time

	mu    sync.Mutex
	kinds map[string]*noisyKind // keyed by our own messages, never by client input
}

type noisyKind struct {
	tokens     float64
	last       time.Time
	suppressed int
}

func newNoisyLog(l *log.Logger) *noisyLog {
	return &noisyLog{log: l, now: time.Now, kinds: map[string]*noisyKind{}}
}

// Warn logs msg with keyvals unless this message has been logged too often
// lately.
func (n *noisyLog) Warn(msg string, keyvals ...any) {
	n.mu.Lock()
	k := n.kinds[msg]
	now := n.now()
	if k == nil {
		k = &noisyKind{tokens: noisyBurst, last: now}
		n.kinds[msg] = k
	}
	k.tokens = min(noisyBurst, k.tokens+now.Sub(k.last).Seconds()/noisyInterval.Seconds())
	k.last = now
	if k.tokens < 1 {
		k.suppressed++
		n.mu.Unlock()
		return
	}
	k.tokens--
	if k.suppressed > 0 {
		keyvals = append(keyvals, "suppressed", k.suppressed)
		k.suppressed = 0
	}
	n.mu.Unlock()
	n.log.Warn(msg, keyvals...)
}
