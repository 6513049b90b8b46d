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
// security rates it 1.5 or better; --threshold counts tenths), and its limits follow from its flags.
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
	sessions := flag("max-sessions")
	if files, _ := strconv.Atoi(setting("LimitNOFILE")); files < 2*sessions+64 {
		t.Errorf("LimitNOFILE=%d for %d connections (2 x --max-sessions %d)", files, 2*sessions, sessions)
	}
	// What BenchmarkSessions measures at the largest window, 300x100, in
	// MiB: 8.3 a session, rounded up.
	const processMiB, sessionMiB = 50, 8.5
	memMax := setting("MemoryMax")
	gb, err := strconv.ParseFloat(strings.TrimSuffix(memMax, "G"), 64)
	if err != nil || !strings.HasSuffix(memMax, "G") {
		t.Fatalf("MemoryMax=%s: want gigabytes", memMax)
	}
	if need := processMiB + float64(sessions)*sessionMiB; gb*1024 < need {
		t.Errorf("MemoryMax=%s below the %.0f MiB that %d sessions at the largest window take", memMax, need, sessions)
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
