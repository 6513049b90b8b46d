package data

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Limits on a query. A query may be a pasted response head, so it may be
// long; only its first words are ranked, so a pasted page costs no more
// than a sentence.
const (
	MaxQueryBytes = 64 << 10
	MaxQueryWords = 12
)

// Query is what a user typed or pasted, read once by ParseQuery: the codes
// it names, a class, and the words to rank by. The command line, the
// explorer's filter, SSH sessions and explain all read queries this way.
type Query struct {
	// Text is the query on one line, trimmed, for messages.
	Text string
	// Codes are the codes named, as written and in order: statuses ("404",
	// "000"), IIS substatus codes ("404.3") and Cloudflare errors ("1020").
	Codes []string
	// Mask is a class ("4xx", "40x", "4", "4x"), the zero Mask when none.
	Mask Mask
	// Words are the words to match, lower-cased, stop words and the words
	// that only frame a code ("error 1020", "401 or 403") left out.
	Words []string
	// Line is true when the codes came from a status line or a log field
	// ("HTTP/1.1 404 Not Found", "status=502"): the words are then the
	// reason phrase, and the rest of the text was ignored.
	Line bool
	// Heads are the responses pasted whole or in part: status lines with
	// the header fields and body that follow them. The resolver reads who
	// answered and which meaning applies from them, as explain does.
	Heads []*Response
	// Reads say, for the codes read from the input rather than typed,
	// what chose each: a status line, a log field, a client's message, a
	// vocabulary term. A term typed alone is read too.
	Reads []Read
}

// Empty reports whether the query asks for nothing in particular: every
// entry matches it.
func (q Query) Empty() bool {
	return len(q.Codes) == 0 && q.Mask.prefix == "" && len(q.Words) == 0
}

// String writes the query as it was understood: "404 not found" for the
// status line "HTTP/1.1 404 Not Found".
func (q Query) String() string {
	parts := slices.Clone(q.Codes)
	if q.Mask.prefix != "" {
		parts = append(parts, q.Mask.String())
	}
	return strings.Join(append(parts, q.Words...), " ")
}

// CheckQuery rejects command-line input that cannot be a query, with a
// message a person can act on. Tabs and line breaks are allowed: a pasted
// log line or response has them.
func CheckQuery(q string) error {
	switch {
	case len(q) > MaxQueryBytes:
		return fmt.Errorf("query is too long (%d bytes; at most %d)", len(q), MaxQueryBytes)
	case !utf8.ValidString(q):
		return errors.New("query is not valid UTF-8")
	case strings.IndexFunc(q, func(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }) >= 0:
		return errors.New("query contains control characters")
	case strings.TrimSpace(q) == "":
		return errors.New("query is empty")
	case !strings.ContainsFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
		// "/" or "-" alone would match every entry, which is no answer.
		return fmt.Errorf("query %q has no letters or digits: try a code (404), a class (4xx) or words", NormalizeQuery(q))
	}
	return nil
}

// mayBeLogLine is a cheap look for what every log pattern needs (an HTTP
// method, or a status or code field), so that a query such as "404" or
// "rate limit" never compiles them.
func mayBeLogLine(text string) bool {
	lower := strings.ToLower(text)
	return strings.Contains(lower, "status") || strings.Contains(lower, `"code"`) || strings.Contains(lower, "reason") || strings.Contains(lower, "message") ||
		strings.Contains(text, "GET ") || strings.Contains(text, "POST ") || strings.Contains(text, "PUT ") ||
		strings.Contains(text, "DELETE ") || strings.Contains(text, "HEAD ") || strings.Contains(text, "OPTIONS ") ||
		strings.Contains(text, "PATCH ") || strings.Contains(text, "PROPFIND ")
}

// isCode reports whether t is written as a status code: three digits, or 0.
func isCode(t string) bool { return t == "0" || len(t) == 3 && allDigits(t) }

// isSubCode reports whether t is written as a sub-code: an IIS substatus
// of a status ("404.3") or a four-digit Cloudflare error ("1020").
func isSubCode(t string) bool {
	if status, sub, ok := strings.Cut(t, "."); ok {
		return len(status) == 3 && status[0] >= '1' && status[0] <= '5' && allDigits(status) && len(sub) >= 1 && len(sub) <= 3 && allDigits(sub)
	}
	return len(t) == 4 && t[0] == '1' && allDigits(t)
}

func allDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return false
		}
	}
	return t != ""
}

// framingWords only frame a code: "error 1020", "http 404", "401 or 403".
var framingWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"error": true, "errors": true, "err": true, "status": true, "code": true, "codes": true, "http": true,
		"https": true, "response": true, "or": true, "vs": true, "versus": true, "and": true, "substatus": true,
	}
})

// ParseQuery reads a query. It never fails: anything that is not a code, a
// class or a status line is words, and input CheckQuery would refuse is
// cleaned up (cut to MaxQueryBytes, control characters as spaces).
func ParseQuery(raw string) Query {
	if len(raw) > MaxQueryBytes {
		raw = raw[:MaxQueryBytes]
	}
	raw = strings.ToValidUTF8(raw, " ")
	q := Query{Text: NormalizeQuery(raw)}
	if q.Text == "" {
		return q
	}
	if heads := pastedResponses(raw); len(heads) > 0 {
		// A status line or a whole response: its reason phrase and header
		// fields tell a code's meanings apart, not the words of its fields.
		q.Heads, q.Line = heads, true
		var phrases []string
		for _, h := range heads {
			code := FormatCode(h.Code)
			if !slices.Contains(q.Codes, code) {
				q.Codes = append(q.Codes, code)
				q.Reads = append(q.Reads, headRead(h, raw))
			}
			phrases = append(phrases, strings.Fields(strings.ToLower(h.Phrase))...)
		}
		q.Words = queryWords(phrases, true)
		return q
	}
	if reads := namedTerms(q.Text); len(reads) > 0 {
		// A name typed alone: "NoSuchKey", "H12", "upstream timed out".
		q.Reads = reads
		for _, r := range reads {
			q.Codes = appendNew(q.Codes, r.Code)
		}
		return q
	}
	var reads []Read
	var lineWords []string
	if !allDigits(q.Text) { // a code typed as such needs no reading
		reads, lineWords = readLines(raw)
	}
	if len(reads) > 0 {
		// A client's message, a log line, a term where its system prints
		// it: the codes it names, and the words that tell their meanings
		// apart.
		q.Reads, q.Line = reads, true
		for _, r := range reads {
			q.Codes = append(q.Codes, r.Code)
		}
		q.Words = queryWords(lineWords, true)
		return q
	}

	fields := strings.Fields(q.Text)
	alone := len(fields) == 1 || allNumbers(fields)
	cloudflare := alone || slices.ContainsFunc(fields, func(f string) bool {
		switch strings.ToLower(strings.Trim(f, trimmed)) {
		case "error", "cloudflare", "code", "cf":
			return true
		}
		return false
	})
	// Which numbers the words around them leave a code: not "250 ms",
	// "line 500", "(104: Connection reset by peer)".
	counted := map[int]bool{}
	for _, n := range numbersIn(q.Text) {
		if !n.expected {
			counted[n.at] = true
		}
	}
	var words []string
	pos, rest := 0, q.Text
	for k, f := range fields {
		at := strings.Index(q.Text[pos:], f) + pos
		pos = at + len(f)
		t := strings.Trim(f, trimmed)
		lower := strings.ToLower(t)
		switch {
		case isCode(t) && (alone || t != "0" && counted[at+strings.Index(f, t)]):
			q.Codes = appendNew(q.Codes, canonicalCode(t))
			rest = strings.Replace(rest, f, "", 1)
		case isCode(t):
			// a quantity, a place or an identifier, not a code
		case isSubCode(t) && (strings.Contains(t, ".") && len(fields) <= 4 && !labelled(fields, k) || cloudflare):
			// "404.3", "iis 500.19", "error 1020"; in a longer text, or
			// as a label's value, a number with a point is a measurement:
			// "404.12 [#/sec]", "Requests/sec: 227.82"
			q.Codes = appendNew(q.Codes, t)
		case isMaskToken(lower, len(fields) == 1):
			q.Mask, _ = ParseMask(lower)
		case allDigits(t):
			if alone {
				q.Codes = appendNew(q.Codes, t) // "1234": an unknown code, said so
			}
			// elsewhere a number is noise: a byte count, a port, a pid
		case len(fields) > messageWords && (isAddress(f) || isStamp(f)):
			// a URL, a path or a time in a pasted message says nothing
			// of its status, and would use up the words that rank
		default:
			words = append(words, lower)
		}
	}
	// Beside a code, or in a pasted message, "error", "status", "code"
	// only frame: every entry matches them.
	q.Words = queryWords(words, len(q.Codes) > 0 || q.Mask.prefix != "" || len(fields) > messageWords)
	q.Reads, q.Words = termsBeside(q.Codes, rest, q.Words)
	return q
}

// labelled reports whether fields[k] is the value of a label
// ("Requests/sec:") other than a word that frames a code ("error:").
func labelled(fields []string, k int) bool {
	if k == 0 || !strings.HasSuffix(fields[k-1], ":") {
		return false
	}
	return !framingWords()[strings.ToLower(strings.Trim(fields[k-1], trimmed))]
}

// messageWords is how many words make a query a pasted message rather
// than words typed to search ("connection reset by peer").
const messageWords = 6

// isStamp reports whether a field is a date or a time: "[2016-11-08T17:07:38",
// "17:07:38.031878".
func isStamp(f string) bool {
	f = strings.Trim(f, "[]()")
	return f != "" && isDigit(f[0]) && strings.ContainsAny(f, ":-") && !strings.ContainsFunc(f, func(r rune) bool {
		return unicode.IsLetter(r) && r != 'T' && r != 'Z'
	})
}

// isAddress reports whether a field is a URL or a path of several parts.
func isAddress(f string) bool {
	f = strings.Trim(f, "\"'`()<>[],;")
	return strings.Contains(f, "://") || strings.HasPrefix(f, "/") && strings.Count(f, "/") >= 2
}

// headRead says what chose a pasted response's code: its status line, or
// for no response at all, what the client said, read as its vocabulary's
// term where it has one (curl's CURLE_GOT_NOTHING).
func headRead(h *Response, raw string) Read {
	code := FormatCode(h.Code)
	if h.Failure != nil {
		reads, _ := readLines(raw)
		if i := slices.IndexFunc(reads, func(r Read) bool { return r.Code == code && r.Term != nil }); i >= 0 {
			return reads[i]
		}
	}
	return Read{Code: code, From: "status line", Text: clipText(strings.TrimSpace(h.Line), 70)}
}

// trimmed is the punctuation around a word that is not part of it: "/404"
// and "429/" (a search key and a path), "#429" (an issue title).
const trimmed = ".,;:!?()[]{}<>\"'`/#"

var apostrophes = strings.NewReplacer("'", "", "’", "")

// queryWords splits words as the searched text is split ("web.config" is
// "web" and "config") and keeps those that carry meaning, at most
// MaxQueryWords: a pasted paragraph is ranked by its start. Beside a code,
// the words that only frame it go too.
func queryWords(words []string, framed bool) []string {
	var out []string
	for _, w := range words {
		runes := []rune(w)
		for _, t := range tokenize(w) {
			word := apostrophes.Replace(string(runes[t.start:t.end]))
			if allDigits(word) || framed && framingWords()[word] {
				continue // "1.1" of "HTTP/1.1", a port, a count; "error 1020"
			}
			out = append(out, word)
			if len(out) == MaxQueryWords {
				return out
			}
		}
	}
	return out
}

// isMaskToken reports whether t is a class: "4xx", "40x", "4x" anywhere in
// a query, and "4" or "40" when they are the whole query (elsewhere they
// are more likely a count than a class).
func isMaskToken(t string, alone bool) bool {
	if _, ok := ParseMask(t); !ok {
		return false
	}
	return alone || strings.ContainsAny(t, "xX")
}

func allNumbers(fields []string) bool {
	for _, f := range fields {
		if !allDigits(strings.Trim(f, trimmed)) {
			return false
		}
	}
	return true
}

// canonicalCode writes a status code with three digits: "0" is "000".
func canonicalCode(t string) string {
	n, _ := strconv.Atoi(t)
	return FormatCode(n)
}

func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// NormalizeQuery puts a query on one line: valid UTF-8, control characters
// and runs of space as one space, trimmed. A pasted response is kilobytes,
// copied a run of printable text at a time.
func NormalizeQuery(q string) string {
	q = strings.ToValidUTF8(q, "")
	var b strings.Builder
	b.Grow(len(q))
	run := -1 // where the run of printable text being read starts
	for i := 0; i < len(q); {
		r, size := rune(q[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(q[i:])
		}
		blank := r <= ' ' || r == 0x7f || r >= utf8.RuneSelf && (unicode.IsSpace(r) || unicode.IsControl(r))
		switch {
		case blank && run >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(q[run:i])
			run = -1
		case !blank && run < 0:
			run = i
		}
		i += size
	}
	if run >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(q[run:])
	}
	return b.String()
}
