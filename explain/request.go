package explain

import (
	"fmt"
	"github.com/httpstatus-dev/httpstatus/data"
	"net/textproto"
	"slices"
	"strings"
	"unicode/utf8"
)

// status adds what httplint says of 400, 414 and 505 alone: each means
// the request, not the server, needs changing.
func (c *checker) status() {
	req := c.resp.Request
	switch c.resp.Code {
	case 400:
		c.add(Warn, "", "RFC 9110 §15.5.1", "The server could not accept the request as sent: check its syntax, headers and size; the content often says which.")
	case 414:
		size := ""
		if req != nil {
			size = fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(req.Target))
		}
		c.add(Error, "", "RFC 9110 §15.5.15", "The request target%s is longer than the server accepts: move data from the query string into a POST body.", size)
	case 505:
		version := "the request's HTTP version"
		if req != nil {
			version = req.Proto
		}
		c.add(Error, "", "RFC 9110 §15.6.6", "The server refuses %s; retry with a version it supports.", version)
	}
}

// Request header fields that make a request conditional on a validator.
var (
	conditionals = []string{"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"}
	negotiation  = []string{"Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language"}
	safeMethods  = []string{"GET", "HEAD", "OPTIONS", "TRACE"}
)

func hasAny(h textproto.MIMEHeader, fields []string) bool {
	return slices.ContainsFunc(fields, func(f string) bool { return len(h.Values(f)) > 0 })
}

// request makes the checks that need the request the response answers.
func (c *checker) request(req *data.Request) {
	code, h := c.resp.Code, c.resp.Header
	expect := strings.ToLower(strings.Join(req.Header.Values("Expect"), ","))
	switch {
	case code/100 == 1 && req.Proto == "HTTP/1.0":
		c.add(Error, "", "RFC 9110 §15.2", "A %d answers an HTTP/1.0 request, which cannot have asked for one: servers must not send 1xx to HTTP/1.0 clients.", code)
	case code == 100 && !strings.Contains(expect, "100-continue"):
		c.add(Warn, "", "RFC 9110 §10.1.1", "100 Continue comes unasked: the request had no Expect: 100-continue. Clients must cope, but it usually means a confused proxy or server.")
	case code == 101 && len(req.Header.Values("Upgrade")) == 0:
		c.add(Error, "Upgrade", "RFC 9110 §7.8", "The server switched protocols, but the request did not offer any in Upgrade; a server must not switch to a protocol the client did not ask for.")
	case code == 201 && slices.Contains(safeMethods, req.Method):
		c.add(Warn, "", "RFC 9110 §9.2.1", "%s is a safe method, yet the server says it created something; crawlers and retries will create more.", req.Method)
	case code == 206 && len(req.Header.Values("Range")) == 0:
		c.add(Error, "", "RFC 9110 §15.3.7", "A partial response to a request that did not ask for a range (no Range field).")
	case code == 304 && (req.Method != "GET" && req.Method != "HEAD" || !hasAny(req.Header, []string{"If-None-Match", "If-Modified-Since"})):
		c.add(Error, "", "RFC 9110 §15.4.5", "A 304 answers only a conditional GET or HEAD (If-None-Match, If-Modified-Since); this %s request was not one, so the client has no copy to reuse.", req.Method)
	case code == 405 && slices.ContainsFunc(strings.Split(h.Get("Allow"), ","), func(m string) bool { return strings.TrimSpace(m) == req.Method }):
		c.add(Warn, "Allow", "RFC 9110 §15.5.6", "The server refuses %s, yet lists it in Allow.", req.Method)
	case code == 406 && !hasAny(req.Header, negotiation):
		c.add(Warn, "", "RFC 9110 §15.5.7", "406 without negotiation: the request sent no Accept, Accept-Charset, Accept-Encoding or Accept-Language to fail to satisfy.")
	case code == 412 && !hasAny(req.Header, conditionals):
		c.add(Warn, "", "RFC 9110 §15.5.13", "412 for a request with no precondition (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range).")
	case code == 416 && len(req.Header.Values("Range")) == 0:
		c.add(Warn, "", "RFC 9110 §15.5.17", "416 for a request that asked for no range (no Range field).")
	case code == 417 && expect == "":
		c.add(Warn, "", "RFC 9110 §15.5.18", "417 for a request with no Expect field, so there was no expectation to fail.")
	case code == 417 && strings.Contains(expect, "100-continue"):
		c.add(Info, "", "RFC 9110 §10.1.1", "The server or a proxy could not honour Expect: 100-continue; send the request again without it.")
	}
}
