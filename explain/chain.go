package explain

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Redirect is where a 301, 302, 303, 307 or 308 sends the client.
type Redirect struct {
	Location string `json:"location"` // as sent
	// URL is Location made absolute against the URL the response
	// answered, when the input tells that URL or Location is absolute;
	// else "".
	URL       string `json:"url"`
	Permanent bool   `json:"permanent"` // 301 and 308; the others are temporary
	// Method says what becomes of the request method: "GET kept", "POST
	// may become GET", "becomes GET"; with curl -v, what did.
	Method string `json:"method"`
}

// Chain is a run of responses in which each one but the last redirects to
// the next: what curl -L follows.
type Chain struct {
	Hops []Hop
}

// Hop is one response in a chain.
type Hop struct {
	Result int    // index in Report.Results
	URL    string // the URL it answered, when known
	// Downgrade is set when the hop redirects from https to http.
	Downgrade bool
	// LoopTo is the number (from 1) of the earlier hop whose URL this
	// hop's redirect goes back to, or 0.
	LoopTo int
}

func redirectOf(resp *data.Response) *Redirect {
	switch resp.Code {
	case 301, 302, 303, 307, 308:
	default:
		return nil
	}
	loc := strings.TrimSpace(resp.Header.Get("Location"))
	if loc == "" {
		return nil
	}
	method := ""
	if resp.Request != nil {
		method = resp.Request.Method
	}
	return &Redirect{Location: loc, Permanent: resp.Code == 301 || resp.Code == 308, Method: methodAfter(resp.Code, method)}
}

// methodAfter says what a client does with the method when it follows a
// redirect (RFC 9110 §15.4): 307 and 308 keep it; 303 turns all but HEAD
// into GET; 301 and 302 allow, for historical reasons, a POST to become GET.
func methodAfter(code int, method string) string {
	switch {
	case code == 307 || code == 308:
		if method == "" {
			return "method kept"
		}
		return method + " kept"
	case code == 303:
		if method == "HEAD" || method == "GET" {
			return method + " kept"
		}
		if method == "" {
			return "becomes GET"
		}
		return method + " becomes GET"
	case method == "":
		return "a POST may become GET"
	case method == "POST":
		return "POST may become GET"
	}
	return method + " kept"
}

// interim reports whether a response comes before the one that answers
// the request: a 1xx, or a proxy's 200 to CONNECT.
func interim(resp *data.Response) bool {
	return resp.Code/100 == 1 || resp.Code == 200 &&
		(resp.Request != nil && resp.Request.Method == "CONNECT" || data.SamePhrase(resp.Phrase, "Connection established"))
}

// hopFinding is what chains found about one response of a chain: where
// its redirect goes, what became of the method, and its notes.
type hopFinding struct {
	result int
	url    string // the redirect's target made absolute; "" when unknown
	method string // what the next request shows became of the method, or ""
	notes  []Note
}

// unknownOrigin stands for the origin of a chain whose first URL the input
// does not tell (curl -siL prints no URL): relative redirects are resolved
// against it to compare where they lead, never shown.
const unknownOrigin = "unknown://origin/"

// chains finds the redirect chains among the responses and what each hop
// says: where its redirect goes, downgrades from HTTPS, loops, and a chain
// that ends on a redirect because the client stopped following. It reads
// the responses and their results and changes neither.
func chains(responses []*data.Response, results []Result) ([]Chain, []hopFinding) {
	var out []Chain
	var found []hopFinding
	var cur []Hop
	// keys are, per hop of cur, where it was: its URL, or where the
	// redirects lead from the unknown origin, or "" when not known.
	var keys []string
	next, nextKey := "", ""   // where the previous hop redirected to, when known
	nextSecure := false       // and whether that is over HTTPS
	prev, prevFound := -1, -1 // the previous hop's response, and its finding
	// flush ends the chain so far; stopped says the client stopped
	// following, rather than getting no response to the last redirect.
	flush := func(stopped bool) {
		if len(cur) > 1 {
			out = append(out, Chain{Hops: cur})
			if last := cur[len(cur)-1]; stopped && results[last.Result].Redirect != nil {
				found = append(found, hopFinding{result: last.Result, notes: []Note{{Level: Warn, Field: "Location",
					Message: "The chain ends on this redirect: the client stopped following it (curl stops at --max-redirs, 50 by default), so the page it leads to was not fetched."}}})
			}
		}
		cur, keys = nil, nil
	}
	for i, resp := range responses {
		if resp.Failure != nil {
			flush(false)
			continue
		}
		if interim(resp) {
			continue
		}
		continues := len(cur) > 0 && results[prev].Redirect != nil
		if !continues {
			flush(true)
			next, nextKey, nextSecure = "", "", false
		}
		hop := Hop{Result: i, URL: next}
		key := nextKey
		if resp.Request != nil && resp.Request.URL != "" {
			hop.URL, key = resp.Request.URL, resp.Request.URL
		}
		f := hopFinding{result: i}
		if continues && resp.Request != nil && responses[prev].Request != nil {
			if from, to := responses[prev].Request.Method, resp.Request.Method; from == to {
				found[prevFound].method = from + " kept"
			} else {
				found[prevFound].method = from + " became " + to
			}
		}
		// Over HTTP/2 the hop was HTTPS: curl speaks HTTP/2 only over TLS
		// unless told otherwise. So was one a relative redirect led to from
		// an HTTPS hop.
		secure := scheme(hop.URL) == "https" || hop.URL == "" && (nextSecure || strings.HasPrefix(resp.Proto, "HTTP/2"))
		next, nextKey, nextSecure = "", "", false
		if r := results[i].Redirect; r != nil {
			base := key
			if base == "" {
				base = unknownOrigin
			}
			f.url = resolve(hop.URL, r.Location)
			next, nextKey = f.url, resolve(base, r.Location)
			nextSecure = scheme(f.url) == "https" || f.url == "" && secure
			if secure && scheme(f.url) == "http" {
				hop.Downgrade = true
				path := clip(hop.URL, 60) + " → " + clip(f.url, 60)
				switch {
				case hop.URL != "":
				case strings.HasPrefix(resp.Proto, "HTTP/2"):
					path = "to " + clip(f.url, 60) + "; this response came over HTTP/2, which curl speaks only over TLS"
				default:
					path = "to " + clip(f.url, 60) + "; the redirect before led here over HTTPS"
				}
				f.notes = append(f.notes, Note{Level: Error, Field: "Location",
					Message: "Redirects from HTTPS to plain HTTP (" + path + "): the next request and its cookies travel unencrypted. Behind a proxy that ends TLS, make the application trust X-Forwarded-Proto."})
			}
			if target := normalize(nextKey); target != "" {
				k := slices.IndexFunc(keys, func(k string) bool { return normalize(k) == target })
				if k < 0 && normalize(key) == target {
					k = len(keys)
				}
				if k >= 0 {
					hop.LoopTo = k + 1
					shown := f.url
					if shown == "" {
						shown = r.Location
					}
					f.notes = append(f.notes, Note{Level: Error, Field: "Location", Reference: "RFC 9110 §15.4",
						Message: "Redirect loop: " + clip(shown, 60) + " was already visited at step " + strconv.Itoa(k+1) + " of the chain; clients give up after a few rounds."})
				}
			}
		}
		prevFound = len(found)
		found = append(found, f)
		cur, keys = append(cur, hop), append(keys, key)
		prev = i
	}
	flush(true)
	return out, found
}

// resolve makes a Location absolute against the URL it came from; "" when
// neither says enough.
func resolve(base, loc string) string {
	ref, err := url.Parse(loc)
	if err != nil {
		return ""
	}
	if ref.IsAbs() {
		return ref.String()
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return ""
	}
	return b.ResolveReference(ref).String()
}

func scheme(u string) string {
	s, _, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	return strings.ToLower(s)
}

// normalize writes a URL so that equal ones compare equal: lower-case
// scheme and host, no default port, "/" for an empty path, no fragment.
func normalize(u string) string {
	p, err := url.Parse(u)
	if err != nil || !p.IsAbs() {
		return ""
	}
	p.Scheme = strings.ToLower(p.Scheme)
	host, port := strings.ToLower(p.Hostname()), p.Port()
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6
	}
	if port != "" && !(p.Scheme == "http" && port == "80" || p.Scheme == "https" && port == "443") {
		host += ":" + port
	}
	p.Host = host
	if p.Path == "" {
		p.Path = "/"
	}
	p.Fragment, p.RawFragment = "", ""
	return p.String()
}
