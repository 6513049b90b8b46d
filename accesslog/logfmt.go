package accesslog

import "bytes"

// logfmt lines are key=value pairs, values quoted when they hold spaces:
// Go's log/slog text handler, logrus, and Heroku's router, which writes
// its error code beside the status:
//
//	2024-01-01T00:00:00.000000+00:00 heroku[router]: at=error code=H12
//	desc="Request timeout" method=GET path="/" ... status=503 bytes=0
var logfmtFormat = Format{
	Name:  "logfmt",
	Label: "logfmt with a status field",
	Doc:   "https://brandur.org/logfmt; status, statusCode or status_code",
}

var herokuFormat = Format{
	Name:   "heroku-router",
	Label:  "Heroku router",
	Vendor: "Heroku",
	Doc:    "https://devcenter.heroku.com/articles/http-routing#heroku-router-log-format",
	flags:  flagHeroku,
}

func parseLogfmt(line []byte, r *Record, _ *parseState) bool {
	var status, path, ts, errCode, first []byte
	pairs := 0
	rest := line
	for len(rest) > 0 {
		rest = bytes.TrimLeft(rest, " \t")
		if len(rest) == 0 {
			break
		}
		eq := -1
		end := len(rest)
		for i, c := range rest {
			if c == '=' {
				eq = i
				break
			}
			if c == ' ' || c == '"' {
				end = i
				break
			}
		}
		if eq <= 0 { // a word without a value: the prefix of a line
			if pairs > 0 {
				return false // prose after the pairs: not logfmt
			}
			if first == nil {
				first = rest[:end]
			}
			if end < len(rest) && rest[end] == '"' {
				return false
			}
			rest = rest[end:]
			continue
		}
		key := rest[:eq]
		v := rest[eq+1:]
		var val []byte
		if len(v) > 0 && v[0] == '"' {
			var ok bool
			val, rest, ok = quoted(v)
			if !ok {
				return false
			}
		} else {
			sp := bytes.IndexByte(v, ' ')
			if sp < 0 {
				sp = len(v)
			}
			val, rest = v[:sp], v[sp:]
		}
		pairs++
		switch string(key) {
		case "status", "statusCode", "status_code":
			status = val
		case "path", "uri", "url":
			path = val
		case "time", "ts", "t", "timestamp":
			ts = val
		case "code":
			errCode = val
		}
	}
	if pairs < 2 || status == nil {
		return false
	}
	code, ok := jsonCode(status)
	if !ok {
		return false
	}
	r.Code = code
	r.Path = cleanPath(path)
	if ts == nil {
		ts = first
	}
	if t, ok := isoTime(ts); ok {
		r.Time = t
	} else if t, ok := unixNumber(ts); ok {
		r.Time = t
	}
	if bytes.Contains(line[:min(len(line), 80)], []byte("heroku[router]")) {
		r.Format = &herokuFormat
		if len(errCode) > 1 && errCode[0] == 'H' {
			r.addFlag(errCode)
		}
	} else {
		r.Format = &logfmtFormat
	}
	return true
}
