package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/model"
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
	var asJSON, interactive bool
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

With -i the explorer opens over the log's codes, most lines first, each card
with what the log says of it: paths, flags, the first line, a chart over time.
Reading a pipe, it opens at once and its counts follow the lines as they
arrive, keys coming from the terminal.

Exit status: 0 read; 1 a file could not be read (the others still are); 2 no
line had a status.`,
		Example: `  httpstatus log access.log
  kubectl logs deploy/ingress | httpstatus log
  httpstatus log access.log.*.gz
  httpstatus log --json access.log
  httpstatus log -i access.log
  tail -f access.log | httpstatus log -i`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				if isTerminal(s.in) {
					return errors.New("log reads access logs from files or a pipe, e.g. httpstatus log access.log")
				}
				args = []string{"-"}
			}
			if interactive {
				if asJSON {
					return usageError{errors.New("--json prints and -i opens the explorer: choose one")}
				}
				if err := canExplore(s); err != nil {
					return err
				}
				if slices.Contains(args, "-") && isTerminal(s.in) {
					return usageError{errors.New("with -i the terminal is for keys: pipe the log in, or name its files")}
				}
				if len(args) == 1 && args[0] == "-" {
					return exploreLive(cmd, s)
				}
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
			if interactive && sum.WithStatus > 0 {
				err = runExplorer(cmd, s, logExplorer(model.Log{Title: logName(args), Summary: sum}, nil))
			} else if asJSON {
				err = writeLogJSON(s.out, sum)
			} else if sum.WithStatus > 0 {
				err = writeLogSummary(cmd, s, sum, logTitle(args))
			}
			if err != nil {
				return err
			}
			if sum.WithStatus == 0 && status == exitFound {
				noStatus(s, logTitle(args), sum)
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
	f.BoolVarP(&interactive, "interactive", "i", false, "open the explorer over the log's codes; live on a pipe")
	return cmd
}

// logExplorer is the explorer over a log; the model it made is kept in *m
// when m is not nil, to ask it afterwards how the log ended.
func logExplorer(l model.Log, m **model.Model) func(pick bool) chooser {
	return func(pick bool) chooser {
		opts := []model.Option{model.WithLog(l)}
		if pick {
			opts = append(opts, model.WithPick())
		}
		made := model.New(data.Load(), opts...)
		if m != nil {
			*m = made
		}
		return made
	}
}

// exploreLive opens the explorer over stdin as it is written, and says
// afterwards what a log read whole would say before: that the input was
// not a log, or had no line with a status. Leaving while the input is
// still written is no failure.
func exploreLive(cmd *cobra.Command, s streams) error {
	var m *model.Model
	if err := runExplorer(cmd, s, logExplorer(model.Log{Title: "stdin", Live: accesslog.Follow(s.in)}, &m)); err != nil {
		return err
	}
	sum, ended, err := m.LogState()
	switch {
	case !ended:
		return nil
	case errors.Is(err, accesslog.ErrBinary):
		fmt.Fprintln(s.err, "httpstatus log: stdin: binary data, not a log")
	case err != nil:
		fmt.Fprintln(s.err, "httpstatus log: stdin:", err)
		if sum.WithStatus > 0 {
			return exitError(logUnreadable)
		}
	}
	if sum.WithStatus == 0 {
		noStatus(s, "stdin", sum)
		return exitError(logNoStatus)
	}
	return nil
}

func noStatus(s streams, title string, sum *accesslog.Summary) {
	fmt.Fprintf(s.err, "httpstatus log: no line with a status in %s (%s lines); formats tried: %s\n",
		title, strconv.FormatInt(sum.Lines, 10), strings.Join(accesslog.FormatNames(), ", "))
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

// logName is what the explorer calls the log: the file's name without its
// directory, which its pane has no room for.
func logName(args []string) string {
	if len(args) == 1 && args[0] != "-" {
		return filepath.Base(args[0])
	}
	return logTitle(args)
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
