package accesslog

import "bytes"

// The NCSA common log shape and the formats built on it:
//
//	host ident user [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 2326 ...
//
// Fields before the time are skipped (lighttpd writes the virtual host
// there, Apache's vhost_combined "host:port" first). The request ends at
// the first unescaped quote followed by a status: a target with spaces in
// it ("GET /a b c HTTP/1.1") does not move the status, and neither do
// numbers in a user agent, which come after it.

var combinedFormat = Format{
	Name:   "combined",
	Label:  "combined (nginx, Apache, lighttpd)",
	Vendor: "nginx", // of the programs that write it, only nginx has codes of its own (444, 494-499)
	Doc:    "https://httpd.apache.org/docs/2.4/logs.html#combined; https://nginx.org/en/docs/http/ngx_http_log_module.html#log_format",
	parse: func(line []byte, r *Record, _ *parseState) bool {
		_, _, ok := readCombined(line, r)
		return ok
	},
}

var commonFormat = Format{
	Name:   "common",
	Label:  "common (nginx, Apache, lighttpd)",
	Vendor: "nginx",
	Doc:    "https://httpd.apache.org/docs/2.4/logs.html#common",
	parse: func(line []byte, r *Record, _ *parseState) bool {
		c, ok := readCLF(line, r)
		return ok && len(bytes.TrimSpace(c.rest)) == 0
	},
}

// varnishncsa's default format is the combined one, with the request
// target an absolute URL built from the Host header; Varnish's own 503
// is "backend fetch failed".
var varnishFormat = Format{
	Name:    "varnishncsa",
	Label:   "varnishncsa",
	Vendor:  "Varnish",
	Doc:     "https://varnish-cache.org/docs/trunk/reference/varnishncsa.html",
	parse:   combinedFormat.parse,
	refines: &combinedFormat,
	looks: func(line []byte) bool {
		var r Record
		c, ok := readCLF(line, &r)
		if !ok {
			return false
		}
		_, target, _ := splitRequest(c.request)
		return bytes.HasPrefix(target, []byte("http://")) || bytes.HasPrefix(target, []byte("https://"))
	},
}

// Squid's "combined" logformat adds "%Ss:%Sh" (TCP_MISS:HIER_DIRECT) after
// the user agent; the result code says what Squid did.
var squidCombinedFormat = Format{
	Name:   "squid-combined",
	Label:  "Squid combined",
	Vendor: "Squid",
	Doc:    "https://wiki.squid-cache.org/Features/LogFormat; squid.conf logformat combined",
	flags:  flagSquid,
	parse: func(line []byte, r *Record, _ *parseState) bool {
		c, tail, ok := readCombined(line, r)
		if !ok || len(tail) < 2 || tail[0] != ' ' {
			return false
		}
		ss, _, found := bytes.Cut(tail[1:], []byte(":"))
		if !found || !bytes.HasPrefix(ss, []byte("TCP_")) && !bytes.HasPrefix(ss, []byte("UDP_")) && !bytes.HasPrefix(ss, []byte("NONE")) {
			return false
		}
		r.addFlag(ss)
		_, target, _ := splitRequest(c.request)
		r.Path = proxyPath(target)
		return true
	},
}

// Traefik's access log in its default "common" format is combined plus the
// request count, router, server URL and duration:
//
//	... "agent" 5 "router@docker" "http://10.0.0.2:80" 3ms
var traefikCLFFormat = Format{
	Name:   "traefik-clf",
	Label:  "Traefik CLF",
	Vendor: "Traefik",
	Doc:    "https://doc.traefik.io/traefik/observability/access-logs/#clf-common-log-format",
	parse: func(line []byte, r *Record, _ *parseState) bool {
		_, tail, ok := readCombined(line, r)
		if !ok {
			return false
		}
		// ` 5 "router" "url" 3ms`
		tail = bytes.TrimRight(tail, " \r")
		if !bytes.HasSuffix(tail, []byte("ms")) || len(tail) < 2 || tail[0] != ' ' {
			return false
		}
		n := 1
		for n < len(tail) && isDigit(tail[n]) {
			n++
		}
		return n > 1 && bytes.HasPrefix(tail[n:], []byte(` "`))
	},
}

// ingress-nginx's default log-format-upstream: combined, then
//
//	$request_length $request_time [$proxy_upstream_name]
//	[$proxy_alternative_upstream_name] $upstream_addr
//	$upstream_response_length $upstream_response_time $upstream_status $req_id
//
// where the upstream fields are lists: "502, 200" for two tries, "502 :
// 200" across an internal redirect to another upstream group.
var ingressFormat = Format{
	Name:   "nginx-ingress",
	Label:  "ingress-nginx (upstream tries)",
	Vendor: "nginx",
	Doc:    "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/log-format/",
	flags:  flagUpstream,
	parse: func(line []byte, r *Record, _ *parseState) bool {
		_, tail, ok := readCombined(line, r)
		if !ok {
			return false
		}
		status, ok := ingressUpstreamStatus(tail)
		if !ok {
			return false
		}
		if bytes.IndexByte(status, ',') >= 0 || bytes.IndexByte(status, ':') >= 0 {
			r.addFlagf("", status) // several tries: always worth saying
		} else if r.Code >= 400 || r.Code == 0 {
			if code, ok := num(status); !ok || code != r.Code {
				r.addFlagf("", status) // nginx answered, not the one upstream
			}
		}
		return true
	},
}

// ingressUpstreamStatus finds $upstream_status in what follows the user
// agent.
func ingressUpstreamStatus(tail []byte) ([]byte, bool) {
	// " 512 0.003 [svc] [] "
	f := tail
	for range 2 { // $request_length $request_time
		if len(f) < 2 || f[0] != ' ' {
			return nil, false
		}
		f = f[1:]
		sp := bytes.IndexByte(f, ' ')
		if sp <= 0 || !numeric(f[:sp]) {
			return nil, false
		}
		f = f[sp:]
	}
	for range 2 { // [$proxy_upstream_name] [$proxy_alternative_upstream_name]
		if len(f) < 3 || f[0] != ' ' || f[1] != '[' {
			return nil, false
		}
		end := bytes.IndexByte(f, ']')
		if end < 0 {
			return nil, false
		}
		f = f[end+1:]
	}
	// Four lists and the request id; a list's items are joined by ", "
	// or " : ".
	if len(f) == 0 || f[0] != ' ' {
		return nil, false
	}
	f = f[1:]
	var groups [5][]byte
	n := 0
	for n < 5 && len(f) > 0 {
		i := 0
		for {
			sp := bytes.IndexByte(f[i:], ' ')
			if sp < 0 {
				i = len(f)
				break
			}
			tok := f[i : i+sp]
			next := f[i+sp+1:]
			switch {
			case len(tok) > 0 && tok[len(tok)-1] == ',':
				i += sp + 1
				continue
			case bytes.HasPrefix(next, []byte(": ")):
				i += sp + 3
				continue
			}
			i += sp
			break
		}
		groups[n] = f[:i]
		n++
		if i >= len(f) {
			break
		}
		f = f[i+1:]
	}
	if n < 4 {
		return nil, false
	}
	return groups[3], true
}

// numeric is a number such as 512 or 0.003.
func numeric(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

// clfLine is a line in the common shape, past its status.
type clfLine struct {
	request []byte
	rest    []byte // after the byte count
}

// readCLF reads the time, request, status and byte count of a line in the
// common shape into r.
func readCLF(line []byte, r *Record) (clfLine, bool) {
	i := bytes.Index(line, []byte(" ["))
	if i < 0 {
		return clfLine{}, false
	}
	ts := line[i+2:]
	end := bytes.IndexByte(ts, ']')
	if end < 0 {
		return clfLine{}, false
	}
	t, ok := clfTime(ts[:end])
	if !ok {
		return clfLine{}, false
	}
	rest := ts[end+1:]
	if len(rest) < 2 || rest[0] != ' ' || rest[1] != '"' {
		return clfLine{}, false
	}
	req, after, ok := requestThenStatus(rest[2:])
	if !ok {
		return clfLine{}, false
	}
	code, after, ok := statusField(after)
	if !ok {
		return clfLine{}, false
	}
	// The byte count: digits or "-".
	j := 0
	for j < len(after) && after[j] != ' ' {
		j++
	}
	if j > 0 && !(j == 1 && after[0] == '-') {
		if _, ok := num(after[:j]); !ok {
			return clfLine{}, false
		}
	}
	r.Code, r.Time = code, t
	r.Path = requestPath(req)
	return clfLine{request: req, rest: after[j:]}, true
}

// requestThenStatus splits `GET /a b HTTP/1.1" 200 ...` (what follows an
// opening quote) at the closing quote that a status follows.
func requestThenStatus(b []byte) (req, after []byte, ok bool) {
	for p := 0; ; {
		q := closingQuote(b, p)
		if q < 0 {
			return nil, nil, false
		}
		if q+2 < len(b) && b[q+1] == ' ' && isDigit(b[q+2]) {
			return b[:q], b[q+2:], true
		}
		p = q + 1
	}
}

// statusField reads a status and the space after it: one to three digits
// (nginx writes 009 for an HTTP/0.9 answer), and nothing glued to them.
func statusField(b []byte) (code int, rest []byte, ok bool) {
	i := 0
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	if i == 0 || i > 3 || i < len(b) && b[i] != ' ' && b[i] != '\r' {
		return 0, nil, false
	}
	code, _ = num(b[:i])
	if i < len(b) {
		i++
	}
	return code, b[i:], true
}

// readCombined reads a line in the combined shape and returns what follows
// its user agent.
func readCombined(line []byte, r *Record) (clfLine, []byte, bool) {
	c, ok := readCLF(line, r)
	if !ok {
		return clfLine{}, nil, false
	}
	tail, ok := combinedTail(c.rest)
	return c, tail, ok
}

// combinedTail reads ` "referer" "agent"` and returns what follows.
func combinedTail(rest []byte) ([]byte, bool) {
	for range 2 {
		if len(rest) < 3 || rest[0] != ' ' || rest[1] != '"' {
			return nil, false
		}
		_, after, ok := quoted(rest[1:])
		if !ok {
			return nil, false
		}
		rest = after
	}
	return rest, true
}

// quoted reads a quoted field at the start of b (which starts with a
// quote) and returns its contents and what follows the closing quote.
func quoted(b []byte) (val, rest []byte, ok bool) {
	q := closingQuote(b, 1)
	if q < 0 {
		return nil, nil, false
	}
	return b[1:q], b[q+1:], true
}

// closingQuote is the index of the first quote in b from p on that a
// backslash does not escape (Apache writes \" inside a field, and \\ for
// a backslash), or -1.
func closingQuote(b []byte, p int) int {
	for {
		q := bytes.IndexByte(b[p:], '"')
		if q < 0 {
			return -1
		}
		q += p
		if q == 0 || b[q-1] != '\\' || q >= 2 && b[q-2] == '\\' {
			return q
		}
		p = q + 1
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// splitRequest splits a request line into method, target and protocol; a
// 414's or a truncated request has no protocol, and garbage (a TLS
// handshake sent to a plain port) no target.
func splitRequest(req []byte) (method, target, proto []byte) {
	sp := bytes.IndexByte(req, ' ')
	if sp <= 0 {
		return req, nil, nil
	}
	method, target = req[:sp], req[sp+1:]
	if last := bytes.LastIndexByte(target, ' '); last >= 0 && bytes.HasPrefix(target[last+1:], []byte("HTTP/")) {
		target, proto = target[:last], target[last+1:]
	}
	return method, target, proto
}

// requestPath is the path of a request line, for counting top paths.
func requestPath(req []byte) []byte {
	method, target, _ := splitRequest(req)
	for _, c := range method {
		if c < 'A' || c > 'Z' {
			return nil // not a request: a TLS handshake, a scanner's bytes
		}
	}
	return cleanPath(target)
}

// maxPath bounds a path kept for the top paths.
const maxPath = 200

// cleanPath drops a target's query, and its scheme and host when it is an
// absolute URL, so that /a?x=1 and /a?x=2 count as one path.
func cleanPath(t []byte) []byte {
	if q := bytes.IndexByte(t, '?'); q >= 0 {
		t = t[:q]
	}
	if i := bytes.Index(t, []byte("://")); i > 0 && i < 8 {
		rest := t[i+3:]
		if s := bytes.IndexByte(rest, '/'); s >= 0 {
			t = rest[s:]
		} else {
			t = []byte("/")
		}
	}
	if len(t) > maxPath {
		t = t[:maxPath]
	}
	return t
}
