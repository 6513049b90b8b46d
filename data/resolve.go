package data

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// Resolution is what a query means: the one answer that the command line,
// the explorer, SSH sessions and explain all show.
type Resolution struct {
	Query Query
	// Results are the entries and sub-codes to show, in order: for codes,
	// each code's chosen meaning first and then its others; for a class,
	// a search or no query, the ranked list.
	Results []Result
	// Meanings say, for each code the query names that the catalog has,
	// which meaning was chosen, on what evidence, and who answered.
	Meanings []Meaning
	// Missing are the codes the query names that the catalog lacks.
	Missing []Missing
	// Cards is true when the query named codes and they are the answer:
	// each gets its card, where a class or a search gets a list.
	Cards bool
}

// Meaning is what one code of a query means.
type Meaning struct {
	Code string // as the query named it: "504", "404.3"
	// Entry is the chosen meaning: the first of the code's results. Its
	// code may differ from Code when the writer's own code is the answer
	// (nginx's 494, sent as a 400).
	Entry *Status
	// ChosenBy is what in the input chose the first of the code's results
	// over its standard meaning: `reason phrase "Enhance Your Calm"`,
	// "Server: cloudflare", `the word "nginx"`. Empty when the code alone
	// gives it.
	ChosenBy []string
	// AnsweredBy is who wrote the response, when the query held one that
	// shows it; nil otherwise.
	AnsweredBy *Responder
	// Path are the programs the response shows, in the evidence table's
	// order: the writer and those that passed it on.
	Path []Sighting
	// Read is what part of the input chose the code, when it was read
	// from a status line, a log, a client's message or a vocabulary's
	// name rather than typed; nil otherwise.
	Read *Read

	bySign bool // a sign of the chosen vendor in the response chose it
}

// Missing is a code the catalog lacks, with the nearest ones it has.
type Missing struct {
	Code    string // as the query named it
	Nearest []int
}

// String says so, in one line: "no status 250; nearest: 226, 299".
func (m Missing) String() string {
	if status, _, ok := strings.Cut(m.Code, "."); ok {
		return "no IIS sub-code " + m.Code + "; httpstatus " + status + " lists the ones there are"
	}
	n, err := strconv.Atoi(m.Code)
	if err != nil {
		return "no status " + m.Code
	}
	msg := "no status " + strconv.Itoa(n)
	if n >= 1000 && n < 2000 {
		msg = "no status or Cloudflare error " + strconv.Itoa(n)
	}
	if n > 599 {
		msg += " (HTTP status codes run from 100 to 599)"
	}
	if len(m.Nearest) > 0 {
		near := make([]string, len(m.Nearest))
		for i, c := range m.Nearest {
			near[i] = FormatCode(c)
		}
		msg += "; nearest: " + strings.Join(near, ", ")
	}
	return msg
}

// Text is the query as it was resolved, on one line: each code, the vendor
// of its meaning when something in the input chose a vendor's, then the
// words ("522 cloudflare", "404 not found"), or each code and the term read
// with it ("503 H12"). Resolved again, it means the same: the explorer's
// filter shows it for a pasted response.
func (r Resolution) Text() string {
	parts := slices.Clone(r.Query.Codes)
	if r.Query.Mask.prefix != "" {
		parts = append(parts, r.Query.Mask.String())
	}
	terms := false
	for _, m := range r.Meanings {
		if m.Read != nil && m.Read.Term != nil {
			i := slices.Index(parts, m.Code)
			parts = slices.Insert(parts, i+1, m.Read.Term.Name)
			terms = true
		}
	}
	if terms {
		return strings.Join(parts, " ")
	}
	for _, m := range r.Meanings {
		if !m.bySign {
			continue // the code or the phrase words alone choose it again
		}
		if i := slices.IndexFunc(r.Results, func(res Result) bool { return res.Sub == nil && res.Status.CodeString() == m.Code }); i >= 0 && !r.Results[i].Status.Official {
			parts = append(parts, strings.ToLower(r.Results[i].Status.Source))
		}
	}
	return strings.Join(append(parts, r.Query.Words...), " ")
}

// Resolve reads a query and decides what it means.
func (c *Catalog) Resolve(raw string) Resolution { return c.resolve(ParseQuery(raw)) }

// ResolveResponse decides what one response means: its code's entries, the
// chosen one first, what chose it and who answered. explain calls it for
// each response it reads; a pasted response takes the same path.
func (c *Catalog) ResolveResponse(h *Response) ([]Result, Meaning) {
	m := Meaning{Code: FormatCode(h.Code), Read: &Read{Code: FormatCode(h.Code), From: "status line", Text: clipText(strings.TrimSpace(h.Line), 70)}}
	found, _ := c.Codes([]string{m.Code})
	if len(found) == 0 {
		m.Path = Sightings(h)
		m.AnsweredBy = whoAnswered(c, h, m.Path)
		return nil, m
	}
	return c.meaningOf(found, h, nil, &m), m
}

func (c *Catalog) resolve(q Query) Resolution {
	res := Resolution{Query: q}
	switch {
	case q.Empty():
		res.Results = c.everything()
	case len(q.Codes) > 0:
		found, missing := c.Codes(q.Codes)
		if len(found) == 0 && len(q.Words) > 0 {
			// "took 250 ms" named no catalogued code: the words are the query.
			res.Results = c.search(q.Words, nil)
			break
		}
		res.Cards = true
		for _, code := range missing {
			m := Missing{Code: code}
			if n, err := strconv.Atoi(strings.SplitN(code, ".", 2)[0]); err == nil {
				m.Nearest = c.Nearest(n)
			}
			res.Missing = append(res.Missing, m)
		}
		res.Results, res.Meanings = c.meanings(found, q)
		// Several terms of one name ("NotFound": Kubernetes and gRPC) are
		// a list to choose from, not cards.
		for i := 1; i < len(res.Results); i++ {
			if a, b := res.Results[i-1], res.Results[i]; a.Sub != nil && b.Sub != nil && a.Sub.Term != nil && b.Sub.Term != nil && a.Status == b.Status {
				res.Cards = false
			}
		}
	case q.Mask.prefix != "":
		class := c.classResults(q.Mask)
		res.Results = class
		if len(q.Words) > 0 {
			res.Results = c.rankWithin(class, q.Words)
		}
	default:
		res.Results = c.search(q.Words, nil)
	}
	return res
}

// meanings orders the results of the codes a query names, each code's
// chosen meaning first, and says what chose it. A sub-code that the words
// match better than the code's entries ("404 mime") comes first.
func (c *Catalog) meanings(found []Result, q Query) ([]Result, []Meaning) {
	var flags []Result // the query's words against the codes' entries
	var out []Result
	if len(q.Words) > 0 {
		flags = c.rank(c.score(q.Words, c.within(found)), len(q.Words), false)
		entryBest := 0
		for _, r := range flags {
			if r.Sub == nil {
				entryBest = max(entryBest, r.matched)
			}
		}
		for _, r := range flags {
			if r.Sub != nil && r.Sub.Term == nil && r.matched > entryBest && !slices.ContainsFunc(found, func(f Result) bool { return f.Sub == r.Sub }) {
				out = append(out, r) // "404 mime": the words name a sub-code, not the entries
			}
		}
	}
	var meanings []Meaning
	for from := 0; from < len(found); {
		to := from + 1
		for to < len(found) && found[to].Sub == nil && found[from].Sub == nil && found[to].Status.Code == found[from].Status.Code {
			to++
		}
		group := slices.Clone(found[from:to])
		code := group[0].Status.CodeString()
		if group[0].Sub != nil {
			code = group[0].Sub.Code
		}
		m := Meaning{Code: code}
		var head *Response
		if group[0].Sub == nil {
			for i := range q.Heads {
				if q.Heads[i].Code == group[0].Status.Code {
					head = q.Heads[i]
					break
				}
			}
		}
		var terms []*Term
		for i := range q.Reads {
			if r := &q.Reads[i]; r.Code == code {
				if m.Read == nil {
					m.Read = r
				}
				if r.Term != nil {
					terms = append(terms, r.Term)
				}
			}
		}
		ordered := c.meaningOf(group, head, flags, &m)
		if len(terms) > 0 && group[0].Sub == nil {
			// The terms say what the code means here: each is shown on the
			// entry it points to, the way a sub-code is.
			first := ordered[0]
			ordered = ordered[:0:0]
			for _, t := range terms {
				ordered = append(ordered, Result{Status: first.Status, Sub: &t.Sub, CodeDigits: first.CodeDigits, index: first.index})
			}
		}
		out = append(out, ordered...)
		meanings = append(meanings, m)
		from = to
	}
	return out, meanings
}

// standing is how the input points at one meaning of a code, strongest
// signal first.
type standing struct {
	meant    bool // the writer's own code for what its status line calls another
	other    bool // a vendor's meaning, when a sign shows another wrote it
	read     bool // what was read points to its vendor: S3's SlowDown, an ELB log
	phrase   bool // the reason phrase is the entry's phrase or a former name
	sign     int  // place of the first sign on the path naming its vendor; -1 none
	vendor   bool // the words name its vendor ("499 nginx")
	named    int  // words of its phrase the query holds whole
	keywords int
	official bool
}

func (a standing) compare(b standing) int {
	switch {
	case a.meant != b.meant:
		return boolOrder(a.meant)
	case a.other != b.other:
		return boolOrder(!a.other)
	case a.read != b.read:
		return boolOrder(a.read)
	case a.phrase != b.phrase:
		return boolOrder(a.phrase)
	case a.sign != b.sign:
		if a.sign < 0 || b.sign < 0 {
			return boolOrder(a.sign >= 0)
		}
		return a.sign - b.sign
	case a.vendor != b.vendor:
		return boolOrder(a.vendor)
	case a.named != b.named:
		return b.named - a.named
	case a.keywords != b.keywords:
		return b.keywords - a.keywords
	case a.official != b.official:
		return boolOrder(a.official)
	}
	return 0
}

// meaningOf orders the meanings of one code (or one sub-code) by what the
// input says of them, the one algorithm every face uses: a reason phrase
// that names one, then a sign of its vendor in the response (the evidence
// table), then words that name its vendor, its phrase or its keywords,
// then the standard meaning. It fills in what chose the first one and, for
// a response, who answered.
func (c *Catalog) meaningOf(group []Result, h *Response, flags []Result, m *Meaning) []Result {
	var sources, signs []string
	var own []bool
	if h != nil {
		m.Path = Sightings(h)
		sources, signs, own = signsOnPath(m.Path)
		m.AnsweredBy = whoAnswered(c, h, m.Path)
		if h.Failure != nil {
			// The client's own words: no response came, and "000" is what
			// clients, not a server or a log, say then.
			sources, signs = append(sources, clientSource), append(signs, "curl's "+strconv.Quote(h.Failure.Message))
			own = append(own, true)
		}
		if who := m.AnsweredBy; who != nil && who.means != 0 && group[0].Sub == nil {
			group = c.ownEntries(who, group)
		}
	}
	registered := slices.ContainsFunc(group, func(r Result) bool { return r.Sub == nil && r.Status.Official })
	stand := make([]standing, len(group))
	for i := range group {
		r := &group[i]
		st := &stand[i]
		st.sign, st.official = -1, r.Status.Official && r.Sub == nil
		st.read = m.Read != nil && m.Read.Meaning != "" && r.Sub == nil && r.Status.Source == m.Read.Meaning
		if j := slices.IndexFunc(flags, func(o Result) bool { return o.Status == r.Status && o.Sub == r.Sub }); j >= 0 {
			f := flags[j]
			st.vendor, st.named, st.keywords = f.vendor, bits.OnesCount32(f.named), f.keywords
			r.Phrase, r.Hint = f.Phrase, f.Hint
		}
		if r.Sub != nil || h == nil {
			continue
		}
		if st.meant = r.Status.Code != h.Code; st.meant {
			continue
		}
		st.phrase = h.Phrase != "" && (SamePhrase(h.Phrase, r.Status.Phrase) ||
			slices.ContainsFunc(r.Status.Aliases, func(a string) bool { return SamePhrase(a, h.Phrase) }))
		if who := m.AnsweredBy; who != nil && who.bySign && !r.Status.Official && !who.Sends(r.Status.Source) {
			// A sign shows who wrote it, and it is not this vendor: nginx's
			// limit_req page says "Service Temporarily Unavailable" as an
			// AWS load balancer's does.
			st.other = true
		}
		if !r.Status.Official {
			st.sign = slices.IndexFunc(sources, func(s string) bool { return strings.EqualFold(s, r.Status.Source) })
			if st.sign >= 0 && registered && !own[st.sign] {
				st.sign = -1
			}
		}
	}
	order := make([]int, len(group))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return stand[a].compare(stand[b]) })
	out := make([]Result, len(group))
	for i, j := range order {
		out[i] = group[j]
	}
	m.Entry = out[0].Status
	if who := m.AnsweredBy; who != nil && !who.Wrote && stand[order[0]].phrase && !out[0].Status.Official && who.Sends(out[0].Status.Source) {
		who.Wrote = true // its own phrase for the code: Amazon S3's "503 Slow Down"
	}
	first, std := stand[order[0]], standard(stand)
	anySign := slices.ContainsFunc(stand, func(s standing) bool { return s.sign >= 0 })
	narrowed := first.phrase && slices.ContainsFunc(stand, func(s standing) bool { return !s.phrase })
	switch {
	case h != nil && out[0].Sub == nil && out[0].Status.Code != h.Code:
		// The writer's own code, which its status line does not say.
		m.ChosenBy, m.bySign = []string{m.AnsweredBy.meansBy}, true
	case len(group) == 1: // the only meaning: nothing chose it
	case first.read && order[0] != std:
		m.ChosenBy = []string{m.Read.From + ": " + m.Read.Text}
	case first.sign >= 0 && (order[0] != std || !stand[std].official):
		m.ChosenBy, m.bySign = []string{signs[first.sign]}, true
	case narrowed && (order[0] != std || anySign || !stand[std].official):
		// The phrase chose among vendor meanings, or other than the code
		// alone would, or overruled a sign: worth naming.
		m.ChosenBy = []string{"reason phrase " + strconv.Quote(clipText(h.Phrase, 60))}
	case order[0] == std:
	case first.vendor:
		m.ChosenBy = []string{"the vendor named in the query (" + out[0].Status.Source + ")"}
	case first.named > 0 || first.keywords > 0:
		m.ChosenBy = []string{"words of the query that name it"}
	}
	return out
}

// standard is the meaning a code has when nothing says otherwise: its
// official entry, else the first.
func standard(stand []standing) int {
	if i := slices.IndexFunc(stand, func(s standing) bool { return s.official }); i >= 0 {
		return i
	}
	return 0
}

// clientSource is the catalog vendor of the codes clients report when no
// response came.
const clientSource = "HTTP clients"

// ownEntries puts first, before a code's entries, the entries of the code
// the writer's cause says the response is (nginx's 494 for its 400 page
// titled "Request Header Or Cookie Too Large").
func (c *Catalog) ownEntries(who *Responder, group []Result) []Result {
	var own []Result
	for i, k := range c.keys {
		if k.code == who.means && !k.official {
			if e := c.entry(i); sourceIn(who.sources, e.Source) {
				own = append(own, Result{Status: e, CodeDigits: 3, index: i})
			}
		}
	}
	return append(own, group...)
}
