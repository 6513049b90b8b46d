package data

import "strings"

// ParseStatusLine reads a status line without its line end: "HTTP/1.1 404
// Not Found", "HTTP/2 404" (HTTP/2 and 3 have no phrase) or "HTTP/1.1 404"
// (a phrase is optional in HTTP/1.1 too). It returns the protocol, the
// three-digit code and the phrase, trimmed. explain reads the responses it
// is given with it, and ParseQuery the status lines pasted into a query.
func ParseStatusLine(line string) (proto string, code int, phrase string, ok bool) {
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

func isWordByte(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' }
