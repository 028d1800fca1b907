//go:build !js

package transfer

import "time"

// tickBudget is the training one tick may do natively, pretraining or the
// two target runs together with the region renders, so Update and Draw stay
// within about 2 ms while the networks train.
const tickBudget = 1100 * time.Microsecond
