package data

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A token is one word of a text as search compares it: lower-cased as
// written, and folded to one spelling and stem, with the runes [start, end)
// it spans in the text so a match can be highlighted.
type token struct {
	word, stem string
	id         int32 // the stem's number in the index being built, -1 outside it
	start, end int
}

// tokenizer remembers how each word folds, whether it is a stop word, and
// the number its stem has in the index being built: building the index
// meets the same few thousand words tens of thousands of times, and one
// map lookup per word is most of its cost.
type tokenizer struct {
	folds map[string]folded
	stems *postingLists // numbers the stems
	buf   []token       // tokenize's result, reused: the index copies what it keeps
}

type folded struct {
	stem string
	stop bool
	id   int32
}

func (tz *tokenizer) lookup(w string) folded {
	if tz == nil {
		return folded{fold(w), stopWords()[w], -1}
	}
	f, ok := tz.folds[w]
	if !ok {
		f = tz.remember(w)
	}
	return f
}

// lookupBytes is lookup for a word being built, which becomes a string
// only the first time it is met.
func (tz *tokenizer) lookupBytes(w []byte) folded {
	f, ok := tz.folds[string(w)]
	if !ok {
		f = tz.remember(string(w))
	}
	return f
}

func (tz *tokenizer) remember(w string) folded {
	f := folded{fold(w), stopWords()[w], -1}
	if !f.stop {
		f.id = tz.stems.id(f.stem)
	}
	tz.folds[w] = f
	return f
}

// tokenize splits text into words (letters and digits; an apostrophe inside
// a word is dropped, so "I'm" is "im") and folds each. Stop words are left
// out: they carry no meaning in a search and would make every entry match.
func tokenize(text string) []token { return (*tokenizer)(nil).tokenize(text) }

func (tz *tokenizer) tokenize(text string) []token {
	if !isASCII(text) {
		return tz.tokenizeRunes(text)
	}
	// ASCII, the catalog's prose: a byte is a rune, and a word is a slice
	// of the lower-cased text unless an apostrophe sits inside it.
	lower := strings.ToLower(text)
	var out []token
	if tz != nil {
		out = tz.buf[:0]
	} else {
		out = make([]token, 0, len(lower)/7) // English words run some six letters with their space
	}
	for i := 0; i < len(lower); {
		if !isWordByte(lower[i]) {
			i++
			continue
		}
		start, word := i, ""
		for i < len(lower) && (isWordByte(lower[i]) || lower[i] == '\'' && i+1 < len(lower) && isWordByte(lower[i+1])) {
			i++
		}
		if word = lower[start:i]; strings.IndexByte(word, '\'') >= 0 {
			word = strings.ReplaceAll(word, "'", "")
		}
		if f := tz.lookup(word); !f.stop {
			out = append(out, token{word: word, stem: f.stem, id: f.id, start: start, end: i})
		}
	}
	if tz != nil {
		tz.buf = out
	}
	return out
}

func (tz *tokenizer) tokenizeRunes(text string) []token {
	var out []token
	var word strings.Builder
	start, i := 0, 0
	flush := func() {
		if word.Len() > 0 {
			if w := word.String(); !stopWords()[w] {
				f := tz.lookup(w)
				out = append(out, token{word: w, stem: f.stem, id: f.id, start: start, end: i})
			}
			word.Reset()
		}
	}
	for _, r := range text {
		switch {
		case isWordRune(r):
			if word.Len() == 0 {
				start = i
			}
			word.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && word.Len() > 0:
			// inside a word: "i'm", "don't"; a trailing one ends it anyway
		default:
			flush()
		}
		i++
	}
	flush()
	return out
}

// stopWords are skipped in queries and in the text searched alike. "not",
// "no" and "too" stay: they are half of "not found", "no content" and
// "too large".
var stopWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"a": true, "an": true, "the": true, "is": true, "are": true, "was": true, "be": true, "been": true,
		"of": true, "to": true, "for": true, "in": true, "on": true, "at": true, "by": true, "with": true,
		"my": true, "it": true, "its": true, "this": true, "that": true, "and": true, "or": true,
		"when": true, "what": true, "which": true, "how": true, "why": true, "does": true, "do": true,
		"can": true, "i": true, "me": true, "we": true, "you": true, "your": true, "from": true, "as": true,
		"getting": true, "got": true, "keep": true, "keeps": true, "still": true, "always": true,
	}
})

// fold brings the forms of a word together: British spellings to American
// ("unauthorised" is "unauthorized"), then a light stem that removes
// plurals and verb endings ("throttle", "throttled", "throttling" are all
// "throttl"). Both sides of a search are folded the same way, so the stems
// need not be words, only consistent.
func fold(w string) string {
	if us, ok := britishWords()[w]; ok {
		w = us
	}
	if len(w) > 5 {
		for _, s := range [][2]string{{"isation", "ization"}, {"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"}, {"ise", "ize"}, {"our", "or"}} {
			if strings.HasSuffix(w, s[0]) {
				w = strings.TrimSuffix(w, s[0]) + s[1]
				break
			}
		}
	}
	return stem(w)
}

// britishWords are spellings the suffix rules do not cover.
var britishWords = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"cancelled": "canceled", "cancelling": "canceling", "licence": "license", "licences": "licenses",
		"catalogue": "catalog", "dialogue": "dialog", "centre": "center", "programme": "program",
	}
})

// stem strips the common English endings. It is far simpler than Porter's
// algorithm, which is fine for a few thousand words of status prose.
func stem(w string) string {
	if len(w) <= 3 || !isASCII(w) {
		return w
	}
	cut := func(suffix, with string, min int) bool {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix) >= min {
			w = w[:len(w)-len(suffix)] + with
			return true
		}
		return false
	}
	switch {
	case cut("ies", "y", 2), cut("sses", "ss", 1):
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	default:
		cut("s", "", 3)
	}
	switch {
	case cut("ied", "y", 2):
	case cut("ing", "", 3), cut("ed", "", 3):
		w = undouble(w)
	case cut("ily", "y", 3), cut("ly", "", 4):
	}
	switch {
	case cut("ization", "iz", 3), cut("ation", "at", 3), cut("tion", "t", 3):
	case w == "note": // not "not", half of "not found"
	default:
		cut("e", "", 3)
	}
	return w
}

// undouble drops the second of a doubled final consonant left by an
// ending ("stopped" to "stop"), except the ones English keeps ("call").
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// editDistance is the Damerau-Levenshtein distance of a and b (adjacent
// swaps count as one edit), giving up once it exceeds limit: typos are one
// or two edits, and most pairs are rejected after a row or two. rows is
// the caller's, reused from call to call.
func editDistance(a, b string, limit int, rows *[3][]int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
