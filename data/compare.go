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

	"github.com/pelletier/go-toml/v2"
)

//go:embed compare.toml
var compareTOML []byte

// Family is a set of codes people confuse (301 or 308, 401 or 403),
// compared side by side: one column per code, one row per question.
type Family struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Note    string   `json:"note"` // the one thing to remember, under the table
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Column is one code of a family: its official entry, or the entry of the
// vendor it names (nginx's 499).
type Column struct {
	Code   int    `json:"code"`
	Source string `json:"source,omitempty"` // "" for the official entry
}

// Row is one question about every code of a family. Its ID names the fact
// for good, so tests and code can find a row whatever its label says.
type Row struct {
	ID     string   `json:"id"`
	Label  string   `json:"label"`
	Values []string `json:"values"` // one per column, in column order
}

// Row IDs whose values the catalog also states; the package's tests check
// that both agree.
const (
	// RowCacheable is "yes" or "no" per code: Status.Cacheable.
	RowCacheable = "cacheable"
	// RowHeader names the response header each code calls for ("Location",
	// "Retry-After (if temporary)", or "none"); each name is in the
	// entry's Headers.
	RowHeader = "header"
)

// Codes are the family's codes in column order.
func (f *Family) Codes() []int {
	codes := make([]int, len(f.Columns))
	for i, c := range f.Columns {
		codes[i] = c.Code
	}
	return codes
}

// Entry is the catalog entry a column stands for; nil when the catalog has
// none (the package's tests rule that out for the embedded families).
func (c Column) Entry(cat *Catalog) *Status { return entryOf(cat, c.Code, c.Source) }

// matches reports whether the column stands for s.
func (c Column) matches(s *Status) bool {
	if c.Source == "" {
		return s.Official && s.Code == c.Code
	}
	return s.Code == c.Code && s.Source == c.Source
}

// entryOf finds the entry of a code from a source, "" meaning the official
// one.
func entryOf(cat *Catalog, code int, source string) *Status {
	for _, s := range cat.Lookup(code) {
		if (source == "" && s.Official) || (source != "" && s.Source == source) {
			return s
		}
	}
	return nil
}

// Families returns the embedded families in file order, shared by every
// caller; callers must not modify them.
var Families = sync.OnceValue(func() []Family {
	fs, err := ParseFamilies(compareTOML)
	if err != nil {
		// The package's tests check the embedded file.
		panic("data: embedded compare.toml: " + err.Error())
	}
	return fs
})

// FamilyOf is the family that compares s with the codes people confuse it
// with, for the explorer's compare key; nil when there is none. A code in
// several families (503 is both a gateway error and a rate-limit answer)
// gets the first in file order, which lists each code's main confusion
// first. A vendor entry has a family only if a column names its vendor:
// nginx's 499 does, Esri's 499 does not.
func FamilyOf(s *Status) *Family {
	fs := Families()
	for i := range fs {
		if slices.ContainsFunc(fs[i].Columns, func(c Column) bool { return c.matches(s) }) {
			return &fs[i]
		}
	}
	return nil
}

// FamilyFor is the comparison to print before the cards of several codes
// given together (httpstatus 301 308): the first family whose codes are
// exactly these, else the first that holds them all, cut down to these
// codes in the order given. Repeated codes count once. It is nil for fewer
// than two codes or when no family holds them all.
//
// The table keeps only the codes asked for: the user named the choice they
// are weighing, the cards that follow are of those codes alone, and five
// columns where two were asked for would only crowd a narrow terminal. The
// explorer's key shows whole families.
func FamilyFor(codes []int) *Family {
	var want []int
	for _, c := range codes {
		if !slices.Contains(want, c) {
			want = append(want, c)
		}
	}
	if len(want) < 2 {
		return nil
	}
	fs := Families()
	var found *Family
	for i := range fs {
		have := fs[i].Codes()
		holds := !slices.ContainsFunc(want, func(c int) bool { return !slices.Contains(have, c) })
		if holds && len(have) == len(want) {
			found = &fs[i]
			break
		}
		if holds && found == nil {
			found = &fs[i]
		}
	}
	if found == nil {
		return nil
	}
	return found.restrict(want)
}

// restrict is a copy of the family with the columns of codes alone, in
// that order; every code must be one of the family's.
func (f *Family) restrict(codes []int) *Family {
	out := &Family{ID: f.ID, Title: f.Title, Note: f.Note}
	idx := make([]int, len(codes))
	for i, code := range codes {
		idx[i] = slices.Index(f.Codes(), code)
		out.Columns = append(out.Columns, f.Columns[idx[i]])
	}
	for _, r := range f.Rows {
		values := make([]string, len(idx))
		for i, j := range idx {
			values[i] = r.Values[j]
		}
		out.Rows = append(out.Rows, Row{ID: r.ID, Label: r.Label, Values: values})
	}
	return out
}

// familyFile is compare.toml as written: codes, plus the vendor of any
// column that is not the official entry ([family.sources] 499 = "nginx").
type familyFile struct {
	Family []struct {
		ID      string            `toml:"id"`
		Title   string            `toml:"title"`
		Note    string            `toml:"note"`
		Codes   []int             `toml:"codes"`
		Sources map[string]string `toml:"sources"`
		Rows    []Row             `toml:"row"`
	} `toml:"family"`
}

// ParseFamilies reads families in the compare.toml format, rejecting
// unknown fields and any family that would not make a table: a missing id,
// title or label, fewer than two codes, a row without one value per code.
// Whether the codes are in the catalog is for the tests to check.
func ParseFamilies(b []byte) ([]Family, error) {
	var file familyFile
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, err
	}
	if len(file.Family) == 0 {
		return nil, errors.New("no [[family]]")
	}
	ids := map[string]bool{}
	out := make([]Family, 0, len(file.Family))
	for n, ff := range file.Family {
		name := ff.ID
		if name == "" {
			name = fmt.Sprintf("family %d", n+1)
		}
		f := Family{ID: ff.ID, Title: ff.Title, Note: ff.Note, Rows: ff.Rows}
		for _, code := range ff.Codes {
			f.Columns = append(f.Columns, Column{Code: code, Source: ff.Sources[strconv.Itoa(code)]})
		}
		if err := f.check(ids); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for key := range ff.Sources {
			if code, err := strconv.Atoi(key); err != nil || !slices.Contains(ff.Codes, code) {
				return nil, fmt.Errorf("%s: source for %q, which is not one of its codes", name, key)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// check validates one family; ids holds the family ids seen so far.
func (f *Family) check(ids map[string]bool) error {
	switch {
	case blank(f.ID), blank(f.Title), blank(f.Note):
		return errors.New("id, title and note are required")
	case ids[f.ID]:
		return errors.New("duplicate id")
	case len(f.Columns) < 2:
		return errors.New("a comparison needs at least two codes")
	case len(f.Rows) == 0:
		return errors.New("no rows")
	}
	ids[f.ID] = true
	for i, c := range f.Columns {
		if slices.Contains(f.Codes()[:i], c.Code) {
			return fmt.Errorf("code %d listed twice", c.Code)
		}
	}
	rowIDs := map[string]bool{}
	for _, r := range f.Rows {
		switch {
		case blank(r.ID), blank(r.Label):
			return errors.New("a row needs an id and a label")
		case rowIDs[r.ID]:
			return fmt.Errorf("row %s: duplicate id", r.ID)
		case len(r.Values) != len(f.Columns):
			return fmt.Errorf("row %s: %d values for %d codes", r.ID, len(r.Values), len(f.Columns))
		case slices.ContainsFunc(r.Values, blank):
			return fmt.Errorf("row %s: empty value", r.ID)
		}
		rowIDs[r.ID] = true
	}
	return nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }
