package data

// Hand-written, not net/http's: pastes (curl -v, -L, HTTPie) hold prefixed and malformed heads it refuses.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on the responses ReadResponses reads (explain's input). Anything over them is refused with an
// error rather than read in part.
const (
	MaxResponseInput = 8 << 20 // bytes of input in all, bodies included
	MaxHead          = 1 << 20 // bytes in one head: its status or request line and header fields
	MaxResponses     = 100     // responses in one input; curl -L follows at most 50 redirects
)

// Errors for input that is not one or more HTTP responses.
var (
	ErrEmpty            = errors.New("the input is empty; pipe in a response, e.g. curl -si URL | httpstatus explain")
	ErrBinary           = errors.New("the input is binary data, not an HTTP response")
	ErrNoStatusLine     = errors.New("no status line (such as HTTP/1.1 200 OK) in the input")
	ErrInputTooLarge    = fmt.Errorf("the input is over %d MB; use curl -sI to get heads without bodies", MaxResponseInput>>20)
	ErrHeadTooLarge     = fmt.Errorf("a message head (status or request line and header fields) is over %d MB", MaxHead>>20)
	ErrTooManyResponses = fmt.Errorf("the input has more than %d responses", MaxResponses)
)

// Response is one response as ReadResponses read it, or as ParseQuery
// found it pasted: its head and the start of its content. The resolver
// decides its meaning and who wrote it from these fields alone.
type Response struct {
	Line   string // the status line as received, without its line end
	Proto  string // HTTP/1.1, HTTP/2
	Code   int
	Phrase string // "" when there is none (HTTP/2)
	Header textproto.MIMEHeader
	// Malformed are the head's lines that are not header fields; they
	// are left out of Header.
	Malformed []string
	// Body is how many bytes of content followed the head, not counting
	// the blank lines around it; -1 when the input cannot tell (curl -v
	// writes bodies apart from heads).
	Body int
	// BodyStart is the start of that content (at most
	// MaxBodyEvidence bytes), where error pages say who wrote them.
	BodyStart string
	Request   *Request // the request it answers, when the input has it
	// Failure is set, with Code 0, when no response came at all and the
	// client said so (curl's "Empty reply from server"); Line is then
	// what the client printed.
	Failure *NoResponse

	lowerCase bool // an HTTP/1 head whose field names are all lower case
}

// Request is a request head found in the input: curl -v's "> " lines, or
// a request line that HTTPie (http -v) prints before the response.
type Request struct {
	Method, Target, Proto string
	Header                textproto.MIMEHeader
	// URL is the absolute URL asked for, when the input says it (curl -v),
	// or "".
	URL string
}

// ReadResponses reads one or more responses: the output of curl -i, -I, -L and
// -v, HTTPie, or a file. It skips bodies and refuses input that is not
// HTTP, with one of the errors above.
func ReadResponses(r io.Reader) ([]*Response, error) {
	var b bytes.Buffer
	if sized, ok := r.(interface{ Len() int }); ok { // a strings.Reader: read it in one piece
		b.Grow(min(sized.Len(), MaxResponseInput) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(io.LimitReader(r, MaxResponseInput+1)); err != nil {
		return nil, err
	}
	if b.Len() > MaxResponseInput {
		return nil, ErrInputTooLarge
	}
	// One string holds the input; every line, value and body start read
	// from it is a substring, not a copy.
	return parseResponses(b.String())
}

func parseResponses(b string) ([]*Response, error) {
	b = strings.TrimPrefix(b, ("\xef\xbb\xbf"))
	if len(strings.TrimSpace(b)) == 0 {
		return nil, ErrEmpty
	}
	var out []*Response
	var err error
	if isVerbose(b) {
		out, err = parseVerbose(b)
	} else {
		out, err = parseRaw(b)
	}
	switch {
	case err != nil:
		return nil, err
	case len(out) > 0:
		return out, nil
	case looksBinary(b):
		return nil, ErrBinary
	}
	return nil, ErrNoStatusLine
}

// looksBinary reports whether the start of the input holds a NUL byte or
// is not UTF-8, which no text a person would call a response does.
func looksBinary(b string) bool {
	head := b[:min(len(b), 1024)]
	if strings.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRuneInString(head[i:])
		if r == utf8.RuneError && size == 1 && i < len(head)-utf8.UTFMax {
			bad++ // not counting a character cut at the end
		}
		i += size
	}
	return bad > len(head)/16
}

// lineScanner walks the lines of b from next: each line's start and end,
// the end without its LF or CRLF.
type lineScanner struct {
	b    string
	next int
}

func (s *lineScanner) scan() (start, end int, ok bool) {
	if s.next >= len(s.b) {
		return 0, 0, false
	}
	start = s.next
	i := strings.IndexByte(s.b[start:], '\n')
	if i < 0 {
		end, s.next = len(s.b), len(s.b)
	} else {
		end, s.next = start+i, start+i+1
	}
	if end > start && s.b[end-1] == '\r' {
		end--
	}
	return start, end, true
}

// parseRaw reads responses as they are on the wire, or as curl -i and
// HTTPie print them: status line, header fields, a blank line, content.
// A line in which curl says no response came ("curl: (52) Empty reply
// from server", with -sS) stands for a response with code 0.
func parseRaw(b string) ([]*Response, error) {
	var out []*Response
	var req *Request
	var lines []string // of the head being read, reused for each
	crlf := false      // whether heads end their lines with CRLF, as curl prints them
	for pos := 0; pos < len(b); {
		start, kind := nextHead(b, pos, len(out) > 0 && crlf)
		if kind == noHead {
			break
		}
		if kind == failureLine {
			line := firstLine(b[start:])
			if len(out) == 0 || out[len(out)-1].Code/100 == 3 { // curl -L was following
				out = append(out, failed(line, failureIn(line, false), req))
				req = nil
			}
			pos = start + len(line) + 1
			continue
		}
		if len(out) == 0 {
			line, _, _ := strings.Cut(b[start:], "\n")
			crlf = strings.HasSuffix(line, "\r")
		}
		var headEnd int
		var err error
		lines, headEnd, err = readHead(b, start, lines[:0])
		if err != nil {
			return nil, err
		}
		first := lines[0]
		if kind == requestHead {
			req = newRequest(first, lines[1:])
			pos = headEnd
			continue
		}
		resp := newResponse(first, lines[1:])
		resp.Request = req
		if resp.Code >= 200 {
			req = nil // a final response answers its request; a 1xx leaves it open
		}
		end := bodyEnd(b, headEnd, resp, crlf)
		content := strings.TrimSpace(b[headEnd:end])
		resp.Body = len(content)
		resp.BodyStart = content[:min(len(content), MaxBodyEvidence)]
		out = append(out, resp)
		if len(out) > MaxResponses {
			return nil, ErrTooManyResponses
		}
		pos = end
	}
	return out, nil
}

// What starts at a line of the input.
type headKind int

const (
	noHead       headKind = iota
	responseHead          // a status line
	requestHead           // a request line
	failureLine           // curl saying that no response came
)

// nextHead finds the next line, from pos, that starts a response (a status
// line), a request (a request line), or says no response came. pos counts
// as a line start. In content, where text can mention a status line, a
// head must look like one: its first line ends in CRLF when the input's
// heads do (inCRLF), and is followed by a header field, a blank line or
// the end.
func nextHead(b string, pos int, inCRLF bool) (start int, kind headKind) {
	s := lineScanner{b: b, next: pos}
	for {
		start, end, ok := s.scan()
		if !ok {
			return 0, noHead
		}
		line := b[start:end]
		if failureIn(line, false) != nil {
			return start, failureLine
		}
		isStatus := isStatusLine(line)
		if !isStatus && !isRequestLine(line) {
			continue
		}
		if inCRLF && (end >= len(b) || b[end] != '\r') {
			continue
		}
		if pos > 0 && !fieldOrBlankAt(b, s.next) {
			continue
		}
		if isStatus {
			return start, responseHead
		}
		return start, requestHead
	}
}

// failureIn reads a line in which curl says it got no response: "curl:
// (52) Empty reply from server" as curl -sS prints it, or, among curl -v's
// remarks (verbose), "* Empty reply from server". It returns the evidence
// table's row, or nil.
func failureIn(line string, verbose bool) *NoResponse {
	rest, ok := strings.CutPrefix(line, ("curl: ("))
	if !ok && verbose {
		rest, ok = strings.CutPrefix(line, ("* "))
	}
	if !ok || len(rest) > MaxStartLine {
		return nil
	}
	table := softwareTable().NoResponse
	for i := range table {
		if strings.Contains(rest, table[i].Message) {
			return &table[i]
		}
	}
	return nil
}

// failed is a response that never came, as the client reported it.
func failed(line string, why *NoResponse, req *Request) *Response {
	return &Response{Line: line, Header: textproto.MIMEHeader{}, Body: -1, Request: req, Failure: why}
}

// fieldOrBlankAt reports whether the line at i is a header field, blank, or
// the end of the input.
func fieldOrBlankAt(b string, i int) bool {
	s := lineScanner{b: b, next: i}
	start, end, ok := s.scan()
	return !ok || start == end || isFieldLine(b[start:min(end, start+MaxStartLine)])
}

// MaxStartLine is longer than any status or request line worth reading;
// longer lines are not one, which bounds what is copied to check them.
const MaxStartLine = 8 << 10

// isStatusLine reports whether a line, without its line end, is a status
// line.
func isStatusLine(line string) bool {
	if len(line) > MaxStartLine || !strings.HasPrefix(line, ("HTTP/")) {
		return false
	}
	_, _, _, ok := ParseStatusLine(line)
	return ok
}

// isRequestLine reports whether a line, without its line end, is a request
// line.
func isRequestLine(line string) bool {
	if len(line) > MaxStartLine || len(line) == 0 || line[0] < 'A' || line[0] > 'Z' {
		return false
	}
	_, _, _, ok := parseRequestLine(line)
	return ok
}

// firstLine is b up to its first line end, without it.
func firstLine(b string) string {
	line, _, _ := strings.Cut(b, "\n")
	return strings.TrimSuffix(line, "\r")
}

// readHead reads the head that starts at start: its lines up to a blank
// line, the end of the input, or the next status line (heads pasted
// without the blank line between them). It appends the lines to lines and
// says where the content after the head starts.
func readHead(b string, start int, lines []string) ([]string, int, error) {
	s := lineScanner{b: b, next: start}
	for {
		ls, le, ok := s.scan()
		if !ok {
			return lines, len(b), nil
		}
		if s.next-start > MaxHead {
			return nil, 0, ErrHeadTooLarge
		}
		line := b[ls:le]
		if len(line) == 0 {
			return lines, s.next, nil
		}
		if len(lines) > 0 && isStatusLine(line) {
			return lines, ls, nil
		}
		lines = append(lines, line)
	}
}

// bodyEnd finds where the content that follows a head ends: where the next
// head starts, or the end of the input.
func bodyEnd(b string, from int, resp *Response, crlf bool) int {
	rest := b[from:]
	// Content-Length says exactly, if what follows that many bytes is
	// another head or nothing. It does not count under Transfer-Encoding
	// (curl prints chunked content decoded anyway), nor on the statuses
	// that have no content.
	if n, ok, err := ContentLength(resp.Header); ok && err == nil && !NoContent(resp.Code) && resp.Header.Get("Transfer-Encoding") == "" && n <= int64(len(rest)) {
		if after := rest[n:]; len(strings.TrimSpace(after)) == 0 || startsHead(after) {
			return from + int(n)
		}
	}
	if startsHead(rest) {
		return from // no content: curl -I, a 1xx, 204 or 304
	}
	next := len(b)
	if start, kind := nextHead(b, from, crlf); kind != noHead {
		next = start
	}
	if glued := gluedStatusLine(b[from:next]); glued >= 0 {
		next = from + glued
	}
	return next
}

// startsHead reports whether b, after blank lines, starts with a status
// line or a request line.
func startsHead(b string) bool {
	line := firstLine(strings.TrimLeft(b, "\r\n"))
	return isStatusLine(line) || isRequestLine(line)
}

// gluedStatusLine finds a status line that starts in the middle of a line:
// curl -iL prints the next response right after content that does not end
// in a line break. Only CRLF-terminated status lines count, as curl prints
// them, so a mention of "HTTP/1.1 404" in text content does not.
func gluedStatusLine(content string) int {
	s := lineScanner{b: content}
	for {
		start, end, ok := s.scan()
		if !ok {
			return -1
		}
		if end >= len(content) || content[end] != '\r' || s.next != end+2 {
			continue // not a CRLF line
		}
		line := content[start:end]
		if cr := strings.LastIndexByte(line, '\r'); cr >= 0 {
			start, line = start+cr+1, line[cr+1:]
		}
		if len(line) > MaxStartLine {
			start, line = start+len(line)-MaxStartLine, line[len(line)-MaxStartLine:]
		}
		for off := 1; off < len(line); {
			i := strings.Index(line[off:], ("HTTP/"))
			if i < 0 {
				break
			}
			i += off
			if statusPrefix(line[i:]) { // then the rest of the line is the phrase
				return start + i
			}
			off = i + 1
		}
	}
}

// statusPrefix reports whether b starts like a status line, "HTTP/1.1 200"
// or "HTTP/2 200" followed by a space or nothing.
func statusPrefix(b string) bool {
	n := len("HTTP/1.1 200")
	if len(b) > 6 && b[6] == ' ' {
		n = len("HTTP/2 200")
	}
	if len(b) < n || len(b) > n && b[n] != ' ' && b[n] != '\t' {
		return false
	}
	_, _, _, ok := ParseStatusLine(b[:n])
	return ok
}

// Errors of ContentLength.
var (
	ErrLengthNotNumber = errors.New("Content-Length is not a number of bytes")
	ErrLengthConflict  = errors.New("Content-Length is sent several times with different values")
)

// ContentLength reads a head's Content-Length (RFC 9110 §8.6): ok is false
// when there is none, and err says why a value sent is unusable. A value
// repeated the same is one value (RFC 9112 §6.3).
func ContentLength(h textproto.MIMEHeader) (n int64, ok bool, err error) {
	v := h["Content-Length"]
	if len(v) == 0 {
		return 0, false, nil
	}
	first := strings.TrimSpace(v[0])
	u, err := strconv.ParseUint(first, 10, 63)
	if err != nil {
		return 0, true, ErrLengthNotNumber
	}
	for _, other := range v[1:] {
		if strings.TrimSpace(other) != first {
			return 0, true, ErrLengthConflict
		}
	}
	return int64(u), true, nil
}

func newResponse(statusLine string, fields []string) *Response {
	proto, code, phrase, _ := ParseStatusLine(statusLine)
	h, malformed := parseHeader(fields)
	lower := len(h) > 0 && strings.HasPrefix(proto, "HTTP/1")
	for _, f := range fields {
		if name, _, ok := strings.Cut(f, ":"); ok && strings.ContainsFunc(name, func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
			lower = false
			break
		}
	}
	return &Response{Line: statusLine, Proto: proto, Code: code, Phrase: phrase, Header: h, Malformed: malformed, Body: -1, lowerCase: lower}
}

func newRequest(requestLine string, fields []string) *Request {
	method, target, proto, _ := parseRequestLine(requestLine)
	h, _ := parseHeader(fields)
	req := &Request{Method: method, Target: target, Proto: proto, Header: h}
	if strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://") {
		req.URL = target
	}
	return req
}

// parseRequestLine reads "GET /path HTTP/1.1".
func parseRequestLine(line string) (method, target, proto string, ok bool) {
	method, rest, ok1 := strings.Cut(line, " ")
	target, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || method == "" || target == "" || strings.ContainsAny(target, " \t") {
		return "", "", "", false
	}
	for i := 0; i < len(method); i++ {
		if method[i] < 'A' || method[i] > 'Z' {
			return "", "", "", false
		}
	}
	v, isHTTP := strings.CutPrefix(proto, "HTTP/")
	if !isHTTP || !(len(v) == 1 && isDigit(v[0]) || len(v) == 3 && isDigit(v[0]) && v[1] == '.' && isDigit(v[2])) {
		return "", "", "", false
	}
	return method, target, proto, true
}

// parseHeader reads a head's field lines: names in canonical form (HTTP/2's
// lower-case ones too), values trimmed, folded lines joined with a space,
// as net/textproto reads them. Lines that are not fields are returned
// apart instead of ending the head, as textproto would. Values are
// substrings of the lines, and share one backing array.
func parseHeader(lines []string) (textproto.MIMEHeader, []string) {
	h := make(textproto.MIMEHeader, len(lines))
	values := make([]string, 0, len(lines))
	var malformed []string
	var keys []string // names not in canonical form, then theirs: a repeated one is canonicalised once
	last := ""        // the field a folded line continues; "" after a line that is none
	for _, line := range lines {
		switch {
		case len(line) > 0 && (line[0] == ' ' || line[0] == '\t') && last != "" && validValue(line):
			v := h[last]
			v[len(v)-1] = strings.TrimSpace(v[len(v)-1] + " " + strings.Trim(line, " \t"))
		case isFieldLine(line):
			name, value, _ := strings.Cut(line, ":")
			key := name
			if i := slices.Index(keys, name); i >= 0 && i%2 == 0 {
				key = keys[i+1]
			} else if key = textproto.CanonicalMIMEHeaderKey(name); key != name {
				keys = append(keys, name, key)
			}
			values = append(values, strings.Trim(value, " \t"))
			if prev := h[key]; prev != nil {
				h[key] = append(prev, values[len(values)-1])
			} else {
				h[key] = values[len(values)-1 : len(values) : len(values)]
			}
			last = key
		default:
			malformed = append(malformed, line)
			last = ""
		}
	}
	return h, malformed
}

// isFieldLine reports whether a line is "name: value" with a token name.
func isFieldLine(line string) bool {
	name, value, ok := strings.Cut(line, ":")
	if !ok || len(name) == 0 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isTokenByte(name[i]) {
			return false
		}
	}
	return validValue(value)
}

// validValue rejects control characters other than tab in a field value.
func validValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// isTokenByte reports whether c may appear in a field name (RFC 9110 §5.6.2).
func isTokenByte(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
