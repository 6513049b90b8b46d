package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A pasted line's answer says what was read, above the card and in JSON;
// a typed code says nothing of the kind.
func TestLookupSaysWhatWasRead(t *testing.T) {
	line := `Error from server (Forbidden): pods "web-0" is forbidden: User "jane" cannot get resource "pods"`
	out, _, status := cli(t, nil, line)
	if status != 0 || !strings.HasPrefix(out, "Read Kubernetes status reason: Forbidden → 403\nForbidden\nKubernetes status reason, sent with 403 Forbidden\n") {
		t.Errorf("status %d, card starts %q", status, firstLines(out, 3))
	}
	if out, _, _ := cli(t, nil, "404"); strings.HasPrefix(out, "Read") {
		t.Errorf("a typed code says it was read: %q", firstLines(out, 1))
	}

	out, _, _ = cli(t, nil, "--json", line)
	var entries []struct {
		Code  int `json:"code"`
		Terms []struct {
			Vocabulary, Name string
			Status           int
		} `json:"terms"`
		Read *struct {
			Code, From, Text string
			Term             *struct{ Vocabulary, Name string }
		} `json:"read"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Code != 403 || entries[0].Read == nil {
		t.Fatalf("JSON %s", out)
	}
	r := entries[0].Read
	if r.Code != "403" || r.From != "Kubernetes status reason" || r.Term == nil || r.Term.Vocabulary != "kubernetes" || r.Term.Name != "Forbidden" {
		t.Errorf("read %+v", r)
	}
	found := false
	for _, term := range entries[0].Terms {
		found = found || term.Vocabulary == "kubernetes" && term.Name == "Forbidden" && term.Status == 403
	}
	if !found {
		t.Errorf("403's terms %+v lack Kubernetes Forbidden", entries[0].Terms)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
