package explain

import (
	"strings"
)

// maxStatusLineScan bounds how much pasted text StatusLine looks through.
const maxStatusLineScan = 64 << 10

// StatusLine finds the first status line in pasted text ("HTTP/1.1 404 Not
// Found", "HTTP/2 502", or curl -v's "< HTTP/2 502") and returns its code
// and reason phrase. It looks at the first 64 KB only, so it is cheap
// enough to call on every keystroke.
func StatusLine(s string) (code int, phrase string, ok bool) {
	if len(s) > maxStatusLineScan {
		s = s[:maxStatusLineScan]
	}
	for line := range strings.Lines(s) {
		line = strings.TrimLeft(line, " \t")
		line = strings.TrimPrefix(line, "< ")
		if _, code, phrase, ok := parseStatusLine(trimEOL(line)); ok {
			return code, phrase, true
		}
	}
	return 0, "", false
}

// parseStatusLine reads a status line without its line end: "HTTP/1.1 404
// Not Found", "HTTP/2 404" (HTTP/2 and 3 have no phrase) or "HTTP/1.1 404"
// (a phrase is optional in HTTP/1.1 too). It returns the protocol, the
// three-digit code and the phrase, trimmed.
func parseStatusLine(line string) (proto string, code int, phrase string, ok bool) {
	rest, found := strings.CutPrefix(line, "HTTP/")
	if !found || len(rest) < 1 || !isDigit(rest[0]) {
		return "", 0, "", false
	}
	n := 1
	if len(rest) > 2 && rest[1] == '.' && isDigit(rest[2]) {
		n = 3
	}
	proto = line[:len("HTTP/")+n]
	rest = rest[n:]
	if len(rest) < 4 || rest[0] != ' ' || !isDigit(rest[1]) || !isDigit(rest[2]) || !isDigit(rest[3]) {
		return "", 0, "", false
	}
	code = int(rest[1]-'0')*100 + int(rest[2]-'0')*10 + int(rest[3]-'0')
	rest = rest[4:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", 0, "", false // "HTTP/1.1 2000" or "HTTP/1.1 200OK"
	}
	phrase = strings.TrimSpace(rest)
	if strings.ContainsAny(phrase, "\r\n") {
		return "", 0, "", false
	}
	return proto, code, phrase, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimEOL drops a line's LF or CRLF.
func trimEOL(line string) string {
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r")
}
