package data

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/pelletier/go-toml/v2/unstable"
)

//go:embed vocabularies.toml
var vocabulariesTOML string

// Vocabulary is one system's names for statuses: Kubernetes status reasons,
// AWS error codes, Envoy response flags, nginx error-log messages. Its
// terms are the names; each says which status it comes with.
type Vocabulary struct {
	ID     string `toml:"id" json:"id"`
	Name   string `toml:"name" json:"name"`     // "Kubernetes status reason"
	Source string `toml:"source" json:"source"` // the vendor or project: "Kubernetes"
	// CaseSensitive vocabularies match their one-word names as written;
	// the others, and every name of several words, in any case.
	CaseSensitive bool `toml:"case_sensitive" json:"case_sensitive"`
	// Context is text that, found in a longer input, lets its names that
	// are ordinary words count there ("kubectl", "Error from server").
	Context []string `toml:"context" json:"context"`
	// Patterns find names where this system prints them, context or not.
	Patterns []Pattern `toml:"patterns" json:"patterns"`
	// Form is a regular expression every name of the vocabulary matches.
	Form       string      `toml:"form" json:"form"`
	Checked    string      `toml:"checked" json:"checked"` // "2026-12": when the mappings were last compared with the references
	References []Reference `toml:"references" json:"references"`
}

// Pattern is where a system prints one of its names: a regular expression
// whose group "term" holds the name (or, without one, that stands for the
// term Term) and whose group "status", when it has one, the status it was
// logged with ("-1" for none).
type Pattern struct {
	Find string `toml:"find" json:"find"`
	Term string `toml:"term" json:"term"`
}

// Term is one name of a vocabulary and the status it comes with.
type Term struct {
	Name    string   `toml:"name" json:"name"`       // as the system writes it: "NoSuchKey", "H12", "upstream timed out"
	Title   string   `toml:"title" json:"title"`     // a short title where the vendor gives one ("Request timeout"), else ""
	Aliases []string `toml:"aliases" json:"aliases"` // other ways the same name is printed
	Status  int      `toml:"status" json:"status"`   // the status it comes with; 0 when none is sent or logged
	Also    []int    `toml:"also" json:"also"`       // other statuses it may come with
	// When are the conditions under which it comes with another status:
	// ThrottlingException is 429 from Bedrock, 400 from most services.
	When []When `toml:"when" json:"when"`
	// Meaning is the catalog source of the entry it means, where that is
	// not the status's standard meaning ("Amazon S3" for SlowDown).
	Meaning string `toml:"meaning" json:"meaning"`
	// Distinctive overrides what the form of the name says: a name that
	// prose never uses (NotFound, rate_limit_error, AH01114) counts
	// anywhere in an input; an ordinary word or a short code (Invalid, UF,
	// H12) only beside its vocabulary's context or in one of its patterns.
	Distinctive *bool `toml:"distinctive" json:"-"`
	// Generic names say only that something failed (gRPC's UNKNOWN): any
	// other name read from the same input wins over them.
	Generic bool     `toml:"generic" json:"generic"`
	Context []string `toml:"context" json:"context"` // more context, for this name only
	Summary string   `toml:"summary" json:"summary"`
	URL     string   `toml:"url" json:"url"` // its own page; "" when the vocabulary's references cover it

	// Vocabulary is the table it belongs to.
	Vocabulary *Vocabulary `toml:"-" json:"-"`
	// Sub is the term as results and cards show it: a name sent with a
	// status, as IIS and Cloudflare sub-codes are.
	Sub SubCode `toml:"-" json:"-"`
}

// When is a condition on a term's status: the input contains one of the
// texts.
type When struct {
	Status   int      `toml:"status" json:"status"`
	Contains []string `toml:"contains" json:"contains"`
}

// IsDistinctive reports whether the name counts anywhere in an input.
func (t *Term) IsDistinctive() bool {
	if t.Distinctive != nil {
		return *t.Distinctive
	}
	return distinctiveForm(t.Name)
}

// distinctiveForm reports whether prose would never write a name so: with
// capitals inside it (NotFound), an underscore (rate_limit_error) or, five
// characters or more, letters and digits (AH01114).
func distinctiveForm(name string) bool {
	if strings.ContainsRune(name, '_') && !strings.ContainsAny(name, " ") {
		return true
	}
	inner, letters, digits := 0, false, false
	for i, r := range name {
		switch {
		case unicode.IsUpper(r) && i > 0:
			inner++
		case unicode.IsDigit(r):
			digits = true
		case unicode.IsLetter(r):
			letters = true
		default:
			return false
		}
	}
	lower := strings.ToLower(name) != name && strings.ToUpper(name) != name
	return inner > 0 && lower || letters && digits && len(name) >= 5
}

// Statuses are the statuses the term may come with: its own, then the others.
func (t *Term) Statuses() []int { return append([]int{t.Status}, t.Also...) }

// vocabHead is what reading needs of a vocabulary, known without decoding
// it, and its patterns, compiled when a line first holds the text one of
// them requires.
type vocabHead struct {
	id, name, source string
	caseSensitive    bool
	patterns         []Pattern
	needles          []string // per pattern, the text it requires ("" for none)
	fold             []bool   // per pattern, whether to look for it in any case

	once     sync.Once
	compiled []*regexp.Regexp
}

// regexps are the vocabulary's patterns, compiled once.
func (h *vocabHead) regexps() []*regexp.Regexp {
	h.once.Do(func() {
		for _, p := range h.patterns {
			h.compiled = append(h.compiled, regexp.MustCompile(p.Find))
		}
	})
	return h.compiled
}

// termKey is what lookups need of a term, known without decoding it.
type termKey struct {
	vocab   int
	name    string
	aliases []string
	status  int
	also    []int
	meaning string
}

// vocabularies are the vocabularies of vocabularies.toml. Only the key
// lines of each table are read up front: a vocabulary's name, case and
// patterns, a term's name, aliases and statuses. A table is decoded in
// full when it is first shown or read; `httpstatus 404` lists the terms of
// 404 by name and pays for no more.
type vocabularies struct {
	heads []*vocabHead
	vraw  []string // per vocabulary, its table
	vocab []*Vocabulary
	vonce []sync.Once

	keys  []termKey
	raw   []string // per term, its table
	terms []*Term  // per term, once decoded
	once  []sync.Once
	src   string

	// Names by how they are found: one-word names as written (case
	// sensitive vocabularies) and lower-cased (the others), phrases by
	// their first word.
	exact, folded map[string]termList
	phrases       map[string][]phraseName
}

// termList is the terms of one name: most names have one, which it
// holds without a slice.
type termList struct {
	first int32 // the first term's place plus one; 0 for none
	more  []int32
}

func (l termList) add(i int32) termList {
	if l.first == 0 {
		l.first = i + 1
	} else {
		l.more = append(l.more, i)
	}
	return l
}

// all yields the terms.
func (l termList) all(yield func(int32) bool) {
	if l.first == 0 || !yield(l.first-1) {
		return
	}
	for _, i := range l.more {
		if !yield(i) {
			return
		}
	}
}

// phraseName is a name of several words, lower-cased, with "*" standing
// for any text within a line.
type phraseName struct {
	term  int32
	parts []string // the literal pieces between the stars
	whole string
}

// The headers of vocabularies.toml.
const (
	vocabularyHeader = "[[vocabulary]]\n"
	termHeader       = "[[vocabulary.term]]\n"
)

// loadVocabularies is the embedded vocabularies, read once per process.
var loadVocabularies = sync.OnceValue(func() *vocabularies {
	v, err := parseVocabularies(vocabulariesTOML)
	if err != nil {
		panic("data: embedded vocabularies.toml: " + err.Error())
	}
	return v
})

// parseVocabularies splits the file into its tables, decodes the
// vocabularies' and reads only the key lines of each term's.
func parseVocabularies(src string) (*vocabularies, error) {
	n := strings.Count(src, termHeader)
	v := &vocabularies{src: src, exact: make(map[string]termList, 2*n), folded: make(map[string]termList, n/2),
		phrases: make(map[string][]phraseName, n/4), keys: make([]termKey, 0, n), raw: make([]string, 0, n)}
	rest := src
	if i := strings.Index(rest, "\n"+vocabularyHeader); i >= 0 {
		rest = rest[i+1:] // the file's comments
	} else if !strings.HasPrefix(rest, vocabularyHeader) {
		return nil, errors.New("no " + strings.TrimSpace(vocabularyHeader))
	}
	for rest != "" {
		end := nextTable(rest)
		table := rest[:end]
		rest = rest[end:]
		switch {
		case strings.HasPrefix(table, vocabularyHeader):
			h, err := scanVocabulary(table[len(vocabularyHeader):])
			if err != nil {
				return nil, fmt.Errorf("vocabulary %d: %w", len(v.heads)+1, err)
			}
			v.heads, v.vraw = append(v.heads, h), append(v.vraw, table)
		case strings.HasPrefix(table, termHeader) && len(v.heads) > 0:
			k, err := scanTerm(table[len(termHeader):])
			if err != nil {
				return nil, fmt.Errorf("vocabulary %s, term %d: %w", v.heads[len(v.heads)-1].id, len(v.keys)+1, err)
			}
			k.vocab = len(v.heads) - 1
			v.keys, v.raw = append(v.keys, k), append(v.raw, table)
		default:
			return nil, fmt.Errorf("unexpected table %q", strings.SplitN(table, "\n", 2)[0])
		}
	}
	v.vocab, v.vonce = make([]*Vocabulary, len(v.heads)), make([]sync.Once, len(v.heads))
	v.terms, v.once = make([]*Term, len(v.keys)), make([]sync.Once, len(v.keys))
	for i, k := range v.keys {
		cs := v.heads[k.vocab].caseSensitive
		v.addName(int32(i), k.name, cs)
		for _, name := range k.aliases {
			v.addName(int32(i), name, cs)
		}
	}
	return v, nil
}

// nextTable is where the table at the start of s ends: at the next
// vocabulary or term header. It looks for "[[", which only headers hold at
// the start of a line.
func nextTable(s string) int {
	for from := 1; ; {
		i := strings.Index(s[from:], "[[vocabulary")
		if i < 0 {
			return len(s)
		}
		at := from + i
		if s[at-1] == '\n' && (strings.HasPrefix(s[at:], vocabularyHeader) || strings.HasPrefix(s[at:], termHeader)) {
			return at
		}
		from = at + 1
	}
}

// addName files a name where readers look for it.
func (v *vocabularies) addName(term int32, name string, caseSensitive bool) {
	if isTokenName(name) {
		if caseSensitive {
			v.exact[name] = v.exact[name].add(term)
		} else {
			lower := strings.ToLower(name)
			v.folded[lower] = v.folded[lower].add(term)
		}
		return
	}
	lower := strings.ToLower(name)
	p := phraseName{term: term, parts: strings.Split(lower, "*"), whole: lower}
	first := firstWord(p.parts[0])
	v.phrases[first] = append(v.phrases[first], p)
}

// isTokenName reports whether a name is one word (letters, digits and
// underscores), found as a whole word; any other name is a phrase.
func isTokenName(name string) bool {
	for i := 0; i < len(name); i++ {
		if !isNameByte(name[i]) {
			return false
		}
	}
	return name != ""
}

func isNameByte(c byte) bool { return isWordByte(c) || c == '_' }

// firstWord is the first run of name bytes in a lower-cased phrase, by
// which it is filed; a phrase that starts with punctuation is filed under
// "".
func firstWord(s string) string {
	i := 0
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return s[:i]
}

// scanVocabulary reads a vocabulary's key lines: id, name, source,
// case_sensitive, and its patterns, one inline table a line.
func scanVocabulary(table string) (*vocabHead, error) {
	h := &vocabHead{}
	inPatterns := false
	for rest := table; rest != "" && !strings.HasPrefix(rest, "form = "); {
		// The key lines come first; form, checked and references, which
		// are not read here, close the header.
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		if inPatterns {
			if line == "]" {
				inPatterns = false
				continue
			}
			p, err := scanPattern(strings.TrimSpace(line))
			if err != nil {
				return nil, fmt.Errorf("patterns: %w", err)
			}
			needle, fold := requiredText(p.Find)
			h.patterns, h.needles, h.fold = append(h.patterns, p), append(h.needles, needle), append(h.fold, fold)
			continue
		}
		key, value, ok := strings.Cut(line, " = ")
		if !ok {
			continue
		}
		var err error
		switch key {
		case "id":
			h.id, err = unquote(value)
		case "name":
			h.name, err = unquote(value)
		case "source":
			h.source, err = unquote(value)
		case "case_sensitive":
			h.caseSensitive = value == "true"
		case "patterns":
			inPatterns = value == "["
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
	}
	if h.id == "" {
		return nil, errors.New("no id")
	}
	return h, nil
}

// scanPattern reads one pattern line: {find = '...', term = "..."},
func scanPattern(line string) (Pattern, error) {
	var p Pattern
	rest, ok := strings.CutPrefix(strings.TrimSuffix(line, ","), "{find = ")
	if !ok || !strings.HasSuffix(rest, "}") {
		return p, errors.New("not {find = ...} on one line")
	}
	rest = strings.TrimSuffix(rest, "}")
	var err error
	if strings.HasPrefix(rest, "'") {
		end := strings.IndexByte(rest[1:], '\'')
		if end < 0 {
			return p, errors.New("unterminated literal string")
		}
		p.Find, rest = rest[1:1+end], rest[2+end:]
	} else {
		var q string
		if q, err = strconv.QuotedPrefix(rest); err != nil {
			return p, err
		}
		p.Find, _ = strconv.Unquote(q)
		rest = rest[len(q):]
	}
	if term, ok := strings.CutPrefix(rest, ", term = "); ok {
		p.Term, err = unquote(term)
	} else if rest != "" {
		err = errors.New("unexpected " + rest)
	}
	return p, err
}

// scanTerm reads a term's key lines: name, aliases, status, also and
// meaning, each a one-line value. TestLazyVocabulariesMatchStrictParse
// holds the result to what the TOML decoder reads.
func scanTerm(table string) (termKey, error) {
	var k termKey
	found := false
	for rest := table; rest != "" && !strings.HasPrefix(rest, "summary = "); {
		// The key lines come before the summary, the longest line,
		// which is not read here.
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		key, value, ok := strings.Cut(line, " = ")
		if !ok {
			continue
		}
		var err error
		switch key {
		case "name":
			k.name, err = unquote(value)
			found = true
		case "aliases":
			k.aliases, err = scanStrings(value)
		case "status":
			k.status, err = strconv.Atoi(value)
		case "also":
			k.also, err = scanInts(value)
		case "meaning":
			k.meaning, err = unquote(value)
		}
		if err != nil {
			return k, fmt.Errorf("%s: %w", key, err)
		}
	}
	if !found {
		return k, errors.New("no name")
	}
	return k, nil
}

// unquote reads a basic string; one without escapes is sliced from the
// file, not copied.
func unquote(q string) (string, error) {
	if len(q) >= 2 && q[0] == '"' && q[len(q)-1] == '"' && !strings.ContainsAny(q[1:len(q)-1], "\\\"") {
		return q[1 : len(q)-1], nil
	}
	return strconv.Unquote(q)
}

// arrayInner is what is between the brackets of a one-line array.
func arrayInner(s string) (string, error) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return "", errors.New("not a one-line array")
	}
	return s[1 : len(s)-1], nil
}

// scanStrings reads a one-line array of basic strings: ["a", "b"].
func scanStrings(s string) ([]string, error) {
	inner, err := arrayInner(s)
	if err != nil {
		return nil, err
	}
	var out []string
	for rest := strings.TrimSpace(inner); rest != ""; {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return nil, err
		}
		u, _ := unquote(q)
		out = append(out, u)
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest[len(q):]), ","))
	}
	return out, nil
}

// scanIntsOr reads a one-line array of integers, or none.
func scanIntsOr(s string) []int {
	n, _ := scanInts(s)
	return n
}

// scanInts reads a one-line array of integers: [400, 429].
func scanInts(s string) ([]int, error) {
	inner, err := arrayInner(s)
	if err != nil {
		return nil, err
	}
	var out []int
	for f := range strings.SplitSeq(inner, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// term decodes term i on first use.
func (v *vocabularies) term(i int32) *Term {
	v.once[i].Do(func() {
		t := &Term{}
		if err := decodeTable(v.raw[i], t.set); err != nil {
			panic(fmt.Sprintf("data: embedded vocabularies.toml, term %q: %v", v.keys[i].name, err))
		}
		t.fill(v.vocabulary(v.keys[i].vocab))
		v.terms[i] = t
	})
	return v.terms[i]
}

// vocabulary decodes vocabulary i on first use.
func (v *vocabularies) vocabulary(i int) *Vocabulary {
	v.vonce[i].Do(func() {
		voc := &Vocabulary{}
		if err := decodeTable(v.vraw[i], voc.set); err != nil {
			panic(fmt.Sprintf("data: embedded vocabularies.toml, vocabulary %s: %v", v.heads[i].id, err))
		}
		nonNil(&voc.Context)
		nonNil(&voc.Patterns)
		nonNil(&voc.References)
		v.vocab[i] = voc
	})
	return v.vocab[i]
}

// fill links a decoded term to its vocabulary and makes its sub-code.
func (t *Term) fill(voc *Vocabulary) {
	t.Vocabulary = voc
	nonNil(&t.Aliases)
	nonNil(&t.Also)
	nonNil(&t.When)
	nonNil(&t.Context)
	url := t.URL
	if url == "" && len(voc.References) > 0 {
		url = voc.References[0].URL
	}
	t.Sub = SubCode{Code: t.Name, Phrase: t.Title, Source: voc.Source, Summary: t.Summary,
		Keywords: t.Aliases, URL: url, Checked: voc.Checked, Term: t}
}

// Len is the number of terms.
func (v *vocabularies) Len() int { return len(v.keys) }

// decodeTable decodes one table of a TOML document, setting each key with
// set; the table's header names it and is not checked here.
func decodeTable(table string, set func(string, *unstable.Node) error) error {
	var p unstable.Parser
	p.Reset([]byte(table))
	tables := 0
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			k := e.Key()
			if !k.Next() || !k.IsLast() {
				return fmt.Errorf("dotted key %s", p.Raw(e.Raw))
			}
			name := string(k.Node().Data)
			if err := set(name, e.Value()); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		case unstable.Table, unstable.ArrayTable:
			if tables++; tables > 1 {
				return errors.New("a table inside a table")
			}
		}
	}
	return p.Error()
}

func (voc *Vocabulary) set(name string, v *unstable.Node) error {
	switch name {
	case "id":
		return setString(&voc.ID, v)
	case "name":
		return setString(&voc.Name, v)
	case "source":
		return setString(&voc.Source, v)
	case "case_sensitive":
		return setBool(&voc.CaseSensitive, v)
	case "context":
		return setStrings(&voc.Context, v)
	case "patterns":
		return setTables(&voc.Patterns, v, func(p *Pattern, name string, v *unstable.Node) error {
			switch name {
			case "find":
				return setString(&p.Find, v)
			case "term":
				return setString(&p.Term, v)
			}
			return errUnknownKey
		})
	case "form":
		return setString(&voc.Form, v)
	case "checked":
		return setString(&voc.Checked, v)
	case "references":
		return setTables(&voc.References, v, func(r *Reference, name string, v *unstable.Node) error { return r.set(name, v) })
	}
	return errUnknownKey
}

func (t *Term) set(name string, v *unstable.Node) error {
	switch name {
	case "name":
		return setString(&t.Name, v)
	case "title":
		return setString(&t.Title, v)
	case "aliases":
		return setStrings(&t.Aliases, v)
	case "status":
		return setInt(&t.Status, v)
	case "also":
		return setInts(&t.Also, v)
	case "when":
		return setTables(&t.When, v, func(w *When, name string, v *unstable.Node) error {
			switch name {
			case "status":
				return setInt(&w.Status, v)
			case "contains":
				return setStrings(&w.Contains, v)
			}
			return errUnknownKey
		})
	case "meaning":
		return setString(&t.Meaning, v)
	case "distinctive":
		var b bool
		err := setBool(&b, v)
		t.Distinctive = &b
		return err
	case "generic":
		return setBool(&t.Generic, v)
	case "context":
		return setStrings(&t.Context, v)
	case "summary":
		return setString(&t.Summary, v)
	case "url":
		return setString(&t.URL, v)
	}
	return errUnknownKey
}

// setTables reads an array of inline tables, setting each table's keys
// with set.
func setTables[T any](dst *[]T, v *unstable.Node, set func(*T, string, *unstable.Node) error) error {
	if v.Kind != unstable.Array {
		return fmt.Errorf("%s, want an array", v.Kind)
	}
	out := []T{}
	for it := v.Children(); it.Next(); {
		n := it.Node()
		if n.Kind != unstable.InlineTable {
			return fmt.Errorf("%s, want an inline table", n.Kind)
		}
		var item T
		for kv := n.Children(); kv.Next(); {
			e := kv.Node()
			k := e.Key()
			if !k.Next() || !k.IsLast() {
				return errors.New("dotted key in an inline table")
			}
			if err := set(&item, string(k.Node().Data), e.Value()); err != nil {
				return fmt.Errorf("%s: %w", k.Node().Data, err)
			}
		}
		out = append(out, item)
	}
	*dst = out
	return nil
}

// termEntry is the catalog entry term i points to: the entry of its
// status from its meaning's source, else the status's standard meaning
// (official, else first); -1 when the catalog lacks the status.
func (c *Catalog) termEntry(i int32) int {
	k := &c.vocabularies().keys[i]
	if k.meaning != "" {
		for e, key := range c.keys {
			if key.code == k.status && c.entry(e).Source == k.meaning {
				return e
			}
		}
	}
	return c.standardEntry(k.status)
}

// TermName is a vocabulary term as a status's card lists it.
type TermName struct {
	Vocabulary string `json:"vocabulary"` // the vocabulary's id: "kubernetes"
	Name       string `json:"name"`       // "NotFound"
	Status     int    `json:"status"`     // the status it usually comes with
	vocabName  string // "Kubernetes status reason"
}

// Ref names a decoded term as lists and JSON do.
func (t *Term) Ref() TermName {
	return TermName{Vocabulary: t.Vocabulary.ID, Name: t.Name, Status: t.Status, vocabName: t.Vocabulary.Name}
}

// VocabularyName is the name of the term's vocabulary: "AWS error code".
func (t TermName) VocabularyName() string { return t.vocabName }

// TermsOf lists the vocabulary terms sent with an entry, in the file's
// order: the terms that point to it and, on its code's standard entry,
// the terms that may come with the code though they usually come with
// another. A card lists them by name.
func (c *Catalog) TermsOf(s *Status) []TermName {
	at := c.indexOf(s)
	out := []TermName{}
	if at < 0 {
		return out
	}
	std := c.standardEntry(s.Code)
	for _, t := range c.termLines(s.Code) {
		meant := t.status == s.Code && t.meaning != "" &&
			slices.ContainsFunc(c.Lookup(s.Code), func(o *Status) bool { return o.Source == t.meaning })
		switch {
		case meant && s.Source != t.meaning:
			continue // it points to another meaning of the code
		case !meant && std != at:
			continue // the standard meaning lists it
		}
		out = append(out, TermName{Vocabulary: t.vocabID, Name: t.name, Status: t.status, vocabName: t.vocabName})
	}
	return out
}

// vocabularies are the catalog's vocabularies, read on first use.
func (c *Catalog) vocabularies() *vocabularies {
	c.vocabOnce.Do(func() {
		if c.vocab == nil {
			c.vocab = loadVocabularies()
		}
	})
	return c.vocab
}

// vocabLine is a term whose status or also lines name a code, as
// termLines finds it.
type vocabLine struct {
	vocabID, vocabName, name, meaning string
	status                            int
}

// termLines finds the terms that may come with a code: from the prebuilt
// tables for the embedded vocabularies, else by scanTermLines.
func (c *Catalog) termLines(code int) []vocabLine {
	if got, ok := c.termsOf.Load(code); ok {
		return got.([]vocabLine)
	}
	src := vocabulariesTOML
	if c.vocab != nil {
		src = c.vocab.src
	}
	out, ok := prebuiltTerms(src, code)
	if !ok {
		out = scanTermLines(src, code)
	}
	got, _ := c.termsOf.LoadOrStore(code, out)
	return got.([]vocabLine)
}

// scanTermLines finds the terms that may come with a code by looking for
// their status and also lines in a vocabularies file, and reads each one's
// name, meaning and vocabulary around them: a card needs a few terms, not
// the vocabularies' indexes, which cost a one-off httpstatus 404 a tenth of
// its run. TestTermLinesAgreeWithTheVocabularies holds it to the full
// reading.
func scanTermLines(src string, code int) []vocabLine {
	digits := strconv.Itoa(code)
	var vocabs []int // where each vocabulary's header is
	for from := 0; ; {
		i := strings.Index(src[from:], "[[vocabulary]]\n")
		if i < 0 {
			break
		}
		vocabs = append(vocabs, from+i)
		from += i + 1
	}
	type head struct{ id, name string }
	heads := map[int]head{}
	out := []vocabLine{}
	// The code's digits are rare in the file: each time they stand in a
	// status or also line, the term around them may come with it.
	for from := 0; ; {
		i := strings.Index(src[from:], digits)
		if i < 0 {
			break
		}
		at := from + i
		from = at + len(digits)
		lineStart := strings.LastIndexByte(src[:at], '\n') + 1
		line, _, _ := strings.Cut(src[lineStart:], "\n")
		if line != "status = "+digits && !(strings.HasPrefix(line, "also = [") && slices.Contains(scanIntsOr(line[len("also = "):]), code)) {
			continue
		}
		term := strings.LastIndex(src[:lineStart], termHeader)
		n, _ := slices.BinarySearch(vocabs, lineStart)
		if term < 0 || n == 0 || vocabs[n-1] > term {
			continue // a damaged file; the tests say which
		}
		vocab := vocabs[n-1]
		h, ok := heads[vocab]
		if !ok {
			// id and name are the header's first lines
			id, rest, _ := strings.Cut(src[vocab+len(vocabularyHeader):], "\n")
			name, _, _ := strings.Cut(rest, "\n")
			h.id, _ = unquote(strings.TrimPrefix(id, "id = "))
			h.name, _ = unquote(strings.TrimPrefix(name, "name = "))
			heads[vocab] = h
		}
		k, err := scanTerm(src[term+len(termHeader) : term+nextTable(src[term:])])
		if err == nil && h.id != "" && !slices.ContainsFunc(out, func(l vocabLine) bool { return l.vocabID == h.id && l.name == k.name }) {
			out = append(out, vocabLine{vocabID: h.id, vocabName: h.name, name: k.name, meaning: k.meaning, status: k.status})
		}
	}
	return out
}

// standardEntry is the entry a code means when nothing says otherwise:
// its official entry, else its first; -1 when none.
func (c *Catalog) standardEntry(code int) int {
	std := -1
	for e, key := range c.keys {
		if key.code == code && (std < 0 || key.official && !c.keys[std].official) {
			std = e
		}
	}
	return std
}

// VocabularySize names a vocabulary and counts its terms, for lists of
// the vocabularies.
type VocabularySize struct {
	ID, Name, Source string
	Terms            int
}

// Vocabularies lists the vocabularies, in the file's order.
func (c *Catalog) Vocabularies() []VocabularySize {
	v := c.vocabularies()
	out := make([]VocabularySize, len(v.heads))
	for i, h := range v.heads {
		out[i] = VocabularySize{ID: h.id, Name: h.name, Source: h.source}
	}
	for _, k := range v.keys {
		out[k.vocab].Terms++
	}
	return out
}
