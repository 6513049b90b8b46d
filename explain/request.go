package explain

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpstatus-dev/httpstatus/data"
)

// status adds what httplint says of 400, 414 and 505 alone: each means
// the request, not the server, needs changing. The notes on 400 and 414
// are about the request, not defects of the response, so they inform.
func (c *checker) status() {
	req := c.resp.Request
	switch c.resp.Code {
	case 400:
		c.add(Info, "", "RFC 9110 §15.5.1", "The server could not accept the request as sent: check its syntax, headers and size; the content often says which.")
	case 414:
		size := ""
		if req != nil {
			size = fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(req.Target))
		}
		c.add(Info, "", "RFC 9110 §15.5.15", "The request target%s is longer than the server accepts: move data from the query string into a POST body.", size)
	case 505:
		version := "the request's HTTP version"
		if req != nil {
			version = req.Proto
		}
		c.add(Error, "", "RFC 9110 §15.6.6", "The server refuses %s; retry with a version it supports.", version)
	}
}

// request makes the checks that need the request the response answers:
// the first of the catalog's request rules (data/rules.toml) that holds.
func (c *checker) request(req *data.Request) {
	for _, r := range data.RequestRules() {
		if r.Holds(c.resp, req) {
			msg := strings.NewReplacer("{method}", req.Method, "{code}", strconv.Itoa(c.resp.Code)).Replace(r.Message)
			c.add(Level(r.Level), r.Field, r.Reference, "%s", msg)
			return
		}
	}
}
