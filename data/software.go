package data

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	// Gateway marks a web server that also proxies: a 502 or 504 it
	// writes itself makes it the proxy in front of an application.
	Gateway bool `toml:"gateway"`
	// Sources are the catalog vendors whose codes it sends, most specific
	// first: IIS sends Exchange's codes when Exchange runs on it.
	Sources []string `toml:"sources"`
	// Hint is where its logs tell more about a response it made.
	Hint   string  `toml:"hint"`
	Signs  []Sign  `toml:"sign"`
	Causes []Cause `toml:"cause"`
}

// Sign is one thing a response shows that points at a program: a header
// field (with a part of its value), a reason phrase, or text in the body.
type Sign struct {
	Header   string `toml:"header"`   // a field name; its value must contain Contains
	Contains string `toml:"contains"` // lower case; "" with Header: any value
	Phrase   string `toml:"phrase"`   // the reason phrase, folded as compared
	Body     string `toml:"body"`     // text in the body's start, as written
	// Wrote means the sign is only on responses the program made itself
	// (its error pages, a field it sets only then), never on one it passed
	// on: it tells who wrote the response, not only who was on the path.
	Wrote bool `toml:"wrote"`
	// Seen names a real response that shows the sign (a file under
	// explain/testdata), which the tests read.
	Seen string `toml:"seen"`
}

// Cause is what a program's own response says about why it answered so,
// and the setting that decides it.
type Cause struct {
	Code     int    `toml:"code"` // 0: any code
	Header   string `toml:"header"`
	Contains string `toml:"contains"`
	Body     string `toml:"body"`
	Says     string `toml:"says"`
	Seen     string `toml:"seen"`
}

// Roles of software in front of or behind a response.
const (
	RoleOrigin       = "origin"
	RoleProxy        = "proxy"
	RoleCache        = "cache"
	RoleCDN          = "cdn"
	RoleLoadBalancer = "load-balancer"
)

// softwareTable is software.toml, decoded on the first response read.
var softwareTable = sync.OnceValue(func() []Software {
	var doc struct {
		Software []Software `toml:"software"`
	}
	if err := toml.Unmarshal(softwareTOML, &doc); err != nil {
		// software.toml is checked by the package's tests.
		panic("data: embedded software.toml: " + err.Error())
	}
	return doc.Software
})

// Responder says who wrote a response, when the response shows it.
type Responder struct {
	Software string `json:"software"`
	Role     string `json:"role"`
	// Evidence is what shows it: `Server: nginx/1.24.0`, `body: <center>nginx</center>`.
	Evidence []string `json:"evidence"`
	// Wrote is true when a sign only the writer's own responses carry
	// shows it; false when only who sent the head is known (a Server
	// field), which a proxy may have set on an answer it passed on.
	Wrote bool `json:"wrote"`
	// Via are other programs the response passed through.
	Via []string `json:"via"`
	// Cause is what the writer's response says about why, when it says.
	Cause string `json:"cause"`
	// Hint is where the writer's own logs tell more.
	Hint string `json:"hint"`

	sources []string
}

// matches reports whether a head shows the sign, and how to quote it.
func (s *Sign) matches(h *Response) (string, bool) {
	switch {
	case s.Header != "":
		for _, v := range h.Header.Values(s.Header) {
			if s.Contains == "" || strings.Contains(strings.ToLower(v), s.Contains) {
				return displayField(s.Header) + ": " + clipText(v, 60), true
			}
		}
	case s.Phrase != "":
		if h.Phrase != "" && foldText(h.Phrase) == foldText(s.Phrase) {
			return "reason phrase " + strconv.Quote(h.Phrase), true
		}
	case s.Body != "":
		if strings.Contains(h.BodyStart, s.Body) {
			return "body contains " + strconv.Quote(clipText(s.Body, 60)), true
		}
	}
	return "", false
}

func (c *Cause) matches(h *Response) bool {
	if c.Code != 0 && c.Code != h.Code {
		return false
	}
	if c.Header != "" {
		v := strings.ToLower(strings.Join(h.Header.Values(c.Header), ", "))
		if v == "" || !strings.Contains(v, strings.ToLower(c.Contains)) {
			return false
		}
	}
	return c.Body == "" || strings.Contains(h.BodyStart, c.Body)
}

// Sighting is a program a response shows, with what shows it.
type Sighting struct {
	*Software
	Evidence []string
	Wrote    bool // a sign only its own responses carry
	server   bool // the Server field names it
}

// Sightings lists the programs a head shows, in table order.
func Sightings(h *Response) []Sighting {
	var out []Sighting
	table := softwareTable()
	for i := range table {
		s := Sighting{Software: &table[i]}
		for j := range s.Signs {
			sign := &s.Signs[j]
			if ev, ok := sign.matches(h); ok {
				s.Evidence = append(s.Evidence, ev)
				s.Wrote = s.Wrote || sign.Wrote
				s.server = s.server || sign.Header == "Server"
			}
		}
		if len(s.Evidence) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// whoAnswered reads the evidence table against a head. The writer is the
// first program with a sign only its own responses carry; failing that,
// one on the path whose vendor has an entry for the code (only Cloudflare
// sends a 522); failing that, whoever the Server field names, as the
// sender of the head rather than surely its writer.
func whoAnswered(c *Catalog, h *Response) *Responder {
	found := Sightings(h)
	pick := slices.IndexFunc(found, func(s Sighting) bool { return s.Wrote })
	if pick < 0 {
		if pick = slices.IndexFunc(found, func(s Sighting) bool { return ownCode(c, s.Sources, h.Code) }); pick >= 0 {
			found[pick].Wrote = true
		}
	}
	if pick < 0 {
		pick = slices.IndexFunc(found, func(s Sighting) bool { return s.server })
	}
	if pick < 0 {
		return nil
	}
	w := found[pick]
	a := &Responder{Software: w.Name, Role: w.Role, Evidence: w.Evidence, Wrote: w.Wrote, Via: []string{}, Hint: w.Hint, sources: w.Sources}
	if w.Gateway && (h.Code == 502 || h.Code == 504) {
		a.Role = RoleProxy
	}
	for i, s := range found {
		if i != pick {
			a.Via = append(a.Via, s.Name)
		}
	}
	if a.Wrote {
		for _, cause := range w.Causes {
			if cause.matches(h) {
				a.Cause = cause.Says
				break
			}
		}
	}
	return a
}

// Sends reports whether the responder sends the codes of a catalog vendor.
func (r *Responder) Sends(source string) bool { return containsFold(r.sources, source) }

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
			if s := c.entry(i); containsFold(sources, s.Source) {
				return true
			}
		}
	}
	return false
}

// signsOnPath lists the vendors a head shows on its path, in table order,
// with the evidence for each: they choose among a code's meanings. own
// says whether the sign shows the vendor wrote the response (a `wrote`
// sign, or the Server field of an origin): a CDN or proxy merely in the
// path does not choose its meaning of a registered code, which may be the
// origin's, passed on.
func signsOnPath(h *Response) (sources, evidence []string, own []bool) {
	for _, s := range Sightings(h) {
		for _, src := range s.Sources {
			sources, evidence = append(sources, src), append(evidence, s.Evidence[0])
			own = append(own, s.Wrote || s.Role == RoleOrigin)
		}
	}
	return sources, evidence, own
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// displayField writes a canonical field name as people do: Cf-Ray is
// CF-RAY in Cloudflare's documentation.
func displayField(field string) string {
	switch field {
	case "Cf-Ray":
		return "CF-RAY"
	case "Www-Authenticate":
		return "WWW-Authenticate"
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

// foldText reduces a phrase to its letters and digits, lower-cased, so
// that "Gateway Time-out" matches "Gateway Timeout".
func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f {
			b.WriteRune(r)
		}
	}
	return b.String()
}
