package accesslog

import (
	"bytes"
	"strings"
	"sync"
)

// W3C extended log files name their fields in a "#Fields:" directive;
// IIS separates values with spaces (spaces inside them become "+"),
// CloudFront with tabs. A file may change its fields mid-way (IIS writes
// the directives again when it restarts), so the layout in force travels
// with the lines.

// w3cLayout is where the fields this package reads are in a line.
type w3cLayout struct {
	tab                                           bool
	date, time, status, substatus, win32, stem    int
	resultType, detailedType, edgeLocation, count int
	kind                                          *Format
}

// parseW3CFields reads a "#Fields:" directive.
func parseW3CFields(line []byte) *w3cLayout {
	names := strings.Fields(strings.TrimPrefix(string(bytes.TrimRight(line, "\r")), "#Fields:"))
	l := &w3cLayout{date: -1, time: -1, status: -1, substatus: -1, win32: -1, stem: -1, resultType: -1, detailedType: -1, edgeLocation: -1, count: len(names)}
	for i, n := range names {
		switch n {
		case "date":
			l.date = i
		case "time":
			l.time = i
		case "sc-status":
			l.status = i
		case "sc-substatus":
			l.substatus = i
		case "sc-win32-status":
			l.win32 = i
		case "cs-uri-stem":
			l.stem = i
		case "x-edge-result-type":
			l.resultType = i
		case "x-edge-detailed-result-type":
			l.detailedType = i
		case "x-edge-location":
			l.edgeLocation = i
		}
	}
	switch {
	case l.status < 0:
		return nil
	case l.edgeLocation >= 0 || l.resultType >= 0:
		l.kind, l.tab = &cloudFrontFormat, true
	case l.substatus >= 0 || l.win32 >= 0:
		l.kind = &iisFormat
	default:
		l.kind = &w3cFormat
	}
	return l
}

// Layouts for files cut before their directives: the vendors' defaults,
// read on first use rather than by every run of httpstatus.
var (
	// CloudFront's standard log fields, in order (33 of them).
	cloudFrontDefault = sync.OnceValue(func() *w3cLayout {
		return parseW3CFields([]byte("#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end"))
	})
	// IIS's default W3C fields.
	iisDefault = sync.OnceValue(func() *w3cLayout {
		return parseW3CFields([]byte("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken"))
	})
)

func isFieldsDirective(line []byte) bool { return bytes.HasPrefix(line, []byte("#Fields:")) }

var cloudFrontFormat = Format{
	Name:   "cloudfront",
	Label:  "Amazon CloudFront standard log",
	Vendor: "Amazon CloudFront",
	Doc:    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html#BasicDistributionFileFormat",
	flags:  flagCloudFront,
	header: isFieldsDirective,
}

var iisFormat = Format{
	Name:   "iis",
	Label:  "Microsoft IIS (W3C)",
	Vendor: "Microsoft IIS",
	Doc:    "https://learn.microsoft.com/en-us/windows/win32/http/w3c-logging",
	flags:  flagWin32,
	header: isFieldsDirective,
}

var w3cFormat = Format{
	Name:   "w3c",
	Label:  "W3C extended",
	Doc:    "https://www.w3.org/TR/WD-logfile.html",
	header: isFieldsDirective,
}

// parseW3C reads a line with the layout in force; without one, with the
// default layout whose shape the line has.
func parseW3C(line []byte, r *Record, st *parseState) bool {
	if len(line) > 0 && line[0] == '#' {
		if isFieldsDirective(line) {
			st.setW3C(line)
		}
		return false
	}
	l := st.w3c
	if l == nil {
		switch {
		case bytes.Count(line, []byte("\t")) >= cloudFrontDefault().status:
			l = cloudFrontDefault()
		case bytes.Count(line, []byte(" ")) == iisDefault().count-1:
			l = iisDefault()
		default:
			return false
		}
	}
	sep := byte(' ')
	if l.tab {
		sep = '\t'
	}
	var buf [40][]byte
	f := buf[:0]
	for rest := bytes.TrimRight(line, "\r"); ; {
		i := bytes.IndexByte(rest, sep)
		if i < 0 {
			f = append(f, rest)
			break
		}
		f = append(f, rest[:i])
		rest = rest[i+1:]
		if len(f) == len(buf) {
			break
		}
	}
	if len(f) <= l.status || l.stem >= len(f) || l.kind == &cloudFrontFormat && len(f) < l.count-1 {
		return false
	}
	code, ok := num(f[l.status])
	if !ok || code > 999 {
		return false
	}
	if l.date >= 0 && l.time >= 0 && l.date < len(f) && l.time < len(f) && len(f[l.date]) == 10 && len(f[l.time]) >= 8 {
		var ts [19]byte
		copy(ts[:], f[l.date])
		ts[10] = 'T'
		copy(ts[11:], f[l.time][:8])
		if t, ok := isoTime(ts[:]); ok {
			r.Time = t
		}
	} else if l.kind != &w3cFormat || l.date >= 0 {
		return false // the date and time are what tell a W3C line from others
	}
	r.Code = code
	r.Format = l.kind
	if l.stem >= 0 {
		r.Path = cleanPath(f[l.stem])
	}
	if l.substatus >= 0 && l.substatus < len(f) {
		if sub, ok := num(f[l.substatus]); ok && sub > 0 && sub < 1000 {
			r.Sub = sub
		}
	}
	if l.win32 >= 0 && l.win32 < len(f) && string(f[l.win32]) != "0" {
		r.addFlag(f[l.win32])
	}
	if l.kind == &cloudFrontFormat {
		if l.resultType >= 0 && l.resultType < len(f) {
			r.Made = Passed
			if string(f[l.resultType]) == "Error" {
				r.Made = Own
			}
		}
		if l.resultType < len(f) && l.resultType >= 0 && (code >= 400 || code == 0 || string(f[l.resultType]) == "Error") {
			r.addFlag(f[l.resultType])
		}
		if d := l.detailedType; d >= 0 && d < len(f) && l.resultType >= 0 && string(f[d]) != string(f[l.resultType]) && (code >= 400 || code == 0) {
			r.addFlag(f[d])
		}
	}
	return true
}

// setW3C makes a #Fields directive the layout in force.
func (st *parseState) setW3C(line []byte) {
	if l, ok := st.layouts[string(line)]; ok {
		st.w3c = l
		return
	}
	l := parseW3CFields(line)
	if st.layouts == nil {
		st.layouts = map[string]*w3cLayout{}
	}
	if len(st.layouts) < 64 {
		st.layouts[string(line)] = l
	}
	st.w3c = l
}
