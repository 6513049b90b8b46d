package explain

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/httpstatus-dev/httpstatus/data"
)

// crlf writes a transcript the way curl prints heads, with CRLF line ends.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// explainString explains text, failing the test if it is not HTTP.
func explainString(t testing.TB, text string) *Report {
	t.Helper()
	rep, err := Explain(data.Load(), strings.NewReader(text))
	if err != nil {
		t.Fatalf("Explain: %v\n%s", err, text)
	}
	return rep
}

// note builds a Note in the order a reader checks one: level, field,
// reference, message.
func note(l Level, field, ref, msg string) Note {
	return Note{Level: l, Field: field, Message: msg, Reference: ref}
}

func (n Note) String() string {
	return fmt.Sprintf("{%s %q %q %q}", n.Level, n.Field, n.Reference, n.Message)
}

// Every check explain makes, each fed a response as a server sends it and
// held to its exact note. The first block is what httplint checks about a
// status (docs/explain-anchors.md), the second the RFC 9110 MUSTs it leaves
// out, the third the checks that need the request (curl -v), the last the
// rest.
func TestChecks(t *testing.T) {
	const date = "Date: Wed, 25 Nov 2026 09:12:44 GMT\n"
	redirect := func(code int, phrase, ref string) []Note {
		return []Note{note(Error, "Location", "RFC 9110 "+ref, "A redirect without Location gives the client nowhere to go, so it shows this response instead.")}
	}
	for _, tc := range []struct {
		name, in string
		want     []Note
	}{
		// httplint, the response alone.
		{"201 without Location", "HTTP/1.1 201 Created\n" + date + "Content-Length: 0\n\n", []Note{
			note(Warn, "Location", "RFC 9110 §15.3.2", "Without Location the client must assume the request's own URI names the new resource; send Location to say what was created.")}},
		{"201 with Location", "HTTP/1.1 201 Created\n" + date + "Location: /orders/8812\n\n", nil},
		{"206 without Content-Range", "HTTP/1.1 206 Partial Content\n" + date + "Content-Type: video/mp4\nContent-Length: 1024\n\n", []Note{
			note(Error, "Content-Range", "RFC 9110 §15.3.7.1", "A single-part 206 must say in Content-Range which bytes it carries, or the client cannot tell where they belong.")}},
		{"206 multipart without Content-Range", "HTTP/1.1 206 Partial Content\n" + date + "Content-Type: multipart/byteranges; boundary=3d6b6a416f9b5\n\n", nil},
		{"206 with Content-Range", "HTTP/1.1 206 Partial Content\n" + date + "Content-Range: bytes 0-1023/146515\nContent-Length: 1024\n\n", nil},
		{"301 without Location", "HTTP/1.1 301 Moved Permanently\n" + date + "\n", redirect(301, "Moved Permanently", "§15.4.2")},
		{"302 without Location", "HTTP/1.1 302 Found\n" + date + "\n", redirect(302, "Found", "§15.4.3")},
		{"303 without Location", "HTTP/1.1 303 See Other\n" + date + "\n", redirect(303, "See Other", "§15.4.4")},
		{"307 without Location", "HTTP/1.1 307 Temporary Redirect\n" + date + "\n", redirect(307, "Temporary Redirect", "§15.4.8")},
		{"308 without Location", "HTTP/2 308\ndate: Wed, 25 Nov 2026 09:12:44 GMT\n\n", redirect(308, "Permanent Redirect", "§15.4.9")},
		{"304 without Date", "HTTP/1.1 304 Not Modified\nETag: \"5f1c9a3e\"\n\n", []Note{
			note(Warn, "Date", "RFC 9110 §15.4.5", "A 304 should carry the Date a 200 would, so caches can tell how old the copy they keep is.")}},
		{"304 with representation fields", "HTTP/1.1 304 Not Modified\n" + date + "ETag: \"5f1c9a3e\"\nContent-Type: text/html\nContent-Encoding: gzip\nContent-Language: en\n\n", []Note{
			note(Warn, "Content-Type", "RFC 9110 §15.4.5", "A 304 should not describe content it does not have; the cache already holds the Content-Type of its stored copy."),
			note(Warn, "Content-Encoding", "RFC 9110 §15.4.5", "A 304 should not describe content it does not have; the cache already holds the Content-Encoding of its stored copy."),
			note(Warn, "Content-Language", "RFC 9110 §15.4.5", "A 304 should not describe content it does not have; the cache already holds the Content-Language of its stored copy.")}},
		{"305", "HTTP/1.1 305 Use Proxy\n" + date + "Location: http://proxy.example.com:3128/\n\n", []Note{
			note(Error, "", "RFC 9110 §15.4.6", "305 Use Proxy is deprecated: letting a response choose the client's proxy was a security risk, so clients ignore it.")}},
		{"306", "HTTP/1.1 306 Switch Proxy\n" + date + "\n", []Note{
			note(Error, "", "RFC 9110 §15.4.7", "306 is reserved: it was Switch Proxy in an early draft, is no longer used, and nothing should send it.")}},
		{"400", "HTTP/1.1 400 Bad Request\n" + date + "Content-Length: 0\n\n", []Note{
			note(Info, "", "RFC 9110 §15.5.1", "The server could not accept the request as sent: check its syntax, headers and size; the content often says which.")}},
		{"414", "HTTP/1.1 414 URI Too Long\n" + date + "\n", []Note{
			note(Info, "", "RFC 9110 §15.5.15", "The request target is longer than the server accepts: move data from the query string into a POST body.")}},
		{"418", "HTTP/1.1 418 I'm a teapot\n" + date + "\n", []Note{
			note(Warn, "", "RFC 9110 §15.5.19", "418 is reserved, not a real status: it comes from the April Fools' RFC 2324 (I'm a teapot), and strict clients may not accept it.")}},
		{"505", "HTTP/1.1 505 HTTP Version Not Supported\n" + date + "\n", []Note{
			note(Error, "", "RFC 9110 §15.6.6", "The server refuses the request's HTTP version; retry with a version it supports.")}},
		{"unregistered code", "HTTP/1.1 250 Custom Success\n" + date + "\n", []Note{
			note(Error, "", "RFC 9110 §15", "250 is not a registered status code, and no vendor in the catalog uses it (nearest: 226, 299). Clients treat it as 200 OK.")}},
		{"outside 100-599", "HTTP/1.1 999 Request Denied\n" + date + "\n", []Note{
			note(Error, "", "RFC 9110 §15", "999 is outside 100-599, the range of HTTP status codes, so it is not valid HTTP; clients may reject the response.")}},
		{"unknown and outside 100-599", "HTTP/1.1 777 Lucky\n" + date + "\n", []Note{
			note(Error, "", "RFC 9110 §15", "777 is outside 100-599, the range of HTTP status codes, so it is not valid HTTP; clients may reject the response."),
			note(Error, "", "RFC 9110 §15", "777 is not a registered status code, and no vendor in the catalog uses it (nearest: 599, 783).")}},
		{"vendor code", "HTTP/1.1 509 Bandwidth Limit Exceeded\n" + date + "\n", []Note{
			note(Warn, "", "RFC 9110 §15", "509 is not in the IANA registry but a vendor code (cPanel). Clients that do not know it treat it as 500 Internal Server Error."),
			note(Info, "", "", "509 has other meanings too: Bandwidth Limit Exceeded (Microsoft Graph). Neither the reason phrase nor a header field says which one this is.")}},

		// RFC 9110 MUSTs that httplint leaves out.
		{"401 without WWW-Authenticate", "HTTP/1.1 401 Unauthorized\n" + date + "Content-Type: application/json\n\n", []Note{
			note(Error, "WWW-Authenticate", "RFC 9110 §15.5.2", "A 401 must carry WWW-Authenticate with at least one challenge, or the client cannot tell how to authenticate.")}},
		{"401 with challenges", "HTTP/1.1 401 Unauthorized\n" + date + "WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", Basic realm=\"a, b\"\n\n", []Note{
			note(Info, "WWW-Authenticate", "RFC 9110 §11.6.1", "Asks for Bearer or Basic credentials.")}},
		{"407 without Proxy-Authenticate", "HTTP/1.1 407 Proxy Authentication Required\n" + date + "\n", []Note{
			note(Error, "Proxy-Authenticate", "RFC 9110 §15.5.8", "A 407 must carry Proxy-Authenticate with the proxy's challenge, or the client cannot tell how to authenticate to it.")}},
		{"405 without Allow", "HTTP/1.1 405 Method Not Allowed\n" + date + "\n", []Note{
			note(Error, "Allow", "RFC 9110 §15.5.6", "A 405 must list in Allow the methods the resource does support.")}},
		{"426 without Upgrade", "HTTP/1.1 426 Upgrade Required\n" + date + "\n", []Note{
			note(Error, "Upgrade", "RFC 9110 §15.5.22", "A 426 must name in Upgrade the protocol the client has to switch to.")}},
		{"101 without Upgrade", "HTTP/1.1 101 Switching Protocols\nConnection: upgrade\n\n", []Note{
			note(Error, "Upgrade", "RFC 9110 §15.2.2", "A 101 must name in Upgrade the protocol the connection switches to.")}},
		{"101 with Transfer-Encoding", "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nTransfer-Encoding: chunked\n\n", []Note{
			note(Error, "Transfer-Encoding", "RFC 9112 §6.1", "A 1xx response must not carry Transfer-Encoding: it has no content, and the final response follows right after it.")}},
		{"416 without Content-Range", "HTTP/1.1 416 Range Not Satisfiable\n" + date + "\n", []Note{
			note(Warn, "Content-Range", "RFC 9110 §15.5.17", "A 416 should give the current length in Content-Range (bytes */LENGTH), so the client can ask for a range that exists.")}},
		{"416 with a satisfied range", "HTTP/1.1 416 Range Not Satisfiable\n" + date + "Content-Range: bytes 0-99/100\n\n", []Note{
			note(Warn, "Content-Range", "RFC 9110 §14.4", `A 416's Content-Range should be "bytes */LENGTH", the current length; "bytes 0-99/100" is not.`)}},
		{"204 with content", "HTTP/1.1 204 No Content\n" + date + "\n{\"ok\":true}\n", []Note{
			note(Error, "", "RFC 9110 §15.3.5", "A 204 has no content, yet bytes follow its head; a client reads them as the start of the next response.")}},
		{"204 with Content-Length above 0", "HTTP/1.1 204 No Content\n" + date + "Content-Length: 12\n\n", []Note{
			note(Error, "Content-Length", "RFC 9110 §8.6", "Content-Length: 12 announces content that a 204 cannot have; a client that trusts it waits for bytes that never come.")}},
		{"204 with Content-Length 0", "HTTP/1.1 204 No Content\n" + date + "Content-Length: 0\n\n", []Note{
			note(Warn, "Content-Length", "RFC 9110 §8.6", "A 204 must not carry Content-Length, not even 0.")}},
		{"204 with Transfer-Encoding", "HTTP/1.1 204 No Content\n" + date + "Transfer-Encoding: chunked\n\n", []Note{
			note(Error, "Transfer-Encoding", "RFC 9112 §6.1", "A 204 must not carry Transfer-Encoding: there is no content to encode.")}},
		{"304 with content", "HTTP/1.1 304 Not Modified\n" + date + "ETag: \"5f1c\"\n\n<html></html>\n", []Note{
			note(Error, "", "RFC 9110 §15.4.5", "A 304 has no content, yet bytes follow its head; a client reads them as the start of the next response.")}},
		{"304 with Content-Length", "HTTP/1.1 304 Not Modified\n" + date + "ETag: \"5f1c\"\nContent-Length: 48213\n\n", []Note{
			note(Info, "Content-Length", "RFC 9110 §8.6", "On a 304, Content-Length gives the size of the 200 it stands for; no content follows.")}},
		{"503 Retry-After seconds", "HTTP/1.1 503 Service Unavailable\n" + date + "Retry-After: 120\n\n", []Note{
			note(Info, "Retry-After", "RFC 9110 §10.2.3", "Retry in 2 min (120 s).")}},
		{"429 Retry-After date", "HTTP/1.1 429 Too Many Requests\n" + date + "Retry-After: Wed, 25 Nov 2026 10:42:44 GMT\n\n", []Note{
			note(Info, "Retry-After", "RFC 9110 §10.2.3", "Retry at Wed, 25 Nov 2026 10:42:44 GMT, 1 h 30 min after the response's Date.")}},
		{"413 Retry-After past date", "HTTP/1.1 413 Content Too Large\n" + date + "Retry-After: Wed, 25 Nov 2026 09:00:00 GMT\n\n", []Note{
			note(Info, "Retry-After", "RFC 9110 §10.2.3", "Retry now: Retry-After names Wed, 25 Nov 2026 09:00:00 GMT, which is not after the response's Date.")}},
		{"503 Retry-After invalid", "HTTP/1.1 503 Service Unavailable\n" + date + "Retry-After: in a minute\n\n", []Note{
			note(Error, "Retry-After", "RFC 9110 §10.2.3", `Retry-After "in a minute" is neither a number of seconds nor an HTTP date.`)}},
		{"503 without Retry-After", "HTTP/1.1 503 Service Unavailable\n" + date + "\n", []Note{
			note(Info, "Retry-After", "RFC 9110 §15.6.4", "No Retry-After: nothing says how long the outage lasts, so clients should back off exponentially, with jitter.")}},
		{"429 without Retry-After", "HTTP/1.1 429 Too Many Requests\n" + date + "\n", []Note{
			note(Info, "Retry-After", "RFC 6585 §4", "No Retry-After: the client has to guess when to try again, so it should back off exponentially, with jitter.")}},

		// With the request (curl -v).
		{"100 not asked for", "> POST /upload HTTP/1.1\n> Host: example.com\n> Content-Length: 10\n>\n< HTTP/1.1 100 Continue\n<\n", []Note{
			note(Warn, "", "RFC 9110 §10.1.1", "100 Continue comes unasked: the request had no Expect: 100-continue. Clients must cope, but it usually means a confused proxy or server.")}},
		{"100 to HTTP/1.0", "> POST /upload HTTP/1.0\n> Host: example.com\n>\n< HTTP/1.1 100 Continue\n<\n", []Note{
			note(Error, "", "RFC 9110 §15.2", "A 100 answers an HTTP/1.0 request, which cannot have asked for one: servers must not send 1xx to HTTP/1.0 clients.")}},
		{"101 not asked for", "> GET /chat HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 101 Switching Protocols\n< Upgrade: websocket\n< Connection: Upgrade\n<\n", []Note{
			note(Error, "Upgrade", "RFC 9110 §7.8", "The server switched protocols, but the request did not offer any in Upgrade; a server must not switch to a protocol the client did not ask for.")}},
		{"201 to GET", "> GET /orders/new HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 201 Created\n< " + date + "< Location: /orders/8812\n<\n", []Note{
			note(Warn, "", "RFC 9110 §9.2.1", "GET is a safe method, yet the server says it created something; crawlers and retries will create more.")}},
		{"206 not asked for", "> GET /video.mp4 HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 206 Partial Content\n< " + date + "< Content-Range: bytes 0-1023/146515\n<\n", []Note{
			note(Error, "", "RFC 9110 §15.3.7", "A partial response to a request that did not ask for a range (no Range field).")}},
		{"416 not asked for", "> GET /video.mp4 HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 416 Range Not Satisfiable\n< " + date + "< Content-Range: bytes */146515\n<\n", []Note{
			note(Warn, "", "RFC 9110 §15.5.17", "416 for a request that asked for no range (no Range field).")}},
		{"405 for an allowed method", "> DELETE /items/42 HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 405 Method Not Allowed\n< " + date + "< Allow: GET, HEAD, DELETE\n<\n", []Note{
			note(Warn, "Allow", "RFC 9110 §15.5.6", "The server refuses DELETE, yet lists it in Allow.")}},
		{"406 without negotiation", "> GET /report HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 406 Not Acceptable\n<\n", []Note{
			note(Warn, "", "RFC 9110 §15.5.7", "406 without negotiation: the request sent no Accept, Accept-Charset, Accept-Encoding or Accept-Language to fail to satisfy.")}},
		{"406 with Accept", "> GET /report HTTP/1.1\n> Host: example.com\n> Accept: application/pdf\n>\n< HTTP/1.1 406 Not Acceptable\n<\n", nil},
		{"412 without precondition", "> PUT /items/42 HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 412 Precondition Failed\n<\n", []Note{
			note(Warn, "", "RFC 9110 §15.5.13", "412 for a request with no precondition (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range).")}},
		{"412 with If-Match", "> PUT /items/42 HTTP/1.1\n> Host: example.com\n> If-Match: \"v7\"\n>\n< HTTP/1.1 412 Precondition Failed\n<\n", nil},
		{"417 without Expect", "> POST /upload HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 417 Expectation Failed\n<\n", []Note{
			note(Warn, "", "RFC 9110 §15.5.18", "417 for a request with no Expect field, so there was no expectation to fail.")}},
		{"417 for 100-continue", "> POST /upload HTTP/1.1\n> Host: example.com\n> Expect: 100-continue\n>\n< HTTP/1.1 417 Expectation Failed\n<\n", []Note{
			note(Info, "", "RFC 9110 §10.1.1", "The server or a proxy could not honour Expect: 100-continue; send the request again without it.")}},
		{"304 to a request without condition", "> GET /app.js HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 304 Not Modified\n< " + date + "<\n", []Note{
			note(Error, "", "RFC 9110 §15.4.5", "A 304 answers only a conditional GET or HEAD (If-None-Match, If-Modified-Since); this GET request was not one, so the client has no copy to reuse.")}},
		{"304 to a conditional request", "> GET /app.js HTTP/1.1\n> Host: example.com\n> If-None-Match: \"a41f\"\n>\n< HTTP/1.1 304 Not Modified\n< " + date + "<\n", nil},
		{"414 with the request", "> GET /search?q=" + strings.Repeat("a", 100) + " HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 414 URI Too Long\n<\n", []Note{
			note(Info, "", "RFC 9110 §15.5.15", "The request target (110 characters) is longer than the server accepts: move data from the query string into a POST body.")}},
		{"505 with the request", "> GET / HTTP/3\n> Host: example.com\n>\n< HTTP/1.1 505 HTTP Version Not Supported\n<\n", []Note{
			note(Error, "", "RFC 9110 §15.6.6", "The server refuses HTTP/3; retry with a version it supports.")}},

		// The rest.
		{"Content-Length and Transfer-Encoding", "HTTP/1.1 200 OK\n" + date + "Content-Length: 5\nTransfer-Encoding: chunked\n\nhello", []Note{
			note(Error, "Content-Length", "RFC 9112 §6.2", "Content-Length and Transfer-Encoding are sent together: a sender must not send both, and recipients go by Transfer-Encoding.")}},
		{"Content-Length not a number", "HTTP/1.1 200 OK\n" + date + "Content-Length: 12kb\n\n", []Note{
			note(Error, "Content-Length", "RFC 9110 §8.6", `Content-Length "12kb" is not a number of bytes.`)}},
		{"Content-Length twice", "HTTP/1.1 200 OK\n" + date + "Content-Length: 5\nContent-Length: 6\n\nhello", []Note{
			note(Error, "Content-Length", "RFC 9112 §6.3", "Content-Length is sent several times with different values; a client cannot tell where the content ends.")}},
		{"Location not a URI", "HTTP/1.1 302 Found\n" + date + "Location: /a b\n\n", []Note{
			note(Error, "Location", "RFC 9110 §10.2.2", `Location "/a b" is not a valid URI reference.`)}},
		{"Location twice", "HTTP/1.1 302 Found\n" + date + "Location: /a\nLocation: /b\n\n", []Note{
			note(Error, "Location", "RFC 9110 §10.2.2", "Location is sent 2 times; a client cannot tell which to follow.")}},
		{"206 malformed Content-Range", "HTTP/1.1 206 Partial Content\n" + date + "Content-Range: bytes 100-0/1000\n\n", []Note{
			note(Error, "Content-Range", "RFC 9110 §14.4", `Content-Range "bytes 100-0/1000" is not "bytes FIRST-LAST/LENGTH" with FIRST ≤ LAST < LENGTH.`)}},
		{"307 Retry-After", "HTTP/1.1 307 Temporary Redirect\n" + date + "Location: /queue\nRetry-After: 5\n\n", []Note{
			note(Info, "Retry-After", "RFC 9110 §10.2.3", "Wait before following the redirect: in 5 s.")}},
		{"unusual phrase", "HTTP/1.1 404 Page Gone Fishing\n" + date + "\n", []Note{
			note(Info, "", "RFC 9112 §4", `The reason phrase "Page Gone Fishing" is not the usual one (Not Found); clients ignore the phrase, so only the code counts.`)}},
		{"former phrase", "HTTP/1.1 413 Request Entity Too Large\n" + date + "\n", nil},
		{"CONNECT tunnel", "HTTP/1.1 200 Connection established\n\n", []Note{
			note(Info, "", "RFC 9110 §9.3.6", "This is a proxy's answer to CONNECT: the tunnel is open, and the server's own response follows.")}},
		{"line that is not a field", "HTTP/1.1 200 OK\n" + date + "X-Debug true\n\n", []Note{
			note(Warn, "", "RFC 9112 §5", `The line "X-Debug true" is not a header field (name: value); it is ignored here, and clients may reject the response.`)}},
		{"load balancer's own 502", "HTTP/2 502\nserver: awselb/2.0\ndate: Wed, 25 Nov 2026 09:12:44 GMT\n\n", []Note{
			note(Info, "", "", "Its access log tells the two apart: elb_status_code against target_status_code.")}},
		{"S3's own 503", "HTTP/1.1 503 Slow Down\nServer: AmazonS3\n" + date + "\n", nil},
		{"502 through a CDN", "HTTP/2 502\nserver: cloudflare\ncf-ray: 8e5f1c2a3b4d5e6f-FRA\n\n", []Note{
			note(Info, "Server", "", "The response passed through Cloudflare (Server: cloudflare; CF-RAY: 8e5f1c2a3b4d5e6f-FRA): the 502 may come from it or from the server behind it; a request straight to that server tells which.")}},
		{"Cloudflare's own code", "HTTP/2 521\nserver: cloudflare\ncf-ray: 8e5f1c2a3b4d5e6f-FRA\n\n", []Note{
			note(Warn, "", "RFC 9110 §15", "521 is not in the IANA registry but a vendor code (Cloudflare). Clients that do not know it treat it as 500 Internal Server Error."),
			note(Info, "", "", "The CF-RAY ID finds the request in Cloudflare's logs.")}},
		{"a code with two meanings", "HTTP/2 499\n\n", []Note{
			note(Warn, "", "RFC 9110 §15", "499 is not in the IANA registry but a vendor code (nginx). Clients that do not know it treat it as 400 Bad Request."),
			note(Info, "", "", "499 has other meanings too: Token Required (Esri ArcGIS), Client Closed Request (Google APIs), Client Closed Request (Traefik). Neither the reason phrase nor a header field says which one this is.")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := explainString(t, crlf(tc.in))
			got := rep.Results[len(rep.Results)-1].Notes
			if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("notes:\n%v\nwant:\n%v", got, tc.want)
			}
		})
	}
}

func TestEarlyHintsWithoutLink(t *testing.T) {
	rep := explainString(t, crlf("HTTP/1.1 103 Early Hints\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"))
	want := []Note{note(Info, "Link", "RFC 8297 §2", "Early Hints are sent for their Link fields (preload, preconnect); without one this response hints at nothing.")}
	if got := rep.Results[0].Notes; !slices.Equal(got, want) {
		t.Errorf("notes %v, want %v", got, want)
	}
	rep = explainString(t, crlf("HTTP/1.1 103 Early Hints\nLink: </app.css>; rel=preload; as=style\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"))
	if got := rep.Results[0].Notes; len(got) != 0 {
		t.Errorf("103 with Link: notes %v", got)
	}
}

// The informational note httplint gives 103, 208 and most 4xx and 5xx is
// the entry's summary, which every result carries.
func TestEveryKnownCodeHasItsSummary(t *testing.T) {
	for _, code := range []int{103, 208, 403, 404, 409, 410, 421, 425, 428, 431, 451, 500, 501, 502, 504, 508, 511} {
		rep := explainString(t, fmt.Sprintf("HTTP/1.1 %d X\r\n\r\n", code))
		if e := rep.Results[0].Entry; e == nil || e.Code != code || e.Summary == "" {
			t.Errorf("%d: entry %v", code, e)
		}
	}
}

func TestDuration(t *testing.T) {
	for secs, want := range map[int64]string{
		0: "0 s", 1: "1 s", 59: "59 s", 60: "1 min", 90: "1 min 30 s", 120: "2 min", 3600: "1 h",
		5400: "1 h 30 min", 86400: "1 day", 90000: "1 day 1 h", 172800: "2 days", maxSeconds + 1: "more than 3650 days",
	} {
		if got := duration(secs); got != want {
			t.Errorf("duration(%d) = %q, want %q", secs, got, want)
		}
	}
}

func TestRetryAfterOverflow(t *testing.T) {
	rep := explainString(t, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999999999999999999\r\n\r\n")
	want := note(Info, "Retry-After", "RFC 9110 §10.2.3", "Retry in more than 3650 days (99999999999999999999999 s).")
	if got := rep.Results[0].Notes; len(got) != 1 || got[0] != want {
		t.Errorf("notes %v, want %v", got, want)
	}
}

// The text output names a note's field only when its message does not, so
// every rule's message must name its field.
func TestRuleMessagesNameTheirField(t *testing.T) {
	rules := 0
	for _, s := range data.Load().All() {
		for _, r := range s.Rules {
			rules++
			if !strings.Contains(r.Message, r.Header) {
				t.Errorf("%s: the message of the %s rule does not name %s", s.Title(), r.Expect, r.Header)
			}
		}
	}
	for _, r := range data.ClassRules() {
		rules++
		if !strings.Contains(r.Message, r.Header) {
			t.Errorf("%v: the message of the %s rule does not name %s", r.Status, r.Expect, r.Header)
		}
	}
	if rules < 25 {
		t.Errorf("the catalog has %d rules", rules)
	}
}

// The three forms of an HTTP date RFC 9110 §5.6.7 accepts read alike.
func TestParseHTTPDate(t *testing.T) {
	want := time.Date(1994, 11, 6, 8, 49, 37, 0, time.UTC)
	for _, s := range []string{"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"} {
		if got, err := parseHTTPDate(s); err != nil || !got.Equal(want) {
			t.Errorf("parseHTTPDate(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := parseHTTPDate("yesterday"); err == nil {
		t.Error("a date that is not an HTTP date must be an error")
	}
}
