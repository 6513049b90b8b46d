package data

import (
	"fmt"
	"net/textproto"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// iana is the IANA HTTP Status Code Registry: code, reason phrase and the
// reference that defines it.
var iana = []struct {
	code   int
	phrase string
	ref    string
}{
	{100, "Continue", "RFC 9110 §15.2.1"},
	{101, "Switching Protocols", "RFC 9110 §15.2.2"},
	{102, "Processing", "RFC 2518 §10.1"},
	{103, "Early Hints", "RFC 8297 §2"},
	{200, "OK", "RFC 9110 §15.3.1"},
	{201, "Created", "RFC 9110 §15.3.2"},
	{202, "Accepted", "RFC 9110 §15.3.3"},
	{203, "Non-Authoritative Information", "RFC 9110 §15.3.4"},
	{204, "No Content", "RFC 9110 §15.3.5"},
	{205, "Reset Content", "RFC 9110 §15.3.6"},
	{206, "Partial Content", "RFC 9110 §15.3.7"},
	{207, "Multi-Status", "RFC 4918 §11.1"},
	{208, "Already Reported", "RFC 5842 §7.1"},
	{226, "IM Used", "RFC 3229 §10.4.1"},
	{300, "Multiple Choices", "RFC 9110 §15.4.1"},
	{301, "Moved Permanently", "RFC 9110 §15.4.2"},
	{302, "Found", "RFC 9110 §15.4.3"},
	{303, "See Other", "RFC 9110 §15.4.4"},
	{304, "Not Modified", "RFC 9110 §15.4.5"},
	{305, "Use Proxy", "RFC 9110 §15.4.6"},
	{306, "(Unused)", "RFC 9110 §15.4.7"},
	{307, "Temporary Redirect", "RFC 9110 §15.4.8"},
	{308, "Permanent Redirect", "RFC 9110 §15.4.9"},
	{400, "Bad Request", "RFC 9110 §15.5.1"},
	{401, "Unauthorized", "RFC 9110 §15.5.2"},
	{402, "Payment Required", "RFC 9110 §15.5.3"},
	{403, "Forbidden", "RFC 9110 §15.5.4"},
	{404, "Not Found", "RFC 9110 §15.5.5"},
	{405, "Method Not Allowed", "RFC 9110 §15.5.6"},
	{406, "Not Acceptable", "RFC 9110 §15.5.7"},
	{407, "Proxy Authentication Required", "RFC 9110 §15.5.8"},
	{408, "Request Timeout", "RFC 9110 §15.5.9"},
	{409, "Conflict", "RFC 9110 §15.5.10"},
	{410, "Gone", "RFC 9110 §15.5.11"},
	{411, "Length Required", "RFC 9110 §15.5.12"},
	{412, "Precondition Failed", "RFC 9110 §15.5.13"},
	{413, "Content Too Large", "RFC 9110 §15.5.14"},
	{414, "URI Too Long", "RFC 9110 §15.5.15"},
	{415, "Unsupported Media Type", "RFC 9110 §15.5.16"},
	{416, "Range Not Satisfiable", "RFC 9110 §15.5.17"},
	{417, "Expectation Failed", "RFC 9110 §15.5.18"},
	{418, "(Unused)", "RFC 9110 §15.5.19"},
	{421, "Misdirected Request", "RFC 9110 §15.5.20"},
	{422, "Unprocessable Content", "RFC 9110 §15.5.21"},
	{423, "Locked", "RFC 4918 §11.3"},
	{424, "Failed Dependency", "RFC 4918 §11.4"},
	{425, "Too Early", "RFC 8470 §5.2"},
	{426, "Upgrade Required", "RFC 9110 §15.5.22"},
	{428, "Precondition Required", "RFC 6585 §3"},
	{429, "Too Many Requests", "RFC 6585 §4"},
	{431, "Request Header Fields Too Large", "RFC 6585 §5"},
	{451, "Unavailable For Legal Reasons", "RFC 7725 §3"},
	{500, "Internal Server Error", "RFC 9110 §15.6.1"},
	{501, "Not Implemented", "RFC 9110 §15.6.2"},
	{502, "Bad Gateway", "RFC 9110 §15.6.3"},
	{503, "Service Unavailable", "RFC 9110 §15.6.4"},
	{504, "Gateway Timeout", "RFC 9110 §15.6.5"},
	{505, "HTTP Version Not Supported", "RFC 9110 §15.6.6"},
	{506, "Variant Also Negotiates", "RFC 2295 §8.1"},
	{507, "Insufficient Storage", "RFC 4918 §11.5"},
	{508, "Loop Detected", "RFC 5842 §7.2"},
	{510, "Not Extended", "RFC 2774 §7"},
	{511, "Network Authentication Required", "RFC 6585 §6"},
}

// heuristicallyCacheable is RFC 9110 §15.1's list.
var heuristicallyCacheable = map[int]bool{
	200: true, 203: true, 204: true, 206: true, 300: true, 301: true, 308: true,
	404: true, 405: true, 410: true, 414: true, 501: true,
}

// formerNames are the old phrases that must still find their code.
var formerNames = map[int][]string{
	413: {"Payload Too Large", "Request Entity Too Large"},
	414: {"Request-URI Too Long"},
	416: {"Requested Range Not Satisfiable"},
	418: {"I'm a teapot"},
	422: {"Unprocessable Entity"},
}

func official(c *Catalog, code int) *Status {
	for _, s := range c.Lookup(code) {
		if s.Official {
			return s
		}
	}
	return nil
}

func TestIANARegistryComplete(t *testing.T) {
	c := Load()
	if len(iana) != 63 {
		t.Fatalf("test table has %d codes, want 63", len(iana))
	}
	seen := map[int]bool{}
	for _, want := range iana {
		seen[want.code] = true
		s := official(c, want.code)
		if s == nil {
			t.Errorf("%d: no official entry", want.code)
			continue
		}
		if s.Phrase != want.phrase {
			t.Errorf("%d: phrase %q, want %q", want.code, s.Phrase, want.phrase)
		}
		if s.Source != "IANA" {
			t.Errorf("%d: source %q, want IANA", want.code, s.Source)
		}
		if len(s.References) == 0 || s.References[0].Title != want.ref {
			t.Errorf("%d: first reference %v, want %q", want.code, s.References, want.ref)
		}
		if got := heuristicallyCacheable[want.code]; s.Cacheable != got {
			t.Errorf("%d: cacheable %v, want %v", want.code, s.Cacheable, got)
		}
	}
	for _, s := range c.All() {
		if s.Official && !seen[s.Code] {
			t.Errorf("%d %s is marked official but is not in the IANA registry", s.Code, s.Phrase)
		}
	}
	for code, names := range formerNames {
		s := official(c, code)
		for _, n := range names {
			if s == nil || !contains(s.Aliases, n) {
				t.Errorf("%d: alias %q missing", code, n)
			}
		}
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func TestRFC9110ReferencesLinkTheirSection(t *testing.T) {
	for _, s := range Load().All() {
		for _, r := range s.References {
			sec, ok := strings.CutPrefix(r.Title, "RFC 9110 §")
			if !ok {
				continue
			}
			sec, _, _ = strings.Cut(sec, " ")
			want := "https://www.rfc-editor.org/rfc/rfc9110#section-" + sec
			if r.URL != want {
				t.Errorf("%d %q: url %q, want %q", s.Code, r.Title, r.URL, want)
			}
		}
	}
}

func TestVendorCodes(t *testing.T) {
	c := Load()
	want := map[string][]int{
		"nginx":            {444, 494, 495, 496, 497, 499},
		"Cloudflare":       {520, 521, 522, 523, 524, 525, 526, 527, 530},
		"Microsoft IIS":    {440, 449, 451},
		"AWS ELB":          {0, 460, 463, 464, 561},
		"Laravel":          {419},
		"Twitter":          {420},
		"Spring Framework": {420},
		"Esri ArcGIS":      {498, 499},
		"Apache":           {509},
	}
	for source, codes := range want {
		for _, code := range codes {
			found := false
			for _, s := range c.Lookup(code) {
				found = found || (s.Source == source && !s.Official)
			}
			if !found {
				t.Errorf("no unofficial %s entry for %03d", source, code)
			}
		}
	}
	for _, code := range []int{598, 599} {
		if e := c.Lookup(code); len(e) == 0 || e[0].Official {
			t.Errorf("%d: want an unofficial entry", code)
		}
	}
}

func TestEveryEntryIsWellFormed(t *testing.T) {
	c := Load()
	vendor := 0
	for _, s := range c.All() {
		if !s.Official {
			vendor++
		}
	}
	if vendor < 30 {
		t.Errorf("catalog has %d vendor entries, want at least 30", vendor)
	}
	type key struct {
		code   int
		source string
	}
	seen := map[key]bool{}
	subSeen := map[string]bool{}
	for i := range c.All() {
		s := &c.All()[i]
		name := s.CodeString() + " " + s.Source
		k := key{s.Code, s.Source}
		if seen[k] {
			t.Errorf("%s: duplicate (code, source)", name)
		}
		seen[k] = true

		if s.Category != CategoryOf(s.Code) {
			t.Errorf("%s: category %q does not fit the code", name, s.Category)
		}
		if s.Official != (s.Source == "IANA") {
			t.Errorf("%s: official=%v but source %q", name, s.Official, s.Source)
		}
		if !s.Official && s.Cacheable {
			t.Errorf("%s: vendor codes are not heuristically cacheable", name)
		}
		for field, v := range map[string]string{"phrase": s.Phrase, "source": s.Source, "summary": s.Summary, "description": s.Description} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: empty %s", name, field)
			}
		}
		if len(s.Keywords) == 0 {
			t.Errorf("%s: no keywords", name)
		}
		if len(s.References) == 0 {
			t.Errorf("%s: no reference", name)
		}
		if n := len([]rune(s.Summary)); n > 100 || strings.Contains(s.Summary, "\n") {
			t.Errorf("%s: summary must be one line of at most 100 characters (%d)", name, n)
		}
		if p := strings.Count(strings.TrimSpace(s.Description), "\n\n") + 1; p < 2 || p > 4 {
			t.Errorf("%s: description has %d paragraphs, want 2-4", name, p)
		}
		for _, list := range [][]string{s.Aliases, s.Keywords, s.Headers} {
			for _, v := range list {
				if strings.TrimSpace(v) == "" || v != strings.TrimSpace(v) {
					t.Errorf("%s: empty or padded list value %q", name, v)
				}
			}
		}
		for _, code := range s.Related {
			if n := len(c.Lookup(code)); n == 0 || (code == s.Code && n < 2) {
				t.Errorf("%s: related code %d is not another catalogued code", name, code)
			}
		}
		for _, r := range s.References {
			u, err := url.Parse(r.URL)
			if err != nil || u.Scheme != "https" || u.Host == "" || r.Title == "" {
				t.Errorf("%s: bad reference %+v", name, r)
			}
		}
		if s.Example != "" && !strings.HasPrefix(s.Example, "HTTP/") && !strings.HasPrefix(s.Example, "$ ") {
			t.Errorf("%s: example must start with a status line or a shell prompt", name)
		}
		texts := append([]string{s.Phrase, s.Source, s.Summary, s.Description, s.Example}, s.Aliases...)
		texts = append(texts, s.Keywords...)
		checkText(t, name, texts...)
		if s.Temporary && !s.Official {
			t.Errorf("%s: only IANA registrations can be temporary", name)
		}
		checkConstants(t, name, s)
		checkSubCodes(t, name, s, subSeen)
		checkRules(t, name, s)
	}
}

// ruleReference is a section of an RFC: "RFC 9110 §15.4.2".
var ruleReference = regexp.MustCompile(`^RFC [1-9][0-9]* §[1-9][0-9]*(\.[1-9][0-9]*)*$`)

// checkRules holds an entry's rules to what explain can apply.
func checkRules(t *testing.T, name string, s *Status) {
	t.Helper()
	for _, p := range ruleProblems(s) {
		t.Errorf("%s %s", name, p)
	}
	for _, r := range s.Rules {
		checkText(t, name+" rule", r.Header, r.Unless, r.Reference, r.Message)
	}
}

// ruleProblems lists what is wrong with an entry's rules: an unknown
// expectation or level, a missing or misspelt field name, a reference that
// is not a section of an RFC, a message that is not one line, two rules
// about one field.
func ruleProblems(s *Status) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.Rules {
		bad := func(format string, args ...any) {
			out = append(out, fmt.Sprintf("rule %s %q: ", r.Expect, r.Header)+fmt.Sprintf(format, args...))
		}
		switch r.Expect {
		case ExpectPresent, ExpectAbsent:
			if !isFieldName(r.Header) {
				bad("not a field name in its usual form")
			}
		case ExpectNoContent:
			if r.Header != "" || r.Unless != "" {
				bad("a no-content rule has no header and no unless")
			}
		default:
			bad("unknown expect")
		}
		if seen[r.Header] {
			bad("a second rule about the same field")
		}
		seen[r.Header] = true
		if r.Unless != "" {
			field, value, ok := strings.Cut(r.Unless, ": ")
			if !ok || !isFieldName(field) || strings.TrimSpace(value) != value || value == "" {
				bad("unless %q is not \"Field: value\"", r.Unless)
			}
		}
		switch r.Level {
		case LevelInfo, LevelWarn, LevelError:
		default:
			bad("unknown level %q", r.Level)
		}
		if !ruleReference.MatchString(r.Reference) {
			bad("reference %q is not an RFC section like \"RFC 9110 §15.4.2\"", r.Reference)
		}
		if n := len([]rune(r.Message)); n == 0 || n > 160 || strings.Contains(r.Message, "\n") || !strings.HasSuffix(r.Message, ".") {
			bad("message must be one line of at most 160 characters ending in a full stop")
		}
		// A field the status must carry is one of its related headers.
		if r.Expect == ExpectPresent && r.Level == LevelError && !contains(s.Headers, r.Header) {
			bad("a required field missing from the entry's headers")
		}
	}
	return out
}

func TestRuleValidationRejectsBadRules(t *testing.T) {
	good := Rule{Header: "Location", Expect: ExpectPresent, Level: LevelError, Reference: "RFC 9110 §15.4.2", Message: "Needed."}
	for name, change := range map[string]func(*Rule){
		"unknown expect":     func(r *Rule) { r.Expect = "required" },
		"unknown level":      func(r *Rule) { r.Level = "fatal" },
		"lower-case field":   func(r *Rule) { r.Header = "location" },
		"field with a space": func(r *Rule) { r.Header = "Retry After" },
		"no field":           func(r *Rule) { r.Header = "" },
		"no-content field":   func(r *Rule) { r.Expect = ExpectNoContent },
		"bad unless":         func(r *Rule) { r.Unless = "Content-Type" },
		"not an RFC":         func(r *Rule) { r.Reference = "MDN" },
		"no section":         func(r *Rule) { r.Reference = "RFC 9110" },
		"empty message":      func(r *Rule) { r.Message = "" },
		"two lines":          func(r *Rule) { r.Message = "One.\nTwo." },
		"not in headers":     func(r *Rule) { r.Header = "Retry-After" },
	} {
		r := good
		change(&r)
		s := &Status{Headers: []string{"Location"}, Rules: []Rule{r}}
		if len(ruleProblems(s)) == 0 {
			t.Errorf("%s: rule %+v accepted", name, r)
		}
	}
	if p := ruleProblems(&Status{Headers: []string{"Location"}, Rules: []Rule{good}}); len(p) != 0 {
		t.Errorf("a good rule is rejected: %v", p)
	}
	if p := ruleProblems(&Status{Headers: []string{"Location"}, Rules: []Rule{good, good}}); len(p) != 1 {
		t.Errorf("two rules about one field: %v", p)
	}
	withUnless := Rule{Header: "Content-Range", Expect: ExpectPresent, Unless: "Content-Type: multipart/byteranges",
		Level: LevelWarn, Reference: "RFC 9110 §15.3.7.1", Message: "Needed."}
	if p := ruleProblems(&Status{Rules: []Rule{withUnless}}); len(p) != 0 {
		t.Errorf("a good unless is rejected: %v", p)
	}
}

// isFieldName reports whether h is a header field name written as people
// usually do: a token, capitalised like "Content-Type" or "WWW-Authenticate".
func isFieldName(h string) bool {
	if h == "" || !strings.EqualFold(textproto.CanonicalMIMEHeaderKey(h), h) {
		return false
	}
	for _, part := range strings.Split(h, "-") {
		if part == "" || !unicode.IsUpper(rune(part[0])) {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// checkText rejects control characters in prose.
func checkText(t *testing.T, name string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, r := range text {
			if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\ufffd') {
				t.Errorf("%s: control character %U in %q", name, r, text)
			}
		}
	}
}

// checkConstants holds constants to the known languages, and each note to
// a constant the entry has.
func checkConstants(t *testing.T, name string, s *Status) {
	t.Helper()
	known := map[string]bool{}
	for _, l := range Languages {
		known[l.Key] = true
	}
	for lang, v := range s.Constants {
		if !known[lang] {
			t.Errorf("%s: constant for unknown language %q", name, lang)
		}
		if v == "" || v != strings.TrimSpace(v) {
			t.Errorf("%s: empty or padded %s constant %q", name, lang, v)
		}
	}
	for lang, n := range s.ConstantNotes {
		if _, ok := s.Constants[lang]; !ok {
			t.Errorf("%s: note for %s, which has no constant", name, lang)
		}
		if strings.TrimSpace(n.Since) == "" || n.Before == s.Constants[lang] {
			t.Errorf("%s: %s note %+v needs a since, and a before that differs from the name", name, lang, n)
		}
		checkText(t, name, n.Since, n.Before)
	}
}

// subCodeForm is how each vendor writes its sub-codes: IIS as the status
// and a number ("404.3"), Cloudflare as a four-digit error ("1020").
var subCodeForm = map[string]*regexp.Regexp{
	"Microsoft IIS": regexp.MustCompile(`^[1-5][0-9]{2}\.[0-9]{1,3}$`),
	"Cloudflare":    regexp.MustCompile(`^1[0-9]{3}$`),
}

// checkSubCodes holds sub-codes to the rules entries follow: a known form
// that fits the status, unique, with a one-line summary, keywords and an
// https reference to the vendor's documentation.
func checkSubCodes(t *testing.T, name string, s *Status, seen map[string]bool) {
	t.Helper()
	for _, sub := range s.SubCodes {
		id := name + " sub-code " + sub.Code
		form, ok := subCodeForm[sub.Source]
		switch {
		case !ok:
			t.Errorf("%s: no known form for source %q", id, sub.Source)
		case !form.MatchString(sub.Code):
			t.Errorf("%s: not in %s's form %s", id, sub.Source, form)
		case strings.Contains(sub.Code, ".") && !strings.HasPrefix(sub.Code, s.CodeString()+"."):
			t.Errorf("%s: filed under the wrong status", id)
		}
		if seen[sub.Source+" "+sub.Code] {
			t.Errorf("%s: duplicate", id)
		}
		seen[sub.Source+" "+sub.Code] = true
		if strings.TrimSpace(sub.Phrase) == "" || strings.TrimSpace(sub.Summary) == "" {
			t.Errorf("%s: empty phrase or summary", id)
		}
		if n := len([]rune(sub.Summary)); n > 100 || strings.Contains(sub.Summary, "\n") {
			t.Errorf("%s: summary must be one line of at most 100 characters (%d)", id, n)
		}
		if len(sub.Keywords) == 0 {
			t.Errorf("%s: no keywords", id)
		}
		for _, k := range sub.Keywords {
			if strings.TrimSpace(k) == "" || k != strings.TrimSpace(k) {
				t.Errorf("%s: empty or padded keyword %q", id, k)
			}
		}
		if u, err := url.Parse(sub.URL); err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("%s: bad url %q", id, sub.URL)
		}
		checkText(t, id, append([]string{sub.Code, sub.Phrase, sub.Source, sub.Summary}, sub.Keywords...)...)
	}
}

func TestLookupNearestAndMasks(t *testing.T) {
	c := Load()
	if got := c.Nearest(299); len(got) != 2 || got[0] != 226 || got[1] != 300 {
		t.Errorf("Nearest(299) = %v, want [226 300]", got)
	}
	if got := c.Nearest(404); len(got) != 2 || got[0] != 403 || got[1] != 405 {
		t.Errorf("Nearest(404) = %v, want [403 405]", got)
	}
	if got := c.Nearest(999); len(got) != 1 || got[0] != 599 {
		t.Errorf("Nearest(999) = %v, want [599]", got)
	}
	if got := c.Lookup(499); len(got) != 2 || got[0].Source == got[1].Source {
		t.Errorf("Lookup(499) = %d entries, want nginx and Esri", len(got))
	}
	for _, tc := range []struct {
		q     string
		ok    bool
		in    []int
		notIn []int
	}{
		{"4xx", true, []int{400, 404, 451, 499}, []int{500, 399}},
		{"4XX", true, []int{418}, []int{200}},
		{"40x", true, []int{400, 409}, []int{410}},
		{"4", true, []int{400, 499}, []int{500}},
		{"50", true, []int{500, 508}, []int{510}},
		{"404", false, nil, nil},
		{"4x", false, nil, nil},
		{"x4x", false, nil, nil},
		{"4xy", false, nil, nil},
		{"", false, nil, nil},
	} {
		m, ok := ParseMask(tc.q)
		if ok != tc.ok {
			t.Errorf("ParseMask(%q) ok = %v", tc.q, ok)
			continue
		}
		for _, code := range tc.in {
			if !m.Match(code) {
				t.Errorf("mask %q should match %d", tc.q, code)
			}
		}
		for _, code := range tc.notIn {
			if m.Match(code) {
				t.Errorf("mask %q should not match %d", tc.q, code)
			}
		}
	}
}

// The lazily decoded catalog Load returns is the one Parse reads strictly,
// entry for entry, in the same order.
func TestLazyCatalogMatchesStrictParse(t *testing.T) {
	strict, err := Parse(statusesTOML)
	if err != nil {
		t.Fatalf("statuses.toml: %v", err)
	}
	lazy, err := parseLazily(statusesTOML)
	if err != nil {
		t.Fatal(err)
	}
	if lazy.Len() != strict.Len() {
		t.Fatalf("lazy catalog has %d entries, strict %d", lazy.Len(), strict.Len())
	}
	if got := lazy.Lookup(404); len(got) != 1 || got[0].Phrase != "Not Found" {
		t.Errorf("lazy Lookup(404) = %v", got)
	}
	for i := range strict.All() {
		if !reflect.DeepEqual(lazy.All()[i], strict.All()[i]) {
			t.Errorf("entry %d: lazy %s, strict %s", i, lazy.All()[i].Title(), strict.All()[i].Title())
		}
	}
	if !slices.Equal(lazy.codes, strict.codes) {
		t.Error("lazy and strict catalogs index different codes")
	}
	if _, err := parseLazily([]byte("code = 1\n")); err == nil {
		t.Error("a file that does not start with [[status]] must be an error")
	}
}

func TestParseRejectsUnknownFields(t *testing.T) {
	if _, err := Parse([]byte("[[status]]\ncode = 1\nphrasee = \"x\"\n")); err == nil {
		t.Error("a misspelt field must be an error")
	}
}
