package data

import (
	"bufio"
	"net/textproto"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readCapture(t *testing.T, name string) []*Response {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "explain", "testdata", "real", "captures", name))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ReadResponses(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rs
}

// When no response came, curl says so, and that is read as a response
// with code 0: alone (-sS), after the request it sent (-v), or after a
// redirect it was following. A line like it anywhere else is content.
func TestNoResponse(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		codes    []int
		line     string // of the last
		exit     int
		method   string
	}{
		{"curl -sS", "curl: (52) Empty reply from server\n", []int{0}, "curl: (52) Empty reply from server", 52, ""},
		{"after a redirect", "HTTP/1.1 302 Found\r\nLocation: /next\r\n\r\ncurl: (52) Empty reply from server\n", []int{302, 0}, "curl: (52) Empty reply from server", 52, ""},
		{"curl -sv", "* Connected to h (127.0.0.1) port 80 (#0)\n> GET /drop HTTP/1.1\n> Host: h\n>\n* Empty reply from server\n* Closing connection 0\ncurl: (52) Empty reply from server\n", []int{0}, "Empty reply from server", 52, "GET"},
		{"HTTP/0.9 refused", "> GET /g HTTP/1.1\n> Host: h\n>\n* Received HTTP/0.9 when not allowed\n", []int{0}, "Received HTTP/0.9 when not allowed", 1, "GET"},
		{"refused connection", "curl: (7) Failed to connect to 127.0.0.1 port 26009 after 0 ms: Couldn't connect to server\n", []int{0}, "curl: (7) Failed to connect to 127.0.0.1 port 26009 after 0 ms: Couldn't connect to server", 7, ""},
		{"after a final response", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\ncurl: (56) Recv failure: Connection reset by peer\n", []int{200}, "HTTP/1.1 200 OK", 0, ""},
		{"a remark in content", "HTTP/1.1 200 OK\r\n\r\n* Empty reply from server\n", []int{200}, "HTTP/1.1 200 OK", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := ReadResponses(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var codes []int
			for _, r := range rs {
				codes = append(codes, r.Code)
			}
			last := rs[len(rs)-1]
			exit, method := 0, ""
			if last.Failure != nil {
				exit = last.Failure.Exit
			}
			if last.Request != nil {
				method = last.Request.Method
			}
			if !reflect.DeepEqual(codes, tc.codes) || last.Line != tc.line || exit != tc.exit || method != tc.method {
				t.Errorf("codes %v, last %q (exit %d, request %q)", codes, last.Line, exit, method)
			}
		})
	}
	// A query holding curl's words means 000, as explain reads it.
	q := ParseQuery("curl: (52) Empty reply from server")
	if !reflect.DeepEqual(q.Codes, []string{"000"}) || len(q.Heads) != 1 || q.Heads[0].Failure == nil {
		t.Errorf("query codes %v, heads %v", q.Codes, q.Heads)
	}
}

// curl -v writes the content after its remarks; it is the last response's.
func TestVerboseContent(t *testing.T) {
	r := readCapture(t, "lighttpd-503-dead-upstream.curl-sv.txt")[0]
	if !strings.HasPrefix(r.BodyStart, `<?xml version="1.0" encoding="iso-8859-1"?>`) || !strings.HasSuffix(r.BodyStart, "</html>") ||
		strings.Contains(r.BodyStart, "bytes data") || strings.Contains(r.BodyStart, "left intact") || r.Body != -1 {
		t.Errorf("body %d, start %q", r.Body, r.BodyStart)
	}
}

// The head reader gives what net/textproto gives for the fields of a head,
// and keeps apart what is not a field, where textproto would stop.
func TestParseHeader(t *testing.T) {
	heads := []string{
		"Server: nginx\r\nContent-Type: text/html\r\n",
		"server: nginx\r\ncontent-type:text/html  \r\nx-padding: a\r\nx-padding: b\r\n",
		"X-Long: one\r\n two\r\n\tthree\r\nVia: 1.1 a\r\n",
		"WWW-Authenticate: Basic realm=\"a\"\r\nwww-authenticate: Bearer\r\n",
		"Empty:\r\nCf-Ray: 8e5f-FRA\r\n",
	}
	for _, head := range heads {
		want, err := textproto.NewReader(bufio.NewReader(strings.NewReader(head + "\r\n"))).ReadMIMEHeader()
		if err != nil {
			t.Fatal(err)
		}
		got, malformed := parseHeader(strings.Split(strings.TrimSuffix(strings.ReplaceAll(head, "\r\n", "\n"), "\n"), "\n"))
		if !reflect.DeepEqual(got, want) || len(malformed) != 0 {
			t.Errorf("%q: %v (%v), want %v", head, got, malformed, want)
		}
	}
	got, malformed := parseHeader([]string{"Server: a", "not a field", " folded after it", "Date: x"})
	if !reflect.DeepEqual(got, textproto.MIMEHeader{"Server": {"a"}, "Date": {"x"}}) || !reflect.DeepEqual(malformed, []string{"not a field", " folded after it"}) {
		t.Errorf("%v, malformed %q", got, malformed)
	}
}

// HAProxy's and Tomcat's heads have shapes of their own: lower-case field
// names in HTTP/1, a status line without a phrase.
func TestHeadShapes(t *testing.T) {
	for in, want := range map[string][2]bool{
		"HTTP/1.1 301 Moved Permanently\r\ncontent-length: 0\r\nlocation: /a\r\n\r\n": {true, false},
		"HTTP/1.1 301 Moved Permanently\r\nContent-Length: 0\r\n\r\n":                 {false, false},
		"HTTP/2 301\r\nlocation: /a\r\n\r\n":                                          {false, false},
		"HTTP/1.1 404 \r\nContent-Language: en\r\n\r\n":                               {false, true},
		"HTTP/1.1 404\r\n\r\n":                                                        {false, true},
	} {
		rs, err := ReadResponses(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := [2]bool{rs[0].lowerCase, noPhrase(rs[0])}; got != want {
			t.Errorf("%q: lower case, no phrase %v, want %v", in, got, want)
		}
	}
}
