package explain

import (
	"strings"
	"testing"
)

func TestStatusLine(t *testing.T) {
	for _, tc := range []struct {
		in     string
		code   int
		phrase string
		ok     bool
	}{
		{"HTTP/1.1 404 Not Found", 404, "Not Found", true},
		{"HTTP/1.0 200 OK\r\n", 200, "OK", true},
		{"HTTP/2 502", 502, "", true},
		{"HTTP/2 502 \r\nserver: cloudflare\r\n", 502, "", true},
		{"HTTP/3 200", 200, "", true},
		{"< HTTP/2 502 ", 502, "", true},
		{"  HTTP/1.1 301 Moved Permanently", 301, "Moved Permanently", true},
		{"$ curl -sI https://example.com\nHTTP/1.1 418 I'm a teapot\nServer: x", 418, "I'm a teapot", true},
		{"> GET / HTTP/1.1\n> Host: x\n>\n< HTTP/1.1 429 Too Many Requests\n", 429, "Too Many Requests", true},
		{"HTTP/1.1 999 Request denied", 999, "Request denied", true},
		{"HTTP/1.1 404", 404, "", true},
		{"404", 0, "", false},
		{"404 Not Found", 0, "", false},
		{"HTTP/1.1 20 OK", 0, "", false},
		{"HTTP/1.1 2000", 0, "", false},
		{"HTTP/1.1 200OK", 0, "", false},
		{"HTTP/1.1  200 OK", 0, "", false},
		{"HTTP/11 200 OK", 0, "", false},
		{"HTTP/ 200 OK", 0, "", false},
		{"HTTPS/1.1 200 OK", 0, "", false},
		{"http/1.1 200 OK", 0, "", false},
		{"GET / HTTP/1.1", 0, "", false},
		{"", 0, "", false},
		{strings.Repeat("x\n", maxStatusLineScan/2) + "HTTP/1.1 200 OK", 0, "", false},
	} {
		code, phrase, ok := StatusLine(tc.in)
		if code != tc.code || phrase != tc.phrase || ok != tc.ok {
			t.Errorf("StatusLine(%.40q) = %d %q %v, want %d %q %v", tc.in, code, phrase, ok, tc.code, tc.phrase, tc.ok)
		}
	}
}

func BenchmarkStatusLine(b *testing.B) {
	pasted := "$ curl -si https://example.com/x\nHTTP/2 502 \r\nserver: cloudflare\r\n"
	for b.Loop() {
		StatusLine(pasted)
	}
}
