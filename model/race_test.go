//go:build race

package model

// raceDetector is true when the tests run with -race, which makes a
// keystroke about four times slower (BenchmarkKeystroke) and finds nothing
// more in the single goroutine of the typing test: that test then shares
// its inputs out among the sizes.
const raceDetector = true
