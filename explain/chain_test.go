package explain

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

func TestChainOfFixture(t *testing.T) {
	rep := explainString(t, fixture(t, "curl-sIL-chain.txt"))
	if len(rep.Chains) != 1 {
		t.Fatalf("%d chains", len(rep.Chains))
	}
	want := []Hop{
		{Result: 0, URL: ""},
		{Result: 1, URL: "https://example.com/docs", Downgrade: true},
		{Result: 2, URL: "http://www.example.com/docs/"},
	}
	if got := rep.Chains[0].Hops; !slices.Equal(got, want) {
		t.Errorf("hops %+v\nwant %+v", got, want)
	}
	r0, r1 := rep.Results[0].Redirect, rep.Results[1].Redirect
	if *r0 != (Redirect{Location: "https://example.com/docs", URL: "https://example.com/docs", Permanent: true, Method: "a POST may become GET"}) ||
		*r1 != (Redirect{Location: "http://www.example.com/docs/", URL: "http://www.example.com/docs/", Permanent: false, Method: "a POST may become GET"}) {
		t.Errorf("redirects %+v %+v", r0, r1)
	}
	downgrade := note(Error, "Location", "", "Redirects from HTTPS to plain HTTP (https://example.com/docs → http://www.example.com/docs/): the next request and its cookies travel unencrypted. Behind a proxy that ends TLS, make the application trust X-Forwarded-Proto.")
	if got := rep.Results[1].Notes; !slices.Equal(got, []Note{downgrade}) {
		t.Errorf("notes of hop 2: %v", got)
	}
}

func TestChainWithRequests(t *testing.T) {
	rep := explainString(t, fixture(t, "curl-v-post-chain.txt"))
	if len(rep.Chains) != 1 || len(rep.Chains[0].Hops) != 2 || rep.Chains[0].Hops[0].URL != "https://app.example.com/login" {
		t.Fatalf("chains %+v", rep.Chains)
	}
	if r := rep.Results[0].Redirect; r.Method != "POST became GET" || r.URL != "https://app.example.com/dashboard" || r.Permanent {
		t.Errorf("redirect %+v", r)
	}
}

func TestRedirectLoop(t *testing.T) {
	rep := explainString(t, crlf(`HTTP/1.1 301 Moved Permanently
Date: Wed, 25 Nov 2026 09:12:44 GMT
Location: https://example.com/a

HTTP/2 302
date: Wed, 25 Nov 2026 09:12:44 GMT
location: https://EXAMPLE.com:443/b#top

HTTP/2 302
date: Wed, 25 Nov 2026 09:12:44 GMT
location: /a

`))
	hops := rep.Chains[0].Hops
	if len(hops) != 3 || hops[2].URL != "https://EXAMPLE.com:443/b#top" || hops[2].LoopTo != 2 || hops[1].LoopTo != 0 {
		t.Fatalf("hops %+v", hops)
	}
	want := []Note{
		note(Error, "Location", "RFC 9110 §15.4", "Redirect loop: https://EXAMPLE.com:443/a was already visited at step 2 of the chain; clients give up after a few rounds."),
		note(Warn, "Location", "", "The chain ends on this redirect: the client stopped following it (curl stops at --max-redirs, 50 by default), so the page it leads to was not fetched."),
	}
	if got := rep.Results[2].Notes; !slices.Equal(got, want) {
		t.Errorf("notes %v", got)
	}
	// A redirect to the URL it answered is a loop of one step.
	self := explainString(t, crlf("> GET /login HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 302 Found\n< Date: Wed, 25 Nov 2026 09:12:44 GMT\n< Location: http://example.com/login\n<\n"))
	if len(self.Chains) != 0 || len(self.Results[0].Notes) != 1 || self.Results[0].Notes[0].Reference != "RFC 9110 §15.4" {
		t.Errorf("self redirect: chains %v, notes %v", self.Chains, self.Results[0].Notes)
	}
}

// curl -sIL prints no URL: a loop shows in the Location values that come
// back, and the chain ends on a redirect because curl stopped following.
func TestLoopWithoutURLs(t *testing.T) {
	rep := explainString(t, fixture(t, "real/captures/go-redirect-loop.curl-sIL.txt"))
	if len(rep.Chains) != 1 {
		t.Fatalf("chains %+v", rep.Chains)
	}
	var loops []int
	for _, h := range rep.Chains[0].Hops {
		loops = append(loops, h.LoopTo)
	}
	if want := []int{0, 0, 2, 3, 2, 3}; !slices.Equal(loops, want) {
		t.Errorf("loops back to steps %v, want %v", loops, want)
	}
	last := rep.Results[5].Notes
	if len(last) != 2 || last[0].Message != "Redirect loop: /loop/a was already visited at step 3 of the chain; clients give up after a few rounds." ||
		!strings.HasPrefix(last[1].Message, "The chain ends on this redirect") {
		t.Errorf("notes of the last hop: %v", last)
	}
	// A redirect back to the first URL, which the input does not give, is
	// no loop that can be seen: "/" is not the unknown page it started on.
	back := explainString(t, crlf("HTTP/1.1 301 Moved Permanently\nDate: Wed, 25 Nov 2026 09:12:44 GMT\nLocation: /\n\nHTTP/1.1 200 OK\nDate: Wed, 25 Nov 2026 09:12:44 GMT\n\n"))
	if hops := back.Chains[0].Hops; hops[0].LoopTo != 0 || len(back.Results[0].Notes) != 0 {
		t.Errorf("hops %+v, notes %v", hops, back.Results[0].Notes)
	}
}

// curl speaks HTTP/2 only over TLS unless told otherwise, so an HTTP/2 hop
// that redirects to http:// is a downgrade, and one from http:// to an
// HTTP/2 page an upgrade.
func TestHTTP2HopIsHTTPS(t *testing.T) {
	down := explainString(t, fixture(t, "real/captures/nginx-https-downgrade.curl-sIL.txt"))
	if hops := down.Chains[0].Hops; !hops[0].Downgrade || hops[1].Downgrade {
		t.Errorf("downgrade: hops %+v", hops)
	}
	want := "Redirects from HTTPS to plain HTTP (to http://127.0.0.1:26010/files/; this response came over HTTP/2, which curl speaks only over TLS): the next request and its cookies travel unencrypted. Behind a proxy that ends TLS, make the application trust X-Forwarded-Proto."
	if n := down.Results[0].Notes; len(n) != 1 || n[0].Message != want {
		t.Errorf("notes %v", n)
	}
	// A relative redirect from an HTTPS hop stays on HTTPS.
	relative := explainString(t, crlf("HTTP/2 302\ndate: Wed, 25 Nov 2026 09:12:44 GMT\nlocation: /a\n\nHTTP/1.1 302 Found\nDate: Wed, 25 Nov 2026 09:12:44 GMT\nLocation: http://example.com/\n\nHTTP/1.1 200 OK\nDate: Wed, 25 Nov 2026 09:12:44 GMT\n\n"))
	if hops := relative.Chains[0].Hops; hops[0].Downgrade || !hops[1].Downgrade ||
		!strings.Contains(relative.Results[1].Notes[0].Message, "the redirect before led here over HTTPS") {
		t.Errorf("relative: hops %+v, notes %v", hops, relative.Results[1].Notes)
	}
	up := explainString(t, fixture(t, "real/captures/nginx-https-upgrade.curl-sIL.txt"))
	if hops := up.Chains[0].Hops; hops[0].Downgrade || hops[1].Downgrade {
		t.Errorf("upgrade: hops %+v", hops)
	}
}

// A chain cut short by --max-redirs ends on a redirect, which is no loop.
func TestChainStoppedByMaxRedirs(t *testing.T) {
	rep := explainString(t, fixture(t, "real/captures/go-redirect-max-redirs.curl-siL.txt"))
	want := []Note{note(Warn, "Location", "", "The chain ends on this redirect: the client stopped following it (curl stops at --max-redirs, 50 by default), so the page it leads to was not fetched.")}
	if got := rep.Results[1].Notes; !slices.Equal(got, want) || rep.Chains[0].Hops[1].LoopTo != 0 {
		t.Errorf("notes %v, hops %+v", got, rep.Chains[0].Hops)
	}
	// A redirect that got no response at all did not stop the client.
	empty := explainString(t, "HTTP/1.1 302 Found\r\nDate: Wed, 25 Nov 2026 09:12:44 GMT\r\nLocation: /next\r\n\r\ncurl: (52) Empty reply from server\n")
	if len(empty.Results) != 2 || empty.Results[1].Status != 0 || len(empty.Results[0].Notes) != 0 {
		t.Errorf("results %+v", empty.Results)
	}
}

// chains reads the results it is given and changes none of them: what it
// finds comes back.
func TestChainsIsPure(t *testing.T) {
	responses := parseString(t, fiveHops)
	rep := Check(data.Load(), responses)
	before := make([]Redirect, 0, len(rep.Results))
	for _, r := range rep.Results {
		if r.Redirect != nil {
			before = append(before, *r.Redirect)
		}
	}
	results := slices.Clone(rep.Results)
	for i := range results {
		if r := results[i].Redirect; r != nil {
			c := *r
			c.URL = ""
			results[i].Redirect = &c
		}
		results[i].Notes = slices.Clone(results[i].Notes)
	}
	snapshot := fmt.Sprint(results)
	chained, found := chains(responses, results)
	if fmt.Sprint(results) != snapshot {
		t.Errorf("chains changed its input")
	}
	if len(chained) != 1 || len(found) != 5 || found[0].url != before[0].URL || found[1].url != "https://example.com/login?next=%2Fapp" {
		t.Errorf("chains %+v, found %+v", chained, found)
	}
}

func TestChainsSplitAtFinalResponses(t *testing.T) {
	rep := explainString(t, crlf(`HTTP/1.1 200 OK

HTTP/1.1 301 Moved Permanently
Location: https://example.com/

HTTP/1.1 103 Early Hints
Link: </style.css>; rel=preload; as=style

HTTP/1.1 200 OK

HTTP/1.1 404 Not Found

`))
	if len(rep.Chains) != 1 {
		t.Fatalf("chains %+v", rep.Chains)
	}
	if got := rep.Chains[0].Hops; len(got) != 2 || got[0].Result != 1 || got[1].Result != 3 || got[1].URL != "https://example.com/" {
		t.Errorf("hops %+v", got)
	}
}

func TestMethodAfter(t *testing.T) {
	for _, tc := range []struct {
		code         int
		method, want string
	}{
		{301, "", "a POST may become GET"}, {301, "POST", "POST may become GET"}, {302, "GET", "GET kept"},
		{303, "", "becomes GET"}, {303, "POST", "POST becomes GET"}, {303, "HEAD", "HEAD kept"},
		{307, "", "method kept"}, {307, "POST", "POST kept"}, {308, "PUT", "PUT kept"},
	} {
		if got := methodAfter(tc.code, tc.method); got != tc.want {
			t.Errorf("methodAfter(%d, %q) = %q, want %q", tc.code, tc.method, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://Example.COM:443":       "https://example.com/",
		"http://example.com:80/a#frag":  "http://example.com/a",
		"http://example.com:8080/a?q=1": "http://example.com:8080/a?q=1",
		"http://[::1]:80/":              "http://[::1]/",
		"/relative":                     "",
		"":                              "",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := resolve("https://example.com/a/b", "../c"); got != "https://example.com/c" {
		t.Errorf("resolve: %q", got)
	}
	if got := resolve("", "/c"); got != "" {
		t.Errorf("resolve without a base: %q", got)
	}
}
