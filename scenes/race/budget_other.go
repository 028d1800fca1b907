//go:build !js

package race

import "time"

// tickBudget is the time one tick may give the fair race's search natively,
// so a whole frame stays well within 2 ms while it runs, even on a
// busy machine.
const tickBudget = 600 * time.Microsecond
