package data

import (
	"bytes"
	"strconv"
	"strings"
)

// isVerbose reports whether the input is curl -v output, where the response
// head is on lines that start with "< ".
func isVerbose(b []byte) bool {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte("< HTTP/"))
		if i < 0 {
			return false
		}
		i += off
		if (i == 0 || b[i-1] == '\n') && isStatusLine(firstLine(b[i+2:])) {
			return true
		}
		off = i + 1
	}
}

// verboseReader follows curl -v output: "> " lines are the request it
// sent, "< " lines the response head, "* " lines curl's own remarks, which
// say where it connected and which URL it follows next. Content is written
// apart from the heads, so Response.Body is unknown (-1).
type verboseReader struct {
	out     []*Response
	req     *Request
	reqHead [][]byte // the request head being read
	head    [][]byte // the response head being read
	size    int      // bytes in the head being read

	scheme  string // of the current connection, from curl's remarks
	nextURL string // "Issue another request to this URL"
}

func parseVerbose(b []byte) ([]*Response, error) {
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
		case bytes.HasPrefix(line, []byte("> ")) || bytes.Equal(line, []byte(">")):
			err = v.requestLine(bytes.TrimPrefix(bytes.TrimPrefix(line, []byte(">")), []byte(" ")))
		case bytes.HasPrefix(line, []byte("< ")) || bytes.Equal(line, []byte("<")):
			err = v.responseLine(bytes.TrimPrefix(bytes.TrimPrefix(line, []byte("<")), []byte(" ")))
		case bytes.HasPrefix(line, []byte("* ")):
			v.remark(string(line[2:]))
		}
		if err != nil {
			return nil, err
		}
	}
	if err := v.endResponse(); err != nil {
		return nil, err
	}
	v.endRequest()
	return v.out, nil
}

func (v *verboseReader) grow(line []byte) error {
	v.size += len(line) + 2
	if v.size > MaxHead {
		return ErrHeadTooLarge
	}
	return nil
}

func (v *verboseReader) requestLine(line []byte) error {
	isRequest := isRequestLine(line)
	switch {
	case isRequest || len(bytes.TrimSpace(line)) == 0:
		v.endRequest()
		v.size = 0
		if !isRequest {
			return nil
		}
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
	req := newRequest(string(v.reqHead[0]), v.reqHead[1:])
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

func (v *verboseReader) responseLine(line []byte) error {
	if isStatusLine(line) {
		if err := v.endResponse(); err != nil {
			return err
		}
		v.endRequest()
		v.size = 0
		v.head = [][]byte{line}
		return v.grow(line)
	}
	if v.head == nil {
		return nil
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return v.endResponse()
	}
	v.head = append(v.head, line)
	return v.grow(line)
}

func (v *verboseReader) endResponse() error {
	if v.head == nil {
		return nil
	}
	resp := newResponse(string(v.head[0]), v.head[1:])
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
// another request to this URL: 'https://example.com/'".
func (v *verboseReader) remark(r string) {
	r = strings.TrimSpace(r)
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
