package data

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Read is what in a query chose one of its codes: a status line, a log
// field, a client's words around a number ("got 500"), or a name in one of
// the vocabularies ("Error from server (Forbidden)"). Codes typed as codes
// have none.
type Read struct {
	Code string `json:"code"` // the code it chose: "404", "000"
	// From is how it was read: "status line", "log line", "log field",
	// "client message", or the name of the vocabulary of the term.
	From string `json:"from"`
	// Text is the part of the input it was read from, on one line.
	Text string `json:"text"`
	// Term is the vocabulary term read, if any.
	Term *Term `json:"-"`
	// Meaning is the catalog source of the entry the input points to
	// ("Amazon S3" for S3's SlowDown); "" for the code's standard meaning.
	Meaning string `json:"-"`
}

// MarshalJSON writes a Read as README's JSON table says: code, from,
// text, and the term ({vocabulary, name, status}) or null.
func (r Read) MarshalJSON() ([]byte, error) {
	out := struct {
		Code string    `json:"code"`
		From string    `json:"from"`
		Text string    `json:"text"`
		Term *TermName `json:"term"`
	}{Code: r.Code, From: r.From, Text: r.Text}
	if r.Term != nil {
		ref := r.Term.Ref()
		out.Term = &ref
	}
	return json.Marshal(out)
}

// String says what was read, in one line: "Kubernetes status reason:
// Forbidden → 403", "client message: got 500 (expected 200) → 500".
func (r Read) String() string { return r.From + ": " + r.Text + " → " + r.Code }

// How strongly a line frames a number as its status, weakest first.
const (
	rankNone   = iota
	rankWeak   // a number standing alone: "404", "401 or 403"
	rankPhrase // followed by its reason phrase: "404 Not Found"
	rankFramed // after status, code, HTTP or error: "status code 429"
	rankLog    // where a log format puts the status
	rankActual // "got 500", "assert 500 == 200": the one a test received
)

// number is a number in a line that may be a status.
type number struct {
	code     string // three digits, "000" for 0 and -1
	at       int    // where the number is in the line
	width    int    // and how long it is there
	start    int    // where its frame starts in the line
	end      int    // where the number (or its phrase) ends
	rank     int
	expected bool   // what a test wanted, not what it got
	phrase   string // the reason phrase after it, lower-cased
	from     string
	meaning  string // the catalog source a log format points to
	// phraseOnly: the words that tell meanings apart are the reason
	// phrase alone; the rest of the line is the server's own message.
	phraseOnly bool
}

// lineReading is what one line of a query says.
type lineReading struct {
	read  *Read
	words []string // what tells the read code's meanings apart
	weak  []string // codes standing alone, when nothing else was read
}

// readLines reads every line of a pasted text and returns what the lines
// say: the codes they frame or name, in order and without repeats, and
// the words of the first that tell a code's meanings apart. It returns
// nil when no line frames or names a code.
func readLines(raw string) (reads []Read, words []string) {
	var v *vocabularies // every name holds a letter: "404" needs none
	if strings.IndexFunc(raw, unicode.IsLetter) >= 0 {
		v = loadVocabularies()
	}
	for line := range strings.Lines(raw) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		lr := readLine(v, unescapeQuotes(line), raw)
		if lr.read == nil || slices.ContainsFunc(reads, func(r Read) bool { return r.Code == lr.read.Code }) {
			continue
		}
		if len(reads) == 0 {
			words = lr.words
		}
		reads = append(reads, *lr.read)
	}
	return reads, words
}

// logWords are the words of a log line but its status and its addresses,
// which carry no meaning: the reason phrase, a vendor's fields.
func logWords(line string, n *number) []string {
	var out []string
	for _, f := range strings.Fields(line[:n.at] + " " + line[n.at+n.width:]) {
		if strings.Contains(f, "://") || strings.Count(f, ".") >= 2 || strings.Contains(f, "/") && !strings.HasPrefix(f, "HTTP/") {
			continue // a URL, a host or an address, a path
		}
		out = append(out, strings.ToLower(f))
	}
	return out
}

// unescapeQuotes undoes the escaping of quotes that logs nest inside
// quoted fields: err="... \"Internal Server Error\" ...".
func unescapeQuotes(s string) string {
	if !strings.Contains(s, `\"`) {
		return s
	}
	return strings.NewReplacer(`\\\"`, `"`, `\"`, `"`).Replace(s)
}

// readLine decides what one line says: the strongest number, the terms
// it names, and which of them chose the code. whole is the entire input,
// where context and conditions are looked for.
func readLine(v *vocabularies, line, whole string) lineReading {
	nums := append(numbersIn(line), logNumbers(line)...)
	var hits []termHit
	if v != nil {
		hits = v.termsIn(line, whole)
	}
	var best *number
	for i := range nums {
		n := &nums[i]
		if n.expected || n.rank <= rankWeak {
			continue
		}
		// Among equals, a log format's reading says more than a number's
		// frame: its words are the line's fields.
		if best == nil || n.rank > best.rank || n.rank == best.rank && best.from == "client message" && n.from != "client message" {
			best = n
		}
	}
	if best != nil && !catalogued(best.code) && slices.ContainsFunc(hits, func(h termHit) bool { return h.term != nil }) {
		best = nil // "connect error: 111" is an errno; the term says more
	}
	beside := false // the status stands beside the name, in one pattern
	for i := range hits {
		if h := &hits[i]; h.status != "" && (best == nil || best.rank < rankLog) {
			// A pattern that places the status beside the name: HAProxy's
			// "503 ... SC--", Envoy's "503 UF".
			best = &number{code: h.status, rank: rankLog, from: "log line", start: h.start, end: h.end}
			beside = true
		}
	}
	if best != nil {
		read := &Read{Code: best.code, From: best.from, Text: clipText(strings.TrimSpace(line[best.start:best.end]), 70), Meaning: best.meaning}
		if want := expectedIn(nums); want != "" && best.rank == rankActual {
			read.Text += " (expected " + want + ")"
		}
		if h := v.choose(hits, best.code, whole); h != nil {
			read.Term, read.From = h.term, h.term.Vocabulary.Name
			read.Text = clipText(h.text+", "+read.Text, 70)
			if beside {
				read.Text = h.text
			}
			if best.code == FormatCode(h.term.Status) {
				read.Meaning = h.term.Meaning
			}
		}
		lr := lineReading{read: read, words: strings.Fields(best.phrase)}
		if best.rank >= rankFramed && best.from != "client message" && read.Term == nil && !best.phraseOnly {
			lr.words = logWords(line, best)
		}
		return lr
	}
	if h := v.choose(hits, "", whole); h != nil {
		t := h.term
		code, why := t.statusIn(whole)
		text := h.text
		if why != "" {
			text += " (" + why + ")"
		}
		read := &Read{Code: FormatCode(code), From: t.Vocabulary.Name, Text: clipText(text, 70), Term: t}
		if code == t.Status {
			read.Meaning = t.Meaning
		}
		return lineReading{read: read}
	}
	var weak []string
	for _, n := range nums {
		if n.rank == rankWeak && !n.expected {
			weak = appendNew(weak, n.code)
		}
	}
	return lineReading{weak: weak}
}

// accessLog finds the status after the request of a common or combined
// access log: "GET / HTTP/1.1" 499 0 (its quotes may be lost to a shell).
// It starts with the text it requires, so the engine skips to it.
var accessLog = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(` HTTP/[0-9.]+"? ([0-9]{3}|0)\b`)
})

// requestStatuses finds the statuses a client logs after the request it
// made: "GET https://host/path 403", "POST /v1/orders 502 (Bad Gateway)".
func requestStatuses(line string) []number {
	var out []number
	for from := 0; from < len(line); {
		sp := strings.IndexByte(line[from:], ' ')
		if sp < 0 {
			break
		}
		sp += from
		from = sp + 1
		m := sp
		for m > 0 && line[m-1] >= 'A' && line[m-1] <= 'Z' {
			m--
		}
		if !isMethod(line[m:sp]) || m > 0 && isWordByte(line[m-1]) {
			continue
		}
		url := line[sp+1:]
		if !strings.HasPrefix(url, "/") && !strings.Contains(url[:strings.IndexFunc(url+" ", unicode.IsSpace)], "://") {
			continue
		}
		end := strings.IndexAny(url, " \t\"")
		if end < 0 || url[end] != ' ' {
			continue
		}
		at := sp + 1 + end + 1
		j := at
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		if j-at != 3 || line[at] < '1' || line[at] > '5' || j < len(line) && (isWordByte(line[j]) || strings.IndexByte("/.:", line[j]) >= 0) {
			continue
		}
		n := number{code: line[at:j], at: at, width: 3, start: m, end: j, rank: rankLog, from: "log line", phraseOnly: true}
		if p := phraseAfter(line, j, n.code); p != "" {
			n.phrase, n.end = p, phraseEnd(line, j, p)
		}
		out = append(out, n)
	}
	return out
}

// logNumbers are the statuses that log formats put in a line.
func logNumbers(line string) []number {
	if !mayBeLogLine(line) && !strings.Contains(line, " - ") {
		return nil
	}
	var out []number
	if strings.Contains(line, " HTTP/") {
		for _, m := range accessLog().FindAllStringSubmatchIndex(line, -1) {
			at, end := m[2], m[3]
			start := m[0] // the request and the status: "GET /x HTTP/1.1" 499
			if q := strings.LastIndexByte(line[:m[0]], '"'); q >= 0 && m[0]-q < 200 {
				start = q
			}
			out = append(out, number{code: canonicalCode(line[at:end]), at: at, width: end - at,
				start: start, end: end, rank: rankLog, from: "log line"})
		}
	}
	out = append(out, requestStatuses(line)...)
	out = append(out, statusFields(line)...)
	out = append(out, phraseFields(line)...)
	fields := strings.Fields(line)
	if n, ok := iisNumber(line, fields); ok {
		out = append(out, n)
	}
	if n, ok := elbNumber(line, fields); ok {
		out = append(out, n)
	}
	return out
}

// statusKeys name a status field in a structured log or JSON.
var statusKeys = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"status": true, "statuscode": true, "status_code": true, "httpstatus": true, "http_status": true,
		"responsecode": true, "response_code": true, "upstream_status": true,
	}
})

// statusFields finds status fields: status=502, "status": 502,
// status_code: 502, StatusCode=404; a bare "code" counts only as a quoted
// JSON key ({"code": 498}). Not systemd's status=203/EXEC.
func statusFields(line string) []number {
	lower := strings.ToLower(line)
	var out []number
	for _, word := range []string{"status", "code"} {
		for from := 0; ; {
			i := strings.Index(lower[from:], word)
			if i < 0 {
				break
			}
			i += from
			from = i + len(word)
			start, end := i, i+len(word)
			for start > 0 && (isWordByte(lower[start-1]) || lower[start-1] == '_') {
				start--
			}
			for end < len(lower) && (isWordByte(lower[end]) || lower[end] == '_') {
				end++
			}
			key := lower[start:end]
			quoted := start > 0 && lower[start-1] == '"' && end < len(lower) && lower[end] == '"'
			if word == "code" && !(key == "code" && quoted) || word == "status" && !statusKeys()[key] {
				continue
			}
			if n, ok := fieldValue(line, start, end); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// phraseKeys name a field whose value is a reason phrase: Maven's
// "ReasonPhrase:Unauthorized", a JavaScript response's statusText, the
// error message a servlet sent with its status (MockMvc's print()).
var phraseKeys = []string{"reasonphrase", "reason phrase", "reason_phrase", "statustext", "status_text",
	"error message", "errormessage", "error_message"}

// phraseFields reads a status from the reason phrase a field gives
// without the code: "ReasonPhrase:Unauthorized." is 401.
func phraseFields(line string) []number {
	if !strings.Contains(line, "eason") && !strings.Contains(line, "tatus") && !strings.Contains(line, "essage") {
		return nil // each key holds one of these, in its usual case
	}
	lower := strings.ToLower(line)
	var out []number
	for _, key := range phraseKeys {
		i := strings.Index(lower, key)
		if i < 0 {
			continue
		}
		j := i + len(key)
		rest := strings.TrimLeft(lower[j:], " \t\"'")
		if rest == "" || rest[0] != ':' && rest[0] != '=' {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\"'")
		at := len(lower) - len(rest)
		if code, p := phraseCode(rest); code != "" {
			out = append(out, number{code: code, at: at, width: len(p), start: i, end: at + len(p), rank: rankFramed,
				from: "log field", phrase: p, phraseOnly: true})
		}
	}
	return out
}

// phraseCode is the status whose reason phrase starts text (lower-case),
// and the phrase; the longest phrase wins ("request entity too large"
// over "request").
func phraseCode(text string) (code, phrase string) {
	if text == "" || !isWordByte(text[0]) {
		return "", ""
	}
	c := Load()
	for n := 100; n < 600; n++ {
		p, _, ok := c.Brief(n)
		p = strings.ToLower(p)
		if ok && len(p) > len(phrase) && strings.HasPrefix(text, p) && (len(text) == len(p) || !isWordByte(text[len(p)])) {
			code, phrase = FormatCode(n), p
		}
	}
	return code, phrase
}

// fieldValue reads the status after a field's key at line[start:end]:
// a closing quote, spaces, = or :, spaces, an opening quote, three digits
// that end there.
func fieldValue(line string, start, end int) (number, bool) {
	j := end
	if j < len(line) && (line[j] == '"' || line[j] == '\'') {
		j++
	}
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j >= len(line) || line[j] != '=' && line[j] != ':' {
		return number{}, false
	}
	for j++; j < len(line) && (line[j] == ' ' || line[j] == '\t'); j++ {
	}
	if j < len(line) && (line[j] == '"' || line[j] == '\'') {
		j++
	}
	at := j
	for j < len(line) && isDigit(line[j]) {
		j++
	}
	if j-at != 3 || j < len(line) && (isNameByte(line[j]) || strings.IndexByte("/.:", line[j]) >= 0) {
		return number{}, false
	}
	if start > 0 && line[start-1] == '"' {
		start--
	}
	return number{code: line[at:j], at: at, width: 3, start: start, end: j, rank: rankFramed, from: "log field"}, true
}

// iisNumber reads an IIS (W3C) log line, which ends with sc-status,
// sc-substatus, sc-win32-status and time-taken: "GET /a.json - 443 - 10.0.0.9
// Mozilla/5.0 - 404 3 50 15" is 404.3.
func iisNumber(line string, fields []string) (number, bool) {
	n := len(fields)
	if n < 6 || !slices.ContainsFunc(fields[:n-4], isMethod) {
		return number{}, false
	}
	status, sub := fields[n-4], fields[n-3]
	if !isCode(status) || status[0] < '1' || status[0] > '5' || !allDigits(sub) || len(sub) > 3 || !allDigits(fields[n-2]) || !allDigits(fields[n-1]) {
		return number{}, false
	}
	code := status
	if sub != "0" {
		code += "." + sub
	}
	at := strings.LastIndex(line, " "+status+" "+sub+" ") + 1
	return number{code: code, at: at, width: len(status), start: at, end: len(line), rank: rankLog, from: "IIS log line"}, true
}

func isMethod(f string) bool {
	switch f {
	case "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "PROPFIND":
		return true
	}
	return false
}

// elbNumber reads an AWS load balancer's access log: three processing
// times (-1 when a step never happened), the load balancer's status and
// the target's, "-" when the target sent none and the load balancer
// answered itself, then the bytes received and sent.
func elbNumber(line string, fields []string) (number, bool) {
	for k := 0; k+6 < len(fields); k++ {
		status, target := fields[k+3], fields[k+4]
		if !isTime(fields[k]) || !isTime(fields[k+1]) || !isTime(fields[k+2]) || !isCode(status) || status == "0" ||
			target != "-" && !isCode(target) || !allDigits(fields[k+5]) || !allDigits(fields[k+6]) {
			continue
		}
		n := number{code: status, width: 3, rank: rankLog, from: "AWS load balancer log"}
		n.at = strings.Index(line, " "+status+" "+target+" ") + 1
		n.start, n.end = n.at, n.at+len(status)+1+len(target)
		if target == "-" {
			n.meaning = "AWS ELB"
		}
		return n, true
	}
	return number{}, false
}

// isTime is a processing time in an ELB log: seconds, or -1.
func isTime(f string) bool {
	if f == "-1" {
		return true
	}
	whole, frac, ok := strings.Cut(f, ".")
	return ok && allDigits(whole) && allDigits(frac)
}

// catalogued reports whether the catalog has entries for a code as the
// reader writes it ("404", "000", "404.3").
func catalogued(code string) bool {
	status, _, _ := strings.Cut(code, ".")
	n := 0
	for _, c := range status {
		n = n*10 + int(c-'0')
	}
	_, _, ok := Load().Brief(n)
	return ok
}

// expectedIn is the code a test expected, when the line says so.
func expectedIn(nums []number) string {
	for _, n := range nums {
		if n.expected {
			return n.code
		}
	}
	return ""
}

// statusIn is the status a term comes with in this input: the first of
// its conditions that holds, else its own; and the text that held.
func (t *Term) statusIn(input string) (int, string) {
	for _, w := range t.When {
		for _, c := range w.Contains {
			if strings.Contains(input, c) {
				return w.Status, strings.TrimSpace(c)
			}
		}
	}
	return t.Status, ""
}

// numbersIn finds the numbers of a line that may be statuses and how the
// line frames each.
func numbersIn(line string) []number {
	var out []number
	// A failed check or test names what it wanted: k6's "✗ status is
	// 200", Jest's "✕ returns 200 (12 ms)".
	failed := startsWith(strings.TrimLeft(line, " \t"), "✗", "✕", "✘", "×")
	for i := 0; i < len(line); i++ {
		if !isDigit(line[i]) || i > 0 && isDigit(line[i-1]) {
			continue
		}
		j := i
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		start := i
		if i > 0 && line[i-1] == '-' && line[i:j] == "1" && (i == 1 || line[i-2] == ' ') {
			start = i - 1 // HAProxy's and ELB's -1: no status
		}
		if n, ok := classify(line, start, j); ok {
			if failed {
				n.expected, n.rank = true, rankFramed
			}
			out = append(out, n)
		}
		i = j
	}
	return out
}

// classify says whether the number at line[i:j] may be a status, and how
// strongly the line frames it as one.
func classify(line string, i, j int) (number, bool) {
	digits := line[i:j]
	n := number{at: i, width: j - i, start: i, end: j, from: "client message"}
	switch {
	case len(digits) == 3 && digits != "000":
		n.code = digits
	case digits == "0" || digits == "000" || digits == "-1":
		n.code = "000"
	default:
		return n, false
	}
	// Part of something else: a decimal, a version, an address, a time,
	// a path, a fraction, an identifier.
	if j < len(line) {
		c := line[j]
		if isNameByte(c) || c == '%' || c == '/' || (c == '.' || c == ':' || c == ',' || c == '-') && j+1 < len(line) && isDigit(line[j+1]) {
			return n, false
		}
	}
	before, punct, attached := wordsBefore(line, i, 12)
	prev, prev2 := at(before, 0), at(before, 1)
	if i > 0 && isNameByte(line[i-1]) {
		return n, false
	}
	after := wordsAfter(line, j, 2)
	switch {
	case quantityBefore()[prev] || prev2 == "exit" || prev == "status" && (prev2 == "exited" || prev2 == "with" && at(before, 2) == "exited"):
		return n, false // "line 500", "port 443", "Exit Code: 137", "exited with status 143"
	case unitAfter()[at(after, 0)] && !strings.HasPrefix(line[j:], ")") && !(at(after, 0) == "requests" && prev == "many"):
		return n, false // "504 milliseconds", "500 messages dropped"
	case strings.TrimSpace(line[:i]) != "" && countedAfter(line, j) && phraseAfter(line, j, n.code) == "":
		return n, false // "Downloaded 404 artifacts": a count of things ("499 arcgis" typed is a query)
	case attached && strings.HasSuffix(punct, "/") && prev != "status":
		return n, false // a path: only MDN's /Status/429 names one
	case attached && (strings.HasSuffix(punct, "#") || strings.HasSuffix(punct, "*") || strings.HasSuffix(punct, ".")):
		return n, false // nginx's "23613#23613", "*5", a dotted name
	case strings.HasPrefix(line[j:], ":") && strings.HasSuffix(punct, "("):
		return n, false // an errno: "(104: Connection reset by peer)"
	case attached && strings.HasSuffix(punct, ":") && !statusWords()[prev]:
		return n, false // "host:443", "orders.go:429"
	case tableCell(line, i, j) && !statusWords()[prev] && phraseAfter(line, j, n.code) == "":
		return n, false // a count in a table: "│ requests │ 404 │ 0 │"
	}
	switch {
	case actualWords()[prev] || prev == "was" || (strings.HasPrefix(strings.TrimLeft(line[j:], " "), "==") || strings.HasPrefix(strings.TrimLeft(line[j:], " "), "!=")) || startsWith(line[j:], " to equal", " to be ", " to eql"):
		n.rank = rankActual
		n.start = wordStart(line, i, before, 1)
	case slices.Contains(before, "expected") || slices.Contains(before, "expecting") || slices.Contains(before, "want") ||
		strings.Contains(punct, "=") && (strings.Contains(punct, "==") || strings.Contains(punct, "!=")) || prev == "equal" || prev == "eql":
		n.expected = gotAfterExpected(before)
		n.rank = rankFramed
	case (prev == "is" || prev == "be") && strings.Contains(line[:i], "Assertion"):
		// a failed assertion's title says what it wanted: Newman's
		// "AssertionError  Response status code is 200"
		n.expected, n.rank = true, rankFramed
	}
	if n.rank == 0 {
		switch {
		case attached && strings.HasSuffix(punct, "=") && !statusWords()[prev]:
			return n, false // "bytes=403": some other field
		case statusWords()[prev] || statusWords()[prev2] && (prev == "of" || prev == "is") ||
			strings.HasSuffix(punct, ":") && (strings.HasSuffix(prev, "error") || strings.HasSuffix(prev, "exception") || className(line, i)):
			// "HTTPError: 404", "exceptions.PermissionDenied: 403": an
			// error class names the status after it
			n.rank = rankFramed
			n.start = wordStart(line, i, before, 2) // "returned error: 404", "status code 429"
		case strings.HasSuffix(punct, ":") && prev != "" && !statusWords()[prev]:
			if errorClass().MatchString(line[max(0, i-60):i]) {
				// "ProtocolError for pypi.org/pypi: 403 Must access
				// using HTTPS": the error's own words name the status
				n.rank = rankFramed
			} else if p := phraseAfter(line, j, n.code); p == "" {
				return n, false // "Complete requests: 500", "Content-Length: 404"
			}
		}
	}
	if p := phraseAfter(line, j, n.code); p != "" {
		n.phrase = p
		n.end = phraseEnd(line, j, p)
		// "502 bad gateway" typed alone is a query, not a message.
		if n.rank < rankPhrase && (strings.TrimSpace(line[:i]) != "" || strings.TrimLeft(line[n.end:], " .") != "") {
			n.rank = rankPhrase
		}
	}
	if n.rank == 0 {
		if digits != "000" && n.code == "000" {
			return n, false // a 0 or -1 counts only where a status stands
		}
		n.rank = rankWeak
	}
	return n, true
}

// errorClass is an error class named in a message: "ProtocolError",
// "HttpResponseException" (a capital, then more before "Error").
var errorClass = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b[A-Z]\w*(?:Error|Exception)\b`)
})

// tableCell reports whether the number at line[i:j] fills a cell of a
// table drawn with bars: "│ 404 │", "| 404 |".
func tableCell(line string, i, j int) bool {
	before := strings.TrimRight(line[:i], " ")
	after := strings.TrimLeft(line[j:], " ")
	bar := func(s string, last bool) bool {
		for _, b := range []string{"│", "┃", "|"} {
			if last && strings.HasSuffix(s, b) || !last && strings.HasPrefix(s, b) {
				return true
			}
		}
		return false
	}
	return bar(before, true) && bar(after, false)
}

// className reports whether the word before position i (and its
// punctuation) is written as a class: capitals inside, "PermissionDenied".
func className(line string, i int) bool {
	k := i
	for k > 0 && !isNameByte(line[k-1]) {
		k--
	}
	end := k
	for k > 0 && isNameByte(line[k-1]) {
		k--
	}
	return end-k >= 6 && distinctiveForm(line[k:end]) && line[k] >= 'A' && line[k] <= 'Z'
}

// countedAfter reports whether the word after a number is a plural noun
// of its own: "404 artifacts", "500 records".
func countedAfter(line string, j int) bool {
	if j >= len(line) || line[j] != ' ' {
		return false
	}
	w := wordsAfter(line, j, 1)
	if len(w) == 0 || len(w[0]) < 4 || !strings.HasSuffix(w[0], "s") || strings.HasSuffix(w[0], "ss") {
		return false
	}
	word := line[j+1 : j+1+len(w[0])]
	return strings.ToLower(word) == word // a capital starts a reason phrase: "404 Not Found"
}

// gotAfterExpected reports whether a number after "expected" is what was
// expected: it is, unless a "got" or "but" came between.
func gotAfterExpected(before []string) bool {
	for _, w := range before {
		switch w {
		case "got", "but", "actual", "received":
			return false
		case "expected", "expecting", "want":
			return true
		}
	}
	return true
}

func startsWith(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func at(words []string, i int) string {
	if i < len(words) {
		return words[i]
	}
	return ""
}

// wordStart is where the k-th word before position i starts, for the text
// of a read: "status code 429" rather than "429".
func wordStart(line string, i int, before []string, k int) int {
	if k > len(before) {
		k = len(before)
	}
	pos := i
	for n := 0; n < k; n++ {
		w := before[n]
		at := strings.LastIndex(strings.ToLower(line[:pos]), w)
		if at < 0 {
			break
		}
		pos = at
	}
	return pos
}

// wordsBefore returns up to n words before position i, nearest first and
// lower-cased, the punctuation between i and the nearest one (without
// spaces), and whether that punctuation touches the number ("code=404",
// "go:429").
func wordsBefore(line string, i, n int) (words []string, punct string, attached bool) {
	k := i
	for k > 0 && !isNameByte(line[k-1]) {
		k--
	}
	raw := line[k:i]
	punct = strings.TrimSpace(raw)
	attached = raw != "" && !strings.ContainsAny(raw, " \t")
	for k > 0 && len(words) < n {
		end := k
		for k > 0 && isNameByte(line[k-1]) {
			k--
		}
		words = append(words, strings.ToLower(line[k:end]))
		for k > 0 && !isNameByte(line[k-1]) {
			k--
		}
	}
	return words, punct, attached
}

// wordsAfter returns up to n words after position j, lower-cased.
func wordsAfter(line string, j, n int) []string {
	var words []string
	for k := j; k < len(line) && len(words) < n; {
		for k < len(line) && line[k] == ' ' {
			k++
		}
		start := k
		for k < len(line) && isNameByte(line[k]) {
			k++
		}
		if k == start {
			if k < len(line) && line[k] == '%' {
				words = append(words, "%")
			}
			break
		}
		words = append(words, strings.ToLower(line[start:k]))
	}
	return words
}

// phraseAfter is the reason phrase that follows a number, lower-cased,
// when the words after it are one of the code's phrases: "404 Not Found",
// "(401) Unauthorized", ", 405, Method Not Allowed", "504:
// GATEWAY_TIMEOUT", "503, message='Service Unavailable'".
func phraseAfter(line string, j int, code string) string {
	rest := strings.TrimLeft(line[j:], " \t()[]'\":,-–")
	rest = strings.TrimPrefix(rest, "message=")
	rest = strings.TrimLeft(rest, "'\"")
	if rest == "" || !isWordByte(rest[0]) {
		return ""
	}
	lower := strings.ToLower(strings.ReplaceAll(rest[:min(len(rest), 64)], "_", " "))
	for _, p := range codePhrases(code) {
		if strings.HasPrefix(lower, p) && (len(lower) == len(p) || !isWordByte(lower[len(p)])) {
			return p
		}
	}
	return ""
}

// phraseEnd is where the phrase p after position j ends in the line.
func phraseEnd(line string, j int, p string) int {
	at := strings.Index(strings.ToLower(strings.ReplaceAll(line[j:], "_", " ")), p)
	if at < 0 {
		return j
	}
	return j + at + len(p)
}

// statusWords frame the number after them as a status: "status 404",
// "code: 429", "HTTP 401", "Error 403", "awaiting response... 404".
var statusWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"status": true, "statuscode": true, "status_code": true, "code": true, "http": true, "error": true,
		"err": true, "response": true, "httpstatus": true, "http_status": true, "response_code": true,
		"responsecode": true, "sc": true, "statusline": true,
	}
})

// actualWords come before what a client or test actually got.
var actualWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"got": true, "received": true, "actual": true, "returned": true, "returns": true, "responded": true,
		"answered": true, "gave": true, "gets": true,
	}
})

// quantityBefore are words before a number that is a count, a place or an
// identifier, not a status.
var quantityBefore = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"line": true, "lines": true, "port": true, "pid": true, "process": true, "thread": true, "worker": true,
		"exited": true, "exit": true, "after": true, "limit": true, "used": true, "requested": true,
		"retries": true, "attempt": true, "attempts": true, "size": true, "length": true, "count": true,
		"total": true, "max": true, "min": true, "id": true, "version": true, "step": true, "page": true,
		"offset": true, "sleep": true, "took": true, "over": true, "top": true, "uid": true, "gid": true,
		"signal": true, "errno": true, "rows": true, "row": true, "column": true, "col": true, "added": true,
		"audited": true, "dropped": true, "remaining": true, "index": true,
	}
})

// unitAfter are words after a number that make it a quantity.
var unitAfter = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"ms": true, "s": true, "sec": true, "secs": true, "second": true, "seconds": true, "minute": true,
		"minutes": true, "hour": true, "hours": true, "days": true, "ns": true, "us": true, "milliseconds": true,
		"bytes": true, "b": true, "kb": true, "mb": true, "gb": true, "kib": true, "mib": true, "gib": true,
		"requests": true, "times": true, "%": true, "percent": true, "items": true, "users": true,
		"packages": true, "messages": true, "runs": true, "objects": true, "files": true, "lines": true,
		"rows": true, "records": true, "entries": true, "tests": true, "retries": true, "attempts": true,
		"connections": true, "workers": true, "chars": true, "characters": true, "words": true, "pages": true,
		"results": true, "errors": true, "warnings": true, "events": true, "points": true, "tokens": true,
		"passed": true, "failed": true, "skipped": true, "pending": true, "total": true, "deselected": true, // a test run's counts
	}
})
