package accesslog

import "bytes"

// JSON logs are read in one pass over the line that picks out the values
// of the keys below (at most three objects deep), without decoding the
// rest. Which keys a line has says which program wrote it.

var istioJSONFormat = Format{
	Name:   "istio-json",
	Label:  "Istio / Envoy JSON",
	Vendor: "Envoy",
	Doc:    "https://istio.io/latest/docs/tasks/observability/logs/access-log/#default-access-log-format",
	flags:  flagEnvoy,
}

var caddyJSONFormat = Format{
	Name:   "caddy-json",
	Label:  "Caddy JSON",
	Vendor: "Caddy",
	Doc:    "https://caddyserver.com/docs/caddyfile/directives/log#structured-logging",
}

var traefikJSONFormat = Format{
	Name:   "traefik-json",
	Label:  "Traefik JSON",
	Vendor: "Traefik",
	Doc:    "https://doc.traefik.io/traefik/observability/access-logs/#json-format",
	flags:  flagOrigin,
}

var cloudflareFormat = Format{
	Name:   "cloudflare",
	Label:  "Cloudflare Logpush (HTTP requests)",
	Vendor: "Cloudflare",
	Doc:    "https://developers.cloudflare.com/logs/reference/log-fields/zone/http_requests/",
	flags:  flagOrigin,
}

var gcpFormat = Format{
	Name:   "gcp-lb",
	Label:  "Google Cloud load balancer",
	Vendor: "Google Cloud Load Balancing",
	Doc:    "https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring#what_is_logged",
	flags:  flagGCP,
}

// jsonFormat is any JSON log with a status field: an application's
// (pino-http's res.statusCode, Elastic's http.response.status_code).
var jsonFormat = Format{
	Name:  "json",
	Label: "JSON with a status field",
	Doc:   "status, statusCode, status_code or response_code, at the top or under res, response, http or httpRequest",
}

// jsonLine holds the values of a line's keys of interest: numbers as
// written, strings between their quotes.
type jsonLine struct {
	status, statusNested                   []byte
	responseCode, responseFlags            []byte
	downstream, origin                     []byte // Traefik
	edge, originResponse                   []byte // Cloudflare
	gcpStatus, gcpDetails                  []byte
	path, pathNested                       []byte
	time                                   []byte
	logger, caddyURI, traefikPath, cfURI   []byte
	hasRequestObject, hasStatusDetailsType bool
}

func parseJSON(line []byte, r *Record, _ *parseState) bool {
	line = bytes.TrimSpace(line)
	if len(line) < 2 || line[0] != '{' {
		return false
	}
	var j jsonLine
	var path jsonPath
	if _, ok := j.object(line, 0, &path); !ok {
		return false
	}
	return j.record(r)
}

// madeBy says whose status a CDN logged from its origin's: its own when
// the origin sent none (0), the origin's when they are the same.
func madeBy(status, origin []byte) Made {
	switch {
	case origin == nil:
		return Unknown
	case string(origin) == "0":
		return Own
	case string(origin) == string(status):
		return Passed
	}
	return Unknown
}

// record turns the picked values into a record, choosing the format.
func (j *jsonLine) record(r *Record) bool {
	var code []byte
	switch {
	case j.edge != nil:
		r.Format, code = &cloudflareFormat, j.edge
		if c, ok := jsonCode(code); ok && (c >= 400 || c == 0) && j.originResponse != nil {
			r.addFlagf("origin ", j.originResponse)
		}
		r.Made = madeBy(code, j.originResponse)
		r.Path = cleanPath(j.cfURI)
	case j.downstream != nil:
		r.Format, code = &traefikJSONFormat, j.downstream
		if c, ok := jsonCode(code); ok && (c >= 400 || c == 0) && j.origin != nil {
			r.addFlagf("origin ", j.origin)
		}
		r.Path = cleanPath(j.traefikPath)
	case j.responseCode != nil && j.responseFlags != nil:
		r.Format, code = &istioJSONFormat, j.responseCode
		addEnvoyFlags(r, j.responseFlags)
		r.Path = cleanPath(j.path)
	case j.gcpStatus != nil && j.hasStatusDetailsType:
		r.Format, code = &gcpFormat, j.gcpStatus
		if c, ok := jsonCode(code); ok && (c >= 400 || c == 0) {
			r.addFlag(j.gcpDetails)
		}
		r.Path = cleanPath(j.pathNested)
	case bytes.HasPrefix(j.logger, []byte("http.log.access")) || j.hasRequestObject && j.caddyURI != nil && j.status != nil:
		r.Format, code = &caddyJSONFormat, j.status
		r.Path = cleanPath(j.caddyURI)
	default:
		r.Format = &jsonFormat
		switch {
		case j.status != nil:
			code = j.status
		case j.responseCode != nil:
			code = j.responseCode
		case j.statusNested != nil:
			code = j.statusNested
		case j.gcpStatus != nil:
			code = j.gcpStatus
		}
		p := j.path
		if p == nil {
			p = j.pathNested
		}
		r.Path = cleanPath(p)
	}
	c, ok := jsonCode(code)
	if !ok {
		r.Flags = r.Flags[:0]
		return false
	}
	r.Code = c
	if t, ok := isoTime(j.time); ok {
		r.Time = t
	} else if t, ok := unixNumber(j.time); ok {
		r.Time = t
	}
	return true
}

// jsonCode reads a status written as a number or a string of one to three
// digits.
func jsonCode(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 3 {
		return 0, false
	}
	return num(b)
}

// jsonPath is the keys leading to a value, joined with dots.
type jsonPath struct {
	buf [96]byte
	n   int
}

// pick files a value under the key path it was found at.
func (j *jsonLine) pick(key string, v []byte, isObject bool) {
	switch key {
	case "status", "statusCode", "status_code":
		j.status = v
	case "response_code":
		j.responseCode = v
	case "response_flags":
		j.responseFlags = v
	case "DownstreamStatus":
		j.downstream = v
	case "OriginStatus":
		j.origin = v
	case "EdgeResponseStatus":
		j.edge = v
	case "OriginResponseStatus":
		j.originResponse = v
	case "path", "uri", "url", "request_uri", "requestUri":
		j.path = v
	case "RequestPath":
		j.traefikPath = v
	case "ClientRequestURI":
		j.cfURI = v
	case "time", "ts", "timestamp", "@timestamp", "start_time", "StartUTC", "EdgeStartTimestamp", "datetime":
		if j.time == nil {
			j.time = v
		}
	case "logger":
		j.logger = v
	case "request":
		j.hasRequestObject = isObject
	case "request.uri":
		j.caddyURI = v
	case "httpRequest.status":
		j.gcpStatus = v
	case "httpRequest.requestUrl":
		j.pathNested = v
	case "jsonPayload.statusDetails":
		j.gcpDetails = v
	case "jsonPayload.@type":
		j.hasStatusDetailsType = bytes.Contains(v, []byte("loadbalancing"))
	case "res.statusCode", "response.status", "response.status_code", "response.statusCode",
		"http.status", "http.status_code", "http.response.status_code", "http.statusCode":
		j.statusNested = v
	case "req.url", "request.url", "request.path", "url.path", "http.path", "http.url", "http.request.path":
		j.pathNested = v
	}
}

// maxJSONDepth bounds nesting: deeper values are skipped, not recursed into.
const maxJSONDepth = 64

// object reads an object at b[0] == '{' and returns what follows it.
func (j *jsonLine) object(b []byte, depth int, path *jsonPath) ([]byte, bool) {
	if depth > maxJSONDepth {
		return nil, false
	}
	b = skipSpace(b[1:])
	if len(b) > 0 && b[0] == '}' {
		return b[1:], true
	}
	for {
		if len(b) == 0 || b[0] != '"' {
			return nil, false
		}
		key, rest, ok := jsonString(b)
		if !ok {
			return nil, false
		}
		b = skipSpace(rest)
		if len(b) == 0 || b[0] != ':' {
			return nil, false
		}
		b = skipSpace(b[1:])
		if len(b) == 0 {
			return nil, false
		}
		mark := path.n
		pushed := depth < 3 && path.push(key)
		if b[0] == '{' {
			if pushed {
				j.pick(string(path.buf[:path.n]), nil, true)
			}
			var next *jsonPath
			if pushed {
				next = path
			} else {
				next = &jsonPath{n: -1}
			}
			b, ok = j.object(b, depth+1, next)
		} else {
			var v []byte
			v, b, ok = jsonValue(b, depth)
			if ok && pushed && v != nil {
				j.pick(string(path.buf[:path.n]), v, false)
			}
		}
		if !ok {
			return nil, false
		}
		path.n = mark
		b = skipSpace(b)
		if len(b) == 0 {
			return nil, false
		}
		if b[0] == '}' {
			return b[1:], true
		}
		if b[0] != ',' {
			return nil, false
		}
		b = skipSpace(b[1:])
	}
}

// push appends a key to the path; false when the path is not followed
// (too long, or under a value that is skipped).
func (p *jsonPath) push(key []byte) bool {
	if p.n < 0 || p.n+len(key)+1 > len(p.buf) {
		return false
	}
	if p.n > 0 {
		p.buf[p.n] = '.'
		p.n++
	}
	p.n += copy(p.buf[p.n:], key)
	return true
}

// jsonValue reads a scalar or an array and returns a scalar's text (a
// string's without quotes; nil for arrays, objects inside them, null,
// true and false) and what follows.
func jsonValue(b []byte, depth int) (v, rest []byte, ok bool) {
	switch c := b[0]; {
	case c == '"':
		return jsonString(b)
	case c == '[':
		var after []byte
		if !skipArray(b, depth, &after) {
			return nil, nil, false
		}
		return nil, after, true
	case c == '{':
		var skip jsonLine
		rest, ok := skip.object(b, depth+1, &jsonPath{n: -1})
		return nil, rest, ok
	case c == '-' || isDigit(c):
		i := 1
		for i < len(b) && (isDigit(b[i]) || b[i] == '.' || b[i] == 'e' || b[i] == 'E' || b[i] == '+' || b[i] == '-') {
			i++
		}
		return b[:i], b[i:], true
	case bytes.HasPrefix(b, []byte("true")):
		return nil, b[4:], true
	case bytes.HasPrefix(b, []byte("false")):
		return nil, b[5:], true
	case bytes.HasPrefix(b, []byte("null")):
		return nil, b[4:], true
	}
	return nil, nil, false
}

// skipArray skips an array at b[0] == '[', setting *rest to what follows
// it; it reports failure by leaving *rest nil.
func skipArray(b []byte, depth int, rest *[]byte) bool {
	if depth > maxJSONDepth {
		return false
	}
	b = skipSpace(b[1:])
	if len(b) > 0 && b[0] == ']' {
		*rest = b[1:]
		return true
	}
	for {
		if len(b) == 0 {
			return false
		}
		var ok bool
		_, b, ok = jsonValue(b, depth+1)
		if !ok {
			return false
		}
		b = skipSpace(b)
		if len(b) == 0 {
			return false
		}
		if b[0] == ']' {
			*rest = b[1:]
			return true
		}
		if b[0] != ',' {
			return false
		}
		b = skipSpace(b[1:])
	}
}

// jsonString reads a string at b[0] == '"' and returns its raw contents
// (escapes left as written) and what follows it.
func jsonString(b []byte) (s, rest []byte, ok bool) {
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return b[1:i], b[i+1:], true
		}
	}
	return nil, nil, false
}

func skipSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	return b
}
