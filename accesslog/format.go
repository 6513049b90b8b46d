// Package accesslog reads access logs and counts what their statuses say.
//
// Each file's format is detected from its first lines, then every line is
// read by that format's parser, with the others as a fallback for lines of
// another kind mixed in. Reading streams in chunks over all cores into
// bounded counters: per (format, code, sub-code) a count, the vendor
// details seen (Envoy flags, HAProxy termination states, ALB target
// statuses, upstream tries), the top paths and a sample line; per minute
// and per hour the lines of each class. A Summary names each count's
// meaning in the catalog, following who logged it.
package accesslog

// Format is one kind of access log.
type Format struct {
	Name  string // stable identifier, as --json prints it: "combined"
	Label string // what the summary says: "combined (nginx, Apache, lighttpd)"
	// Vendor is the catalog source whose entries a code of this log
	// means first ("nginx", "AWS ELB"); "" for application logs.
	Vendor string
	// Doc is where the format is defined.
	Doc string

	parse func(line []byte, r *Record, st *parseState) bool
	// refines names the format this one is a variant of, with the same
	// lines plus a shape only detection tells apart (varnishncsa's
	// absolute URLs). A refinement is chosen per file, never per line.
	refines *Format
	// looks reports whether a line has the refinement's shape.
	looks func(line []byte) bool
	// header reports whether a line is a directive this format reads
	// (W3C #Fields), which the reader passes on to later chunks.
	header func(line []byte) bool
	flags  flagKind
}

// Record is what a parser reads from one line. Byte slices point into the
// line and are valid until the next line.
type Record struct {
	Code int    // the status the client was sent, 0-999
	Sub  int    // IIS substatus; 0 when none
	Path []byte // the request's path, without its query
	Time int64  // Unix seconds; 0 when the line has no time
	// Flags are the vendor's details of the outcome, counted per code:
	// Envoy response flags, an HAProxy termination state, an ALB target
	// status. Their meaning comes from the format's flag kind.
	Flags  [][]byte
	Format *Format // set by parsers that read several formats (JSON, logfmt)
	// Made says whose status the line logs, where the log tells: Own when
	// the logger made the response itself (an ALB 502 with target "-", a
	// CloudFront Error), Passed when it passed on the one behind it (a
	// target status equal to the status), Unknown otherwise.
	Made Made
	// flagBuf holds flags a parser builds rather than slices ("target -").
	flagBuf []byte
}

// Made is whose response a line logs.
type Made int8

// Who made a response, as far as the log says.
const (
	Unknown Made = iota
	Own          // the logger made it
	Passed       // the logger passed on what was behind it
)

func (r *Record) reset() {
	r.Code, r.Sub, r.Path, r.Time, r.Format, r.Made = -1, 0, nil, 0, nil, Unknown
	r.Flags = r.Flags[:0]
	r.flagBuf = r.flagBuf[:0]
}

// addFlag counts a detail of the line; "-" and empty mean none.
func (r *Record) addFlag(f []byte) {
	if len(f) == 0 || len(f) == 1 && f[0] == '-' {
		return
	}
	if len(f) > maxFlag {
		f = f[:maxFlag]
	}
	r.Flags = append(r.Flags, f)
}

// addFlagf counts a detail built from a prefix and a value: "target 502".
// The bytes live in flagBuf, which must not grow while flags point into
// it, so the buffer is sized for a line's few built flags up front.
func (r *Record) addFlagf(prefix string, value []byte) {
	if cap(r.flagBuf) == 0 {
		r.flagBuf = make([]byte, 0, 4*(maxFlag+16))
	}
	if len(value) > maxFlag {
		value = value[:maxFlag]
	}
	if len(r.flagBuf)+len(prefix)+len(value) > cap(r.flagBuf) {
		return
	}
	start := len(r.flagBuf)
	r.flagBuf = append(r.flagBuf, prefix...)
	r.flagBuf = append(r.flagBuf, value...)
	r.Flags = append(r.Flags, r.flagBuf[start:len(r.flagBuf):len(r.flagBuf)])
}

// maxFlag bounds a flag's length: a garbage field is not a vocabulary.
const maxFlag = 48

// parseState is what a parser remembers between lines of one file: the
// W3C field layout in force.
type parseState struct {
	w3c *w3cLayout
	// layouts caches parsed #Fields lines, which repeat at every restart.
	layouts map[string]*w3cLayout
}

// The parsers that name the formats they read (W3C by a file's #Fields,
// JSON and logfmt by a line's keys) are wired here, as the formats and
// the parsers refer to each other.
func init() {
	for _, f := range []*Format{&cloudFrontFormat, &iisFormat, &w3cFormat} {
		f.parse = parseW3C
	}
	jsonFormat.parse = parseJSON
	logfmtFormat.parse = parseLogfmt
}

// Formats are the formats detection tries, most specific first: when two
// read a file's first lines equally well, the earlier wins.
var Formats = []*Format{
	&ingressFormat, &traefikCLFFormat, &squidCombinedFormat, &varnishFormat,
	&combinedFormat, &commonFormat,
	&haproxyFormat, &albFormat, &elbFormat,
	&w3cFormat, &envoyFormat, &squidFormat,
	&jsonFormat, &logfmtFormat,
}

// reported are the formats that parsers of several tell apart: the W3C
// parser by a file's #Fields, the JSON and logfmt parsers by a line's keys.
var reported = []*Format{
	&cloudFrontFormat, &iisFormat,
	&istioJSONFormat, &caddyJSONFormat, &traefikJSONFormat, &cloudflareFormat, &gcpFormat,
	&herokuFormat,
}

// FormatByName finds a format, including those the JSON and logfmt
// parsers tell apart.
func FormatByName(name string) *Format {
	for _, list := range [][]*Format{Formats, reported} {
		for _, f := range list {
			if f.Name == name {
				return f
			}
		}
	}
	return nil
}

// FormatNames lists every format detection tries, for a message that
// says what a file is not.
func FormatNames() []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]*Format{Formats, reported} {
		for _, f := range list {
			if !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f.Name)
			}
		}
	}
	return out
}
