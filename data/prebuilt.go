package data

import (
	"cmp"
	"slices"
)

// prebuiltTables are what parseLazily and termLines read from the embedded
// files, read ahead of time into prebuilt_tables.go: finding the entries'
// tables in statuses.toml and the terms of a code in vocabularies.toml
// scans both files, some 450 KB: a quarter of a millisecond of every
// `httpstatus 404`, a sixteenth of its run. TestPrebuiltFileIsCurrent rewrites the file (go test ./data -run
// FileIsCurrent -update, which rebuilds index.bin too) and fails while it
// is stale; until then a catalog whose file changed size is read as before.
type prebuiltTables struct {
	statusesSize, vocabulariesSize int
	keys                           []entryKey  // per entry, in the catalog's order
	tables                         []tableSpan // per entry, where it lies in statuses.toml
	terms                          []codeTerms // by code: termLines of each code that has terms
}

// codeTerms are the terms that may come with a code.
type codeTerms struct {
	code  int
	lines []vocabLine
}

// prebuiltCatalog is the embedded catalog read from the prebuilt tables;
// nil when statuses.toml is not the file they were built from.
func prebuiltCatalog() *Catalog {
	if len(statusesTOML) != prebuilt.statusesSize {
		return nil
	}
	c := orderedCatalog(prebuilt.keys, prebuilt.tables, nil)
	c.src = statusesTOML
	return c
}

// prebuiltTerms is scanTermLines(src, code) from the prebuilt tables; false
// when src is not the vocabularies file they were built from.
func prebuiltTerms(src string, code int) ([]vocabLine, bool) {
	if len(src) != prebuilt.vocabulariesSize || src != vocabulariesTOML {
		return nil, false
	}
	i, found := slices.BinarySearchFunc(prebuilt.terms, code, func(t codeTerms, code int) int { return cmp.Compare(t.code, code) })
	if !found {
		return []vocabLine{}, true
	}
	return prebuilt.terms[i].lines, true
}
