package data

//go:generate go run ./internal/goconstants

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// toolTimeout bounds each run of an outside toolchain, so a hung
// interpreter or JVM fails the test instead of stalling CI.
const toolTimeout = time.Minute

// namedConstant is an entry's constant in one language.
type namedConstant struct {
	name string
	s    *Status
}

// constantsOf lists the constants of lang, in catalog order.
func constantsOf(lang string) []namedConstant {
	var out []namedConstant
	for i := range Load().All() {
		s := &Load().All()[i]
		if v, ok := s.Constants[lang]; ok {
			out = append(out, namedConstant{v, s})
		}
	}
	return out
}

func TestGoConstants(t *testing.T) {
	c := Load()
	named := map[string]bool{}
	for _, k := range constantsOf("go") {
		named[k.name] = true
		v, ok := goConstants[k.name]
		switch {
		case !ok:
			t.Errorf("%s: %s is missing from goconstants_test.go: run go generate ./data", k.s.Title(), k.name)
		case v != k.s.Code:
			t.Errorf("%s: %s is %d in net/http", k.s.Title(), k.name, v)
		}
	}
	for name := range goConstants {
		if !named[name] {
			t.Errorf("goconstants_test.go has %s, which no entry names: run go generate ./data", name)
		}
	}
	// net/http has a constant for each code StatusText knows.
	for code := 100; code < 600; code++ {
		if text := http.StatusText(code); text != "" {
			if s := official(c, code); s == nil || s.Constants["go"] == "" {
				t.Errorf("%d %s: net/http has a constant, the catalog none", code, text)
			}
		}
	}
}

// pythonScript prints the interpreter's version and every name of
// http.HTTPStatus with its value and the member's canonical name.
const pythonScript = `
import json, sys
from http import HTTPStatus
json.dump({"version": list(sys.version_info[:2]),
           "members": {n: {"value": m.value, "name": m.name}
                       for n, m in HTTPStatus.__members__.items()}}, sys.stdout)
`

var pythonSince = regexp.MustCompile(`^Python ([0-9]+)\.([0-9]+)$`)

// TestPythonConstants checks every Python name against the http.HTTPStatus
// of the python3 on PATH. Where that Python predates a note's version, the
// current name must be missing and the former one (if any) present.
func TestPythonConstants(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	// -I: ignore PYTHONPATH and user site-packages, which could shadow http.
	out, err := exec.CommandContext(ctx, py, "-I", "-c", pythonScript).Output()
	if err != nil {
		t.Fatalf("python3: %v%s", err, stderrOf(err))
	}
	var got struct {
		Version [2]int
		Members map[string]struct {
			Value int
			Name  string // the canonical name; differs for an alias
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("python3 output %q: %v", out, err)
	}
	installed := fmt.Sprintf("Python %d.%d", got.Version[0], got.Version[1])

	// check wants name to be a canonical member with the entry's code.
	check := func(s *Status, constant string) {
		name, ok := strings.CutPrefix(constant, "HTTPStatus.")
		m, found := got.Members[name]
		switch {
		case !ok:
			t.Errorf("%s: Python constant %q does not start with HTTPStatus.", s.Title(), constant)
		case !found:
			t.Errorf("%s: %s has no %s", s.Title(), installed, constant)
		case m.Value != s.Code:
			t.Errorf("%s: %s is %d in %s", s.Title(), constant, m.Value, installed)
		case m.Name != name:
			t.Errorf("%s: %s is an alias of HTTPStatus.%s in %s", s.Title(), constant, m.Name, installed)
		}
	}
	for _, k := range constantsOf("python") {
		s, constant := k.s, k.name
		note, ok := s.ConstantNotes["python"]
		if !ok {
			check(s, constant)
			continue
		}
		v := pythonSince.FindStringSubmatch(note.Since)
		if v == nil {
			t.Errorf("%s: python note since %q is not \"Python X.Y\"", s.Title(), note.Since)
			continue
		}
		major, _ := strconv.Atoi(v[1])
		minor, _ := strconv.Atoi(v[2])
		if got.Version[0] > major || (got.Version[0] == major && got.Version[1] >= minor) {
			check(s, constant)
			continue
		}
		if _, found := got.Members[strings.TrimPrefix(constant, "HTTPStatus.")]; found {
			t.Errorf("%s: %s already has %s, which the note dates to %s", s.Title(), installed, constant, note.Since)
		}
		if note.Before == "" {
			t.Logf("%s: %s predates %s, which has no former name there", s.Title(), installed, constant)
			continue
		}
		t.Logf("%s: %s predates %s (%s), so checking %s instead", s.Title(), installed, constant, note.Since, note.Before)
		check(s, note.Before)
	}
	// Every code the installed Python names has a constant in the catalog.
	for name, m := range got.Members {
		if s := official(Load(), m.Value); name == m.Name && (s == nil || s.Constants["python"] == "") {
			t.Errorf("%s has HTTPStatus.%s (%d), the catalog no Python constant", installed, name, m.Value)
		}
	}
}

// javaSource prints every int constant HTTP_* of HttpURLConnection as
// "name value deprecated", found by reflection so that one unknown name in
// the catalog is a clear test failure rather than a compile error.
const javaSource = `
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.HttpURLConnection;

public class Constants {
    public static void main(String[] args) throws Exception {
        for (Field f : HttpURLConnection.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && f.getName().startsWith("HTTP_")) {
                System.out.println(f.getName() + " " + f.getInt(null) + " " + f.isAnnotationPresent(Deprecated.class));
            }
        }
    }
}
`

// TestJavaConstants checks every Java name against the HttpURLConnection of
// the JDK on PATH: present, equal to the entry's code and not deprecated.
func TestJavaConstants(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed: no JDK to check HttpURLConnection against")
	}
	// Source-file mode compiles in the one JVM, but needs a JDK's compiler
	// (11 or later), which a JRE lacks; javac on PATH tells a JDK.
	if _, err := exec.LookPath("javac"); err != nil {
		t.Skip("javac not installed: java is a JRE, which cannot run a source file")
	}
	file := filepath.Join(t.TempDir(), "Constants.java")
	if err := os.WriteFile(file, []byte(javaSource), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	// A one-shot program: the serial collector and the quick compiler
	// start fastest.
	cmd := exec.CommandContext(ctx, java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", file)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("java %s: %v%s", file, err, stderrOf(err))
	}
	type field struct {
		value      int
		deprecated bool
	}
	fields := map[string]field{}
	for sc := bufio.NewScanner(strings.NewReader(string(out))); sc.Scan(); {
		var name string
		var f field
		if _, err := fmt.Sscan(sc.Text(), &name, &f.value, &f.deprecated); err != nil {
			t.Fatalf("java output line %q: %v", sc.Text(), err)
		}
		fields[name] = f
	}
	if len(fields) == 0 {
		t.Fatalf("java printed no HttpURLConnection constants: %q", out)
	}
	for _, k := range constantsOf("java") {
		s, constant := k.s, k.name
		name, ok := strings.CutPrefix(constant, "HttpURLConnection.")
		f, found := fields[name]
		switch {
		case !ok:
			t.Errorf("%s: Java constant %q does not start with HttpURLConnection.", s.Title(), constant)
		case !found:
			t.Errorf("%s: HttpURLConnection has no %s", s.Title(), name)
		case f.value != s.Code:
			t.Errorf("%s: %s is %d", s.Title(), constant, f.value)
		case f.deprecated:
			t.Errorf("%s: %s is deprecated", s.Title(), constant)
		}
	}
	for name, f := range fields {
		if s := official(Load(), f.value); !f.deprecated && (s == nil || s.Constants["java"] == "") {
			t.Errorf("HttpURLConnection has %s (%d), the catalog no Java constant", name, f.value)
		}
	}
}

// stderrOf is what a failed command printed on stderr, for the message.
func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
		return ":\n" + string(ee.Stderr)
	}
	return ""
}
