package data

import (
	"errors"
	"fmt"
	"regexp"
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

// The patterns of log lines and pasted responses, compiled on first use:
// the command line's start-up does not pay for them when the query is a
// code.
var logPatterns = sync.OnceValue(func() (p struct{ accessLog, iisLog, field *regexp.Regexp }) {
	// accessLog finds the status after the quoted request of a common or
	// combined log line: "GET / HTTP/1.1" 499 0.
	p.accessLog = regexp.MustCompile(`"[A-Z]+ [^"]* HTTP/[0-9.]+" ([0-9]{3}|0)\b`)
	// iisLog finds sc-status and sc-substatus in an IIS (W3C) log line:
	// "GET /a.json - 443 - 10.0.0.9 Mozilla/5.0 - 404 3 50 15" is 404.3.
	p.iisLog = regexp.MustCompile(`(?m)\b(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|PROPFIND)\b.*[ \t]([1-5][0-9]{2})[ \t]([0-9]{1,3})[ \t][0-9]+[ \t][0-9]+[ \t]*$`)
	// field finds a status in a structured log: status=502, "status": 502,
	// status_code: 502, sc-status 404. A bare "code" counts only as a
	// quoted JSON key: {"code": 498}.
	p.field = regexp.MustCompile(`(?i)(?:\b(?:status|status_?code|http_?status|response_?code|sc-status|upstream_status)["']?|"code")[ \t]*[=:]?[ \t]*["']?([0-9]{3})\b`)
	return p
})

// mayBeLogLine is a cheap look for what every log pattern needs (an HTTP
// method, or a status or code field), so that a query such as "404" or
// "rate limit" never compiles them.
func mayBeLogLine(text string) bool {
	lower := strings.ToLower(text)
	return strings.Contains(lower, "status") || strings.Contains(lower, `"code"`) ||
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
var framingWords = map[string]bool{
	"error": true, "errors": true, "err": true, "status": true, "code": true, "codes": true, "http": true,
	"https": true, "response": true, "or": true, "vs": true, "versus": true, "and": true, "substatus": true,
}

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
			q.Codes = appendNew(q.Codes, FormatCode(h.Code))
			phrases = append(phrases, strings.Fields(strings.ToLower(h.Phrase))...)
		}
		q.Words = queryWords(phrases, true)
		return q
	}
	if codes, rest := findLogStatus(raw); len(codes) > 0 {
		// The rest of the line or response (a reason phrase, a Server
		// header, a vendor's log fields) ranks the code's meanings.
		q.Codes, q.Line = codes, true
		q.Words = queryWords(strings.Fields(strings.ToLower(rest)), true)
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
	var words []string
	for i, f := range fields {
		t := strings.Trim(f, trimmed)
		lower := strings.ToLower(t)
		unit := i+1 < len(fields) && unitWords[strings.ToLower(strings.Trim(fields[i+1], trimmed))]
		switch {
		case unit && !alone:
			// "100 seconds", "413 bytes": a quantity, not a code
		case strings.HasPrefix(f, "(") && strings.HasSuffix(f, ":") && !alone:
			// "(104: Connection reset by peer)": an errno in an nginx log
		case isCode(t) && (t != "0" || alone):
			q.Codes = appendNew(q.Codes, canonicalCode(t))
		case isSubCode(t) && (strings.Contains(t, ".") || cloudflare):
			q.Codes = appendNew(q.Codes, t)
		case isMaskToken(lower, len(fields) == 1):
			q.Mask, _ = ParseMask(lower)
		case allDigits(t):
			if alone {
				q.Codes = appendNew(q.Codes, t) // "1234": an unknown code, said so
			}
			// elsewhere a number is noise: a byte count, a port, a pid
		default:
			words = append(words, lower)
		}
	}
	q.Words = queryWords(words, len(q.Codes) > 0 || q.Mask.prefix != "")
	return q
}

// trimmed is the punctuation around a word that is not part of it: "/404"
// and "429/" (a search key and a path), "#429" (an issue title).
const trimmed = ".,;:!?()[]{}<>\"'`/#"

// unitWords follow a number that is a quantity: "took 250 ms".
var unitWords = map[string]bool{
	"ms": true, "s": true, "sec": true, "secs": true, "second": true, "seconds": true, "minutes": true,
	"bytes": true, "kb": true, "mb": true, "gb": true, "kib": true, "mib": true, "requests": true,
	"times": true, "%": true, "percent": true, "items": true, "users": true,
}

// findLogStatus returns the codes of every log line or log field in text,
// in order and without repeats, and the text without them.
func findLogStatus(text string) (codes []string, rest string) {
	if !mayBeLogLine(text) {
		return nil, ""
	}
	p := logPatterns()
	for _, re := range []*regexp.Regexp{p.iisLog, p.accessLog, p.field} {
		matches := re.FindAllStringSubmatchIndex(text, -1)
		if len(matches) == 0 {
			continue
		}
		var b strings.Builder
		last := 0
		for _, m := range matches {
			code := canonicalCode(text[m[2]:m[3]])
			if re == p.iisLog && text[m[4]:m[5]] != "0" {
				code += "." + text[m[4]:m[5]]
			}
			codes = appendNew(codes, code)
			b.WriteString(text[last:m[2]])
			b.WriteByte(' ')
			last = m[3]
			if re == p.iisLog {
				last = m[5]
			}
		}
		b.WriteString(text[last:])
		return codes, b.String()
	}
	return nil, ""
}

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
			if allDigits(word) || framed && framingWords[word] {
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
