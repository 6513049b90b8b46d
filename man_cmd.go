package main

// Written here rather than with mango-cobra or cobra/doc: mango stamps the
// page with the time it runs (no reproducible release) and turns each line
// break into a paragraph, and cobra/doc writes one page per command; neither
// takes the sections below or flag defaults.

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newManCommand is `httpstatus man`: httpstatus(1) in roff, generated from
// the command tree, so that it lists every command and flag as they are.
func newManCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page, httpstatus(1), in roff",
		Long: `man prints the manual page in roff. Release archives and packages ship
it; from a build of your own, install it with the commands below.`,
		Example: `  httpstatus man | man -l -
  httpstatus man > ~/.local/share/man/man1/httpstatus.1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(cmd.OutOrStdout(), manPage(cmd.Root(), readBuildInfo()))
			return err
		},
	}
}

// The sections the command tree cannot say. Each entry is a tag and its
// paragraph; in both, `x` is set in bold (what is typed) and a line that
// starts with two spaces is kept as it is.
var (
	manQueries = [][2]string{
		{"`404`, `301 308`, `401 or 403`", "The card of each code: the meaning the query points to, or the standard one. Codes people confuse (301 302 307 308) get a comparison table first. Other meanings of a code (GitHub's 404) are listed after its card, then its sub-codes."},
		{"`4xx`, `40x`, `4x`, `4`", "Every entry of the class, one line each, in code order. With words (`5xx timeout`), the entries of the class they match."},
		{"`502 bad gateway`, `499 nginx`, `503 varnish`", "That code; words that name a vendor or a phrase choose among its meanings."},
		{"`HTTP/1.1 404 Not Found`, a `curl -si` response, a log line", "The status each one holds; the reason phrase and the Server and Via fields choose the meaning, and an IIS log line's substatus its sub-code."},
		{"`404.3`, `error 1020`", "An IIS substatus or a Cloudflare error, explained before the card of the status it is sent with."},
		{"`rate limit`, `unauthorised`, `gatway timout`, `http.StatusTeapot`", "A ranked search over phrases, former names, keywords, vendors, constant names and descriptions, forgiving of word forms, British spellings, typos and words run together."},
	}
	manExit = [][2]string{
		{"0", "Found; with -i or choose on a pipe, a code was chosen."},
		{"1", "Nothing matched (stderr names the nearest codes); explain: a status the catalog lacks. Or a runtime failure: a port in use, a host key others can read, a file that cannot be read, a crashed explorer. stderr says what failed."},
		{"2", "A usage error: an unknown flag or command, an empty query, a query over 64 KiB or with control characters, -i without a terminal; explain: input that is not an HTTP response. stderr ends with a hint to run httpstatus --help."},
		{"130", "-i or choose on a pipe, left without choosing."},
	}
	manEnvironment = [][2]string{
		{"NO_COLOR", "Set to anything but the empty string, no colours (bold and reverse still mark things on a terminal); --color=always overrides it."},
		{"CLICOLOR_FORCE", "Set to 1, colours on a pipe too, unless NO_COLOR is set."},
		{"COLORFGBG", "Read for the terminal's background (light when it ends in ;7 or ;15), so that printed colours suit it."},
		{"TERM", "dumb: no explorer, no pager, no colours; the lookup prints what it prints to a pipe."},
		{"PAGER", "The pager for output taller than the terminal, split into words as a shell would, without running one; unset: less -FRX; empty or cat: none. LESS=FRX and LV=-c are set for it unless already set."},
		{"XDG_DATA_HOME", "serve keeps its default host key in $XDG_DATA_HOME/httpstatus (an absolute path; else ~/.local/share/httpstatus)."},
	}
	manFiles = [][2]string{
		{"$XDG_DATA_HOME/httpstatus/ssh_host_ed25519", "The SSH host key of serve, generated on first start with mode 0600 in a 0700 directory. serve refuses a key or directory that group or others can access."},
	}
)

// manPage renders httpstatus(1) from the root of the command tree.
func manPage(root *cobra.Command, info buildInfo) string {
	var m manWriter
	day, _, _ := strings.Cut(info.Date, "T")
	m.macro("TH", "HTTPSTATUS", "1", day, "httpstatus "+info.Version, "User Commands")
	m.macro("SH", "NAME")
	m.text(root.Name() + ` \- ` + strings.ToLower(root.Short[:1]) + root.Short[1:])

	m.macro("SH", "SYNOPSIS")
	for i, c := range manCommands(root) {
		if i > 0 {
			m.macro("br")
		}
		m.synopsis(c)
	}

	m.macro("SH", "DESCRIPTION")
	m.prose(root.Long)
	m.macro("PP")
	m.text("A query is one or more words, joined with spaces:")
	m.tagged(manQueries)
	m.flags(root)

	m.macro("SH", "COMMANDS")
	for _, c := range manCommands(root)[1:] {
		m.macro("SS", c.CommandPath())
		m.prose(cmp.Or(c.Long, c.Short))
		m.flags(c)
		if subs := visible(c.Commands()); len(subs) > 0 {
			for _, sub := range subs {
				m.macro("TP")
				m.bold(sub.CommandPath() + strings.TrimPrefix(sub.Use, sub.Name()))
				m.text(sub.Short)
			}
		}
		m.example(c.Example)
	}

	m.macro("SH", "EXIT STATUS")
	m.tagged(manExit)
	m.macro("SH", "ENVIRONMENT")
	m.tagged(manEnvironment)
	m.macro("SH", "FILES")
	m.tagged(manFiles)
	m.macro("SH", "EXAMPLES")
	m.example(root.Example)
	m.macro("SH", "SEE ALSO")
	m.text(`\fBcurl\fR(1), \fBless\fR(1), \fBssh\fR(1), and the README at`)
	m.line(`.UR https://github.com/httpstatus-dev/httpstatus`)
	m.line(`.UE .`)
	return m.String()
}

// manCommands are the root and the commands it documents, in the tree's
// order: not help, which every command has as a flag too.
func manCommands(root *cobra.Command) []*cobra.Command {
	return append([]*cobra.Command{root}, visible(root.Commands())...)
}

func visible(cs []*cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range cs {
		if c.IsAvailableCommand() && c.Name() != "help" {
			out = append(out, c)
		}
	}
	return out
}

// manWriter writes roff for man(7).
type manWriter struct{ strings.Builder }

func (m *manWriter) line(s string) { m.WriteString(s + "\n") }

// macro writes a request with its arguments quoted.
func (m *manWriter) macro(name string, args ...string) {
	m.WriteString("." + name)
	for _, a := range args {
		m.WriteString(` "` + strings.ReplaceAll(escape(a), `"`, `\(dq`) + `"`)
	}
	m.WriteString("\n")
}

// text writes roff text: one input line per line of s, none starting with a
// control character.
func (m *manWriter) text(s string) {
	for l := range strings.Lines(s) {
		l = strings.TrimRight(l, "\n")
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			l = `\&` + l
		}
		m.line(l)
	}
}

func (m *manWriter) bold(s string) { m.text(`\fB` + code(escape(s)) + `\fR`) }

// prose writes paragraphs separated by blank lines, filled by roff.
func (m *manWriter) prose(s string) {
	for i, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if i > 0 {
			m.macro("PP")
		}
		m.text(marked(p))
	}
}

// tagged writes a list of tags and paragraphs.
func (m *manWriter) tagged(items [][2]string) {
	for _, it := range items {
		m.macro("TP")
		m.text(`\fB` + marked(it[0]) + `\fR`)
		m.text(marked(it[1]))
	}
}

// example writes text as typed, unfilled.
func (m *manWriter) example(s string) {
	if s == "" {
		return
	}
	m.macro("PP")
	m.macro("nf")
	m.macro("RS", "4")
	m.text(code(escape(strings.TrimRight(s, "\n"))))
	m.macro("RE")
	m.macro("fi")
}

func (m *manWriter) synopsis(c *cobra.Command) {
	args := strings.TrimSpace(strings.TrimPrefix(c.Use, c.Name()))
	line := `\fB` + code(escape(c.CommandPath())) + `\fR [\fIflags\fR]`
	if args != "" {
		line += " " + code(escape(args))
	}
	if subs := visible(c.Commands()); len(subs) > 0 && c.HasParent() {
		var names []string
		for _, sub := range subs {
			names = append(names, sub.Name())
		}
		line += " " + strings.Join(names, "|")
	}
	m.text(line)
}

// flags lists a command's own flags; the root's also apply to every
// command.
func (m *manWriter) flags(c *cobra.Command) {
	var fs []*pflag.Flag
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" {
			fs = append(fs, f)
		}
	})
	if len(fs) == 0 {
		return
	}
	if c.HasParent() {
		m.macro("PP")
		m.text("Flags:")
	} else {
		m.macro("PP")
		m.text(code(`Flags (\fB--color\fR and \fB--no-pager\fR apply to every command):`))
	}
	for _, f := range fs {
		m.macro("TP")
		tag := `\fB--` + f.Name + `\fR`
		if f.Shorthand != "" {
			tag = `\fB-` + f.Shorthand + `\fR, ` + tag
		}
		name, usage := pflag.UnquoteUsage(f) // as --help shows them
		if name != "" {
			tag += ` \fI` + name + `\fR`
		}
		m.text(code(tag))
		usage = escape(usage)
		if d := portableDefault(f.DefValue); f.Value.Type() != "bool" && d != "" && d != "0" && d != "[]" {
			usage += " (default " + code(escape(d)) + ")"
		}
		m.text(usage)
	}
}

// portableDefault writes a default that comes from where the page is
// generated as the variable it comes from: $XDG_DATA_HOME/... or ~/....
func portableDefault(v string) string {
	if dir := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) && strings.HasPrefix(v, dir+"/") {
		return "$XDG_DATA_HOME" + strings.TrimPrefix(v, dir)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "/" && strings.HasPrefix(v, home+"/") {
		return "~" + strings.TrimPrefix(v, home)
	}
	return v
}

// escape makes text safe for roff: backslashes printed, and characters
// outside ASCII as \[uXXXX], which groff reads whatever the locale.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r > 0x7e:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code sets hyphens as the minus signs typed in commands and flags.
func code(s string) string { return strings.ReplaceAll(s, "-", `\-`) }

// marked escapes text and sets each `x` in bold.
func marked(s string) string {
	parts := strings.Split(escape(s), "`")
	for i := 1; i < len(parts); i += 2 {
		parts[i] = `\fB` + code(parts[i]) + `\fR`
	}
	return strings.Join(parts, "")
}
