package data

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// MaxQueryRunes bounds a query. Longer input is cut to this before matching,
// so a pasted megabyte costs no more than a sentence.
const MaxQueryRunes = 100

// Field names the part of an entry a query matched.
type Field int

// Fields, in the order they rank.
const (
	FieldNone Field = iota // empty query: every entry, unranked
	FieldCode
	FieldPhrase
	FieldAlias
	FieldKeyword
	FieldSummary
	FieldDescription
)

func (f Field) String() string {
	return [...]string{"none", "code", "phrase", "alias", "keyword", "summary", "description"}[f]
}

// Result is one entry that matched a query, with where it matched.
type Result struct {
	Status *Status
	// Field and Text are the matched field and its text; Positions are the
	// matched runes of Text (rune indexes, ascending), for highlighting.
	Field     Field
	Text      string
	Positions []int

	tier, quality, score, index int
}

// Ranking tiers: lower is better. Whole-word matches in a field beat
// scattered fuzzy matches, so "rate limit" finds the 429 keyword before some
// phrase that merely contains those letters in order.
const (
	tierCode = iota
	tierCodePrefix
	tierPhraseWords
	tierAliasWords
	tierPhraseFuzzy
	tierAliasFuzzy
	tierSummaryWords
	tierDescriptionWords
)

// Match qualities within a tier.
const (
	qualityEqual = iota
	qualityPrefix
	qualityWord
	qualityFuzzy
)

// NormalizeQuery turns raw input into what Search matches: valid UTF-8, no
// control characters, single spaces, trimmed, at most MaxQueryRunes runes.
func NormalizeQuery(q string) string {
	var b strings.Builder
	n := 0
	space := false
	for _, r := range strings.ToValidUTF8(q, "") {
		if n >= MaxQueryRunes {
			break
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// Search ranks the catalog against a query: exact code, code prefix or mask,
// phrase, aliases and keywords, then summary and description. An empty query
// returns every entry in catalog order. The result is the caller's to read,
// not to modify: the empty query's is shared.
func (c *Catalog) Search(query string) []Result {
	q := NormalizeQuery(query)
	if q == "" {
		return c.everything()
	}
	lower := []rune(strings.ToLower(q))
	wordStrs := strings.Fields(string(lower))
	var words [][]rune
	for _, w := range wordStrs {
		words = append(words, []rune(w))
	}
	if mask, isMask := ParseMask(q); isMask || isDigits(q) {
		return c.searchCodes(q, mask, isMask)
	}

	c.indexOnce.Do(func() {
		all := c.All()
		c.fields = make([][]searchField, len(all))
		for i := range all {
			c.fields[i] = searchFields(&all[i])
		}
	})
	var out []Result
	for i := range c.fields {
		s := c.entry(i)
		if r, ok := matchStatus(s, c.fields[i], q, lower, words, wordStrs); ok {
			r.Status, r.index = s, i
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, compareResults)
	return out
}

// searchCodes answers a query that is a number: the exact code, or the codes
// a mask or prefix covers. Prose that mentions the number is noise, and the
// entries that do not match are never decoded.
func (c *Catalog) searchCodes(q string, mask Mask, isMask bool) []Result {
	var out []Result
	for i, k := range c.keys {
		code := FormatCode(k.code)
		switch {
		case q == code:
			out = append(out, Result{Status: c.entry(i), Field: FieldCode, Text: code, Positions: span(0, len(code)), tier: tierCode, index: i})
		case isMask && mask.Match(k.code):
			out = append(out, Result{Status: c.entry(i), Field: FieldCode, Text: code, Positions: span(0, len(mask.prefix)), tier: tierCodePrefix, index: i})
		}
	}
	slices.SortStableFunc(out, compareResults)
	return out
}

func compareResults(a, b Result) int {
	switch {
	case a.tier != b.tier:
		return a.tier - b.tier
	case a.tier <= tierCodePrefix:
		return a.index - b.index // codes in code order, as the catalog lists them
	case a.quality != b.quality:
		return a.quality - b.quality
	case a.Status.Official != b.Status.Official:
		if a.Status.Official {
			return -1
		}
		return 1
	case a.score != b.score:
		return b.score - a.score
	}
	return a.index - b.index
}

// searchField is one searchable text of an entry, lower-cased once when the
// catalog is parsed rather than on every keystroke.
type searchField struct {
	field        Field
	text         string
	lower        []rune // nil when lower-casing would change its length
	starts       []int  // indexes in lower where a word starts
	words, fuzzy int    // tiers for a whole-word and a fuzzy match (-1: none)

	// prose is the lower-cased summary or description: searched for words
	// but never highlighted, so it needs no runes and no positions.
	prose string
}

// searchFields lists an entry's texts in ranking order.
func searchFields(s *Status) []searchField {
	var out []searchField
	add := func(f Field, words, fuzzy int, texts ...string) {
		for _, t := range texts {
			if fuzzy < 0 {
				out = append(out, searchField{field: f, text: t, words: words, fuzzy: fuzzy, prose: strings.ToLower(t)})
				continue
			}
			lower := []rune(strings.ToLower(t))
			if len(lower) != utf8.RuneCountInString(t) {
				lower = nil // positions in it would not be positions in t
			}
			var starts []int
			for i, r := range lower {
				if i == 0 || (!isWordRune(lower[i-1]) && r != ' ') {
					starts = append(starts, i)
				}
			}
			out = append(out, searchField{field: f, text: t, lower: lower, starts: starts, words: words, fuzzy: fuzzy})
		}
	}
	add(FieldPhrase, tierPhraseWords, tierPhraseFuzzy, s.Phrase)
	add(FieldAlias, tierAliasWords, tierAliasFuzzy, s.Aliases...)
	add(FieldKeyword, tierAliasWords, tierAliasFuzzy, s.Keywords...)
	add(FieldSummary, tierSummaryWords, -1, s.Summary)
	add(FieldDescription, tierDescriptionWords, -1, s.Description)
	return out
}

// matchStatus finds the best-ranked way one entry matches a text query.
func matchStatus(s *Status, fields []searchField, q string, lower []rune, words [][]rune, wordStrs []string) (Result, bool) {
	best := Result{tier: -1}
	consider := func(r Result) {
		r.Status = s
		if best.tier < 0 || compareResults(r, best) < 0 {
			best = r
		}
	}
	for _, f := range fields {
		if best.tier >= 0 && best.tier < f.words {
			break // nothing later can beat what we have
		}
		if f.prose != "" {
			if containsWords(f.prose, wordStrs) {
				consider(Result{Field: f.field, Text: f.text, tier: f.words, quality: qualityWord})
			}
			continue
		}
		if f.lower == nil {
			continue
		}
		if pos, quality, ok := matchWords(f, lower, words); ok {
			consider(Result{Field: f.field, Text: f.text, Positions: pos, tier: f.words, quality: quality})
			continue
		}
		if f.fuzzy < 0 || !subsequence(lower, f.lower) {
			continue
		}
		if m := fuzzy.Find(q, []string{f.text}); len(m) == 1 {
			pos := runeIndexes(f.text, m[0].MatchedIndexes)
			if plausibleTypo(f.lower, pos, len(words)) {
				consider(Result{Field: f.field, Text: f.text, Positions: pos, tier: f.fuzzy, quality: qualityFuzzy, score: m[0].Score})
			}
		}
	}
	return best, best.tier >= 0
}

// matchWords reports whether every query word occurs in text (ignoring case,
// any order), with the matched rune positions and how good the match is.
func matchWords(f searchField, lower []rune, words [][]rune) ([]int, int, bool) {
	hay := f.lower
	if slices.Equal(hay, lower) {
		var pos []int
		for i, r := range hay {
			if !unicode.IsSpace(r) {
				pos = append(pos, i)
			}
		}
		return pos, qualityEqual, true
	}
	var pos []int
	quality := qualityPrefix
	for i, needle := range words {
		at := findWord(hay, f.starts, needle)
		if at < 0 {
			return nil, 0, false
		}
		if i > 0 || at > 0 {
			quality = qualityWord
		}
		pos = append(pos, span(at, at+len(needle))...)
	}
	slices.Sort(pos)
	return slices.Compact(pos), quality, true
}

// containsWords reports whether every word starts a word somewhere in hay
// (both lower-cased).
func containsWords(hay string, words []string) bool {
	for _, w := range words {
		found := false
		for from := 0; !found; {
			i := strings.Index(hay[from:], w)
			if i < 0 {
				return false
			}
			at := from + i
			found = at == 0 || !isWordByte(hay[at-1])
			from = at + 1
		}
	}
	return true
}

// isWordByte is isWordRune for a byte; any byte of a multi-byte rune counts
// as a word byte, which errs towards not matching.
func isWordByte(b byte) bool {
	return b >= utf8.RuneSelf || isWordRune(rune(b))
}

// findWord finds needle at one of the word starts of hay: "auth" is in
// "Proxy Authentication", but "rate" is not in "corporate".
func findWord(hay []rune, starts []int, needle []rune) int {
	for _, i := range starts {
		if i+len(needle) <= len(hay) && slices.Equal(hay[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// plausibleTypo keeps fuzzy matches that look like a misspelling of the
// text ("unathorized", "gatway timeout") and drops letters scattered across
// it ("rate" in "Range Not Satisfiable" or "rest create"): the match must
// start a word, skip no space the query lacks, and break into at most one
// run more than the query has words.
func plausibleTypo(runes []rune, pos []int, words int) bool {
	if len(pos) == 0 || (pos[0] > 0 && isWordRune(runes[pos[0]-1])) {
		return false
	}
	runs := 1
	for i := 1; i < len(pos); i++ {
		if pos[i] == pos[i-1]+1 {
			continue
		}
		runs++
		for _, r := range runes[pos[i-1]+1 : pos[i]] {
			if !isWordRune(r) {
				return false
			}
		}
	}
	return runs <= words+1
}

// subsequence reports whether needle's runes occur in hay in order: the
// cheap test fuzzy matching needs, done before paying for fuzzy.Find.
func subsequence(needle, hay []rune) bool {
	i := 0
	for _, r := range hay {
		if i < len(needle) && r == needle[i] {
			i++
		}
	}
	return i == len(needle)
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func span(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// runeIndexes converts fuzzy's byte offsets into rune indexes of s.
func runeIndexes(s string, bytesAt []int) []int {
	out := make([]int, 0, len(bytesAt))
	r, k := 0, 0
	for b := range s {
		for k < len(bytesAt) && bytesAt[k] < b {
			k++
		}
		if k < len(bytesAt) && bytesAt[k] == b {
			out = append(out, r)
		}
		r++
	}
	return out
}
