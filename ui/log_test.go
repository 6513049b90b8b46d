package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
)

// Every line of every log's summary fits the width, in colour and plain,
// and the plain text is the coloured one without its escape codes.
func TestLogSummaryFits(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "accesslog", "testdata", "*", "*.log"))
	if len(files) < 10 {
		t.Fatalf("%d fixtures", len(files))
	}
	colour := NewStyles(true, colorprofile.TrueColor)
	plain := NewStyles(true, colorprofile.NoTTY)
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		c := accesslog.NewCounts()
		_, err = c.Read(f, accesslog.Options{})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := c.Summary(data.Load())
		for _, w := range []int{40, 60, 80, 120} {
			styled := LogSummary(s, &colour, LogOptions{Width: w, Title: name})
			text := LogSummary(s, &plain, LogOptions{Width: w, Title: name})
			if ansi.Strip(styled) != text {
				t.Errorf("%s at %d: colour and plain differ", name, w)
			}
			for i, l := range strings.Split(styled, "\n") {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: line %d is %d cells: %q", name, w, i+1, got, ansi.Strip(l))
				}
			}
		}
	}
}

func TestSparkAndBar(t *testing.T) {
	for _, tt := range []struct {
		n, peak int64
		want    string
	}{{0, 10, " "}, {1, 10, "▁"}, {10, 10, "█"}, {5, 10, "▄"}, {11, 10, "█"}} {
		if got := spark(tt.n, tt.peak); got != tt.want {
			t.Errorf("spark(%d, %d) = %q, want %q", tt.n, tt.peak, got, tt.want)
		}
	}
	if got := bar(1, 1000, 24); got != "▏" {
		t.Errorf("a tiny share draws %q, want a sliver", got)
	}
	if got := bar(10, 10, 3); got != "███" {
		t.Errorf("the largest draws %q", got)
	}
	if got := thousands(1234567); got != "1,234,567" {
		t.Errorf("thousands %q", got)
	}
}

// A counted row is exactly as wide as asked, its count right-aligned in
// the column of the largest; too narrow for both, the row alone.
func TestCountedRow(t *testing.T) {
	st := SharedExplorerStyles(true, colorprofile.TrueColor)
	r := data.Result{Status: data.Load().Lookup(404)[0]}
	for w := 1; w <= 60; w++ {
		for _, sel := range []bool{false, true} {
			got := CountedRow(r, 1234, 1234567, st, w, sel)
			if ansi.StringWidth(got) != w {
				t.Fatalf("width %d: %d cells: %q", w, ansi.StringWidth(got), ansi.Strip(got))
			}
			if plain := ansi.Strip(got); w >= minCountedRow+10 && !strings.HasSuffix(plain, "     1,234") {
				t.Errorf("width %d: %q does not end in the count's column", w, plain)
			}
		}
	}
}

func TestTabCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 9999: "9999", 10_000: "10k", 897_020: "897k", 1_121_230: "1.1M", 12_345_678: "12M"} {
		if got := tabCount(n); got != want {
			t.Errorf("tabCount(%d) = %q, want %q", n, got, want)
		}
	}
}
