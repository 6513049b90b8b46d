package main

import (
	"net"
	"path/filepath"
	"strings"
	"testing"
)

// A server that cannot start (its port taken) is a runtime failure: exit
// status 1 and why, without the usage hint.
func TestServeRuntimeFailure(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, errw, status := cli(t, nil, "serve", "--listen", ln.Addr().String(), "--host-key", filepath.Join(t.TempDir(), "state", "key"))
	if status != 1 || !strings.Contains(errw, "httpstatus serve: listen tcp "+ln.Addr().String()) || strings.Contains(errw, "--help") {
		t.Errorf("serve on a port in use: status %d, stderr %q", status, errw)
	}
}
