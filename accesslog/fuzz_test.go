package accesslog

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// seedLines adds the first lines of every fixture to a fuzz corpus.
func seedLines(f *testing.F) {
	for name := range fixtures {
		file, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, MaxLine)
		for i := 0; i < 12 && sc.Scan(); i++ {
			f.Add(sc.Text())
		}
		file.Close()
	}
	f.Add("")
	f.Add("\x00\xff[\"")
}

// Every parser, on any line: no panic, and what it reads is in range.
func FuzzParsers(f *testing.F) {
	seedLines(f)
	all := append(append([]*Format(nil), Formats...), reported...)
	f.Fuzz(func(t *testing.T, line string) {
		for _, format := range all {
			if format.parse == nil {
				continue
			}
			var r Record
			var st parseState
			r.reset()
			if !format.parse([]byte(line), &r, &st) || r.Code < 0 {
				continue
			}
			if r.Code > 999 || r.Sub < 0 || r.Sub > 999 {
				t.Fatalf("%s read code %d.%d from %q", format.Name, r.Code, r.Sub, line)
			}
			if len(r.Path) > maxPath || len(r.Flags) > 16 {
				t.Fatalf("%s read a path of %d bytes and %d flags", format.Name, len(r.Path), len(r.Flags))
			}
			for _, fl := range r.Flags {
				if len(fl) == 0 || len(fl) > maxFlag+16 {
					t.Fatalf("%s read flag %q", format.Name, fl)
				}
			}
		}
	})
}

// Detection and reading, on any input: no panic, and the counts add up.
func FuzzRead(f *testing.F) {
	seedLines(f)
	f.Fuzz(func(t *testing.T, input string) {
		detect([]byte(input))
		c := NewCounts()
		if _, err := c.Read(bytes.NewReader([]byte(input)), Options{Workers: 2}); err != nil {
			return
		}
		if c.WithStatus > c.Lines || c.TooLong > c.Lines {
			t.Fatalf("%d lines, %d with a status, %d too long", c.Lines, c.WithStatus, c.TooLong)
		}
		var n int64
		for _, tl := range c.tallies {
			n += tl.n
		}
		if n != c.WithStatus {
			t.Fatalf("tallies hold %d, with a status %d", n, c.WithStatus)
		}
	})
}
