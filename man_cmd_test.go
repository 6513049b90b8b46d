package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// httpstatus man renders without a warning from groff or man, and says
// every command and flag of the tree and the sections the tree cannot.
func TestManPage(t *testing.T) {
	// A default that comes from where the page is made reads as the
	// variable it comes from.
	t.Setenv("XDG_DATA_HOME", "/srv/data")
	if roff, _, _ := cli(t, nil, "man"); !strings.Contains(roff, `(default $XDG_DATA_HOME/httpstatus/ssh_host_ed25519)`) {
		t.Error("the host key's default is not written as $XDG_DATA_HOME/...")
	}
	t.Setenv("XDG_DATA_HOME", "")
	roff, errw, status := cli(t, nil, "man")
	if status != 0 || errw != "" || !strings.HasPrefix(roff, `.TH "HTTPSTATUS" "1" `) {
		t.Fatalf("status %d, stderr %q:\n%.200s", status, errw, roff)
	}
	for i, l := range strings.Split(roff, "\n") {
		for _, r := range l {
			if r > 0x7e || (r < ' ' && r != '\t') {
				t.Fatalf("line %d holds %q, which roff may not read: %q", i+1, r, l)
			}
		}
	}
	page := filepath.Join(t.TempDir(), "httpstatus.1")
	if err := os.WriteFile(page, []byte(roff), 0o644); err != nil {
		t.Fatal(err)
	}

	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff not installed (Debian groff-base)")
	}
	cmd := exec.Command(groff, "-man", "-ww", "-z", "-Tutf8", page)
	var warnings bytes.Buffer
	cmd.Stderr = &warnings
	if err := cmd.Run(); err != nil || warnings.Len() > 0 {
		t.Errorf("groff -ww: %v\n%s", err, warnings.String())
	}

	man, err := exec.LookPath("man")
	if err != nil {
		t.Skip("man not installed (Debian man-db)")
	}
	cmd = exec.Command(man, "--warnings=w", "-l", page)
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat", "LC_ALL=C.UTF-8")
	warnings.Reset()
	cmd.Stderr = &warnings
	out, err := cmd.Output()
	if err != nil || warnings.Len() > 0 {
		t.Fatalf("man -l: %v\n%s", err, warnings.String())
	}
	// man joins words across lines and may hyphenate them: compare words.
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(out), "\u2010\n", "")), " ")
	want := []string{"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO",
		"NO_COLOR", "CLICOLOR_FORCE", "PAGER", "XDG_DATA_HOME", "gatway timout", "130 -i or choose on a pipe",
		"--host-key string SSH host key file (ed25519; generated if missing, mode 0600) (default ~/.local/share/httpstatus/ssh_host_ed25519)"}
	root := newQueryCommand(streams{})
	root.AddCommand(newServeCommand(streams{}), newChooseCommand(streams{}), newExplainCommand(streams{}), newManCommand())
	for _, c := range append(root.Commands(), root) {
		want = append(want, c.CommandPath())
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" {
				want = append(want, "--"+f.Name)
			}
		})
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the page lacks %q", w)
		}
	}
}
