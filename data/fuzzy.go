package data

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// The fuzzy part of search: letters typed in order, as fzf and gum filter
// take them ("gtwy" is Gateway Timeout, "svcunav" Service Unavailable).
// It answers only for words that no word, prefix or typo matched, and its
// results rank after every entry that the words matched whole, so a query
// that word search answers ranks as it did.

// minFuzzyRunes is the shortest pattern matched fuzzily: one letter is a
// prefix, and the word search takes it.
const minFuzzyRunes = 2

// fuzzyTarget is a name of an entry that fuzzy matching reads: its phrase,
// a former name or its vendor.
type fuzzyTarget struct {
	doc, field int32
}

type fuzzyNames struct {
	texts   []string
	targets []fuzzyTarget
}

// fuzzyNames lists the names of the index's entries, once per index.
func (ix *index) fuzzyNames() *fuzzyNames {
	ix.fuzzyOnce.Do(func() {
		n := &fuzzyNames{}
		for di := range ix.docs {
			d := &ix.docs[di]
			if d.named() {
				continue // sub-codes and terms are found by their words and codes
			}
			for fi := range d.fields {
				switch d.fields[fi].kind {
				case FieldPhrase, FieldAlias, FieldSource:
					n.texts = append(n.texts, d.fields[fi].text)
					n.targets = append(n.targets, fuzzyTarget{int32(di), int32(fi)})
				}
			}
		}
		ix.fuzzy = n
	})
	return ix.fuzzy
}

// fuzzyMatch is the best fuzzy match of the pattern in one doc.
type fuzzyMatch struct {
	doc, field int32
	score      int
	bytes      []int // matched byte offsets in the field's text
}

// search ranks the docs that the words match (among those allowed accepts,
// when it is not nil). When no doc matched every word, the entries whose
// names hold the query's letters in order come next, before the docs that
// matched some of the words.
func (c *Catalog) search(words []string, allowed func(*doc) bool) []Result {
	ranked := c.rank(c.score(words, allowed), len(words), true)
	if slices.ContainsFunc(ranked, func(r Result) bool { return r.matched == len(words) }) {
		return ranked
	}
	fz := c.fuzzyFind(words, allowed)
	if len(fz) == 0 {
		return ranked
	}
	for _, r := range ranked {
		if !slices.ContainsFunc(fz, func(f Result) bool { return same(f, r) }) {
			fz = append(fz, r)
		}
	}
	return fz
}

// same reports whether two results are the same entry or sub-code.
func same(a, b Result) bool { return a.Status == b.Status && a.Sub == b.Sub }

// fuzzyFind matches the words, typed in order with their spaces, against
// every entry's names, and keeps each entry's best name: the entries whose
// names hold the letters, best first, among the docs allowed accepts.
func (c *Catalog) fuzzyFind(words []string, allowed func(*doc) bool) []Result {
	pattern := strings.Join(words, " ")
	if utf8.RuneCountInString(pattern) < minFuzzyRunes {
		return nil
	}
	ix := c.searchIndex()
	names := ix.fuzzyNames()
	best := map[int32]fuzzyMatch{}
	for _, m := range fuzzy.FindNoSort(pattern, names.texts) {
		t := names.targets[m.Index]
		if allowed != nil && !allowed(&ix.docs[t.doc]) {
			continue
		}
		// Each entry ranks by its best name, and shows its phrase marked
		// when the phrase holds the letters too.
		b, ok := best[t.doc]
		phrase := ix.docs[t.doc].fields[t.field].kind == FieldPhrase
		switch {
		case !ok:
			best[t.doc] = fuzzyMatch{t.doc, t.field, m.Score, m.MatchedIndexes}
		case phrase:
			best[t.doc] = fuzzyMatch{t.doc, t.field, max(b.score, m.Score), m.MatchedIndexes}
		case m.Score > b.score && ix.docs[t.doc].fields[b.field].kind != FieldPhrase:
			best[t.doc] = fuzzyMatch{t.doc, t.field, m.Score, m.MatchedIndexes}
		case m.Score > b.score:
			b.score = m.Score
			best[t.doc] = b
		}
	}
	matches := make([]fuzzyMatch, 0, len(best))
	for _, m := range best {
		matches = append(matches, m)
	}
	// The standard meanings first, as in word search: the letters of
	// "gtwy" are in every vendor's Gateway Timeout too.
	slices.SortFunc(matches, func(a, b fuzzyMatch) int {
		ea, eb := ix.docs[a.doc].entry, ix.docs[b.doc].entry
		if oa, ob := c.keys[ea].official, c.keys[eb].official; oa != ob {
			return boolOrder(oa)
		}
		if a.score != b.score {
			return b.score - a.score
		}
		return ea - eb
	})
	out := make([]Result, 0, len(matches))
	for _, m := range matches {
		d := &ix.docs[m.doc]
		f := &d.fields[m.field]
		r := Result{Status: c.entry(d.entry), index: d.entry, fuzzy: true}
		pos := runePositions(f.text, m.bytes)
		if f.kind == FieldPhrase {
			r.Phrase = pos
		} else {
			r.Hint = Hint{Field: f.kind, Text: f.text, Positions: pos}
		}
		out = append(out, r)
	}
	return out
}

// runePositions turns sahilm/fuzzy's byte offsets into the rune positions
// the list highlights.
func runePositions(text string, offsets []int) []int {
	out := make([]int, len(offsets))
	for i, b := range offsets {
		out[i] = utf8.RuneCountInString(text[:b])
	}
	return out
}
