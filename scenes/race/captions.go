package race

// captions say, per surface, what to try and what to notice.
var captions = map[string]string{
	"bowl": "Curvature is 40× steeper across this bowl than along it. SGD's η sits just under the " +
		"stability limit 2/λ, so it bounces wall to wall while crawling along the floor; momentum " +
		"averages the bounces away, Adam rescales each direction. Real losses look like this in many " +
		"directions at once. Try → to push SGD past η = 0.1.",
	"rosenbrock": "A curved, almost flat valley floor leads to the minimum at (1, 1). Reaching the floor " +
		"is easy; following it is not. SGD barely moves along it, momentum builds speed, Adam's " +
		"per-direction scaling keeps its steps useful. Try: drag the start point onto the valley floor.",
	"beale": "Beale's surface spans five decades between its flat middle and steep corners, so one " +
		"learning rate cannot suit every region. Watch how far each optimizer gets in the same number " +
		"of steps, and which ones end in green. Try: click elsewhere on the map to start from another " +
		"point, or add RMSProp (P) and AdaGrad (D).",
}
