package explain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpstatus-dev/httpstatus/data"
)

// checker collects the notes about one response.
type checker struct {
	resp  *data.Response
	entry *data.Status // nil for a code the catalog lacks
	cat   *data.Catalog
	notes []Note
}

func (c *checker) add(l Level, field, ref, format string, args ...any) {
	c.notes = append(c.notes, Note{Level: l, Field: field, Message: fmt.Sprintf(format, args...), Reference: ref})
}

func (c *checker) all(m data.Meaning) {
	if c.resp.Failure != nil {
		return // no response: nothing to check, and the client's words say why
	}
	c.registry()
	c.path(m.AnsweredBy, m.Path)
	c.phrase()
	c.malformed()
	c.rules()
	c.contentLength()
	c.retryAfter()
	c.dates()
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
	case !e.Official && valid && c.standard() == nil:
		// Only a code the registry lacks is one clients may not know; a
		// vendor's meaning of a registered code (Varnish's 503) is not.
		c.add(Warn, "", "RFC 9110 §15", "%d is not in the IANA registry but a vendor code (%s). Clients that do not know it treat it as %s.", code, e.Source, c.classCode())
	}
	switch {
	case !e.Deprecated:
	case e.Deprecation != nil:
		d := e.Deprecation
		c.add(Level(d.Level), "", d.Reference, "%s", d.Message)
	default:
		ref := ""
		if len(e.References) > 0 && strings.HasPrefix(e.References[0].Title, "RFC ") {
			ref = e.References[0].Title
		}
		c.add(Warn, "", ref, "%d %s is deprecated; servers should send a current code instead.", code, e.Phrase)
	}
}

// standard is the registry's entry for the response's code, or nil.
func (c *checker) standard() *data.Status {
	for _, e := range c.cat.Lookup(c.resp.Code) {
		if e.Official {
			return e
		}
	}
	return nil
}

// ambiguous names the other meanings of a code when nothing in the
// response chose between them.
func (c *checker) ambiguous(results []data.Result) {
	var others []string
	for _, r := range results {
		if r.Sub == nil && r.Status != c.entry {
			others = append(others, r.Status.Phrase+" ("+r.Status.Source+")")
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

// path notes what the response shows of its path that who answered does
// not say: a cache that answered from its store when the writer is not
// shown, a proxy or CDN on the path of a 5xx whose writer is not shown,
// the finer sub-codes a vendor on the path gives, and where the writer's
// logs tell more.
func (c *checker) path(who *data.Responder, path []data.Sighting) {
	code, e := c.resp.Code, c.entry
	if who != nil && who.Wrote && who.Hint != "" && (who.Role != data.RoleOrigin || who.Cause != "") {
		c.add(Info, "", "", "%s", who.Hint)
	}
	said := map[string]bool{}
	for _, s := range path {
		evidence := strings.Join(s.Evidence, "; ")
		if who == nil && s.Hit {
			c.add(Info, fieldOf(s.Evidence), "", "%s answered from its cache (%s): the server behind it was not asked this time.", s.Name, evidence)
		}
		if (who == nil || !who.Wrote) && s.Role != data.RoleOrigin && code >= 500 && (e == nil || e.Official) {
			c.add(Info, fieldOf(s.Evidence), "", "The response passed through %s (%s): the %d may come from it or from the server behind it; a request straight to that server tells which.", s.Name, evidence, code)
		}
		if e == nil {
			continue
		}
		var subs []string
		for _, sub := range e.SubCodes {
			if slices.Contains(s.Sources, sub.Source) && !said[sub.Source] {
				subs = append(subs, sub.Code)
			}
		}
		if len(subs) > 0 {
			for _, src := range s.Sources {
				said[src] = true
			}
			if len(subs) > 8 {
				subs = append(subs[:8], "…")
			}
			c.add(Info, fieldOf(s.Evidence), "", "%s is in the path (%s). When it makes a %d itself, its logs and error pages give a finer sub-code (%s); httpstatus %d lists them.",
				s.Name, evidence, code, strings.Join(subs, ", "), code)
		}
	}
}

// fieldOf is the header field a piece of evidence quotes ("Server:
// nginx"), or "" for a body or a reason phrase.
func fieldOf(evidence []string) string {
	if len(evidence) == 0 {
		return ""
	}
	name, _, ok := strings.Cut(evidence[0], ": ")
	if !ok || name == "body" || strings.Contains(name, " ") {
		return ""
	}
	return name
}

// phrase notes a reason phrase that is none of the entry's names: the
// registry's entry for the code when the chosen one is a vendor's own code
// that the status line does not say (nginx's 494, sent as a 400).
func (c *checker) phrase() {
	p, e := c.resp.Phrase, c.entry
	if e != nil && e.Code != c.resp.Code {
		e = c.standard()
	}
	if p == "" || e == nil || data.SamePhrase(p, e.Phrase) || slices.ContainsFunc(e.Aliases, func(a string) bool { return data.SamePhrase(a, p) }) {
		return
	}
	if c.resp.Code == 200 && data.SamePhrase(p, "Connection established") {
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

// rules applies the entry's declarative rules, and the catalog's rules
// for the code's class where the entry has none of its own on the field.
// A head without fields is a fragment pasted, not held to class rules.
func (c *checker) rules() {
	var rules []data.Rule
	if c.entry != nil {
		rules = c.entry.Rules
	}
	if len(c.resp.Header) > 0 {
		for _, cr := range data.ClassRules() {
			if data.StatusIn(cr.Status, c.resp.Code) && !slices.ContainsFunc(rules, func(r data.Rule) bool { return r.Header == cr.Header }) {
				rules = append(rules, cr.Rule)
			}
		}
	}
	h := c.resp.Header
	for _, r := range rules {
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
