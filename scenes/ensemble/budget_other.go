//go:build !js

package ensemble

import "time"

// tickBudget is what one frame may spend natively on training, measuring
// and region renders together, so Update and Draw stay within about 2 ms
// while the networks train.
const tickBudget = 1000 * time.Microsecond
