// Command release builds httpstatus for every platform from the commit
// checked out: archives with the binary, README, LICENSE, man page and
// completions; .deb, .rpm and .apk packages; and SHA256SUMS. Run it from
// the repository:
//
//	go run ./internal/release              a tagged, clean commit: vX.Y.Z
//	go run ./internal/release -snapshot    any commit, named after it
//	go run ./internal/release -snapshot -platforms linux/amd64 -out /tmp/dist
//
// Builds are reproducible: CGO_ENABLED=0, -trimpath, no symbols, every
// timestamp the commit's, files in a fixed order, so the same commit with
// the same Go gives the same bytes.
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// platforms are what a release builds: os/arch.
var platforms = []string{
	"linux/amd64", "linux/arm64",
	"darwin/amd64", "darwin/arm64",
	"windows/amd64", "windows/arm64",
	"freebsd/amd64", "freebsd/arm64",
}

func main() {
	snapshot := flag.Bool("snapshot", false, "release any commit (and uncommitted changes), with a version named after it")
	only := flag.String("platforms", strings.Join(platforms, ","), "os/arch pairs to build, comma-separated")
	out := flag.String("out", "dist", "directory to write to; emptied first")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("release: ")

	targets := strings.Split(*only, ",")
	for _, p := range targets {
		if !slices.Contains(platforms, p) {
			log.Fatalf("unknown platform %q; known: %s", p, strings.Join(platforms, " "))
		}
	}
	src, err := describe(*snapshot)
	if err != nil {
		log.Fatal(err)
	}
	if err := release(src, targets, *out); err != nil {
		log.Fatal(err)
	}
}

// source is the commit a release is built from.
type source struct {
	version string    // v1.2.3, or v0.0.0-snapshot.20261204174200.0123456789ab
	commit  string    // 12 hex digits, -dirty with uncommitted changes
	time    time.Time // the commit's, UTC: every timestamp of the release
}

// describe reads the commit checked out: its tag, or with snapshot a
// version named after it.
func describe(snapshot bool) (source, error) {
	var s source
	line, err := git("log", "-1", "--format=%H %ct")
	if err != nil {
		return s, fmt.Errorf("not a git checkout with a commit: %w", err)
	}
	hash, epoch, _ := strings.Cut(line, " ")
	sec, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return s, fmt.Errorf("commit time %q: %w", epoch, err)
	}
	s.commit, s.time = hash[:12], time.Unix(sec, 0).UTC()
	changes, err := git("status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return s, err
	}
	tag, _ := git("describe", "--tags", "--exact-match", "--match", "v[0-9]*")
	switch {
	case !snapshot && changes != "":
		return s, errors.New("uncommitted changes; commit them, or pass -snapshot")
	case !snapshot && tag == "":
		return s, errors.New("the commit has no vX.Y.Z tag; tag it (git tag v1.2.3), or pass -snapshot")
	case !snapshot:
		s.version = tag
	default:
		s.version = "v0.0.0-snapshot." + s.time.Format("20060102150405") + "." + s.commit
	}
	if changes != "" {
		s.commit += "-dirty"
	}
	return s, nil
}

func git(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	return strings.TrimSpace(string(out)), err
}

// release builds the targets into dir.
func release(src source, targets []string, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	work := filepath.Join(dir, "work")
	log.Printf("%s (commit %s, %s) for %s", src.version, src.commit, src.time.Format(time.RFC3339), strings.Join(targets, " "))

	docs, err := buildDocs(src, filepath.Join(work, "docs"))
	if err != nil {
		return err
	}
	var artifacts []string
	for _, p := range targets {
		goos, goarch, _ := strings.Cut(p, "/")
		bin := filepath.Join(work, goos+"_"+goarch, "httpstatus")
		if goos == "windows" {
			bin += ".exe"
		}
		if err := build(src, goos, goarch, bin); err != nil {
			return err
		}
		files := append([]file{{name: filepath.Base(bin), path: bin, mode: 0o755}}, docs.archived...)
		name := fmt.Sprintf("httpstatus_%s_%s_%s", strings.TrimPrefix(src.version, "v"), goos, goarch)
		archive := filepath.Join(dir, name+".tar.gz")
		write := writeTarGz
		if goos == "windows" {
			archive, write = filepath.Join(dir, name+".zip"), writeZip
		}
		if err := write(archive, name, files, src.time); err != nil {
			return fmt.Errorf("%s: %w", archive, err)
		}
		artifacts = append(artifacts, archive)
		if goos == "linux" {
			pkgs, err := packages(src, goarch, bin, docs, work, dir)
			if err != nil {
				return err
			}
			artifacts = append(artifacts, pkgs...)
		}
	}
	if err := os.RemoveAll(work); err != nil {
		return err
	}
	return writeSums(filepath.Join(dir, "SHA256SUMS"), artifacts)
}

// ldflags are the linker flags of every build: no symbol table or DWARF,
// and the version, commit and date --version prints.
func ldflags(src source) string {
	return fmt.Sprintf("-s -w -buildid= -X main.version=%s -X main.commit=%s -X main.date=%s",
		src.version, src.commit, src.time.Format(time.RFC3339))
}

// build cross-compiles one binary. Everything that could differ between
// machines is pinned: cgo, paths, VCS stamping, the instruction set level.
func build(src source, goos, goarch, out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags(src), "-o", out, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch,
		"GOAMD64=v1", "GOARM64=v8.0", "GOEXPERIMENT=")
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s/%s: %w", goos, goarch, err)
	}
	log.Printf("built %s/%s in %.1fs", goos, goarch, time.Since(start).Seconds())
	return nil
}

// docs are the man page and completions, made by a build of the same
// commit for this machine.
type docs struct {
	archived []file // in every archive
	manGz    string // the man page, gzipped for packages
	dir      string
}

func buildDocs(src source, dir string) (docs, error) {
	bin := filepath.Join(dir, "httpstatus")
	if err := build(src, runtime.GOOS, runtime.GOARCH, bin); err != nil {
		return docs{}, err
	}
	d := docs{dir: dir, manGz: filepath.Join(dir, "httpstatus.1.gz")}
	outputs := []struct {
		args []string
		name string // in the archives
	}{
		{[]string{"man"}, "httpstatus.1"},
		{[]string{"completion", "bash"}, "completions/httpstatus.bash"},
		{[]string{"completion", "zsh"}, "completions/_httpstatus"},
		{[]string{"completion", "fish"}, "completions/httpstatus.fish"},
	}
	for _, o := range outputs {
		cmd := exec.Command(bin, o.args...)
		// Defaults that depend on the user (the host key's directory) are
		// written as ~/...; XDG_DATA_HOME would change them.
		cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH")}
		cmd.Stderr = os.Stderr
		text, err := cmd.Output()
		if err != nil {
			return d, fmt.Errorf("httpstatus %s: %w", strings.Join(o.args, " "), err)
		}
		path := filepath.Join(dir, o.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return d, err
		}
		if err := os.WriteFile(path, text, 0o644); err != nil {
			return d, err
		}
		d.archived = append(d.archived, file{name: o.name, path: path, mode: 0o644})
		if o.name == "httpstatus.1" {
			if err := os.WriteFile(d.manGz, gzipped(text), 0o644); err != nil {
				return d, err
			}
		}
	}
	for _, name := range []string{"README.md", "LICENSE"} {
		d.archived = append(d.archived, file{name: name, path: name, mode: 0o644})
	}
	slices.SortFunc(d.archived, func(a, b file) int { return cmp.Compare(a.name, b.name) })
	return d, nil
}

// gzipped compresses as gzip -9n does: no name, no time.
func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// packages builds the .deb, .rpm and .apk for linux/goarch with nFPM, from
// a stage of the files they install.
func packages(src source, goarch, bin string, d docs, work, dir string) ([]string, error) {
	stage := filepath.Join(work, "stage_"+goarch)
	unit, err := os.ReadFile(filepath.Join("deploy", "httpstatus.service"))
	if err != nil {
		return nil, err
	}
	// The unit names where a manual install puts the binary; packages put it in /usr/bin.
	if !bytes.Contains(unit, []byte("ExecStart=/usr/local/bin/httpstatus ")) {
		return nil, errors.New("deploy/httpstatus.service: no ExecStart=/usr/local/bin/httpstatus to point at /usr/bin")
	}
	unit = bytes.ReplaceAll(unit, []byte("/usr/local/bin/httpstatus"), []byte("/usr/bin/httpstatus"))
	staged := map[string][]byte{"httpstatus.service": unit}
	for _, f := range append(d.archived, file{name: "httpstatus", path: bin}, file{name: "httpstatus.1.gz", path: d.manGz}) {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		staged[f.name] = b
	}
	for name, b := range staged {
		path := filepath.Join(stage, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return nil, err
		}
	}
	// nFPM's apk takes its scripts' times from the files, not from
	// SOURCE_DATE_EPOCH: give them the commit's.
	scripts, err := filepath.Glob(filepath.Join("internal", "release", "scripts", "*.sh"))
	if err != nil {
		return nil, err
	}
	for _, script := range scripts {
		if err := os.Chtimes(script, src.time, src.time); err != nil {
			return nil, err
		}
	}
	var made []string
	for _, packager := range []string{"deb", "rpm", "apk"} {
		target := filepath.Join(work, "pkg_"+goarch+"_"+packager)
		if err := os.MkdirAll(target, 0o755); err != nil {
			return nil, err
		}
		cmd := exec.Command("go", "tool", "nfpm", "package", "--config", filepath.Join("internal", "release", "nfpm.yaml"),
			"--packager", packager, "--target", target+string(filepath.Separator))
		cmd.Env = append(os.Environ(), "VERSION="+src.version, "ARCH="+goarch, "STAGE="+stage,
			"SOURCE_DATE_EPOCH="+strconv.FormatInt(src.time.Unix(), 10))
		var msgs bytes.Buffer
		cmd.Stdout, cmd.Stderr = &msgs, &msgs
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("nfpm %s for linux/%s: %w\n%s", packager, goarch, err, msgs.String())
		}
		entries, err := os.ReadDir(target)
		if err != nil || len(entries) != 1 {
			return nil, fmt.Errorf("nfpm %s for linux/%s made %d files", packager, goarch, len(entries))
		}
		path := filepath.Join(dir, entries[0].Name())
		if err := os.Rename(filepath.Join(target, entries[0].Name()), path); err != nil {
			return nil, err
		}
		made = append(made, path)
	}
	log.Printf("packaged linux/%s: %s", goarch, strings.Join(baseNames(made), " "))
	return made, nil
}

func baseNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

// writeSums writes SHA256SUMS as sha256sum prints it, by file name.
func writeSums(path string, files []string) error {
	slices.SortFunc(files, func(a, b string) int { return cmp.Compare(filepath.Base(a), filepath.Base(b)) })
	var b strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(raw)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), filepath.Base(f))
	}
	log.Printf("wrote %d files and SHA256SUMS to %s", len(files), filepath.Dir(path))
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
