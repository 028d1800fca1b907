//go:build js

package search

import "time"

// tickBudget is the computing one tick may do in the page (the tally's
// resamples and the search's training together), where a frame has about
// 16 ms and the same work runs several times slower than natively.
const tickBudget = 3 * time.Millisecond
