package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// Exit statuses of log: 0 read; 1 a file could not be read (the others
// still are); 2 no line of the input had a status, or a usage error.
const (
	logUnreadable = 1
	logNoStatus   = 2
)

// newLogCommand is `httpstatus log [FILE...]`: what happened in access logs.
func newLogCommand(s streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "log [FILE...]",
		Short: "Summarise the statuses of access logs: counts, meanings, paths, over time",
		Long: `log reads access logs from FILEs (gzip-compressed or not) or stdin and says
what their statuses mean, following who logged them: a 499 in an nginx log is
the client hanging up, a 460 in an ALB log the same, an Envoy 503 with flag UF
an upstream that refused the connection.

The format of each file is detected from its lines: combined and common
(nginx, Apache, lighttpd), ingress-nginx, HAProxy, AWS ALB and classic ELB,
CloudFront, Envoy and Istio, IIS, Squid, varnishncsa, Caddy and Traefik,
Cloudflare, Google Cloud load balancers, Heroku's router, and JSON or logfmt
application logs with a status field.

Exit status: 0 read; 1 a file could not be read (the others still are); 2 no
line had a status.`,
		Example: `  httpstatus log access.log
  kubectl logs deploy/ingress | httpstatus log
  httpstatus log access.log.*.gz
  httpstatus log --json access.log`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				if isTerminal(s.in) {
					return errors.New("log reads access logs from files or a pipe, e.g. httpstatus log access.log")
				}
				args = []string{"-"}
			}
			counts := accesslog.NewCounts()
			status := exitFound
			for _, name := range args {
				if !readLog(s, counts, name) {
					status = logUnreadable
				}
			}
			sum := counts.Summary(data.Load())
			var err error
			if asJSON {
				err = writeLogJSON(s.out, sum)
			} else if sum.WithStatus > 0 {
				err = writeLogSummary(cmd, s, sum, logTitle(args))
			}
			if err != nil {
				return err
			}
			if sum.WithStatus == 0 && status == exitFound {
				fmt.Fprintf(s.err, "httpstatus log: no line with a status in %s (%s lines); formats tried: %s\n",
					logTitle(args), strconv.FormatInt(sum.Lines, 10), strings.Join(accesslog.FormatNames(), ", "))
				status = logNoStatus
			}
			if status != exitFound {
				return exitError(status)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print a JSON object: lines, formats, time span and statuses")
	return cmd
}

// readLog reads one input into counts, saying on stderr what went wrong;
// false when it could not be read.
func readLog(s streams, counts *accesslog.Counts, name string) bool {
	in, shown := s.in, "stdin"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(s.err, "httpstatus log:", err)
			return false
		}
		defer f.Close()
		in, shown = f, name
	}
	file, err := counts.Read(in, accesslog.Options{})
	switch {
	case errors.Is(err, accesslog.ErrBinary):
		fmt.Fprintf(s.err, "httpstatus log: %s: binary data, not a log\n", shown)
	case err != nil:
		fmt.Fprintf(s.err, "httpstatus log: %s: %v\n", shown, err)
		return false
	case file.Truncated:
		fmt.Fprintf(s.err, "httpstatus log: %s: the gzip stream ends early; read up to where it ends\n", shown)
	}
	if err == nil && file.Lines > 0 && file.Statuses == 0 {
		fmt.Fprintf(s.err, "httpstatus log: %s: no line with a status in %d lines\n", shown, file.Lines)
	}
	return true
}

func logTitle(args []string) string {
	switch {
	case len(args) == 1 && args[0] == "-":
		return "stdin"
	case len(args) == 1:
		return args[0]
	}
	return strconv.Itoa(len(args)) + " inputs"
}

func writeLogSummary(cmd *cobra.Command, s streams, sum *accesslog.Summary, title string) error {
	term := 0
	if capable(s.env) {
		term, _ = terminalSize(s.out)
	}
	width := textWidth(term)
	profile := colorOf(cmd).profile(s.out, s.env)
	st := ui.NewStyles(darkBackground(s.env), profile)
	_, err := io.WriteString(profileWriter(s.out, profile), ui.LogSummary(sum, &st, ui.LogOptions{Width: width, Title: title})+"\n")
	return err
}

// The --json object, as README documents it.
type logJSON struct {
	Lines      int64            `json:"lines"`
	WithStatus int64            `json:"with_status"`
	Formats    map[string]int64 `json:"formats"`
	From       *string          `json:"from"`
	To         *string          `json:"to"`
	Statuses   []logStatusJSON  `json:"statuses"`
}

type logStatusJSON struct {
	Code    int                   `json:"code"`
	Count   int64                 `json:"count"`
	Entry   *data.Status          `json:"entry"`
	SubCode *string               `json:"subcode"`
	Flags   map[string]int64      `json:"flags"`
	Paths   []accesslog.PathCount `json:"paths"`
	Sample  string                `json:"sample"`
}

func writeLogJSON(w io.Writer, sum *accesslog.Summary) error {
	out := logJSON{Lines: sum.Lines, WithStatus: sum.WithStatus, Formats: map[string]int64{}, Statuses: []logStatusJSON{}}
	for _, f := range sum.Formats {
		out.Formats[f.Format.Name] = f.Lines
	}
	if sum.From != 0 {
		from, to := accesslog.FormatTime(sum.From), accesslog.FormatTime(sum.To)
		out.From, out.To = &from, &to
	}
	for _, r := range sum.Statuses {
		js := logStatusJSON{Code: r.Code, Count: r.Count, Entry: r.Entry, Flags: map[string]int64{}, Paths: r.Paths, Sample: r.Sample}
		if r.SubCode != "" {
			sub := r.SubCode
			js.SubCode = &sub
		}
		for _, f := range r.Flags {
			js.Flags[f.Name] += f.Count
		}
		if js.Paths == nil {
			js.Paths = []accesslog.PathCount{}
		}
		out.Statuses = append(out.Statuses, js)
	}
	return writeJSON(w, out)
}
