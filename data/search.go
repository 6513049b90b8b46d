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
	qualityInside
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
// returns every entry in catalog order.
func (c *Catalog) Search(query string) []Result {
	q := NormalizeQuery(query)
	if q == "" {
		out := make([]Result, len(c.statuses))
		for i := range c.statuses {
			out[i] = Result{Status: &c.statuses[i], index: i}
		}
		return out
	}
	lower := []rune(strings.ToLower(q))
	words := strings.Fields(string(lower))
	mask, isMask := ParseMask(q)

	var out []Result
	for i := range c.statuses {
		s := &c.statuses[i]
		if r, ok := matchStatus(s, q, lower, words, mask, isMask); ok {
			r.Status, r.index = s, i
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, compareResults)
	return out
}

func compareResults(a, b Result) int {
	switch {
	case a.tier != b.tier:
		return a.tier - b.tier
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

// matchStatus finds the best-ranked way one entry matches.
func matchStatus(s *Status, q string, lower []rune, words []string, mask Mask, isMask bool) (Result, bool) {
	code := s.CodeString()
	switch {
	case q == code:
		return Result{Field: FieldCode, Text: code, Positions: span(0, len(code)), tier: tierCode}, true
	case isMask && mask.Match(s.Code):
		return Result{Field: FieldCode, Text: code, Positions: span(0, len(mask.prefix)), tier: tierCodePrefix}, true
	case isMask || isDigits(q):
		return Result{}, false // a number is a code query; prose that mentions it is noise
	}

	best := Result{tier: -1}
	consider := func(r Result) {
		r.Status = s
		if best.tier < 0 || compareResults(r, best) < 0 {
			best = r
		}
	}
	type field struct {
		f     Field
		texts []string
		words int // tier for a whole-word match
		fuzzy int // tier for a fuzzy match, or -1
	}
	fields := []field{
		{FieldPhrase, []string{s.Phrase}, tierPhraseWords, tierPhraseFuzzy},
		{FieldAlias, s.Aliases, tierAliasWords, tierAliasFuzzy},
		{FieldKeyword, s.Keywords, tierAliasWords, tierAliasFuzzy},
		{FieldSummary, []string{s.Summary}, tierSummaryWords, -1},
		{FieldDescription, []string{s.Description}, tierDescriptionWords, -1},
	}
	for _, f := range fields {
		if best.tier >= 0 && best.tier < f.words {
			break // nothing later can beat what we have
		}
		for _, text := range f.texts {
			if pos, quality, ok := matchWords(text, lower, words); ok {
				consider(Result{Field: f.f, Text: text, Positions: pos, tier: f.words, quality: quality})
				continue
			}
			if f.fuzzy < 0 {
				continue
			}
			if m := fuzzy.Find(q, []string{text}); len(m) == 1 {
				consider(Result{Field: f.f, Text: text, Positions: runeIndexes(text, m[0].MatchedIndexes),
					tier: f.fuzzy, quality: qualityInside, score: m[0].Score})
			}
		}
	}
	return best, best.tier >= 0
}

// matchWords reports whether every query word occurs in text (ignoring case,
// any order), with the matched rune positions and how good the match is.
func matchWords(text string, lower []rune, words []string) ([]int, int, bool) {
	hay := []rune(strings.ToLower(text))
	if len(hay) != utf8.RuneCountInString(text) {
		return nil, 0, false // lower-casing changed the length; positions would lie
	}
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
	for i, w := range words {
		needle := []rune(w)
		at, startsWord := findWord(hay, needle)
		if at < 0 {
			return nil, 0, false
		}
		switch {
		case i == 0 && at == 0:
		case startsWord:
			quality = max(quality, qualityWord)
		default:
			quality = max(quality, qualityInside)
		}
		pos = append(pos, span(at, at+len(needle))...)
	}
	slices.Sort(pos)
	return slices.Compact(pos), quality, true
}

// findWord finds needle in hay, preferring an occurrence that starts a word.
func findWord(hay, needle []rune) (at int, startsWord bool) {
	first := -1
	for i := 0; i+len(needle) <= len(hay); i++ {
		if !slices.Equal(hay[i:i+len(needle)], needle) {
			continue
		}
		if i == 0 || !isWordRune(hay[i-1]) {
			return i, true
		}
		if first < 0 {
			first = i
		}
	}
	return first, false
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

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
