package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// Exit statuses of a command-line answer.
const (
	ExitFound   = 0
	ExitNoMatch = 1
	ExitUsage   = 2
)

// MaxQueryBytes bounds a command-line query; anything longer is a mistake
// (a pasted file), not a search.
const MaxQueryBytes = 1024

// cardWidth is the width of cards that are not printed to a terminal.
const cardWidth = 80

// AnswerOptions say how to print an answer.
type AnswerOptions struct {
	JSON    bool
	Width   int                  // terminal width; 0 when not a terminal
	Profile colorprofile.Profile // colour profile of stdout
	Dark    bool                 // background of the terminal
}

// CheckQuery rejects input that cannot be a query, with a message a person
// can act on.
func CheckQuery(q string) error {
	switch {
	case len(q) > MaxQueryBytes:
		return fmt.Errorf("query is too long (%d bytes; at most %d)", len(q), MaxQueryBytes)
	case !utf8.ValidString(q):
		return errors.New("query is not valid UTF-8")
	case strings.IndexFunc(q, unicode.IsControl) >= 0:
		return errors.New("query contains control characters")
	case strings.TrimSpace(q) == "":
		return errors.New("query is empty")
	}
	return nil
}

// Answer prints what the command line prints for a query: the cards for an
// exact code, one line per entry for a mask or a search, the whole catalog
// for an empty query; or JSON. It returns the exit status.
func Answer(cat *data.Catalog, query string, stdout, stderr io.Writer, o AnswerOptions) int {
	query = strings.TrimSpace(query)
	if query != "" {
		if err := CheckQuery(query); err != nil {
			fmt.Fprintln(stderr, "httpstatus:", err)
			return ExitUsage
		}
	}
	var entries []*data.Status
	cards := false
	status := ExitFound
	switch codes, isCodes := parseCodes(query); {
	case query == "":
		all := cat.All()
		for i := range all {
			entries = append(entries, &all[i])
		}
	case isCodes:
		// One or more codes (httpstatus 301 302 307 308): a card for each
		// entry; the ones that do not exist are named on stderr.
		cards = true
		for _, code := range codes {
			found := cat.Lookup(code)
			if len(found) == 0 {
				fmt.Fprintln(stderr, "httpstatus:", noStatus(cat, code))
				status = ExitNoMatch
			}
			entries = append(entries, found...)
		}
		if len(entries) == 0 {
			return jsonOrNothing(stdout, o, ExitNoMatch)
		}
	default:
		if mask, ok := data.ParseMask(query); ok {
			entries = cat.Class(mask)
			if len(entries) == 0 {
				fmt.Fprintf(stderr, "httpstatus: no status matches %s (HTTP status codes run from 100 to 599)\n", mask)
				return jsonOrNothing(stdout, o, ExitNoMatch)
			}
			break
		}
		for _, r := range cat.Search(query) {
			entries = append(entries, r.Status)
		}
		if len(entries) == 0 {
			fmt.Fprintf(stderr, "httpstatus: nothing matches %q; try fewer words, a code (404) or a class (4xx)\n", data.NormalizeQuery(query))
			return jsonOrNothing(stdout, o, ExitNoMatch)
		}
	}

	if o.JSON {
		if err := writeJSON(stdout, entries); err != nil {
			fmt.Fprintln(stderr, "httpstatus:", err)
			return ExitUsage
		}
		return status
	}
	st := NewStyles(o.Dark) // not before: JSON needs no styles
	stp := &st
	out := &colorprofile.Writer{Forward: stdout, Profile: o.Profile}
	if cards {
		w := cardWidth
		if o.Width > 0 {
			w = min(o.Width, 100)
		}
		for i, s := range entries {
			if i > 0 {
				fmt.Fprintln(out)
			}
			fmt.Fprintln(out, Card(s, cat, stp, CardOptions{Width: w, Hyperlinks: o.Width > 0}))
		}
		return status
	}
	fmt.Fprint(out, Lines(entries, stp, o.Width))
	return ExitFound
}

// parseCodes reads a query of one or more status codes ("404", "301 302").
func parseCodes(q string) ([]int, bool) {
	var codes []int
	for _, f := range strings.Fields(q) {
		code, ok := parseCode(f)
		if !ok {
			return nil, false
		}
		codes = append(codes, code)
	}
	return codes, len(codes) > 0
}

// parseCode reads a status code: three digits, or digits that are clearly
// meant as one (1234, 0).
func parseCode(q string) (int, bool) {
	if q == "" || len(q) > 9 || strings.TrimLeft(q, "0123456789") != "" {
		return 0, false
	}
	if _, isMask := data.ParseMask(q); isMask {
		return 0, false
	}
	n, err := strconv.Atoi(q)
	return n, err == nil
}

func noStatus(cat *data.Catalog, code int) string {
	msg := "no status " + strconv.Itoa(code)
	if code > 599 {
		msg += " (HTTP status codes run from 100 to 599)"
	}
	var near []string
	for _, n := range cat.Nearest(code) {
		near = append(near, data.FormatCode(n))
	}
	if len(near) > 0 {
		msg += "; nearest: " + strings.Join(near, ", ")
	}
	return msg
}

// jsonOrNothing keeps --json output an array even when nothing matched.
func jsonOrNothing(stdout io.Writer, o AnswerOptions, status int) int {
	if o.JSON {
		fmt.Fprintln(stdout, "[]")
	}
	return status
}

func writeJSON(w io.Writer, entries []*data.Status) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(entries)
}

// Lines renders one line per entry: code, phrase, vendor and deprecation
// badges, summary. With width > 0 each line is cut to fit; otherwise lines
// are whole, for pipes and grep.
func Lines(entries []*data.Status, st *Styles, width int) string {
	p := newRowPaints(st, lipgloss.NewStyle())
	labels := make([]rowWriter, len(entries))
	labelW := 0
	for i, s := range entries {
		labels[i].add(p.text, s.Phrase)
		labels[i].badges(&p, s)
		labelW = max(labelW, labels[i].width())
	}
	labelW = min(labelW, 44)
	var b strings.Builder
	for i, s := range entries {
		var w rowWriter
		w.add(p.code[s.Category.Index()], s.CodeString())
		w.add(p.text, "  ")
		w.append(&labels[i])
		w.add(p.text, strings.Repeat(" ", max(labelW-labels[i].width(), 0)+2))
		w.add(p.dim, s.Summary)
		line := w.styled.String()
		if width > 0 && w.width() > width {
			line = ansi.Truncate(line, width, "…")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
