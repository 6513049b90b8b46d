package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

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
		if err := writeJSON(stdout, ui.Entries(cat, res)); err != nil {
			fmt.Fprintln(stderr, "httpstatus:", err)
			return exitFailure
		}
		return status
	}
	st := ui.NewStyles(o.dark, o.profile) // not before: JSON needs no styles
	out := profileWriter(stdout, o.profile)
	if !res.Cards {
		fmt.Fprint(out, ui.Lines(results, &st, o.width))
		return status
	}
	printCards(out, cat, res, &st, textWidth(o.width), o.width)
	return status
}

// printCards prints the comparison table when the codes are a family
// people confuse (301 302 307 308), then for each code the card of the
// meaning the query points to, its other meanings one line each (most
// people who ask for 503 want the standard one, and the line says how to
// ask for Varnish's), and last its vendors' sub-codes, several to a line.
//
// width is the cards'; term is the terminal's, 0 on a pipe, where links
// are plain and lines whole.
func printCards(out io.Writer, cat *data.Catalog, res data.Resolution, st *ui.Styles, width, term int) {
	results := res.Results
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
		if l := ui.ReadLine(res, r, st, term); l != "" {
			fmt.Fprintln(out, l)
		}
		fmt.Fprintln(out, ui.Card(r.Status, cat, st, ui.CardOptions{Width: width, Hyperlinks: term > 0, Sub: r.Sub, OmitLists: true}).Text)
		if others := results[i+1 : j]; len(others) > 0 {
			code := r.Status.CodeString()
			fmt.Fprintf(out, "\nOther meanings of %s; add the vendor for its card (httpstatus %s %s):\n", code, code, vendorWord(others[0].Status))
			fmt.Fprint(out, ui.Lines(others, st, term))
		}
		if len(r.Status.SubCodes) > 0 {
			fmt.Fprintf(out, "\n%s\n", ui.SubCodeList(r.Status, r.Sub, st, width))
		}
		if names := ui.TermList(r.Status, cat, st, width); names != "" {
			fmt.Fprintf(out, "\n%s\n", names)
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
