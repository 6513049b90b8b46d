package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/httpstatus-dev/httpstatus/data"
)

// cli runs the command as a script would: stdin and stdout are not
// terminals, the environment is pinned.
func cli(t *testing.T, env []string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errw bytes.Buffer
	status = runStreams(args, streams{in: strings.NewReader(""), out: &out, err: &errw, env: env})
	return out.String(), errw.String(), status
}

func TestOutputGolden(t *testing.T) {
	for name, args := range map[string][]string{
		"card_404":         {"404"},
		"card_499":         {"499"},
		"lines_4xx":        {"4xx"},
		"lines_50x":        {"50x"},
		"search_ratelimit": {"rate", "limit"},
	} {
		t.Run(name, func(t *testing.T) {
			out, errw, status := cli(t, nil, args...)
			if status != 0 || errw != "" {
				t.Fatalf("status %d, stderr %q", status, errw)
			}
			if strings.Contains(out, "\x1b") {
				t.Error("escape codes in piped output")
			}
			golden.RequireEqual(t, out)
		})
	}
}

func TestExitStatusAndMessages(t *testing.T) {
	huge := strings.Repeat("a", 1<<20)
	for _, tc := range []struct {
		args   []string
		status int
		stderr string // exact, or a prefix when it ends in "…"
	}{
		{[]string{"404"}, 0, ""},
		{[]string{"000"}, 0, ""},
		{[]string{"4xx"}, 0, ""},
		{[]string{"40x"}, 0, ""},
		{[]string{"4"}, 0, ""},
		{[]string{"teapot"}, 0, ""},
		{[]string{"250"}, 1, "httpstatus: no status 250; nearest: 226, 299\n"},
		{[]string{"301", "308"}, 0, ""},
		{[]string{"301", "250", "308"}, 1, "httpstatus: no status 250; nearest: 226, 299\n"},
		{[]string{"1234"}, 1, "httpstatus: no status or Cloudflare error 1234 (HTTP status codes run from 100 to 599); nearest: 999\n"},
		{[]string{"9xx"}, 0, ""}, // LinkedIn's 999
		{[]string{"99"}, 0, ""},
		{[]string{"8xx"}, 1, "httpstatus: no status matches 8xx (HTTP status codes run from 100 to 599)\n"},
		{[]string{"6"}, 1, "httpstatus: no status matches 6xx (HTTP status codes run from 100 to 599)\n"},
		{[]string{"xyzzy"}, 1, "httpstatus: nothing matches \"xyzzy\"; try fewer words, a code (404) or a class (4xx)\n"},
		{[]string{"rm", "-rf", "/;", "id"}, 2, "httpstatus: unknown shorthand flag: 'r' in -rf…"},
		{[]string{""}, 2, "httpstatus: query is empty…"},
		{[]string{"   "}, 2, "httpstatus: query is empty…"},
		{[]string{"/"}, 2, "httpstatus: query \"/\" has no letters or digits…"},
		{[]string{"--", "-"}, 2, "httpstatus: query \"-\" has no letters or digits…"},
		{[]string{"-"}, 2, "httpstatus: query \"-\" has no letters or digits…"},
		// Log fields typed without quotes are the query, not flags.
		{[]string{"-1", "-1", "-1", "502", "-"}, 0, ""},
		{[]string{"--json", "-1", "-1", "-1", "502", "-"}, 0, ""},
		{[]string{"-1 -1 -1 502 -"}, 0, ""},
		{[]string{"-", "-", "499", "-1", "--bogus"}, 0, ""}, // beside log fields, an unknown flag is a word
		// A message pasted without quotes keeps its arrows and its own options.
		{strings.Fields("Could not transfer artifact: Not authorized , ReasonPhrase:Unauthorized. -> [Help 1]"), 0, ""},
		{strings.Fields(`error: error validating "x.yaml": the server could not find the requested resource; turn validation off with --validate=false`), 0, ""},
		{[]string{"rate", "limit", "--bogus"}, 2, "httpstatus: unknown flag: --bogus…"}, // a typed query with a typo still says so
		{[]string{"."}, 2, "httpstatus: query \".\" has no letters or digits…"},
		{[]string{":"}, 2, "httpstatus: query \":\" has no letters or digits…"},
		{[]string{huge}, 2, "httpstatus: query is too long (1048576 bytes; at most 65536)\n"},
		{[]string{"a\x01b"}, 2, "httpstatus: query contains control characters\n"},
		{[]string{"\xff\xfe"}, 2, "httpstatus: query is not valid UTF-8\n"},
		{[]string{"--color=sometimes", "404"}, 2, "httpstatus: invalid argument \"sometimes\" for \"--color\" flag…"},
		{[]string{"-i", "teapot"}, 2, "httpstatus: the explorer needs a terminal; drop -i to print instead…"},
		{[]string{"serve", "extra"}, 2, "httpstatus: unknown command \"extra\" for \"httpstatus serve\"…"},
	} {
		name := strings.Join(tc.args, " ")
		_, errw, status := cli(t, nil, tc.args...)
		if status != tc.status {
			t.Errorf("%.40q: status %d, want %d (stderr %q)", name, status, tc.status, errw)
		}
		if prefix, ok := strings.CutSuffix(tc.stderr, "…"); ok {
			if !strings.HasPrefix(errw, prefix) {
				t.Errorf("%.40q: stderr %q, want it to start %q", name, errw, prefix)
			}
		} else if errw != tc.stderr {
			t.Errorf("%.40q: stderr %q, want %q", name, errw, tc.stderr)
		}
	}
}

func TestJSON(t *testing.T) {
	out, _, status := cli(t, nil, "--json", "4xx")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	var official []float64
	for _, e := range entries {
		if code := e["code"].(float64); code < 400 || code > 499 {
			t.Errorf("4xx printed %v", code)
		} else if e["official"] == true {
			official = append(official, code)
		}
	}
	// The 4xx codes of the IANA registry, each once and in order.
	want := []float64{400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
		416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451}
	if !slices.Equal(official, want) {
		t.Errorf("4xx official codes %v, want %v", official, want)
	}
	fields := []string{"code", "phrase", "category", "official", "source", "deprecated", "temporary", "folklore", "aliases", "keywords",
		"summary", "description", "headers", "related", "cacheable", "references", "checked", "constants", "constant_notes",
		"example", "subcodes", "rules", "deprecation", "terms", "read"}
	for _, e := range entries {
		var keys []string
		for k := range e {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		w := slices.Clone(fields)
		slices.Sort(w)
		if !slices.Equal(keys, w) {
			t.Fatalf("%v: fields %v, want %v", e["code"], keys, w)
		}
		if e["read"] != nil {
			t.Errorf("%v: a class reads nothing, read is %v", e["code"], e["read"])
		}
		for _, k := range []string{"aliases", "keywords", "headers", "related", "references", "subcodes", "rules", "terms"} {
			if _, ok := e[k].([]any); !ok {
				t.Errorf("%v: %s is %T, want an array", e["code"], k, e[k])
			}
		}
		for _, k := range []string{"constants", "constant_notes"} {
			if _, ok := e[k].(map[string]any); !ok {
				t.Errorf("%v: %s is %T, want an object", e["code"], k, e[k])
			}
		}
		if c := e["code"].(float64); c < 400 || c > 499 {
			t.Errorf("4xx returned %v", c)
		}
	}
	var one []struct {
		Code       int    `json:"code"`
		Phrase     string `json:"phrase"`
		References []struct{ Title, URL string }
	}
	out, _, _ = cli(t, nil, "--json", "413")
	if err := json.Unmarshal([]byte(out), &one); err != nil || len(one) != 1 || one[0].Phrase != "Content Too Large" ||
		one[0].References[0].URL != "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14" {
		t.Errorf("--json 413: %+v %v", one, err)
	}
	for _, q := range []string{"250", "xyzzy"} {
		out, _, status = cli(t, nil, "--json", q)
		if out != "[]\n" || status != 1 {
			t.Errorf("--json %s: %q status %d, want [] and 1", q, out, status)
		}
	}
}

func TestSeveralCodesPrintACardEach(t *testing.T) {
	out, _, _ := cli(t, nil, "301", "250", "499")
	// A card's title line is followed by its class line ("3xx Redirection").
	var titles []string
	lines := strings.Split(out, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if next := lines[i+1]; len(next) > 4 && next[1:4] == "xx " {
			titles = append(titles, lines[i])
		}
	}
	// One card per known code, of its first meaning in catalog order; 250
	// has none. The other meanings of 499 are listed below its card.
	want := []string{data.Load().Lookup(301)[0].Title(), data.Load().Lookup(499)[0].Title()}
	if !slices.Equal(titles, want) {
		t.Errorf("cards %q, want %q", titles, want)
	}
	others := data.Load().Lookup(499)[1:]
	if len(others) < 2 || !strings.Contains(out, "Other meanings of 499; add the vendor for its card (httpstatus 499 esri):") {
		t.Fatalf("no list of 499's other meanings:\n%s", out)
	}
	for _, s := range others {
		if !strings.Contains(out, "499  "+s.Phrase+" ["+s.Source+"]") {
			t.Errorf("499's list lacks %s", s.Title())
		}
	}
	// A vendor's name picks its meaning; the standard one is then listed.
	out, _, _ = cli(t, nil, "503", "varnish")
	if !strings.HasPrefix(out, "503 Backend Fetch Failed\n") || !strings.Contains(out, "503  Service Unavailable  ") {
		t.Errorf("503 varnish:\n%s", out)
	}
}

func TestNoQueryPrintsTheCatalog(t *testing.T) {
	out, _, status := cli(t, nil)
	if status != 0 || strings.Count(out, "\n") != data.Load().Len() {
		t.Errorf("status %d, %d lines for %d entries", status, strings.Count(out, "\n"), data.Load().Len())
	}
}

func TestColour(t *testing.T) {
	for _, tc := range []struct {
		env   []string
		args  []string
		color bool
	}{
		{nil, []string{"404"}, false},
		{[]string{"TERM=xterm-256color"}, []string{"--color=always", "404"}, true},
		{[]string{"NO_COLOR=1", "TERM=xterm-256color"}, []string{"--color=always", "404"}, true},
		{[]string{"TERM=xterm-256color"}, []string{"--color=never", "404"}, false},
		{[]string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}, []string{"404"}, true},
		{[]string{"TERM=xterm-256color", "CLICOLOR_FORCE=1", "NO_COLOR=1"}, []string{"404"}, false},
	} {
		out, _, _ := cli(t, tc.env, tc.args...)
		if got := strings.Contains(out, "\x1b["); got != tc.color {
			t.Errorf("%v %v: colour %v, want %v", tc.env, tc.args, got, tc.color)
		}
	}
}

func TestCompletion(t *testing.T) {
	out, _, status := cli(t, nil, "__complete", "40")
	if status != 0 || !strings.Contains(out, "404\tNot Found\n") || strings.Contains(out, "500\t") {
		t.Errorf("completion of 40: status %d\n%s", status, out)
	}
	out, _, _ = cli(t, nil, "__complete", "49")
	if strings.Count(out, "499\t") != 1 {
		t.Errorf("a code with two entries must be offered once:\n%s", out)
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		out, _, status := cli(t, nil, "completion", shell)
		if status != 0 || !strings.Contains(out, "httpstatus") {
			t.Errorf("completion %s: status %d, %d bytes", shell, status, len(out))
		}
	}
}

// What --version prints, whatever build the test binary is: a version (a
// tag, a Go pseudo-version or (devel)), then what is known of the commit.
func TestVersion(t *testing.T) {
	line := regexp.MustCompile(`^httpstatus (v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?|\(devel\))` +
		`( \((commit [0-9a-f]{12}(-dirty)?)?(, )?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?\))?\n$`)
	for _, flag := range []string{"--version", "-v"} {
		out, errw, status := cli(t, nil, flag)
		if !line.MatchString(out) || errw != "" || status != 0 {
			t.Errorf("%s: %q %q status %d", flag, out, errw, status)
		}
	}
	out, _, status := cli(t, nil, "--version", "--json")
	var info map[string]string
	if err := json.Unmarshal([]byte(out), &info); err != nil || status != 0 {
		t.Fatalf("--version --json: %v, status %d:\n%s", err, status, out)
	}
	if keys := slices.Sorted(maps.Keys(info)); !slices.Equal(keys, []string{"commit", "date", "go", "platform", "version"}) {
		t.Errorf("--version --json keys %v", keys)
	}
	if info["go"] != runtime.Version() || info["platform"] != runtime.GOOS+"/"+runtime.GOARCH || info["version"] == "" {
		t.Errorf("--version --json: %v", info)
	}
}

// Where a version comes from: a release build's -ldflags, else what the Go
// toolchain recorded for `go install ...@v1.2.3` or a build in a clone.
func TestResolveBuildInfo(t *testing.T) {
	vcs := func(rev, modified, when string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: when}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name                  string
		bi                    *debug.BuildInfo
		version, commit, date string // -ldflags
		want                  string
	}{
		{"release build", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "v1.2.3", "0123456789ab", "2026-12-04T17:42:00Z",
			"v1.2.3 (commit 0123456789ab, 2026-12-04T17:42:00Z)"},
		{"go install @v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "", "", "", "v1.2.3"},
		{"go build in a clean clone", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261204174200-0123456789ab"}, Settings: vcs(rev, "false", "2026-12-04T17:42:00Z")}, "", "", "",
			"v0.0.0-20261204174200-0123456789ab (commit 0123456789ab, 2026-12-04T17:42:00Z)"},
		{"go build with changes", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261204174200-0123456789ab+dirty"}, Settings: vcs(rev, "true", "2026-12-04T17:42:00Z")}, "", "", "",
			"v0.0.0-20261204174200-0123456789ab+dirty (commit 0123456789ab-dirty, 2026-12-04T17:42:00Z)"},
		{"-buildvcs=false", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "", "", "", "(devel)"},
		{"no build info", nil, "", "", "", "(devel)"},
	} {
		if got := resolveBuildInfo(tc.bi, tc.version, tc.commit, tc.date).String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
