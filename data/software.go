package data

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

//go:embed software.toml
var softwareTOML []byte

// Software is a program that writes or passes on HTTP responses (a server,
// proxy, cache, CDN or load balancer), with the signs by which a response
// shows it: software.toml, the one table of evidence that names who
// answered and which vendor's meaning of a code applies.
type Software struct {
	Name string `toml:"name"`
	// Role is what it is when it writes a response itself: origin, proxy,
	// cache, cdn or load-balancer.
	Role string `toml:"role"`
	// Gateway are the codes that, when it writes them itself, make a web
	// server the proxy in front of an application: nginx's own 502.
	Gateway []int `toml:"gateway"`
	// Sources are the catalog vendors whose codes it sends, most specific
	// first: IIS sends Exchange's codes when Exchange runs on it.
	Sources []string `toml:"sources"`
	// Hint is where its logs tell more about a response it made.
	Hint   string  `toml:"hint"`
	Signs  []Sign  `toml:"sign"`
	Causes []Cause `toml:"cause"`
}

// Condition is what a response must show for a sign or a cause to apply:
// every part it sets must hold.
type Condition struct {
	// Status lists the codes and classes it applies to: "502", "4xx".
	// Empty: every code.
	Status []string `toml:"status"`
	// Header is a field whose value must contain Contains (lower case; ""
	// any value).
	Header   string `toml:"header"`
	Contains string `toml:"contains"`
	// Also are more fields that must be there, "Name: part of the value".
	Also []string `toml:"also"`
	// Absent are fields that must not be there.
	Absent []string `toml:"absent"`
	Phrase string   `toml:"phrase"` // the reason phrase, folded as compared
	Body   string   `toml:"body"`   // text in the body's start, as written
	// LowerCase: an HTTP/1 head whose field names are all lower case, as
	// HAProxy writes them; HTTP/2's always are.
	LowerCase bool `toml:"lower_case"`
	// NoPhrase: an HTTP/1 status line without a reason phrase, as Tomcat
	// writes them.
	NoPhrase bool `toml:"no_phrase"`
}

// Sign is one thing a response shows that points at a program.
type Sign struct {
	Condition
	// Wrote means the sign is only on responses the program made itself
	// (its error pages, a field it sets only then), never on one it passed
	// on: it tells who wrote the response, not only who was on the path.
	Wrote bool `toml:"wrote"`
	// Hit means the sign says the program answered from its cache.
	Hit bool `toml:"hit"`
	// Seen names a real response that shows the sign (a file under
	// explain/testdata), which the tests read.
	Seen string `toml:"seen"`
}

// Cause is what a program's own response says about why it answered so,
// and the setting that decides it.
type Cause struct {
	Condition
	Says string `toml:"says"` // a clause: "it could not connect to the origin"
	// Role is the role the program acted in when this is the cause: nginx
	// rate-limiting with limit_req stands in front of an application.
	Role string `toml:"role"`
	// Means is a code of the writer's own whose catalog entry the
	// response is, though its status line says another: nginx sends its
	// 494 as a 400.
	Means int    `toml:"means"`
	Seen  string `toml:"seen"`
}

// NoResponse is what a client prints when no response came at all.
type NoResponse struct {
	Message string `toml:"message" json:"message"` // as curl writes it, or a part of it
	Exit    int    `toml:"exit" json:"exit"`       // curl's exit status
	Says    string `toml:"says" json:"says"`       // what happened: a clause
	Seen    string `toml:"seen" json:"-"`
}

// Roles of software in front of or behind a response.
const (
	RoleOrigin       = "origin"
	RoleProxy        = "proxy"
	RoleCache        = "cache"
	RoleCDN          = "cdn"
	RoleLoadBalancer = "load-balancer"
)

// evidenceTable is software.toml, decoded on the first response read.
type evidenceTable struct {
	Software   []Software   `toml:"software"`
	NoResponse []NoResponse `toml:"no_response"`
}

var softwareTable = sync.OnceValue(func() *evidenceTable {
	var doc evidenceTable
	if err := toml.Unmarshal(softwareTOML, &doc); err != nil {
		// software.toml is checked by the package's tests.
		panic("data: embedded software.toml: " + err.Error())
	}
	return &doc
})

// Responder says who wrote a response, when the response shows it: the
// answered_by of explain's JSON.
type Responder struct {
	Software string `json:"software"`
	Role     string `json:"role"`
	// Evidence is what shows it: `Server: nginx/1.24.0`, `body:
	// <center>nginx/1.24.0</center>`.
	Evidence []string `json:"evidence"`
	// Wrote is true when a sign only the writer's own responses carry
	// shows it; false when only who sent the head is known (a Server
	// field), which a proxy may have set on an answer it passed on.
	Wrote bool `json:"wrote"`
	// Cause is what the writer's response says about why, when it says:
	// a clause, "it could not connect to the origin (…)".
	Cause string `json:"cause"`
	// Hint is where the writer's own logs tell more.
	Hint string `json:"hint"`
	// Via are the other programs the response shows on its path, which
	// passed it on.
	Via []Passer `json:"via"`

	sources []string
	bySign  bool   // a wrote sign shows the writer, not only a code of its vendor
	means   int    // a code of the writer's whose entry the response is
	meansBy string // and what says so
}

// Passer is a program that passed a response on.
type Passer struct {
	Software string   `json:"software"`
	Role     string   `json:"role"` // proxy for a web server in front of another
	Evidence []string `json:"evidence"`
	// CacheHit is true when it answered from its cache: the server
	// behind it was not asked this time.
	CacheHit bool `json:"cache_hit"`
}

// matches reports whether a response shows the condition, and what shows
// it.
func (c *Condition) matches(h *Response) (string, bool) {
	if len(c.Status) > 0 && !StatusIn(c.Status, h.Code) {
		return "", false
	}
	if c.LowerCase && !h.lowerCase || c.NoPhrase && !noPhrase(h) {
		return "", false
	}
	for _, f := range c.Absent {
		if len(h.Header[f]) > 0 {
			return "", false
		}
	}
	var ev []string
	if c.Header != "" {
		v, ok := fieldWith(h, c.Header, c.Contains)
		if !ok {
			return "", false
		}
		ev = append(ev, displayField(c.Header)+": "+clipText(v, 60))
	}
	for _, a := range c.Also {
		name, part, _ := strings.Cut(a, ": ")
		v, ok := fieldWith(h, name, part)
		if !ok {
			return "", false
		}
		ev = append(ev, displayField(name)+": "+clipText(v, 60))
	}
	if c.Phrase != "" {
		if h.Phrase == "" || !SamePhrase(h.Phrase, c.Phrase) {
			return "", false
		}
		ev = append(ev, "reason phrase "+strconv.Quote(h.Phrase))
	}
	if c.Body != "" {
		line, ok := bodyLine(h.BodyStart, c.Body)
		if !ok {
			return "", false
		}
		ev = append(ev, "body: "+line)
	}
	for _, f := range c.Absent {
		ev = append(ev, "no "+displayField(f))
	}
	if c.LowerCase {
		ev = append(ev, "lower-case field names")
	}
	if c.NoPhrase {
		ev = append(ev, "no reason phrase")
	}
	return strings.Join(ev, " + "), true
}

// content reports whether the condition reads what the writer put in the
// response (its body or reason phrase), not only fields a proxy could
// have set.
func (c *Condition) content() bool { return c.Body != "" || c.Phrase != "" }

// fieldWith finds a field whose value holds part, ignoring case.
func fieldWith(h *Response, name, part string) (string, bool) {
	for _, v := range h.Header[name] {
		if part == "" || containsFold(v, part) {
			return v, true
		}
	}
	return "", false
}

// containsFold reports whether s holds the lower-case part, ignoring the
// case of s.
func containsFold(s, part string) bool {
	if len(part) > len(s) {
		return false
	}
	for i := 0; i+len(part) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(part)], part) {
			return true
		}
	}
	return false
}

// bodyLine finds text in a body and quotes the line it stands on,
// trimmed and clipped, as evidence: "<center>nginx/1.22.1</center>".
func bodyLine(body, text string) (string, bool) {
	i := strings.Index(body, text)
	if i < 0 && strings.Contains(text, "\n") && strings.Contains(body, "\r\n") {
		body = strings.ReplaceAll(body, "\r\n", "\n")
		i = strings.Index(body, text)
	}
	if i < 0 {
		return "", false
	}
	start := strings.LastIndexByte(body[:i], '\n') + 1
	end := strings.IndexByte(body[i+len(text):], '\n')
	if end < 0 {
		end = len(body)
	} else {
		end += i + len(text)
	}
	if first := strings.IndexByte(body[i:i+len(text)], '\n'); first >= 0 {
		end = i + first // a text of several lines is quoted by its first
	}
	line := strings.TrimSpace(body[start:end])
	if n := len(line); n > 80 {
		// Long lines (Tomcat's page is one) are quoted around the match.
		from := max(i-start-20, 0)
		line = "…" + clipText(strings.TrimSpace(body[start+from:end]), 70)
	}
	return line, true
}

// noPhrase reports whether an HTTP/1 status line has no reason phrase.
func noPhrase(h *Response) bool {
	return h.Phrase == "" && strings.HasPrefix(h.Proto, "HTTP/1")
}

// StatusIn reports whether code is in a list of codes and classes ("502",
// "4xx"), as the rule and evidence tables write them.
func StatusIn(list []string, code int) bool {
	for _, s := range list {
		switch {
		case len(s) == 3 && s[1] == 'x' && s[2] == 'x':
			if int(s[0]-'0') == code/100 {
				return true
			}
		default:
			if n, err := strconv.Atoi(s); err == nil && n == code {
				return true
			}
		}
	}
	return false
}

// Sighting is a program a response shows, with what shows it.
type Sighting struct {
	*Software
	Evidence []string
	Wrote    bool // a sign only its own responses carry
	Hit      bool // a sign that it answered from its cache
	content  bool // a wrote sign that reads the body or the phrase
	sender   bool // a Server or X-Powered-By field names it
}

// Sightings lists the programs a head shows, in table order.
func Sightings(h *Response) []Sighting {
	if h.Failure != nil {
		return nil // no response: nothing to show
	}
	var out []Sighting
	table := softwareTable().Software
	for i := range table {
		s := Sighting{Software: &table[i]}
		for j := range s.Signs {
			sign := &s.Signs[j]
			ev, ok := sign.matches(h)
			if !ok {
				continue
			}
			if !slices.Contains(s.Evidence, ev) {
				s.Evidence = append(s.Evidence, ev)
			}
			s.Wrote = s.Wrote || sign.Wrote
			s.content = s.content || sign.Wrote && sign.content()
			s.Hit = s.Hit || sign.Hit
			s.sender = s.sender || sign.Header == "Server" || sign.Header == "X-Powered-By"
		}
		if len(s.Evidence) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// whoAnswered reads the sightings of a response. The writer is the
// program with a sign only its own responses carry, one that reads the
// content before one that reads fields (Go's body behind nginx's Server);
// failing that, one on the path whose vendor has an entry for the code
// (only Cloudflare sends a 522); failing that, whoever a Server or
// X-Powered-By field names, as the sender of the head rather than surely
// its writer. The others on the path passed it on.
func whoAnswered(c *Catalog, h *Response, found []Sighting) *Responder {
	pick := -1
	for i, s := range found {
		if s.Wrote && (pick < 0 || s.content && !found[pick].content) {
			pick = i
		}
	}
	bySign := pick >= 0
	if pick < 0 {
		if pick = slices.IndexFunc(found, func(s Sighting) bool { return ownCode(c, s.Sources, h.Code) }); pick >= 0 {
			found[pick].Wrote = true
		}
	}
	if pick < 0 {
		pick = slices.IndexFunc(found, func(s Sighting) bool { return s.sender })
	}
	if pick < 0 {
		return nil
	}
	w := found[pick]
	a := &Responder{Software: w.Name, Role: w.Role, Evidence: w.Evidence, Wrote: w.Wrote, Via: []Passer{}, Hint: w.Hint, sources: w.Sources, bySign: bySign}
	if slices.Contains(w.Gateway, h.Code) {
		a.Role = RoleProxy
	}
	for i, s := range found {
		if i == pick {
			continue
		}
		role := s.Role
		if role == RoleOrigin {
			role = RoleProxy // a web server in front of the writer
		}
		a.Via = append(a.Via, Passer{Software: s.Name, Role: role, Evidence: s.Evidence, CacheHit: s.Hit})
	}
	if a.Wrote {
		for i := range w.Causes {
			cause := &w.Causes[i]
			if ev, ok := cause.matches(h); ok {
				a.Cause, a.means, a.meansBy = cause.Says, cause.Means, ev
				if cause.Role != "" {
					a.Role = cause.Role
				}
				break
			}
		}
	}
	return a
}

// Sends reports whether the responder sends the codes of a catalog vendor.
func (r *Responder) Sends(source string) bool { return sourceIn(r.sources, source) }

// ownCode reports whether the code is one of the vendors' own: no
// registered status, and an entry of theirs.
func ownCode(c *Catalog, sources []string, code int) bool {
	for _, k := range c.keys {
		if k.code == code && k.official {
			return false
		}
	}
	for i, k := range c.keys {
		if k.code == code && !k.official {
			if s := c.entry(i); sourceIn(sources, s.Source) {
				return true
			}
		}
	}
	return false
}

// signsOnPath lists the vendors the sightings show on a response's path,
// in table order, with the evidence for each: they choose among a code's
// meanings. own says whether the sign shows the vendor wrote the response
// (a `wrote` sign, or the Server field of an origin): a CDN or proxy
// merely in the path does not choose its meaning of a registered code,
// which may be the origin's, passed on.
func signsOnPath(found []Sighting) (sources, evidence []string, own []bool) {
	for _, s := range found {
		for _, src := range s.Sources {
			sources, evidence = append(sources, src), append(evidence, s.Evidence[0])
			own = append(own, s.Wrote || s.Role == RoleOrigin)
		}
	}
	return sources, evidence, own
}

func sourceIn(list []string, s string) bool {
	return slices.ContainsFunc(list, func(v string) bool { return strings.EqualFold(v, s) })
}

// displayField writes a canonical field name as people do: Cf-Ray is
// CF-RAY in Cloudflare's documentation.
func displayField(field string) string {
	switch field {
	case "Cf-Ray":
		return "CF-RAY"
	case "Www-Authenticate":
		return "WWW-Authenticate"
	case "Etag":
		return "ETag"
	}
	return field
}

// clipText shortens text from the input for a message, at a character
// boundary.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// SamePhrase reports whether two reason phrases have the same letters and
// digits, ignoring case: "Gateway Time-out" is "Gateway Timeout". It
// compares in place: explain asks it of every meaning of every code it
// reads.
func SamePhrase(a, b string) bool {
	i, j := 0, 0
	for {
		ra, na := nextFolded(a, i)
		rb, nb := nextFolded(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
		i, j = na, nb
	}
}

// nextFolded is the next letter or digit of s from i, lower-cased, and
// where the one after starts; -1 at the end.
func nextFolded(s string, i int) (rune, int) {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', i
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r, i
		case r >= utf8.RuneSelf:
			return unicode.ToLower(r), i
		}
	}
	return -1, i
}
