package accesslog

import "bytes"

// HAProxy's "option httplog", with or without a syslog prefix:
//
//	[syslog prefix] 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1
//	10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1"
//
// The termination state (----, CD--, sH--) says who ended the session and
// at which step. Lines that are not requests, such as "Server bk/s1 is
// DOWN", do not match and count as lines without a status.
var haproxyFormat = Format{
	Name:   "haproxy",
	Label:  "HAProxy httplog",
	Vendor: "HAProxy",
	Doc:    "https://docs.haproxy.org/2.8/configuration.html#8.2.3",
	flags:  flagHAProxy,
	parse:  parseHAProxy,
}

func parseHAProxy(line []byte, r *Record, _ *parseState) bool {
	// The accept date: "[06/Feb/2009:12:14:14.655]" after "ip:port ".
	p := 0
	var t int64
	for {
		i := bytes.Index(line[p:], []byte(" ["))
		if i < 0 {
			return false
		}
		p += i + 2
		end := bytes.IndexByte(line[p:], ']')
		if end >= 20 && end <= 32 {
			if v, ok := clfTime(line[p : p+end]); ok {
				t = v
				p += end + 1
				break
			}
		}
	}
	var f [9][]byte // frontend, backend/server, timers, status, bytes, cookies ×2, state, conns
	rest := line[p:]
	for i := range f {
		if len(rest) < 2 || rest[0] != ' ' {
			return false
		}
		rest = rest[1:]
		sp := bytes.IndexByte(rest, ' ')
		if sp < 0 {
			sp = len(rest)
		}
		f[i], rest = rest[:sp], rest[sp:]
	}
	if bytes.IndexByte(f[1], '/') < 0 || bytes.Count(f[2], []byte("/")) < 3 || len(f[7]) != 4 || bytes.Count(f[8], []byte("/")) != 4 {
		return false
	}
	code, ok := num(f[3])
	switch {
	case ok && code <= 999:
	case string(f[3]) == "-1":
		// No response at all (the client went away before one, an
		// aborted connection): HAProxy writes -1 where a status goes.
		code = 0
	default:
		return false
	}
	r.Code, r.Time = code, t
	if state := f[7][:2]; string(state) != "--" {
		r.addFlag(state)
	}
	// The request is the last quoted field, after optional {captures}.
	if q := bytes.IndexByte(rest, '"'); q >= 0 {
		req := rest[q+1:]
		if e := bytes.LastIndexByte(req, '"'); e >= 0 {
			req = req[:e]
		}
		r.Path = requestPath(req)
	}
	return true
}
