package explain

import (
	"slices"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

func TestChooseEntry(t *testing.T) {
	for _, tc := range []struct {
		name, in         string
		source, phrase   string
		chosenBy         string
		ambiguous, proxy bool
	}{
		{"Twitter's 420 by its phrase", "HTTP/1.1 420 Enhance Your Calm\n\n", "Twitter", "Enhance Your Calm", `reason phrase "Enhance Your Calm"`, false, false},
		{"Spring's 420 by its phrase", "HTTP/1.1 420 Method Failure\n\n", "Spring Framework", "Method Failure", `reason phrase "Method Failure"`, false, false},
		{"phrase in other case and spacing", "HTTP/1.1 420 method  FAILURE\n\n", "Spring Framework", "Method Failure", `reason phrase "method  FAILURE"`, false, false},
		{"420 without a phrase", "HTTP/2 420\n\n", "Twitter", "Enhance Your Calm", "", true, false},
		{"nginx's 499 by Server", "HTTP/2 499\nserver: nginx/1.24.0\n\n", "nginx", "Client Closed Request", "Server: nginx/1.24.0", false, false},
		{"OpenResty is nginx", "HTTP/2 499\nserver: openresty\n\n", "nginx", "Client Closed Request", "Server: openresty", false, false},
		{"Esri's 499 by its phrase over Server", "HTTP/1.1 499 Token Required\nServer: nginx\n\n", "Esri ArcGIS", "Token Required", `reason phrase "Token Required"`, false, false},
		{"Exchange's 451 by Server", "HTTP/2 451\nserver: Microsoft-IIS/10.0\n\n", "Exchange ActiveSync", "Redirect", "Server: Microsoft-IIS/10.0", false, false},
		{"the RFC's 451 by its phrase", "HTTP/1.1 451 Unavailable For Legal Reasons\nServer: Microsoft-IIS/10.0\n\n", "IANA", "Unavailable For Legal Reasons", `reason phrase "Unavailable For Legal Reasons"`, false, false},
		// A code with a standard meaning means that when nothing says
		// otherwise; its vendor meanings are not worth a note then.
		{"451 without a phrase", "HTTP/2 451\n\n", "IANA", "Unavailable For Legal Reasons", "", false, false},
		{"a former phrase", "HTTP/1.1 504 Gateway Time-out\n\n", "IANA", "Gateway Timeout", "", false, false},
		{"Cloudflare's 522", "HTTP/2 522\nserver: cloudflare\ncf-ray: 8e5f1c2a3b4d5e6f-FRA\n\n", "Cloudflare", "Connection Timed Out", "", false, false},
		{"the load balancer's 460", "HTTP/1.1 460\nServer: awselb/2.0\n\n", "AWS ELB", "Client Closed Connection", "", false, false},
		{"a 503 through CloudFront", "HTTP/2 503\nvia: 1.1 4f2c.cloudfront.net (CloudFront)\nx-amz-cf-id: Zq1x\n\n", "IANA", "Service Unavailable", "", false, true},
		// The load balancer names itself only on what it generates, so its
		// Server field chooses its meaning of a registered code; a CDN in the
		// path does not, since the origin may have sent the 503.
		{"the load balancer's own 503", "HTTP/1.1 503 Service Temporarily Unavailable\nServer: awselb/2.0\n\n", "AWS ELB", "Service Unavailable", "Server: awselb/2.0", false, false},
		{"a 503 through Fastly", "HTTP/2 503\nx-served-by: cache-fra-eddf8230069-FRA\n\n", "IANA", "Service Unavailable", "", false, true},
		{"Fastly's own 503 by its phrase", "HTTP/1.1 503 first byte timeout\nX-Served-By: cache-fra-eddf8230069-FRA\n\n", "Fastly", "Service Unavailable", `reason phrase "first byte timeout"`, false, false},
		{"S3's Slow Down by Server", "HTTP/1.1 503 Slow Down\nServer: AmazonS3\n\n", "Amazon S3", "Slow Down", "Server: AmazonS3", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := explainString(t, crlf(tc.in)).Results[0]
			if res.Entry == nil || res.Entry.Source != tc.source || res.Entry.Phrase != tc.phrase || res.ChosenBy != tc.chosenBy {
				t.Fatalf("entry %v chosen by %q, want %s %q by %q", res.Entry, res.ChosenBy, tc.source, tc.phrase, tc.chosenBy)
			}
			ambiguous := slices.ContainsFunc(res.Notes, func(n Note) bool { return strings.Contains(n.Message, "other meanings") })
			proxy := slices.ContainsFunc(res.Notes, func(n Note) bool { return strings.HasPrefix(n.Message, "The response passed through") })
			if ambiguous != tc.ambiguous || proxy != tc.proxy {
				t.Errorf("ambiguity note %v (want %v), proxy note %v (want %v): %v", ambiguous, tc.ambiguous, proxy, tc.proxy, res.Notes)
			}
		})
	}
}

// A vendor's sub-codes for a status are named when the vendor is in the
// path: IIS's 404.x under a Microsoft-IIS Server field.
func TestVendorSubCodes(t *testing.T) {
	rep, err := Explain(data.Load(), strings.NewReader(fixture(t, "curl-si-iis-404.txt")))
	if err != nil {
		t.Fatal(err)
	}
	want := []Note{note(Info, "Server", "", "Microsoft IIS is in the path (Server: Microsoft-IIS/10.0). When it makes a 404 itself, its logs and error pages give a finer sub-code (404.0, 404.1, 404.2, 404.3, 404.4, 404.5, 404.6, 404.7, …); httpstatus 404 lists them.")}
	if got := rep.Results[0].Notes; !slices.Equal(got, want) {
		t.Errorf("notes %v\nwant %v", got, want)
	}
}
