package server

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// deploy/httpstatus.service is a valid unit, hardened (systemd-analyze
// security rates it 1.5 or better; --threshold counts tenths), and its
// limits follow from its flags and the measured figures.
func TestDeploySystemdUnit(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze not on PATH")
	}
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "deploy", "httpstatus.service"))
	if err != nil {
		t.Fatal(err)
	}
	unit := string(raw)
	setting := func(name string) string {
		m := regexp.MustCompile(`(?m)^` + name + `=(.*)$`).FindStringSubmatch(unit)
		if m == nil {
			t.Fatalf("no %s= in the unit", name)
		}
		return m[1]
	}
	flag := func(name string) int {
		m := regexp.MustCompile(`--` + name + ` (\d+)`).FindStringSubmatch(unit)
		if m == nil {
			t.Fatalf("ExecStart lacks --%s", name)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	sessions, startups := flag("max-sessions"), flag("max-startups")
	if files, _ := strconv.Atoi(setting("LimitNOFILE")); files < sessions+startups+maxLingering+64 {
		t.Errorf("LimitNOFILE=%d for %d connections (--max-sessions %d + --max-startups %d) and %d being refused",
			files, sessions+startups, sessions, startups, maxLingering)
	}
	// What BenchmarkSessions and the built binary measure, in MiB, rounded
	// up: a session in use at the largest window, 300x100, 8.6 (RSS 8.5
	// under GOMEMLIMIT); a connection still starting, under 0.1.
	const processMiB, sessionMiB, startupMiB = 50, 9, 0.25
	live := processMiB + float64(sessions)*sessionMiB + float64(startups)*startupMiB
	limit := regexp.MustCompile(`(?m)^Environment=GOMEMLIMIT=(\d+)MiB$`).FindStringSubmatch(unit)
	if limit == nil {
		t.Fatal("no Environment=GOMEMLIMIT=<n>MiB in the unit: Go's garbage would double the heap")
	}
	goLimit, _ := strconv.ParseFloat(limit[1], 64)
	if goLimit < live {
		t.Errorf("GOMEMLIMIT=%.0fMiB below the %.0f MiB live with %d sessions at the largest window", goLimit, live, sessions)
	}
	memMax := setting("MemoryMax")
	mb, err := strconv.ParseFloat(strings.TrimSuffix(memMax, "M"), 64)
	if err != nil || !strings.HasSuffix(memMax, "M") {
		t.Fatalf("MemoryMax=%s: want megabytes", memMax)
	}
	if mb < 1.1*goLimit { // systemd counts M in MiB; room for what the Go runtime does not count
		t.Errorf("MemoryMax=%s leaves under 10%% above GOMEMLIMIT=%.0fMiB", memMax, goLimit)
	}
	if tasks, _ := strconv.Atoi(setting("TasksMax")); tasks < 64 {
		t.Errorf("TasksMax=%d leaves Go too few threads", tasks)
	}

	// Verify the unit as written, with ExecStart pointing at a file that exists.
	dir := t.TempDir()
	path := filepath.Join(dir, "httpstatus.service")
	bin, _ := os.Executable()
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(unit, "/usr/local/bin/httpstatus", bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(analyze, "verify", path).CombinedOutput(); err != nil {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	out, err := exec.Command(analyze, "security", "--offline=true", "--threshold=15", path).CombinedOutput()
	if err != nil {
		t.Errorf("systemd-analyze security: %v\n%s", err, out[max(0, len(out)-300):])
	}
}
