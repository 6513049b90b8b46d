package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/explain"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// Exit statuses of explain: 0 explained, 1 some status is not in the
// catalog (the rest is still explained) or the file cannot be read, 2 the
// input is not HTTP responses or the command line is wrong.
const (
	explainUnknown = exitNoMatch
	explainNotHTTP = exitUsage
)

// newExplainCommand is `httpstatus explain [FILE]`: which entry each
// response of a curl or HTTPie transcript means, and what is wrong with it.
func newExplainCommand(s streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "explain [FILE]",
		Short: "Explain HTTP responses printed by curl or HTTPie, and check them",
		Long: `explain reads one or more HTTP responses from FILE or stdin: the output of
curl -i, -I, -L or -v, of HTTPie, or a saved response. For each it says which
catalog entry it is (the reason phrase and headers such as Server choose among
vendor meanings), then checks what its status requires: Location on redirects,
WWW-Authenticate on 401, Retry-After read out, no content on 204 and 304, and
more. With curl -v the request is in the input too, and is checked against the
response. A redirect chain (curl -L) is followed hop by hop.

Exit status: 0 explained; 1 a status is not in the catalog (the rest is still
printed) or FILE cannot be read; 2 the input is not an HTTP response.`,
		Example: `  curl -si https://api.example.com/x | httpstatus explain
  curl -sIL http://example.com | httpstatus explain        every hop of a chain
  curl -sv https://example.com 2>&1 | httpstatus explain   with the request
  httpstatus explain response.txt
  httpstatus explain --json < response.txt`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, name := s.in, "stdin"
			if len(args) == 1 && args[0] != "-" {
				f, err := openFile(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				in, name = f, args[0]
			} else if isTerminal(s.in) {
				return usageError{errors.New("explain reads responses from a file or a pipe, e.g. curl -si URL | httpstatus explain")}
			}
			rep, err := explain.Explain(data.Load(), in)
			if err != nil {
				fmt.Fprintf(s.err, "httpstatus explain: %s: %v\n", name, err)
				return exitError(explainNotHTTP)
			}
			out, done := pagedStdout(cmd, s)
			if asJSON {
				err = writeJSON(out, rep.Results)
			} else {
				err = writeExplanation(out, s, rep, colorOf(cmd).profile(s.out, s.env))
			}
			if err := errors.Join(err, done()); err != nil {
				return err
			}
			if rep.Unknown() {
				for _, res := range rep.Results {
					if res.Entry == nil {
						fmt.Fprintf(s.err, "httpstatus explain: %s: no catalog entry for %s\n", name, data.FormatCode(res.Status))
					}
				}
				return exitError(explainUnknown)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print a JSON array, one object per response")
	return cmd
}

// openFile opens a file to read, refusing a directory up front: reading
// one fails only later, with a message about reading.
func openFile(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a directory", name)
	}
	return f, nil
}

func writeExplanation(w io.Writer, s streams, rep *explain.Report, profile colorprofile.Profile) error {
	term, _ := terminalSize(s.out)
	st := ui.NewStyles(darkBackground(s.env), profile)
	_, err := io.WriteString(profileWriter(w, profile), ui.Explanation(rep, &st, textWidth(term)))
	return err
}
