package data

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// messageCase is one line of testdata/client-messages.tsv: a line as a
// client, tool or server prints it, and what it must be read as.
type messageCase struct {
	n                             int
	line, code, meaning, term, by string
}

func readMessageCases(t testing.TB) []messageCase {
	t.Helper()
	f, err := os.Open("testdata/client-messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []messageCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 6 {
			t.Fatalf("client-messages.tsv:%d: %d columns, want 6", n, len(cols))
		}
		out = append(out, messageCase{n, cols[0], cols[1], cols[2], cols[3], cols[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// outcome is what the resolver made of a line, in the TSV's terms: the
// code and meaning of the first result, and the term read ("-" for none);
// "-" for all three when nothing was read (a negative).
func outcome(res Resolution) (code, meaning, term string) {
	term = "-"
	for _, m := range res.Meanings {
		if m.Read != nil && m.Read.Term != nil {
			term = m.Read.Term.Vocabulary.ID + ":" + m.Read.Term.Name
			break
		}
	}
	if len(res.Query.Codes) == 0 && len(res.Results) == 0 {
		return "-", "-", term
	}
	if len(res.Results) == 0 {
		return res.Query.Codes[0], "-", term
	}
	s := res.Results[0].Status
	return s.CodeString(), s.Source, term
}

// shellWords is a line typed after `httpstatus` without quotes, as a
// POSIX shell splits it into arguments and removes the quoting, joined
// again as the command line joins its arguments.
func shellWords(line string) string {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				w.WriteString(line[i+1:])
				i = len(line)
			} else {
				w.WriteString(line[i+1 : i+1+end])
				i += end + 1
			}
			inWord = true
		case c == '"':
			for i++; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && strings.IndexByte("\"\\$`", line[i+1]) >= 0 {
					i++
				}
				w.WriteByte(line[i])
			}
			inWord = true
		case unicode.IsSpace(rune(c)):
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return strings.Join(words, " ")
}

// doubleQuoted is a line pasted inside double quotes: the shell removes
// the backslash before a quote, a backslash, a dollar or a backtick.
func doubleQuoted(line string) string {
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\$`, `$`, "\\`", "`").Replace(line)
}

// messageExceptions are lines the reader is allowed to get wrong, each
// with the reason.
var messageExceptions = map[string]string{}

// TestClientMessages reads every line of testdata/client-messages.tsv as
// pasted in single quotes, in double quotes and without quotes: each
// positive line must give its code and meaning first, and read its term;
// each negative line must read no status at all.
func TestClientMessages(t *testing.T) {
	cases := readMessageCases(t)
	if len(cases) < 150 {
		t.Fatalf("%d lines, want at least 150", len(cases))
	}
	c := Load()
	pass := 0
	for _, tc := range cases {
		ok := true
		for _, v := range []struct{ name, text string }{{"as pasted", tc.line}, {"double-quoted", doubleQuoted(tc.line)}, {"unquoted", shellWords(tc.line)}} {
			res := c.Resolve(v.text)
			code, meaning, term := outcome(res)
			want := fmt.Sprintf("%s %s %s", tc.code, tc.meaning, tc.term)
			got := fmt.Sprintf("%s %s %s", code, meaning, term)
			if tc.code == "-" && len(res.Query.Codes) == 0 {
				got = "- - -" // nothing read; the words may still find entries
			}
			if got != want {
				ok = false
				if why, excused := messageExceptions[tc.line]; excused {
					t.Logf("client-messages.tsv:%d (%s): excused (%s)", tc.n, v.name, why)
					continue
				}
				t.Errorf("client-messages.tsv:%d %s %q: got %s, want %s", tc.n, v.name, clipText(v.text, 100), got, want)
			}
		}
		if ok {
			pass++
		}
	}
	t.Logf("%d of %d lines (%.1f%%) come out right in every variant", pass, len(cases), 100*float64(pass)/float64(len(cases)))
}

func BenchmarkReadMessages(b *testing.B) {
	cases := readMessageCases(b)
	for b.Loop() {
		for _, tc := range cases {
			ParseQuery(tc.line)
		}
	}
}

func BenchmarkLoadVocabularies(b *testing.B) {
	for b.Loop() {
		if _, err := parseVocabularies(vocabulariesTOML); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseQuery reads what people paste, from the lines of
// client-messages.tsv and their mutations: it never panics, every code it
// reads is one it lists, in a code's forms, with what chose it, and the
// resolver answers each query.
func FuzzParseQuery(f *testing.F) {
	for _, tc := range readMessageCases(f) {
		f.Add(tc.line)
	}
	f.Add("503 H12")
	f.Add("expected 200, got 502\nstatus=503")
	c := Load()
	f.Fuzz(func(t *testing.T, raw string) {
		q := ParseQuery(raw)
		for _, r := range q.Reads {
			if !slices.Contains(q.Codes, r.Code) {
				t.Fatalf("%q: read %+v of a code it does not list %v", raw, r, q.Codes)
			}
			if r.From == "" || r.Text == "" || strings.ContainsAny(r.Text, "\n\r") {
				t.Fatalf("%q: read %+v says not what chose it", raw, r)
			}
		}
		for _, code := range q.Codes {
			if !isCode(code) && !isSubCode(code) && !allDigits(code) {
				t.Fatalf("%q: code %q", raw, code)
			}
		}
		if len(q.Words) > MaxQueryWords {
			t.Fatalf("%q: %d words", raw, len(q.Words))
		}
		c.resolve(q)
	})
}
