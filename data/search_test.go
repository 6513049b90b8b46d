package data

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func find(q string) []Result { return Load().Search(ParseQuery(q)) }

func describe(res []Result, n int) string {
	var top []string
	for _, r := range res[:min(n, len(res))] {
		top = append(top, r.Title()+" "+r.Status.Source)
	}
	return strings.Join(top, ", ")
}

func TestSearchPositionsHighlightTheMatch(t *testing.T) {
	r := find("not found")[0]
	if r.Status.Code != 404 || r.Hint.Field != FieldNone {
		t.Fatalf("not found: %s with hint %v", r.Title(), r.Hint.Field)
	}
	if want := []int{0, 1, 2, 4, 5, 6, 7, 8}; !slices.Equal(r.Phrase, want) {
		t.Errorf("positions %v, want %v", r.Phrase, want)
	}
	code := find("40")[0]
	if code.CodeDigits != 2 {
		t.Errorf("code prefix: %d digits highlighted, want 2", code.CodeDigits)
	}
	// A keyword match is shown as the hint, with its words marked.
	r = find("throttled")[0]
	if r.Status.Code != 429 || r.Hint.Field != FieldKeyword || len(r.Hint.Positions) == 0 {
		t.Errorf("throttled: %s, hint %+v", r.Title(), r.Hint)
	}
	for _, p := range r.Hint.Positions {
		if p >= utf8.RuneCountInString(r.Hint.Text) {
			t.Errorf("hint position %d outside %q", p, r.Hint.Text)
		}
	}
}

// Letters typed in order find the names that hold them, as in fzf, with
// sahilm/fuzzy's matched letters highlighted (as runes, not bytes), and
// only when no word matched: word search answers the rest as before.
func TestFuzzySearch(t *testing.T) {
	for _, tc := range []struct {
		q      string
		code   int
		marked string // the phrase's letters that are highlighted
	}{
		{"svcunav", 503, "SvcUnav"},
		{"nfnd", 404, "NFnd"},
		{"gtwy tmout", 504, "Gtwy Tmout"},
		{"unprc", 422, "UnprC"}, // the C of Content starts a word: sahilm/fuzzy prefers it
	} {
		res := find(tc.q)
		if len(res) == 0 || res[0].Status.Code != tc.code || !res[0].fuzzy {
			t.Errorf("%q: %s, want a fuzzy %d first", tc.q, describe(res, 3), tc.code)
			continue
		}
		runes := []rune(res[0].Status.Phrase)
		var marked []rune
		for _, p := range res[0].Phrase {
			marked = append(marked, runes[p])
		}
		if string(marked) != tc.marked {
			t.Errorf("%q: marked %q of %q, want %q", tc.q, string(marked), res[0].Status.Phrase, tc.marked)
		}
	}
	// Positions are runes: a name with a multi-byte letter before the match.
	if got := runePositions("Né ok", []int{0, 4, 5}); !slices.Equal(got, []int{0, 3, 4}) {
		t.Errorf("runePositions: %v", got)
	}
	for _, q := range []string{"rate limit", "not found", "gateway", "teapot", "unathorized"} {
		if res := find(q); slices.ContainsFunc(res, func(r Result) bool { return r.fuzzy }) {
			t.Errorf("%q: word search answers it, yet fuzzy matches joined: %s", q, describe(res, 5))
		}
	}
}

// Letters scattered through a phrase are not a match: "rate" must not
// bring up "Created" or "Range Not Satisfiable", nor "corporate" words.
func TestSearchRejectsScatteredLetters(t *testing.T) {
	for _, r := range find("rate") {
		for _, code := range []int{201, 416, 407} {
			if r.Status.Code == code && r.Status.Official {
				t.Errorf("rate matched %d: %+v", code, r.Hint)
			}
		}
	}
	if got := find("xyzzy plugh"); len(got) != 0 {
		t.Errorf("nonsense matched %d entries: %s", len(got), describe(got, 5))
	}
}

// ianaClientErrors are the 4xx codes of the IANA registry (2026-12).
var ianaClientErrors = []int{400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
	416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451}

func TestSearchCodeMasks(t *testing.T) {
	res := find("4xx")
	var official []int
	for i, r := range res {
		if r.Status.Code/100 != 4 || r.Sub != nil {
			t.Errorf("4xx returned %s", r.Title())
		}
		if i > 0 && r.Status.Code < res[i-1].Status.Code {
			t.Errorf("4xx lists %s after %s: a mask lists codes in order", r.Title(), res[i-1].Title())
		}
		if r.Status.Official {
			official = append(official, r.Status.Code)
		}
	}
	if !slices.Equal(official, ianaClientErrors) {
		t.Errorf("4xx official codes %v, want %v", official, ianaClientErrors)
	}
	if n := len(find("")); n != Load().Len() {
		t.Errorf("empty query gave %d, want all %d", n, Load().Len())
	}
	for _, q := range []string{"4x", "4", "4XX"} {
		if got := find(q); len(got) != len(res) || got[0].Status != res[0].Status {
			t.Errorf("%s gave %d entries, want the %d of 4xx", q, len(got), len(res))
		}
	}
}

func TestSearchOddInput(t *testing.T) {
	huge := strings.Repeat("a", 1<<20)
	words := strings.Repeat("gateway timeout ", 1<<14)
	for _, q := range []string{"", " ", "\x00\x01\x1b[31m", "\xff\xfe", huge, words, "💥", "%s%d", "'; DROP TABLE", "4\n0\t4", "é é é", "404.", "(404)", "HTTP/", "HTTP/1.1", "status=", "...", "x", "xx", "xxx"} {
		for _, r := range find(q) { // must not panic
			for _, p := range r.Phrase {
				if p < 0 || p >= utf8.RuneCountInString(r.Status.Phrase) && (r.Sub == nil || p >= utf8.RuneCountInString(r.Sub.Phrase)) {
					t.Errorf("%q: position %d outside %q", q[:min(len(q), 20)], p, r.Title())
				}
			}
		}
	}
	if got := NormalizeQuery("4\n0\t4"); got != "4 0 4" {
		t.Errorf("NormalizeQuery = %q", got)
	}
	if got := len(ParseQuery(words).Words); got != MaxQueryWords {
		t.Errorf("ParseQuery kept %d words, want %d", got, MaxQueryWords)
	}
	if got := len(ParseQuery(huge).Text); got > MaxQueryBytes {
		t.Errorf("ParseQuery kept %d bytes, want at most %d", got, MaxQueryBytes)
	}
}

// BenchmarkLoad reads the catalog and decodes every entry, as the explorer
// and any text search do.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		c, err := parseLazily(statusesTOML)
		if err != nil {
			b.Fatal(err)
		}
		c.All()
	}
}

func BenchmarkSearch(b *testing.B) {
	c := Load()
	for _, q := range []string{"404", "rate limit", "unathorized", "x", "r", "HTTP/1.1 502 Bad Gateway", "file upload too big", "gtwy", "gtwy tmout"} {
		pq := ParseQuery(q)
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				c.Search(pq)
			}
		})
	}
}

// BenchmarkParseQuery reads what people type and paste, as the explorer
// does on every keystroke and paste: a code, a log line, a whole response.
func BenchmarkParseQuery(b *testing.B) {
	for name, q := range map[string]string{
		"code":       "404",
		"access-log": `203.0.113.9 - - [25/Nov/2026:10:04:31 +0000] "GET /api/v1/users?page=2 HTTP/1.1" 499 0 "-" "curl/8.5.0"`,
		"curl-si": "HTTP/2 503\r\nserver: nginx\r\ncontent-type: text/html\r\nretry-after: 120\r\n" +
			strings.Repeat("x-padding: abcdefghijklmnopqrstuvwxyz\r\n", 40) + "\r\n" + strings.Repeat("<p>Service unavailable</p>\n", 60),
		"kubectl":   `Error from server (Forbidden): pods "web-0" is forbidden: User "jane@example.com" cannot get resource "pods" in API group "" in the namespace "prod"`,
		"test-fail": `AssertionError: expected response to have status code 200 but got 404`,
		// 3 KB of an nginx error log: every line read.
		"error-log": strings.Repeat(`2026/12/04 18:02:26 [error] 23613#23613: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: api.example.com, request: "GET /slow/3 HTTP/1.1", upstream: "http://10.0.3.7:8080/sleep/3", host: "api.example.com"`+"\n", 11),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				ParseQuery(q)
			}
		})
	}
}

// TestConcurrentSearch shares one catalog between goroutines, as SSH
// sessions do; run with -race it guards the lazily built index.
func TestConcurrentSearch(t *testing.T) {
	c, err := parseStrict(statusesTOML)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, q := range []string{"4xx", "rate limit", "404", "", "gateway", "50"} {
		wg.Go(func() {
			if q != "" && len(c.Search(ParseQuery(q))) == 0 {
				t.Errorf("%q found nothing", q)
			}
		})
	}
	wg.Wait()
}
