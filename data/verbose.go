package data

import (
	"bytes"
	"strconv"
	"strings"
)

// isVerbose reports whether the input is curl -v output, where the response
// head is on lines that start with "< " and the request's on lines that
// start with "> " (alone when no response came).
func isVerbose(b string) bool {
	return hasPrefixedLine(b, "< HTTP/", isStatusLine) || hasPrefixedLine(b, "> ", isRequestLine)
}

// hasPrefixedLine reports whether a line of b starts with prefix and the
// rest of it, from the prefix's last two bytes' end, passes check.
func hasPrefixedLine(b string, prefix string, check func(string) bool) bool {
	for off := 0; ; {
		i := strings.Index(b[off:], prefix)
		if i < 0 {
			return false
		}
		i += off
		if (i == 0 || b[i-1] == '\n') && check(firstLine(b[i+2:])) {
			return true
		}
		off = i + 1
	}
}

// verboseReader follows curl -v output: "> " lines are the request it
// sent, "< " lines the response head, "* " lines curl's own remarks, which
// say where it connected, which URL it follows next, and when no response
// came. Content is written apart from the heads ("{ [361 bytes data]"), so
// Response.Body is unknown (-1); the other lines are the content of the
// last response, of which BodyStart keeps the start.
type verboseReader struct {
	out      []*Response
	req      *Request
	reqHead  []string // the request head being read
	head     []string // the response head being read
	size     int      // bytes in the head being read
	answered bool     // the last request has a response, or a failure
	body     []byte   // the start of the last response's content

	scheme  string // of the current connection, from curl's remarks
	nextURL string // "Issue another request to this URL"
}

func parseVerbose(b string) ([]*Response, error) {
	v := &verboseReader{scheme: "http"}
	s := lineScanner{b: b}
	for {
		start, end, ok := s.scan()
		if !ok {
			break
		}
		line := b[start:end]
		var err error
		switch {
		case strings.HasPrefix(line, "> ") || line == ">":
			err = v.requestLine(strings.TrimPrefix(strings.TrimPrefix(line, ">"), " "))
		case strings.HasPrefix(line, "< ") || line == "<":
			err = v.responseLine(strings.TrimPrefix(strings.TrimPrefix(line, "<"), " "))
		case strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "curl: ("):
			v.remark(line)
		case strings.HasPrefix(line, "{ ") || strings.HasPrefix(line, "} "):
			// curl's count of the bytes it received or sent
		default:
			v.content(line)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := v.endResponse(); err != nil {
		return nil, err
	}
	v.endRequest()
	v.endContent()
	return v.out, nil
}

// content keeps a line of the last response's content, as far as
// MaxBodyEvidence.
func (v *verboseReader) content(line string) {
	if len(v.out) == 0 || v.head != nil || len(v.body) >= MaxBodyEvidence {
		return
	}
	if len(v.body) > 0 || len(strings.TrimSpace(line)) > 0 {
		v.body = append(v.body, line...)
		v.body = append(v.body, '\n')
	}
}

// endContent gives the last response the content read after it.
func (v *verboseReader) endContent() {
	if len(v.out) > 0 && len(v.body) > 0 {
		content := bytes.TrimSpace(v.body)
		v.out[len(v.out)-1].BodyStart = string(content[:min(len(content), MaxBodyEvidence)])
	}
	v.body = v.body[:0]
}

func (v *verboseReader) grow(line string) error {
	v.size += len(line) + 2
	if v.size > MaxHead {
		return ErrHeadTooLarge
	}
	return nil
}

func (v *verboseReader) requestLine(line string) error {
	isRequest := isRequestLine(line)
	switch {
	case isRequest || len(strings.TrimSpace(line)) == 0:
		v.endRequest()
		v.size = 0
		if !isRequest {
			return nil
		}
		v.endContent()
		v.answered = false
	case v.reqHead == nil:
		return nil // not part of a head
	}
	v.reqHead = append(v.reqHead, line)
	return v.grow(line)
}

// endRequest turns the request head read so far into the request that the
// next responses answer.
func (v *verboseReader) endRequest() {
	if len(v.reqHead) == 0 {
		return
	}
	req := newRequest(v.reqHead[0], v.reqHead[1:])
	switch {
	case v.nextURL != "":
		req.URL = v.nextURL
	case req.URL == "" && strings.HasPrefix(req.Target, "/"):
		if host := req.Header.Get("Host"); host != "" {
			req.URL = v.scheme + "://" + host + req.Target
		}
	}
	v.req, v.reqHead, v.nextURL = req, nil, ""
}

func (v *verboseReader) responseLine(line string) error {
	if isStatusLine(line) {
		if err := v.endResponse(); err != nil {
			return err
		}
		v.endRequest()
		v.endContent()
		v.answered = true
		v.size = 0
		v.head = []string{line}
		return v.grow(line)
	}
	if v.head == nil {
		return nil
	}
	if len(strings.TrimSpace(line)) == 0 {
		return v.endResponse()
	}
	v.head = append(v.head, line)
	return v.grow(line)
}

func (v *verboseReader) endResponse() error {
	if v.head == nil {
		return nil
	}
	resp := newResponse(v.head[0], v.head[1:])
	resp.Request = v.req
	v.out = append(v.out, resp)
	v.head = nil
	if len(v.out) > MaxResponses {
		return ErrTooManyResponses
	}
	return nil
}

// remark reads what curl says about connections: "Connected to example.com
// (93.184.215.14) port 443", "SSL connection using TLSv1.3", "Issue
// another request to this URL: 'https://example.com/'", and "Empty reply
// from server" when the request got no response.
func (v *verboseReader) remark(line string) {
	if why := failureIn(line, true); why != nil {
		if !v.answered && v.head == nil {
			v.endRequest()
			v.endContent()
			v.out = append(v.out, failed(strings.TrimPrefix(line, "* "), why, v.req))
			v.answered = true
		}
		return
	}
	if !strings.HasPrefix(line, "* ") {
		return
	}
	r := strings.TrimSpace(line[2:])
	switch {
	case strings.HasPrefix(r, "Connected to "):
		if _, port, ok := strings.Cut(r, ") port "); ok {
			port, _, _ = strings.Cut(port, " ")
			if n, err := strconv.Atoi(port); err == nil {
				v.scheme = "http"
				if n == 443 {
					v.scheme = "https"
				}
			}
		}
	case strings.HasPrefix(r, "SSL connection using"), strings.HasPrefix(r, "ALPN:"),
		strings.Contains(r, "[:scheme: https]"):
		v.scheme = "https"
	case strings.HasPrefix(r, "Issue another request to this URL: "):
		u := strings.TrimPrefix(r, "Issue another request to this URL: ")
		v.nextURL = strings.Trim(u, "'\"")
	}
}
