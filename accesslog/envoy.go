package accesslog

import "bytes"

// Envoy's default access log format (and Istio's text format, which adds
// fields after the flags):
//
//	[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"
//	%RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION% ...
//
// A response code of 0 means no response was started (the client went
// away first); the flags, comma-separated, say what Envoy saw: UF for an
// upstream connection failure, UH for no healthy upstream, and so on.
var envoyFormat = Format{
	Name:   "envoy",
	Label:  "Envoy / Istio",
	Vendor: "Envoy",
	Doc:    "https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#default-format-string",
	flags:  flagEnvoy,
	parse: func(line []byte, r *Record, _ *parseState) bool {
		if len(line) < 30 || line[0] != '[' {
			return false
		}
		end := bytes.IndexByte(line, ']')
		if end < 20 {
			return false
		}
		t, ok := isoTime(line[1:end])
		if !ok {
			return false
		}
		rest := line[end+1:]
		if len(rest) < 2 || rest[0] != ' ' || rest[1] != '"' {
			return false
		}
		req, after, ok := requestThenStatus(rest[2:])
		if !ok {
			return false
		}
		code, after, ok := statusField(after)
		if !ok {
			return false
		}
		flags := after
		if sp := bytes.IndexByte(after, ' '); sp >= 0 {
			flags = after[:sp]
		} else if len(after) == 0 {
			return false
		}
		r.Code, r.Time = code, t
		addEnvoyFlags(r, flags)
		_, target, _ := splitRequest(req)
		r.Path = cleanPath(target)
		return true
	},
}

// addEnvoyFlags counts each of a comma-separated list of flags.
func addEnvoyFlags(r *Record, flags []byte) {
	for len(flags) > 0 && len(r.Flags) < 8 {
		f, rest, _ := bytes.Cut(flags, []byte(","))
		r.addFlag(f)
		flags = rest
	}
}

// Squid's native format:
//
//	time elapsed remotehost code/status bytes method URL rfc931 peerstatus/peerhost type
//	1700000000.123    45 127.0.0.1 TCP_MISS/200 1234 GET http://example.com/ - HIER_DIRECT/93.184.216.34 text/html
//
// The status is inside the result code; 000 means there was none (the
// client or the server went away: TCP_MISS_ABORTED/000).
var squidFormat = Format{
	Name:   "squid",
	Label:  "Squid native",
	Vendor: "Squid",
	Doc:    "https://wiki.squid-cache.org/Features/LogFormat#squid-native-accesslog-format-in-detail",
	flags:  flagSquid,
	parse: func(line []byte, r *Record, _ *parseState) bool {
		var f [7][]byte
		rest := line
		for i := range f {
			rest = bytes.TrimLeft(rest, " ")
			sp := bytes.IndexByte(rest, ' ')
			if sp < 0 {
				if i < len(f)-1 {
					return false
				}
				sp = len(rest)
			}
			f[i], rest = rest[:sp], rest[sp:]
		}
		t, ok := unixNumber(f[0])
		if !ok || !numeric(f[1]) {
			return false
		}
		result, status, found := bytes.Cut(f[3], []byte("/"))
		if !found || len(result) < 4 {
			return false
		}
		code, ok := num(status)
		if !ok || len(status) != 3 {
			return false
		}
		r.Code, r.Time = code, t
		r.addFlag(result)
		r.Path = proxyPath(f[6])
		return true
	},
}

// proxyPath is a proxy's request target without its scheme and query:
// host and path, since a forward proxy serves many sites.
func proxyPath(t []byte) []byte {
	if q := bytes.IndexByte(t, '?'); q >= 0 {
		t = t[:q]
	}
	if i := bytes.Index(t, []byte("://")); i > 0 && i < 8 {
		t = t[i+3:]
	}
	if len(t) > maxPath {
		t = t[:maxPath]
	}
	return t
}
