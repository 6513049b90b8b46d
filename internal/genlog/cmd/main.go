// Command genlog writes a synthetic nginx combined log of a given size to
// stdout, for the benchmarks in README: go run ./internal/genlog/cmd -size 1000 > big.log
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/httpstatus-dev/httpstatus/internal/genlog"
)

func main() {
	mb := flag.Int64("size", 100, "megabytes to write")
	flag.Parse()
	if _, err := genlog.Write(os.Stdout, *mb<<20); err != nil {
		fmt.Fprintln(os.Stderr, "genlog:", err)
		os.Exit(1)
	}
}
