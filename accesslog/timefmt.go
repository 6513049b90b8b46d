package accesslog

import "time"

// Timestamps are read by hand: time.Parse costs more than the rest of a
// line, and logs write a few fixed layouts.

// daysFromCivil is the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func num(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

var months = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func month(b []byte) int {
	if len(b) != 3 {
		return 0
	}
	for i, m := range months {
		if b[0] == m[0] && b[1] == m[1] && b[2] == m[2] {
			return i + 1
		}
	}
	return 0
}

// unix turns a date and time into Unix seconds, checking ranges.
func unix(y, mo, d, h, mi, s int) (int64, bool) {
	if y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 {
		return 0, false
	}
	return daysFromCivil(y, mo, d)*86400 + int64(h*3600+mi*60+s), true
}

// clfTime reads "10/Oct/2000:13:55:36 -0700" (the zone optional, and
// HAProxy's ".655" milliseconds allowed after the seconds).
func clfTime(b []byte) (int64, bool) {
	if len(b) < 20 || b[2] != '/' || b[6] != '/' || b[11] != ':' || b[14] != ':' || b[17] != ':' {
		return 0, false
	}
	d, ok1 := num(b[0:2])
	mo := month(b[3:6])
	y, ok2 := num(b[7:11])
	h, ok3 := num(b[12:14])
	mi, ok4 := num(b[15:17])
	s, ok5 := num(b[18:20])
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || mo == 0 {
		return 0, false
	}
	t, ok := unix(y, mo, d, h, mi, s)
	if !ok {
		return 0, false
	}
	rest := b[20:]
	if len(rest) > 0 && rest[0] == '.' { // HAProxy's milliseconds
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		rest = rest[i:]
	}
	if len(rest) >= 6 && rest[0] == ' ' {
		off, ok := zone(rest[1:6])
		if !ok {
			return 0, false
		}
		t -= off
	}
	return t, true
}

// zone reads "-0700" or "+05:30"'s first five bytes as seconds east of UTC.
func zone(b []byte) (int64, bool) {
	if len(b) < 5 || b[0] != '+' && b[0] != '-' {
		return 0, false
	}
	h, ok1 := num(b[1:3])
	mb := b[3:5]
	if b[3] == ':' {
		if len(b) < 6 {
			return 0, false
		}
		mb = b[4:6]
	}
	m, ok2 := num(mb)
	if !ok1 || !ok2 {
		return 0, false
	}
	off := int64(h*3600 + m*60)
	if b[0] == '-' {
		off = -off
	}
	return off, true
}

// isoTime reads RFC 3339 and its relatives: "2018-07-02T22:23:00.186641Z",
// "2024-01-01 12:00:00+01:00", no zone meaning UTC.
func isoTime(b []byte) (int64, bool) {
	if len(b) < 19 || b[4] != '-' || b[7] != '-' || (b[10] != 'T' && b[10] != ' ') || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	y, ok1 := num(b[0:4])
	mo, ok2 := num(b[5:7])
	d, ok3 := num(b[8:10])
	h, ok4 := num(b[11:13])
	mi, ok5 := num(b[14:16])
	s, ok6 := num(b[17:19])
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 {
		return 0, false
	}
	t, ok := unix(y, mo, d, h, mi, s)
	if !ok {
		return 0, false
	}
	rest := b[19:]
	if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		rest = rest[i:]
	}
	if len(rest) > 0 && rest[0] != 'Z' && rest[0] != 'z' {
		if off, ok := zone(rest); ok {
			t -= off
		}
	}
	return t, true
}

// unixNumber reads a Unix time in seconds, milliseconds or nanoseconds,
// with an optional fraction ("1700000000.123"), telling the unit from its
// size: logs of this century.
func unixNumber(b []byte) (int64, bool) {
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 || i < len(b) && b[i] != '.' {
		return 0, false
	}
	n, ok := num(b[:i])
	if !ok || i > 19 {
		return 0, false
	}
	v := int64(n)
	for v > 1e11 { // milliseconds, microseconds, nanoseconds
		v /= 1000
	}
	if v < 1e8 {
		return 0, false
	}
	return v, true
}

// FormatTime writes a Unix time for the summary.
func FormatTime(t int64) string { return time.Unix(t, 0).UTC().Format(time.RFC3339) }
