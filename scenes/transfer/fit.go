package transfer

import "gradlab/widgets"

// fitFirst is the first of forms that fits in w, or the last one
// shortened when none does: a label is worded to fit rather than cut.
func fitFirst(t *widgets.Theme, size float64, bold bool, w float64, forms ...string) string {
	for _, f := range forms {
		if t.Width(f, size, bold) <= w {
			return f
		}
	}
	return t.Fit(forms[len(forms)-1], size, bold, w)
}
