//go:build !js

package search

import "time"

// tickBudget is the computing one tick may do natively (the tally's
// resamples and the search's training together), so Update and Draw stay
// within about 2 ms while the search trains.
const tickBudget = 1000 * time.Microsecond
