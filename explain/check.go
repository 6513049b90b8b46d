package explain

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/httpstatus-dev/httpstatus/data"
)

// checker collects the notes about one response.
type checker struct {
	resp  *Response
	entry *data.Status // nil for a code the catalog lacks
	cat   *data.Catalog
	notes []Note
}

func (c *checker) add(l Level, field, ref, format string, args ...any) {
	c.notes = append(c.notes, Note{Level: l, Field: field, Message: fmt.Sprintf(format, args...), Reference: ref})
}

func (c *checker) all(found []match) {
	c.registry()
	c.vendor(found)
	c.phrase()
	c.malformed()
	c.rules()
	c.contentLength()
	c.retryAfter()
	c.location()
	c.contentRange()
	c.challenge()
	c.status()
	if c.resp.Request != nil {
		c.request(c.resp.Request)
	}
}

// registry notes codes outside the IANA registry, and deprecated ones.
func (c *checker) registry() {
	code, e := c.resp.Code, c.entry
	valid := code >= 100 && code <= 599
	if !valid {
		c.add(Error, "", "RFC 9110 §15", "%03d is outside 100-599, the range of HTTP status codes, so it is not valid HTTP; clients may reject the response.", code)
	}
	switch {
	case e == nil:
		msg := fmt.Sprintf("%03d is not a registered status code, and no vendor in the catalog uses it", code)
		var near []string
		for _, n := range c.cat.Nearest(code) {
			near = append(near, data.FormatCode(n))
		}
		if len(near) > 0 {
			msg += " (nearest: " + strings.Join(near, ", ") + ")"
		}
		msg += "."
		if valid {
			msg += " Clients treat it as " + c.classCode() + "."
		}
		c.add(Error, "", "RFC 9110 §15", "%s", msg)
		return
	case !e.Official && valid:
		c.add(Warn, "", "RFC 9110 §15", "%d is not in the IANA registry but a vendor code (%s). Clients that do not know it treat it as %s.", code, e.Source, c.classCode())
	}
	if !e.Deprecated {
		return
	}
	switch {
	case e.Official && code == 305:
		c.add(Error, "", "RFC 9110 §15.4.6", "305 Use Proxy is deprecated: letting a response choose the client's proxy was a security risk, so clients ignore it.")
	case e.Official && code == 306:
		c.add(Error, "", "RFC 9110 §15.4.7", "306 is reserved: it was Switch Proxy in an early draft, is no longer used, and nothing should send it.")
	case e.Official && code == 418:
		c.add(Warn, "", "RFC 9110 §15.5.19", "418 is reserved, not a real status: it comes from the April Fools' RFC 2324 (I'm a teapot), and strict clients may not accept it.")
	default:
		ref := ""
		if len(e.References) > 0 && strings.HasPrefix(e.References[0].Title, "RFC ") {
			ref = e.References[0].Title
		}
		c.add(Warn, "", ref, "%d %s is deprecated; servers should send a current code instead.", code, e.Phrase)
	}
}

// ambiguous names the other meanings of a code when nothing in the
// response chose between them.
func (c *checker) ambiguous(entries []*data.Status) {
	var others []string
	for _, e := range entries {
		if e != c.entry {
			others = append(others, e.Phrase+" ("+e.Source+")")
		}
	}
	c.add(Info, "", "", "%d has other meanings too: %s. Neither the reason phrase nor a header field says which one this is.", c.resp.Code, strings.Join(others, ", "))
}

// classCode names the x00 code of the response's class, which RFC 9110
// §15 tells clients to fall back on: "500 Internal Server Error".
func (c *checker) classCode() string {
	x00 := c.resp.Code / 100 * 100
	for _, e := range c.cat.Lookup(x00) {
		if e.Official {
			return e.Title()
		}
	}
	return strconv.Itoa(x00)
}

// vendor says which product answered, when a header field tells.
func (c *checker) vendor(found []match) {
	code, e := c.resp.Code, c.entry
	said := map[string]bool{}
	for _, m := range found {
		if said[m.product] {
			continue
		}
		switch {
		case m.self:
			said[m.product] = true
			c.add(Info, m.field, "", "%s generated this response itself (%s); the application behind it did not send it.%s", capitalize(m.product), m.evidence, m.hint())
		case e != nil && !e.Official && e.Source == m.source:
			said[m.product] = true
			c.add(Info, m.field, "", "%s generated this response itself (%s): %d is one of its own codes, not one the server behind it sent.%s", capitalize(m.product), m.evidence, code, m.hint())
		case m.proxy && code >= 500 && (e == nil || e.Official):
			said[m.product] = true
			c.add(Info, m.field, "", "The response passed through %s (%s): the %d may come from it or from the server behind it; a request straight to that server tells which.", m.product, m.evidence, code)
		}
		if e == nil || m.source == "" || said["sub "+m.source] {
			continue
		}
		var subs []string
		for _, s := range e.SubCodes {
			if s.Source == m.source {
				subs = append(subs, s.Code)
			}
		}
		if len(subs) > 0 {
			said["sub "+m.source] = true
			if len(subs) > 8 {
				subs = append(subs[:8], "…")
			}
			c.add(Info, m.field, "", "%s is in the path (%s). When it makes a %d itself, its logs and error pages give a finer sub-code (%s); httpstatus %d lists them.",
				capitalize(m.product), m.evidence, code, strings.Join(subs, ", "), code)
		}
	}
}

// hint is what a product's own logs offer for finding the request.
func (m match) hint() string {
	switch m.source {
	case "AWS ELB":
		return " Its access log tells the two apart: elb_status_code against target_status_code."
	case "Cloudflare":
		return " The CF-RAY ID finds the request in Cloudflare's logs."
	}
	return ""
}

// phrase notes a reason phrase that is none of the entry's names.
func (c *checker) phrase() {
	p, e := c.resp.Phrase, c.entry
	if p == "" || e == nil || fold(p) == fold(e.Phrase) || slices.ContainsFunc(e.Aliases, func(a string) bool { return fold(a) == fold(p) }) {
		return
	}
	if c.resp.Code == 200 && fold(p) == "connectionestablished" {
		c.add(Info, "", "RFC 9110 §9.3.6", "This is a proxy's answer to CONNECT: the tunnel is open, and the server's own response follows.")
		return
	}
	c.add(Info, "", "RFC 9112 §4", "The reason phrase %q is not the usual one (%s); clients ignore the phrase, so only the code counts.", clip(p, 60), e.Phrase)
}

// maxMalformedNotes bounds the notes about lines that are not fields.
const maxMalformedNotes = 3

func (c *checker) malformed() {
	for i, line := range c.resp.Malformed {
		if i == maxMalformedNotes {
			c.add(Warn, "", "RFC 9112 §5", "%d more lines are not header fields either.", len(c.resp.Malformed)-i)
			return
		}
		c.add(Warn, "", "RFC 9112 §5", "The line %q is not a header field (name: value); it is ignored here, and clients may reject the response.", clip(line, 60))
	}
}

// rules applies the entry's declarative rules.
func (c *checker) rules() {
	if c.entry == nil {
		return
	}
	h := c.resp.Header
	for _, r := range c.entry.Rules {
		if field, prefix, ok := strings.Cut(r.Unless, ": "); ok &&
			strings.HasPrefix(strings.ToLower(strings.TrimSpace(h.Get(field))), strings.ToLower(prefix)) {
			continue
		}
		var broken bool
		switch r.Expect {
		case data.ExpectPresent:
			broken = len(h.Values(r.Header)) == 0
		case data.ExpectAbsent:
			broken = len(h.Values(r.Header)) > 0
		case data.ExpectNoContent:
			broken = c.resp.Body > 0
		}
		if broken {
			c.add(Level(r.Level), r.Header, r.Reference, "%s", r.Message)
		}
	}
}

func (c *checker) contentLength() {
	h, code := c.resp.Header, c.resp.Code
	values := h.Values("Content-Length")
	if len(values) == 0 {
		return
	}
	const field = "Content-Length"
	first := strings.TrimSpace(values[0])
	n, err := strconv.ParseUint(first, 10, 63)
	switch {
	case err != nil || strings.HasPrefix(first, "+"):
		c.add(Error, field, "RFC 9110 §8.6", "Content-Length %q is not a number of bytes.", clip(first, 40))
		return
	case slices.ContainsFunc(values[1:], func(v string) bool { return strings.TrimSpace(v) != first }):
		c.add(Error, field, "RFC 9112 §6.3", "Content-Length is sent several times with different values; a client cannot tell where the content ends.")
		return
	case h.Get("Transfer-Encoding") != "":
		c.add(Error, field, "RFC 9112 §6.2", "Content-Length and Transfer-Encoding are sent together: a sender must not send both, and recipients go by Transfer-Encoding.")
	}
	switch {
	case code/100 == 1 || code == 204:
		if n == 0 {
			c.add(Warn, field, "RFC 9110 §8.6", "A %d must not carry Content-Length, not even 0.", code)
		} else {
			c.add(Error, field, "RFC 9110 §8.6", "Content-Length: %d announces content that a %d cannot have; a client that trusts it waits for bytes that never come.", n, code)
		}
	case code == 304 && n > 0:
		c.add(Info, field, "RFC 9110 §8.6", "On a 304, Content-Length gives the size of the 200 it stands for; no content follows.")
	}
}

func (c *checker) retryAfter() {
	v := strings.TrimSpace(c.resp.Header.Get("Retry-After"))
	if v == "" {
		return
	}
	const field, ref = "Retry-After", "RFC 9110 §10.2.3"
	verb := "Retry"
	if c.resp.Code/100 == 3 {
		verb = "Wait before following the redirect:"
	}
	if strings.Trim(v, "0123456789") == "" {
		secs, err := strconv.ParseInt(v, 10, 64)
		switch {
		case err != nil:
			c.add(Info, field, ref, "%s in more than %s (%s s).", verb, duration(maxSeconds), clip(v, 30))
		case secs == 0:
			c.add(Info, field, ref, "%s now (Retry-After: 0).", verb)
		case secs < 60:
			c.add(Info, field, ref, "%s in %s.", verb, duration(secs))
		default:
			c.add(Info, field, ref, "%s in %s (%d s).", verb, duration(secs), secs)
		}
		return
	}
	t, err := http.ParseTime(v)
	if err != nil {
		c.add(Error, field, ref, "Retry-After %q is neither a number of seconds nor an HTTP date.", clip(v, 40))
		return
	}
	at := t.UTC().Format(http.TimeFormat)
	date, err := http.ParseTime(c.resp.Header.Get("Date"))
	switch {
	case err != nil:
		c.add(Info, field, ref, "%s after %s.", verb, at)
	case !t.After(date):
		c.add(Info, field, ref, "%s now: Retry-After names %s, which is not after the response's Date.", verb, at)
	default:
		c.add(Info, field, ref, "%s at %s, %s after the response's Date.", verb, at, duration(int64(t.Sub(date)/time.Second)))
	}
}

// maxSeconds is where a delay stops being worth counting: ten years.
const maxSeconds = 10 * 365 * 86400

// duration says a number of seconds the way people do: "2 min", "1 h 30 min".
func duration(secs int64) string {
	plural := func(n int64, unit string) string {
		if n == 1 || !strings.HasSuffix(unit, "day") {
			return strconv.FormatInt(n, 10) + " " + unit
		}
		return strconv.FormatInt(n, 10) + " " + unit + "s"
	}
	both := func(big int64, bigUnit string, small int64, smallUnit string) string {
		if small == 0 {
			return plural(big, bigUnit)
		}
		return plural(big, bigUnit) + " " + plural(small, smallUnit)
	}
	switch {
	case secs > maxSeconds:
		return "more than " + duration(maxSeconds)
	case secs < 60:
		return plural(secs, "s")
	case secs < 3600:
		return both(secs/60, "min", secs%60, "s")
	case secs < 86400:
		return both(secs/3600, "h", secs%3600/60, "min")
	}
	return both(secs/86400, "day", secs%86400/3600, "h")
}

// location checks that a Location is one URI reference.
func (c *checker) location() {
	values := c.resp.Header.Values("Location")
	switch {
	case len(values) > 1:
		c.add(Error, "Location", "RFC 9110 §10.2.2", "Location is sent %d times; a client cannot tell which to follow.", len(values))
	case len(values) == 1:
		v := strings.TrimSpace(values[0])
		if _, err := url.Parse(v); err != nil || v == "" || strings.ContainsAny(v, " \t") {
			c.add(Error, "Location", "RFC 9110 §10.2.2", "Location %q is not a valid URI reference.", clip(v, 60))
		}
	}
}

var (
	byteRange       = regexp.MustCompile(`^bytes ([0-9]+)-([0-9]+)/([0-9]+|\*)$`)
	unsatisfiedSize = regexp.MustCompile(`^bytes \*/[0-9]+$`)
)

// contentRange checks the form of Content-Range on 206 and 416.
func (c *checker) contentRange() {
	v := strings.TrimSpace(c.resp.Header.Get("Content-Range"))
	if v == "" {
		return
	}
	switch c.resp.Code {
	case 206:
		m := byteRange.FindStringSubmatch(v)
		ok := m != nil
		if ok {
			first, err1 := strconv.ParseUint(m[1], 10, 63)
			last, err2 := strconv.ParseUint(m[2], 10, 63)
			size, err3 := strconv.ParseUint(m[3], 10, 63)
			ok = err1 == nil && err2 == nil && first <= last && (m[3] == "*" || err3 == nil && last < size)
		}
		if !ok {
			c.add(Error, "Content-Range", "RFC 9110 §14.4", "Content-Range %q is not \"bytes FIRST-LAST/LENGTH\" with FIRST ≤ LAST < LENGTH.", clip(v, 60))
		}
	case 416:
		if !unsatisfiedSize.MatchString(v) {
			c.add(Warn, "Content-Range", "RFC 9110 §14.4", "A 416's Content-Range should be \"bytes */LENGTH\", the current length; %q is not.", clip(v, 60))
		}
	}
}

// challenge says which authentication schemes a 401 or 407 asks for.
func (c *checker) challenge() {
	field, ref := "WWW-Authenticate", "RFC 9110 §11.6.1"
	switch c.resp.Code {
	case 401:
	case 407:
		field, ref = "Proxy-Authenticate", "RFC 9110 §11.7.1"
	default:
		return
	}
	var schemes []string
	for _, v := range c.resp.Header.Values(field) {
		for _, s := range authSchemes(v) {
			if !slices.ContainsFunc(schemes, func(x string) bool { return strings.EqualFold(x, s) }) {
				schemes = append(schemes, s)
			}
		}
	}
	if len(schemes) > 0 {
		c.add(Info, field, ref, "Asks for %s credentials.", orList(schemes))
	}
}

// authSchemes reads the schemes of a challenge list: `Bearer realm="api",
// Basic realm="x, y"` has Bearer and Basic. A comma-separated item whose
// first word holds no "=" starts a challenge; the others are parameters.
func authSchemes(v string) []string {
	var out []string
	for _, item := range splitUnquoted(v) {
		word, _, _ := strings.Cut(strings.TrimSpace(item), " ")
		if word != "" && !strings.Contains(word, "=") && len(out) < 8 {
			out = append(out, clip(word, 30))
		}
	}
	return out
}

// splitUnquoted splits a field value at the commas outside quoted strings.
func splitUnquoted(v string) []string {
	var items []string
	quoted, start := false, 0
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && quoted:
			i++
		case v[i] == '"':
			quoted = !quoted
		case v[i] == ',' && !quoted:
			items = append(items, v[start:i])
			start = i + 1
		}
	}
	return append(items, v[start:])
}

func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// status adds what httplint says of 400, 414 and 505 alone: each means
// the request, not the server, needs changing.
func (c *checker) status() {
	req := c.resp.Request
	switch c.resp.Code {
	case 400:
		c.add(Warn, "", "RFC 9110 §15.5.1", "The server could not accept the request as sent: check its syntax, headers and size; the content often says which.")
	case 414:
		size := ""
		if req != nil {
			size = fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(req.Target))
		}
		c.add(Error, "", "RFC 9110 §15.5.15", "The request target%s is longer than the server accepts: move data from the query string into a POST body.", size)
	case 505:
		version := "the request's HTTP version"
		if req != nil {
			version = req.Proto
		}
		c.add(Error, "", "RFC 9110 §15.6.6", "The server refuses %s; retry with a version it supports.", version)
	}
}

// Request header fields that make a request conditional on a validator.
var (
	conditionals = []string{"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"}
	negotiation  = []string{"Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language"}
	safeMethods  = []string{"GET", "HEAD", "OPTIONS", "TRACE"}
)

func hasAny(h http.Header, fields []string) bool {
	return slices.ContainsFunc(fields, func(f string) bool { return len(h.Values(f)) > 0 })
}

// request makes the checks that need the request the response answers.
func (c *checker) request(req *Request) {
	code, h := c.resp.Code, c.resp.Header
	expect := strings.ToLower(strings.Join(req.Header.Values("Expect"), ","))
	switch {
	case code/100 == 1 && req.Proto == "HTTP/1.0":
		c.add(Error, "", "RFC 9110 §15.2", "A %d answers an HTTP/1.0 request, which cannot have asked for one: servers must not send 1xx to HTTP/1.0 clients.", code)
	case code == 100 && !strings.Contains(expect, "100-continue"):
		c.add(Warn, "", "RFC 9110 §10.1.1", "100 Continue comes unasked: the request had no Expect: 100-continue. Clients must cope, but it usually means a confused proxy or server.")
	case code == 101 && len(req.Header.Values("Upgrade")) == 0:
		c.add(Error, "Upgrade", "RFC 9110 §7.8", "The server switched protocols, but the request did not offer any in Upgrade; a server must not switch to a protocol the client did not ask for.")
	case code == 201 && slices.Contains(safeMethods, req.Method):
		c.add(Warn, "", "RFC 9110 §9.2.1", "%s is a safe method, yet the server says it created something; crawlers and retries will create more.", req.Method)
	case code == 206 && len(req.Header.Values("Range")) == 0:
		c.add(Error, "", "RFC 9110 §15.3.7", "A partial response to a request that did not ask for a range (no Range field).")
	case code == 304 && (req.Method != "GET" && req.Method != "HEAD" || !hasAny(req.Header, []string{"If-None-Match", "If-Modified-Since"})):
		c.add(Error, "", "RFC 9110 §15.4.5", "A 304 answers only a conditional GET or HEAD (If-None-Match, If-Modified-Since); this %s request was not one, so the client has no copy to reuse.", req.Method)
	case code == 405 && slices.ContainsFunc(strings.Split(h.Get("Allow"), ","), func(m string) bool { return strings.TrimSpace(m) == req.Method }):
		c.add(Warn, "Allow", "RFC 9110 §15.5.6", "The server refuses %s, yet lists it in Allow.", req.Method)
	case code == 406 && !hasAny(req.Header, negotiation):
		c.add(Warn, "", "RFC 9110 §15.5.7", "406 without negotiation: the request sent no Accept, Accept-Charset, Accept-Encoding or Accept-Language to fail to satisfy.")
	case code == 412 && !hasAny(req.Header, conditionals):
		c.add(Warn, "", "RFC 9110 §15.5.13", "412 for a request with no precondition (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range).")
	case code == 416 && len(req.Header.Values("Range")) == 0:
		c.add(Warn, "", "RFC 9110 §15.5.17", "416 for a request that asked for no range (no Range field).")
	case code == 417 && expect == "":
		c.add(Warn, "", "RFC 9110 §15.5.18", "417 for a request with no Expect field, so there was no expectation to fail.")
	case code == 417 && strings.Contains(expect, "100-continue"):
		c.add(Info, "", "RFC 9110 §10.1.1", "The server or a proxy could not honour Expect: 100-continue; send the request again without it.")
	}
}

// clip shortens a value from the input for a message, at a character
// boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
