package accesslog

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Real servers from Debian (nginx, Apache, HAProxy, Squid, Varnish,
// Caddy, lighttpd) run on loopback, configured with the log formats this
// package reads; a planned mix of traffic goes through each (successes,
// 304s, 404s, auth failures, bodies over the limit, dead and slow
// upstreams, clients that hang up); and the counts read from their logs
// must be the plan's: what each request was bound to be logged as, known
// without this package. With HTTPSTATUS_WRITE_FIXTURES=1 the logs are kept
// in testdata/real/, where TestRealFixtures reads them on every run.

// Ports of this test (25100-25199 on loopback).
const (
	backendAddr = "127.0.0.1:25100"
	http09Addr  = "127.0.0.1:25101" // answers without a status line
	deadAddr    = "127.0.0.1:25199" // nothing listens here
	deadAddr2   = "127.0.0.1:25198"
)

// step is requests of one kind and the status the server logs for them.
type step struct {
	name   string
	raw    string        // the request; "{host}" is replaced by the server's address
	hangup time.Duration // close after this long, without reading the response
	read   int           // with hangup: bytes to read first
	times  int
	want   int // the status logged
}

// common is what every server is sent through to the backend.
var common = []step{
	{name: "ok", raw: "GET /ok HTTP/1.1\r\nHost: {host}\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/123.0\r\n\r\n", times: 12, want: 200},
	{name: "query", raw: "GET /ok?page=2&sort=desc HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 200},
	{name: "not modified", raw: "GET /etag HTTP/1.1\r\nHost: {host}\r\nIf-None-Match: \"v1\"\r\n\r\n", times: 4, want: 304},
	{name: "missing", raw: "GET /missing HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 5, want: 404},
	{name: "auth", raw: "GET /private HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 401},
	{name: "error", raw: "GET /boom HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 500},
}

// server is one program, how to run it and what it is sent.
type server struct {
	name, bin string
	files     map[string]string // config files by name; DIR is the run's directory
	args      []string          // DIR replaced
	addr      string
	logs      map[string]string // log file in DIR -> fixture name
	stdoutLog string            // fixture name for what the program prints (HAProxy)
	steps     []step
	prepare   func(dir string) error
	companion []string // another program to run beside it (varnishncsa), DIR replaced
	// proxy: requests are sent as to a forward proxy (absolute URLs).
	proxy bool
	// probe is what the server logs for the connection that checks it is
	// up, opened and closed without a request (nil: nothing).
	probe []int
	// settle is how long the last requests take to reach the log.
	settle time.Duration
}

func servers() []server {
	return []server{
		{
			name: "nginx", bin: "nginx", addr: "127.0.0.1:25110",
			args: []string{"-p", "DIR", "-c", "DIR/nginx.conf", "-e", "DIR/error.log"},
			files: map[string]string{"nginx.conf": `daemon off;
worker_processes 1;
pid DIR/nginx.pid;
error_log DIR/error.log;
events {}
http {
  client_body_temp_path DIR/tmp; proxy_temp_path DIR/tmp; fastcgi_temp_path DIR/tmp;
  uwsgi_temp_path DIR/tmp; scgi_temp_path DIR/tmp;
  log_format ingress '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time [default-app-80] [] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $request_id';
  access_log DIR/access.log combined;
  access_log DIR/ingress.log ingress;
  upstream app { server 127.0.0.1:25100; }
  upstream retry { server 127.0.0.1:25199 max_fails=0; server 127.0.0.1:25100 backup; }
  upstream dead { server 127.0.0.1:25199 max_fails=0; server 127.0.0.1:25198 max_fails=0; }
  server {
    listen 127.0.0.1:25110;
    client_max_body_size 1k;
    large_client_header_buffers 2 1k;
    proxy_read_timeout 1s;
    location / { proxy_pass http://app; }
    location /retry { proxy_pass http://retry/ok; }
    location /dead { proxy_pass http://dead; }
    location /old { proxy_pass http://127.0.0.1:25101; }
  }
}
`},
			prepare: func(dir string) error { return os.MkdirAll(filepath.Join(dir, "tmp"), 0o755) },
			logs:    map[string]string{"access.log": "nginx-combined.log", "ingress.log": "nginx-ingress.log"},
			steps: append(slices.Clone(common),
				step{name: "too large", raw: "POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Length: 4096\r\n\r\n" + strings.Repeat("x", 4096), times: 2, want: 413},
				step{name: "dead upstream", raw: "GET /dead HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 502},
				step{name: "retried", raw: "GET /retry HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 200},
				step{name: "slow upstream", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 504},
				step{name: "hang-up", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", hangup: 300 * time.Millisecond, times: 2, want: 499},
				step{name: "spaces", raw: "GET /a b c HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 1, want: 400},
				step{name: "uri too long", raw: "GET /" + strings.Repeat("a", 2000) + " HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 1, want: 414},
				step{name: "tls to http", raw: "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", times: 1, want: 400},
				step{name: "http/0.9 upstream", raw: "GET /old HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 1, want: 9},
			),
		},
		{
			name: "apache2", bin: "apache2", addr: "127.0.0.1:25120",
			args: []string{"-d", "DIR", "-f", "DIR/httpd.conf", "-DFOREGROUND"},
			files: map[string]string{"httpd.conf": `ServerName localhost
Listen 127.0.0.1:25120
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule authn_core_module /usr/lib/apache2/modules/mod_authn_core.so
LoadModule authn_file_module /usr/lib/apache2/modules/mod_authn_file.so
LoadModule authz_user_module /usr/lib/apache2/modules/mod_authz_user.so
LoadModule auth_basic_module /usr/lib/apache2/modules/mod_auth_basic.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so
LoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so
TypesConfig /etc/mime.types
User nobody
Group nogroup
PidFile DIR/httpd.pid
Mutex file:DIR default
ErrorLog DIR/error.log
LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"" combined
CustomLog DIR/access.log combined
DocumentRoot DIR/www
<Directory DIR/www>
  Require all granted
</Directory>
<Location /secret>
  AuthType Basic
  AuthName "test"
  AuthUserFile DIR/htpasswd
  Require valid-user
</Location>
<Location /forbidden>
  Require all denied
</Location>
<Location /upload>
  LimitRequestBody 1024
</Location>
ProxyTimeout 1
ProxyPass /app/dead http://127.0.0.1:25199/
ProxyPass /app/ http://127.0.0.1:25100/
`},
			prepare: prepareDocroot,
			logs:    map[string]string{"access.log": "apache-combined.log"},
			steps: []step{
				{name: "ok", raw: "GET /ok.html HTTP/1.1\r\nHost: {host}\r\nUser-Agent: curl/8.5.0\r\n\r\n", times: 10, want: 200},
				{name: "not modified", raw: "GET /ok.html HTTP/1.1\r\nHost: {host}\r\nIf-Modified-Since: {now}\r\n\r\n", times: 4, want: 304},
				{name: "missing", raw: "GET /nope.html HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 6, want: 404},
				{name: "auth", raw: "GET /secret/ HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 401},
				{name: "forbidden", raw: "GET /forbidden HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 403},
				{name: "too large", raw: "POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Length: 4096\r\n\r\n" + strings.Repeat("x", 4096), times: 2, want: 413},
				{name: "proxied", raw: "GET /app/ok HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 5, want: 200},
				{name: "proxied error", raw: "GET /app/boom HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 500},
				{name: "dead upstream", raw: "GET /app/dead HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 503},
				// mod_proxy answers a read timeout with 502, not 504.
				{name: "slow upstream", raw: "GET /app/slow HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 502},
				{name: "hang-up on a big file", raw: "GET /big.bin HTTP/1.1\r\nHost: {host}\r\n\r\n", hangup: 50 * time.Millisecond, read: 100, times: 2, want: 200},
			},
		},
		{
			name: "haproxy", bin: "haproxy", addr: "127.0.0.1:25130",
			args: []string{"-db", "-f", "DIR/haproxy.cfg"},
			files: map[string]string{"haproxy.cfg": `global
  log stdout format raw local0
defaults
  mode http
  log global
  option httplog
  timeout connect 500ms
  timeout client 5s
  timeout server 3s
frontend fe
  bind 127.0.0.1:25130
  http-request deny if { path_beg /forbidden }
  use_backend dead if { path_beg /dead }
  use_backend strict if { path_beg /slow2 }
  default_backend app
backend app
  server s1 127.0.0.1:25100
backend strict
  timeout server 1s
  server s1 127.0.0.1:25100
backend dead
  server d1 127.0.0.1:25199 check inter 100ms
`},
			stdoutLog: "haproxy.log",
			probe:     []int{400}, // CR--: the client closed before a request
			settle:    1500 * time.Millisecond,
			steps: append(slices.Clone(common),
				step{name: "denied", raw: "GET /forbidden HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 403},
				step{name: "dead upstream", raw: "GET /dead HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 503},
				step{name: "slow upstream", raw: "GET /slow2 HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 504},
				// HAProxy waits for the server and logs its status, with
				// the termination state saying the client went away.
				step{name: "hang-up", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", hangup: 300 * time.Millisecond, times: 2, want: 200},
			),
		},
		{
			name: "squid", bin: "squid", addr: "127.0.0.1:25140", proxy: true,
			args: []string{"-N", "-f", "DIR/squid.conf"},
			files: map[string]string{"squid.conf": `http_port 127.0.0.1:25140
pid_filename DIR/squid.pid
cache_log DIR/cache.log
access_log DIR/access.log squid
access_log DIR/combined.log combined
cache_effective_user proxy
coredump_dir DIR
cache deny all
shutdown_lifetime 0 seconds
acl denied urlpath_regex ^/forbidden
acl localnet src 127.0.0.1
http_access deny denied
http_access allow localnet
http_access deny all
`},
			prepare: func(dir string) error { return chownTree(dir, "proxy") },
			probe:   []int{0}, // NONE_NONE/000 error:transaction-end-before-headers
			logs:    map[string]string{"access.log": "squid-native.log", "combined.log": "squid-combined.log"},
			steps: append(slices.Clone(common),
				step{name: "denied", raw: "GET /forbidden HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 403},
				step{name: "dead upstream", raw: "GET /x HTTP/1.1\r\nHost: {dead}\r\n\r\n", times: 2, want: 503},
				step{name: "hang-up", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", hangup: 300 * time.Millisecond, times: 2, want: 0},
			),
		},
		{
			name: "varnish", bin: "varnishd", addr: "127.0.0.1:25150",
			args: []string{"-F", "-n", "DIR/vn", "-a", "127.0.0.1:25150", "-f", "DIR/default.vcl", "-s", "malloc,16m", "-p", "first_byte_timeout=1"},
			files: map[string]string{"default.vcl": `vcl 4.1;
backend app { .host = "127.0.0.1"; .port = "25100"; }
backend dead { .host = "127.0.0.1"; .port = "25199"; }
sub vcl_recv {
  if (req.url ~ "^/dead") { set req.backend_hint = dead; }
  return (pass);
}
`},
			companion: []string{"varnishncsa", "-n", "DIR/vn", "-w", "DIR/access.log"},
			logs:      map[string]string{"access.log": "varnishncsa.log"},
			steps: append(slices.Clone(common),
				step{name: "dead upstream", raw: "GET /dead HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 503},
				step{name: "slow upstream", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 503},
			),
		},
		{
			name: "caddy", bin: "caddy", addr: "127.0.0.1:25160",
			args: []string{"run", "--config", "DIR/Caddyfile", "--adapter", "caddyfile"},
			files: map[string]string{"Caddyfile": `{
  admin off
  auto_https off
  storage file_system DIR/data
}
http://127.0.0.1:25160 {
  bind 127.0.0.1
  log {
    output file DIR/access.log
    format json
  }
  handle /dead* {
    reverse_proxy 127.0.0.1:25199
  }
  handle /static/* {
    root * DIR/www
    uri strip_prefix /static
    file_server
  }
  handle {
    reverse_proxy 127.0.0.1:25100 {
      transport http {
        response_header_timeout 1s
      }
    }
  }
}
`},
			prepare: prepareDocroot,
			logs:    map[string]string{"access.log": "caddy.json.log"},
			steps: append(slices.Clone(common),
				step{name: "static", raw: "GET /static/ok.html HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 200},
				step{name: "static missing", raw: "GET /static/nope.html HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 404},
				step{name: "dead upstream", raw: "GET /dead HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 502},
				step{name: "slow upstream", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 504},
				step{name: "hang-up", raw: "GET /slow HTTP/1.1\r\nHost: {host}\r\n\r\n", hangup: 300 * time.Millisecond, times: 2, want: 0},
			),
		},
		{
			name: "lighttpd", bin: "lighttpd", addr: "127.0.0.1:25170",
			args: []string{"-D", "-f", "DIR/lighttpd.conf"},
			files: map[string]string{"lighttpd.conf": `server.document-root = "DIR/www"
server.bind = "127.0.0.1"
server.port = 25170
server.errorlog = "DIR/error.log"
server.modules = ("mod_access", "mod_auth", "mod_authn_file", "mod_accesslog")
accesslog.filename = "DIR/access.log"
server.max-request-size = 1
url.access-deny = (".secret")
mimetype.assign = (".html" => "text/html", ".bin" => "application/octet-stream")
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "DIR/htpasswd"
auth.require = ("/private/" => ("method" => "basic", "realm" => "test", "require" => "valid-user"))
`},
			prepare: prepareDocroot,
			logs:    map[string]string{"access.log": "lighttpd.log"},
			steps: []step{
				{name: "ok", raw: "GET /ok.html HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 10, want: 200},
				{name: "not modified", raw: "GET /ok.html HTTP/1.1\r\nHost: {host}\r\nIf-Modified-Since: {now}\r\n\r\n", times: 3, want: 304},
				{name: "missing", raw: "GET /nope.html HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 4, want: 404},
				{name: "denied", raw: "GET /x.secret HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 2, want: 403},
				{name: "auth", raw: "GET /private/ HTTP/1.1\r\nHost: {host}\r\n\r\n", times: 3, want: 401},
				{name: "too large", raw: "POST /ok.html HTTP/1.1\r\nHost: {host}\r\nContent-Length: 4096\r\n\r\n" + strings.Repeat("x", 4096), times: 2, want: 413},
			},
		},
	}
}

// prepareDocroot writes the files static servers serve, dated an hour ago
// so that If-Modified-Since: now gets a 304.
func prepareDocroot(dir string) error {
	www := filepath.Join(dir, "www")
	if err := os.MkdirAll(filepath.Join(www, "private"), 0o755); err != nil {
		return err
	}
	files := map[string][]byte{
		"ok.html": []byte("<p>ok</p>\n"), "x.secret": []byte("s\n"), "private/index.html": []byte("p\n"),
		"big.bin": make([]byte, 8<<20),
	}
	past := time.Now().Add(-time.Hour)
	for name, b := range files {
		p := filepath.Join(www, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		if err := os.Chtimes(p, past, past); err != nil {
			return err
		}
	}
	// user "u", password "p"
	return os.WriteFile(filepath.Join(dir, "htpasswd"), []byte("u:$apr1$4vE1c/ei$PVtWAXBQPvpJhqEpd5pDq.\n"), 0o644)
}

func chownTree(dir, user string) error {
	out, err := exec.Command("chown", "-R", user, dir).CombinedOutput()
	if err != nil {
		return fmt.Errorf("chown: %v: %s", err, out)
	}
	return os.Chmod(dir, 0o755)
}

// startBackend runs the application every proxy forwards to, and a server
// that answers without a status line (HTTP/0.9).
func startBackend(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("/etag", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, "tagged\n")
	})
	mux.HandleFunc("/private", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
		w.WriteHeader(http.StatusUnauthorized)
	})
	mux.HandleFunc("/boom", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	slow := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(1500 * time.Millisecond):
			io.WriteString(w, "late\n")
		case <-r.Context().Done():
		}
	}
	mux.HandleFunc("/slow", slow)
	mux.HandleFunc("/slow2", slow)
	ln, err := net.Listen("tcp", backendAddr)
	if err != nil {
		t.Skipf("backend port: %v", err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	old, err := net.Listen("tcp", http09Addr)
	if err != nil {
		t.Skipf("backend port: %v", err)
	}
	go func() {
		for {
			c, err := old.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					l, err := br.ReadString('\n')
					if err != nil || l == "\r\n" {
						break
					}
				}
				io.WriteString(c, "hello from 1991\n")
			}()
		}
	}()
	t.Cleanup(func() { srv.Close(); old.Close() })
}

// send makes one request and returns the status received, or 0 for a
// hang-up or no response.
func send(addr string, st step, hostAddr string) int {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return -1
	}
	defer c.Close()
	raw := strings.NewReplacer("{host}", hostAddr, "{dead}", deadAddr, "{now}", time.Now().UTC().Format(http.TimeFormat)).Replace(st.raw)
	if !strings.Contains(raw, "Connection:") && strings.HasSuffix(raw, "\r\n\r\n") {
		raw = strings.TrimSuffix(raw, "\r\n") + "Connection: close\r\n\r\n"
	}
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		return -1
	}
	if st.hangup > 0 {
		if st.read > 0 {
			io.ReadFull(c, make([]byte, st.read))
		}
		time.Sleep(st.hangup)
		return 0
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestRealServers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers; not with -short")
	}
	startBackend(t)
	write := os.Getenv("HTTPSTATUS_WRITE_FIXTURES") == "1"
	for _, srv := range servers() {
		t.Run(srv.name, func(t *testing.T) {
			path, err := exec.LookPath(srv.bin)
			if err != nil {
				t.Skipf("%s is not installed (apt-get install %s)", srv.bin, srv.name)
			}
			dir := t.TempDir()
			// Servers drop privileges (Apache to nobody, Squid to proxy,
			// Varnish's compiler to vcache): let them reach the directory.
			for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
				if err := os.Chmod(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			run := runServer(t, srv, path, dir)
			want := map[int]int64{}
			for _, st := range srv.steps {
				for range st.times {
					host := srv.addr
					if srv.proxy {
						st.raw = strings.Replace(st.raw, "GET /", "GET http://{backend}/", 1)
						st.raw = strings.ReplaceAll(st.raw, "{backend}", backendAddr)
						if strings.Contains(st.raw, "{dead}") {
							st.raw = strings.Replace(st.raw, "http://"+backendAddr+"/", "http://{dead}/", 1)
						}
						host = backendAddr
					}
					send(srv.addr, st, host)
				}
				want[st.want] += int64(st.times)
			}
			for _, code := range srv.probe {
				want[code]++
			}
			time.Sleep(300*time.Millisecond + srv.settle) // the last hang-ups reach the logs
			stdout := run.stop()
			logs := maps.Clone(srv.logs)
			if srv.stdoutLog != "" {
				if err := os.WriteFile(filepath.Join(dir, "stdout.log"), stdout, 0o644); err != nil {
					t.Fatal(err)
				}
				logs = map[string]string{"stdout.log": srv.stdoutLog}
			}
			for file, fixture := range logs {
				b, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					t.Fatalf("%s wrote no %s: %v", srv.name, file, err)
				}
				got := countCodes(t, b)
				if !maps.Equal(got, want) {
					t.Errorf("%s: counts per code\n got %v\nwant %v\nlog:\n%s", fixture, got, want, b)
				}
				if write {
					if err := os.WriteFile(filepath.Join("testdata", "real", fixture), b, 0o644); err != nil {
						t.Fatal(err)
					}
					writeWant(t, fixture, want)
				}
			}
		})
	}
}

// running is a server started for a test.
type running struct {
	cmds   []*exec.Cmd
	stdout *strings.Builder
	done   chan struct{}
}

func runServer(t *testing.T, srv server, path, dir string) *running {
	t.Helper()
	repl := strings.NewReplacer("DIR", dir)
	if srv.prepare != nil {
		if err := srv.prepare(dir); err != nil {
			t.Fatal(err)
		}
	}
	for name, conf := range srv.files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(repl.Replace(conf)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if srv.name == "squid" { // the files it writes belong to its user
		if err := chownTree(dir, "proxy"); err != nil {
			t.Fatal(err)
		}
	}
	args := make([]string, len(srv.args))
	for i, a := range srv.args {
		args[i] = repl.Replace(a)
	}
	r := &running{stdout: &strings.Builder{}, done: make(chan struct{})}
	cmd := exec.Command(path, args...)
	cmd.Stdout = r.stdout
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", srv.bin, err)
	}
	r.cmds = append(r.cmds, cmd)
	go func() { cmd.Wait(); close(r.done) }()
	t.Cleanup(func() { r.stop() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", srv.addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-r.done:
			errlog, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("%s exited: %s%s", srv.bin, stderr.String(), errlog)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not listen on %s: %s", srv.bin, srv.addr, stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(srv.companion) > 0 {
		cargs := make([]string, len(srv.companion)-1)
		for i, a := range srv.companion[1:] {
			cargs[i] = repl.Replace(a)
		}
		c := exec.Command(srv.companion[0], cargs...)
		if err := c.Start(); err != nil {
			t.Fatalf("start %s: %v", srv.companion[0], err)
		}
		r.cmds = append(r.cmds, c)
		time.Sleep(500 * time.Millisecond) // varnishncsa attaches to the shared log
	}
	if srv.name == "haproxy" {
		time.Sleep(500 * time.Millisecond) // health checks find the dead server
	}
	return r
}

// stop ends the programs (companions first, so they read to the end) and
// returns what the server printed.
func (r *running) stop() []byte {
	for i := len(r.cmds) - 1; i >= 0; i-- {
		c := r.cmds[i]
		if c.Process == nil || c.ProcessState != nil {
			continue
		}
		c.Process.Signal(os.Interrupt)
		if i == 0 {
			select {
			case <-r.done:
			case <-time.After(5 * time.Second):
				c.Process.Kill()
				<-r.done
			}
		} else {
			time.Sleep(200 * time.Millisecond)
			c.Process.Kill()
			c.Wait()
		}
	}
	return []byte(r.stdout.String())
}

// countCodes reads a log and returns its lines per code.
func countCodes(t *testing.T, b []byte) map[int]int64 {
	t.Helper()
	c := NewCounts()
	if _, err := c.Read(strings.NewReader(string(b)), Options{}); err != nil {
		t.Fatal(err)
	}
	got := map[int]int64{}
	for k, tl := range c.tallies {
		got[k.code] += tl.n
	}
	return got
}

// writeWant records a fixture's true counts beside it.
func writeWant(t *testing.T, fixture string, want map[int]int64) {
	var b strings.Builder
	for _, code := range slices.Sorted(maps.Keys(want)) {
		fmt.Fprintf(&b, "%03d %d\n", code, want[code])
	}
	if err := os.WriteFile(filepath.Join("testdata", "real", fixture+".counts"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
