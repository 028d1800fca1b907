//go:build js

package race

import "time"

// tickBudget is the time one tick may give the fair race's search in the
// page, where a frame has about 16 ms and the search runs several times
// slower than natively.
const tickBudget = 3 * time.Millisecond
