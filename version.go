package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by release builds with -ldflags "-X main.version=v1.2.3 -X
// main.commit=... -X main.date=...". Other builds read what the Go
// toolchain recorded instead.
var version, commit, date string

// buildInfo is what --version says.
type buildInfo struct {
	Version  string `json:"version"`  // v1.2.3, a Go pseudo-version, or (devel)
	Commit   string `json:"commit"`   // 12 hex digits, -dirty for uncommitted changes; "" if unknown
	Date     string `json:"date"`     // the commit's time, RFC 3339 UTC; "" if unknown
	Go       string `json:"go"`       // the toolchain that built it
	Platform string `json:"platform"` // GOOS/GOARCH
}

// readBuildInfo prefers what a release build was given and falls back to
// what the Go toolchain recorded: the module version (a tag for `go install
// ...@v1.2.3`, a pseudo-version for a build in a clone) and the VCS
// revision, time and modified flag of a build in a clone.
func readBuildInfo() buildInfo {
	bi, _ := debug.ReadBuildInfo()
	return resolveBuildInfo(bi, version, commit, date)
}

func resolveBuildInfo(bi *debug.BuildInfo, version, commit, date string) buildInfo {
	info := buildInfo{Version: version, Commit: commit, Date: date, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if v := bi.Main.Version; info.Version == "" && v != "" && v != "(devel)" {
			info.Version = v
		}
		var revision, modified, when string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value
			case "vcs.time":
				when = s.Value
			}
		}
		if info.Commit == "" && revision != "" {
			info.Commit = revision[:min(len(revision), 12)]
			if modified == "true" {
				info.Commit += "-dirty"
			}
		}
		if info.Date == "" {
			info.Date = when
		}
	}
	if info.Version == "" {
		info.Version = "(devel)"
	}
	return info
}

// String is the line --version prints: "v1.2.3 (commit 0123456789ab,
// 2026-12-04T17:42:00Z)", with what is unknown left out.
func (b buildInfo) String() string {
	var about []string
	if b.Commit != "" {
		about = append(about, "commit "+b.Commit)
	}
	if b.Date != "" {
		about = append(about, b.Date)
	}
	if len(about) == 0 {
		return b.Version
	}
	return b.Version + " (" + strings.Join(about, ", ") + ")"
}

// printVersion prints --version, or with --json the object for bug reports.
func printVersion(w io.Writer, asJSON bool) error {
	info := readBuildInfo()
	if asJSON {
		return writeJSON(w, info)
	}
	_, err := fmt.Fprintln(w, "httpstatus", info)
	return err
}
