package main

// What every command of the tree shares, so that each does it one way:
// exit statuses and how errors become them, the root's --color and
// --no-pager, terminal detection and width, the background, the colour
// writer and the JSON encoder. The pager itself is in pager.go.

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/spf13/pflag"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// Exit statuses of the command line (README's tables are the contract).
const (
	exitFound    = 0
	exitNoMatch  = 1   // nothing matched; stderr says so
	exitFailure  = 1   // a runtime failure: port in use, unreadable file, crashed explorer
	exitUsage    = 2   // a wrong command line; stderr ends with the usage hint
	exitNoChoice = 130 // the explorer or guide left without a choice on a pipe, as fzf does
)

// exitError carries a non-zero exit status out of a command that has
// already said why.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// usageError is a wrong command line found while a command runs (-i
// without a terminal): exit 2 with the usage hint, like cobra's own errors.
type usageError struct{ error }

// failure is any other error a command returns while it runs: what failed,
// exit 1, no usage hint.
type failure struct {
	command string // "httpstatus serve"
	err     error
}

func (f failure) Error() string { return f.command + ": " + f.err.Error() }
func (f failure) Unwrap() error { return f.err }

// execute runs a command tree and turns its outcome into an exit status.
// cobra's errors (unknown flags and commands, wrong arguments) and
// usageErrors exit 2 with the usage hint; errors a command returns while
// running exit 1; exitErrors carry their own status.
func execute(root *cobra.Command, args []string, s streams) int {
	markFailures(root)
	root.SetArgs(logFieldArgs(root, args))
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SilenceErrors = true
	root.SilenceUsage = true
	err := root.Execute()
	var (
		exit  exitError
		usage usageError
		fail  failure
	)
	switch {
	case err == nil:
		return exitFound
	case errors.As(err, &exit):
		return int(exit)
	case errors.As(err, &fail) && !errors.As(err, &usage):
		fmt.Fprintln(s.err, fail)
		return exitFailure
	}
	fmt.Fprintf(s.err, "httpstatus: %v\nRun 'httpstatus --help' for usage.\n", err)
	return exitUsage
}

// logFieldArgs lets a query typed without quotes hold log fields that
// look like flags: a pasted log line's "-" and "-1" (httpstatus -1 -1 -1
// 502 -), a message's "->", and in a message of several words its own
// options (kubectl's "--validate=false"). When the query has such a
// field, or is such a message, the real flags among the arguments go
// first and the rest after "--", in order; otherwise anything that
// starts with "-" stays a flag, and an unknown one a usage error.
func logFieldArgs(root *cobra.Command, args []string) []string {
	if len(args) == 0 || slices.ContainsFunc(root.Commands(), func(c *cobra.Command) bool { return c.Name() == args[0] || c.HasAlias(args[0]) }) ||
		slices.Contains(args, "--") || !slices.ContainsFunc(args, isLogField) && !pastedMessage(args) {
		return args
	}
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		f := lookupFlag(root, a)
		if f == nil || isLogField(a) {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		if f.NoOptDefVal == "" && !strings.Contains(a, "=") && i+1 < len(args) {
			i++ // the flag's value: --color never
			flags = append(flags, args[i])
		}
	}
	return append(append(flags, "--"), rest...)
}

// isLogField reports whether an argument is a log field, not a flag: "-"
// (no value), a negative number ("-1", HAProxy's and ELB's no status), an
// arrow ("->"), or a quoted line that starts with one ("-1 -1 -1 502 -").
func isLogField(a string) bool {
	if a == "-" || strings.HasPrefix(a, "-") && strings.ContainsAny(a, " \t") {
		return true
	}
	n, ok := strings.CutPrefix(a, "-")
	return ok && n != "" && n[0] != '-' && !unicode.IsLetter(rune(n[0]))
}

// messageArgs is how many words, not counting flags, make the arguments a
// pasted message rather than a query typed with options.
const messageArgs = 6

// pastedMessage reports whether the arguments are a message pasted
// without quotes: at least messageArgs words that are not flags.
func pastedMessage(args []string) bool {
	words := 0
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			words++
		}
	}
	return words >= messageArgs
}

// lookupFlag finds the root's flag an argument names (--json, -i,
// --color=never), or nil.
func lookupFlag(root *cobra.Command, a string) *pflag.Flag {
	fs := root.Flags()
	switch {
	case strings.HasPrefix(a, "--"):
		name, _, _ := strings.Cut(a[2:], "=")
		return fs.Lookup(name)
	case strings.HasPrefix(a, "-") && len(a) == 2:
		return fs.ShorthandLookup(a[1:])
	}
	return nil
}

// markFailures wraps the errors each command returns from its RunE as
// failures, so that execute can tell them from cobra's usage errors, which
// come before RunE.
func markFailures(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			err := run(cmd, args)
			if err == nil || errors.As(err, new(exitError)) || errors.As(err, new(usageError)) || errors.As(err, new(failure)) {
				return err
			}
			return failure{command: cmd.CommandPath(), err: err}
		}
	}
	for _, sub := range c.Commands() {
		markFailures(sub)
	}
}

// addRootFlags registers the flags every command takes: --color and
// --no-pager.
func addRootFlags(root *cobra.Command) {
	mode := colorFlag("auto")
	f := root.PersistentFlags()
	f.Var(&mode, "color", "colour output: auto, always or never")
	f.Bool("no-pager", false, "print straight to the terminal, without $PAGER or less")
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
}

// colorOf is --color as the running command sees it.
func colorOf(cmd *cobra.Command) colorFlag {
	if f := cmd.Flag("color"); f != nil {
		if c, ok := f.Value.(*colorFlag); ok {
			return *c
		}
	}
	return "auto"
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

// plain reports whether the explorer draws without colour: --color=never,
// or NO_COLOR unless --color=always. Bold and reverse still mark things.
func (c colorFlag) plain(env []string) bool {
	return c == "never" || (c == "auto" && getenv(env, "NO_COLOR") != "")
}

// profileWriter fits what is written to the profile: colours it lacks
// become ones it has. On a pipe (NoTTY) the styles are plain, so there is
// nothing to strip and the text goes straight out.
func profileWriter(w io.Writer, p colorprofile.Profile) io.Writer {
	if p == colorprofile.NoTTY {
		return w
	}
	return &colorprofile.Writer{Forward: w, Profile: p}
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
	v, _ := lookupEnv(env, key)
	return v
}

// lookupEnv is os.LookupEnv over an environment list.
func lookupEnv(env []string, key string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], key+"="); ok {
			return v, true
		}
	}
	return "", false
}

func isTerminal(f any) bool {
	fd, ok := f.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(fd.Fd())
}

// capable reports whether the terminal can draw a screen; a dumb one gets
// what a pipe gets.
func capable(env []string) bool { return getenv(env, "TERM") != "dumb" }

// terminalSize is the size of the terminal f is, or 0, 0 when it is not
// one.
func terminalSize(f any) (width, height int) {
	fd, ok := f.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(fd.Fd()) {
		return 0, 0
	}
	w, h, err := term.GetSize(fd.Fd())
	if err != nil || w <= 0 || h <= 0 {
		return 80, 24
	}
	return w, h
}

// Printed text is wrapped at the terminal's width up to maxWidth, where
// longer lines get hard to follow, and at pipeWidth when it is not printed
// to a terminal.
const (
	maxWidth  = 100
	pipeWidth = 80
)

// textWidth is the width to wrap printed text at, given the terminal's
// width (0 for none).
func textWidth(terminal int) int {
	if terminal > 0 {
		return min(terminal, maxWidth)
	}
	return pipeWidth
}

// writeJSON prints v as every --json does: indented, with <, > and &
// as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
