package accesslog

import (
	"strconv"
	"strings"
	"sync"

	"github.com/httpstatus-dev/httpstatus/data"
)

// entryFor is the catalog entry a code means in a log written by vendor:
// the vendor's own entry when the catalog has one (499 in an nginx log,
// 460 in an ALB log), else the standard one. A code with neither and
// several vendors' meanings (499 in an application's log) has no entry:
// the log does not say whose it is; nor does one with a single vendor's
// meaning in a log of another (Linode's 299 in an application's log).
// A line that shows the logger passed the status on means the standard
// entry.
func entryFor(cat *data.Catalog, code int, vendor string, made Made) *data.Status {
	entries := cat.Lookup(code)
	if made == Passed {
		// The logger passed on the status of what was behind it: the
		// standard meaning, not the logger's own (an ALB's 502 with the
		// target's 502).
		for _, e := range entries {
			if e.Official {
				return e
			}
		}
	}
	for _, e := range entries {
		if vendor != "" && e.Source == vendor {
			return e
		}
	}
	for _, e := range entries {
		if e.Official {
			return e
		}
	}
	return nil
}

// codeNote says what a code means in a vendor's log where the catalog's
// entries do not: a hang-up logged as a status, nginx's 009.
func codeNote(vendor string, code int) string {
	const hangUp = "the client hung up before the response; nginx logs this as 499, an ALB as 460, Apache and HAProxy as 200, Caddy, Squid and Envoy as 0"
	switch {
	case vendor == "nginx" && code == 499, vendor == "AWS ELB" && code == 460,
		code == 0 && (vendor == "Caddy" || vendor == "Squid" || vendor == "Amazon CloudFront"):
		return hangUp
	case vendor == "Envoy" && code == 0:
		return "no response was started, most often because " + hangUp
	case vendor == "HAProxy" && code == 0:
		return "HAProxy logged -1: no response was sent (see the termination state)"
	case vendor == "nginx" && code == 9:
		return "nginx writes 009 when the upstream answered without a status line (an HTTP/0.9 response)"
	case vendor == "Traefik" && code == 0, vendor == "Cloudflare" && code == 0:
		return "no response was sent to the client"
	}
	return ""
}

// flagKind says which vocabulary a format's flags are in.
type flagKind uint8

const (
	flagNone flagKind = iota
	flagEnvoy
	flagHAProxy
	flagALB
	flagUpstream
	flagSquid
	flagCloudFront
	flagWin32
	flagOrigin
	flagGCP
	flagHeroku
)

// flagDocs are where each vocabulary is defined.
var flagDocs = [...]string{
	flagEnvoy:      "https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags",
	flagHAProxy:    "https://docs.haproxy.org/2.8/configuration.html#8.5",
	flagALB:        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html#error-reason-codes",
	flagUpstream:   "https://nginx.org/en/docs/http/ngx_http_upstream_module.html#var_upstream_status",
	flagSquid:      "https://wiki.squid-cache.org/SquidFaq/SquidLogs#squid-result-codes",
	flagCloudFront: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html#BasicDistributionFileFormat",
	flagWin32:      "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes",
	flagOrigin:     "",
	flagGCP:        "https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring#failure-messages",
	flagHeroku:     "https://devcenter.heroku.com/articles/error-codes",
}

// Doc is where the format's flags are explained; "" when it has none.
func (f *Format) FlagDoc() string {
	if int(f.flags) < len(flagDocs) {
		return flagDocs[f.flags]
	}
	return ""
}

// FlagLabel is how the summary names a flag: "UF", "state CD",
// "upstream 502, 504".
func (f *Format) FlagLabel(flag string) string {
	switch f.flags {
	case flagHAProxy:
		return "state " + flag
	case flagUpstream:
		return "upstream " + flag
	case flagWin32:
		return "win32 " + flag
	}
	return flag
}

// ExplainFlag says in a few words what a flag of this format means; ""
// when it is not one this package knows.
func (f *Format) ExplainFlag(flag string) string {
	switch f.flags {
	case flagEnvoy:
		return envoyFlags()[flag]
	case flagHAProxy:
		return haproxyState(flag)
	case flagALB:
		return albFlag(flag)
	case flagUpstream:
		return upstreamTries(flag)
	case flagSquid:
		return squidResult(flag)
	case flagCloudFront:
		return cloudFrontResults()[flag]
	case flagWin32:
		return win32Statuses()[flag]
	case flagOrigin:
		if flag == "origin 0" {
			return "the origin sent no response: the proxy answered itself"
		}
		if code, ok := strings.CutPrefix(flag, "origin "); ok {
			return "the origin answered " + code
		}
	case flagGCP:
		return gcpDetails()[flag]
	case flagHeroku:
		return herokuCodes()[flag]
	}
	return ""
}

// envoyFlags are Envoy's response flags (short names as the access log
// writes them). It and the tables below are built on first use: every run
// of httpstatus, whatever it does, would otherwise build them.
var envoyFlags = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"UH":    "no healthy upstream host in the cluster",
		"UF":    "could not connect to the upstream",
		"UO":    "upstream overflow: a circuit breaker was open",
		"NR":    "no route matched the request",
		"URX":   "the retry limit or connect attempts ran out",
		"NC":    "the route's upstream cluster does not exist",
		"DT":    "the request or connection ran past its maximum duration",
		"DC":    "the client (downstream) closed the connection",
		"LH":    "the local service failed its health check",
		"UT":    "the upstream did not answer in time",
		"LR":    "Envoy reset the stream itself",
		"UR":    "the upstream reset the stream",
		"UC":    "the upstream closed the connection mid-request",
		"DI":    "delayed on purpose by fault injection",
		"FI":    "aborted on purpose by fault injection",
		"RL":    "rate limited by Envoy's local rate limit",
		"UAEX":  "denied by the external authorization service",
		"RLSE":  "the rate limit service failed, and the request was refused",
		"IH":    "an x-envoy-* request header was invalid",
		"SI":    "the stream was idle too long",
		"DPE":   "the client sent malformed HTTP",
		"UPE":   "the upstream sent malformed HTTP",
		"UMSDR": "the upstream stream ran past its maximum duration",
		"RFCF":  "answered from Envoy's cache",
		"NFCF":  "no filter configuration was found",
		"OM":    "shed by Envoy's overload manager",
		"DF":    "the upstream's DNS name did not resolve",
		"DO":    "dropped by the cluster's overload policy",
		"DR":    "the client reset the stream",
		"UDO":   "dropped unconditionally by the cluster's overload policy",
	}
})

// haproxyState explains the first two characters of a termination state:
// who or what ended the session, and at which step.
func haproxyState(s string) string {
	if len(s) != 2 {
		return ""
	}
	if v, ok := haproxyStates()[s]; ok {
		return v
	}
	who, ok1 := haproxyCause()[s[0]]
	when, ok2 := haproxyStep()[s[1]]
	if !ok1 || !ok2 {
		return ""
	}
	return who + ", " + when
}

// haproxyStates are the pairs seen most, in words of their own.
var haproxyStates = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"CD": "the client went away during the transfer",
		"cD": "the client stopped reading and timed out during the transfer",
		"CR": "the client went away before sending a whole request",
		"cR": "the client was too slow to send its request",
		"CH": "the client went away while the server was preparing the response",
		"CC": "the client went away while HAProxy was connecting to the server",
		"CQ": "the client went away while waiting in the queue",
		"SC": "the server refused the connection or could not be reached",
		"sC": "connecting to the server timed out",
		"SH": "the server closed or reset the connection before a whole response",
		"sH": "the server did not answer in time",
		"SD": "the server went away during the transfer",
		"sD": "the server stopped sending and timed out during the transfer",
		"sQ": "waited too long in the queue for a server",
		"PR": "HAProxy refused the request (a deny rule or an invalid request)",
		"PH": "HAProxy refused the server's response (invalid or denied)",
		"LR": "HAProxy answered itself (a redirect, return or stats page)",
		"LH": "HAProxy answered itself while waiting for the server",
	}
})

var haproxyCause = sync.OnceValue(func() map[byte]string {
	return map[byte]string{
		'C': "the client ended it", 'S': "the server ended or refused it", 'P': "HAProxy refused it",
		'L': "HAProxy answered itself", 'R': "HAProxy ran out of a resource", 'I': "HAProxy hit an internal error",
		'D': "killed when the server was marked down", 'U': "killed when a server came back up",
		'K': "killed by an administrator", 'c': "the client timed out", 's': "the server timed out", '-': "ended normally",
	}
})

var haproxyStep = sync.OnceValue(func() map[byte]string {
	return map[byte]string{
		'R': "waiting for the request", 'Q': "waiting in the queue", 'C': "connecting to the server",
		'H': "waiting for the response headers", 'D': "during the transfer", 'L': "sending the last data",
		'T': "while tarpitted", '-': "after the transfer",
	}
})

func albFlag(flag string) string {
	switch {
	case flag == "target -":
		return "no target answered: the load balancer could not connect, or the target closed or reset the connection"
	case flag == "target 0":
		return "the back end sent no response"
	case strings.HasPrefix(flag, "target "):
		return "the target itself answered " + strings.TrimPrefix(flag, "target ")
	case strings.HasPrefix(flag, "Auth"):
		return "the load balancer's user authentication failed (" + flag + ")"
	case strings.HasPrefix(flag, "Lambda"):
		return "the Lambda target failed (" + flag + ")"
	}
	return ""
}

// upstreamTries explains $upstream_status: "502, 504" is two servers
// tried in turn; " : " separates upstream groups of an internal redirect.
func upstreamTries(flag string) string {
	if flag == "-" {
		return "nginx answered itself: no upstream was tried"
	}
	var tries []string
	for _, group := range strings.Split(flag, " : ") {
		tries = append(tries, strings.Split(group, ", ")...)
	}
	if len(tries) == 1 {
		return "the upstream answered " + tries[0]
	}
	return strconv.Itoa(len(tries)) + " tries: " + strings.Join(tries, ", then ")
}

// squidResult explains a result code: its base and its tags.
func squidResult(code string) string {
	base, tags := code, []string(nil)
	for _, tag := range []string{"_ABORTED", "_TIMEDOUT", "_IGNORED"} {
		if b, ok := strings.CutSuffix(base, tag); ok {
			base = b
			tags = append(tags, strings.ToLower(tag[1:]))
		}
	}
	what, ok := squidResults()[base]
	if !ok {
		return ""
	}
	if len(tags) > 0 {
		what += "; the transfer was " + strings.Join(tags, " and ")
	}
	return what
}

var squidResults = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"TCP_HIT":                 "served from the cache",
		"TCP_MEM_HIT":             "served from the memory cache",
		"TCP_MISS":                "not cached: fetched from the server",
		"TCP_REFRESH_UNMODIFIED":  "cached copy checked with the server and still valid",
		"TCP_REFRESH_MODIFIED":    "cached copy checked with the server and replaced",
		"TCP_REFRESH_FAIL_OLD":    "could not check with the server; served the stale copy",
		"TCP_REFRESH_FAIL_ERR":    "could not check with the server; sent an error",
		"TCP_CLIENT_REFRESH_MISS": "the client asked for a fresh copy",
		"TCP_IMS_HIT":             "the client's copy is still valid (conditional request)",
		"TCP_INM_HIT":             "the client's copy is still valid (If-None-Match)",
		"TCP_NEGATIVE_HIT":        "a cached error was served",
		"TCP_SWAPFAIL_MISS":       "the cached copy could not be read: fetched again",
		"TCP_DENIED":              "denied by Squid's access rules",
		"TCP_DENIED_REPLY":        "the reply was denied by Squid's access rules",
		"TCP_OFFLINE_HIT":         "served from the cache in offline mode",
		"TCP_REDIRECT":            "redirected by a URL rewriter",
		"TCP_TUNNEL":              "a CONNECT tunnel",
		"NONE":                    "no result: Squid failed before a request could be served",
		"NONE_NONE":               "no result: Squid failed before a request could be served",
	}
})

// cloudFrontResults are x-edge-result-type and x-edge-detailed-result-type
// values.
var cloudFrontResults = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"Error":                         "an error, or the viewer went away before the whole response (a 2xx with Error)",
		"LimitExceeded":                 "denied because a CloudFront quota was exceeded",
		"CapacityExceeded":              "CloudFront had no capacity to serve it (503)",
		"Redirect":                      "redirected from HTTP to HTTPS by the distribution",
		"AbortedOrigin":                 "something went wrong with the origin",
		"OriginCommError":               "timed out connecting to or reading from the origin",
		"ClientCommError":               "the response to the viewer was cut off",
		"ClientGeoBlocked":              "refused for the viewer's country",
		"ClientHungUpRequest":           "the viewer stopped while sending the request",
		"InvalidRequest":                "the viewer's request was invalid",
		"InvalidRequestBlocked":         "access to the resource is blocked",
		"InvalidRequestCertificate":     "the distribution does not match the TLS certificate used",
		"InvalidRequestHeader":          "a request header was invalid",
		"InvalidRequestMethod":          "the distribution does not allow the method",
		"OriginConnectError":            "could not connect to the origin",
		"OriginContentRangeLengthError": "the origin's Content-Length does not match its Content-Range",
		"OriginDnsError":                "the origin's domain name did not resolve",
		"OriginError":                   "the origin sent an incorrect response",
		"OriginHeaderTooBigError":       "a header from the origin was too big",
		"OriginInvalidResponseError":    "the origin sent an invalid response",
		"OriginReadError":               "could not read from the origin",
		"OriginWriteError":              "could not write to the origin",
		"OriginZeroSizeObjectError":     "a zero-size object from the origin caused an error",
		"SlowReaderOriginError":         "the viewer read too slowly after an origin error",
	}
})

// win32Statuses are the Windows system errors IIS logs most, as
// sc-win32-status.
var win32Statuses = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"2":          "file not found",
		"3":          "path not found",
		"5":          "access denied",
		"13":         "invalid data",
		"50":         "request not supported",
		"64":         "the client's connection went away (ERROR_NETNAME_DELETED)",
		"121":        "the connection timed out (ERROR_SEM_TIMEOUT)",
		"995":        "the I/O was aborted: the client went away or the worker recycled",
		"1236":       "the connection was aborted by this server",
		"1326":       "bad user name or password",
		"2148074254": "no credentials or an invalid token: the first step of an authentication challenge",
		"2148074252": "the logon was denied",
	}
})

// gcpDetails are statusDetails of Google Cloud load balancers.
var gcpDetails = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"response_sent_by_backend":                             "the backend itself sent this status",
		"failed_to_connect_to_backend":                         "the load balancer could not connect to the backend",
		"backend_timeout":                                      "the backend did not answer in time",
		"backend_connection_closed_before_data_sent_to_client": "the backend closed the connection before a response",
		"client_disconnected_before_any_response":              "the client went away before any response",
		"failed_to_pick_backend":                               "no healthy backend to pick",
		"response_from_cache":                                  "served from Cloud CDN's cache",
		"denied_by_security_policy":                            "denied by a Cloud Armor security policy",
		"body_denied_by_security_policy":                       "the request body was denied by a Cloud Armor policy",
		"backend_early_response_with_non_error_status":         "the backend answered before the request body was sent",
		"websocket_closed":                                     "a WebSocket connection closed",
		"client_timed_out":                                     "the client was idle too long",
	}
})

// herokuCodes are the router's error codes.
var herokuCodes = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"H10": "the app crashed",
		"H11": "the request backlog is too deep",
		"H12": "the request took longer than 30 seconds",
		"H13": "the app closed the connection without a response",
		"H14": "no web dynos are running",
		"H15": "the connection was idle too long",
		"H17": "the app sent a malformed response",
		"H18": "the app's socket closed while the request was sent",
		"H19": "connecting to the dyno timed out",
		"H20": "the app did not start listening in time",
		"H21": "the dyno refused the connection",
		"H22": "the connection limit was reached",
		"H23": "the endpoint is misconfigured",
		"H24": "the connection was forcibly closed",
		"H25": "the request broke an HTTP restriction",
		"H26": "the request was malformed",
		"H27": "the client went away before the response",
		"H28": "the client connection was idle too long",
		"H31": "the request reached the wrong router",
		"H80": "maintenance mode is on",
		"H81": "the app has not been deployed (blank app)",
		"H82": "the app's free dyno hours ran out",
		"H99": "Heroku's platform failed",
	}
})
