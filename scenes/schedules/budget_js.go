//go:build js

package schedules

import "time"

// tickBudget is the training one tick may do in the page, where a frame
// has about 16 ms and the same work runs several times slower than
// natively.
const tickBudget = 3 * time.Millisecond
