package explain

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

// FuzzExplain feeds arbitrary input to Explain: it never panics, refuses
// input only with one of its errors, and what it returns is consistent
// with the input and the catalog. The seed corpus in
// testdata/fuzz/FuzzExplain holds the fixtures and the edge cases.
func FuzzExplain(f *testing.F) {
	cat := data.Load()
	refusals := []error{data.ErrEmpty, data.ErrBinary, data.ErrNoStatusLine, data.ErrInputTooLarge, data.ErrHeadTooLarge, data.ErrTooManyResponses}
	f.Fuzz(func(t *testing.T, in []byte) {
		rep, err := Explain(cat, bytes.NewReader(in))
		if err != nil {
			if rep != nil || !isOneOf(err, refusals) {
				t.Fatalf("error %v with report %v", err, rep)
			}
			return
		}
		if n := len(rep.Results); n == 0 || n > data.MaxResponses {
			t.Fatalf("%d results", n)
		}
		for i, res := range rep.Results {
			_, code, phrase, ok := data.ParseStatusLine(res.Line)
			switch {
			case res.NoResponse != nil:
				// No response came: the line is what the client printed.
				if res.Status != 0 || res.Phrase != "" || res.AnsweredBy != nil || !bytes.Contains(in, []byte(res.NoResponse.Message)) {
					t.Errorf("result %d: no response %+v", i, res)
				}
			case !ok || code != res.Status || phrase != res.Phrase:
				t.Errorf("result %d: line %q gives %d %q %v, result says %d %q", i, res.Line, code, phrase, ok, res.Status, res.Phrase)
			}
			// The entry has the response's code, unless its writer says it
			// is one of its own codes (nginx's 494, sent as a 400).
			own := res.Entry != nil && res.AnsweredBy != nil && res.Entry.Code != res.Status && strings.HasPrefix(res.ChosenBy, "body: ")
			if (res.Entry == nil) != (len(cat.Lookup(res.Status)) == 0) || res.Entry != nil && res.Entry.Code != res.Status && !own {
				t.Errorf("result %d: entry %v for %d", i, res.Entry, res.Status)
			}
			if res.Notes == nil {
				t.Errorf("result %d: nil notes", i)
			}
			for _, n := range res.Notes {
				if n.Level != Info && n.Level != Warn && n.Level != Error || n.Message == "" {
					t.Errorf("result %d: bad note %v", i, n)
				}
			}
			if res.Redirect != nil && res.Status/100 != 3 {
				t.Errorf("result %d: a redirect from %d", i, res.Status)
			}
		}
		for _, c := range rep.Chains {
			for k, h := range c.Hops {
				if h.Result < 0 || h.Result >= len(rep.Results) || k > 0 && h.Result <= c.Hops[k-1].Result || h.LoopTo > k+1 {
					t.Errorf("chain %+v", c)
				}
			}
		}
		if _, err := json.Marshal(rep.Results); err != nil {
			t.Errorf("JSON: %v", err)
		}
	})
}

func isOneOf(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
