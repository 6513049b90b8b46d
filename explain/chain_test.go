package explain

import (
	"slices"
	"testing"
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
Location: https://example.com/a

HTTP/2 302
location: https://EXAMPLE.com:443/b#top

HTTP/2 302
location: /a

`))
	hops := rep.Chains[0].Hops
	if len(hops) != 3 || hops[2].URL != "https://EXAMPLE.com:443/b#top" || hops[2].LoopTo != 2 || hops[1].LoopTo != 0 {
		t.Fatalf("hops %+v", hops)
	}
	want := note(Error, "Location", "RFC 9110 §15.4", "Redirect loop: https://EXAMPLE.com:443/a was already visited at step 2 of the chain; clients give up after a few rounds.")
	if got := rep.Results[2].Notes; !slices.Equal(got, []Note{want}) {
		t.Errorf("notes %v", got)
	}
	// A redirect to the URL it answered is a loop of one step.
	self := explainString(t, crlf("> GET /login HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 302 Found\n< Location: http://example.com/login\n<\n"))
	if len(self.Chains) != 0 || len(self.Results[0].Notes) != 1 || self.Results[0].Notes[0].Reference != "RFC 9110 §15.4" {
		t.Errorf("self redirect: chains %v, notes %v", self.Chains, self.Results[0].Notes)
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
