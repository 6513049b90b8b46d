package explain

import (
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

// fiveHops is curl -siL through four redirects to a page.
var fiveHops = crlf(`HTTP/1.1 301 Moved Permanently
Server: nginx/1.24.0
Date: Wed, 25 Nov 2026 09:12:44 GMT
Content-Type: text/html
Content-Length: 0
Location: https://example.com/app

HTTP/2 302 
server: nginx/1.24.0
date: Wed, 25 Nov 2026 09:12:44 GMT
location: /login?next=%2Fapp
set-cookie: sid=1; Path=/; Secure; HttpOnly
content-length: 0

HTTP/2 303 
date: Wed, 25 Nov 2026 09:12:44 GMT
location: /home
content-length: 0

HTTP/2 307 
date: Wed, 25 Nov 2026 09:12:44 GMT
location: /home/
content-length: 0

HTTP/2 200 
date: Wed, 25 Nov 2026 09:12:44 GMT
content-type: text/html; charset=utf-8
cache-control: private, max-age=0
vary: Accept-Encoding

`) + strings.Repeat("<p>Welcome back.</p>\n", 100)

func BenchmarkExplain(b *testing.B) {
	cat := data.Load()
	for name, in := range map[string]string{
		"curl-si": fixture(b, "curl-si-503-retry-after.txt"),
		"chain-5": fiveHops,
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := Explain(cat, strings.NewReader(in)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestFiveHopsIsAChain(t *testing.T) {
	rep := explainString(t, fiveHops)
	if len(rep.Chains) != 1 || len(rep.Chains[0].Hops) != 5 || rep.Chains[0].Hops[4].URL != "https://example.com/home/" {
		t.Errorf("chains %+v", rep.Chains)
	}
}
