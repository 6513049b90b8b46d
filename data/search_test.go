package data

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestSearchRanking holds the ranking to what a developer expects: the code
// they mean comes first.
func TestSearchRanking(t *testing.T) {
	for _, tc := range []struct {
		query  string
		code   int
		source string // "" means IANA
	}{
		{"404", 404, ""},
		{"not found", 404, ""},
		{"Not Found", 404, ""},
		{"  not   found ", 404, ""},
		{"teapot", 418, ""},
		{"i'm a teapot", 418, ""},
		{"payload too large", 413, ""},
		{"request entity too large", 413, ""},
		{"content too large", 413, ""},
		{"rate limit", 429, ""},
		{"too many requests", 429, ""},
		{"throttle", 429, ""},
		{"bad gateway", 502, ""},
		{"websocket", 101, ""},
		{"client closed request", 499, "nginx"},
		{"unprocessable entity", 422, ""},
		{"unprocessable", 422, ""},
		{"uri too long", 414, ""},
		{"range not satisfiable", 416, ""},
		{"moved permanently", 301, ""},
		{"permanent redirect", 308, ""},
		{"temporary redirect", 307, ""},
		{"see other", 303, ""},
		{"not modified", 304, ""},
		{"unauthorized", 401, ""},
		{"unathorized", 401, ""},
		{"gatway timeout", 504, ""},
		{"methd not allowed", 405, ""},
		{"forbidden", 403, ""},
		{"method not allowed", 405, ""},
		{"gone", 410, ""},
		{"conflict", 409, ""},
		{"gateway timeout", 504, ""},
		{"service unavailable", 503, ""},
		{"internal server error", 500, ""},
		{"captive portal", 511, ""},
		{"early hints", 103, ""},
		{"no content", 204, ""},
		{"created", 201, ""},
		{"precondition failed", 412, ""},
		{"legal", 451, ""},
		{"too early", 425, ""},
		{"enhance your calm", 420, "Twitter"},
		{"page expired", 419, "Laravel"},
		{"origin is unreachable", 523, "Cloudflare"},
		{"ssl handshake failed", 525, "Cloudflare"},
		{"web server is down", 521, "Cloudflare"},
		{"token required", 499, "Esri ArcGIS"},
		{"000", 0, "AWS ELB"},
		{"5", 500, ""},
		{"4xx", 400, ""},
		{"30", 300, ""},
	} {
		res := Load().Search(tc.query)
		if len(res) == 0 {
			t.Errorf("%q: no results", tc.query)
			continue
		}
		want := tc.source
		if want == "" {
			want = "IANA"
		}
		if got := res[0].Status; got.Code != tc.code || got.Source != want {
			var top []string
			for _, r := range res[:min(5, len(res))] {
				top = append(top, r.Status.CodeString()+" "+r.Status.Source+" ("+r.Field.String()+")")
			}
			t.Errorf("%q: first is %03d %s, want %03d %s; top: %s", tc.query, got.Code, got.Source, tc.code, want, strings.Join(top, ", "))
		}
	}
}

func TestSearchPositionsHighlightTheMatch(t *testing.T) {
	res := Load().Search("not found")
	r := res[0]
	if r.Field != FieldPhrase || r.Text != "Not Found" {
		t.Fatalf("matched %v %q, want the phrase", r.Field, r.Text)
	}
	if want := []int{0, 1, 2, 4, 5, 6, 7, 8}; !slices.Equal(r.Positions, want) {
		t.Errorf("positions %v, want %v", r.Positions, want)
	}
	code := Load().Search("40")[0]
	if code.Field != FieldCode || !slices.Equal(code.Positions, []int{0, 1}) {
		t.Errorf("code prefix: %v %v", code.Field, code.Positions)
	}
	// Fuzzy positions are runes, not bytes, even after multi-byte text.
	if got := runeIndexes("é a", []int{0, 3}); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("runeIndexes = %v, want [0 2]", got)
	}
}

// Letters scattered through a phrase are not a match: "rate" must not
// bring up "Created" or "Range Not Satisfiable", nor "corporate" words.
func TestSearchRejectsScatteredLetters(t *testing.T) {
	for _, r := range Load().Search("rate") {
		for _, code := range []int{201, 416, 407} {
			if r.Status.Code == code && r.Status.Official {
				t.Errorf("rate matched %d via %v %q", code, r.Field, r.Text)
			}
		}
	}
	if got := Load().Search("xyzzy plugh"); len(got) != 0 {
		t.Errorf("nonsense matched %d entries", len(got))
	}
}

func TestSearchCodeMasks(t *testing.T) {
	res := Load().Search("4xx")
	for _, r := range res {
		if r.Status.Code/100 != 4 {
			t.Errorf("4xx returned %d", r.Status.Code)
		}
	}
	mask, _ := ParseMask("4xx")
	class := Load().Class(mask)
	if len(res) != len(class) {
		t.Fatalf("4xx: %d results, %d client errors", len(res), len(class))
	}
	for i := range res {
		if res[i].Status != class[i] {
			t.Errorf("4xx result %d is %s, Class has %s: a mask lists codes in catalog order", i, res[i].Status.Title(), class[i].Title())
		}
	}
	if n := len(Load().Search("")); n != Load().Len() {
		t.Errorf("empty query gave %d, want all %d", n, Load().Len())
	}
}

func TestSearchOddInput(t *testing.T) {
	huge := strings.Repeat("a", 1<<20)
	for _, q := range []string{"", " ", "\x00\x01\x1b[31m", "\xff\xfe", huge, "💥", "%s%d", "'; DROP TABLE", "4\n0\t4"} {
		res := Load().Search(q) // must not panic
		for _, r := range res {
			for _, p := range r.Positions {
				if p < 0 || p >= utf8.RuneCountInString(r.Text) {
					t.Errorf("%q: position %d outside %q", q[:min(len(q), 20)], p, r.Text)
				}
			}
		}
	}
	if got := NormalizeQuery("4\n0\t4"); got != "4 0 4" {
		t.Errorf("NormalizeQuery = %q", got)
	}
	if got := len([]rune(NormalizeQuery(huge))); got != MaxQueryRunes {
		t.Errorf("NormalizeQuery kept %d runes, want %d", got, MaxQueryRunes)
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
	for _, q := range []string{"404", "rate limit", "unathorized", "x"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				c.Search(q)
			}
		})
	}
}

// TestConcurrentSearch shares one catalog between goroutines, as SSH
// sessions do; run with -race it guards the lazily built index.
func TestConcurrentSearch(t *testing.T) {
	c, err := Parse(statusesTOML)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, q := range []string{"4xx", "rate limit", "404", "", "gateway", "50"} {
		wg.Go(func() {
			if q != "" && len(c.Search(q)) == 0 {
				t.Errorf("%q found nothing", q)
			}
		})
	}
	wg.Wait()
}
