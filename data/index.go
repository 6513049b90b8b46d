package data

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// The search index: every folded word of every entry and sub-code, with
// where it occurs. It is a pure function of the catalog, so it ships
// built, as index.bin (see indexfile.go for its format), and is built here
// only when that file does not belong to the catalog at hand. Either way
// it is read from that encoded form, which keeps postings and spans
// encoded until a search asks for them: a process pays for the words it
// looks up, not for all thirty thousand postings.
type index struct {
	docs  []doc
	stems postingIndex // by folded stem
	names postingIndex // names' words as written, for prefixes
	short [][]string   // distinct stems of short fields, by length, for typos
	// subCodes finds a sub-code's entry and place: "404.3" -> {i, j}.
	subCodes map[string][2]int

	fuzzyOnce sync.Once
	fuzzy     *fuzzyNames // built on the first fuzzy search
}

// doc is an entry, one of its sub-codes or a vocabulary term, as search
// sees it. A term's doc belongs to the entry it points to.
type doc struct {
	entry  int
	sub    int // -1 for the entry itself or a term
	term   int // the term's place in the vocabularies; -1 for none
	fields []docField
}

// named reports whether the doc is a name sent with a status (a sub-code
// or a term) rather than the entry.
func (d *doc) named() bool { return d.sub >= 0 || d.term >= 0 }

type docField struct {
	kind  Field
	text  string
	ntoks int32  // how many words
	spans string // where each word is, encoded (see spanList)
}

// span is where a word is in a field's text, in runes.
type span struct{ start, end int32 }

type posting struct {
	doc, field, tok int32
}

// postingIndex is postings by word, the words sorted: found by bisection,
// and listed in order for prefixes. Each word's postings stay encoded
// until a search first asks for them, and are kept from then on: SSH
// sessions share them, so each is published whole, atomically.
type postingIndex struct {
	words   []string
	lists   []string // encoded (see index.postings)
	decoded []atomic.Pointer[[]posting]
}

// postingsOf are the postings of word w of pi.
func (ix *index) postingsOf(pi *postingIndex, w string) []posting {
	if i, ok := slices.BinarySearch(pi.words, w); ok {
		return ix.postingsAt(pi, i)
	}
	return nil
}

// postingsAt are the postings of the i-th word of pi.
func (ix *index) postingsAt(pi *postingIndex, i int) []posting {
	if p := pi.decoded[i].Load(); p != nil {
		return *p
	}
	p := ix.postings(nil, pi.lists[i])
	pi.decoded[i].Store(&p)
	return p
}

// shortStems are the stems of short fields that are n bytes long.
func (ix *index) shortStems(n int) []string {
	if n < 0 || n >= len(ix.short) {
		return nil
	}
	return ix.short[n]
}

// searchIndex is the catalog's index: index.bin when that was built from
// this very catalog, else built from the entries.
func (c *Catalog) searchIndex() *index {
	c.indexOnce.Do(func() {
		sum, terms := c.sum(), c.vocabularies().Len()
		ix, err := decodeIndex(indexFile, sum, len(c.keys), terms)
		if err != nil {
			ix, err = decodeIndex(string(c.buildIndex().encode(sum)), sum, len(c.keys), terms)
		}
		if err != nil {
			panic("data: the index just built does not read back: " + err.Error())
		}
		c.index = ix
	})
	return c.index
}

// builtIndex is the index as built, before it is encoded.
type builtIndex struct {
	docs         []builtDoc
	stems, names builtPostings
	short        [][]string
	subCodes     map[string][2]int
}

type builtDoc struct {
	entry, sub, term int
	fields           []builtField
}

type builtField struct {
	kind Field
	text string
	toks []span
}

// builtPostings are a postingIndex before encoding.
type builtPostings struct {
	words []string
	posts [][]posting
}

// builder is an index being built.
type builder struct {
	ix           *builtIndex
	tz           *tokenizer
	stems, names postingLists
	shortSeen    map[int32]bool // stems already in short
	joined       []byte         // a name's words run together
}

// buildIndex tokenizes every entry and sub-code: ten milliseconds and
// more, which is why index.bin exists.
func (c *Catalog) buildIndex() *builtIndex {
	all := c.All()
	b := &builder{ix: &builtIndex{subCodes: map[string][2]int{}}, shortSeen: map[int32]bool{}}
	b.tz = &tokenizer{folds: make(map[string]folded, 8192), stems: &b.stems}
	// Room for every posting up front: a word per six bytes of prose.
	size := 0
	for i := range all {
		size += len(all[i].Description) + len(all[i].Summary) + 64*(1+len(all[i].SubCodes))
	}
	b.stems.adds = make([]keyedPosting, 0, size/6)
	for i := range all {
		s := &all[i]
		d := b.add(builtDoc{entry: i, sub: -1, term: -1}, FieldPhrase, s.Phrase)
		b.more(d, FieldAlias, s.Aliases...)
		b.more(d, FieldKeyword, s.Keywords...)
		if !s.Official {
			b.more(d, FieldSource, vendorName(s.Source))
		}
		for _, l := range Languages {
			if v, ok := s.Constants[l.Key]; ok {
				b.more(d, FieldConstant, v)
			}
		}
		b.more(d, FieldSummary, s.Summary)
		b.more(d, FieldDescription, s.Description)
		for j := range s.SubCodes {
			sub := &s.SubCodes[j]
			b.ix.subCodes[sub.Code] = [2]int{i, j}
			d := b.add(builtDoc{entry: i, sub: j, term: -1}, FieldPhrase, sub.Phrase)
			b.more(d, FieldKeyword, sub.Keywords...)
			b.more(d, FieldSource, vendorName(sub.Source))
			b.more(d, FieldSummary, sub.Summary)
		}
	}
	for ti := range c.vocabularies().Len() {
		entry := c.termEntry(int32(ti))
		if entry < 0 {
			continue // a catalog without the term's status (a test's)
		}
		t := c.vocabularies().term(int32(ti))
		d := b.add(builtDoc{entry: entry, sub: -1, term: ti}, FieldPhrase, t.Title)
		b.more(d, FieldAlias, termNames(t)...)
		// Names, not summaries: a term answers to what it is called, and
		// its summary's words would crowd every search ("rate limit").
		b.more(d, FieldSource, vendorName(t.Vocabulary.Source))
	}
	b.ix.stems, b.ix.names = b.stems.index(), b.names.index()
	return b.ix
}

// termNames are the names a term is searched by: as written, and in words
// ("NoSuchKey" is also "No Such Key", FUNCTION_INVOCATION_TIMEOUT
// "function invocation timeout").
func termNames(t *Term) []string {
	var out []string
	for _, n := range append([]string{t.Name}, t.Aliases...) {
		n = strings.ReplaceAll(n, "*", " ")
		out = append(out, n)
		if w := nameWords(n); w != n {
			out = append(out, w)
		}
	}
	return out
}

// nameWords splits a name written as one word into its words: at
// underscores and where a capital follows a small letter.
func nameWords(n string) string {
	var b strings.Builder
	for i := 0; i < len(n); i++ {
		c := n[i]
		switch {
		case c == '_':
			b.WriteByte(' ')
			continue
		case i > 0 && c >= 'A' && c <= 'Z' && n[i-1] >= 'a' && n[i-1] <= 'z':
			b.WriteByte(' ')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// vendorName is what names a vendor in a source: "Google" of "Google
// APIs", "Envoy" of "Envoy", not "api" or "clients", which any query may
// hold without meaning that vendor.
func vendorName(source string) string {
	var kept []string
	for _, w := range strings.Fields(source) {
		if !genericSourceWords()[strings.ToLower(strings.Trim(w, "()"))] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

var genericSourceWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"api": true, "apis": true, "http": true, "clients": true, "informal": true, "proxies": true,
		"load": true, "balancing": true, "cloud": true, "framework": true, "front": true, "door": true,
		"gateway": true, "on": true,
	}
})

// maxJoined is the most words of a name indexed as one ("toomanyrequests").
const maxJoined = 3

// add starts a new doc with its first field.
func (b *builder) add(d builtDoc, kind Field, text string) *builtDoc {
	b.ix.docs = append(b.ix.docs, d)
	last := &b.ix.docs[len(b.ix.docs)-1]
	b.more(last, kind, text)
	return last
}

// more adds fields to the last doc.
func (b *builder) more(d *builtDoc, kind Field, texts ...string) {
	id := int32(len(b.ix.docs) - 1)
	for _, text := range texts {
		toks := b.tz.tokenize(text)
		f := builtField{kind: kind, text: text, toks: make([]span, len(toks))}
		fi := int32(len(d.fields))
		for ti, t := range toks {
			f.toks[ti] = span{int32(t.start), int32(t.end)}
			p := posting{id, fi, int32(ti)}
			b.stems.addID(t.id, p)
			if !kind.short() {
				continue // prefixes, typos and run-together names are for names only
			}
			if d.term >= 0 {
				// A term answers to its names whole (joined too:
				// "toomanyrequests"), not to a prefix or a typo.
				b.joinNames(toks, ti, p)
				continue
			}
			b.names.add(t.word, p)
			if !b.shortSeen[t.id] {
				b.shortSeen[t.id] = true
				for len(b.ix.short) <= len(t.stem) {
					b.ix.short = append(b.ix.short, nil)
				}
				b.ix.short[len(t.stem)] = append(b.ix.short[len(t.stem)], t.stem)
			}
			b.joinNames(toks, ti, p)
		}
		d.fields = append(d.fields, f)
	}
}

// joinNames files the words of a name run together from token ti, so that
// "toomanyrequests", "ratelimiting" and "NotFound" are found too.
func (b *builder) joinNames(toks []token, ti int, p posting) {
	b.joined = append(b.joined[:0], toks[ti].word...)
	for n := 2; n <= maxJoined && ti+n <= len(toks); n++ {
		b.joined = append(b.joined, toks[ti+n-1].word...)
		b.stems.addID(b.tz.lookupBytes(b.joined).id, p)
	}
}

// postingLists gathers postings under words: numbered and counted as the
// index meets them, then laid out in one array, rather than thousands of
// slices each growing on its own.
type postingLists struct {
	ids   map[string]int32
	words []string
	count []int32
	adds  []keyedPosting
}

type keyedPosting struct {
	id int32
	p  posting
}

func (l *postingLists) add(word string, p posting) { l.addID(l.id(word), p) }

// id numbers a word, the first time it is met.
func (l *postingLists) id(word string) int32 {
	id, ok := l.ids[word]
	if !ok {
		if l.ids == nil {
			l.ids = make(map[string]int32, 4096)
		}
		id = int32(len(l.words))
		l.ids[word] = id
		l.words, l.count = append(l.words, word), append(l.count, 0)
	}
	return id
}

func (l *postingLists) addID(id int32, p posting) {
	if id < 0 {
		return // a stop word run together with others
	}
	l.count[id]++
	l.adds = append(l.adds, keyedPosting{id, p})
}

// index lays the postings out, each word's in the order added, and the
// words in order.
func (l *postingLists) index() builtPostings {
	start := make([]int32, len(l.words)+1)
	for id, n := range l.count {
		start[id+1] = start[id] + n
	}
	all := make([]posting, len(l.adds))
	next := slices.Clone(start[:len(l.words)])
	for _, a := range l.adds {
		all[next[a.id]] = a.p
		next[a.id]++
	}
	order := make([]int32, 0, len(l.words))
	for id, n := range l.count {
		if n > 0 {
			order = append(order, int32(id))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(l.words[a], l.words[b]) })
	pi := builtPostings{words: make([]string, len(order)), posts: make([][]posting, len(order))}
	for i, id := range order {
		pi.words[i] = l.words[id]
		pi.posts[i] = all[start[id]:start[id+1]:start[id+1]]
	}
	return pi
}
