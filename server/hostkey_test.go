package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func newClientKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHostKeyGeneratedPrivate(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "httpstatus")
	path := filepath.Join(dir, "ssh_host_ed25519")
	first, created, err := loadHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created %v, err %v", created, err)
	}
	if first.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s", first.PublicKey().Type())
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", p, got, want)
		}
	}
	again, created, err := loadHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created %v, err %v", created, err)
	}
	if gossh.FingerprintSHA256(again.PublicKey()) != gossh.FingerprintSHA256(first.PublicKey()) {
		t.Error("the key changed between starts")
	}
}

func TestHostKeyReadableByOthersRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(privateDir(t), "ssh_host_ed25519")
	if _, _, err := loadHostKey(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	c.HostKey = path
	c.Query = fakeQuery
	c.Listen = "127.0.0.1:0"
	err := Run(t.Context(), c)
	if err == nil {
		t.Fatal("Run started with a world-readable host key")
	}
	for _, want := range []string{path, "0644", "chmod 600"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// privateDir is a new directory only its owner may use.
func privateDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHostKeyDirectoryOpenToOthersRefused(t *testing.T) {
	t.Parallel()
	dir := privateDir(t)
	path := filepath.Join(dir, "ssh_host_ed25519")
	if _, _, err := loadHostKey(path); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o750, 0o705, 0o711} {
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		_, _, err := loadHostKey(path)
		if err == nil {
			t.Fatalf("directory mode %04o accepted", mode)
		}
		for _, want := range []string{dir, fmt.Sprintf("%04o", mode), "chmod 700"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not mention %q", err, want)
			}
		}
	}
	// Nor is a key generated into such a directory.
	if _, _, err := loadHostKey(filepath.Join(dir, "other_key")); err == nil {
		t.Error("a key was generated in a directory others can use")
	}
}
