package ui

import (
	"image/color"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/httpstatus-dev/httpstatus/data"
)

// However narrow the list, a row keeps its vendor badge whole: the badge
// is what tells 520 from 521 from 522. The deprecation badge and the
// phrase give way first.
func TestRowKeepsTheVendorBadge(t *testing.T) {
	cat := data.Load()
	st := SharedExplorerStyles(true, colorprofile.TrueColor)
	for _, r := range cat.Search(data.Query{}) {
		if r.Status.Official && r.Sub == nil {
			continue
		}
		source := r.Status.Source
		if r.Sub != nil {
			source = r.Sub.Source
		}
		code, _ := r.Names()
		// A row is at least as wide as a 40-column terminal's list.
		for w := 38; w <= 60; w++ {
			row := ansi.Strip(Row(r, st, w, true))
			if !strings.Contains(row, "["+source+"]") || !strings.Contains(row, code) {
				t.Errorf("%s %s at %d: %q", code, source, w, row)
			}
		}
	}
}

// A pane's title is text to read, not part of the faint border: on a light
// background too it is drawn in the subtle colour, and in the accent when
// the pane has the keyboard.
func TestBoxTitlesAreReadable(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := SharedExplorerStyles(dark, colorprofile.TrueColor)
		for _, focused := range []bool{false, true} {
			top := strings.Split(Box(nil, "404 Not Found", "", 30, 3, focused, st), "\n")[0]
			want := subtleShade
			if focused {
				want = accentShade
			}
			title := newPaint(lipgloss.NewStyle().Foreground(want.color(dark, colorprofile.TrueColor)).Bold(true))
			if !strings.Contains(top, title.on(" 404 Not Found ")) {
				t.Errorf("dark %v, focused %v: title not in its colour: %q", dark, focused, top)
			}
			if fg := borderShade.color(dark, colorprofile.TrueColor); contrast(fg, dark) >= contrast(want.color(dark, colorprofile.TrueColor), dark) {
				t.Errorf("dark %v: the title is no easier to read than the border", dark)
			}
		}
	}
}

// contrast is how far a colour's lightness is from the background's.
func contrast(c color.Color, dark bool) float64 {
	r, g, b, _ := c.RGBA()
	l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	if dark {
		return l
	}
	return 1 - l
}

// The bottom edge carries a note at its right, cut to fit, the corner kept.
func TestBoxNote(t *testing.T) {
	st := SharedExplorerStyles(true, colorprofile.Ascii)
	for _, w := range []int{40, 12, 6, 4} {
		lines := strings.Split(ansi.Strip(Box(nil, "", "↓ more", w, 3, false, st)), "\n")
		bottom := lines[len(lines)-1]
		if ansi.StringWidth(bottom) != w || !strings.HasPrefix(bottom, "╰") || !strings.HasSuffix(bottom, "╯") {
			t.Errorf("%d wide: %q", w, bottom)
		}
		if w >= 12 && !strings.HasSuffix(bottom, " ↓ more ─╯") {
			t.Errorf("%d wide: no note: %q", w, bottom)
		}
	}
}
