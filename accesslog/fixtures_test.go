package accesslog

import (
	"bufio"
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

// meaning is what a fixture's code must mean: the catalog entry's source
// ("-" for no entry), a vendor detail counted with it, a note.
type meaning struct {
	code   int
	source string
	flag   string
	flagN  int64
	note   bool
	sub    string // IIS sub-code
}

// fixtures are the logs kept in testdata: real servers' (testdata/real,
// written by TestRealServers) and logs written from each vendor's field
// documentation (testdata/documented, the document cited in each). Their
// true counts per code are in NAME.counts beside them.
var fixtures = map[string]struct {
	format   string // the format every status line is read as
	meanings []meaning
}{
	"real/nginx-combined.log": {"combined", []meaning{
		{code: 499, source: "nginx", note: true},
		{code: 9, source: "-", note: true},
		{code: 414, source: "IANA"},
	}},
	"real/nginx-ingress.log": {"nginx-ingress", []meaning{
		{code: 502, source: "IANA", flag: "502, 502", flagN: 3},
		{code: 200, source: "IANA", flag: "502, 200", flagN: 2},
		{code: 413, source: "IANA", flag: "-", flagN: 2},
		{code: 499, source: "nginx"},
	}},
	"real/apache-combined.log":       {"combined", []meaning{{code: 503, source: "IANA"}}},
	"real/lighttpd.log":              {"combined", []meaning{{code: 413, source: "IANA"}}},
	"real/haproxy.log":               {"haproxy", []meaning{{code: 503, source: "IANA", flag: "SC", flagN: 3}, {code: 504, flag: "sH", flagN: 2, source: "IANA"}, {code: 403, source: "IANA", flag: "PR", flagN: 2}, {code: 400, source: "IANA", flag: "CR", flagN: 1}}},
	"real/squid-native.log":          {"squid", []meaning{{code: 0, source: "Squid", flag: "TCP_MISS_ABORTED", flagN: 2, note: true}, {code: 403, source: "IANA", flag: "TCP_DENIED", flagN: 2}}},
	"real/squid-combined.log":        {"squid-combined", []meaning{{code: 0, source: "Squid", flag: "TCP_MISS_ABORTED", flagN: 2}, {code: 403, source: "IANA", flag: "TCP_DENIED", flagN: 2}}},
	"real/varnishncsa.log":           {"varnishncsa", []meaning{{code: 503, source: "Varnish"}}},
	"real/caddy.json.log":            {"caddy-json", []meaning{{code: 0, source: "-", note: true}, {code: 502, source: "IANA"}}},
	"documented/alb.log":             {"alb", []meaning{{code: 502, source: "AWS ELB", flag: "target -", flagN: 3}, {code: 502, source: "IANA"}, {code: 460, source: "AWS ELB", note: true}, {code: 0, source: "AWS ELB"}}},
	"documented/elb-classic.log":     {"elb", []meaning{{code: 504, source: "AWS ELB", flag: "target -", flagN: 1}}},
	"documented/cloudfront.log":      {"cloudfront", []meaning{{code: 502, source: "Amazon CloudFront", flag: "OriginDnsError", flagN: 3}, {code: 0, source: "Amazon CloudFront"}}},
	"documented/envoy.log":           {"envoy", []meaning{{code: 503, source: "IANA", flag: "UF", flagN: 2}, {code: 0, source: "Envoy", flag: "DC", flagN: 1}, {code: 404, source: "IANA", flag: "NR", flagN: 1}}},
	"documented/istio.json.log":      {"istio-json", []meaning{{code: 503, source: "IANA", flag: "UH", flagN: 1}, {code: 504, source: "IANA", flag: "UT", flagN: 1}}},
	"documented/iis.log":             {"iis", []meaning{{code: 404, sub: "404.3", source: "IANA"}, {code: 401, sub: "401.2", source: "IANA", flag: "2148074254", flagN: 2}, {code: 200, source: "IANA", flag: "64", flagN: 1}}},
	"documented/cloudflare.json.log": {"cloudflare", []meaning{{code: 522, source: "Cloudflare", flag: "origin 0", flagN: 1}, {code: 502, source: "IANA", flag: "origin 502", flagN: 1}}},
	"documented/gcp-lb.json.log":     {"gcp-lb", []meaning{{code: 502, source: "Google Cloud Load Balancing", flag: "failed_to_connect_to_backend", flagN: 1}}},
	"documented/heroku.log":          {"heroku-router", []meaning{{code: 503, source: "IANA", flag: "H12", flagN: 2}}},
	"documented/traefik.json.log":    {"traefik-json", []meaning{{code: 502, source: "IANA", flag: "origin 0", flagN: 1}}},
	"documented/traefik-clf.log":     {"traefik-clf", []meaning{{code: 404, source: "IANA"}}},
	"documented/pino.json.log":       {"json", []meaning{{code: 500, source: "IANA"}}},
	"documented/slog.logfmt.log":     {"logfmt", []meaning{{code: 429, source: "IANA"}}},
}

func readCounts(t *testing.T, path string) map[int]int64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]int64{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		code, err1 := strconv.Atoi(f[0])
		n, err2 := strconv.ParseInt(f[1], 10, 64)
		if len(f) != 2 || err1 != nil || err2 != nil {
			t.Fatalf("%s: bad line %q", path, line)
		}
		want[code] = n
	}
	return want
}

// Every fixture's counts per code are its true counts, every status line
// is read as its format, and its codes mean what the vendor means.
func TestFixtures(t *testing.T) {
	cat := data.Load()
	for name, fx := range fixtures {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			want := readCounts(t, path+".counts")
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			c := NewCounts()
			if _, err := c.Read(f, Options{Workers: 2}); err != nil {
				t.Fatal(err)
			}
			got := map[int]int64{}
			for k, tl := range c.tallies {
				got[k.code] += tl.n
			}
			if !maps.Equal(got, want) {
				t.Errorf("counts per code\n got %v\nwant %v", got, want)
			}
			s := c.Summary(cat)
			if len(s.Formats) != 1 || s.Formats[0].Format.Name != fx.format {
				var names []string
				for _, f := range s.Formats {
					names = append(names, f.Format.Name+"="+strconv.FormatInt(f.Lines, 10))
				}
				t.Errorf("formats %v, want only %s", names, fx.format)
			}
			for _, m := range fx.meanings {
				checkMeaning(t, s, m)
			}
		})
	}
}

func checkMeaning(t *testing.T, s *Summary, m meaning) {
	t.Helper()
	for _, st := range s.Statuses {
		source := "-"
		if st.Entry != nil {
			source = st.Entry.Source
		}
		if st.Code != m.code || st.SubCode != m.sub || source != m.source {
			continue
		}
		if m.sub != "" && st.Sub == nil {
			t.Errorf("%s: the catalog's sub-code is not found", m.sub)
		}
		if m.note && st.Note == "" {
			t.Errorf("%03d has no note", m.code)
		}
		if m.flag != "" {
			found := false
			for _, f := range st.Flags {
				if f.Name == m.flag {
					found = true
					if f.Count != m.flagN {
						t.Errorf("%03d flag %q counted %d, want %d", m.code, m.flag, f.Count, m.flagN)
					}
					if f.Meaning == "" {
						t.Errorf("%03d flag %q is not explained", m.code, m.flag)
					}
				}
			}
			if !found {
				t.Errorf("%03d lacks flag %q: %+v", m.code, m.flag, st.Flags)
			}
		}
		return
	}
	var rows []string
	for _, st := range s.Statuses {
		if st.Code == m.code && st.Entry != nil {
			rows = append(rows, st.Entry.Source)
		}
	}
	t.Errorf("no row for %03d %s meaning %s's entry; rows for it: %v", m.code, m.sub, m.source, rows)
}
