package model

import (
	"github.com/httpstatus-dev/httpstatus/data"
	"github.com/httpstatus-dev/httpstatus/ui"
)

// compareScreen is the comparison table of a family of codes people
// confuse (301 beside 302, 307 and 308), the code it was opened from
// marked and, where the family does not fit as a table, scrolled to.
type compareScreen struct{ textScreen }

func newCompare(c *common, f *data.Family, from *data.Status) *compareScreen {
	s := &compareScreen{newTextScreen(c, "Compare", "c", "ctrl+t")}
	s.draw = func(width int, st *ui.ExplorerStyles) ui.Rendered {
		return ui.CompareTable(f, c.cat, &st.Styles, width, from)
	}
	return s
}
