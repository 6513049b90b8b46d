// Package data holds the embedded catalog of HTTP status codes and the one
// ranked search that every face of httpstatus uses. It imports no Charm
// package: rendering lives in ui/.
package data

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

//go:embed statuses.toml
var statusesTOML []byte

// Category is the class of a status code, named as in DESIGN.md.
type Category string

// The five classes of RFC 9110 §15.
const (
	Informational Category = "informational"
	Success       Category = "success"
	Redirection   Category = "redirection"
	ClientError   Category = "client-error"
	ServerError   Category = "server-error"
)

// Categories lists the classes in code order.
var Categories = []Category{Informational, Success, Redirection, ClientError, ServerError}

// Class is the "4xx" form of a category.
func (c Category) Class() string {
	if i := slices.Index(Categories, c); i >= 0 {
		return strconv.Itoa(i+1) + "xx"
	}
	return "?xx"
}

// Title is the human name of a category: "Client error".
func (c Category) Title() string {
	switch c {
	case Informational:
		return "Informational"
	case Success:
		return "Success"
	case Redirection:
		return "Redirection"
	case ClientError:
		return "Client error"
	case ServerError:
		return "Server error"
	}
	return string(c)
}

// categoryOf is the category a code belongs to by its first digit; code 0
// (the "no status" placeholder of load balancers and clients) counts as a
// server-side failure.
func categoryOf(code int) (Category, bool) {
	if code == 0 {
		return ServerError, true
	}
	if code < 100 || code > 599 {
		return "", false
	}
	return Categories[code/100-1], true
}

// Reference is a link to the document that defines a status.
type Reference struct {
	Title string `toml:"title" json:"title"`
	URL   string `toml:"url" json:"url"`
}

// Status is one meaning of one code. A code can have several entries: one
// official (IANA) and any number from vendors.
type Status struct {
	Code        int               `toml:"code" json:"code"`
	Phrase      string            `toml:"phrase" json:"phrase"`
	Category    Category          `toml:"category" json:"category"`
	Official    bool              `toml:"official" json:"official"`
	Source      string            `toml:"source" json:"source"`
	Deprecated  bool              `toml:"deprecated" json:"deprecated"`
	Aliases     []string          `toml:"aliases" json:"aliases"`
	Keywords    []string          `toml:"keywords" json:"keywords"`
	Summary     string            `toml:"summary" json:"summary"`
	Description string            `toml:"description" json:"description"`
	Headers     []string          `toml:"headers" json:"headers"`
	Related     []int             `toml:"related" json:"related"`
	Cacheable   bool              `toml:"cacheable" json:"cacheable"`
	References  []Reference       `toml:"references" json:"references"`
	Constants   map[string]string `toml:"constants" json:"constants"`
	Example     string            `toml:"example" json:"example"`
}

// CodeString is the code as people write it: "404", and "000" for code 0.
func (s *Status) CodeString() string { return FormatCode(s.Code) }

// FormatCode writes a code with three digits.
func FormatCode(code int) string { return fmt.Sprintf("%03d", code) }

// Title is "404 Not Found".
func (s *Status) Title() string { return s.CodeString() + " " + s.Phrase }

// Catalog is the parsed, read-only list of statuses, ordered by code (000
// last) and then official entries first. It is safe for concurrent use.
type Catalog struct {
	statuses []Status
	codes    []int // distinct codes, ascending

	// The search index is built on the first Search, so a plain lookup
	// (httpstatus 404) never pays for it.
	indexOnce sync.Once
	fields    [][]searchField // per entry

	everything func() []Result // the empty query's results, built once
}

// Load returns the embedded catalog, parsed on first use and shared by every
// caller (every SSH session) afterwards.
var Load = sync.OnceValue(func() *Catalog {
	c, err := parse(statusesTOML, false)
	if err != nil {
		// The embedded file is checked by the package's tests; reaching
		// this means a broken build, not bad input.
		panic("data: embedded statuses.toml: " + err.Error())
	}
	return c
})

// Parse reads a catalog in the statuses.toml format, rejecting fields the
// data model does not have.
func Parse(b []byte) (*Catalog, error) { return parse(b, true) }

// parse is Parse, optionally without the unknown-field check: Load skips it
// because it doubles the decoder's allocations and the package's tests
// already hold the embedded file to it.
func parse(b []byte, strict bool) (*Catalog, error) {
	var doc struct {
		Status []Status `toml:"status"`
	}
	dec := toml.NewDecoder(bytes.NewReader(b))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	c := &Catalog{statuses: doc.Status}
	sort.SliceStable(c.statuses, func(i, j int) bool {
		a, b := &c.statuses[i], &c.statuses[j]
		if a.Code != b.Code {
			return listOrder(a.Code) < listOrder(b.Code)
		}
		return a.Official && !b.Official
	})
	for i := range c.statuses {
		c.codes = append(c.codes, c.statuses[i].Code)
	}
	slices.Sort(c.codes)
	c.codes = slices.Compact(c.codes)
	c.everything = sync.OnceValue(func() []Result {
		out := make([]Result, len(c.statuses))
		for i := range c.statuses {
			out[i] = Result{Status: &c.statuses[i], index: i}
		}
		return out
	})
	return c, nil
}

// listOrder puts 000, which is no status at all, after the real codes.
func listOrder(code int) int {
	if code == 0 {
		return 1000
	}
	return code
}

// All returns every entry in catalog order. Callers must not modify it.
func (c *Catalog) All() []Status { return c.statuses }

// Len is the number of entries.
func (c *Catalog) Len() int { return len(c.statuses) }

// Lookup returns every entry with the given code, official first.
func (c *Catalog) Lookup(code int) []*Status {
	var out []*Status
	for i := range c.statuses {
		if c.statuses[i].Code == code {
			out = append(out, &c.statuses[i])
		}
	}
	return out
}

// Nearest returns the closest catalogued codes below and above code (one or
// two of them), for "no status 299; nearest: 226, 300".
func (c *Catalog) Nearest(code int) []int {
	i, _ := slices.BinarySearch(c.codes, code)
	var out []int
	if i > 0 {
		out = append(out, c.codes[i-1])
	}
	if i < len(c.codes) {
		if c.codes[i] == code {
			i++
		}
		if i < len(c.codes) {
			out = append(out, c.codes[i])
		}
	}
	return out
}

// Mask is a code pattern: one or two leading digits, optionally followed by
// x's to make three characters ("4", "40", "4xx", "40x").
type Mask struct{ prefix string }

// ParseMask recognises a mask; a full three-digit code is not one.
func ParseMask(q string) (Mask, bool) {
	if q == "" || len(q) > 3 {
		return Mask{}, false
	}
	digits := 0
	for digits < len(q) && q[digits] >= '0' && q[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits == 3 {
		return Mask{}, false
	}
	for _, r := range q[digits:] {
		if r != 'x' && r != 'X' {
			return Mask{}, false
		}
	}
	if digits < len(q) && len(q) != 3 {
		return Mask{}, false // "4x" is neither "4" nor "4xx"
	}
	return Mask{prefix: q[:digits]}, true
}

// String writes the mask as a class: "4xx", "40x".
func (m Mask) String() string { return m.prefix + strings.Repeat("x", 3-len(m.prefix)) }

// Match reports whether code fits the mask.
func (m Mask) Match(code int) bool {
	return len(m.prefix) > 0 && FormatCode(code)[:len(m.prefix)] == m.prefix
}

// Class returns the entries whose code fits the mask, in catalog order.
func (c *Catalog) Class(m Mask) []*Status {
	var out []*Status
	for i := range c.statuses {
		if m.Match(c.statuses[i].Code) {
			out = append(out, &c.statuses[i])
		}
	}
	return out
}
