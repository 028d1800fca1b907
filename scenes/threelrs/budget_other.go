//go:build !js

package threelrs

import "time"

// tickBudget is the training one tick may do natively, for the three runs
// together and the region renders, so Update and Draw stay within about
// 2 ms while the networks train.
const tickBudget = 1100 * time.Microsecond
