package explain

import (
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/httpstatus-dev/httpstatus/data"
)

// signature is a header field that says which product sent or passed on a
// response.
type signature struct {
	field    string // canonical name
	contains string // lower-case part of its value; "" matches any value
	product  string // as people know it
	// source is the catalog's name for the vendor of the product's own
	// codes ("AWS ELB"), or "" when the catalog has none.
	source string
	proxy  bool // a CDN, load balancer or proxy in front of the application
	// self means the field is only on responses the product made itself,
	// never on those it passes on.
	self bool
}

// signatures are checked in order; the first that matches a vendor entry
// of the code chooses it.
var signatures = []signature{
	{field: "Server", contains: "cloudflare", product: "Cloudflare", source: "Cloudflare", proxy: true},
	{field: "Cf-Ray", product: "Cloudflare", source: "Cloudflare", proxy: true},
	// An Application Load Balancer names itself only on the responses it
	// generates (its errors, redirects and fixed responses).
	{field: "Server", contains: "awselb", product: "the AWS load balancer", source: "AWS ELB", proxy: true, self: true},
	{field: "Server", contains: "microsoft-iis", product: "Microsoft IIS", source: "Microsoft IIS"},
	{field: "Server", contains: "nginx", product: "nginx", source: "nginx"},
	{field: "Server", contains: "openresty", product: "OpenResty (nginx)", source: "nginx"},
	{field: "Server", contains: "apache", product: "Apache", source: "Apache"},
	{field: "Set-Cookie", contains: "laravel_session=", product: "Laravel", source: "Laravel"},
	{field: "X-Amz-Cf-Id", product: "Amazon CloudFront", proxy: true},
	{field: "Via", contains: "cloudfront", product: "Amazon CloudFront", proxy: true},
	{field: "X-Served-By", contains: "cache-", product: "Fastly", proxy: true},
	{field: "Via", contains: "varnish", product: "Varnish", proxy: true},
	{field: "Server", contains: "envoy", product: "Envoy", proxy: true},
	{field: "X-Envoy-Upstream-Service-Time", product: "Envoy", proxy: true},
	{field: "Server", contains: "akamaighost", product: "Akamai", proxy: true},
}

// match is a signature found in a head, with the field as received.
type match struct {
	*signature
	evidence string // "Server: cloudflare"
}

// signaturesIn lists the signatures a head carries, in table order.
func signaturesIn(h http.Header) []match {
	var out []match
	for i := range signatures {
		sig := &signatures[i]
		for _, v := range h.Values(sig.field) {
			if sig.contains == "" || strings.Contains(strings.ToLower(v), sig.contains) {
				out = append(out, match{sig, displayName(sig.field) + ": " + clip(v, 60)})
				break
			}
		}
	}
	return out
}

// displayName writes a canonical field name as people do: Cf-Ray is
// CF-RAY in Cloudflare's documentation.
func displayName(field string) string {
	switch field {
	case "Cf-Ray":
		return "CF-RAY"
	case "X-Amz-Cf-Id":
		return "X-Amz-Cf-Id"
	case "Www-Authenticate":
		return "WWW-Authenticate"
	}
	return field
}

// choose picks the catalog entry a response means: the one whose phrase or
// alias is the reason phrase, else the vendor a header field names, else
// the official entry, else the first. It says why, unless the choice is
// the only or official one.
func choose(entries []*data.Status, phrase string, found []match) (e *data.Status, why string) {
	switch len(entries) {
	case 0:
		return nil, ""
	case 1:
		return entries[0], ""
	}
	if p := fold(phrase); p != "" {
		for _, e := range entries {
			if fold(e.Phrase) == p {
				return e, byPhrase(phrase)
			}
			for _, a := range e.Aliases {
				if fold(a) == p {
					return e, byPhrase(phrase)
				}
			}
		}
	}
	for _, m := range found {
		for _, e := range entries {
			if !e.Official && m.source != "" && e.Source == m.source {
				return e, m.evidence
			}
		}
	}
	for _, e := range entries {
		if e.Official {
			return e, ""
		}
	}
	return entries[0], ""
}

func byPhrase(phrase string) string { return "reason phrase " + strconv.Quote(clip(phrase, 60)) }

// fold reduces a phrase to its letters and digits, lower-cased, so that
// "I'm a teapot" matches "I'm a Teapot" and "Gateway Time-out" matches
// "Gateway Timeout".
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
