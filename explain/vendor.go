package explain

import (
	"net/textproto"
	"slices"
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
	// Exchange runs on IIS: its codes (440, 451, 456, 457) come with IIS's
	// Server field, and IIS's own sub-codes are named in the notes.
	{field: "X-Ms-Server-Activesync", product: "Exchange ActiveSync", source: "Exchange ActiveSync"},
	{field: "Server", contains: "microsoft-iis", product: "Microsoft IIS (Exchange ActiveSync)", source: "Exchange ActiveSync"},
	{field: "Server", contains: "microsoft-iis", product: "Microsoft IIS (Exchange)", source: "Microsoft Exchange"},
	{field: "Server", contains: "microsoft-iis", product: "Microsoft IIS", source: "Microsoft IIS"},
	{field: "Server", contains: "nginx", product: "nginx", source: "nginx"},
	{field: "Server", contains: "openresty", product: "OpenResty (nginx)", source: "nginx"},
	{field: "Server", contains: "apache", product: "Apache"},
	{field: "Set-Cookie", contains: "laravel_session=", product: "Laravel", source: "Laravel"},
	{field: "Server", contains: "github.com", product: "GitHub", source: "GitHub"},
	{field: "Server", contains: "amazons3", product: "Amazon S3", source: "Amazon S3"},
	{field: "X-Amz-Cf-Id", product: "Amazon CloudFront", source: "Amazon CloudFront", proxy: true},
	{field: "Via", contains: "cloudfront", product: "Amazon CloudFront", source: "Amazon CloudFront", proxy: true},
	{field: "X-Served-By", contains: "cache-", product: "Fastly", source: "Fastly", proxy: true},
	{field: "Via", contains: "varnish", product: "Varnish", source: "Varnish", proxy: true},
	{field: "Server", contains: "envoy", product: "Envoy", source: "Envoy", proxy: true},
	{field: "X-Envoy-Upstream-Service-Time", product: "Envoy", source: "Envoy", proxy: true},
	{field: "Server", contains: "akamaighost", product: "Akamai", source: "Akamai", proxy: true},
	{field: "X-Azure-Ref", product: "Azure Front Door", source: "Azure Front Door", proxy: true},
	{field: "Via", contains: "google", product: "a Google Cloud load balancer", source: "Google Cloud Load Balancing", proxy: true},
	{field: "Server", contains: "squid", product: "Squid", source: "Squid", proxy: true},
	{field: "Via", contains: "squid", product: "Squid", source: "Squid", proxy: true},
}

// match is a signature found in a head, with the field as received.
type match struct {
	*signature
	evidence string // "Server: cloudflare"
}

// signaturesIn lists the signatures a head carries, in table order.
func signaturesIn(h textproto.MIMEHeader) []match {
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
	// The reason phrase narrows the meanings to those it names; several
	// may share it (IANA's 503 and Fastly's are both Service Unavailable),
	// and then the header fields choose among them.
	candidates, phraseWhy := entries, ""
	if p := fold(phrase); p != "" {
		var named []*data.Status
		for _, e := range entries {
			if fold(e.Phrase) == p || slices.ContainsFunc(e.Aliases, func(a string) bool { return fold(a) == p }) {
				named = append(named, e)
			}
		}
		if len(named) > 0 {
			candidates, phraseWhy = named, byPhrase(phrase)
		}
	}
	if e, evidence := bySignature(candidates, found); e != nil {
		return e, evidence
	}
	e = defaultEntry(candidates)
	// The phrase is worth naming when it chose among vendor meanings, chose
	// something else than the code alone would have, or overruled a header
	// field; not when it only confirmed the standard meaning.
	narrowed := len(candidates) < len(entries) && !entries[0].Official
	if other, _ := bySignature(entries, found); narrowed || e != defaultEntry(entries) || other != nil {
		return e, phraseWhy
	}
	return e, ""
}

// bySignature is the vendor entry a header field names, if any. A CDN or
// proxy that is merely in the path does not choose its meaning of a
// registered code: the 503 may be the origin's, passed on.
func bySignature(entries []*data.Status, found []match) (*data.Status, string) {
	registered := slices.ContainsFunc(entries, func(e *data.Status) bool { return e.Official })
	for _, m := range found {
		if m.proxy && !m.self && registered {
			continue
		}
		for _, e := range entries {
			if !e.Official && m.source != "" && e.Source == m.source {
				return e, m.evidence
			}
		}
	}
	return nil, ""
}

// defaultEntry is what a code means when nothing says otherwise: its
// standard meaning, or the first vendor's.
func defaultEntry(entries []*data.Status) *data.Status {
	for _, e := range entries {
		if e.Official {
			return e
		}
	}
	return entries[0]
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
