package model

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/httpstatus-dev/httpstatus/accesslog"
	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/internal/genlog"
)

// readLog reads a fixture of accesslog's whole.
func readLog(t testing.TB, name string) *accesslog.Summary {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "accesslog", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := accesslog.NewCounts()
	if _, err := c.Read(f, accesslog.Options{}); err != nil {
		t.Fatal(err)
	}
	return c.Summary(data.Load())
}

// logModel is the explorer over a fixture read whole, at a size.
func logModel(t testing.TB, name string, w, h int) *Model {
	t.Helper()
	return newModel(t, w, h, WithLog(Log{Title: filepath.Base(name), Summary: readLog(t, name)}))
}

// The explorer over a real nginx ingress log, and over an ALB log that
// spans long enough for a chart: the codes with their lines, the tabs
// counting lines, each card under the log's evidence.
func TestLogGolden(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		w, h := size[0], size[1]
		for _, tc := range []struct {
			name, log string
			msgs      []tea.Msg
		}{
			{"all", "real/nginx-ingress.log", nil},
			{"detail-502", "real/nginx-ingress.log", keys(typeText("502"), []tea.Msg{enter})},
			{"4xx", "real/nginx-ingress.log", []tea.Msg{tabKey, tabKey, tabKey, tabKey}},
			{"no-entry", "real/nginx-ingress.log", keys(typeText("009"), []tea.Msg{enter})},
			{"words", "real/nginx-ingress.log", typeText("gateway")},
			{"nomatch", "real/nginx-ingress.log", typeText("teapot")},
			{"alb-460", "documented/alb.log", keys(typeText("460"), []tea.Msg{enter})},
		} {
			t.Run(fmt.Sprintf("%dx%d/%s", w, h, tc.name), func(t *testing.T) {
				m := send(t, logModel(t, tc.log, w, h), tc.msgs...)
				golden.RequireEqual(t, shown(m))
			})
		}
	}
}

// The list holds the log's codes, most lines first, and nothing else;
// tabs count lines; a filter keeps the log's order; IIS's sub-codes are
// found by their status's code.
func TestLogList(t *testing.T) {
	sum := readLog(t, "real/nginx-ingress.log")
	m := logModel(t, "real/nginx-ingress.log", 120, 40)
	l := m.explorer.list
	if len(l.visible) != len(sum.Statuses) {
		t.Fatalf("%d rows for %d statuses", len(l.visible), len(sum.Statuses))
	}
	for i, v := range l.visible {
		code, _ := l.results[v].Names()
		if want := data.FormatCode(sum.Statuses[i].Code); code != want {
			t.Errorf("row %d is %s, want %s", i, code, want)
		}
	}
	var classes [6]int64
	for _, s := range sum.Statuses {
		classes[data.CategoryOf(s.Code).Index()] += s.Count
	}
	if l.counts[0] != int(sum.WithStatus) || l.counts[4] != int(classes[3]) || l.counts[6] != int(classes[5]) {
		t.Errorf("tab counts %v, want %d lines, %d 4xx, %d other", l.counts, sum.WithStatus, classes[3], classes[5])
	}
	if !strings.Contains(shown(m), "4xx Client 15") {
		t.Errorf("the tab bar does not count 4xx lines:\n%s", shown(m))
	}
	m = send(t, m, typeText("5xx")...)
	var got []int
	for _, v := range m.explorer.list.visible {
		got = append(got, m.explorer.list.results[v].Status.Code)
	}
	if fmt.Sprint(got) != "[502 500 504]" {
		t.Errorf("5xx lists %v", got)
	}
	iis := logModel(t, "documented/iis.log", 120, 40)
	iis = send(t, iis, typeText("401")...)
	var subs []string
	for _, v := range iis.explorer.list.visible {
		code, _ := iis.explorer.list.results[v].Names()
		subs = append(subs, code)
	}
	if !strings.Contains(strings.Join(subs, " "), "401.2") {
		t.Errorf("401 in an IIS log lists %v, not its sub-code 401.2", subs)
	}
}

// A jump to a related code the log lacks says so, and stays.
func TestLogJumpToACodeNotInTheLog(t *testing.T) {
	m := send(t, logModel(t, "real/nginx-ingress.log", 120, 40), typeText("404")...)
	m, _ = sendCmd(t, m, enter)
	at := m.Selected()
	related := at.Related
	missing := -1
	for i, c := range related {
		if m.explorer.log.linesOf(data.Result{Status: data.Load().Lookup(c)[0]}) == 0 {
			missing = i
			break
		}
	}
	if missing < 0 || missing > 8 {
		t.Skipf("404's related codes %v are all in the log", related)
	}
	m = send(t, m, tea.KeyPressMsg{Code: rune('1' + missing), Text: string(rune('1' + missing))})
	if m.Selected() != at || !strings.Contains(m.status, "is not in this log") {
		t.Errorf("jump to %d: selected %v, footer %q", related[missing], m.Selected(), m.status)
	}
}

// liveLines is n lines of an nginx combined log.
func liveLines(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	for size := int64(n) * 160; ; size *= 2 {
		b.Reset()
		if _, err := genlog.Write(&b, size); err != nil {
			t.Fatal(err)
		}
		log := b.Bytes()
		for i, at := 0, 0; at < len(log); i++ {
			nl := bytes.IndexByte(log[at:], '\n')
			if nl < 0 {
				break
			}
			if at += nl + 1; i+1 == n {
				return log[:at]
			}
		}
	}
}

// frameCounter counts the live log's redraws of a model in a Program.
type frameCounter struct {
	*Model
	frames int
}

func (f *frameCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(logMsg); ok {
		f.frames++
	}
	_, cmd := f.Model.Update(msg)
	return f, cmd
}

// TestLiveKeepsUp feeds a pipe at 60,000 lines a second for two seconds
// to the explorer in a real Program: the pipe is never held up below
// 50,000 lines a second, the counts at the end are exact, and the
// counts are redrawn at most once per LiveEvery (plus the last).
func TestLiveKeepsUp(t *testing.T) {
	if testing.Short() {
		t.Skip("two seconds of lines")
	}
	const rate, seconds = 60_000, 2
	log := liveLines(t, rate*seconds)
	want := accesslog.NewCounts()
	if _, err := want.Read(bytes.NewReader(log), accesslog.Options{}); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	m := &frameCounter{Model: New(data.Load(), WithLog(Log{Title: "stdin", Live: accesslog.Follow(pr)}))}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithEnvironment([]string{"TERM=xterm-256color"})))

	start := time.Now()
	fed := 0
	const tick = 10 * time.Millisecond
	for step := 1; fed < len(log); step++ {
		// The lines due by this tick, cut at a line end.
		due := min(len(log), int(int64(len(log))*int64(step)*int64(tick)/int64(seconds*time.Second)))
		if i := bytes.LastIndexByte(log[:due], '\n'); i >= fed {
			due = i + 1
		}
		if due > fed {
			if _, err := pw.Write(log[fed:due]); err != nil {
				t.Fatal(err)
			}
			fed = due
		}
		time.Sleep(time.Until(start.Add(time.Duration(step) * tick)))
	}
	elapsed := time.Since(start)
	pw.Close()
	lines := bytes.Count(log, []byte("\n"))
	if got := float64(lines) / elapsed.Seconds(); got < 50_000 && !raceDetector {
		t.Errorf("the pipe took %d lines in %v: %.0f lines a second, want 50,000", lines, elapsed, got)
	}
	waitFor(t, tm, "ended")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(*frameCounter)
	sum, ended, err := final.LogState()
	if !ended || err != nil {
		t.Fatalf("ended %v, %v", ended, err)
	}
	wantSum := want.Summary(data.Load())
	if sum.Lines != wantSum.Lines || sum.WithStatus != wantSum.WithStatus || len(sum.Statuses) != len(wantSum.Statuses) {
		t.Fatalf("%d lines, %d with a status in %d rows; want %d, %d in %d",
			sum.Lines, sum.WithStatus, len(sum.Statuses), wantSum.Lines, wantSum.WithStatus, len(wantSum.Statuses))
	}
	for i := range sum.Statuses {
		if g, w := sum.Statuses[i], wantSum.Statuses[i]; g.Code != w.Code || g.Count != w.Count {
			t.Errorf("row %d: %d×%d, want %d×%d", i, g.Code, g.Count, w.Code, w.Count)
		}
	}
	if bound := int(time.Since(start)/LiveEvery) + 2; final.frames > bound {
		t.Errorf("%d redraws of the counts in %v, want at most %d", final.frames, time.Since(start), bound)
	}
	t.Logf("%d lines in %v (%.0f a second), %d redraws", lines, elapsed.Round(time.Millisecond), float64(lines)/elapsed.Seconds(), final.frames)
}
