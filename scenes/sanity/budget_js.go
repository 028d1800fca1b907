//go:build js

package sanity

import "time"

// tickBudget is the computing one tick may do in the page, where a frame
// has about 16 ms and the same work runs several times slower than
// natively.
const tickBudget = 3 * time.Millisecond

// starveTicks is 0 in the page: a full-batch step there can take longer
// than the whole budget, so each tick takes one rather than waiting for
// room that never comes.
const starveTicks = 0
