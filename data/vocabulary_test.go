package data

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// strictVocabularies decodes the whole file with the TOML decoder,
// rejecting any key the schema does not have.
func strictVocabularies(t *testing.T, src string) []strictVocabulary {
	t.Helper()
	var doc struct {
		Vocabulary []strictVocabulary `toml:"vocabulary"`
	}
	dec := toml.NewDecoder(strings.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc.Vocabulary
}

type strictVocabulary struct {
	Vocabulary
	Term []Term `toml:"term"`
}

// The lazy reading (key lines, then one table at a time) agrees with a
// strict decode of the whole file on every vocabulary and term.
func TestLazyVocabulariesMatchStrictParse(t *testing.T) {
	strict := strictVocabularies(t, vocabulariesTOML)
	v := loadVocabularies()
	if len(strict) != len(v.heads) {
		t.Fatalf("%d vocabularies, strictly %d", len(v.heads), len(strict))
	}
	i := int32(0)
	for vi, sv := range strict {
		h := v.heads[vi]
		if h.id != sv.ID || h.name != sv.Name || h.source != sv.Source || h.caseSensitive != sv.CaseSensitive || !reflect.DeepEqual(h.patterns, sv.Patterns) {
			t.Errorf("vocabulary %s: scanned %+v, strictly %+v", sv.ID, h, sv.Vocabulary)
		}
		got := v.vocabulary(vi)
		want := sv.Vocabulary
		nonNil(&want.Context)
		nonNil(&want.Patterns)
		nonNil(&want.References)
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("vocabulary %s: decoded %+v, strictly %+v", sv.ID, *got, want)
		}
		for _, st := range sv.Term {
			k := v.keys[i]
			if k.vocab != vi || k.name != st.Name || !slices.Equal(k.aliases, st.Aliases) || k.status != st.Status || !slices.Equal(k.also, st.Also) || k.meaning != st.Meaning {
				t.Errorf("%s %s: scanned %+v, strictly %+v", sv.ID, st.Name, k, st)
			}
			want := st
			want.fill(got)
			if d := v.term(i); !reflect.DeepEqual(*d, want) {
				t.Errorf("%s %s: decoded %+v, strictly %+v", sv.ID, st.Name, *d, want)
			}
			i++
		}
	}
	if int(i) != v.Len() {
		t.Errorf("%d terms, strictly %d", v.Len(), i)
	}
}

// vocabularySites is where each vocabulary's vendor publishes: a host (and
// its subdomains) or a host and path. A reference cannot drift to a blog
// or a copy.
var vocabularySites = map[string][]string{
	"kubernetes":     {"github.com/kubernetes/", "kubernetes.io"},
	"docker":         {"github.com/distribution/", "github.com/moby/", "github.com/opencontainers/", "docs.docker.com"},
	"oci":            {"github.com/opencontainers/", "github.com/distribution/"},
	"npm":            {"github.com/npm/", "docs.npmjs.com"},
	"aws":            {"docs.aws.amazon.com", "github.com/boto/"},
	"aws-apigateway": {"docs.aws.amazon.com"},
	"azure":          {"learn.microsoft.com"},
	"azure-storage":  {"learn.microsoft.com"},
	"grpc":           {"github.com/googleapis/", "github.com/grpc/", "google.aip.dev", "grpc.io", "cloud.google.com"},
	"stripe":         {"docs.stripe.com", "github.com/stripe/"},
	"anthropic":      {"platform.claude.com", "docs.claude.com", "github.com/anthropics/"},
	"openai":         {"developers.openai.com", "platform.openai.com", "github.com/openai/"},
	"github":         {"docs.github.com"},
	"slack":          {"docs.slack.dev", "api.slack.com"},
	"nginx":          {"nginx.org", "github.com/nginx/"},
	"apache":         {"httpd.apache.org", "github.com/apache/httpd/"},
	"git":            {"github.com/git/", "git-scm.com"},
	"express":        {"github.com/pillarjs/", "github.com/expressjs/", "expressjs.com"},
	"java":           {"github.com/openjdk/", "docs.oracle.com", "github.com/apache/httpcomponents-client/", "github.com/spring-projects/spring-framework/", "github.com/OpenFeign/feign/"},
	"envoy":          {"www.envoyproxy.io", "github.com/envoyproxy/"},
	"haproxy":        {"docs.haproxy.org", "www.haproxy.org", "github.com/haproxy/"},
	"heroku":         {"devcenter.heroku.com"},
	"vercel":         {"vercel.com/docs/"},
	"curl":           {"curl.se"},
	"node":           {"nodejs.org", "github.com/nodejs/", "github.com/axios/"},
	"fetch":          {"fetch.spec.whatwg.org", "github.com/nodejs/undici/", "developer.mozilla.org"},
	"undici":         {"github.com/nodejs/undici/"},
	"urllib3":        {"github.com/urllib3/", "urllib3.readthedocs.io", "github.com/psf/requests/", "github.com/python/cpython/", "docs.python.org"},
	"google":         {"developers.google.com", "cloud.google.com"},
	"chromium":       {"chromium.googlesource.com", "source.chromium.org", "developer.apple.com"},
	"go":             {"github.com/golang/go/", "go.dev", "pkg.go.dev"},
	"kong":           {"github.com/Kong/", "docs.konghq.com", "developer.konghq.com"},
	"azure-apim":     {"learn.microsoft.com"},
	"ruby":           {"github.com/ruby/", "docs.ruby-lang.org", "github.com/lostisland/faraday/"},
	"dotnet":         {"github.com/dotnet/", "learn.microsoft.com"},
	"reqwest":        {"github.com/seanmonstar/reqwest/", "github.com/hyperium/hyper/", "docs.rs"},
}

// constantNames are the last parts of the catalog's language constants
// (.NET's NotFound, Spring's NOT_FOUND): names that code everywhere
// prints, which no vocabulary can claim as its own.
func constantNames(c *Catalog) map[string]bool {
	out := map[string]bool{}
	for _, s := range c.All() {
		for _, v := range s.Constants {
			i := strings.LastIndexAny(v, ".:")
			out[v[i+1:]] = true
		}
	}
	return out
}

// vocabularyProblems lists what is wrong with one vocabulary and its
// terms, rule by rule.
func vocabularyProblems(c *Catalog, voc *Vocabulary, terms []*Term, constants map[string]bool) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, voc.ID+": "+fmt.Sprintf(format, args...)) }
	sites, known := vocabularySites[voc.ID]
	if !known {
		bad("no sites in vocabularySites")
	}
	onVendorSite := func(what, u string) {
		p, err := url.Parse(u)
		switch {
		case err != nil || p.Scheme != "https" || p.Host == "":
			bad("%s: %q is not an https URL", what, u)
		case !onAny(p, sites):
			bad("%s: %q is not on the vendor's sites %v", what, u, sites)
		}
	}
	if voc.Name == "" || voc.Source == "" {
		bad("no name or source")
	}
	if len(voc.References) == 0 {
		bad("no reference")
	}
	for _, r := range voc.References {
		if r.Title == "" {
			bad("reference %q has no title", r.URL)
		}
		onVendorSite("reference", r.URL)
	}
	if !checkedForm.MatchString(voc.Checked) {
		bad("checked %q is not a month like 2026-12", voc.Checked)
	}
	form, err := regexp.Compile(voc.Form)
	if err != nil || voc.Form == "" || !strings.HasPrefix(voc.Form, "^") || !strings.HasSuffix(voc.Form, "$") {
		bad("form %q is not an anchored regular expression", voc.Form)
		form = regexp.MustCompile(".*")
	}
	names := map[string]bool{}
	for _, p := range voc.Patterns {
		re, err := regexp.Compile(p.Find)
		if err != nil {
			bad("pattern %q: %v", p.Find, err)
			continue
		}
		hasTerm := slices.Contains(re.SubexpNames(), "term")
		if hasTerm == (p.Term != "") {
			bad("pattern %q: a group named term, or term = a name, not both or neither", p.Find)
		}
		if p.Term != "" && !slices.ContainsFunc(terms, func(t *Term) bool { return t.Name == p.Term }) {
			bad("pattern %q: term %q is not one of its names", p.Find, p.Term)
		}
	}
	for _, ctx := range voc.Context {
		if strings.TrimSpace(ctx) == "" || len(ctx) < 2 {
			bad("context %q says nothing", ctx)
		}
	}
	for _, t := range terms {
		name := voc.ID + " " + t.Name
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			key := n
			if !voc.CaseSensitive || !isTokenName(n) {
				key = strings.ToLower(n)
			}
			if names[key] {
				bad("%s: the name %q twice", name, n)
			}
			names[key] = true
			if strings.TrimSpace(n) != n || n == "" || strings.HasPrefix(n, "*") || strings.HasSuffix(n, "*") {
				bad("%s: name %q is empty, padded or starts or ends with *", name, n)
			}
			if constants[n] && t.IsDistinctive() && distinctiveForm(n) {
				bad("%s: %q is a language's constant for a status; set distinctive = false", name, n)
			}
		}
		if !form.MatchString(t.Name) {
			bad("%s: the name does not have the vocabulary's form %s", name, voc.Form)
		}
		if t.Distinctive != nil && *t.Distinctive == distinctiveForm(t.Name) && !slices.ContainsFunc(t.Aliases, func(a string) bool { return distinctiveForm(a) != *t.Distinctive && isTokenName(a) }) {
			bad("%s: distinctive = %v says what its form says", name, *t.Distinctive)
		}
		statuses := t.Statuses()
		for _, w := range t.When {
			statuses = append(statuses, w.Status)
			if len(w.Contains) == 0 || slices.Contains(w.Contains, "") {
				bad("%s: a condition with no text", name)
			}
			if !slices.Contains(t.Also, w.Status) {
				bad("%s: condition status %d is not among also %v", name, w.Status, t.Also)
			}
		}
		for _, code := range statuses {
			if len(c.Lookup(code)) == 0 {
				bad("%s: status %d is not in the catalog", name, code)
			}
		}
		if slices.Contains(t.Also, t.Status) {
			bad("%s: also repeats its status", name)
		}
		if t.Meaning != "" && !slices.ContainsFunc(c.Lookup(t.Status), func(s *Status) bool { return s.Source == t.Meaning }) {
			bad("%s: meaning %q has no entry for %d", name, t.Meaning, t.Status)
		}
		if n := len([]rune(t.Summary)); n < 20 || n > 220 || strings.Contains(t.Summary, "\n") {
			bad("%s: summary must be one line of 20 to 220 characters (%d)", name, n)
		}
		if strings.EqualFold(strings.TrimSuffix(t.Summary, "."), t.Name) {
			bad("%s: summary repeats the name", name)
		}
		for _, text := range append([]string{t.Name, t.Title, t.Summary}, t.Aliases...) {
			if r, ok := controlChar(text); ok {
				bad("%s: control character %U", name, r)
			}
		}
		if t.URL != "" {
			onVendorSite(name+" url", t.URL)
		}
	}
	return out
}

// Every vocabulary and term keeps the rules: unique names, statuses that
// exist, references on the vendor's sites, one-line summaries without
// control characters, names in the vocabulary's form, checked dates.
func TestVocabulariesAreWellFormed(t *testing.T) {
	c := Load()
	v := loadVocabularies()
	constants := constantNames(c)
	ids := map[string]bool{}
	for vi, h := range v.heads {
		if ids[h.id] {
			t.Errorf("vocabulary id %q twice", h.id)
		}
		ids[h.id] = true
		var terms []*Term
		for i, k := range v.keys {
			if k.vocab == vi {
				terms = append(terms, v.term(int32(i)))
			}
		}
		if len(terms) == 0 {
			t.Errorf("%s: no terms", h.id)
		}
		for _, p := range vocabularyProblems(c, v.vocabulary(vi), terms, constants) {
			t.Error(p)
		}
	}
	if len(v.heads) < 20 || v.Len() < 400 {
		t.Errorf("%d vocabularies, %d terms; want at least 20 and 400", len(v.heads), v.Len())
	}
}

// Each rule rejects what it claims to: every case breaks one rule of an
// otherwise valid vocabulary.
func TestVocabularyProblems(t *testing.T) {
	c := Load()
	valid := func() (*Vocabulary, []*Term) {
		voc := &Vocabulary{ID: "heroku", Name: "Heroku router error code", Source: "Heroku", CaseSensitive: true,
			Form: `^H[0-9]{2}$`, Checked: "2026-12", Context: []string{"heroku"},
			Patterns:   []Pattern{{Find: `\bcode=(?P<term>H[0-9]{2})\b`}},
			References: []Reference{{"Heroku error codes", "https://devcenter.heroku.com/articles/error-codes"}}}
		t := &Term{Name: "H12", Title: "Request timeout", Status: 503, Summary: "The app did not answer within 30 seconds.",
			URL: "https://devcenter.heroku.com/articles/error-codes#h12-request-timeout"}
		t.fill(voc)
		return voc, []*Term{t}
	}
	if voc, terms := valid(); len(vocabularyProblems(c, voc, terms, nil)) > 0 {
		t.Fatalf("a valid vocabulary: %v", vocabularyProblems(c, voc, terms, nil))
	}
	no := false
	for _, tc := range []struct {
		name   string
		change func(*Vocabulary, *[]*Term)
		want   string
	}{
		{"unknown vocabulary", func(v *Vocabulary, _ *[]*Term) { v.ID = "nobody" }, "vocabularySites"},
		{"off-site reference", func(v *Vocabulary, _ *[]*Term) { v.References[0].URL = "https://blog.example.com/heroku" }, "vendor's sites"},
		{"http reference", func(v *Vocabulary, _ *[]*Term) { v.References[0].URL = "http://devcenter.heroku.com/x" }, "https"},
		{"off-site term url", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].URL = "https://example.com/h12" }, "vendor's sites"},
		{"undated", func(v *Vocabulary, _ *[]*Term) { v.Checked = "" }, "checked"},
		{"a day, not a month", func(v *Vocabulary, _ *[]*Term) { v.Checked = "2026-12-04" }, "checked"},
		{"no form", func(v *Vocabulary, _ *[]*Term) { v.Form = "" }, "form"},
		{"name out of form", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Name = "h12" }, "form"},
		{"duplicate name", func(_ *Vocabulary, ts *[]*Term) { d := *(*ts)[0]; *ts = append(*ts, &d) }, "twice"},
		{"alias repeats a name", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Aliases = []string{"H12"} }, "twice"},
		{"unknown status", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Status = 999 + 1 }, "not in the catalog"},
		{"unknown also", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Also = []int{250} }, "not in the catalog"},
		{"also repeats", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Also = []int{503} }, "repeats"},
		{"condition outside also", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].When = []When{{Status: 504, Contains: []string{"x"}}} }, "not among also"},
		{"empty condition", func(_ *Vocabulary, ts *[]*Term) {
			(*ts)[0].Also, (*ts)[0].When = []int{504}, []When{{Status: 504}}
		}, "no text"},
		{"meaning without entry", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Meaning = "Heroku" }, "meaning"},
		{"short summary", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Summary = "Timeout." }, "summary"},
		{"two-line summary", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Summary = "The app did not answer\nwithin 30 seconds." }, "summary"},
		{"control character", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Title = "Request\ttimeout" }, "control character"},
		{"bad pattern", func(v *Vocabulary, _ *[]*Term) { v.Patterns[0].Find = `code=(H` }, "pattern"},
		{"pattern finds nothing", func(v *Vocabulary, _ *[]*Term) { v.Patterns[0].Find = `code=H[0-9]{2}` }, "group named term"},
		{"pattern for a stranger", func(v *Vocabulary, _ *[]*Term) { v.Patterns[0] = Pattern{Find: `timeout`, Term: "H13"} }, "not one of its names"},
		{"redundant distinctive", func(_ *Vocabulary, ts *[]*Term) { (*ts)[0].Distinctive = &no }, "says what its form says"},
		{"a constant claimed", func(v *Vocabulary, ts *[]*Term) {
			v.Form = `^[A-Za-z]+$`
			(*ts)[0].Name = "NotFound"
		}, "constant"},
	} {
		voc, terms := valid()
		tc.change(voc, &terms)
		p := vocabularyProblems(c, voc, terms, map[string]bool{"NotFound": true})
		if !slices.ContainsFunc(p, func(s string) bool { return strings.Contains(s, tc.want) }) {
			t.Errorf("%s: problems %q, want one mentioning %q", tc.name, p, tc.want)
		}
	}
}

// The names the issues give are found by name, each with the card of its
// status, and by the words of their names.
func TestTermsFoundByName(t *testing.T) {
	c := Load()
	for _, tc := range []struct{ query, vocabulary, code string }{
		{"Forbidden", "kubernetes", "403"}, {"NoSuchKey", "aws", "404"}, {"UF", "envoy", "503"},
		{"H12", "heroku", "503"}, {"H27", "heroku", "499"}, {"FUNCTION_INVOCATION_TIMEOUT", "vercel", "504"},
		{"upstream timed out", "nginx", "504"}, {"AH01114", "apache", "503"}, {"sH", "haproxy", "504"},
		{"PERMISSION_DENIED", "grpc", "403"}, {"PermissionDenied", "grpc", "403"}, {"503 H12", "heroku", "503"},
	} {
		res := c.Resolve(tc.query)
		if !res.Cards || len(res.Results) != 1 || res.Results[0].Sub == nil || res.Results[0].Sub.Term == nil {
			t.Errorf("%q: cards %v, results %v", tc.query, res.Cards, describe(res.Results, 3))
			continue
		}
		r := res.Results[0]
		if r.Sub.Term.Vocabulary.ID != tc.vocabulary || r.Status.CodeString() != tc.code {
			t.Errorf("%q: %s %s on %s", tc.query, r.Sub.Term.Vocabulary.ID, r.Sub.Code, r.Status.Title())
		}
	}
	// A name of several vocabularies is a list to choose from.
	if res := c.Resolve("NotFound"); res.Cards || len(res.Results) != 2 {
		t.Errorf("NotFound: cards %v, %v", res.Cards, describe(res.Results, 3))
	}
	for _, tc := range []struct{ query, name string }{
		{"throttling exception", "ThrottlingException"}, {"slow down", "SlowDown"}, {"no such key", "NoSuchKey"},
		{"function invocation timeout", "FUNCTION_INVOCATION_TIMEOUT"}, {"no healthy upstream", "UH"},
	} {
		found := slices.ContainsFunc(top(c.Search(ParseQuery(tc.query)), 3), func(r Result) bool { return r.Sub != nil && r.Sub.Code == tc.name })
		if !found {
			t.Errorf("%q: %s not in the top 3: %s", tc.query, tc.name, describe(c.Search(ParseQuery(tc.query)), 4))
		}
	}
}

// A status's card lists the terms sent with it, and those that may be.
func TestTermsOfAStatus(t *testing.T) {
	c := Load()
	names := func(code int, source string) []string {
		for _, s := range c.Lookup(code) {
			if s.Source == source {
				var out []string
				for _, n := range c.TermsOf(s) {
					out = append(out, n.Vocabulary+":"+n.Name)
				}
				return out
			}
		}
		return nil
	}
	for _, tc := range []struct {
		code          int
		source        string
		want, wantNot []string
	}{
		{503, "IANA", []string{"heroku:H12", "envoy:UF", "kubernetes:ServiceUnavailable"}, []string{"aws:SlowDown"}},
		{503, "Amazon S3", []string{"aws:SlowDown"}, []string{"heroku:H12"}},
		{429, "IANA", []string{"aws:ThrottlingException", "kubernetes:TooManyRequests"}, nil},
		{499, "nginx", []string{"heroku:H27", "nginx:client prematurely closed connection"}, []string{"haproxy:CH"}},
		{0, "HAProxy", []string{"haproxy:CH", "haproxy:CQ"}, nil},
		{403, "GitHub", []string{"github:api rate limit exceeded"}, []string{"kubernetes:Forbidden"}},
	} {
		got := names(tc.code, tc.source)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%d %s: terms %v lack %s", tc.code, tc.source, got, w)
			}
		}
		for _, w := range tc.wantNot {
			if slices.Contains(got, w) {
				t.Errorf("%d %s: terms %v hold %s", tc.code, tc.source, got, w)
			}
		}
	}
}

func top(res []Result, n int) []Result { return res[:min(n, len(res))] }

// TermsOf finds a code's terms by their lines in the file; the full
// reading of the vocabularies must list the same, for every entry.
func TestTermLinesAgreeWithTheVocabularies(t *testing.T) {
	c := Load()
	v := loadVocabularies()
	for e := range c.All() {
		s := &c.All()[e]
		var want []string
		for i, k := range v.keys {
			switch {
			case k.status == s.Code && c.termEntry(int32(i)) == e,
				k.status != s.Code && slices.Contains(k.also, s.Code) && c.standardEntry(s.Code) == e:
				want = append(want, v.heads[k.vocab].id+":"+k.name)
			}
		}
		var got []string
		for _, n := range c.TermsOf(s) {
			got = append(got, n.Vocabulary+":"+n.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s %s: TermsOf %v, the vocabularies say %v", s.Title(), s.Source, got, want)
		}
	}
}
