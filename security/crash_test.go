package security

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// crashChild, when set, makes this test binary a desk serving the SQLite
// file it names, for TestCrashSafety to kill.
const crashChild = "FACTCHECK_SECURITY_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChild); path != "" {
		serveForCrash(path)
		return
	}
	os.Exit(m.Run())
}

// serveForCrash serves the desk on a loopback port it prints, until killed.
func serveForCrash(path string) {
	db, err := models.Open(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	store := models.NewStore(db, models.Options{BcryptCost: 4, Extractor: extract.Engine{}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().String())
	http.Serve(ln, handlers.New(store, handlers.Config{Log: slog.New(slog.DiscardHandler)}))
}

// A check that held in the audit: no acknowledged write is lost when the
// desk is killed (kill -9) under load. Three times, writers post comments
// until the process is killed mid-flight; afterwards every comment whose
// 201 reached its writer is in the database.
func TestCrashSafety(t *testing.T) {
	if os.Getenv("FACTCHECK_TEST_POSTGRES") != "" {
		t.Skip("the crash test runs the desk on SQLite, in a process of its own")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	db, err := models.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	store := models.NewStore(db, modeltest.Options())
	ctx := t.Context()
	u, err := store.CreateUser(ctx, models.UserInput{Email: "w@example.org", Name: "W", Role: models.Reviewer, Password: password})
	if err != nil {
		t.Fatal(err)
	}
	token, _, _ := store.CreateToken(ctx, u.ID, "load")
	a, err := store.CreateArticle(ctx, models.ArticleInput{Title: "Crash", Body: article})
	if err != nil {
		t.Fatal(err)
	}
	models.Close(db)
	url := fmt.Sprintf("/api/v1/statements/%d/comments", a.Statements[1].ID)

	var acked []uint
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChild+"="+path)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		addr, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || strings.HasPrefix(addr, "error") {
			cmd.Process.Kill()
			t.Fatalf("the desk did not start: %q %v", addr, err)
		}
		base := "http://" + strings.TrimSpace(addr)
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := time.Now().Add(400 * time.Millisecond)
		for w := range 4 {
			wg.Go(func() {
				client := &http.Client{Timeout: 5 * time.Second}
				for i := 0; ; i++ {
					req, _ := http.NewRequest(http.MethodPost, base+url, strings.NewReader(fmt.Sprintf(`{"body":"round %d writer %d comment %d"}`, round, w, i)))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("Authorization", "Bearer "+token)
					res, err := client.Do(req)
					if err != nil {
						return // killed
					}
					var c struct{ ID uint }
					if res.StatusCode == http.StatusCreated && json.NewDecoder(res.Body).Decode(&c) == nil {
						mu.Lock()
						acked = append(acked, c.ID)
						mu.Unlock()
					}
					res.Body.Close()
					if time.Now().After(stop) && w == 0 {
						cmd.Process.Kill() // SIGKILL: no shutdown, no flush
					}
				}
			})
		}
		wg.Wait()
		cmd.Wait()
	}
	db, err = models.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer models.Close(db)
	comments, err := models.NewStore(db, modeltest.Options()).Comments(ctx, a.Statements[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	have := map[uint]bool{}
	for _, c := range comments {
		have[c.ID] = true
	}
	lost := 0
	for _, id := range acked {
		if !have[id] {
			lost++
		}
	}
	t.Logf("3 kills under load: %d writes acknowledged, %d stored, %d lost", len(acked), len(have), lost)
	if lost > 0 || len(acked) == 0 {
		t.Fatalf("%d of %d acknowledged writes lost", lost, len(acked))
	}
	var mode int
	db.Raw("PRAGMA synchronous").Scan(&mode)
	if mode != 2 {
		t.Errorf("PRAGMA synchronous = %d, want 2 (FULL): an acknowledged commit must be on disk", mode)
	}
}
