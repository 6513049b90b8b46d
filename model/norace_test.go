//go:build !race

package model

// raceDetector is true when the tests run with -race (see race_test.go).
const raceDetector = false
