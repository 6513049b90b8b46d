// Package genlog writes synthetic nginx access logs in the combined
// format, for benchmarks: deterministic, with the mix of a busy site
// (mostly 200s, some 304s, 404s, hang-ups and upstream errors), 20,000
// clients of which a few are busy, paths
// drawn from a skewed distribution with queries, and user agents that
// hold numbers.
package genlog

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
)

// statuses and their weights in a thousand.
var statuses = []struct {
	code, weight int
}{
	{200, 800}, {304, 60}, {301, 20}, {404, 60}, {401, 10}, {403, 5},
	{499, 10}, {500, 10}, {502, 15}, {503, 8}, {504, 2},
}

var agents = []string{
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
	"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
	"curl/8.11.0",
	"kube-probe/1.31",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
	"Googlebot/2.1 (+http://www.google.com/bot.html) 404 200",
}

var sections = []string{"api/v1/users", "api/v1/orders", "static/js", "static/css", "images", "blog", "docs", "search"}

// Write writes about size bytes of log lines and returns the lines per
// status it wrote.
func Write(w io.Writer, size int64) (map[int]int64, error) {
	r := rand.New(rand.NewPCG(16, 2026))
	bw := bufio.NewWriterSize(w, 1<<20)
	counts := map[int]int64{}
	zipf := rand.NewZipf(r, 1.1, 4, 4999)
	clients := rand.NewZipf(r, 1.2, 8, 19999) // 20,000 clients, a few of them busy
	t := time.Date(2026, 12, 4, 6, 0, 0, 0, time.UTC)
	var written int64
	var line []byte
	for written < size {
		n := r.IntN(1000)
		code := 200
		for _, s := range statuses {
			if n < s.weight {
				code = s.code
				break
			}
			n -= s.weight
		}
		counts[code]++
		p := zipf.Uint64()
		path := "/" + sections[p%uint64(len(sections))] + "/" + strconv.FormatUint(p, 10)
		if p%3 == 0 {
			path += "?page=" + strconv.Itoa(r.IntN(20)) + "&sort=desc"
		}
		method := "GET"
		if p%11 == 0 {
			method = "POST"
		}
		bytes := strconv.Itoa(r.IntN(50000))
		if code == 304 || code == 499 {
			bytes = "0"
		}
		t = t.Add(time.Duration(r.IntN(2000)) * time.Microsecond)
		ip := clients.Uint64()
		line = fmt.Appendf(line[:0], "10.%d.%d.%d - - [%s] \"%s %s HTTP/1.1\" %d %s \"https://example.com/\" \"%s\"\n",
			ip>>16&255, ip>>8&255, ip&255, t.Format("02/Jan/2006:15:04:05 -0700"), method, path, code, bytes, agents[r.IntN(len(agents))])
		if _, err := bw.Write(line); err != nil {
			return counts, err
		}
		written += int64(len(line))
	}
	return counts, bw.Flush()
}
