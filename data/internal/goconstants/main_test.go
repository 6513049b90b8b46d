package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpstatus-dev/httpstatus/data"
)

func TestGeneratedFileIsCurrent(t *testing.T) {
	want, err := source(data.Load().All())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", output))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/%s is stale: run go generate ./data", output)
	}
}

func TestSourceRejectsWhatIsNotAConstant(t *testing.T) {
	for _, name := range []string{"http.StatusOK, os.Exit(1)", "StatusOK", "http.Status", "net/http.StatusOK"} {
		s := data.Status{Code: 200, Phrase: "OK", Constants: map[string]string{"go": name}}
		if _, err := source([]data.Status{s}); err == nil || !strings.Contains(err.Error(), "200 OK") {
			t.Errorf("%q: err = %v, want one naming 200 OK", name, err)
		}
	}
}
