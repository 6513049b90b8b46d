package data

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// maxValueLen keeps a table cell to a few short lines in an 80-column
// table.
const maxValueLen = 70

// headerNote is a note after a header name: "Location (by convention)".
var headerNote = regexp.MustCompile(` \([^)]*\)`)

func family(t *testing.T, id string) *Family {
	t.Helper()
	for i, f := range Families() {
		if f.ID == id {
			return &Families()[i]
		}
	}
	t.Fatalf("no family %q", id)
	return nil
}

func TestFamiliesAreCatalogued(t *testing.T) {
	cat := Load()
	if n := len(Families()); n < 10 {
		t.Errorf("%d families, want at least 10", n)
	}
	for _, f := range Families() {
		for _, c := range f.Columns {
			s := c.Entry(cat)
			switch {
			case s == nil:
				t.Errorf("%s: %d %q is not in the catalog", f.ID, c.Code, c.Source)
			case c.Source != "" && s.Official:
				t.Errorf("%s: %d names source %q, which is the official entry", f.ID, c.Code, c.Source)
			}
		}
		checkText(t, f.ID, f.Title, f.Note)
		for _, r := range f.Rows {
			checkText(t, f.ID+"/"+r.ID, r.Label)
			checkText(t, f.ID+"/"+r.ID, r.Values...)
			for _, v := range r.Values {
				if len(v) > maxValueLen || v != strings.TrimSpace(v) {
					t.Errorf("%s/%s: value %q is padded or longer than %d", f.ID, r.ID, v, maxValueLen)
				}
			}
		}
	}
}

// The facts a family shares with the catalog agree with it, found by row
// id rather than by label.
func TestFamilyFactsAgreeWithCatalog(t *testing.T) {
	cat := Load()
	checked := map[string]int{}
	for _, f := range Families() {
		for _, r := range f.Rows {
			for i, v := range r.Values {
				s := f.Columns[i].Entry(cat)
				if s == nil {
					continue // reported by TestFamiliesAreCatalogued
				}
				name := f.ID + "/" + r.ID + " " + s.Title()
				switch r.ID {
				case RowCacheable:
					checked[r.ID]++
					if want := map[bool]string{true: "yes", false: "no"}[s.Cacheable]; v != want {
						t.Errorf("%s: %q, but the catalog says cacheable=%v", name, v, s.Cacheable)
					}
				case RowHeader:
					checked[r.ID]++
					if v == "none" {
						continue
					}
					for h := range strings.SplitSeq(headerNote.ReplaceAllString(v, ""), ", ") {
						if !slices.Contains(s.Headers, h) {
							t.Errorf("%s: header %q is not in the entry's headers %v", name, h, s.Headers)
						}
					}
				}
			}
		}
	}
	if checked[RowCacheable] < 10 || checked[RowHeader] < 10 {
		t.Errorf("too few facts checked against the catalog: %v", checked)
	}
}

// Each confusion the issue names has a family.
func TestConfusionsHaveAFamily(t *testing.T) {
	for _, codes := range [][]int{
		{301, 308}, {302, 307}, {303, 302}, {401, 403}, {403, 407}, {400, 422}, {409, 422},
		{502, 503, 504}, {500, 502}, {404, 410}, {413, 414, 431}, {429, 503}, {200, 204},
		{201, 202}, {406, 415}, {304, 412}, {412, 428}, {408, 499, 504}, {504, 524},
	} {
		if FamilyFor(codes) == nil {
			t.Errorf("no family compares %v", codes)
		}
	}
}

func TestFamilyOf(t *testing.T) {
	cat := Load()
	vendor := func(code int, source string) *Status { return entryOf(cat, code, source) }
	for _, tc := range []struct {
		s    *Status
		want string // "" for none
	}{
		{vendor(301, ""), "redirects"},
		{vendor(308, ""), "redirects"},
		{vendor(503, ""), "server-errors"}, // also in limits, which comes later
		{vendor(429, ""), "limits"},
		{vendor(504, ""), "server-errors"}, // also in timeouts
		{vendor(499, "nginx"), "timeouts"},
		{vendor(499, "Esri ArcGIS"), ""}, // the same code, another meaning
		{vendor(418, ""), ""},
	} {
		got := FamilyOf(tc.s)
		if (got == nil) != (tc.want == "") || (got != nil && got.ID != tc.want) {
			t.Errorf("FamilyOf(%s %s) = %v, want %q", tc.s.Title(), tc.s.Source, got, tc.want)
		}
	}
	// For every entry: the first family in file order with its column.
	for i := range cat.All() {
		s := &cat.All()[i]
		var want *Family
		for j := range Families() {
			for _, c := range Families()[j].Columns {
				if want == nil && c.Code == s.Code && ((c.Source == "" && s.Official) || c.Source == s.Source) {
					want = &Families()[j]
				}
			}
		}
		if got := FamilyOf(s); got != want {
			t.Errorf("FamilyOf(%s %s) = %v, want %v", s.Title(), s.Source, got, want)
		}
	}
}

func TestFamilyFor(t *testing.T) {
	for _, tc := range []struct {
		codes []int
		id    string // "" for nil
		cols  []int
	}{
		{[]int{301, 302, 303, 307, 308}, "redirects", []int{301, 302, 303, 307, 308}},
		{[]int{308, 301}, "redirects", []int{308, 301}},               // the user's order
		{[]int{301, 308, 301}, "redirects", []int{301, 308}},          // repeats count once
		{[]int{503, 429}, "limits", []int{503, 429}},                  // exact beats a family listed earlier
		{[]int{502, 503, 504}, "server-errors", []int{502, 503, 504}}, // a subset
		{[]int{504, 408}, "timeouts", []int{504, 408}},
		{[]int{301}, "", nil},
		{[]int{301, 301}, "", nil},
		{[]int{301, 404}, "", nil},
		{[]int{301, 299}, "", nil},
		{nil, "", nil},
	} {
		got := FamilyFor(tc.codes)
		if tc.id == "" {
			if got != nil {
				t.Errorf("FamilyFor(%v) = %s, want nil", tc.codes, got.ID)
			}
			continue
		}
		if got == nil || got.ID != tc.id || !slices.Equal(got.Codes(), tc.cols) {
			t.Errorf("FamilyFor(%v) = %+v, want %s with %v", tc.codes, got, tc.id, tc.cols)
			continue
		}
		for _, r := range got.Rows {
			if len(r.Values) != len(tc.cols) {
				t.Errorf("FamilyFor(%v): row %s has %d values", tc.codes, r.ID, len(r.Values))
			}
		}
	}
	// The cut-down copy carries each code's own values and leaves the
	// shared family whole.
	two := FamilyFor([]int{308, 301})
	for _, r := range two.Rows {
		if r.ID == "permanent" && !slices.Equal(r.Values, []string{"yes", "yes"}) {
			t.Errorf("308 and 301 permanent: %v", r.Values)
		}
		if r.ID == RowCacheable && !slices.Equal(r.Values, []string{"yes", "yes"}) {
			t.Errorf("308 and 301 cacheable: %v", r.Values)
		}
	}
	if f := family(t, "redirects"); len(f.Columns) != 5 || len(f.Rows[0].Values) != 5 {
		t.Error("FamilyFor changed the shared family")
	}
	if f := FamilyFor([]int{408, 499}); f.Columns[1].Source != "nginx" {
		t.Errorf("499 in timeouts is %+v, want nginx's", f.Columns[1])
	}
}

func TestParseFamiliesRejects(t *testing.T) {
	const ok = `[[family]]
id = "a"
title = "A"
note = "n"
codes = [301, 302]
  [[family.row]]
  id = "r"
  label = "R"
  values = ["x", "y"]
`
	if _, err := ParseFamilies([]byte(ok)); err != nil {
		t.Fatalf("a valid family: %v", err)
	}
	for name, text := range map[string]string{
		"unknown field":   strings.Replace(ok, "note", "notes", 1),
		"no families":     "",
		"no id":           strings.Replace(ok, `id = "a"`, `id = ""`, 1),
		"no note":         strings.Replace(ok, `note = "n"`, "", 1),
		"duplicate id":    ok + strings.Replace(ok, `[301, 302]`, `[400, 422]`, 1),
		"one code":        strings.Replace(strings.Replace(ok, "[301, 302]", "[301]", 1), `["x", "y"]`, `["x"]`, 1),
		"code twice":      strings.Replace(ok, "[301, 302]", "[301, 301]", 1),
		"too few values":  strings.Replace(ok, `["x", "y"]`, `["x"]`, 1),
		"too many values": strings.Replace(ok, `["x", "y"]`, `["x", "y", "z"]`, 1),
		"empty value":     strings.Replace(ok, `["x", "y"]`, `["x", " "]`, 1),
		"no label":        strings.Replace(ok, `label = "R"`, "", 1),
		"row id twice":    ok + "  [[family.row]]\n  id = \"r\"\n  label = \"S\"\n  values = [\"x\", \"y\"]\n",
		"no rows":         strings.Split(ok, "  [[family.row]]")[0],
		"stray source":    strings.Replace(ok, "  [[family.row]]", "  [family.sources]\n  499 = \"nginx\"\n  [[family.row]]", 1),
	} {
		if _, err := ParseFamilies([]byte(text)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
