package data

import (
	_ "embed"
	"net/textproto"
	"slices"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

//go:embed rules.toml
var rulesTOML []byte

// ClassRule is a Rule for every status of some codes and classes: the 1xx
// rule on Transfer-Encoding, the 2xx–4xx rule on Date.
type ClassRule struct {
	Status []string `toml:"status"` // "1xx", "304"
	Rule
}

// RequestRule is a check of a response against the request it answers
// (curl -v and http -v show both). Every part it sets must hold.
type RequestRule struct {
	Status    []string `toml:"status"`     // codes and classes of the response
	Proto     string   `toml:"proto"`      // the request's protocol
	Method    []string `toml:"method"`     // the request's method is one of these
	NotMethod []string `toml:"not_method"` // it is none of these
	// Has is a field the request sent, "Name" or "Name: part of it".
	Has string `toml:"has"`
	// Lacks are fields, "Name" or "Name: part of it", the request sent
	// none of.
	Lacks []string `toml:"lacks"`
	// AllowListsMethod: the response's Allow names the request's method.
	AllowListsMethod bool `toml:"allow_lists_method"`

	Field     string `toml:"field"`
	Level     string `toml:"level"`
	Reference string `toml:"reference"`
	// Message may hold {method} and {code}: the request's method and the
	// response's code.
	Message string `toml:"message"`
}

type ruleTable struct {
	Class   []ClassRule   `toml:"class"`
	Request []RequestRule `toml:"request"`
}

// rules is rules.toml, decoded when explain first needs it.
var rules = sync.OnceValue(func() *ruleTable {
	var t ruleTable
	if err := toml.Unmarshal(rulesTOML, &t); err != nil {
		panic("data: embedded rules.toml: " + err.Error()) // checked by the tests
	}
	return &t
})

// ClassRules are the rules rules.toml holds for whole classes of
// statuses.
func ClassRules() []ClassRule { return rules().Class }

// RequestRules are the checks of a response against its request, in the
// order they are tried: the first that holds is the only one.
func RequestRules() []RequestRule { return rules().Request }

// Holds reports whether the rule holds of a response to a request.
func (r *RequestRule) Holds(resp *Response, req *Request) bool {
	switch {
	case !StatusIn(r.Status, resp.Code),
		r.Proto != "" && req.Proto != r.Proto,
		len(r.Method) > 0 && !slices.Contains(r.Method, req.Method),
		len(r.NotMethod) > 0 && slices.Contains(r.NotMethod, req.Method),
		r.Has != "" && !sent(req.Header, r.Has),
		slices.ContainsFunc(r.Lacks, func(f string) bool { return sent(req.Header, f) }),
		r.AllowListsMethod && !slices.ContainsFunc(strings.Split(resp.Header.Get("Allow"), ","), func(m string) bool { return strings.TrimSpace(m) == req.Method }):
		return false
	}
	return true
}

// sent reports whether a head has a field, "Name", or one whose value
// holds a part, "Name: part" (ignoring case).
func sent(h textproto.MIMEHeader, field string) bool {
	name, part, _ := strings.Cut(field, ": ")
	return slices.ContainsFunc(h.Values(name), func(v string) bool { return containsFold(v, strings.ToLower(part)) })
}

// NoContent reports whether a status never has content (RFC 9110 §6.4.1):
// 1xx, 204 and 304. The response reader, explain's Content-Length check
// and the catalog's no-content rules (held to it by a test) go by it.
func NoContent(code int) bool { return code/100 == 1 || code == 204 || code == 304 }
