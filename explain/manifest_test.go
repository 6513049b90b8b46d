package explain

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

// capture is one row of testdata/real/manifest.tsv: what a correct
// reader must conclude about a response captured from a real program.
type capture struct {
	file, meaning, writer, role, shown, notes string
}

func readManifest(t *testing.T) []capture {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "real", "manifest.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []capture
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for line := 0; s.Scan(); line++ {
		cols := strings.Split(s.Text(), "\t")
		if len(cols) != 12 {
			t.Fatalf("manifest.tsv:%d: %d columns, want 12", line+1, len(cols))
		}
		if line == 0 {
			continue // the header
		}
		out = append(out, capture{file: cols[0], meaning: cols[5], writer: cols[6], role: cols[7], shown: cols[8], notes: cols[11]})
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// verdict is what the manifest test concluded about one capture.
type verdict struct {
	meaning, writer bool
	falseNotes      []Note
	missed          []string // clauses of the notes column not met
}

// Every real capture is read as its manifest row says a correct reader
// must: the right catalog entry for the last response; who wrote it,
// named with its role, wherever the response shows it (a `signature` or
// a `shape`), nobody where it does not (`none`), and for `server` rows
// nobody or the right one; no warn or error note that the row does not
// call for; and every MUST and NOT of the notes column met.
func TestManifest(t *testing.T) {
	cat := data.Load()
	rows := readManifest(t)
	var meanings, falseNotes, clauses, missed int
	writers := map[string][2]int{} // shown → right, of
	for _, row := range rows {
		b, err := os.ReadFile(filepath.Join("testdata", "real", "captures", row.file))
		if err != nil {
			t.Fatal(err)
		}
		v := judge(cat, row, string(b))
		if v.meaning {
			meanings++
		} else {
			t.Errorf("%s: wrong meaning (want %s)", row.file, row.meaning)
		}
		w := writers[row.shown]
		w[1]++
		if v.writer {
			w[0]++
		} else {
			t.Errorf("%s: writer not %s (%s, shown by %s)", row.file, row.writer, row.role, row.shown)
		}
		writers[row.shown] = w
		for _, n := range v.falseNotes {
			t.Errorf("%s: false %s note: %s", row.file, n.Level, n.Message)
		}
		falseNotes += len(v.falseNotes)
		clauses += len(mustClauses(row.notes))
		for _, c := range v.missed {
			t.Errorf("%s: not met: %s", row.file, c)
		}
		missed += len(v.missed)
	}
	shownRight, shown := writers["signature"][0]+writers["shape"][0], writers["signature"][1]+writers["shape"][1]
	t.Logf("%d captures: meaning right %d; writer right %d of %d that show it (signature %d/%d, shape %d/%d), server rows allowed %d/%d, none rows nil %d/%d; false warn/error notes %d; MUST/NOT clauses met %d of %d",
		len(rows), meanings, shownRight, shown, writers["signature"][0], writers["signature"][1], writers["shape"][0], writers["shape"][1],
		writers["server"][0], writers["server"][1], writers["none"][0], writers["none"][1], falseNotes, clauses-missed, clauses)
}

// judge explains one capture and holds it to its row.
func judge(cat *data.Catalog, row capture, in string) verdict {
	var v verdict
	rep, err := Explain(cat, strings.NewReader(in))
	if err != nil || len(rep.Results) == 0 {
		v.missed = append(v.missed, "explain refused it: "+fmt.Sprint(err))
		return v
	}
	last := &rep.Results[len(rep.Results)-1]
	i := strings.LastIndexByte(row.meaning, ' ')
	source := row.meaning[:max(i, 0)]
	n, _ := strconv.Atoi(row.meaning[i+1:])
	v.meaning = last.Entry != nil && last.Entry.Source == source && last.Entry.Code == n

	who := last.AnsweredBy
	right := who != nil && sameSoftware(who.Software, row.writer) && who.Role == row.role
	switch row.shown {
	case "signature", "shape":
		v.writer = right
	case "server":
		v.writer = who == nil || right
	default:
		v.writer = who == nil
	}

	for _, r := range rep.Results {
		for _, n := range r.Notes {
			if n.Level != Info && !allowed(row.notes, n) && !missingDate(r, n) {
				v.falseNotes = append(v.falseNotes, n)
			}
		}
	}
	for _, c := range mustClauses(row.notes) {
		if !met(c, rep, last) {
			v.missed = append(v.missed, c)
		}
	}
	return v
}

// missingDate reports whether a note flags the Date that a 2xx, 3xx or
// 4xx lacks: RFC 9110 §6.6.1 requires it of a server with a clock, so the
// note is right wherever the response has none, whether or not the row
// says MAY (it does for some of HAProxy's generated 4xx, not all).
func missingDate(r Result, n Note) bool {
	return n.Field == "Date" && r.Status >= 200 && r.Status < 500 && strings.HasPrefix(n.Message, "No Date")
}

// sameSoftware compares a responder's name with the manifest's: "Werkzeug
// (Flask)" is Werkzeug, "Tomcat" is Apache Tomcat.
func sameSoftware(got, want string) bool {
	got, want = strings.ToLower(got), strings.ToLower(want)
	return got != "" && (strings.Contains(got, want) || strings.Contains(want, got))
}

// mustClauses are the clauses of a notes column that require or forbid
// something: "MUST …", "MUST NOT …" and "NOT …".
func mustClauses(notes string) []string {
	var out []string
	for c := range strings.SplitSeq(notes, ";") {
		c = strings.TrimSpace(c)
		if strings.HasPrefix(c, "MUST") || strings.HasPrefix(c, "NOT ") || strings.Contains(c, ", NOT an error") {
			out = append(out, c)
		}
	}
	return out
}

// allowed reports whether a warn or error note is one the row's MUST or
// MAY clauses call for.
func allowed(notes string, n Note) bool {
	for c := range strings.SplitSeq(notes, ";") {
		c = strings.TrimSpace(c)
		if !strings.HasPrefix(c, "MUST ") && !strings.HasPrefix(c, "MAY ") || strings.HasPrefix(c, "MUST NOT") {
			continue
		}
		switch {
		case strings.Contains(c, "Allow"):
			if n.Field == "Allow" {
				return true
			}
		case strings.Contains(c, "missing WWW-Authenticate"):
			if n.Field == "WWW-Authenticate" {
				return true
			}
		case strings.Contains(c, "missing Date"):
			if n.Field == "Date" {
				return true
			}
		case strings.Contains(c, "Expires"):
			if n.Field == "Expires" {
				return true
			}
		case strings.Contains(c, "no Retry-After"):
			if n.Field == "Retry-After" {
				return true
			}
		case strings.Contains(c, "stack trace"):
			if strings.Contains(n.Message, "stack trace") {
				return true
			}
		case strings.Contains(c, "downgrade"):
			if strings.Contains(n.Message, "plain HTTP") {
				return true
			}
		case strings.Contains(c, "loop"):
			if strings.Contains(n.Message, "loop") {
				return true
			}
		case strings.Contains(c, "ends on a 3xx"):
			if strings.Contains(n.Message, "stopped following") {
				return true
			}
		}
	}
	return false
}

// met checks one MUST or NOT clause against what explain said.
func met(c string, rep *Report, last *Result) bool {
	said := func(part string) bool {
		if who := last.AnsweredBy; who != nil && strings.Contains(who.Cause, part) {
			return true
		}
		return slices.ContainsFunc(rep.Results, func(r Result) bool {
			return slices.ContainsFunc(r.Notes, func(n Note) bool { return strings.Contains(n.Message, part) })
		})
	}
	hop := func(f func(Hop) bool) bool {
		return slices.ContainsFunc(rep.Chains, func(c Chain) bool { return slices.ContainsFunc(c.Hops, f) })
	}
	cause := ""
	if last.AnsweredBy != nil {
		cause = last.AnsweredBy.Cause
	}
	negative := strings.HasPrefix(c, "NOT ") || strings.HasPrefix(c, "MUST NOT")
	switch {
	case strings.Contains(c, "NOT call this nginx limit_req"):
		return !said("limit_req")
	case strings.Contains(c, "limit_req"):
		return strings.Contains(cause, "limit_req")
	case strings.Contains(c, "NOT an error of the response"):
		return !slices.ContainsFunc(last.Notes, func(n Note) bool { return n.Level == Error })
	case strings.Contains(c, "Retry-After") && negative:
		return !slices.ContainsFunc(last.Notes, func(n Note) bool { return n.Field == "Retry-After" })
	case strings.Contains(c, "read out Retry-After: 120"):
		return slices.ContainsFunc(last.Notes, func(n Note) bool { return n.Field == "Retry-After" && strings.Contains(n.Message, "2 min") })
	case strings.Contains(c, "IANA registry"):
		return !said("not in the IANA registry")
	case negative && strings.Contains(c, "loop"):
		return !said("loop") && !hop(func(h Hop) bool { return h.LoopTo > 0 })
	case negative && strings.Contains(c, "downgrade"):
		return !hop(func(h Hop) bool { return h.Downgrade })
	case strings.Contains(c, "NOT say Squid wrote it"):
		return last.AnsweredBy == nil || last.AnsweredBy.Software != "Squid"
	case negative:
		return true // "NOT warn …", "NOT note a missing …": the false-note count holds them
	case strings.Contains(c, "credentials were rejected"):
		return said("rejected")
	case strings.Contains(c, "detect the loop"):
		return hop(func(h Hop) bool { return h.LoopTo > 0 })
	case strings.Contains(c, "ends on a 3xx"):
		return said("stopped following")
	case strings.Contains(c, "no response"), strings.Contains(c, "curl 52"):
		return last.Status == 0 && last.Entry != nil && last.Entry.Source == "HTTP clients"
	case strings.Contains(c, "missing Allow"), strings.Contains(c, "without Allow"):
		return slices.ContainsFunc(last.Notes, func(n Note) bool { return n.Field == "Allow" && n.Level != Info })
	case strings.Contains(c, "missing WWW-Authenticate"):
		return slices.ContainsFunc(last.Notes, func(n Note) bool { return n.Field == "WWW-Authenticate" && n.Level != Info })
	case strings.Contains(c, "downgrade"):
		return hop(func(h Hop) bool { return h.Downgrade })
	case strings.Contains(c, "broken backend"), strings.Contains(c, "made-up 200"):
		return strings.Contains(cause, "status line")
	case strings.Contains(c, "from its cache"), strings.Contains(c, "from cache"):
		return said("from its cache") || last.AnsweredBy != nil &&
			slices.ContainsFunc(last.AnsweredBy.Via, func(p data.Passer) bool { return p.CacheHit })
	case strings.Contains(c, "no route for"):
		return strings.Contains(cause, "no route for") && strings.Contains(cause, "405")
	case strings.Contains(c, "decode ERR_"):
		code := c[strings.Index(c, "ERR_"):]
		code, _, _ = strings.Cut(code, " ")
		return strings.Contains(cause, code) && (!strings.Contains(c, "refused") || strings.Contains(cause, "refused"))
	case strings.Contains(c, "decode the error"):
		return strings.Contains(cause, "ERR_")
	}
	for _, knob := range []string{"proxy_read_timeout", "client_max_body_size", "LimitRequestBody", "ProxyTimeout", "timeout server", "read_timeout", "response_header_timeout", "read-timeout"} {
		if strings.Contains(c, knob) && !strings.Contains(cause, knob) {
			return false
		}
	}
	// "MUST name X", "MUST say Squid wrote it", "MUST map …": the writer
	// and meaning columns hold them.
	return true
}
