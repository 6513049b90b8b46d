package data

import (
	"bytes"
	"net/textproto"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every row of the evidence table is well formed, names vendors the
// catalog has, and, where it names a real response that shows it, finds
// it there.
func TestSoftwareTable(t *testing.T) {
	sources := map[string]bool{}
	for _, s := range Load().All() {
		sources[s.Source] = true
		for _, sub := range s.SubCodes {
			sources[sub.Source] = true
		}
	}
	roles := []string{RoleOrigin, RoleProxy, RoleCache, RoleCDN, RoleLoadBalancer}
	names := map[string]bool{}
	for _, sw := range softwareTable() {
		if sw.Name == "" || names[sw.Name] {
			t.Errorf("software %q: no name, or named twice", sw.Name)
		}
		names[sw.Name] = true
		if !slices.Contains(roles, sw.Role) {
			t.Errorf("%s: role %q is none of %v", sw.Name, sw.Role, roles)
		}
		for _, src := range sw.Sources {
			if !sources[src] {
				t.Errorf("%s: source %q is no catalog vendor", sw.Name, src)
			}
		}
		if len(sw.Signs) == 0 {
			t.Errorf("%s: no signs", sw.Name)
		}
		for _, sign := range sw.Signs {
			kinds := 0
			for _, v := range []string{sign.Header, sign.Phrase, sign.Body} {
				if v != "" {
					kinds++
				}
			}
			if kinds != 1 || sign.Contains != "" && sign.Header == "" {
				t.Errorf("%s: sign %+v must have one of header (with contains), phrase or body", sw.Name, sign)
			}
			if sign.Header != textproto.CanonicalMIMEHeaderKey(sign.Header) || sign.Contains != strings.ToLower(sign.Contains) {
				t.Errorf("%s: sign %+v: field name not canonical or value not lower case", sw.Name, sign)
			}
			if sign.Seen != "" {
				checkSeen(t, sw, sign)
			}
		}
	}
}

// checkSeen reads the real response a sign names and checks that the
// sign is in it.
func checkSeen(t *testing.T, sw Software, sign Sign) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", sign.Seen))
	if err != nil {
		t.Errorf("%s: %v", sw.Name, err)
		return
	}
	rs, err := ReadResponses(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s: %s: %v", sw.Name, sign.Seen, err)
		return
	}
	if !slices.ContainsFunc(rs, func(r *Response) bool { _, ok := sign.matches(r); return ok }) {
		t.Errorf("%s: sign %+v is not in %s", sw.Name, sign, sign.Seen)
	}
}

func TestWhoAnswered(t *testing.T) {
	cat := Load()
	for _, tc := range []struct {
		name, in       string
		software, role string
		wrote          bool
		via            []string
	}{
		{"nginx's own 502 page", "HTTP/1.1 502 Bad Gateway\r\nServer: nginx/1.22.1\r\n\r\n<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n", "nginx", RoleProxy, true, nil},
		{"a Go 404 through nginx", "HTTP/1.1 404 Not Found\r\nServer: nginx/1.22.1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n404 page not found\r\n", "nginx", RoleOrigin, false, nil},
		{"Cloudflare's 522 by its own code", "HTTP/2 522\r\nserver: cloudflare\r\ncf-ray: 8f1c2a3b-FRA\r\n\r\n", "Cloudflare", RoleCDN, true, nil},
		{"Squid's own error", "HTTP/1.1 503 Service Unavailable\r\nServer: squid/5.7\r\nX-Squid-Error: ERR_CONNECT_FAIL 111\r\nVia: 1.1 proxy (squid/5.7)\r\n\r\n", "Squid", RoleProxy, true, nil},
		{"Varnish's own 503 by its phrase", "HTTP/1.1 503 Backend fetch failed\r\nServer: Varnish\r\nX-Varnish: 32770\r\n\r\n", "Varnish", RoleCache, true, nil},
		{"nothing shows it", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", "", "", false, nil},
		{"an ALB's own 503 through CloudFront", "HTTP/1.1 503 Service Temporarily Unavailable\r\nServer: awselb/2.0\r\nVia: 1.1 abc.cloudfront.net (CloudFront)\r\nX-Amz-Cf-Id: q\r\n\r\n", "AWS Elastic Load Balancing", RoleLoadBalancer, true, []string{"Amazon CloudFront"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := ReadResponses(strings.NewReader(tc.in))
			if err != nil || len(rs) != 1 {
				t.Fatalf("%d responses, %v", len(rs), err)
			}
			a := whoAnswered(cat, rs[0])
			if tc.software == "" {
				if a != nil {
					t.Fatalf("answered by %+v, want nobody", a)
				}
				return
			}
			if a == nil || a.Software != tc.software || a.Role != tc.role || a.Wrote != tc.wrote || !slices.Equal(a.Via, append([]string{}, tc.via...)) {
				t.Fatalf("answered by %+v, want %s (%s, wrote %v, via %v)", a, tc.software, tc.role, tc.wrote, tc.via)
			}
		})
	}
}
