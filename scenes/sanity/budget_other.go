//go:build !js

package sanity

import "time"

// tickBudget is the computing one tick may do natively: measuring, both
// training runs and the region view's render together, so Update and Draw
// stay within about 2 ms while the networks train.
const tickBudget = 1000 * time.Microsecond

// starveTicks is how many ticks the full run may be left out when a step
// does not fit in what is left of the budget: natively a step is a
// fraction of a millisecond, so waiting for a tick with room is cheap.
const starveTicks = 2
