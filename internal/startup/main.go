// Command startup measures how long httpstatus takes to start against a Go
// hello world, side by side: rounds of hyperfine runs, each round timing
// every command back to back, so that the machine's load falls on all of
// them alike. It prints each command's median (the median of the rounds'
// medians) and its ratio to hello world (the median of the rounds' ratios,
// with the lowest and highest); then, less disturbed by other load, the
// ratios of the fastest runs and of CPU time (user + system).
//
//	go run ./internal/startup                      the release build
//	go run ./internal/startup -rounds 20 -runs 200 BINARY...
//
// With binaries named, it times `BINARY 404` for each instead.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
)

func main() {
	rounds := flag.Int("rounds", 10, "rounds of hyperfine runs")
	runs := flag.Int("runs", 200, "runs of each command in a round")
	flag.Parse()
	log.SetFlags(0)
	dir, err := os.MkdirTemp("", "startup")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	hello := filepath.Join(dir, "hello")
	src := filepath.Join(dir, "hello.go")
	if err := os.WriteFile(src, []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	build(dir, hello, src)
	commands := []string{hello}
	if flag.NArg() > 0 {
		for _, bin := range flag.Args() {
			abs, err := filepath.Abs(bin)
			if err != nil {
				log.Fatal(err)
			}
			commands = append(commands, abs+" 404")
		}
	} else {
		bin := filepath.Join(dir, "httpstatus")
		build(".", bin, ".")
		for _, args := range []string{"--version", "404", "rate limit", "4xx"} {
			commands = append(commands, bin+" "+args)
		}
	}

	// per command, per round, in ms: the median and fastest run, the mean CPU time
	medians := make([][]float64, len(commands))
	fastest := make([][]float64, len(commands))
	cpu := make([][]float64, len(commands))
	for r := range *rounds {
		out := filepath.Join(dir, "round.json")
		args := []string{"-N", "--warmup", "20", "--runs", fmt.Sprint(*runs), "--style", "none", "--export-json", out}
		cmd := exec.Command("hyperfine", append(args, commands...)...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("hyperfine: %v", err)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			log.Fatal(err)
		}
		var res struct {
			Results []struct{ Median, Min, User, System float64 }
		}
		if err := json.Unmarshal(raw, &res); err != nil {
			log.Fatal(err)
		}
		for i, c := range res.Results {
			medians[i] = append(medians[i], c.Median*1000)
			fastest[i] = append(fastest[i], c.Min*1000)
			cpu[i] = append(cpu[i], (c.User+c.System)*1000)
		}
		fmt.Fprintf(os.Stderr, "round %d of %d\n", r+1, *rounds)
	}

	ratios := func(xs [][]float64, i int) []float64 {
		var out []float64
		for r := range xs[i] {
			out = append(out, xs[i][r]/xs[0][r])
		}
		return out
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "command\tmedian\tvs hello world\tlowest-highest round\tfastest runs\tCPU time")
	for i, c := range commands {
		r := ratios(medians, i)
		name := strings.TrimPrefix(strings.TrimPrefix(c, dir+"/"), filepath.Dir(c)+"/")
		fmt.Fprintf(w, "%s\t%.2f ms\t%.2fx\t%.2f-%.2fx\t%.2fx\t%.2fx\n", name, median(medians[i]), median(r),
			slices.Min(r), slices.Max(r), median(ratios(fastest, i)), median(ratios(cpu, i)))
	}
	w.Flush()
}

// build builds as a release does: no cgo, no paths, no symbols.
func build(dir, out, pkg string) {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("go build %s: %v", pkg, err)
	}
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
