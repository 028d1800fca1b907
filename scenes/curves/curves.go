// Package curves is the loss-curve doctor scene: a small network really
// trains, live, with settings that cause one condition (healthy, learning
// rate too high or too low, overfitting, a plateau from a bad start, a
// data bug, a plateau that a learning-rate cut ends); its training and
// validation curves grow on screen, and sim/diagnose reads them every few
// epochs and names the condition with its evidence, marked on the curves.
// In mystery mode the scenario is hidden and the user diagnoses first.
package curves

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/diagnose"
	"gradlab/widgets"
)

// The seed's range (1 … seedMax, as in the other scenes) and default, and the training budget per tick: about a
// millisecond natively keeps Update+Draw well under 2 ms.
const (
	seedMax     = 9999
	seedDef     = 1
	budget      = 1200 * time.Microsecond
	reDiag      = 3 // re-read the curves every this many new points
	mysterySalt = 0x6d7973
	codeMax     = 999999 // mystery codes run 1 … codeMax
	// minShown is the share of a mystery's run that must be on screen
	// before a guess counts: before it there is no curve to read, and a
	// guess would be a coin toss that reveals the answer.
	minShown = 0.25
	// runTime is how long a whole run takes to watch: the curves grow at
	// this pace (or slower, where a tick's budget cannot keep up).
	runTime = 6 * time.Second
	// repaintEvery is how often new points reach the screen while a run
	// trains. Each repaint re-wraps the panels' text and redraws the plots,
	// which in the page costs more than the training itself; ten times a
	// second still looks continuous.
	repaintEvery = 100 * time.Millisecond
)

// Scene is the loss-curve doctor.
type Scene struct {
	sc      int // index into diagnose.Scenarios
	seed    int
	mystery bool
	paused  bool
	owed    float64 // training steps the pace owes

	run  *diagnose.Run
	cur  diagnose.Curves
	diag diagnose.Diagnosis
	// diagAt is the number of points the diagnosis was made on.
	diagAt int
	// diagFinal: the diagnosis was made on the finished run.
	diagFinal bool
	// version counts rebuilt runs, diagVer re-read diagnoses, so cached
	// drawings know when to start over.
	version, diagVer int
	// shownPts and shownDiag are the points and diagnosis on screen; they
	// follow the run at most every repaintEvery (sinceShown).
	shownPts, shownDiag int
	sinceShown          time.Duration

	// Mystery: the guess (Unknown: none yet), whether the answer is shown,
	// and the score.
	guess    diagnose.Condition
	revealed bool
	right    int
	asked    int
	// wait is the message for a guess made too early ("" none).
	wait string
	// code picks the mystery (scenario and seed) and is what the URL
	// carries; number counts the session's mysteries, for the heading.
	code, number int

	keys  []kit.Key
	ui    ui
	drawn drawState
}

// New returns the scene on the healthy scenario, seed 1.
func New() *Scene {
	s := &Scene{seed: seedDef}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild starts the run the settings describe (after URL values).
func (s *Scene) Rebuild() {
	if s.mystery {
		if s.code == 0 {
			s.code = 1
		}
		s.pickMystery()
	}
	s.restart()
}

func (s *Scene) scenario() diagnose.Scenario { return diagnose.Scenarios[s.sc] }

// restart trains the current scenario and seed from the start.
func (s *Scene) restart() {
	s.run = diagnose.NewRun(s.scenario(), uint64(s.seed))
	s.version++
	s.guess, s.revealed, s.wait = diagnose.Unknown, false, ""
	s.paused, s.owed = false, 0
	s.refresh(true)
}

// refresh copies the curves and re-reads them when enough new points came
// (or force).
func (s *Scene) refresh(force bool) {
	s.cur = s.run.Curves()
	n := len(s.cur.TrainLoss)
	if force || n-s.diagAt >= reDiag || s.run.Done() && !s.diagFinal {
		s.diag = diagnose.Diagnose(s.cur)
		s.diagAt, s.diagFinal = n, s.run.Done()
		s.diagVer++
	}
}

// advance trains for one tick: the steps the pace owes after dt of wall
// time, within budget b. A tick that cannot keep up does not carry more
// than a quarter second of steps over, so the page never tries to catch up
// in a burst.
func (s *Scene) advance(dt, b time.Duration) {
	if s.paused || s.run.Done() {
		return
	}
	if dt <= 0 {
		dt = time.Second / 60
	}
	total := float64(s.run.Epochs() * s.run.PerEpoch)
	rate := total / runTime.Seconds()
	s.owed = math.Min(s.owed+rate*dt.Seconds(), math.Max(rate/4, 1))
	if k := int(s.owed); k >= 1 {
		s.owed -= float64(s.run.T.RunFor(b, k))
		s.refresh(false)
	}
}

// togglePause pauses or resumes a run in progress; a finished run has
// nothing to pause.
func (s *Scene) togglePause() {
	if !s.run.Done() {
		s.paused = !s.paused
	}
}

// finish trains to the end at once (key F, tests).
func (s *Scene) finish() {
	s.run.Finish()
	s.refresh(true)
}

func (s *Scene) setScenario(i int) {
	n := len(diagnose.Scenarios)
	i = (i%n + n) % n
	if i != s.sc {
		s.sc = i
		s.restart()
	}
}

func (s *Scene) setSeed(v int) {
	v = ((v-1)%seedMax+seedMax)%seedMax + 1 // 1 … seedMax, wrapping
	if v != s.seed {
		s.seed = v
		s.restart()
	}
}

// setMystery turns mystery mode on (with a new mystery) or off.
func (s *Scene) setMystery(on bool) {
	if on == s.mystery {
		return
	}
	s.mystery = on
	if on {
		s.newMystery()
		return
	}
	s.guess, s.revealed = diagnose.Unknown, false
}

// newMystery moves to the next mystery. The first of a session starts at a
// code taken from the clock, so mysteries differ between visits; each code
// picks one scenario and seed, so a copied URL (mystery=code) asks the
// same one, without naming it.
func (s *Scene) newMystery() {
	s.mystery = true
	if s.code == 0 {
		s.code = 1 + int(uint64(time.Now().UnixNano())%codeMax)
	} else {
		s.code = s.code%codeMax + 1
	}
	s.pickMystery()
	s.restart()
}

// pickMystery sets the scenario and seed the mystery code stands for.
func (s *Scene) pickMystery() {
	r := rand.New(rand.NewPCG(uint64(s.code), mysterySalt))
	s.sc = r.IntN(len(diagnose.Scenarios))
	s.seed = 1 + r.IntN(99)
	s.number++
}

// pick records the user's diagnosis of the mystery and reveals the answer.
// The run is trained to its end first, so the evidence shown beside the
// answer is the whole run's, not that of the epochs seen so far.
func (s *Scene) pick(c diagnose.Condition) {
	if !s.mystery || s.revealed {
		return
	}
	if sh := s.shownShare(); sh < minShown {
		s.wait = fmt.Sprintf("Too early to diagnose: %.0f %% of the run is on screen. Wait until %.0f %% (or press F to see it all), then guess.", 100*sh, 100*minShown)
		return
	}
	s.wait = ""
	if !s.run.Done() {
		s.finish()
	}
	s.guess, s.revealed = c, true
	s.asked++
	if c == s.scenario().Want {
		s.right++
	}
}

// shownShare is the share of the run the curves on screen cover.
func (s *Scene) shownShare() float64 {
	n := min(s.shownPts, len(s.cur.Epoch))
	if n == 0 || s.run.Epochs() == 0 {
		return 0
	}
	return s.cur.Epoch[n-1] / float64(s.run.Epochs())
}

// hidden reports whether the scenario's name and the doctor's verdict are
// hidden (a mystery not answered yet).
func (s *Scene) hidden() bool { return s.mystery && !s.revealed }

// urlState is what the URL records.
type urlState struct {
	sc, seed, code int
	mystery        bool
}

func (s *Scene) urlState() urlState { return urlState{s.sc, s.seed, s.code, s.mystery} }

// Update handles input, trains one slice and lays out what Draw shows.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	before := s.urlState()
	s.updateControls(c)
	s.advance(c.Dt, budget)
	s.catchUp(c.Dt)
	if s.urlState() != before {
		c.Changed()
	}
	if s.stripKey() != s.ui.laidOut || s.panelKey() != s.ui.panelsFor {
		s.layout(c)
	}
	if !s.ui.screen.Same(s.ui.before) {
		c.Full = true
		s.ui.before = s.ui.screen
		s.ui.before.Panels = append([]widgets.Rect(nil), s.ui.screen.Panels...)
	}
}

// catchUp lets the screen follow the run: at once when the run stops
// (finished, diverged, paused) or restarts, otherwise every repaintEvery.
func (s *Scene) catchUp(dt time.Duration) {
	if dt <= 0 {
		dt = time.Second / 60
	}
	s.sinceShown += dt
	n := len(s.cur.TrainLoss)
	if n == s.shownPts && s.diagVer == s.shownDiag {
		return
	}
	if s.sinceShown >= repaintEvery || s.run.Done() || s.paused || n < s.shownPts {
		s.shownPts, s.shownDiag, s.sinceShown = n, s.diagVer, 0
	}
}

// Controls names the clickable controls.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("plot", u.lossPlot.Rect)
	for i := range u.scBtn {
		add("scenario:"+diagnose.Scenarios[i].ID, u.scBtn[i].Rect)
	}
	for i := range u.guessBtn {
		add("guess:"+diagnose.Conditions[i].ID(), u.guessBtn[i].Rect)
	}
	add("seed", u.seedBtn.Rect)
	add("restart", u.restartBtn.Rect)
	add("play", u.playBtn.Rect)
	add("finish", u.finishBtn.Rect)
	add("mystery", u.mysteryBtn.Rect)
	add("new-mystery", u.nextBtn.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
}
