package explain

import (
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/httpstatus-dev/httpstatus/data"
)

// contentLength checks that Content-Length is one number, sent without
// Transfer-Encoding, and only on statuses that may carry it.
func (c *checker) contentLength() {
	h, code := c.resp.Header, c.resp.Code
	const field = "Content-Length"
	n, ok, err := data.ContentLength(h)
	switch {
	case !ok:
		return
	case errors.Is(err, data.ErrLengthNotNumber):
		c.add(Error, field, "RFC 9110 §8.6", "Content-Length %q is not a number of bytes.", clip(strings.TrimSpace(h.Get(field)), 40))
		return
	case err != nil:
		c.add(Error, field, "RFC 9112 §6.3", "Content-Length is sent several times with different values; a client cannot tell where the content ends.")
		return
	case h.Get("Transfer-Encoding") != "":
		c.add(Error, field, "RFC 9112 §6.2", "Content-Length and Transfer-Encoding are sent together: a sender must not send both, and recipients go by Transfer-Encoding.")
	}
	switch {
	case !data.NoContent(code):
	case code != 304 && n == 0:
		c.add(Warn, field, "RFC 9110 §8.6", "A %d must not carry Content-Length, not even 0.", code)
	case code != 304:
		c.add(Error, field, "RFC 9110 §8.6", "Content-Length: %d announces content that a %d cannot have; a client that trusts it waits for bytes that never come.", n, code)
	case n > 0:
		c.add(Info, field, "RFC 9110 §8.6", "On a 304, Content-Length gives the size of the 200 it stands for; no content follows.")
	}
}

// retryAfter says when to retry, from seconds or an HTTP date, where that
// means something: on a 503, a 429, a 413 and a redirect (RFC 9110
// §10.2.3). Elsewhere it is only checked: Varnish puts Retry-After: 5 on
// every response it makes, and on a 405 that is no advice.
func (c *checker) retryAfter() {
	v := strings.TrimSpace(c.resp.Header.Get("Retry-After"))
	if v == "" {
		return
	}
	const field, ref = "Retry-After", "RFC 9110 §10.2.3"
	code := c.resp.Code
	readOut := code == 503 || code == 429 || code == 413 || code/100 == 3
	verb := "Retry"
	if code/100 == 3 {
		verb = "Wait before following the redirect:"
	}
	if strings.Trim(v, "0123456789") == "" {
		if !readOut {
			return
		}
		secs, err := strconv.ParseInt(v, 10, 64)
		switch {
		case err != nil:
			c.add(Info, field, ref, "%s in more than %s (%s s).", verb, duration(maxSeconds), clip(v, 30))
		case secs == 0:
			c.add(Info, field, ref, "%s now (Retry-After: 0).", verb)
		case secs < 60:
			c.add(Info, field, ref, "%s in %s.", verb, duration(secs))
		default:
			c.add(Info, field, ref, "%s in %s (%d s).", verb, duration(secs), secs)
		}
		return
	}
	t, err := parseHTTPDate(v)
	if err != nil {
		c.add(Error, field, ref, "Retry-After %q is neither a number of seconds nor an HTTP date.", clip(v, 40))
		return
	}
	if !readOut {
		return
	}
	at := t.UTC().Format(httpDate)
	date, err := parseHTTPDate(c.resp.Header.Get("Date"))
	switch {
	case err != nil:
		c.add(Info, field, ref, "%s after %s.", verb, at)
	case !t.After(date):
		c.add(Info, field, ref, "%s now: Retry-After names %s, which is not after the response's Date.", verb, at)
	default:
		c.add(Info, field, ref, "%s at %s, %s after the response's Date.", verb, at, duration(int64(t.Sub(date)/time.Second)))
	}
}

// dates checks that the date fields of a response are HTTP dates (RFC
// 9110 §5.6.7). Expires: 0 or -1, the old way of saying "already
// expired", is invalid but means just that to caches (RFC 9111 §5.3).
func (c *checker) dates() {
	for _, field := range []string{"Date", "Last-Modified", "Expires"} {
		v := strings.TrimSpace(c.resp.Header.Get(field))
		if v == "" {
			continue
		}
		if _, err := parseHTTPDate(v); err == nil {
			continue
		}
		if field == "Expires" {
			if v == "0" || v == "-1" {
				c.add(Info, field, "RFC 9111 §5.3", "Expires: %s is not an HTTP date; caches read it as already expired, which is what it means to say. Cache-Control: no-cache or max-age=0 says so validly.", v)
			} else {
				c.add(Warn, field, "RFC 9111 §5.3", "Expires %q is not an HTTP date (such as Wed, 25 Nov 2026 09:12:44 GMT); caches read it as already expired.", clip(v, 40))
			}
			continue
		}
		c.add(Warn, field, "RFC 9110 §5.6.7", "%s %q is not an HTTP date (such as Wed, 25 Nov 2026 09:12:44 GMT); recipients ignore it.", field, clip(v, 40))
	}
}

// maxSeconds is where a delay stops being worth counting: ten years.
const maxSeconds = 10 * 365 * 86400

// duration says a number of seconds the way people do: "2 min", "1 h 30 min".
func duration(secs int64) string {
	plural := func(n int64, unit string) string {
		if n == 1 || !strings.HasSuffix(unit, "day") {
			return strconv.FormatInt(n, 10) + " " + unit
		}
		return strconv.FormatInt(n, 10) + " " + unit + "s"
	}
	both := func(big int64, bigUnit string, small int64, smallUnit string) string {
		if small == 0 {
			return plural(big, bigUnit)
		}
		return plural(big, bigUnit) + " " + plural(small, smallUnit)
	}
	switch {
	case secs > maxSeconds:
		return "more than " + duration(maxSeconds)
	case secs < 60:
		return plural(secs, "s")
	case secs < 3600:
		return both(secs/60, "min", secs%60, "s")
	case secs < 86400:
		return both(secs/3600, "h", secs%3600/60, "min")
	}
	return both(secs/86400, "day", secs%86400/3600, "h")
}

// location checks that a Location is one URI reference.
func (c *checker) location() {
	values := c.resp.Header.Values("Location")
	switch {
	case len(values) > 1:
		c.add(Error, "Location", "RFC 9110 §10.2.2", "Location is sent %d times; a client cannot tell which to follow.", len(values))
	case len(values) == 1:
		v := strings.TrimSpace(values[0])
		if _, err := url.Parse(v); err != nil || v == "" || strings.ContainsAny(v, " \t") {
			c.add(Error, "Location", "RFC 9110 §10.2.2", "Location %q is not a valid URI reference.", clip(v, 60))
		}
	}
}

// The forms of Content-Range (RFC 9110 §14.4), compiled on first use so
// that the command line's start-up does not pay for them.
var rangeForms = sync.OnceValue(func() (f struct{ byteRange, unsatisfiedSize *regexp.Regexp }) {
	f.byteRange = regexp.MustCompile(`^bytes ([0-9]+)-([0-9]+)/([0-9]+|\*)$`)
	f.unsatisfiedSize = regexp.MustCompile(`^bytes \*/[0-9]+$`)
	return f
})

// contentRange checks the form of Content-Range on 206 and 416.
func (c *checker) contentRange() {
	v := strings.TrimSpace(c.resp.Header.Get("Content-Range"))
	if v == "" {
		return
	}
	switch c.resp.Code {
	case 206:
		m := rangeForms().byteRange.FindStringSubmatch(v)
		ok := m != nil
		if ok {
			first, err1 := strconv.ParseUint(m[1], 10, 63)
			last, err2 := strconv.ParseUint(m[2], 10, 63)
			size, err3 := strconv.ParseUint(m[3], 10, 63)
			ok = err1 == nil && err2 == nil && first <= last && (m[3] == "*" || err3 == nil && last < size)
		}
		if !ok {
			c.add(Error, "Content-Range", "RFC 9110 §14.4", "Content-Range %q is not \"bytes FIRST-LAST/LENGTH\" with FIRST ≤ LAST < LENGTH.", clip(v, 60))
		}
	case 416:
		if !rangeForms().unsatisfiedSize.MatchString(v) {
			c.add(Warn, "Content-Range", "RFC 9110 §14.4", "A 416's Content-Range should be \"bytes */LENGTH\", the current length; %q is not.", clip(v, 60))
		}
	}
}

// challenge says which authentication schemes a 401 or 407 asks for.
func (c *checker) challenge() {
	field, ref := "WWW-Authenticate", "RFC 9110 §11.6.1"
	switch c.resp.Code {
	case 401:
	case 407:
		field, ref = "Proxy-Authenticate", "RFC 9110 §11.7.1"
	default:
		return
	}
	var schemes []string
	for _, v := range c.resp.Header.Values(field) {
		for _, s := range authSchemes(v) {
			if !slices.ContainsFunc(schemes, func(x string) bool { return strings.EqualFold(x, s) }) {
				schemes = append(schemes, s)
			}
		}
	}
	if len(schemes) > 0 {
		c.add(Info, field, ref, "Asks for %s credentials.", orList(schemes))
	}
}

// authSchemes reads the schemes of a challenge list: `Bearer realm="api",
// Basic realm="x, y"` has Bearer and Basic. A comma-separated item whose
// first word holds no "=" starts a challenge; the others are parameters.
func authSchemes(v string) []string {
	var out []string
	for _, item := range splitUnquoted(v) {
		word, _, _ := strings.Cut(strings.TrimSpace(item), " ")
		if word != "" && !strings.Contains(word, "=") && len(out) < 8 {
			out = append(out, clip(word, 30))
		}
	}
	return out
}

// splitUnquoted splits a field value at the commas outside quoted strings.
func splitUnquoted(v string) []string {
	var items []string
	quoted, start := false, 0
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && quoted:
			i++
		case v[i] == '"':
			quoted = !quoted
		case v[i] == ',' && !quoted:
			items = append(items, v[start:i])
			start = i + 1
		}
	}
	return append(items, v[start:])
}

func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// httpDate is the preferred form of an HTTP date (RFC 9110 §5.6.7).
const httpDate = "Mon, 02 Jan 2006 15:04:05 GMT"

// parseHTTPDate reads an HTTP date in any of the three forms RFC 9110
// §5.6.7 tells recipients to accept, as net/http's ParseTime does; that
// package is not linked only for this, since the command line's start-up
// would pay for its initialisation on every run.
func parseHTTPDate(s string) (time.Time, error) {
	var err error
	for _, layout := range []string{httpDate, time.RFC850, time.ANSIC} {
		var t time.Time
		if t, err = time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}
