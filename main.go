// Command httpstatus looks up HTTP status codes: an interactive explorer on a
// terminal, a script-friendly lookup otherwise, and an SSH service.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
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
}

func openTTY() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }

func run(args []string, in io.Reader, out, errw io.Writer, env []string) int {
	return runStreams(args, streams{in: in, out: out, err: errw, env: env})
}

func runStreams(args []string, s streams) int {
	root := newQueryCommand(s)
	root.AddCommand(newServeCommand(s))
	root.AddCommand(newChooseCommand(s))
	root.AddCommand(newExplainCommand(s))
	root.AddCommand(newLogCommand(s))
	return execute(root, args, s)
}

// execute runs a command tree and turns its outcome into an exit status:
// 0, the lookup's own status, or 2 for any usage error.
func execute(root *cobra.Command, args []string, s streams) int {
	root.SetArgs(args)
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SilenceErrors = true
	root.SilenceUsage = true
	if err := root.Execute(); err != nil {
		var exit exitError
		if errors.As(err, &exit) {
			return int(exit)
		}
		fmt.Fprintf(s.err, "httpstatus: %v\nRun 'httpstatus --help' for usage.\n", err)
		return exitUsage
	}
	return exitFound
}

// exitError carries a non-zero exit status out of a command without a
// message (the command has already said why).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// newQueryCommand is `httpstatus [query]`: the lookup and the explorer.
func newQueryCommand(s streams) *cobra.Command {
	var (
		asJSON      bool
		interactive bool
		showVersion bool
		colorMode   = colorFlag("auto")
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
				fmt.Fprintln(s.out, "httpstatus", version())
				return nil
			}
			query := strings.Join(args, " ")
			if len(args) > 0 {
				if err := data.CheckQuery(query); err != nil {
					fmt.Fprintln(s.err, "httpstatus:", err)
					return exitError(exitUsage)
				}
			}
			outTTY, inTTY := isTerminal(s.out), isTerminal(s.in)
			capable := getenv(s.env, "TERM") != "dumb" // a dumb terminal gets the table
			if interactive || (len(args) == 0 && outTTY && inTTY && capable && !asJSON) {
				if !capable {
					return errors.New("the explorer needs a terminal that can draw a screen (TERM=dumb); drop -i to print instead")
				}
				return runExplorer(s, colorMode.plain(s.env), model.WithQuery(query))
			}
			width := 0
			if outTTY && capable {
				width = terminalWidth(s.out)
			}
			status := lookup(data.Load(), query, s.out, s.err, lookupOptions{
				json:    asJSON,
				width:   width,
				profile: colorMode.profile(s.out, s.env),
				dark:    darkBackground(s.env),
			})
			if status != exitFound {
				return exitError(status)
			}
			return nil
		},
	}
	f := cmd.Flags()
	// Our own --version rather than cobra's, which runs a template: a
	// tenth of a millisecond, a twentieth of the run.
	f.BoolVarP(&showVersion, "version", "v", false, "print the version")
	f.BoolVar(&asJSON, "json", false, "print entries as a JSON array")
	f.BoolVarP(&interactive, "interactive", "i", false, "open the explorer, filtered by the query")
	f.Var(&colorMode, "color", "colour output: auto, always or never")
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
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

// colorFlag is --color=auto|always|never.
type colorFlag string

func (c *colorFlag) String() string { return string(*c) }
func (c *colorFlag) Type() string   { return "when" }
func (c *colorFlag) Set(v string) error {
	switch v {
	case "auto", "always", "never":
		*c = colorFlag(v)
		return nil
	}
	return fmt.Errorf("must be auto, always or never, not %q", v)
}

// profile decides the colours of output: none with --color=never, NO_COLOR
// or a pipe; colour with --color=always; otherwise what the terminal has.
func (c colorFlag) profile(out io.Writer, env []string) colorprofile.Profile {
	switch {
	case c == "never":
		return colorprofile.NoTTY
	case c == "always":
		if p := colorprofile.Env(env); p > colorprofile.ANSI {
			return p
		}
		return colorprofile.ANSI256
	case getenv(env, "NO_COLOR") != "":
		if isTerminal(out) {
			return colorprofile.Ascii // bold and reverse still mark things
		}
		return colorprofile.NoTTY
	}
	return colorprofile.Detect(out, env) // none when piped, unless CLICOLOR_FORCE
}

// darkBackground guesses the background from COLORFGBG without asking the
// terminal, which would cost a round trip on every lookup.
func darkBackground(env []string) bool {
	v := getenv(env, "COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		switch v[i+1:] {
		case "7", "15":
			return false
		}
	}
	return true
}

func getenv(env []string, key string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], key+"="); ok {
			return v
		}
	}
	return ""
}

func isTerminal(f any) bool {
	fd, ok := f.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(fd.Fd())
}

func terminalWidth(f any) int {
	if fd, ok := f.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(fd.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// version is the module version from build info: a tag for `go install
// ...@v1.2.3`, or (devel) with the commit for a local build.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

// newServeCommand is `httpstatus serve`: the explorer over SSH. Sessions
// without a PTY get the query command alone, never `serve` or a shell.
func newServeCommand(s streams) *cobra.Command {
	cfg := server.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the explorer over SSH (ssh -p 23234 host)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg.Query = func(args []string, out, errw io.Writer, env []string) int {
				// The lookup and the guide's outline: both only print. Not
				// explain, which would read the session's input, nor serve.
				q := streams{in: strings.NewReader(""), out: out, err: errw, env: env}
				root := newQueryCommand(q)
				root.AddCommand(newChooseCommand(q))
				return execute(root, args, q)
			}
			cfg.LogOutput = s.err
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			return server.Run(ctx, cfg)
		},
	}
	cfg.Flags(cmd.Flags())
	return cmd
}

// runExplorer opens the interactive explorer on the process's terminal.
// When stdout is not a terminal (code=$(httpstatus -i 404), or a pipe) it
// draws on /dev/tty instead, as fzf does, and hands the code chosen with
// enter to stdout; leaving without a choice exits 130.
func runExplorer(s streams, plain bool, opts ...model.Option) error {
	in, out := s.in, s.out
	pick := !isTerminal(s.out)
	if pick || !isTerminal(s.in) {
		if s.tty == nil {
			return errors.New("the explorer needs a terminal; drop -i to print instead")
		}
		tty, err := s.tty()
		if err != nil {
			return errors.New("the explorer needs a terminal; drop -i to print instead")
		}
		defer tty.Close()
		in = tty
		if pick {
			out = tty
			opts = append(opts, model.WithPick())
		}
	}
	popts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(s.env)}
	if plain {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := tea.NewProgram(model.New(data.Load(), opts...), popts...).Run()
	if err != nil {
		return fmt.Errorf("explorer: %w", err)
	}
	if !pick {
		return nil
	}
	if code := final.(*model.Model).Chosen(); code != "" {
		_, err := fmt.Fprintln(s.out, code)
		return err
	}
	return exitError(exitNoChoice)
}

// exitNoChoice is the exit status of the explorer left without a choice
// in pick mode, as fzf and shells use for an interrupt.
const exitNoChoice = 130

// plain reports whether the explorer draws without colour: --color=never,
// or NO_COLOR unless --color=always. Bold and reverse still mark things.
func (c colorFlag) plain(env []string) bool {
	return c == "never" || (c == "auto" && getenv(env, "NO_COLOR") != "")
}
