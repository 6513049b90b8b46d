package server

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
)

func TestClean(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"alice":                   "alice",
		"a\nb\r\tc":               `a\nb\r\tc`,
		"\x1b[31mred":             `\x1b[31mred`,
		`back\slash`:              `back\\slash`,
		"bad \xff byte":           `bad \xff byte`,
		"line\u2028sep":           `line\u2028sep`,
		"café ü":                  "café ü",
		"\uFFFD real":             "\uFFFD real",
		strings.Repeat("é", 200):  strings.Repeat("é", maxLoggedBytes/2) + "…", // cut between runes
		strings.Repeat("\n", 300): strings.Repeat(`\n`, maxLoggedBytes) + "…",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Noisy warnings pass noisyBurst at once, then one per noisyInterval, and
// the next that passes counts those left out.
func TestNoisyLog(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	n := newNoisyLog(log.New(&out))
	now := time.Now()
	n.now = func() time.Time { return now }
	for range 3 * noisyBurst {
		n.Warn("refused", "reason", "flood")
	}
	n.Warn("handshake timeout") // another message has its own allowance
	if got := strings.Count(out.String(), "refused"); got != noisyBurst {
		t.Errorf("%d lines of a burst of %d, want %d", got, 3*noisyBurst, noisyBurst)
	}
	now = now.Add(noisyInterval)
	n.Warn("refused", "reason", "flood")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "suppressed=20") || len(lines) != noisyBurst+2 {
		t.Errorf("after an interval: %d lines, last %q", len(lines), last)
	}
}
