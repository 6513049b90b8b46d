package data

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"reflect"
	"slices"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite index.bin and prebuilt_tables.go from the embedded files")

// TestIndexFileIsCurrent keeps index.bin the index of statuses.toml as the
// code builds it today: a change to the catalog or to how words fold needs
// go test ./data -run FileIsCurrent -update.
func TestIndexFileIsCurrent(t *testing.T) {
	c, err := parseLazily(statusesTOML)
	if err != nil {
		t.Fatal(err)
	}
	file := c.buildIndex().encode(c.sum())
	if *update {
		if err := os.WriteFile("index.bin", file, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(file, []byte(indexFile)) {
		t.Fatal("index.bin is stale: run go test ./data -run FileIsCurrent -update")
	}
	if _, err := decodeIndex(indexFile, c.sum(), len(c.keys), c.vocab.Len()); err != nil {
		t.Fatal(err)
	}
}

// The index reads back as built: every doc, field, span and posting.
func TestIndexReadsBackAsBuilt(t *testing.T) {
	c := Load()
	built := c.buildIndex()
	read, err := decodeIndex(string(built.encode(c.sum())), c.sum(), len(c.keys), c.vocab.Len())
	if err != nil {
		t.Fatal(err)
	}
	if len(read.docs) != len(built.docs) {
		t.Fatalf("%d docs, want %d", len(read.docs), len(built.docs))
	}
	for i, bd := range built.docs {
		d := read.docs[i]
		if d.entry != bd.entry || d.sub != bd.sub || len(d.fields) != len(bd.fields) {
			t.Fatalf("doc %d: %d.%d with %d fields, want %d.%d with %d", i, d.entry, d.sub, len(d.fields), bd.entry, bd.sub, len(bd.fields))
		}
		for j, bf := range bd.fields {
			f := &d.fields[j]
			spans := f.spanList(nil, len(bf.toks))
			if f.kind != bf.kind || f.text != bf.text || int(f.ntoks) != len(bf.toks) || !slices.Equal(spans, bf.toks) {
				t.Fatalf("doc %d field %d: %v %q %d %v, want %v %q %v", i, j, f.kind, f.text, f.ntoks, spans, bf.kind, bf.text, bf.toks)
			}
		}
	}
	for _, pair := range []struct {
		read  postingIndex
		built builtPostings
	}{{read.stems, built.stems}, {read.names, built.names}} {
		if !slices.Equal(pair.read.words, pair.built.words) {
			t.Fatal("the words differ")
		}
		for i := range pair.read.words {
			if got := read.postings(nil, pair.read.lists[i]); !slices.Equal(got, pair.built.posts[i]) {
				t.Fatalf("%q: postings %v, want %v", pair.read.words[i], got, pair.built.posts[i])
			}
		}
	}
	if !reflect.DeepEqual(read.short, built.short) || !reflect.DeepEqual(read.subCodes, built.subCodes) {
		t.Error("short stems or sub-codes differ")
	}
}

// A catalog read from other bytes (an edited statuses.toml before
// -update) builds its own index rather than use a wrong one.
func TestIndexFileBelongsToItsCatalog(t *testing.T) {
	edited := bytes.Replace(statusesTOML, []byte(`aliases = ["I'm a teapot"]`), []byte(`aliases = ["I'm a kettle"]`), 1)
	if bytes.Equal(edited, statusesTOML) {
		t.Fatal("the edit did not apply; pick another phrase")
	}
	c, err := parseLazily(edited)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeIndex(indexFile, c.sum(), len(c.keys), c.vocab.Len()); err == nil {
		t.Fatal("index.bin accepted for an edited catalog")
	}
	got := c.Search(ParseQuery("kettle"))
	if len(got) == 0 || got[0].Status.Code != 418 {
		t.Errorf("kettle in the edited catalog found %v, want 418 first", got)
	}
}

// FuzzDecodeIndex feeds damaged index files to the reader, which must
// refuse them or return an index whose postings all point at a word and
// whose spans all lie within their text.
func FuzzDecodeIndex(f *testing.F) {
	// A catalog of two entries keeps the seed small enough to mutate.
	small := []byte(`[[status]]
code = 404
phrase = "Not Found"
category = "client-error"
official = true
summary = "Nothing at this URL."
keywords = ["missing page", "notfound"]

[[status]]
code = 499
phrase = "Client Closed Request"
category = "client-error"
source = "nginx"
summary = "The client hung up first."
subcodes = [{code = "499.1", phrase = "Gone Away", source = "nginx", summary = "Away."}]
`)
	c, err := parseStrict(small)
	if err != nil {
		f.Fatal(err)
	}
	c.vocab = &vocabularies{} // no terms
	file := string(c.buildIndex().encode(c.sum()))
	head := indexMagic + string(binary.AppendUvarint(nil, c.sum()))
	f.Add(file[len(head):])
	f.Add(file[len(head) : len(head)+len(file)/2])
	f.Add("")
	f.Fuzz(func(t *testing.T, body string) {
		ix, err := decodeIndex(head+body, c.sum(), len(c.keys), c.vocab.Len())
		if err != nil {
			return
		}
		for _, pi := range []postingIndex{ix.stems, ix.names} {
			for _, list := range pi.lists {
				for _, p := range ix.postings(nil, list) {
					if p.tok >= ix.docs[p.doc].fields[p.field].ntoks {
						t.Fatalf("posting %v past the field's words", p)
					}
				}
			}
		}
		for _, d := range ix.docs {
			for _, f := range d.fields {
				for _, s := range f.spanList(nil, int(f.ntoks)) {
					if s.start > s.end || int(s.end) > len(f.text) {
						t.Fatalf("span %v outside %q", s, f.text)
					}
				}
			}
		}
	})
}

// BenchmarkIndex builds the search index, as a process would without
// index.bin.
func BenchmarkIndex(b *testing.B) {
	c := Load()
	c.All()
	for b.Loop() {
		c.buildIndex()
	}
}

// BenchmarkIndexFile reads index.bin, which a process's first word search
// pays for (httpstatus rate limit).
func BenchmarkIndexFile(b *testing.B) {
	c := Load()
	for b.Loop() {
		c.indexOnce = sync.Once{}
		c.searchIndex()
	}
}
