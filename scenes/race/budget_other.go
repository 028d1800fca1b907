//go:build !js

package race

import "time"

// tickBudget is the time one tick may give the fair race's search natively,
// so Update and Draw stay within about 2 ms while it runs.
const tickBudget = 1000 * time.Microsecond
