package main

import (
	"strings"
	"testing"
)

// Punctuation people put around a code (a search key, a path, an issue
// title) does not hide it.
func TestPunctuationAroundACode(t *testing.T) {
	for q, want := range map[string]string{"/404": "404 Not Found", "429/": "429 Too Many Requests", "#429": "429 Too Many Requests"} {
		out, errw, status := cli(t, nil, q)
		if first, _, _ := strings.Cut(out, "\n"); status != 0 || first != want {
			t.Errorf("%s: status %d, first line %q (stderr %q), want %q", q, status, first, errw, want)
		}
	}
}
