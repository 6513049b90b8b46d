package explain

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

// A response pasted into a query (the command line, the explorer, an SSH
// session) and the same response read by explain mean the same: for every
// fixture, each code's chosen entry and who answered agree.
func TestPasteAgreesWithExplain(t *testing.T) {
	cat := data.Load()
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") ||
			filepath.Dir(path) != "testdata" && filepath.Dir(path) != filepath.Join("testdata", "real", "captures") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rep, err := Explain(cat, strings.NewReader(string(b)))
		if err != nil {
			return nil // nothing to agree with: explain refuses it, with a message of its own
		}
		res := cat.Resolve(string(b))
		for _, m := range res.Meanings {
			var first *Result
			for i := range rep.Results {
				if data.FormatCode(rep.Results[i].Status) == m.Code {
					first = &rep.Results[i]
					break
				}
			}
			if first == nil {
				t.Errorf("%s: the query reads %s, explain does not", path, m.Code)
				continue
			}
			if entry := m.Entry; entry != first.Entry {
				t.Errorf("%s: %s is %s (%s) pasted, %s in explain", path, m.Code, entry.Title(), entry.Source, describe(first.Entry))
			}
			if software(m.AnsweredBy) != software(first.AnsweredBy) {
				t.Errorf("%s: %s answered by %q pasted, %q in explain", path, m.Code, software(m.AnsweredBy), software(first.AnsweredBy))
			}
		}
		if len(res.Meanings) == 0 {
			t.Errorf("%s: the query reads no code", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func describe(s *data.Status) string {
	if s == nil {
		return "nothing"
	}
	return s.Title() + " (" + s.Source + ")"
}

func software(r *data.Responder) string {
	if r == nil {
		return ""
	}
	return r.Software
}
