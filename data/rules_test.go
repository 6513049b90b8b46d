package data

import (
	"slices"
	"strings"
	"testing"
)

// The class rules are rules like an entry's, each for codes and classes
// that exist; an entry's own rule on a field replaces them, and no class
// rule says again what every entry of its class says.
func TestClassRules(t *testing.T) {
	cat := Load()
	if len(ClassRules()) == 0 {
		t.Fatal("no class rules")
	}
	for _, cr := range ClassRules() {
		checkCondition(t, "class rule", Condition{Status: cr.Status})
		if len(cr.Status) == 0 {
			t.Errorf("class rule %q: no status", cr.Header)
		}
		for _, p := range ruleProblems(&Status{Headers: []string{cr.Header}, Rules: []Rule{cr.Rule}}) {
			t.Errorf("class rule %v: %s", cr.Status, p)
		}
		var covered, own int
		for _, s := range cat.All() {
			if !StatusIn(cr.Status, s.Code) {
				continue
			}
			covered++
			if slices.ContainsFunc(s.Rules, func(r Rule) bool { return r.Header == cr.Header && r.Message == cr.Message }) {
				t.Errorf("%s repeats the class rule on %s", s.Title(), cr.Header)
			}
			if slices.ContainsFunc(s.Rules, func(r Rule) bool { return r.Header == cr.Header }) {
				own++
			}
		}
		if covered == 0 || own == covered {
			t.Errorf("class rule %v on %s applies to no entry (%d covered, %d with their own)", cr.Status, cr.Header, covered, own)
		}
	}
}

// The request rules name fields in their usual form, say their note in one
// line, and use no placeholder but {method} and {code}.
func TestRequestRules(t *testing.T) {
	for i, r := range RequestRules() {
		checkCondition(t, "request rule", Condition{Status: r.Status})
		fields := append([]string{r.Field}, r.Lacks...)
		if r.Has != "" {
			fields = append(fields, r.Has)
		}
		for _, f := range fields {
			name, _, _ := strings.Cut(f, ": ")
			if name != "" && !isFieldName(name) {
				t.Errorf("request rule %d: field %q", i, f)
			}
		}
		rule := Rule{Header: r.Field, Expect: ExpectPresent, Level: r.Level, Reference: r.Reference, Message: r.Message}
		if r.Field == "" {
			rule.Header, rule.Expect = "", ExpectNoContent
		}
		for _, p := range ruleProblems(&Status{Headers: []string{r.Field}, Rules: []Rule{rule}}) {
			t.Errorf("request rule %d: %s", i, p)
		}
		if rest := strings.NewReplacer("{method}", "", "{code}", "").Replace(r.Message); strings.ContainsAny(rest, "{}") {
			t.Errorf("request rule %d: unknown placeholder in %q", i, r.Message)
		}
		if len(r.Status) == 0 {
			t.Errorf("request rule %d: no status", i)
		}
	}
}

func TestRequestRuleHolds(t *testing.T) {
	read := func(in string) *Response {
		rs, err := ReadResponses(strings.NewReader(in))
		if err != nil || rs[0].Request == nil {
			t.Fatalf("%q: %v", in, err)
		}
		return rs[0]
	}
	first := func(r *Response) string {
		for _, rule := range RequestRules() {
			if rule.Holds(r, r.Request) {
				return rule.Message
			}
		}
		return ""
	}
	for in, want := range map[string]string{
		"> GET /a HTTP/1.1\n> Authorization: Basic ZGV2Ondyb25n\n>\n< HTTP/1.1 401 Unauthorized\n<\n":    "credentials were rejected",
		"> GET /a HTTP/1.1\n>\n< HTTP/1.1 401 Unauthorized\n<\n":                                         "",
		"> GET http://a/ HTTP/1.1\n> Proxy-Authorization: Basic eA==\n>\n< HTTP/1.1 407 Proxy Auth\n<\n": "the proxy rejected these credentials",
		"> DELETE /a HTTP/1.1\n>\n< HTTP/1.1 405 Method Not Allowed\n< Allow: GET, DELETE\n<\n":          "yet lists it in Allow",
		"> DELETE /a HTTP/1.1\n>\n< HTTP/1.1 405 Method Not Allowed\n< Allow: GET, HEAD\n<\n":            "",
		"> POST /a HTTP/1.1\n> Expect: 100-Continue\n>\n< HTTP/1.1 417 Expectation Failed\n<\n":          "could not honour Expect",
		"> POST /a HTTP/1.0\n>\n< HTTP/1.1 100 Continue\n<\n":                                            "HTTP/1.0 request",
		"> PUT /a HTTP/1.1\n> If-None-Match: \"x\"\n>\n< HTTP/1.1 304 Not Modified\n<\n":                 "this {method} request was not one",
		"> GET /a HTTP/1.1\n> If-None-Match: \"x\"\n>\n< HTTP/1.1 304 Not Modified\n<\n":                 "",
		"> GET /a HTTP/1.1\n> Accept-Language: de\n>\n< HTTP/1.1 406 Not Acceptable\n<\n":                "",
	} {
		if got := first(read(in)); want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%q: note %q, want one with %q", in, got, want)
		}
	}
}

// NoContent is the one list of statuses without content; the catalog's
// no-content rules are on those codes and no others.
func TestNoContent(t *testing.T) {
	for _, s := range Load().All() {
		has := slices.ContainsFunc(s.Rules, func(r Rule) bool { return r.Expect == ExpectNoContent })
		if has != (NoContent(s.Code) && s.Code/100 != 1) {
			t.Errorf("%s: a no-content rule %v, but NoContent says %v", s.Title(), has, NoContent(s.Code))
		}
	}
	for code, want := range map[int]bool{100: true, 103: true, 200: false, 204: true, 205: false, 304: true, 404: false} {
		if NoContent(code) != want {
			t.Errorf("NoContent(%d) = %v", code, !want)
		}
	}
}

// What explain says of a deprecated status that needs more than "it is
// deprecated" is in the catalog beside its entry, written like a rule.
func TestDeprecationNotices(t *testing.T) {
	var with []int
	for _, s := range Load().All() {
		d := s.Deprecation
		if d == nil {
			continue
		}
		with = append(with, s.Code)
		if !s.Deprecated {
			t.Errorf("%s: a deprecation notice on an entry that is not deprecated", s.Title())
		}
		rule := Rule{Expect: ExpectNoContent, Level: d.Level, Reference: d.Reference, Message: d.Message}
		for _, p := range ruleProblems(&Status{Rules: []Rule{rule}}) {
			t.Errorf("%s deprecation: %s", s.Title(), p)
		}
		if !strings.HasPrefix(d.Message, s.CodeString()+" ") {
			t.Errorf("%s: the notice does not start with its code: %q", s.Title(), d.Message)
		}
	}
	if !slices.Equal(with, []int{305, 306, 418}) {
		t.Errorf("notices on %v, want 305, 306 and 418", with)
	}
}
