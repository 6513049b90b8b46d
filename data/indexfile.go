package data

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"sync/atomic"
)

// index.bin is the search index of statuses.toml, built ahead of time:
// reading it takes a fraction of a millisecond where tokenizing the
// catalog takes ten or more, which a one-off `httpstatus rate limit`
// would otherwise pay on every run. TestIndexFileIsCurrent rewrites it
// (go test ./data -run FileIsCurrent -update) and fails while it
// is stale.
//
// The format is uvarints and length-prefixed strings:
//
//	magic, catalog sum
//	docs: count, then each: entry, sub+1, term+1, fields: count, then each:
//	      kind, text, word count, spans (a string: per word, its start
//	      less the last one's end, and its length)
//	stems, names: count, then each word in order: the word, its postings
//	      (a string: per posting, its doc less the last one's, field, word)
//	short: count, then each length: count, then each: a stem's number
//	sub-codes: count, then each in order: code, entry, sub
//
//go:embed index.bin
var indexFile string

// indexMagic starts index.bin; its number changes with the format.
const indexMagic = "httpstatus index 3\n"

// catalogSum identifies the bytes a catalog was read from (its entries,
// then its vocabularies), so an index built from other bytes is never used
// with it.
func catalogSum(b []byte, vocab string) uint64 {
	sum := crc32.Update(crc32.ChecksumIEEE(b), crc32.IEEETable, []byte(vocab))
	return uint64(sum)<<32 | uint64(uint32(len(b)+len(vocab)))
}

// sum is the catalog's catalogSum.
func (c *Catalog) sum() uint64 { return catalogSum(c.src, c.vocabularies().src) }

// errIndexFile is any index.bin that cannot serve: built from another
// catalog, or damaged.
var errIndexFile = errors.New("index file does not fit the catalog")

// encode writes the index as decodeIndex reads it.
func (ix *builtIndex) encode(sum uint64) []byte {
	var w indexWriter
	w.b = append(w.b, indexMagic...)
	w.uint(sum)
	w.int(len(ix.docs))
	for _, d := range ix.docs {
		w.int(d.entry)
		w.int(d.sub + 1)
		w.int(d.term + 1)
		w.int(len(d.fields))
		for _, f := range d.fields {
			w.int(int(f.kind))
			w.str(f.text)
			w.int(len(f.toks))
			var spans indexWriter
			end := int32(0)
			for _, s := range f.toks {
				spans.int(int(s.start - end))
				spans.int(int(s.end - s.start))
				end = s.end
			}
			w.str(string(spans.b))
		}
	}
	w.postings(ix.stems)
	w.postings(ix.names)
	w.int(len(ix.short))
	for _, stems := range ix.short {
		w.int(len(stems))
		for _, s := range stems {
			i, _ := slices.BinarySearch(ix.stems.words, s)
			w.int(i)
		}
	}
	codes := make([]string, 0, len(ix.subCodes))
	for code := range ix.subCodes {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	w.int(len(codes))
	for _, code := range codes {
		w.str(code)
		w.int(ix.subCodes[code][0])
		w.int(ix.subCodes[code][1])
	}
	return w.b
}

type indexWriter struct{ b []byte }

func (w *indexWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *indexWriter) int(v int)     { w.uint(uint64(v)) }
func (w *indexWriter) str(s string)  { w.int(len(s)); w.b = append(w.b, s...) }

func (w *indexWriter) postings(pi builtPostings) {
	w.int(len(pi.words))
	for i, word := range pi.words {
		w.str(word)
		var list indexWriter
		doc := int32(0)
		for _, p := range pi.posts[i] {
			list.int(int(p.doc - doc))
			list.int(int(p.field))
			list.int(int(p.tok))
			doc = p.doc
		}
		w.str(string(list.b))
	}
}

// decodeIndex reads an index file written for the catalog with the given
// sum and number of entries. Every string it returns shares the file's
// memory, and postings and spans stay encoded until asked for. Every
// number is checked against the catalog's size and the file itself, so a
// damaged file is an error, or at worst a lost posting, never a panic.
func decodeIndex(file string, sum uint64, entries, terms int) (*index, error) {
	r := indexReader{s: file}
	if r.str(len(indexMagic)) != indexMagic || r.uint() != sum {
		return nil, errIndexFile
	}
	ix := &index{docs: make([]doc, r.count(3))}
	for i := range ix.docs {
		d := &ix.docs[i]
		d.entry, d.sub, d.term = r.below(entries), r.count(0)-1, r.below(terms+1)-1
		d.fields = make([]docField, r.count(4))
		for j := range d.fields {
			f := &d.fields[j]
			f.kind, f.text = Field(r.below(int(FieldDescription)+1)), r.str(r.count(1))
			f.ntoks, f.spans = int32(r.count(0)), r.str(r.count(1))
		}
	}
	ix.stems, ix.names = r.postingIndex(), r.postingIndex()
	ix.short = make([][]string, r.count(1))
	for n := range ix.short {
		if k := r.count(1); k > 0 {
			ix.short[n] = make([]string, k)
		}
		for i := range ix.short[n] {
			if w := r.below(len(ix.stems.words)); r.err == nil {
				ix.short[n][i] = ix.stems.words[w]
			}
		}
	}
	n := r.count(3)
	ix.subCodes = make(map[string][2]int, n)
	places := make(map[[2]int]bool, n)
	for range n {
		code := r.str(r.count(1))
		at := [2]int{r.below(entries), r.count(0)}
		ix.subCodes[code], places[at] = at, true
	}
	if r.err != nil || r.left() != 0 {
		return nil, errIndexFile
	}
	// Every sub-code doc is a sub-code the table names, and so a real one;
	// a doc is an entry's, a sub-code's or a term's.
	for _, d := range ix.docs {
		if d.sub >= 0 && (d.term >= 0 || !places[[2]int{d.entry, d.sub}]) {
			return nil, errIndexFile
		}
	}
	return ix, nil
}

// postingIndex reads the words of a postingIndex, in order, and their
// postings, still encoded.
func (r *indexReader) postingIndex() postingIndex {
	pi := postingIndex{words: make([]string, r.count(2))}
	pi.lists = make([]string, len(pi.words))
	pi.decoded = make([]atomic.Pointer[[]posting], len(pi.words))
	for i := range pi.words {
		pi.words[i], pi.lists[i] = r.str(r.count(1)), r.str(r.count(1))
		if i > 0 && pi.words[i] <= pi.words[i-1] {
			r.fail()
		}
	}
	return pi
}

// postings appends a word's postings to buf, leaving out any that point
// outside the index.
func (ix *index) postings(buf []posting, list string) []posting {
	r := indexReader{s: list}
	doc := 0
	for r.left() > 0 {
		doc += int(r.uint())
		field, tok := r.uint(), r.uint()
		if r.err != nil || doc >= len(ix.docs) {
			break
		}
		fields := ix.docs[doc].fields
		if field < uint64(len(fields)) && tok < uint64(fields[field].ntoks) {
			buf = append(buf, posting{int32(doc), int32(field), int32(tok)})
		}
	}
	return buf
}

// spanList appends the spans of the field's first n words to buf, as far
// as they make sense: within the text, and no more than the field has.
func (f *docField) spanList(buf []span, n int) []span {
	r := indexReader{s: f.spans}
	end := int32(0)
	for n = min(n, int(f.ntoks)); r.left() > 0 && len(buf) < n; {
		start := end + int32(r.below(len(f.text)+1))
		end = start + int32(r.below(len(f.text)+1))
		if r.err != nil || int(end) > len(f.text) {
			break
		}
		buf = append(buf, span{start, end})
	}
	return buf
}

// indexReader reads uvarints and length-prefixed strings, remembering the
// first thing wrong; after that it reads zeros and empty strings.
type indexReader struct {
	s   string
	i   int // the next byte to read
	err error
}

func (r *indexReader) fail() {
	if r.err == nil {
		r.err = errIndexFile
	}
	r.i = len(r.s)
}

// left is how many bytes are still to read.
func (r *indexReader) left() int { return len(r.s) - r.i }

func (r *indexReader) uint() uint64 {
	if r.i < len(r.s) && r.s[r.i] < 0x80 {
		// Most numbers are below 128: one byte.
		v := r.s[r.i]
		r.i++
		return uint64(v)
	}
	var v uint64
	for shift := 0; shift < 64 && r.i < len(r.s); shift += 7 {
		b := r.s[r.i]
		r.i++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.fail()
	return 0
}

// below reads a number that must be less than n.
func (r *indexReader) below(n int) int {
	v := r.uint()
	if v >= uint64(n) {
		r.fail()
		return 0
	}
	return int(v)
}

// count reads a length: of a string, or of a list to allocate for, whose
// items each take at least per bytes of what is left (0: any int32).
func (r *indexReader) count(per int) int {
	if per == 0 {
		return r.below(1 << 31)
	}
	return r.below(r.left()/per + 1)
}

func (r *indexReader) str(n int) string {
	if n > r.left() {
		r.fail()
		return ""
	}
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}
