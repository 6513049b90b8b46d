package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var mtime = time.Date(2026, 12, 4, 17, 42, 0, 0, time.UTC)

func testFiles(t *testing.T) []file {
	t.Helper()
	dir := t.TempDir()
	var files []file
	for _, f := range []struct {
		name, body string
		mode       fs.FileMode
	}{
		{"httpstatus", "\x7fELF binary", 0o755},
		{"LICENSE", "MIT", 0o644},
		{"completions/_httpstatus", "#compdef httpstatus", 0o644},
		{"share/man/man1/httpstatus.1", ".TH HTTPSTATUS 1", 0o644},
	} {
		path := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		// The file on disk has another mode and time; the archive must not care.
		if err := os.WriteFile(path, []byte(f.body), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, file{name: f.name, path: path, mode: f.mode})
	}
	return files
}

// The same files give the same bytes, whenever and wherever they are
// written, with the given time and modes and root as owner.
func TestTarGz(t *testing.T) {
	files := testFiles(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.tar.gz"), filepath.Join(dir, "b.tar.gz")
	if err := writeTarGz(a, "top", files, mtime); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a second later: nothing may take the clock
	for _, f := range files {
		os.Chtimes(f.path, time.Now(), time.Now())
	}
	if err := writeTarGz(b, "top", files, mtime); err != nil {
		t.Fatal(err)
	}
	rawA, _ := os.ReadFile(a)
	rawB, _ := os.ReadFile(b)
	if !bytes.Equal(rawA, rawB) {
		t.Fatal("two archives of the same files differ")
	}
	zr, err := gzip.NewReader(bytes.NewReader(rawA))
	if err != nil {
		t.Fatal(err)
	}
	if !zr.ModTime.IsZero() || zr.Name != "" {
		t.Errorf("gzip header has time %v, name %q", zr.ModTime, zr.Name)
	}
	tr := tar.NewReader(zr)
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !h.ModTime.Equal(mtime) || h.Uid != 0 || h.Gid != 0 || h.Uname != "root" {
			t.Errorf("%s: time %v, owner %d:%d %s", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname)
		}
		body, _ := io.ReadAll(tr)
		got = append(got, h.Name+" "+fs.FileMode(h.Mode).String()+" "+string(body))
	}
	want := []string{
		"top/ -rwxr-xr-x ", "top/completions/ -rwxr-xr-x ", "top/share/ -rwxr-xr-x ", "top/share/man/ -rwxr-xr-x ", "top/share/man/man1/ -rwxr-xr-x ",
		"top/httpstatus -rwxr-xr-x \x7fELF binary", "top/LICENSE -rw-r--r-- MIT", "top/completions/_httpstatus -rw-r--r-- #compdef httpstatus",
		"top/share/man/man1/httpstatus.1 -rw-r--r-- .TH HTTPSTATUS 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestZip(t *testing.T) {
	files := testFiles(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.zip"), filepath.Join(dir, "b.zip")
	if err := writeZip(a, "top", files, mtime); err != nil {
		t.Fatal(err)
	}
	if err := writeZip(b, "top", files, mtime); err != nil {
		t.Fatal(err)
	}
	rawA, _ := os.ReadFile(a)
	rawB, _ := os.ReadFile(b)
	if !bytes.Equal(rawA, rawB) {
		t.Fatal("two archives of the same files differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(rawA), int64(len(rawA)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range zr.File {
		if !f.Modified.Equal(mtime) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
		got = append(got, f.Name+" "+f.Mode().String())
	}
	want := "top/ drwxr-xr-x,top/completions/ drwxr-xr-x,top/share/ drwxr-xr-x,top/share/man/ drwxr-xr-x,top/share/man/man1/ drwxr-xr-x," +
		"top/httpstatus -rwxr-xr-x,top/LICENSE -rw-r--r--,top/completions/_httpstatus -rw-r--r--,top/share/man/man1/httpstatus.1 -rw-r--r--"
	if strings.Join(got, ",") != want {
		t.Errorf("entries %s\nwant %s", strings.Join(got, ","), want)
	}
}

func TestSums(t *testing.T) {
	dir := t.TempDir()
	b, a := filepath.Join(dir, "b.deb"), filepath.Join(dir, "a.tar.gz")
	os.WriteFile(b, []byte("b"), 0o644)
	os.WriteFile(a, []byte("a"), 0o644)
	sums := filepath.Join(dir, "SHA256SUMS")
	if err := writeSums(sums, []string{b, a}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(sums)
	// sha256sum a.tar.gz b.deb, for files holding "a" and "b"
	want := "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.tar.gz\n" +
		"3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.deb\n"
	if string(got) != want {
		t.Errorf("SHA256SUMS:\n%s\nwant:\n%s", got, want)
	}
}
