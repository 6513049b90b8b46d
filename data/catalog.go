// Package data holds the embedded catalog of HTTP status codes and the one
// ranked search that every face of httpstatus uses. It imports no Charm
// package: rendering lives in ui/.
package data

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed statuses.toml
var statusesTOML []byte

// Category is the class of a status code, named as in DESIGN.md.
type Category string

// The five classes of RFC 9110 §15, and NoClass for what fits none of them.
const (
	Informational Category = "informational"
	Success       Category = "success"
	Redirection   Category = "redirection"
	ClientError   Category = "client-error"
	ServerError   Category = "server-error"
	// NoClass holds 000, which stands for no response at all, and vendor
	// codes outside 100-599 (LinkedIn's 999), which HTTP does not allow.
	NoClass Category = "none"
)

// Categories lists the categories in list order: the five classes, then
// the codes of no class.
var Categories = []Category{Informational, Success, Redirection, ClientError, ServerError, NoClass}

// CategoryOf is the category a code belongs to by its first digit.
func CategoryOf(code int) Category {
	if code < 100 || code > 599 {
		return NoClass
	}
	return Categories[code/100-1]
}

// Index is the category's place in Categories; an unknown category counts
// as NoClass.
func (c Category) Index() int {
	if i := slices.Index(Categories, c); i >= 0 {
		return i
	}
	return len(Categories) - 1
}

// Class is the "4xx" form of a category, and "other" for NoClass.
func (c Category) Class() string {
	if i := slices.Index(Categories, c); i >= 0 && c != NoClass {
		return strconv.Itoa(i+1) + "xx"
	}
	return "other"
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
	case NoClass:
		return "No class"
	}
	return string(c)
}

// Reference is a link to the document that defines a status.
type Reference struct {
	Title string `toml:"title" json:"title"`
	URL   string `toml:"url" json:"url"`
}

// Status is one meaning of one code. A code can have several entries: one
// official (IANA) and any number from vendors.
type Status struct {
	Code       int      `toml:"code" json:"code"`
	Phrase     string   `toml:"phrase" json:"phrase"`
	Category   Category `toml:"category" json:"category"`
	Official   bool     `toml:"official" json:"official"`
	Source     string   `toml:"source" json:"source"`
	Deprecated bool     `toml:"deprecated" json:"deprecated"`
	// Temporary marks an IANA registration that expires unless renewed
	// (RFC 9110 §16.2.1 allows them for codes from drafts).
	Temporary bool `toml:"temporary" json:"temporary"`
	// Folklore marks a code that status-code lists repeat but that no
	// vendor documents and no current product is known to send.
	Folklore    bool        `toml:"folklore" json:"folklore"`
	Aliases     []string    `toml:"aliases" json:"aliases"`
	Keywords    []string    `toml:"keywords" json:"keywords"`
	Summary     string      `toml:"summary" json:"summary"`
	Description string      `toml:"description" json:"description"`
	Headers     []string    `toml:"headers" json:"headers"`
	Related     []int       `toml:"related" json:"related"`
	Cacheable   bool        `toml:"cacheable" json:"cacheable"`
	References  []Reference `toml:"references" json:"references"`
	// Checked is the month a vendor entry was last compared with its
	// vendor's own documentation ("2026-12"); "" for IANA entries, which
	// the registry itself dates.
	Checked string `toml:"checked" json:"checked"`
	// Constants name the code in each language's library: {"go":
	// "http.StatusNotFound"}; ConstantNotes say, per language, since which
	// version a name exists and what it was called before.
	Constants     map[string]string       `toml:"constants" json:"constants"`
	ConstantNotes map[string]ConstantNote `toml:"constant_notes" json:"constant_notes"`
	Example       string                  `toml:"example" json:"example"`
	// SubCodes are the finer codes vendors send with this status: IIS
	// substatus codes (404.3) and Cloudflare's 1xxx errors (1020).
	SubCodes []SubCode `toml:"subcodes" json:"subcodes"`
	// Rules are what a response with this status must or should look
	// like; `httpstatus explain` checks them.
	Rules []Rule `toml:"rules" json:"rules"`
	// Deprecation is what explain says of a response with this deprecated
	// status when the generic "deprecated" note is not enough (305 was a
	// security risk); nil otherwise.
	Deprecation *Notice `toml:"deprecation" json:"deprecation"`
}

// Notice is a note the catalog gives explain to make as it stands.
type Notice struct {
	Level     string `toml:"level" json:"level"`
	Reference string `toml:"reference" json:"reference"`
	Message   string `toml:"message" json:"message"`
}

// Rule is a declarative check on a response with a given status: a header
// field it must carry, one it must not carry, or no content at all. Checks
// that need more than presence (parsing a value, the request, a chain of
// redirects) are code in package explain.
type Rule struct {
	Header string `toml:"header" json:"header"` // the field, "Location"; "" for no-content
	Expect string `toml:"expect" json:"expect"` // ExpectPresent, ExpectAbsent or ExpectNoContent
	// Unless names a field and a value prefix, "Content-Type:
	// multipart/byteranges", that make the rule not apply.
	Unless    string `toml:"unless" json:"unless"`
	Level     string `toml:"level" json:"level"`         // LevelInfo, LevelWarn or LevelError when broken
	Reference string `toml:"reference" json:"reference"` // the section that asks for it: "RFC 9110 §15.4.2"
	Message   string `toml:"message" json:"message"`     // what is wrong when the rule is broken
}

// What a rule expects.
const (
	ExpectPresent   = "present"    // the field is sent
	ExpectAbsent    = "absent"     // the field is not sent
	ExpectNoContent = "no-content" // nothing follows the head
)

// Levels of a broken rule, and of every note explain makes, mildest first.
const (
	LevelInfo  = "info"
	LevelWarn  = "warn"
	LevelError = "error"
)

// Language is a library whose constant names a catalog entry gives.
type Language struct{ Key, Name string }

// Languages are the keys of Status.Constants, in the order cards show them.
var Languages = []Language{
	{"go", "Go"}, {"python", "Python"}, {"java", "Java"}, {"spring", "Spring"},
	{"dotnet", ".NET"}, {"rust", "Rust"}, {"rails", "Rails"}, {"node", "Node"},
}

// ConstantNote dates a library constant: "Python 3.13", and the name older
// versions use instead.
type ConstantNote struct {
	Since  string `toml:"since" json:"since"`
	Before string `toml:"before" json:"before"`
}

// SubCode is a vendor's finer code sent with a status: Microsoft IIS writes
// "404.3" in its logs and error pages for a 404; Cloudflare shows "Error
// 1020" on the page of a 403. It is not an HTTP status of its own.
type SubCode struct {
	Code     string   `toml:"code" json:"code"`     // as the vendor writes it: "404.3", "1020"
	Phrase   string   `toml:"phrase" json:"phrase"` // the vendor's name for it
	Source   string   `toml:"source" json:"source"` // the vendor
	Summary  string   `toml:"summary" json:"summary"`
	Keywords []string `toml:"keywords" json:"keywords"`
	URL      string   `toml:"url" json:"url"`         // the vendor's own documentation
	Checked  string   `toml:"checked" json:"checked"` // the month URL was last compared with the entry: "2026-12"
	// Term is the vocabulary term this sub-code shows (a name from
	// vocabularies.toml: NoSuchKey, H12, UF); nil for the IIS and
	// Cloudflare sub-codes of statuses.toml.
	Term *Term `toml:"-" json:"-"`
}

// CodeString is the code as people write it: "404", and "000" for code 0.
func (s *Status) CodeString() string { return FormatCode(s.Code) }

// FormatCode writes a code with three digits.
func FormatCode(code int) string { return fmt.Sprintf("%03d", code) }

// Title is "404 Not Found".
func (s *Status) Title() string { return s.CodeString() + " " + s.Phrase }

// Catalog is the read-only list of statuses, ordered by code (000 last) and
// then official entries first. It is safe for concurrent use.
//
// The embedded catalog is decoded lazily, one [[status]] table at a time:
// httpstatus 404 decodes the few entries it prints, not all of them. Each
// table is still decoded at most once per process.
type Catalog struct {
	statuses []Status    // entry i is valid once decoded
	keys     []entryKey  // per entry, known without decoding it
	tables   []tableSpan // per entry, where its TOML table lies in src; nil when decoded up front
	once     []sync.Once
	codes    []int // distinct codes, ascending

	// The search index is read on the first word search, so a plain
	// lookup (httpstatus 404) never pays for it. src is the catalog's
	// bytes, which the index file must have been built from.
	indexOnce sync.Once
	index     *index
	src       []byte
	scratch   sync.Pool // *scratch, one search's working memory

	// vocab are the vocabularies whose terms come with the catalog's
	// statuses, the embedded ones, read on first use (vocabularies()):
	// httpstatus 404 lists the terms of 404 without reading them all.
	vocab     *vocabularies
	vocabOnce sync.Once
	termsOf   sync.Map // code -> []vocabLine, the terms TermsOf lists

	everything func() []Result // the empty query's results, built once
}

// entryKey is what ordering and lookups need of an entry.
type entryKey struct {
	code     int
	official bool
	// phrase and category, so a card can name its related codes without
	// decoding their entries.
	phrase   string
	category Category
}

func (k entryKey) before(o entryKey) bool {
	if k.code != o.code {
		return listOrder(k.code) < listOrder(o.code)
	}
	return k.official && !o.official
}

// Load returns the embedded catalog, shared by every caller (every SSH
// session) in the process.
var Load = sync.OnceValue(func() *Catalog {
	if c := prebuiltCatalog(); c != nil {
		return c
	}
	c, err := parseLazily(statusesTOML)
	if err != nil {
		// The embedded file is checked by the package's tests; reaching
		// this means a broken build, not bad input.
		panic("data: embedded statuses.toml: " + err.Error())
	}
	return c
})

// document is statuses.toml, or one [[status]] table of it.
type document struct {
	Status []Status `toml:"status"`
}

// statusHeader starts every entry of statuses.toml.
const statusHeader = "[[status]]\n"

// tableSpan is where a table lies in its file: b[start:end].
type tableSpan struct{ start, end int }

// parseLazily splits the catalog into its [[status]] tables and reads only
// the code and official lines of each; decode reads the rest on demand. The
// package's tests check that this agrees with a strict decode of the whole
// file on every entry.
func parseLazily(b []byte) (*Catalog, error) {
	if !bytes.HasPrefix(b, []byte(statusHeader)) {
		return nil, errors.New("does not start with " + strings.TrimSpace(statusHeader))
	}
	// Each table runs from its header to the next one. The search is for
	// "[[status]]\n" and then the newline before it: searching for
	// "\n[[status]]" first would stop at every line.
	var tables []tableSpan
	header := []byte(statusHeader)
	for at := 0; at < len(b); {
		end, from := len(b), at+len(statusHeader)
		for {
			i := bytes.Index(b[from:], header)
			if i < 0 {
				break
			}
			if next := from + i; b[next-1] == '\n' {
				end = next
				break
			}
			from += i + len(statusHeader)
		}
		tables, at = append(tables, tableSpan{at, end}), end
	}
	keys := make([]entryKey, len(tables))
	for i, t := range tables {
		k, err := scanKeys(b[t.start+len(statusHeader) : t.end])
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", i+1, err)
		}
		keys[i] = k
	}
	c := newCatalog(keys, tables, nil)
	c.src = b
	return c, nil
}

// scanKeys reads an entry's key from the top-level "key = value" lines at
// the start of its table: code and official, and the phrase and category,
// which are plain quoted strings (the lazy-versus-strict test holds them
// equal to what the TOML decoder reads). It stops once it has all four, a
// few lines in, rather than reading the whole entry.
func scanKeys(table []byte) (entryKey, error) {
	var k entryKey
	var code, official bool
	phrase, category := false, false
	for line := range bytes.SplitSeq(table, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("[")) || code && official && phrase && category {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(" = "))
		if !ok {
			continue
		}
		switch string(name) {
		case "code":
			n, err := strconv.Atoi(string(value))
			if err != nil {
				return k, errors.New("bad code line")
			}
			k.code, code = n, true
		case "official":
			k.official, official = string(value) == "true", true
		case "phrase":
			k.phrase, _ = strconv.Unquote(string(value))
			phrase = true
		case "category":
			c, _ := strconv.Unquote(string(value))
			k.category, category = Category(c), true
		}
	}
	if !code {
		return k, errors.New("no code line")
	}
	return k, nil
}

// newCatalog orders the entries and indexes their codes: tables of the
// catalog's file to decode on demand, or statuses already decoded.
func newCatalog(keys []entryKey, tables []tableSpan, statuses []Status) *Catalog {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		switch {
		case keys[i].before(keys[j]):
			return -1
		case keys[j].before(keys[i]):
			return 1
		}
		return 0
	})
	sorted := make([]entryKey, len(keys))
	for to, from := range order {
		sorted[to] = keys[from]
	}
	if statuses == nil {
		sortedTables := make([]tableSpan, len(keys))
		for to, from := range order {
			sortedTables[to] = tables[from]
		}
		return orderedCatalog(sorted, sortedTables, nil)
	}
	c := orderedCatalog(sorted, nil, make([]Status, len(keys)))
	for to, from := range order {
		c.statuses[to] = statuses[from]
		c.once[to].Do(func() {}) // decoded already
	}
	return c
}

// orderedCatalog indexes entries that are in the catalog's order already.
func orderedCatalog(keys []entryKey, tables []tableSpan, statuses []Status) *Catalog {
	if statuses == nil {
		statuses = make([]Status, len(keys))
	}
	c := &Catalog{statuses: statuses, keys: keys, tables: tables, once: make([]sync.Once, len(keys))}
	for _, k := range keys {
		c.codes = append(c.codes, k.code)
	}
	slices.Sort(c.codes)
	c.codes = slices.Compact(c.codes)
	c.everything = sync.OnceValue(func() []Result {
		out := make([]Result, len(c.keys))
		for i := range out {
			out[i] = Result{Status: c.entry(i), index: i}
		}
		return out
	})
	return c
}

// entry decodes entry i on first use.
func (c *Catalog) entry(i int) *Status {
	c.once[i].Do(func() {
		t := c.tables[i]
		s, err := decodeEntry(c.src[t.start:t.end])
		if err != nil {
			panic(fmt.Sprintf("data: embedded statuses.toml, entry %d: %v", i, err))
		}
		s.fillEmpty()
		c.statuses[i] = s
	})
	return &c.statuses[i]
}

// fillEmpty makes absent lists and maps empty rather than nil, so JSON
// always has arrays and objects where scripts expect them, never null.
func (s *Status) fillEmpty() {
	nonNil(&s.Aliases)
	nonNil(&s.Keywords)
	nonNil(&s.Headers)
	nonNil(&s.Related)
	nonNil(&s.References)
	nonNil(&s.SubCodes)
	nonNil(&s.Rules)
	if s.Constants == nil {
		s.Constants = map[string]string{}
	}
	if s.ConstantNotes == nil {
		s.ConstantNotes = map[string]ConstantNote{}
	}
	for i := range s.SubCodes {
		nonNil(&s.SubCodes[i].Keywords)
	}
}

func nonNil[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

// listOrder puts 000, which is no status at all, after the real codes.
func listOrder(code int) int {
	if code == 0 {
		return 1000
	}
	return code
}

// All returns every entry in catalog order. Callers must not modify it.
func (c *Catalog) All() []Status {
	for i := range c.keys {
		c.entry(i)
	}
	return c.statuses
}

// Len is the number of entries.
func (c *Catalog) Len() int { return len(c.keys) }

// Lookup returns every entry with the given code, official first.
func (c *Catalog) Lookup(code int) []*Status {
	var out []*Status
	for i, k := range c.keys {
		if k.code == code {
			out = append(out, c.entry(i))
		}
	}
	return out
}

// Brief names a code without decoding its entries: the phrase and
// category of its first entry (the official one, if any).
func (c *Catalog) Brief(code int) (phrase string, category Category, ok bool) {
	for _, k := range c.keys {
		if k.code == code {
			return k.phrase, k.category, true
		}
	}
	return "", "", false
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
// x's ("4", "40", "4x", "4xx", "40x").
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
	return Mask{prefix: q[:digits]}, true
}

// String writes the mask as a class: "4xx", "40x".
func (m Mask) String() string { return m.prefix + strings.Repeat("x", 3-len(m.prefix)) }

// Match reports whether code fits the mask.
func (m Mask) Match(code int) bool {
	return len(m.prefix) > 0 && FormatCode(code)[:len(m.prefix)] == m.prefix
}
