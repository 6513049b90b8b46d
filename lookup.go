package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// Exit statuses of the command line.
const (
	exitFound   = 0
	exitNoMatch = 1
	exitUsage   = 2
)

// cardWidth is the width of cards that are not printed to a terminal.
const cardWidth = 80

// lookupOptions say how to print an answer.
type lookupOptions struct {
	json    bool
	width   int                  // terminal width; 0 when not a terminal
	profile colorprofile.Profile // colour profile of stdout
	dark    bool                 // background of the terminal
}

// lookup prints what the command line prints for a query and returns the
// exit status: cards for the codes a query names (with its words choosing
// among a code's meanings), one line per entry for a class or a search,
// the whole catalog for no query; or JSON.
// The query has passed data.CheckQuery.
func lookup(cat *data.Catalog, raw string, stdout, stderr io.Writer, o lookupOptions) int {
	res := cat.Resolve(raw)
	q, results := res.Query, res.Results
	status := exitFound
	for _, m := range res.Missing {
		fmt.Fprintln(stderr, "httpstatus:", m)
		status = exitNoMatch
	}
	if len(results) == 0 {
		switch {
		case res.Cards: // every code was unknown, and said so
		case q.Mask != (data.Mask{}) && len(q.Words) == 0:
			fmt.Fprintf(stderr, "httpstatus: no status matches %s (HTTP status codes run from 100 to 599)\n", q.Mask)
		default:
			fmt.Fprintf(stderr, "httpstatus: nothing matches %q; try fewer words, a code (404) or a class (4xx)\n", shorten(q.Text, 60))
		}
		if o.json {
			fmt.Fprintln(stdout, "[]")
		}
		return exitNoMatch
	}

	if o.json {
		if err := writeJSON(stdout, results); err != nil {
			fmt.Fprintln(stderr, "httpstatus:", err)
			return exitUsage
		}
		return status
	}
	st := ui.NewStyles(o.dark, o.profile) // not before: JSON needs no styles
	out := profileWriter(stdout, o.profile)
	if !res.Cards {
		fmt.Fprint(out, ui.Lines(results, &st, o.width))
		return status
	}
	w := cardWidth
	if o.width > 0 {
		w = min(o.width, 100)
	}
	printCards(out, cat, results, &st, w, o.width)
	return status
}

// profileWriter fits what is written to the profile: colours it lacks
// become ones it has. On a pipe (NoTTY) the styles are plain, so there is
// nothing to strip and the text goes straight out.
func profileWriter(w io.Writer, p colorprofile.Profile) io.Writer {
	if p == colorprofile.NoTTY {
		return w
	}
	return &colorprofile.Writer{Forward: w, Profile: p}
}

// printCards prints the comparison table when the codes are a family
// people confuse (301 302 307 308), then for each code the card of the
// meaning the query points to, and its other meanings one line each: most
// people who ask for 503 want the standard one, and the line says how to
// ask for Varnish's.
//
// width is the cards'; term is the terminal's, 0 on a pipe, where links
// are plain and lines whole.
func printCards(out io.Writer, cat *data.Catalog, results []data.Result, st *ui.Styles, width, term int) {
	var codes []int
	for _, r := range results {
		if r.Sub == nil && !slices.Contains(codes, r.Status.Code) {
			codes = append(codes, r.Status.Code)
		}
	}
	if f := data.FamilyFor(codes); f != nil {
		fmt.Fprintln(out, ui.CompareTable(f, cat, st, width, nil))
		fmt.Fprintln(out)
	}
	for i := 0; i < len(results); {
		r := results[i]
		j := i + 1
		for j < len(results) && r.Sub == nil && results[j].Sub == nil && results[j].Status.Code == r.Status.Code {
			j++
		}
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintln(out, ui.Card(r.Status, cat, st, ui.CardOptions{Width: width, Hyperlinks: term > 0, Sub: r.Sub}))
		if others := results[i+1 : j]; len(others) > 0 {
			code := r.Status.CodeString()
			fmt.Fprintf(out, "\nOther meanings of %s; add the vendor for its card (httpstatus %s %s):\n", code, code, vendorWord(others[0].Status))
			fmt.Fprint(out, ui.Lines(others, st, term))
		}
		i = j
	}
}

// vendorWord is a word that names an entry's vendor in a query: "varnish".
func vendorWord(s *data.Status) string {
	w, _, _ := strings.Cut(s.Source, " ")
	return strings.ToLower(w)
}

// shorten cuts a long query for a message.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// writeJSON prints results as the JSON contract says: always an array of
// whole entries, each once. A sub-code's entry is its status's, which lists
// it among its subcodes.
func writeJSON(w io.Writer, results []data.Result) error {
	entries := make([]*data.Status, 0, len(results))
	for _, r := range results {
		if !slices.Contains(entries, r.Status) {
			entries = append(entries, r.Status)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(entries)
}
