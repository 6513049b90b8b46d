package data

import (
	"fmt"
	"net/textproto"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// iana is the IANA HTTP Status Code Registry, temporary registrations
// included: code, reason phrase and the reference that defines it.
var iana = []struct {
	code   int
	phrase string
	ref    string
}{
	{100, "Continue", "RFC 9110 §15.2.1"},
	{101, "Switching Protocols", "RFC 9110 §15.2.2"},
	{102, "Processing", "RFC 2518 §10.1"},
	{103, "Early Hints", "RFC 8297 §2"},
	{104, "Upload Resumption Supported", "draft-ietf-httpbis-resumable-upload-05"},
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

// temporaryRegistrations are the codes IANA lists as TEMPORARY: registered
// for a draft and lapsing unless renewed or made permanent.
var temporaryRegistrations = map[int]bool{104: true}

// heuristicallyCacheable is RFC 9110 §15.1's list, plus 451, which RFC
// 7725 §3 makes cacheable by default.
var heuristicallyCacheable = map[int]bool{
	200: true, 203: true, 204: true, 206: true, 300: true, 301: true, 308: true,
	404: true, 405: true, 410: true, 414: true, 451: true, 501: true,
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
	if len(iana) != 64 {
		t.Fatalf("test table has %d codes, want 64", len(iana))
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
		if got := temporaryRegistrations[want.code]; s.Temporary != got {
			t.Errorf("%d: temporary %v, want %v", want.code, s.Temporary, got)
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
		"nginx":                       {444, 494, 495, 496, 497, 499},
		"Cloudflare":                  {520, 521, 522, 523, 524, 525, 526, 527, 530},
		"Microsoft Exchange":          {440},
		"Microsoft WebDAV":            {449},
		"Exchange ActiveSync":         {451, 456, 457},
		"Microsoft Windows":           {450},
		"AWS ELB":                     {0, 460, 463, 464, 502, 503, 504, 561},
		"Amazon API Gateway":          {403, 502, 504},
		"HTTP clients":                {0},
		"Envoy":                       {0},
		"Laravel":                     {419},
		"Twitter":                     {420},
		"Spring Framework":            {103, 419, 420, 421},
		"Esri ArcGIS":                 {498, 499},
		"Informal":                    {218},
		"cPanel":                      {509},
		"Microsoft Graph":             {509},
		"Shopify":                     {430, 530, 540, 783},
		"Qualys SSL Labs":             {441, 529},
		"Anthropic":                   {529},
		"Pantheon":                    {530},
		"Linode":                      {299},
		"Tornado":                     {599},
		"LinkedIn":                    {999},
		"Amazon CloudFront":           {0, 502, 503, 504},
		"Squid":                       {0},
		"Amazon S3":                   {200, 503},
		"Google APIs":                 {308, 499},
		"Stripe":                      {402},
		"GitHub":                      {403, 404},
		"Google Cloud Load Balancing": {502},
		"Fastly":                      {406, 503},
		"Varnish":                     {503},
		"Akamai":                      {403, 504},
		"Azure Front Door":            {504},
		"CloudLinux":                  {508},
		"Django":                      {403},
		"Ruby on Rails":               {422},
		"Traefik":                     {499},
		"HAProxy":                     {0},
	}
	for source, codes := range want {
		for _, code := range codes {
			if !hasVendorEntry(c, code, source) {
				t.Errorf("no unofficial %s entry for %03d", source, code)
			}
		}
	}
	// Codes once filed under a vendor that neither sends nor documents them.
	for _, wrong := range []struct {
		code   int
		source string
	}{{218, "Apache"}, {509, "Apache"}, {440, "Microsoft IIS"}, {449, "Microsoft IIS"}, {451, "Microsoft IIS"}} {
		if hasVendorEntry(c, wrong.code, wrong.source) {
			t.Errorf("%03d is filed under %s, which does not define it", wrong.code, wrong.source)
		}
	}
	for _, code := range []int{598, 599} {
		if e := c.Lookup(code); len(e) == 0 || e[0].Official {
			t.Errorf("%d: want an unofficial entry", code)
		}
	}
}

func hasVendorEntry(c *Catalog, code int, source string) bool {
	for _, s := range c.Lookup(code) {
		if s.Source == source && !s.Official {
			return true
		}
	}
	return false
}

// An alias names the same code: one that is another code's registered
// phrase or former name ranks the wrong code for it.
func TestAliasesDoNotNameOtherCodes(t *testing.T) {
	c := Load()
	names := map[string]int{}
	for _, s := range c.All() {
		if s.Official {
			for _, n := range append([]string{s.Phrase}, s.Aliases...) {
				names[strings.ToLower(n)] = s.Code
			}
		}
	}
	for _, s := range c.All() {
		for _, a := range s.Aliases {
			if code, ok := names[strings.ToLower(a)]; ok && code != s.Code {
				t.Errorf("%s %s: alias %q is the name of %03d", s.CodeString(), s.Source, a, code)
			}
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
	if vendor < 50 {
		t.Errorf("catalog has %d vendor entries, want at least 50", vendor)
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
		// A related code stands for its first entry, the standard one
		// when it has one (what a card names it by and a jump lands on):
		// a vendor's 503 may list 503 for IANA's, never for itself.
		for _, code := range s.Related {
			if e := c.Lookup(code); len(e) == 0 || e[0] == s {
				t.Errorf("%s: related code %d is not another catalogued entry", name, code)
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
		for _, p := range subCodeProblems(s, subSeen) {
			t.Error(p)
		}
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
		if r, ok := controlChar(text); ok {
			t.Errorf("%s: control character %U in %q", name, r, text)
		}
	}
}

// controlChar finds a character prose must not contain: a control
// character other than newline, a line separator, or a replacement
// character left by a bad decode.
func controlChar(text string) (rune, bool) {
	for _, r := range text {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\ufffd') {
			return r, true
		}
	}
	return 0, false
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

// subCodeDocs is where each vendor documents its sub-codes; a sub-code's
// url must point there.
var subCodeDocs = map[string]string{
	"Microsoft IIS": "learn.microsoft.com",
	"Cloudflare":    "developers.cloudflare.com",
}

// subCodeProblems holds sub-codes to the rules entries follow: a known form
// that fits the status, filed under the IANA entry or the vendor's own,
// unique and in ascending order, a short phrase, a one-line summary that
// says more than the phrase, keywords that add words of their own, and an
// https link to the vendor's documentation. seen collects the sub-codes of
// every entry checked so far.
func subCodeProblems(s *Status, seen map[string]bool) []string {
	var out []string
	bad := func(sub SubCode, format string, args ...any) {
		out = append(out, fmt.Sprintf("%s %s sub-code %s: ", s.CodeString(), s.Source, sub.Code)+fmt.Sprintf(format, args...))
	}
	last := map[string]int{} // per vendor, the number of the previous sub-code
	for _, sub := range s.SubCodes {
		form, ok := subCodeForm[sub.Source]
		switch {
		case !ok:
			bad(sub, "no known form for source %q", sub.Source)
		case !form.MatchString(sub.Code):
			bad(sub, "not in %s's form %s", sub.Source, form)
		case strings.Contains(sub.Code, ".") && !strings.HasPrefix(sub.Code, s.CodeString()+"."):
			bad(sub, "filed under the wrong status")
		}
		if !s.Official && s.Source != sub.Source {
			bad(sub, "filed under another vendor's entry; use the IANA entry or one of %s's own", sub.Source)
		}
		if seen[sub.Source+" "+sub.Code] {
			bad(sub, "duplicate")
		}
		seen[sub.Source+" "+sub.Code] = true
		n := subCodeNumber(sub.Code)
		if prev, ok := last[sub.Source]; ok && n <= prev {
			bad(sub, "out of order: %s sub-codes must ascend within an entry", sub.Source)
		}
		last[sub.Source] = n

		phrase := strings.TrimSpace(sub.Phrase)
		if phrase == "" || phrase != sub.Phrase || strings.HasSuffix(phrase, ".") || len([]rune(phrase)) > 60 {
			bad(sub, "phrase %q must be a short name: trimmed, at most 60 characters, no final period", sub.Phrase)
		}
		if n := len([]rune(sub.Summary)); strings.TrimSpace(sub.Summary) == "" || n > 100 || strings.Contains(sub.Summary, "\n") {
			bad(sub, "summary must be one line of 1-100 characters (%d)", n)
		}
		if strings.EqualFold(strings.TrimSpace(strings.TrimSuffix(sub.Summary, ".")), phrase) {
			bad(sub, "summary only repeats the phrase")
		}
		keywords := map[string]bool{}
		informative := false
		for _, k := range sub.Keywords {
			if strings.TrimSpace(k) == "" || k != strings.TrimSpace(k) {
				bad(sub, "empty or padded keyword %q", k)
			}
			if keywords[strings.ToLower(k)] {
				bad(sub, "duplicate keyword %q", k)
			}
			keywords[strings.ToLower(k)] = true
			informative = informative || (!strings.EqualFold(k, phrase) && k != sub.Code)
		}
		if !informative {
			bad(sub, "keywords %q add nothing to the phrase and code", sub.Keywords)
		}
		if !checkedForm.MatchString(sub.Checked) {
			bad(sub, "checked %q is not a month like 2026-12", sub.Checked)
		}
		if u, err := url.Parse(sub.URL); err != nil || u.Scheme != "https" || u.Host != subCodeDocs[sub.Source] {
			bad(sub, "url %q is not https on %s's documentation site (%s)", sub.URL, sub.Source, subCodeDocs[sub.Source])
		}
		for _, text := range append([]string{sub.Code, sub.Phrase, sub.Source, sub.Summary, sub.URL}, sub.Keywords...) {
			if r, ok := controlChar(text); ok {
				bad(sub, "control character %U in %q", r, text)
			}
		}
	}
	return out
}

// subCodeNumber is the number that orders a vendor's sub-codes: 3 for
// "404.3", 1020 for "1020", and -1 when there is none.
func subCodeNumber(code string) int {
	n, err := strconv.Atoi(code[strings.LastIndex(code, ".")+1:])
	if err != nil {
		return -1
	}
	return n
}

// subCodeIn finds a vendor's sub-code and the entry it is filed under.
func subCodeIn(c *Catalog, source, code string) (*Status, *SubCode, int) {
	var entry *Status
	var sub *SubCode
	found := 0
	for i := range c.All() {
		s := &c.All()[i]
		for j := range s.SubCodes {
			if s.SubCodes[j].Source == source && s.SubCodes[j].Code == code {
				entry, sub = s, &s.SubCodes[j]
				found++
			}
		}
	}
	return entry, sub, found
}

// The sub-codes issue 9 names sit under the status their vendor sends them
// with: IIS and most Cloudflare errors under the IANA entry, 1016 and 1033
// under Cloudflare's own 530.
func TestSubCodesNamedInTheIssue(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		code, source string
		status       int
		official     bool
		words        string // words a search must be able to find them by
	}{
		{"404.3", "Microsoft IIS", 404, true, "mime"},
		{"500.19", "Microsoft IIS", 500, true, "web.config"},
		{"403.14", "Microsoft IIS", 403, true, "directory listing denied"},
		{"401.1", "Microsoft IIS", 401, true, "logon failed"},
		{"502.3", "Microsoft IIS", 502, true, "arr"},
		{"503.2", "Microsoft IIS", 503, true, "concurrent request"},
		{"1020", "Cloudflare", 403, true, "access denied"},
		{"1015", "Cloudflare", 429, true, "rate limit"},
		{"1016", "Cloudflare", 530, false, "origin dns"},
		{"1033", "Cloudflare", 530, false, "tunnel"},
	} {
		entry, sub, n := subCodeIn(c, tc.source, tc.code)
		if n != 1 {
			t.Errorf("%s %s: found %d times, want once", tc.source, tc.code, n)
			continue
		}
		if entry.Code != tc.status || entry.Official != tc.official {
			t.Errorf("%s %s: filed under %s (official %v), want %d (official %v)", tc.source, tc.code, entry.Title(), entry.Official, tc.status, tc.official)
		}
		if !entry.Official && entry.Source != tc.source {
			t.Errorf("%s %s: filed under %s's entry", tc.source, tc.code, entry.Source)
		}
		text := strings.ToLower(sub.Phrase + " " + strings.Join(sub.Keywords, " "))
		if !strings.Contains(text, tc.words) {
			t.Errorf("%s %s: phrase and keywords %q lack %q", tc.source, tc.code, text, tc.words)
		}
	}
}

// cloudflareStatus is the HTTP status Cloudflare sends each 1xxx error with,
// as Cloudflare's documentation (developers.cloudflare.com) states it.
// Errors whose status Cloudflare does not state are left out of the catalog.
var cloudflareStatus = map[string]int{
	// support/.../4xx-client-error/error-409: Cloudflare answers 1001 with 409.
	"1001": 409,
	// rules/custom-errors/reference/error-page-types: the IP/Country block
	// page (IP Access rules on an ASN, IP or country) returns 403.
	"1005": 403, "1006": 403, "1007": 403, "1008": 403, "1009": 403, "1106": 403,
	// support/.../4xx-client-error/error-403: Browser Integrity Check blocks
	// are served as a Cloudflare-branded 403.
	"1010": 403,
	// error-page-types: the rate limiting block page returns 429.
	"1015": 429,
	// support/.../cloudflare-5xx-errors/error-530: 530 is returned when
	// Cloudflare cannot resolve the origin, with the 1xxx code in the body.
	"1016": 530, "1033": 530,
	// cloudflare-1xxx-errors/error-1018 and error-1023 state their status.
	"1018": 409, "1023": 503,
	// error-page-types: the WAF block page returns 403.
	"1020": 403,
	// cloudflare-1xxx-errors/error-1101 and error-1102 tie a Worker's
	// uncaught exception to 500 and its exceeded limits to 503.
	"1101": 500, "1102": 503,
	// error-403 says most 1xxx errors are served as a Cloudflare-branded
	// 403, and error-page-types files them as "1000 class errors"; these
	// DNS and access errors are among them (their own pages name no status).
	"1000": 403, "1003": 403, "1014": 403, "1034": 403,
	// workers/observability/errors: the daily limit of the Workers Free
	// plan. Its error page says the site is temporarily rate limited, and
	// it arrives with 429; Cloudflare's pages do not state the status.
	"1027": 429,
	// Cloudflare documents 1019, 1021, 1022 and 1200 but not the status
	// they come with, so the catalog leaves them out until it does.
}

func TestCloudflareSubCodesFiledUnderTheirStatus(t *testing.T) {
	c := Load()
	filed := map[string]bool{}
	for _, s := range c.All() {
		for _, sub := range s.SubCodes {
			if sub.Source != "Cloudflare" {
				continue
			}
			filed[sub.Code] = true
			want, ok := cloudflareStatus[sub.Code]
			switch {
			case !ok:
				t.Errorf("Cloudflare %s: no documented status in cloudflareStatus", sub.Code)
			case s.Code != want:
				t.Errorf("Cloudflare %s: filed under %s, but Cloudflare sends it with %d", sub.Code, s.Title(), want)
			}
		}
	}
	for code := range cloudflareStatus {
		if !filed[code] {
			t.Errorf("Cloudflare %s: documented but not in the catalog", code)
		}
	}
}

// Coverage must not shrink silently: a floor per vendor, and the series
// Microsoft documents without gaps must stay complete.
func TestSubCodeCoverage(t *testing.T) {
	c := Load()
	count := map[string]int{}
	iis := map[string]bool{}
	for _, s := range c.All() {
		for _, sub := range s.SubCodes {
			count[sub.Source]++
			if sub.Source == "Microsoft IIS" {
				iis[sub.Code] = true
			}
		}
	}
	for source, floor := range map[string]int{"Microsoft IIS": 117, "Cloudflare": 21} {
		if count[source] < floor {
			t.Errorf("%s: %d sub-codes, want at least %d", source, count[source], floor)
		}
	}
	for _, series := range []struct{ status, from, to int }{
		{400, 1, 11}, {400, 601, 606},
		{401, 1, 5}, {401, 501, 504},
		{403, 1, 22}, {403, 501, 504},
		{404, 0, 20}, {404, 501, 504},
		{500, 30, 38}, {500, 50, 53},
		{502, 1, 7},
		{503, 2, 4},
	} {
		for n := series.from; n <= series.to; n++ {
			if code := fmt.Sprintf("%d.%d", series.status, n); !iis[code] {
				t.Errorf("Microsoft IIS %s missing", code)
			}
		}
	}
}

// The sub-code rules reject what they claim to: each case breaks one rule
// of an otherwise valid sub-code.
func TestSubCodeProblems(t *testing.T) {
	valid := SubCode{
		Code: "404.3", Phrase: "MIME type restriction", Source: "Microsoft IIS",
		Summary:  "No MIME type is mapped for the extension.",
		Keywords: []string{"mime map"},
		URL:      "https://learn.microsoft.com/en-us/troubleshoot/x",
		Checked:  "2026-12",
	}
	iana := func(code int, subs ...SubCode) *Status {
		return &Status{Code: code, Official: true, Source: "IANA", SubCodes: subs}
	}
	with := func(change func(*SubCode)) SubCode {
		sub := valid
		sub.Keywords = slices.Clone(valid.Keywords)
		change(&sub)
		return sub
	}
	if p := subCodeProblems(iana(404, valid), map[string]bool{}); len(p) > 0 {
		t.Fatalf("valid sub-code rejected: %v", p)
	}
	for _, tc := range []struct {
		name   string
		status *Status
		want   string
	}{
		{"unknown vendor", iana(404, with(func(s *SubCode) { s.Source = "Akamai" })), "no known form"},
		{"bad form", iana(404, with(func(s *SubCode) { s.Code = "404" })), "form"},
		{"wrong status", iana(403, valid), "wrong status"},
		{"other vendor's entry", &Status{Code: 404, Source: "nginx", SubCodes: []SubCode{valid}}, "another vendor"},
		{"duplicate", iana(404, valid, valid), "duplicate"},
		{"out of order", iana(404, valid, with(func(s *SubCode) { s.Code = "404.2" })), "out of order"},
		{"empty phrase", iana(404, with(func(s *SubCode) { s.Phrase = "" })), "phrase"},
		{"final period", iana(404, with(func(s *SubCode) { s.Phrase = "MIME type restriction." })), "phrase"},
		{"long summary", iana(404, with(func(s *SubCode) { s.Summary = strings.Repeat("x", 101) })), "summary"},
		{"summary is the phrase", iana(404, with(func(s *SubCode) { s.Summary = "MIME type restriction." })), "repeats the phrase"},
		{"no keywords", iana(404, with(func(s *SubCode) { s.Keywords = nil })), "add nothing"},
		{"keywords repeat the phrase", iana(404, with(func(s *SubCode) { s.Keywords = []string{"mime type restriction", "404.3"} })), "add nothing"},
		{"duplicate keyword", iana(404, with(func(s *SubCode) { s.Keywords = []string{"mime map", "MIME map"} })), "duplicate keyword"},
		{"padded keyword", iana(404, with(func(s *SubCode) { s.Keywords = []string{" mime map"} })), "padded"},
		{"http url", iana(404, with(func(s *SubCode) { s.URL = "http://learn.microsoft.com/x" })), "url"},
		{"foreign url", iana(404, with(func(s *SubCode) { s.URL = "https://example.com/iis" })), "url"},
		{"control character", iana(404, with(func(s *SubCode) { s.Summary = "No MIME\ttype." })), "control character"},
		{"undated", iana(404, with(func(s *SubCode) { s.Checked = "" })), "checked"},
		{"a day, not a month", iana(404, with(func(s *SubCode) { s.Checked = "2026-12-04" })), "checked"},
	} {
		p := subCodeProblems(tc.status, map[string]bool{})
		if !slices.ContainsFunc(p, func(s string) bool { return strings.Contains(s, tc.want) }) {
			t.Errorf("%s: problems %q, want one mentioning %q", tc.name, p, tc.want)
		}
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
	if got := c.Nearest(600); len(got) != 2 || got[0] != 599 || got[1] != 783 {
		t.Errorf("Nearest(600) = %v, want [599 783]", got)
	}
	if got := c.Nearest(1000); len(got) != 1 || got[0] != 999 {
		t.Errorf("Nearest(1000) = %v, want [999]", got)
	}
	var sources []string
	for _, s := range c.Lookup(499) {
		sources = append(sources, s.Source)
	}
	if want := []string{"nginx", "Esri ArcGIS", "Google APIs", "Traefik"}; !slices.Equal(sources, want) {
		t.Errorf("Lookup(499) sources = %q, want %q in file order", sources, want)
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
		{"4x", true, []int{400, 499}, []int{500}},
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
	strict, err := parseStrict(statusesTOML)
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
	if got := lazy.Lookup(404); len(got) != len(strict.Lookup(404)) || !got[0].Official || got[0].Phrase != "Not Found" {
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
	if !slices.Equal(lazy.keys, strict.keys) {
		t.Error("lazy and strict catalogs read different keys (code, official) for some entry")
	}
	if _, err := parseLazily([]byte("code = 1\n")); err == nil {
		t.Error("a file that does not start with [[status]] must be an error")
	}
}

func TestParseRejectsUnknownFields(t *testing.T) {
	if _, err := parseStrict([]byte("[[status]]\ncode = 1\nphrasee = \"x\"\n")); err == nil {
		t.Error("a misspelt field must be an error")
	}
}

// vendorSites is where each source publishes its own documentation: a
// host ("nginx.org", which also admits its subdomains) or a host and path
// ("github.com/traefik/") for a vendor that documents in its repositories.
// A vendor entry's references must be on its vendor's sites, on a
// standards body's, or on another owner's sites with a title that starts
// with that owner's name ("Cloudflare: Error 530" on a Shopify entry); a
// link cannot drift to a blog or a copy. Folklore has no vendor and so no
// sites of its own.
var vendorSites = map[string][]string{
	"nginx":                       {"nginx.org", "github.com/nginx/"},
	"Cloudflare":                  {"developers.cloudflare.com", "blog.cloudflare.com"},
	"Microsoft IIS":               {"learn.microsoft.com"},
	"Microsoft Exchange":          {"learn.microsoft.com"},
	"Microsoft WebDAV":            {"learn.microsoft.com"},
	"Exchange ActiveSync":         {"learn.microsoft.com"},
	"Microsoft Graph":             {"learn.microsoft.com"},
	"Microsoft Windows":           {"learn.microsoft.com"},
	"Azure Front Door":            {"learn.microsoft.com"},
	"AWS ELB":                     {"docs.aws.amazon.com", "aws.amazon.com", "repost.aws"},
	"Amazon API Gateway":          {"docs.aws.amazon.com", "aws.amazon.com", "repost.aws"},
	"Amazon CloudFront":           {"docs.aws.amazon.com", "aws.amazon.com", "repost.aws"},
	"Amazon S3":                   {"docs.aws.amazon.com", "aws.amazon.com", "repost.aws"},
	"Akamai":                      {"techdocs.akamai.com", "akamai.com"},
	"Fastly":                      {"www.fastly.com", "docs.fastly.com"},
	"Varnish":                     {"varnish-cache.org"},
	"Envoy":                       {"www.envoyproxy.io"},
	"Squid":                       {"squid-cache.org"},
	"HAProxy":                     {"docs.haproxy.org", "www.haproxy.org"},
	"Traefik":                     {"doc.traefik.io", "github.com/traefik/"},
	"Google APIs":                 {"cloud.google.com", "developers.google.com", "google.aip.dev", "github.com/googleapis/"},
	"Google Cloud Load Balancing": {"cloud.google.com"},
	"Laravel":                     {"laravel.com", "github.com/laravel/"},
	"Django":                      {"docs.djangoproject.com"},
	"Ruby on Rails":               {"rubyonrails.org", "github.com/rails/"},
	"Spring Framework":            {"docs.spring.io", "github.com/spring-projects/"},
	"Tornado":                     {"www.tornadoweb.org"},
	"HTTP clients":                {"curl.se"},
	"Twitter":                     {"developer.x.com", "developer.twitter.com", "groups.google.com/g/twitter-development-talk/"},
	"Esri ArcGIS":                 {"developers.arcgis.com"},
	"cPanel":                      {"docs.cpanel.net"},
	"CloudLinux":                  {"docs.cloudlinux.com"},
	"Shopify":                     {"shopify.dev"},
	"Stripe":                      {"docs.stripe.com"},
	"GitHub":                      {"docs.github.com"},
	"Anthropic":                   {"platform.claude.com", "docs.claude.com"},
	"Pantheon":                    {"docs.pantheon.io"},
	"Linode":                      {"techdocs.akamai.com/linode-api/", "www.linode.com"},
	"LinkedIn":                    {"linkedin.com"},
	"Qualys SSL Labs":             {"github.com/ssllabs/", "www.ssllabs.com"},
	"Informal":                    {},
	"Proxies (informal)":          {},
	// Owners of pages that entries cite for context, though no entry is
	// theirs.
	"Apache HTTP Server": {"httpd.apache.org"},
}

// standardsSites publish the specifications every entry may cite.
var standardsSites = []string{"www.rfc-editor.org", "www.iana.org", "datatracker.ietf.org", "fetch.spec.whatwg.org", "xhr.spec.whatwg.org"}

// onSite reports whether u is on site: the host or a subdomain of it, or,
// for a site with a path, under that path.
func onSite(u *url.URL, site string) bool {
	host, path, hasPath := strings.Cut(site, "/")
	if hasPath {
		return u.Host == host && strings.HasPrefix(strings.TrimPrefix(u.Path, "/"), path)
	}
	return u.Host == site || strings.HasSuffix(u.Host, "."+site)
}

func onAny(u *url.URL, sites []string) bool {
	return slices.ContainsFunc(sites, func(site string) bool { return onSite(u, site) })
}

// referenceProblems holds a vendor entry's references to its vendor's
// sites, as vendorSites describes.
func referenceProblems(s *Status) []string {
	if s.Official {
		return nil
	}
	own, known := vendorSites[s.Source]
	if !known {
		return []string{fmt.Sprintf("%s %s: no sites for %q in vendorSites", s.CodeString(), s.Source, s.Source)}
	}
	var out []string
	ownRefs := 0
	for _, r := range s.References {
		u, err := url.Parse(r.URL)
		if err != nil {
			continue // TestEveryEntryIsWellFormed reports it
		}
		switch {
		case onAny(u, own):
			ownRefs++
		case onAny(u, standardsSites):
		default:
			labelled := false
			for owner, sites := range vendorSites {
				if owner != s.Source && strings.HasPrefix(r.Title, owner) && onAny(u, sites) {
					labelled = true
				}
			}
			if !labelled {
				out = append(out, fmt.Sprintf("%s %s: reference %q (%s) is neither on %s's sites nor labelled with its owner", s.CodeString(), s.Source, r.Title, u.Host, s.Source))
			}
		}
	}
	if ownRefs == 0 && !s.Folklore {
		out = append(out, fmt.Sprintf("%s %s: no reference on %s's own sites %v", s.CodeString(), s.Source, s.Source, own))
	}
	return out
}

func TestVendorReferencesStayOnTheirSites(t *testing.T) {
	for i := range Load().All() {
		for _, p := range referenceProblems(&Load().All()[i]) {
			t.Error(p)
		}
	}
}

func TestReferenceProblemsRejectsStrayLinks(t *testing.T) {
	entry := func(refs ...Reference) *Status {
		return &Status{Code: 522, Source: "Cloudflare", References: refs}
	}
	own := Reference{"Cloudflare: Error 522", "https://developers.cloudflare.com/support/x/"}
	for name, tc := range map[string]struct {
		s    *Status
		fail bool
	}{
		"own site":                {entry(own), false},
		"standards body":          {entry(own, Reference{"RFC 9110 §15", "https://www.rfc-editor.org/rfc/rfc9110"}), false},
		"blog":                    {entry(own, Reference{"Fixing 522", "https://example.blog/522"}), true},
		"other owner, labelled":   {entry(own, Reference{"Apache HTTP Server: mod_proxy", "https://httpd.apache.org/docs/"}), false},
		"other owner, unlabelled": {entry(own, Reference{"mod_proxy", "https://httpd.apache.org/docs/"}), true},
		"only third parties":      {entry(Reference{"RFC 9110 §15", "https://www.rfc-editor.org/rfc/rfc9110"}), true},
		"lookalike host":          {entry(Reference{"Cloudflare: Error 522", "https://developers.cloudflare.com.example/x"}), true},
		"unknown vendor":          {&Status{Code: 999, Source: "Nobody", References: []Reference{own}}, true},
		"folklore, standards only": {&Status{Code: 598, Source: "Proxies (informal)", Folklore: true,
			References: []Reference{{"IANA registry", "https://www.iana.org/assignments/http-status-codes/"}}}, false},
	} {
		if got := len(referenceProblems(tc.s)) > 0; got != tc.fail {
			t.Errorf("%s: problems %v, want failure %v", name, referenceProblems(tc.s), tc.fail)
		}
	}
	if !onSite(&url.URL{Host: "github.com", Path: "/traefik/traefik/blob/x"}, "github.com/traefik/") ||
		onSite(&url.URL{Host: "github.com", Path: "/someone/traefik"}, "github.com/traefik/") {
		t.Error("a site with a path must admit its own repositories and nothing else on the host")
	}
}

// checkedForm is how an entry records when it was last checked: a month.
var checkedForm = regexp.MustCompile(`^20[0-9]{2}-(0[1-9]|1[0-2])$`)

// Every vendor entry and sub-code says when its facts were last compared
// with the vendor's documentation; IANA entries are dated by the registry
// test instead and carry no date.
func TestVendorEntriesAreDated(t *testing.T) {
	for _, s := range Load().All() {
		switch {
		case s.Official && s.Checked != "":
			t.Errorf("%s: IANA entries carry no checked date (%q)", s.Title(), s.Checked)
		case !s.Official && !checkedForm.MatchString(s.Checked):
			t.Errorf("%s %s: checked %q is not a month like 2026-12", s.Title(), s.Source, s.Checked)
		}
	}
}

// The codes no vendor documents are marked folklore and say so in plain
// words; every other vendor entry has a vendor behind it.
func TestFolklore(t *testing.T) {
	want := map[int]bool{218: true, 450: true, 598: true, 599: true}
	for _, s := range Load().All() {
		if s.Folklore != (want[s.Code] && !s.Official && s.Source != "Tornado") {
			t.Errorf("%s %s: folklore %v", s.Title(), s.Source, s.Folklore)
		}
		if !s.Folklore {
			continue
		}
		if !strings.Contains(s.Summary, "Folklore") || !strings.Contains(s.Description, "folklore") || !contains(s.Keywords, "folklore") {
			t.Errorf("%s: a folklore entry says so in its summary, description and keywords", s.Title())
		}
	}
}

// Spring Framework 7.0 removed the WebDAV-draft constants; their entries
// say so and no longer list a constant that does not compile.
func TestSpringRemovedConstants(t *testing.T) {
	for _, code := range []int{103, 419, 420, 421} {
		s := vendorEntry(Load(), code, "Spring Framework")
		if s == nil {
			t.Errorf("%d: no Spring Framework entry", code)
			continue
		}
		if _, ok := s.Constants["spring"]; ok {
			t.Errorf("%d Spring Framework: lists constant %s, which Spring 7.0 removed", code, s.Constants["spring"])
		}
		if !strings.Contains(s.Description, "Spring Framework 7.0") || !strings.Contains(s.Summary, "Spring 7") {
			t.Errorf("%d Spring Framework: summary and description must say Spring 7.0 removed it", code)
		}
	}
}

func vendorEntry(c *Catalog, code int, source string) *Status {
	for _, s := range c.Lookup(code) {
		if s.Source == source && !s.Official {
			return s
		}
	}
	return nil
}
