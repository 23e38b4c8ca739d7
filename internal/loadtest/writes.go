package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// writesCmd has reviewers save verdicts with a source on statements
// assigned to them, each as fast as the desk answers (or all together at
// --rate saves a second), through the API of one or more instances, or
// with --plain through plain SQL doing the same checks and writes. It
// reports saves a second and latency, then checks that every
// acknowledged save is stored. With --watch it also times how late each
// save reaches an article page open on that instance.
func writesCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("writes", flag.ContinueOnError)
	dsn := fs.String("db", "loadtest.db", "the desk's database")
	bases := fs.String("base", "http://127.0.0.1:18101", "the desk's address; several, comma-separated, share the reviewers")
	reviewers := fs.Int("reviewers", 20, "reviewers saving at once")
	per := fs.Int("statements", 50, "statements each reviewer works through")
	duration := fs.Duration("duration", 30*time.Second, "how long to save")
	rate := fs.Float64("rate", 0, "saves a second in all (0: as fast as answered)")
	plain := fs.Bool("plain", false, "save through plain SQL (the peer) instead of the API")
	watch := fs.String("watch", "", "an instance whose live updates to time")
	pid := fs.Int("pid", 0, "the server's process id, to report the CPU time a save costs it (with --plain: this process)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, store, closeDB, err := openDesk(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	users, err := loadUsers(ctx, store, *reviewers)
	if err != nil {
		return err
	}
	var before uint
	if err := db.Raw("SELECT COALESCE(MAX(id), 0) FROM statement_events").Scan(&before).Error; err != nil {
		return err
	}
	work := make([]*reviewer, len(users))
	instances := strings.Split(*bases, ",")
	for i, u := range users {
		r := &reviewer{user: u, base: instances[i%len(instances)]}
		if r.items, err = assignedTo(ctx, store, u.ID, *per); err != nil {
			return err
		}
		if r.token, _, err = store.CreateToken(ctx, u.ID, "load test"); err != nil {
			return err
		}
		work[i] = r
	}
	var saver saver = apiSaver{client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *reviewers}}}
	if *plain {
		if saver, err = newPlainSaver(db); err != nil {
			return err
		}
	}
	var lag *lagWatch
	if *watch != "" {
		if lag, err = watchLive(ctx, store, *watch, work); err != nil {
			return err
		}
		defer lag.stop()
	}

	runCtx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	var wg sync.WaitGroup
	cpuPID := *pid
	if *plain {
		cpuPID = os.Getpid()
	}
	cpu0 := cpuTime(cpuPID)
	start := time.Now()
	for _, r := range work {
		wg.Go(func() { r.run(runCtx, saver, *rate/float64(len(work)), lag) })
	}
	wg.Wait()
	took := time.Since(start)
	cpu := cpuTime(cpuPID) - cpu0

	var all latencies
	var ok, conflicts, failed int
	for _, r := range work {
		all = append(all, r.lat...)
		ok += r.ok
		conflicts += r.conflicts
		failed += r.failed
	}
	mode := "API " + *bases
	if *plain {
		mode = "plain SQL"
	}
	fmt.Printf("%s, %d reviewers, %s: %d saves acknowledged, %.0f/s; %d conflicts (409), %d failed\n",
		mode, len(work), took.Round(time.Millisecond), ok, float64(ok)/took.Seconds(), conflicts, failed)
	fmt.Printf("latency %s\n", all)
	if cpuPID != 0 && ok > 0 {
		fmt.Printf("CPU time of process %d: %s for %d saves, %.3f ms a save\n", cpuPID, cpu.Round(time.Millisecond), ok,
			float64(cpu.Microseconds())/1000/float64(ok))
	}
	if lag != nil {
		time.Sleep(2 * time.Second) // the last updates on their way
		lag.report()
	}
	lost, err := verify(ctx, db, work, before)
	if err != nil {
		return err
	}
	if lost > 0 || failed > 0 {
		return fmt.Errorf("%d acknowledged saves are not stored as acknowledged; %d saves failed", lost, failed)
	}
	fmt.Println("every acknowledged save is stored: 0 lost")
	return nil
}

// item is one statement a reviewer works on, with what was last
// acknowledged of it.
type item struct {
	id, article uint
	version     int
	verdict     rating.Key
	acked       int
	// cutOff: the last save was cut off by the end of the run, unanswered;
	// it may or may not have been stored (but was never acknowledged).
	cutOff bool
}

type reviewer struct {
	user   models.User
	token  string
	base   string
	items  []*item
	lat    latencies
	ok     int
	failed int
	// conflicts are 409s: none are expected, as nobody else touches a
	// reviewer's statements.
	conflicts int
}

// assignedTo returns n statements assigned to the user, taking more from
// the pool when they have fewer.
func assignedTo(ctx context.Context, store *models.Store, userID uint, n int) ([]*item, error) {
	var out []*item
	for after := (models.QueueCursor{}); len(out) < n; {
		q, err := store.Queue(ctx, userID, time.Now(), after, models.QueueMaxPage)
		if err != nil {
			return nil, err
		}
		for _, r := range q.Items {
			if len(out) < n {
				out = append(out, &item{id: r.ID, article: r.ArticleID, version: r.Version, verdict: r.Verdict})
			}
		}
		if after = q.Next; after.IsZero() {
			break
		}
	}
	for len(out) < n {
		st, err := store.TakeNext(ctx, userID)
		if err != nil {
			return nil, fmt.Errorf("take work for user %d: %w", userID, err)
		}
		out = append(out, &item{id: st.ID, article: st.ArticleID, version: st.Version, verdict: st.Verdict})
	}
	return out, nil
}

// A saver saves one review: the API or plain SQL. It returns the new
// version, or the current one and conflict on a 409.
type saver interface {
	save(ctx context.Context, r *reviewer, it *item, verdict rating.Key, n int) (version int, conflict bool, err error)
}

func (r *reviewer) run(ctx context.Context, s saver, rate float64, lag *lagWatch) {
	var tick <-chan time.Time
	if rate > 0 {
		t := time.NewTicker(time.Duration(float64(time.Second) / rate))
		defer t.Stop()
		tick = t.C
	}
	for n := 0; ; n++ {
		if tick != nil {
			select {
			case <-ctx.Done():
				return
			case <-tick:
			}
		}
		if ctx.Err() != nil {
			return
		}
		it := r.items[n%len(r.items)]
		// Verified and disputed in turn, so every save changes the verdict.
		verdict := rating.Verified
		if it.verdict == rating.Verified {
			verdict = rating.Disputed
		}
		var pending *pendingSave
		if lag != nil {
			pending = lag.sending(it.id) // before the request: its update may beat the answer
		}
		start := time.Now()
		version, conflict, err := s.save(ctx, r, it, verdict, n)
		took := time.Since(start)
		if lag != nil {
			lag.answered(it.id, pending, err == nil && !conflict)
		}
		switch {
		case err != nil && ctx.Err() != nil:
			it.cutOff = true // not acknowledged
			return
		case err != nil:
			r.failed++
			fmt.Println("save failed:", err)
		case conflict:
			r.conflicts++
			it.version = version
		default:
			r.ok++
			r.lat = append(r.lat, took)
			it.version, it.verdict = version, verdict
			it.acked++
		}
	}
}

// apiSaver saves with PATCH /api/v1/statements/:id.
type apiSaver struct{ client *http.Client }

func (a apiSaver) save(ctx context.Context, r *reviewer, it *item, verdict rating.Key, n int) (int, bool, error) {
	body, _ := json.Marshal(map[string]any{
		"verdict": verdict, "note": "Checked on deadline.", "version": it.version,
		"sources": []map[string]string{{"url": fmt.Sprintf("https://stats.example.org/release/%d", n), "title": "Statistics release"}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, fmt.Sprintf("%s/api/v1/statements/%d", r.base, it.id), bytes.NewReader(body))
	if err != nil {
		return 0, false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+r.token)
	res, err := a.client.Do(req)
	if err != nil {
		return 0, false, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, false, err
	}
	var out struct {
		Version int `json:"version"`
		Current *struct {
			Version int `json:"version"`
		} `json:"current"`
	}
	json.Unmarshal(b, &out)
	switch res.StatusCode {
	case http.StatusOK:
		return out.Version, false, nil
	case http.StatusConflict:
		if out.Current != nil {
			return out.Current.Version, true, nil
		}
	}
	return 0, false, fmt.Errorf("statement %d: status %d: %.200s", it.id, res.StatusCode, b)
}

// verify checks every reviewer's statements against what was
// acknowledged: the version and verdict last acknowledged, and one review
// in the history for each acknowledged save. It returns how many
// statements disagree.
func verify(ctx context.Context, db *gorm.DB, work []*reviewer, before uint) (int, error) {
	lost := 0
	for _, r := range work {
		for _, it := range r.items {
			var st struct {
				Version int
				Verdict rating.Key
				Reviews int
			}
			err := db.WithContext(ctx).Raw(`SELECT s.version, s.verdict,
(SELECT COUNT(*) FROM statement_events e WHERE e.statement_id = s.id AND e.id > ? AND e.action = 'review') AS reviews
FROM statements s WHERE s.id = ?`, before, it.id).Scan(&st).Error
			if err != nil {
				return 0, err
			}
			stored := st.Version == it.version && st.Verdict == it.verdict && st.Reviews == it.acked
			if it.cutOff && !stored {
				// The unanswered save may have been stored after all.
				stored = st.Version == it.version+1 && st.Reviews == it.acked+1
			}
			if it.acked > 0 && !stored {
				lost++
				fmt.Printf("statement %d: stored version %d, %s, %d reviews; acknowledged version %d, %s, %d saves\n",
					it.id, st.Version, st.Verdict, st.Reviews, it.version, it.verdict, it.acked)
			}
		}
	}
	return lost, nil
}

// lagWatch times live updates: each save waits, in order per statement,
// for the update of that statement on a page open elsewhere. The lag is
// from the save's acknowledgement to the update's arrival (zero when the
// update arrives first).
type lagWatch struct {
	mu      sync.Mutex
	pending map[uint][]*pendingSave
	lat     latencies
	stops   []func()
	events  atomic.Int64
}

// pendingSave is a save whose update has not arrived yet.
type pendingSave struct {
	acked   time.Time // zero until answered
	arrived time.Time // zero until its update arrives
}

var itemID = regexp.MustCompile(`id="li-(\d+)"`)

// watchLive opens the live stream of every article the reviewers work on,
// on the instance at base, as the load test's admin.
func watchLive(ctx context.Context, store *models.Store, base string, work []*reviewer) (*lagWatch, error) {
	admin, err := loadAdmin(ctx, store)
	if err != nil {
		return nil, err
	}
	cookie, err := store.CreateSession(ctx, admin.ID)
	if err != nil {
		return nil, err
	}
	w := &lagWatch{pending: map[uint][]*pendingSave{}}
	articles := map[uint]bool{}
	for _, r := range work {
		for _, it := range r.items {
			articles[it.article] = true
		}
	}
	ready := make(chan error, len(articles))
	for id := range articles {
		sctx, cancel := context.WithCancel(ctx)
		w.stops = append(w.stops, cancel)
		go w.stream(sctx, fmt.Sprintf("%s/articles/%d/live", base, id), cookie, ready)
	}
	for range articles {
		if err := <-ready; err != nil {
			w.stop()
			return nil, err
		}
	}
	fmt.Printf("watching %d articles on %s\n", len(articles), base)
	return w, nil
}

func (w *lagWatch) stream(ctx context.Context, url, cookie string, ready chan<- error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "fcd_session", Value: cookie})
	res, err := http.DefaultClient.Do(req)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s: status %d", url, res.StatusCode)
	}
	ready <- err
	if err != nil {
		return
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "data: ") {
			continue
		}
		if m := itemID.FindStringSubmatch(line); m != nil {
			id, _ := strconv.ParseUint(m[1], 10, 32)
			w.arrived(uint(id), time.Now())
		}
	}
}

// sending registers a save about to be sent.
func (w *lagWatch) sending(id uint) *pendingSave {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := &pendingSave{}
	w.pending[id] = append(w.pending[id], p)
	return p
}

// answered records the save's answer; a save not stored expects no update.
func (w *lagWatch) answered(id uint, p *pendingSave, stored bool) {
	now := time.Now()
	w.mu.Lock()
	defer w.mu.Unlock()
	if !stored {
		w.pending[id] = slices.DeleteFunc(w.pending[id], func(x *pendingSave) bool { return x == p })
		return
	}
	p.acked = now
	if !p.arrived.IsZero() {
		w.lat = append(w.lat, 0) // the page had it before the reviewer had the answer
	}
}

func (w *lagWatch) arrived(id uint, at time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.events.Add(1)
	for _, p := range w.pending[id] {
		if !p.arrived.IsZero() {
			continue
		}
		p.arrived = at
		if !p.acked.IsZero() {
			w.lat = append(w.lat, max(0, at.Sub(p.acked)))
		}
		break
	}
	// Drop what is settled from the front.
	q := w.pending[id]
	for len(q) > 0 && !q[0].arrived.IsZero() && !q[0].acked.IsZero() {
		q = q[1:]
	}
	w.pending[id] = q
}

func (w *lagWatch) report() {
	w.mu.Lock()
	defer w.mu.Unlock()
	missed := 0
	for _, q := range w.pending {
		for _, p := range q {
			if p.arrived.IsZero() && !p.acked.IsZero() {
				missed++
			}
		}
	}
	fmt.Printf("live updates on the watched instance: %d received for %d saves; save to page %s; %d never arrived\n",
		len(w.lat), len(w.lat)+missed, w.lat, missed)
}

func (w *lagWatch) stop() {
	for _, s := range w.stops {
		s()
	}
}
