package data

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// How a term was found in an input, weakest first.
const (
	foundContext     = iota + 1 // an ordinary word, beside its vocabulary's context
	foundDistinctive            // a name prose never uses
	foundPhrase                 // a message of several words
	foundPattern                // where its system prints it
)

// termHit is a term found in a line.
type termHit struct {
	term       *Term
	index      int32
	how        int
	text       string // the name as written in the input
	status     string // the status a pattern found beside it, "" for none
	start, end int    // where the hit is in the line
}

// termsIn finds the terms a line names, strongest first and, among equals,
// in the order of the line (a message before the cause it quotes), then of
// the file. whole is the entire input, where context is
// looked for.
func (v *vocabularies) termsIn(line, whole string) []termHit {
	var hits []termHit
	add := func(i int32, how int, text, status string, start, end int) {
		for k := range hits {
			if hits[k].index == i {
				if how > hits[k].how {
					hits[k].how, hits[k].text, hits[k].status, hits[k].start, hits[k].end = how, text, status, start, end
				}
				return
			}
		}
		hits = append(hits, termHit{term: v.term(i), index: i, how: how, text: text, status: status, start: start, end: end})
	}
	// Patterns: where each system prints its names.
	var lowerLine string
	for vi, h := range v.heads {
		for pi, p := range h.patterns {
			switch needle := h.needles[pi]; {
			case needle == "":
			case h.fold[pi]:
				if lowerLine == "" {
					lowerLine = strings.ToLower(line)
				}
				if !strings.Contains(lowerLine, needle) {
					continue
				}
			case !strings.Contains(line, needle):
				continue
			}
			re := h.regexps()[pi]
			for _, m := range re.FindAllStringSubmatchIndex(line, -1) {
				name, status := p.Term, ""
				for gi, g := range re.SubexpNames() {
					if m[2*gi] < 0 {
						continue
					}
					switch g {
					case "term":
						name = line[m[2*gi]:m[2*gi+1]]
					case "status":
						status = line[m[2*gi]:m[2*gi+1]]
					}
				}
				if status == "-1" || status == "0" {
					status = "000"
				}
				if allDigits(name) && len(name) == 3 {
					// "An error occurred (403)": the pattern found a status, not a name.
					hits = append(hits, termHit{index: -1, how: foundPattern, text: line[m[0]:m[1]], status: name, start: m[0], end: m[1]})
					continue
				}
				text := name // as the system printed it
				if p.Term != "" {
					text = strings.TrimSpace(line[m[0]:m[1]]) // the words that stand for it
				}
				for part := range strings.SplitSeq(name, ",") { // Envoy's "URX,UF"
					if i, ok := v.lookup(vi, part); ok {
						if p.Term == "" {
							text = part
						}
						add(i, foundPattern, text, status, m[0], m[1])
						break
					}
				}
			}
		}
	}
	lower := strings.ToLower(line)
	// Words: one-word names, and the phrases that start with a word.
	for i := 0; i < len(line); {
		if !isNameByte(line[i]) {
			i++
			continue
		}
		j := i
		for j < len(line) && isNameByte(line[j]) {
			j++
		}
		word := line[i:j]
		for ti := range v.exact[word].all {
			v.considerToken(ti, word, whole, i, j, add)
		}
		for ti := range v.folded[lower[i:j]].all {
			v.considerToken(ti, word, whole, i, j, add)
		}
		for _, p := range v.phrases[lower[i:j]] {
			if end, ok := p.matchAt(lower, i); ok {
				add(p.term, foundPhrase, line[i:end], "", i, end)
			}
		}
		i = j
	}
	for _, p := range v.phrases[""] {
		if at := strings.Index(lower, p.parts[0]); at >= 0 {
			if end, ok := p.matchAt(lower, at); ok {
				add(p.term, foundPhrase, line[at:end], "", at, end)
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b termHit) int {
		if a.how != b.how {
			return b.how - a.how
		}
		if a.start != b.start {
			// the message comes before the cause it quotes: Envoy's
			// "upstream connect error ... reset reason: connection
			// failure" before the "connect: connection refused" inside
			return a.start - b.start
		}
		return int(a.index - b.index)
	})
	return hits
}

// considerToken adds a one-word name found in a longer input when it
// counts there: when prose never uses it, or beside its context.
func (v *vocabularies) considerToken(i int32, word, whole string, start, end int, add func(int32, int, string, string, int, int)) {
	t := v.term(i)
	switch {
	case t.IsDistinctive():
		add(i, foundDistinctive, word, "", start, end)
	case hasContext(whole, t.Vocabulary.Context) || hasContext(whole, t.Context):
		add(i, foundContext, word, "", start, end)
	}
}

func hasContext(s string, context []string) bool {
	return slices.ContainsFunc(context, func(c string) bool { return strings.Contains(s, c) })
}

// matchAt reports whether the phrase starts at lower[i:] (its pieces in
// order, the stars within the line), and where the match ends.
func (p phraseName) matchAt(lower string, i int) (int, bool) {
	if !strings.HasPrefix(lower[i:], p.parts[0]) {
		return 0, false
	}
	end := i + len(p.parts[0])
	if len(p.parts) == 1 && end < len(lower) && isNameByte(lower[end]) && isNameByte(lower[end-1]) {
		return 0, false // "toomanyrequests" is not the start of a longer word
	}
	for _, part := range p.parts[1:] {
		at := strings.Index(lower[end:], part)
		if at < 0 || strings.Contains(lower[end:end+at], "\n") {
			return 0, false
		}
		end += at + len(part)
	}
	return end, true
}

// lookup finds a name in one vocabulary, as written or, for names that
// are not case sensitive (and phrases), in any case.
func (v *vocabularies) lookup(vocab int, name string) (int32, bool) {
	for i := range v.exact[name].all {
		if v.keys[i].vocab == vocab {
			return i, true
		}
	}
	lower := strings.ToLower(name)
	for i := range v.folded[lower].all {
		if v.keys[i].vocab == vocab {
			return i, true
		}
	}
	for _, p := range v.phrases[firstWord(lower)] { // a pattern may stand for a phrase
		if p.whole == lower && v.keys[p.term].vocab == vocab {
			return p.term, true
		}
	}
	return 0, false
}

// choose picks the term that explains a line: the strongest found that
// can come with code (any, when code is ""), a specific one before a
// generic one, and of two names that are the same, the one whose
// vocabulary the input names.
func (v *vocabularies) choose(hits []termHit, code, whole string) *termHit {
	var best *termHit
	for k := range hits {
		h := &hits[k]
		if h.term == nil {
			continue
		}
		if code != "" && h.status != code && !h.term.mayCome(code, whole) {
			continue
		}
		if best == nil || best.term.Generic && !h.term.Generic ||
			best.term.Generic == h.term.Generic && strings.EqualFold(best.term.Name, h.term.Name) && !v.inContext(best.term, whole) && v.inContext(h.term, whole) {
			best = h
		}
	}
	return best
}

// inContext reports whether the input holds the context of a term's
// vocabulary: between two names that are the same (Stripe's and
// Anthropic's invalid_request_error), the one whose system the input
// names explains it.
func (v *vocabularies) inContext(t *Term, whole string) bool {
	if len(t.Vocabulary.Context) == 0 && len(t.Context) == 0 {
		return true // its names need no context: nothing counts against them
	}
	return hasContext(whole, t.Vocabulary.Context) || hasContext(whole, t.Context)
}

// mayCome reports whether the term may come with a code.
func (t *Term) mayCome(code, input string) bool {
	if s, _ := t.statusIn(input); FormatCode(s) == code {
		return true
	}
	return slices.ContainsFunc(t.Statuses(), func(s int) bool { return FormatCode(s) == code }) ||
		slices.ContainsFunc(t.When, func(w When) bool { return FormatCode(w.Status) == code })
}

// requiredText is the longest run of literal text a regular expression
// requires outside its groups, and whether to look for it in any case
// ((?i)): a line without it cannot match, and the expression is not run
// on it. It reads the expression's text, not its syntax tree: loading
// must stay cheap. "" when nothing is required (a top-level alternation).
func requiredText(expr string) (string, bool) {
	fold := strings.HasPrefix(expr, "(?i)")
	expr = strings.TrimPrefix(expr, "(?i)")
	best, run := "", []byte{}
	flush := func() {
		if len(run) > len(best) {
			best = string(run)
		}
		run = run[:0]
	}
	depth := 0
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '\\' && i+1 < len(expr):
			i++
			if depth > 0 {
				continue
			}
			if strings.IndexByte(`\.+*?()|[]{}^$/"'-`, expr[i]) >= 0 {
				run = append(run, expr[i])
			} else {
				flush() // a class: \w, \s, \d, \b
			}
		case c == '(' || c == '[':
			flush()
			depth++
		case c == ')' || c == ']':
			depth--
		case depth > 0:
		case c == '|':
			return "", false
		case c == '?' || c == '*' || c == '{':
			if len(run) > 0 {
				run = run[:len(run)-1] // the last literal is optional or repeated
			}
			flush()
			if c == '{' {
				for i < len(expr) && expr[i] != '}' {
					i++
				}
			}
		case c == '+' || c == '.' || c == '^' || c == '$':
			flush()
		default:
			run = append(run, c)
		}
	}
	flush()
	if fold {
		best = strings.ToLower(best)
	}
	return best, fold
}

// phrasesByCode are the phrases that may follow a code in a message,
// gathered on first use per code.
var phrasesByCode sync.Map // code -> []string

// codePhrases are the phrases that name a code after it: its entries'
// phrases and former names, the words clients add ("Client Error"), and
// the "OK" that HTTP/2 clients put after any code, for want of a phrase.
func codePhrases(code string) []string {
	if p, ok := phrasesByCode.Load(code); ok {
		return p.([]string)
	}
	n := 0
	for _, c := range code {
		n = n*10 + int(c-'0')
	}
	var out []string
	add := func(s string) {
		s = strings.ToLower(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range Load().Lookup(n) {
		add(s.Phrase)
		for _, a := range s.Aliases {
			add(a)
		}
	}
	switch {
	case n == 0:
		add("unknown error")
	case n >= 400 && n < 500:
		add("client error")
	case n >= 500 && n < 600:
		add("server error")
	}
	add("ok")
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	p, _ := phrasesByCode.LoadOrStore(code, out)
	return p.([]string)
}

// namedTerms reads a query that is a name and nothing else: "NoSuchKey",
// "H12", "upstream timed out". Every term of that name is read, each with
// its status.
func namedTerms(text string) []Read {
	if strings.IndexFunc(text, unicode.IsLetter) < 0 {
		return nil // "404": no name
	}
	v := loadVocabularies()
	var out []Read
	for _, i := range v.named(text) {
		t := v.term(i)
		out = append(out, Read{Code: FormatCode(t.Status), From: t.Vocabulary.Name, Text: text, Term: t, Meaning: t.Meaning})
	}
	return out
}

// named are the terms a text is the name of: one word as the vocabulary
// writes it (in any case where it is not case sensitive), or a phrase in
// any case. A phrase with stars is not a name one types.
func (v *vocabularies) named(text string) []int32 {
	if isTokenName(text) {
		return append(slices.Collect(v.exact[text].all), slices.Collect(v.folded[strings.ToLower(text)].all)...)
	}
	lower := strings.ToLower(text)
	var out []int32
	for _, p := range v.phrases[firstWord(lower)] {
		if p.whole == lower {
			out = append(out, p.term)
		}
	}
	return out
}

// termsBeside reads the names typed beside codes ("503 H12", "504
// upstream timed out"): the rest of the query, or a word of it, that names
// a term which comes with one of the codes is read as that term, and
// leaves the words.
func termsBeside(codes []string, rest string, words []string) ([]Read, []string) {
	if len(codes) == 0 || len(words) == 0 {
		return nil, words
	}
	v := loadVocabularies()
	var reads []Read
	for _, i := range v.named(strings.TrimSpace(rest)) {
		t := v.term(i)
		for _, code := range codes {
			if t.mayCome(code, "") {
				return []Read{{Code: code, From: t.Vocabulary.Name, Text: t.Name, Term: t, Meaning: meaningFor(t, code)}}, nil
			}
		}
	}
	named := map[string]bool{}
	for _, f := range strings.Fields(rest) {
		f = strings.Trim(f, trimmed)
		for _, i := range append(slices.Collect(v.exact[f].all), slices.Collect(v.folded[strings.ToLower(f)].all)...) {
			t := v.term(i)
			if j := slices.IndexFunc(codes, func(c string) bool { return t.mayCome(c, "") }); j >= 0 && !named[f] {
				reads = append(reads, Read{Code: codes[j], From: t.Vocabulary.Name, Text: t.Name, Term: t, Meaning: meaningFor(t, codes[j])})
				named[f] = true
			}
		}
	}
	if len(reads) == 0 {
		return nil, words
	}
	kept := words[:0:0]
	for _, w := range words {
		if !named[w] && !slices.ContainsFunc(slices.Collect(maps.Keys(named)), func(f string) bool { return strings.EqualFold(f, w) }) {
			kept = append(kept, w)
		}
	}
	return reads, kept
}

// meaningFor is the catalog source a term points to with a code: its
// meaning with its own status, the standard meaning with any other.
func meaningFor(t *Term, code string) string {
	if code == FormatCode(t.Status) {
		return t.Meaning
	}
	return ""
}
