package data

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Field names the part of an entry a query matched.
type Field int

// Fields an entry is searched in.
const (
	FieldNone Field = iota
	FieldCode
	FieldPhrase
	FieldAlias
	FieldKeyword
	FieldSource
	FieldConstant
	FieldSummary
	FieldDescription
)

func (f Field) String() string {
	return [...]string{"none", "code", "phrase", "alias", "keyword", "source", "constant", "summary", "description"}[f]
}

// weight is how much a word found in the field says about the entry: a word
// of the phrase names the status, a word somewhere in the description only
// mentions it.
func (f Field) weight() float64 {
	return [...]float64{0, 1, 1, 0.9, 0.85, 0.8, 0.85, 0.5, 0.25}[f]
}

// short fields are names, not prose: they take prefixes and typos.
func (f Field) short() bool { return f >= FieldPhrase && f <= FieldConstant }

// Result is one entry, or one sub-code of an entry, that matched a query.
type Result struct {
	Status *Status
	Sub    *SubCode // the sub-code that matched; nil for the entry itself

	// CodeDigits is how many leading characters of the code the query
	// named: 3 for "404", 1 for "4xx", 0 for words.
	CodeDigits int
	// Phrase holds the matched runes of the phrase (the sub-code's phrase
	// for a sub-code), ascending, for highlighting.
	Phrase []int
	// Hint is the best other field that matched, to show why the entry
	// is here: an alias, a keyword, the vendor, the summary or a sentence
	// of the description. Its Field is FieldNone when the phrase says it all.
	Hint Hint

	matched  int     // query words matched
	score    float64 // how well, all fields considered
	index    int     // the entry's place in the catalog
	vendor   bool    // the query named the entry's vendor ("499 nginx")
	named    uint32  // the query words found in the phrase or an alias
	keywords int     // keywords the query holds whole
	fuzzy    bool    // found by its letters in order, not by its words
}

// Hint is a text of an entry and the runes of it that matched.
type Hint struct {
	Field     Field
	Text      string
	Positions []int
}

// Title is "404 Not Found", or for a sub-code "404.3 MIME type restriction".
func (r Result) Title() string {
	code, phrase := r.Names()
	return code + " " + phrase
}

// Names are the code and phrase a result shows: the entry's, or the
// sub-code's ("404.3", "MIME type restriction").
func (r Result) Names() (code, phrase string) {
	if r.Sub != nil {
		return r.Sub.Code, r.Sub.Phrase
	}
	return r.Status.CodeString(), r.Status.Phrase
}

// Ranking constants, tuned against the search tests.
const (
	qualityPrefix = 0.85 // the last word, still being typed: "unauth"
	qualityTypo   = 0.7  // one or two edits away: "unathorized"
	bonusOneField = 0.25 // every word in one field, times its weight
	bonusEqual    = 0.5  // the field is the query: "not found"
	subPenalty    = 0.75 // sub-codes rank below entries that match as well
	subBelow      = 0.99 // at best, a sub-code scores this share of the best entry
	keepRatio     = 0.4  // results scoring under this share of the best are noise
	// officialPrior settles close calls for the standard meaning: most
	// people who type "throttled" mean 429, not a vendor's code.
	officialPrior = 0.1
)

// Search answers a query as Resolve does and returns its results: the
// codes it names (each code's chosen meaning first), a class, or the
// entries and sub-codes its words match, best first. An empty query
// returns every entry in catalog order. The result is the caller's to
// read, not to modify: the empty query's is shared.
func (c *Catalog) Search(q Query) []Result { return c.resolve(q).Results }

// Codes looks up codes as ParseQuery gives them: every entry of a status,
// or one sub-code. It returns what it found, in the order asked, and the
// codes it did not find.
func (c *Catalog) Codes(codes []string) (found []Result, missing []string) {
	for _, code := range codes {
		n := len(found)
		if strings.Contains(code, ".") || len(code) == 4 {
			if s, sub := c.SubCode(code); sub != nil {
				found = append(found, Result{Status: s, Sub: sub, CodeDigits: len(code), index: c.indexOf(s)})
			}
		}
		if num, err := strconv.Atoi(code); err == nil && len(found) == n {
			for i, k := range c.keys {
				if k.code == num {
					found = append(found, Result{Status: c.entry(i), CodeDigits: 3, index: i})
				}
			}
		}
		if len(found) == n {
			missing = append(missing, code)
		}
	}
	return found, missing
}

// SubCode finds a sub-code ("404.3", "1020") and the entry it belongs to.
func (c *Catalog) SubCode(code string) (*Status, *SubCode) {
	if at, ok := c.searchIndex().subCodes[code]; ok {
		if sub := c.subOf(at[0], at[1]); sub != nil {
			return c.entry(at[0]), sub
		}
	}
	return nil, nil
}

// subOf is sub-code j of entry i, or nil if the entry has no such sub-code
// (a damaged index file).
func (c *Catalog) subOf(i, j int) *SubCode {
	s := c.entry(i)
	if j < 0 || j >= len(s.SubCodes) {
		return nil
	}
	return &s.SubCodes[j]
}

func (c *Catalog) indexOf(s *Status) int {
	for i := range c.statuses {
		if &c.statuses[i] == s {
			return i
		}
	}
	return -1
}

func (c *Catalog) classResults(m Mask) []Result {
	var out []Result
	for i, k := range c.keys {
		if m.Match(k.code) {
			out = append(out, Result{Status: c.entry(i), CodeDigits: len(m.prefix), index: i})
		}
	}
	return out
}

// within accepts the docs of a set of results: the entries of some codes
// or of a class, and their sub-codes.
func (c *Catalog) within(set []Result) func(*doc) bool {
	entries, subs, subEntries := map[int]bool{}, map[*SubCode]bool{}, map[int]bool{}
	for _, r := range set {
		if r.Sub != nil {
			subs[r.Sub], subEntries[r.index] = true, true
		} else {
			entries[r.index] = true
		}
	}
	return func(d *doc) bool {
		if d.sub < 0 || entries[d.entry] {
			return entries[d.entry] // a code's entry, or a sub-code or term of it
		}
		// Only the set's own entries are decoded, and asked.
		return subEntries[d.entry] && subs[c.subOf(d.entry, d.sub)]
	}
}

// rankWithin ranks the results of a class by words: only those the words
// match stay, best first ("5xx timeout").
func (c *Catalog) rankWithin(class []Result, words []string) []Result {
	ranked := c.search(words, c.within(class))
	for i := range ranked {
		if ranked[i].Sub == nil {
			ranked[i].CodeDigits = class[0].CodeDigits
		}
	}
	return ranked
}

// boolOrder sorts a true first.
func boolOrder(first bool) int {
	if first {
		return -1
	}
	return 1
}

// match is how one doc fares against the query so far.
type match struct {
	best   [MaxQueryWords]float64 // per query word, its best weight in this doc
	fields []fieldHits            // the fields query words were found in
}

// fieldHits are the query words found in one field of a doc, and where.
type fieldHits struct {
	field int32
	words uint32  // a bit per query word
	toks  []int32 // the field's matched tokens
}

// scratch is one search's matches, kept between searches (in a pool, so
// concurrent SSH sessions each get their own) because allocating them per
// keystroke cost more than the search. Only the docs a search touches
// have a match: a pool is emptied at every collection, and a match for
// each of the index's docs cost more to allocate than a search.
type scratch struct {
	slot    []int32 // per doc, its match's place plus one; 0 for none
	matches []match // the touched docs' matches, in the order touched
	touched []int32 // docs with a match, to score and then to reset
	spans   []span  // one field's spans, decoded
}

// match is doc's match, made on first touch.
func (sc *scratch) match(doc int32) *match {
	if k := sc.slot[doc]; k > 0 {
		return &sc.matches[k-1]
	}
	if n := len(sc.matches); n < cap(sc.matches) {
		sc.matches = sc.matches[:n+1]
		m := &sc.matches[n]
		m.best, m.fields = [MaxQueryWords]float64{}, m.fields[:0]
	} else {
		sc.matches = append(sc.matches, match{})
	}
	sc.slot[doc] = int32(len(sc.matches))
	sc.touched = append(sc.touched, doc)
	return &sc.matches[len(sc.matches)-1]
}

// get is the match of a touched doc.
func (sc *scratch) get(doc int32) *match { return &sc.matches[sc.slot[doc]-1] }

func (c *Catalog) getScratch(ndocs int) *scratch {
	if sc, ok := c.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{slot: make([]int32, ndocs)}
}

func (c *Catalog) putScratch(sc *scratch) {
	for _, id := range sc.touched {
		sc.slot[id] = 0
	}
	sc.touched, sc.matches = sc.touched[:0], sc.matches[:0]
	c.scratch.Put(sc)
}

// score finds every doc that some query word matches, restricted to the
// docs allowed accepts when it is not nil, in four ways: words a name runs
// together, each word's stem, the last word as a prefix, and a word one or
// two letters off. The caller hands the scratch back with putScratch.
func (c *Catalog) score(words []string, allowed func(*doc) bool) *scratch {
	ix := c.searchIndex()
	s := scoring{ix: ix, sc: c.getScratch(len(ix.docs)), allowed: allowed}
	s.runTogether(words)
	for wi, w := range words {
		st := fold(w)
		found := s.stem(wi, st)
		if wi == len(words)-1 {
			found = s.prefix(wi, w) || found
		}
		if !found && utf8.RuneCountInString(w) >= 4 {
			s.typo(wi, st)
		}
	}
	return s.sc
}

// scoring is one search's matching: the index, the matches so far, and
// which docs may match.
type scoring struct {
	ix      *index
	sc      *scratch
	allowed func(*doc) bool
}

// consider records that query word wi matched a posting, as well as
// quality says.
func (s *scoring) consider(wi int, p posting, quality float64) {
	d := &s.ix.docs[p.doc]
	if s.allowed != nil && !s.allowed(d) {
		return
	}
	m := s.sc.match(p.doc)
	m.best[wi] = max(m.best[wi], d.fields[p.field].kind.weight()*quality)
	i := 0
	for i < len(m.fields) && m.fields[i].field != p.field {
		i++
	}
	if i == len(m.fields) {
		if len(m.fields) < cap(m.fields) {
			m.fields = m.fields[:i+1]
			m.fields[i].field, m.fields[i].words, m.fields[i].toks = p.field, 0, m.fields[i].toks[:0]
		} else {
			m.fields = append(m.fields, fieldHits{field: p.field})
		}
	}
	m.fields[i].words |= 1 << wi
	m.fields[i].toks = append(m.fields[i].toks, p.tok)
}

// inName reports whether a posting is in a name (phrase, former name,
// keyword, vendor or constant), not in prose.
func (s *scoring) inName(p posting) bool { return s.ix.docs[p.doc].fields[p.field].kind.short() }

// runTogether matches words that a name runs together, typed apart: "pre
// condition", "web socket", "time out".
func (s *scoring) runTogether(words []string) {
	for wi := 1; wi < len(words); wi++ {
		for _, p := range s.ix.postingsOf(&s.ix.stems, fold(words[wi-1]+words[wi])) {
			if s.inName(p) {
				s.consider(wi-1, p, 1)
				s.consider(wi, p, 1)
			}
		}
	}
}

// stem matches word wi by its folded stem anywhere, and reports whether it
// matched a name.
func (s *scoring) stem(wi int, st string) bool {
	found := false
	for _, p := range s.ix.postingsOf(&s.ix.stems, st) {
		s.consider(wi, p, 1)
		found = found || s.inName(p)
	}
	return found
}

// prefix matches the last word as the start of a name's word, still being
// typed: "unauth", "gatew".
func (s *scoring) prefix(wi int, w string) bool {
	found := false
	names := s.ix.names.words
	for i := sort.SearchStrings(names, w); i < len(names) && strings.HasPrefix(names[i], w); i++ {
		if names[i] == w {
			continue
		}
		for _, p := range s.ix.postingsAt(&s.ix.names, i) {
			if s.inName(p) {
				s.consider(wi, p, qualityPrefix)
				found = true
			}
		}
	}
	return found
}

// typo matches word wi with a name's word one letter off, or two for
// words of eight letters or more: "unathorized".
func (s *scoring) typo(wi int, st string) {
	limit := 1
	if len(st) >= 8 {
		limit = 2
	}
	var rows [3][]int
	for n := len(st) - limit; n <= len(st)+limit; n++ {
		for _, stem := range s.ix.shortStems(n) {
			if stem == st || editDistance(st, stem, limit, &rows) > limit {
				continue
			}
			for _, p := range s.ix.postingsOf(&s.ix.stems, stem) {
				if s.inName(p) {
					s.consider(wi, p, qualityTypo)
				}
			}
		}
	}
}

// candidate is a doc's standing, before it is worth a Result.
type candidate struct {
	id       int32
	score    float64
	matched  int
	vendor   bool
	named    uint32
	keywords int
	oneName  bool // every query word in one name: phrase, former name or keyword
	isName   bool // the query is one of its names
}

// rank turns matches into results, best first, and drops the noise: a doc
// far below the best one matched some word only in passing. search is
// false where the results are a code's meanings, not a list. It hands the
// scratch back.
func (c *Catalog) rank(sc *scratch, words int, search bool) []Result {
	defer c.putScratch(sc)
	ix := c.searchIndex()
	all := uint32(1)<<words - 1
	cands := make([]candidate, 0, len(sc.touched))
	bestEntry := 0.0
	for _, id := range sc.touched {
		d, m := &ix.docs[id], sc.get(id)
		cd := candidate{id: id}
		for _, w := range m.best[:words] {
			cd.score += w / float64(words)
			if w > 0 {
				cd.matched++
			}
		}
		bonus := 0.0
		for _, fh := range m.fields {
			f := &d.fields[fh.field]
			whole := bits.OnesCount32(fh.words) >= int(f.ntoks)
			switch {
			case f.kind == FieldSource:
				cd.vendor = true
			case (f.kind == FieldPhrase || f.kind == FieldAlias) && whole && bits.OnesCount32(fh.words) > bits.OnesCount32(cd.named):
				cd.named = fh.words // "Enhance Your Calm", all of it
			case f.kind == FieldKeyword && whole:
				cd.keywords++ // "downstream_remote_disconnect", all of it
			}
			if fh.words == all && f.kind.short() {
				cd.oneName = true
				b := bonusOneField * f.kind.weight()
				if int(f.ntoks) == words {
					cd.isName = f.kind == FieldPhrase || f.kind == FieldAlias
					b += bonusEqual
				}
				bonus = max(bonus, b)
			}
		}
		cd.score += bonus
		if !d.named() {
			if c.keys[d.entry].official {
				cd.score += officialPrior
			}
			bestEntry = max(bestEntry, cd.score)
		}
		cands = append(cands, cd)
	}
	// A sub-code is an answer when the query names its vendor ("iis 404",
	// "cloudflare rate limit") or when it is the sub-code's name
	// ("directory listing denied"). In a search (not among a code's
	// meanings, where the entries are the answer) it is one too when a
	// name of it holds every word of a query of several ("rate limit" is
	// Cloudflare's 1015 too), or when it matches better than every entry,
	// but then it ranks below the best entry: "request rate limit" is 429
	// first. Otherwise the hundred IIS codes would bury the entries under
	// every common word.
	best, top := 0.0, 0
	kept := cands[:0]
	for _, cd := range cands {
		if ix.docs[cd.id].named() {
			cd.score *= subPenalty
			switch {
			case cd.vendor, cd.isName:
			case search && (cd.score > bestEntry || cd.oneName && words > 1 && ix.docs[cd.id].term < 0):
				// A term answers a search that is its name, not one that
				// its name holds among other words: "rate limit" is
				// Stripe's rate_limit, not Anthropic's rate_limit_error.
				cd.score = min(cd.score, bestEntry*subBelow)
			case cd.score > bestEntry:
			default:
				continue
			}
		}
		best, top = max(best, cd.score), max(top, cd.matched)
		kept = append(kept, cd)
	}
	out := make([]Result, 0, len(kept))
	for _, cd := range kept {
		if cd.score < keepRatio*best || 2*cd.matched < top {
			continue
		}
		d := &ix.docs[cd.id]
		r := Result{Status: c.entry(d.entry), index: d.entry, score: cd.score, matched: cd.matched,
			vendor: cd.vendor, named: cd.named, keywords: cd.keywords}
		switch {
		case d.term >= 0:
			r.Sub = &c.vocabularies().term(int32(d.term)).Sub
		case d.sub >= 0:
			if r.Sub = c.subOf(d.entry, d.sub); r.Sub == nil {
				continue
			}
		}
		r.Phrase, r.Hint = highlights(d, sc.get(cd.id), &sc.spans)
		if r.Sub != nil && r.Hint.Text == r.Sub.Code {
			r.Hint = Hint{} // the name matched, and the row shows it
		}
		out = append(out, r)
	}
	slices.SortFunc(out, compareResults)
	if search {
		out = oncePerName(out)
	}
	if slices.ContainsFunc(out, func(r Result) bool { return r.vendor }) {
		// A word that names a vendor lifts that vendor's entries above
		// others that match as many words: "gateway timeout cloudflare"
		// is Cloudflare's 524 and 522 before the standard 504.
		slices.SortStableFunc(out, func(a, b Result) int {
			if a.matched != b.matched {
				return b.matched - a.matched
			}
			if a.vendor != b.vendor {
				return boolOrder(a.vendor)
			}
			return 0
		})
	}
	return out
}

// oncePerName keeps, of the sub-codes a vendor sends under several
// statuses with one name (IIS's "Maximum request rate limit reached" is
// 401.502, 403.502 and 404.502), the best one: the rest say nothing new
// in a list. A sub-code asked for by its code is not in a search.
func oncePerName(results []Result) []Result {
	type name struct{ source, phrase string }
	seen := map[name]bool{}
	return slices.DeleteFunc(results, func(r Result) bool {
		if r.Sub == nil {
			return false
		}
		n := name{r.Sub.Source, r.Sub.Phrase}
		if r.Sub.Term != nil {
			n.phrase = r.Sub.Code // a term's name is its own: many have no title
		}
		dup := seen[n]
		seen[n] = true
		return dup
	})
}

func compareResults(a, b Result) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	if a.matched != b.matched {
		return b.matched - a.matched
	}
	if a.Status.Official != b.Status.Official {
		if a.Status.Official {
			return -1
		}
		return 1
	}
	if (a.Sub == nil) != (b.Sub == nil) {
		if a.Sub == nil {
			return -1
		}
		return 1
	}
	if a.index != b.index {
		return a.index - b.index
	}
	if a.Sub != nil {
		return strings.Compare(a.Sub.Code, b.Sub.Code)
	}
	return 0
}

// highlights returns the matched runes of the doc's phrase, and the best
// other field as a hint: the one with most query words, then one that is
// nothing but them (the keyword "rate limit"), then the weightiest, then
// the first. Only those two fields' positions are worked out: a one-letter
// query matches hundreds of docs. spans is the caller's buffer.
func highlights(d *doc, m *match, spans *[]span) ([]int, Hint) {
	var phrase, hint *fieldHits
	phraseWords, hintWords, hintWhole := 0, 0, false
	for i := range m.fields {
		fh := &m.fields[i]
		f := &d.fields[fh.field]
		words := bits.OnesCount32(fh.words)
		if f.kind == FieldPhrase {
			phrase, phraseWords = fh, words
			continue
		}
		whole := words >= int(f.ntoks)
		if hint == nil || betterHint(words, whole, f, fh.field, hintWords, hintWhole, &d.fields[hint.field], hint.field) {
			hint, hintWords, hintWhole = fh, words, whole
		}
	}
	var pos []int
	if phrase != nil {
		pos = positions(&d.fields[phrase.field], phrase.toks, spans)
	}
	if hint == nil || phrase != nil && phraseWords >= hintWords {
		return pos, Hint{} // the phrase says it all
	}
	f := &d.fields[hint.field]
	return pos, Hint{Field: f.kind, Text: f.text, Positions: positions(f, hint.toks, spans)}
}

func betterHint(words int, whole bool, f *docField, fi int32, bestWords int, bestWhole bool, best *docField, bi int32) bool {
	switch {
	case words != bestWords:
		return words > bestWords
	case whole != bestWhole:
		return whole
	case f.kind.weight() != best.kind.weight():
		return f.kind.weight() > best.kind.weight()
	}
	return fi < bi
}

// positions are the runes of a field's matched tokens, ascending. spans
// is the caller's buffer for the field's spans.
func positions(f *docField, toks []int32, spans *[]span) []int {
	slices.Sort(toks)
	toks = slices.Compact(toks)
	if len(toks) == 0 {
		return nil
	}
	*spans = f.spanList((*spans)[:0], int(toks[len(toks)-1])+1)
	all := *spans
	n := 0
	for _, ti := range toks {
		if int(ti) < len(all) {
			n += int(all[ti].end - all[ti].start)
		}
	}
	pos := make([]int, 0, n)
	for _, ti := range toks {
		if int(ti) < len(all) {
			for r := all[ti].start; r < all[ti].end; r++ {
				pos = append(pos, int(r))
			}
		}
	}
	return pos
}
