package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"

	"github.com/anmitsu/go-shlex"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// pagedStdout is where a command prints for a person. On a terminal, the
// output is held until done is called and then goes through the pager when
// it is taller than the screen, as git and glow do: $PAGER, else
// `less -FRX`. Never on a pipe, on a dumb terminal, with --no-pager, or
// with PAGER set to "" or cat. done returns no error of the pager's: the
// output has been shown one way or the other.
func pagedStdout(cmd *cobra.Command, s streams) (out io.Writer, done func() error) {
	if noPager, _ := cmd.Flags().GetBool("no-pager"); noPager || !capable(s.env) {
		return s.out, func() error { return nil }
	}
	width, height := terminalSize(s.out)
	if width == 0 {
		return s.out, func() error { return nil }
	}
	var buf bytes.Buffer
	return &buf, func() error {
		if rows(buf.String(), width) < height {
			_, err := s.out.Write(buf.Bytes())
			return err
		}
		if err := runPager(s, buf.Bytes()); err != nil {
			_, err := s.out.Write(buf.Bytes())
			return err
		}
		return nil
	}
}

// rows is how many terminal rows text takes at the width.
func rows(text string, width int) int {
	n := 0
	for l := range strings.Lines(text) {
		n += max(1, (ansi.StringWidth(strings.TrimSuffix(l, "\n"))+width-1)/width)
	}
	return n
}

// runPager shows text through the pager on the terminal s.out. It returns
// an error, and shows nothing, when there is no pager to run.
func runPager(s streams, text []byte) error {
	command, set := lookupEnv(s.env, "PAGER")
	if !set {
		command = "less -FRX"
	}
	argv, err := shlex.Split(command, true)
	if err != nil || len(argv) == 0 || argv[0] == "cat" {
		return errNoPager
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = bytes.NewReader(text)
	cmd.Stdout = s.out
	cmd.Stderr = s.err
	cmd.Env = s.env
	// less and lv read their options from these, as git sets them: quit if
	// one screen, colours, no screen clearing.
	for key, value := range map[string]string{"LESS": "FRX", "LV": "-c"} {
		if _, ok := lookupEnv(s.env, key); !ok {
			cmd.Env = append(cmd.Env, key+"="+value)
		}
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	// ctrl+c goes to the pager, which decides; stay until it is done, so
	// the shell does not draw its prompt over the pager.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)
	_ = cmd.Wait() // a pager quit early or failing is not our failure
	return nil
}

var errNoPager = errors.New("no pager")
