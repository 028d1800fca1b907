//go:build !js

package schedules

import "time"

// tickBudget is the training one tick may do natively, for all the runs
// together, so Update and Draw stay within about 2 ms while they train.
const tickBudget = 500 * time.Microsecond
