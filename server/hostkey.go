package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// loadHostKey reads the host key at path, generating an ed25519 key there
// on first start. A key that group or others may access is refused, and so
// is a key in a directory they may access, where they could see it or
// swap it: either would let them impersonate the server.
func loadHostKey(path string) (signer gossh.Signer, created bool, err error) {
	if path == "" {
		return nil, false, errors.New("no host key path (--host-key)")
	}
	if err := checkKeyDir(filepath.Dir(path)); err != nil {
		return nil, false, err
	}
	pemBytes, err := readHostKey(path)
	if errors.Is(err, fs.ErrNotExist) {
		pemBytes, err = generateHostKey(path)
		created = true
	}
	if err != nil {
		return nil, false, err
	}
	signer, err = gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

// checkKeyDir refuses a host key directory that group or others may
// access; one that does not exist yet is created private.
func checkKeyDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("host key directory: %w", err)
	case !fi.IsDir():
		return fmt.Errorf("host key directory %s is not a directory", dir)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("host key directory %s has mode %04o, so other users can see or replace the key; "+
			"fix with `chmod 700 %s`", dir, perm, dir)
	}
	return nil
}

func readHostKey(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("host key %s is not a regular file", path)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("host key %s has mode %04o, so other users can read it; "+
			"fix with `chmod 600 %s` (or delete it to generate a new one)", path, perm, path)
	}
	return os.ReadFile(path)
}

// generateHostKey writes a new key, mode 0600 in a 0700 directory. O_EXCL
// keeps two servers starting at once from overwriting each other's key.
func generateHostKey(path string) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key directory: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "httpstatus host key")
	if err != nil {
		return nil, err
	}
	pemBytes := pem.EncodeToMemory(block)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create host key: %w", err)
	}
	if _, err := f.Write(pemBytes); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("write host key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(path)
		return nil, fmt.Errorf("write host key %s: %w", path, err)
	}
	return pemBytes, nil
}
