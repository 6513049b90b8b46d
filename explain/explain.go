// Package explain reads HTTP responses as curl, HTTPie or a file show them,
// says which catalog entry each one is, and checks it against the rules of
// its status: the declarative ones the catalog holds with each entry, and
// the ones here that need code (Retry-After, the request, a redirect
// chain). It imports no Charm package; ui renders what it finds.
package explain

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Level is how much a note matters: info explains, warn flags what is
// likely a mistake or breaks a SHOULD, error breaks a MUST or a client.
type Level string

// The levels, the same strings as the catalog's rules use.
const (
	Info  Level = data.LevelInfo
	Warn  Level = data.LevelWarn
	Error Level = data.LevelError
)

func (l Level) rank() int {
	switch l {
	case Error:
		return 0
	case Warn:
		return 1
	}
	return 2
}

// Note is one finding about a response.
type Note struct {
	Level     Level  `json:"level"`
	Field     string `json:"field"`     // the header field it is about, or ""
	Message   string `json:"message"`   // in our words
	Reference string `json:"reference"` // "RFC 9110 §15.4.2", or "" for what no RFC says
}

// Result is what explain says about one response.
type Result struct {
	Status int    `json:"status"`
	Phrase string `json:"phrase"`
	Line   string `json:"line"` // the status line as received
	// Entry is the catalog entry the response means; nil when the catalog
	// has no entry for the code.
	Entry *data.Status `json:"entry"`
	// ChosenBy says what chose Entry among several with the code: the
	// reason phrase or a header field ("Server: cloudflare"); "" when it
	// is the only or the official entry.
	ChosenBy string `json:"chosen_by"`
	// AnsweredBy is the software that wrote the response, when the
	// response shows it; nil otherwise.
	AnsweredBy *data.Responder `json:"answered_by"`
	// NoResponse is what the client said when no response came at all
	// (Status 0, Line what it printed); nil for a response.
	NoResponse *data.NoResponse `json:"no_response"`
	// Read is what chose the code: the status line, for a response.
	Read     *data.Read `json:"read"`
	Notes    []Note     `json:"notes"`
	Redirect *Redirect  `json:"redirect"` // nil unless a 301, 302, 303, 307 or 308 with a Location
}

// Report is everything explain found in one input.
type Report struct {
	Results []Result
	Chains  []Chain // the redirect chains among the responses
}

// Unknown reports whether some response has a code the catalog lacks.
func (r *Report) Unknown() bool {
	return slices.ContainsFunc(r.Results, func(res Result) bool { return res.Entry == nil })
}

// Explain reads responses from r and explains each against the catalog.
// The error is one of Parse's: the input is not HTTP responses.
func Explain(cat *data.Catalog, r io.Reader) (*Report, error) {
	responses, err := data.ReadResponses(r)
	if err != nil {
		return nil, err
	}
	return Check(cat, responses), nil
}

// Check explains responses that ReadResponses read.
func Check(cat *data.Catalog, responses []*data.Response) *Report {
	rep := &Report{Results: make([]Result, len(responses))}
	for i, resp := range responses {
		results, meaning := cat.ResolveResponse(resp)
		var entry *data.Status
		if len(results) > 0 {
			entry = results[0].Status
		}
		res := &rep.Results[i]
		*res = Result{Status: resp.Code, Phrase: resp.Phrase, Line: resp.Line, Entry: entry,
			ChosenBy: strings.Join(meaning.ChosenBy, "; "), AnsweredBy: meaning.AnsweredBy, NoResponse: resp.Failure, Read: meaning.Read}
		c := checker{resp: resp, entry: entry, cat: cat}
		// A code with a standard meaning means that unless something in
		// the response says otherwise; only vendor codes are ambiguous.
		if res.ChosenBy == "" && len(results) > 1 && !results[0].Status.Official {
			c.ambiguous(results)
		}
		c.all(meaning)
		res.Notes = c.notes
		res.Redirect = redirectOf(resp)
	}
	var found []hopFinding
	rep.Chains, found = chains(responses, rep.Results)
	for _, f := range found {
		res := &rep.Results[f.result]
		if r := res.Redirect; r != nil {
			r.URL = f.url
			if f.method != "" {
				r.Method = f.method
			}
		}
		res.Notes = append(res.Notes, f.notes...)
	}
	for i := range rep.Results {
		notes := rep.Results[i].Notes
		slices.SortStableFunc(notes, func(a, b Note) int { return cmp.Compare(a.Level.rank(), b.Level.rank()) })
		if notes == nil {
			rep.Results[i].Notes = []Note{}
		}
	}
	return rep
}
