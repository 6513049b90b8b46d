// Command httpstatus looks up HTTP status codes: an interactive explorer on a
// terminal, a script-friendly lookup otherwise, and an SSH service.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/model"
	"github.com/httpstatus-dev/httpstatus/server"
)

func main() {
	s := streams{in: os.Stdin, out: os.Stdout, err: os.Stderr, env: os.Environ(), tty: openTTY}
	os.Exit(runStreams(os.Args[1:], s))
}

// streams are the process's input, outputs and environment, so the same
// command runs for a local user and for an SSH session.
type streams struct {
	in       io.Reader
	out, err io.Writer
	env      []string
	// tty opens the terminal when stdin or stdout is not one; nil where
	// there is none to open (an SSH session's CLI, tests).
	tty func() (*os.File, error)
	// explore opens the explorer of an SSH session with a terminal, where
	// the explorer opens whenever it can; nil locally.
	explore func(plain bool, opts ...model.Option) error
}

func openTTY() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }

func runStreams(args []string, s streams) int {
	root := newQueryCommand(s)
	root.AddCommand(newServeCommand(s))
	root.AddCommand(newChooseCommand(s))
	root.AddCommand(newExplainCommand(s))
	root.AddCommand(newManCommand())
	root.AddCommand(newLogCommand(s))
	return execute(root, args, s)
}

// newQueryCommand is `httpstatus [query]`: the lookup and the explorer. It
// is the root of the command tree and holds the flags every command takes.
func newQueryCommand(s streams) *cobra.Command {
	var (
		asJSON      bool
		interactive bool
		showVersion bool
	)
	cmd := &cobra.Command{
		Use:   "httpstatus [code | class | words]",
		Short: "Look up, understand and choose HTTP status codes",
		Long: `httpstatus explains HTTP status codes: the RFC 9110 meaning, which RFC section
defines them, related headers and codes, language constants, and vendor codes
such as nginx 499 or Cloudflare 522.

With no query on a terminal it opens the interactive explorer.`,
		Example: `  httpstatus 404            the card for 404
  httpstatus 301 308        a card for each, to compare them
  httpstatus 4xx            every client error, one line each (also 40x, 4)
  httpstatus rate limit     ranked search
  httpstatus --json 5xx     JSON for scripts
  httpstatus -i teapot      the explorer, filtered`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeCodes,
		RunE: func(cmd *cobra.Command, args []string) error {
			if showVersion {
				return printVersion(s.out, asJSON)
			}
			query := strings.Join(args, " ")
			if len(args) > 0 {
				if err := data.CheckQuery(query); err != nil {
					fmt.Fprintln(s.err, "httpstatus:", err)
					return exitError(exitUsage)
				}
			}
			if s.explore != nil && !asJSON { // ssh -t host [query]
				return openExplorer(cmd, s, model.WithQuery(query))
			}
			outTTY, inTTY := isTerminal(s.out), isTerminal(s.in)
			if interactive || (len(args) == 0 && outTTY && inTTY && capable(s.env) && !asJSON) {
				if err := canExplore(s); err != nil {
					return err
				}
				return openExplorer(cmd, s, model.WithQuery(query))
			}
			term := 0
			if capable(s.env) {
				term, _ = terminalSize(s.out)
			}
			out, done := pagedStdout(cmd, s)
			status := lookup(data.Load(), query, out, s.err, lookupOptions{
				json:    asJSON,
				width:   term,
				profile: colorOf(cmd).profile(s.out, s.env),
				dark:    darkBackground(s.env),
			})
			if err := done(); err != nil {
				return err
			}
			if status != exitFound {
				return exitError(status)
			}
			return nil
		},
	}
	addRootFlags(cmd)
	f := cmd.Flags()
	// Our own --version rather than cobra's, which runs a template: a
	// tenth of a millisecond, a twentieth of the run.
	f.BoolVarP(&showVersion, "version", "v", false, "print the version, the commit and its date (with --json: and the Go version and platform)")
	f.BoolVar(&asJSON, "json", false, "print entries as a JSON array")
	f.BoolVarP(&interactive, "interactive", "i", false, "open the explorer, filtered by the query")
	return cmd
}

// completeCodes offers catalogued codes with their phrases: 40<TAB> lists
// "404  Not Found" and the rest.
func completeCodes(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	seen := map[int]bool{}
	for _, s := range data.Load().All() {
		code := s.CodeString()
		if seen[s.Code] || !strings.HasPrefix(code, toComplete) {
			continue
		}
		seen[s.Code] = true
		out = append(out, cobra.CompletionWithDesc(code, s.Phrase))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// newServeCommand is `httpstatus serve`: the explorer over SSH. A session
// gets the query command and choose alone, never `serve`, `explain` (which
// would read the session's input) or a shell: with a PTY they open the
// explorer and the guide, without one they only print.
func newServeCommand(s streams) *cobra.Command {
	cfg := server.DefaultConfig()
	sessionTree := func(args []string, out, errw io.Writer, env []string, explore func(bool, ...model.Option) error) int {
		q := streams{in: strings.NewReader(""), out: out, err: errw, env: env, explore: explore}
		root := newQueryCommand(q)
		root.AddCommand(newChooseCommand(q))
		return execute(root, args, q)
	}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the explorer over SSH (ssh -p 23234 host)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg.Query = func(args []string, out, errw io.Writer, env []string) int {
				return sessionTree(args, out, errw, env, nil)
			}
			cfg.Terminal = sessionTree
			cfg.LogOutput = s.err
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			return server.Run(ctx, cfg) // its failures are runtime ones: exit 1, no usage hint
		},
	}
	cfg.Flags(cmd.Flags())
	return cmd
}

// chooser is the explorer as runExplorer needs it: a program that may end
// with a code chosen.
type chooser interface {
	tea.Model
	Chosen() string
}

// explorer builds the explorer with opts, choosing with enter when pick.
func explorer(opts ...model.Option) func(pick bool) chooser {
	return func(pick bool) chooser {
		if pick {
			opts = append(opts, model.WithPick())
		}
		return model.New(data.Load(), opts...)
	}
}

// openExplorer opens the explorer: in an SSH session's terminal through the
// session, else on the process's terminal.
func openExplorer(cmd *cobra.Command, s streams, opts ...model.Option) error {
	if s.explore != nil {
		return s.explore(colorOf(cmd).plain(s.env), opts...)
	}
	return runExplorer(cmd, s, explorer(opts...))
}

// errNoTerminal is -i where there is no terminal to open.
var errNoTerminal = usageError{errors.New("the explorer needs a terminal; drop -i to print instead")}

// canExplore reports whether runExplorer will find a terminal, before a
// command reads its input for it.
func canExplore(s streams) error {
	if !capable(s.env) {
		return usageError{errors.New("the explorer needs a terminal that can draw a screen (TERM=dumb); drop -i to print instead")}
	}
	tty, err := terminalFor(s)
	if err != nil || tty == nil {
		return err
	}
	return tty.Close()
}

// terminalFor opens the terminal when stdin or stdout is not one; nil when
// both are.
func terminalFor(s streams) (*os.File, error) {
	if isTerminal(s.in) && isTerminal(s.out) {
		return nil, nil
	}
	if s.tty == nil {
		return nil, errNoTerminal
	}
	tty, err := s.tty()
	if err != nil {
		return nil, errNoTerminal
	}
	return tty, nil
}

// runExplorer opens the interactive explorer on the process's terminal.
// When stdout is not a terminal (code=$(httpstatus -i 404), or a pipe) it
// draws on /dev/tty instead, as fzf does, and hands the code chosen with
// enter to stdout; leaving without a choice exits 130.
func runExplorer(cmd *cobra.Command, s streams, newModel func(pick bool) chooser) error {
	in, out := s.in, s.out
	pick := !isTerminal(s.out)
	tty, err := terminalFor(s)
	if err != nil {
		return err
	}
	if tty != nil {
		defer tty.Close()
		in = tty
		if pick {
			out = tty
		}
	}
	popts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(s.env)}
	if colorOf(cmd).plain(s.env) {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	g := &guarded{chooser: newModel(pick)}
	p := tea.NewProgram(g, popts...)
	g.safe.Quit = func() { go p.Quit() }
	_, err = p.Run()
	if crash := g.safe.Panicked(); crash != nil {
		_, _ = fmt.Fprintf(s.err, "panic: %v\n\n%s", crash.Value, crash.Stack)
		return errors.New("the explorer crashed, sorry; please report it with what it printed above")
	}
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return exitError(exitNoChoice)
	case errors.Is(err, tea.ErrProgramPanic):
		return errors.New("the explorer crashed, sorry; please report it with what Bubble Tea printed above")
	case err != nil:
		return fmt.Errorf("explorer: %w", err)
	}
	if !pick {
		return nil
	}
	if code := g.Chosen(); code != "" {
		_, err := fmt.Fprintln(s.out, code)
		return err
	}
	return exitError(exitNoChoice)
}
