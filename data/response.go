package data

import (
	"net/textproto"
	"strings"
)

// MaxBodyEvidence is how much of a body the resolver reads for evidence of
// who wrote it. Every error page signature the evidence table knows sits
// in the first few hundred bytes.
const MaxBodyEvidence = 8 << 10

// pastedResponses finds the responses in a query: read as explain reads
// its input when there are any (curl -i, -v, HTTPie, or curl saying that
// none came), so that a paste and explain agree; else the status lines that stand inside other text
// ("returned HTTP/1.1 503 Service Unavailable"), each a head without
// fields.
func pastedResponses(text string) []*Response {
	if !strings.Contains(text, "HTTP/") && !strings.Contains(text, "curl: (") {
		return nil
	}
	if rs, err := parseResponses(strings.TrimLeft(text, " \t")); err == nil {
		return rs
	}
	var out []*Response
	for line := range strings.Lines(text) {
		if r, ok := statusLineIn(strings.TrimRight(line, "\r\n")); ok {
			out = append(out, r)
		}
	}
	return out
}

// afterRequestLine reports whether text ends with a request's method and
// target ("GET /api "): then "HTTP/1.1 503" is the rest of an access-log
// line whose quotes were lost, not a status line.
func afterRequestLine(text string) bool {
	method, target, ok := strings.Cut(strings.TrimRight(lastFields(text, 2), " "), " ")
	return ok && method != "" && strings.ToUpper(method) == method && allLetters(method) && strings.HasPrefix(target, "/")
}

// lastFields is the last n space-separated fields of text.
func lastFields(text string, n int) string {
	f := strings.Fields(text)
	return strings.Join(f[max(len(f)-n, 0):], " ")
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// statusLineIn reads a status line that starts a word of line.
func statusLineIn(line string) (*Response, bool) {
	for at := strings.Index(line, "HTTP/"); at >= 0; {
		if proto, code, phrase, ok := ParseStatusLine(line[at:]); ok && (at == 0 || !isWordByte(line[at-1])) && !afterRequestLine(line[:at]) {
			return &Response{Line: line[at:], Proto: proto, Code: code, Phrase: phrase, Header: textproto.MIMEHeader{}, Body: -1}, true
		}
		next := strings.Index(line[at+1:], "HTTP/")
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return nil, false
}
