package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// pagesCmd times every list page and an article page one request at a
// time, as one person clicking through the desk, and prints p50 and p95
// with the size of each answer. With --pid it then prints the server's
// resident memory.
func pagesCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("pages", flag.ContinueOnError)
	dsn := fs.String("db", "loadtest.db", "the desk's database (to sign in)")
	base := fs.String("base", "http://127.0.0.1:18101", "the desk's address")
	runs := fs.Int("runs", 20, "requests per page")
	pid := fs.Int("pid", 0, "the server's process id, to report its memory")
	q := fs.String("q", "unemployment", "the search")
	if err := fs.Parse(args); err != nil {
		return err
	}
	_, store, closeDB, err := openDesk(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	admin, err := loadAdmin(ctx, store)
	if err != nil {
		return err
	}
	reviewers, err := loadUsers(ctx, store, 1)
	if err != nil {
		return err
	}
	adminCookie, err := store.CreateSession(ctx, admin.ID)
	if err != nil {
		return err
	}
	reviewerCookie, err := store.CreateSession(ctx, reviewers[0].ID)
	if err != nil {
		return err
	}
	token, _, err := store.CreateToken(ctx, admin.ID, "load test")
	if err != nil {
		return err
	}
	list, err := store.ArticleList(ctx, models.ArticleCursor{}, 1)
	if err != nil || len(list.Items) == 0 {
		return fmt.Errorf("the desk has no article: fill it first (%v)", err)
	}
	article := list.Items[0].ID
	pages := []struct{ name, path, cookie, token string }{
		{"Home", "/", adminCookie, ""},
		{"Home, next page", "/?after=" + list.Next.String(), adminCookie, ""},
		{"Unassigned pool", "/pool", adminCookie, ""},
		{"Search (q=" + *q + ")", "/statements?q=" + url.QueryEscape(*q), adminCookie, ""},
		{"Search, open and checkable", "/statements?verdict=open&checkable=true", adminCookie, ""},
		{"Team", "/team", adminCookie, ""},
		{"Article", fmt.Sprintf("/articles/%d", article), adminCookie, ""},
		{"My queue", "/queue", reviewerCookie, ""},
		{"Article type-ahead", "/articles/suggest?q=" + url.QueryEscape((*q)[:min(len(*q), 5)]), adminCookie, ""},
		{"API search", "/api/v1/statements?q=" + url.QueryEscape(*q), "", token},
		{"API articles", "/api/v1/articles?limit=50", "", token},
		{"API queue", "/api/v1/queue", "", token},
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	fmt.Printf("%-30s %10s %10s %10s\n", "page", "p50", "p95", "size")
	for _, p := range pages {
		var l latencies
		size := 0
		for range *runs {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, *base+p.path, nil)
			if p.cookie != "" {
				req.AddCookie(&http.Cookie{Name: "fcd_session", Value: p.cookie})
			}
			if p.token != "" {
				req.Header.Set("Authorization", "Bearer "+p.token)
			}
			start := time.Now()
			res, err := client.Do(req)
			if err != nil {
				return err
			}
			n, err := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			l = append(l, time.Since(start))
			if err != nil {
				return err
			}
			if res.StatusCode != http.StatusOK {
				return fmt.Errorf("%s: status %d", p.path, res.StatusCode)
			}
			size = int(n)
		}
		fmt.Printf("%-30s %10s %10s %10s\n", p.name, ms(l.pct(0.5)), ms(l.pct(0.95)), kb(size))
	}
	if *pid != 0 {
		fmt.Printf("server memory: %s\n", rss(*pid))
	}
	return nil
}

// loadAdmin is the load test's admin, created once.
func loadAdmin(ctx context.Context, store *models.Store) (*models.User, error) {
	const email = "load-admin@example.org"
	if u, err := store.UserByEmail(ctx, email); err == nil {
		return u, nil
	}
	return store.CreateUser(ctx, models.UserInput{Email: email, Name: "Load Admin", Role: models.Admin, Password: "load-test-password"})
}

func kb(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}

// cpuTime is the CPU time (user and system) a process has used, from
// /proc; zero when it cannot be read.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after it. utime and stime are fields 14 and 15, in clock ticks.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond // USER_HZ is 100 on Linux
}

// rss reads a process's resident memory from /proc.
func rss(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return err.Error()
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") || strings.HasPrefix(line, "VmHWM:") {
			fmt.Print(strings.Join(strings.Fields(line), " "), "  ")
		}
	}
	return ""
}
