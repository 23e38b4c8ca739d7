package handlers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// workArticle stores an article of n statements, every one checkable
// whatever the extractor thinks, so these tests depend only on the rules
// of assignment.
func workArticle(t *testing.T, c *client, n int) *models.Article {
	t.Helper()
	var b strings.Builder
	seq := userSeq.Add(1)
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d of article %d says the bridge cost $%d million in 2024.\n\n", i+1, seq, i+10)
	}
	a, err := c.store.CreateArticle(t.Context(), models.ArticleInput{Title: fmt.Sprintf("Work %d", seq), Body: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Statements) != n {
		t.Fatalf("article has %d statements, want %d", len(a.Statements), n)
	}
	if err := c.store.DB().Model(&models.Statement{}).Where("article_id = ?", a.ID).Update("checkable", true).Error; err != nil {
		t.Fatal(err)
	}
	if err := c.store.Recount(t.Context()); err != nil { // changed behind the store's back
		t.Fatal(err)
	}
	a, err = c.store.ArticleByID(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func idList(stmts ...models.Statement) []uint {
	out := []uint{}
	for _, s := range stmts {
		out = append(out, s.ID)
	}
	return out
}

func idStrings(ids ...uint) []string {
	out := []string{}
	for _, id := range ids {
		out = append(out, fmt.Sprint(id))
	}
	return out
}

type workItem struct {
	ID        uint            `json:"id"`
	ArticleID uint            `json:"article_id"`
	Text      string          `json:"text"`
	Verdict   rating.Key      `json:"verdict"`
	DueAt     *string         `json:"due_at"`
	Priority  models.Priority `json:"priority"`
	Overdue   bool            `json:"overdue"`
	Version   int             `json:"version"`
}

func queueOf(t *testing.T, c *client) []uint {
	t.Helper()
	r := c.API(http.MethodGet, "/api/v1/queue", nil)
	wantStatus(t, r, http.StatusOK)
	ids := []uint{}
	for _, it := range decode[[]workItem](t, r) {
		ids = append(ids, it.ID)
	}
	return ids
}

// The permission matrix of assignments, queues, the team view, search and
// notifications, role by role.
func TestTeamPermissionMatrix(t *testing.T) {
	admin := newClient(t)
	reviewer := admin.as(models.Reviewer)
	clients := map[string]*client{
		"admin":    admin,
		"editor":   admin.as(models.Editor),
		"reviewer": reviewer,
		"anon":     newBrowser(t, admin.Base, admin.store),
	}
	clients["anon"].Get("/login")
	// Enough work in the pool for every take below.
	workArticle(t, admin, 12)
	assigned := func() uint {
		a := workArticle(t, admin, 1)
		if _, err := admin.store.Assign(t.Context(), models.AssignInput{StatementIDs: idList(a.Statements...), AssigneeID: reviewer.user.ID, ByUserID: admin.user.ID}); err != nil {
			t.Fatal(err)
		}
		return a.Statements[0].ID
	}
	tests := []struct {
		name string
		do   func(c *client) response
		want roleStatus
	}{
		{"GET /queue", func(c *client) response { return c.Get("/queue") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /pool", func(c *client) response { return c.Get("/pool") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /statements", func(c *client) response { return c.Get("/statements?q=bridge") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /notifications", func(c *client) response { return c.Get("/notifications") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /team", func(c *client) response { return c.Get("/team") }, roleStatus{"anon": 303, "reviewer": 403, "editor": 200, "admin": 200}},
		{"POST /queue/take", func(c *client) response { return c.Post("/queue/take", url.Values{}, false) }, roleStatus{"anon": 401, "reviewer": 303, "editor": 303, "admin": 303}},
		{"POST /assignments", func(c *client) response {
			a := workArticle(t, admin, 1)
			return c.Post("/assignments", url.Values{"article_id": {fmt.Sprint(a.ID)}, "scope": {"article"}, "assignee": {fmt.Sprint(reviewer.user.ID)}}, false)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 303, "admin": 303}},
		{"POST /assignments/unassign", func(c *client) response {
			s := assigned()
			st, _ := admin.store.StatementByID(t.Context(), s)
			return c.Post("/assignments/unassign", url.Values{"article_id": {fmt.Sprint(st.ArticleID)}, "statement": {fmt.Sprint(s)}}, false)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 303, "admin": 303}},
		{"API GET /queue", func(c *client) response { return c.API(http.MethodGet, "/api/v1/queue", nil) }, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API POST /queue/take", func(c *client) response { return c.API(http.MethodPost, "/api/v1/queue/take", "{}") }, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API GET /statements", func(c *client) response { return c.API(http.MethodGet, "/api/v1/statements?q=bridge", nil) }, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API GET /notifications", func(c *client) response { return c.API(http.MethodGet, "/api/v1/notifications", nil) }, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API POST /assignments", func(c *client) response {
			a := workArticle(t, admin, 1)
			return c.API(http.MethodPost, "/api/v1/assignments", map[string]any{"article_id": a.ID, "assignee_id": reviewer.user.ID})
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 200, "admin": 200}},
		{"API POST /assignments/unassign", func(c *client) response {
			return c.API(http.MethodPost, "/api/v1/assignments/unassign", map[string]any{"statement_ids": []uint{assigned()}})
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 200, "admin": 200}},
	}
	for _, tt := range tests {
		checkRoles(t, clients, tt.name, tt.do, tt.want)
	}
	// The reviewer's pages do not offer what they may not do.
	for _, path := range []string{"/queue", fmt.Sprintf("/articles/%d", workArticle(t, admin, 1).ID)} {
		r := reviewer.Get(path)
		if strings.Contains(r.Body, `href="/team"`) || strings.Contains(r.Body, `id="assign-form"`) {
			t.Errorf("%s shows a reviewer the team link or the assign bar", path)
		}
	}
}

// An editor assigns a whole article from its page; the reviewer sees the
// work in their queue and the nav, and is notified.
func TestAssignArticleFromPage(t *testing.T) {
	editor := newClient(t)
	rev := editor.as(models.Reviewer)
	a := workArticle(t, editor, 3)
	path := fmt.Sprintf("/articles/%d", a.ID)

	page := editor.Get(path)
	wantContains(t, page, `id="assign-form"`, fmt.Sprintf(`<option value="%d">%s (Reviewer)</option>`, rev.user.ID, rev.user.Name),
		`class="statement-list assigning"`, fmt.Sprintf(`name="statement" value="%d" form="assign-form"`, a.Statements[0].ID))

	r := editor.Post("/assignments", url.Values{"article_id": {fmt.Sprint(a.ID)}, "scope": {"article"},
		"assignee": {fmt.Sprint(rev.user.ID)}, "due": {"2025-10-21"}, "priority": {"urgent"}}, false)
	wantStatus(t, r, http.StatusSeeOther)
	loc := r.Header.Get("Location")
	if want := fmt.Sprintf("%s?assigned=3&to=%d", path, rev.user.ID); loc != want {
		t.Fatalf("redirect to %q, want %q", loc, want)
	}
	back := editor.Get(loc)
	wantContains(t, back, "3 statements assigned to "+rev.user.Name+".", `<span class="badge urgent">Urgent</span>`, "Due 21 Oct 2025")

	queue := rev.Get("/queue")
	wantStatus(t, queue, http.StatusOK)
	wantContains(t, queue, `<span class="count" id="queue-count">3</span>`, `<span class="count unread">1</span>`, a.Statements[0].Text,
		fmt.Sprintf(`href="/articles/%d?s=%d"`, a.ID, a.Statements[0].ID))
	notes := rev.Get("/notifications")
	wantContains(t, notes, `<span class="badge new">New</span>`,
		fmt.Sprintf("%s assigned you 3 statements in “%s”, urgent, due 21 Oct 2025.", editor.user.Name, a.Title),
		fmt.Sprintf(`href="/articles/%d?s=%d"`, a.ID, a.Statements[0].ID))
	if strings.Contains(notes.Body, `class="count unread"`) {
		t.Errorf("the nav still counts unread notifications on the notifications page")
	}
	if again := rev.Get("/notifications"); strings.Contains(again.Body, "badge new") {
		t.Errorf("notifications still new after being seen")
	}
	api := decode[[]struct {
		ReadAt *time.Time `json:"read_at"`
	}](t, rev.API(http.MethodGet, "/api/v1/notifications", nil))
	if len(api) != 1 || api[0].ReadAt == nil {
		t.Errorf("API notifications = %+v", api)
	}

	// Unassign two of them from the page.
	r = editor.Post("/assignments/unassign", url.Values{"article_id": {fmt.Sprint(a.ID)}, "statement": idStrings(a.Statements[0].ID, a.Statements[1].ID)}, false)
	wantStatus(t, r, http.StatusSeeOther)
	wantContains(t, editor.Get(r.Header.Get("Location")), "2 statements back in the unassigned pool.")
	if q := queueOf(t, rev); !slices.Equal(q, idList(a.Statements[2])) {
		t.Errorf("queue after unassigning = %v", q)
	}
}

// A problem with the bulk-assign bar shows the article again, 422, with
// what the editor chose still chosen, and changes nothing.
func TestAssignFormKeepsInput(t *testing.T) {
	editor := newClient(t)
	rev := editor.as(models.Reviewer)
	gone := editor.as(models.Reviewer)
	active := false
	if _, err := editor.store.UpdateUser(t.Context(), gone.user.ID, models.UserChange{Active: &active}); err != nil {
		t.Fatal(err)
	}
	a := workArticle(t, editor, 3)
	picked := fmt.Sprint(a.Statements[1].ID)
	tests := []struct {
		name    string
		form    url.Values
		message string
		kept    []string
	}{
		{"no reviewer chosen", url.Values{"statement": {picked}, "due": {"2025-10-22"}, "priority": {"urgent"}},
			"Choose who should review.", []string{`value="2025-10-22"`, `<option value="urgent" selected>`, `value="` + picked + `" form="assign-form" checked`}},
		{"bad due date", url.Values{"statement": {picked}, "assignee": {fmt.Sprint(rev.user.ID)}, "due": {"22/10/2025"}},
			"The due date must look like 2025-10-17.", []string{`value="22/10/2025"`, fmt.Sprintf(`<option value="%d" selected>`, rev.user.ID)}},
		{"nothing selected", url.Values{"assignee": {fmt.Sprint(rev.user.ID)}},
			"Choose the statements to assign, or assign the whole article.", []string{fmt.Sprintf(`<option value="%d" selected>`, rev.user.ID)}},
		{"deactivated reviewer", url.Values{"statement": {picked}, "assignee": {fmt.Sprint(gone.user.ID)}},
			"cannot be given work", []string{`value="` + picked + `" form="assign-form" checked`}},
		{"unassign what nobody has", url.Values{"statement": {picked}, "unassign": {"1"}},
			"None of the chosen statements is assigned to anyone.", []string{`value="` + picked + `" form="assign-form" checked`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.form.Set("article_id", fmt.Sprint(a.ID))
			path := "/assignments"
			if tt.form.Get("unassign") != "" {
				path = "/assignments/unassign"
			}
			r := editor.Post(path, tt.form, false)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantContains(t, r, append(tt.kept, "Nothing was changed.", tt.message, `id="article-text"`)...)
		})
	}
	for _, s := range a.Statements {
		if got, _ := editor.store.StatementByID(t.Context(), s.ID); got.AssigneeID != nil {
			t.Errorf("statement %d was assigned by a refused form", s.ID)
		}
	}
	if r := editor.Post("/assignments", url.Values{"scope": {"article"}, "assignee": {fmt.Sprint(rev.user.ID)}}, false); r.Status != http.StatusBadRequest {
		t.Errorf("a form without article: %d, want 400", r.Status)
	}
}

// The queue rules through the API: urgent or overdue first, then by due
// date, none last; reviewed, unassigned and reassigned work drops out.
func TestQueueRules(t *testing.T) {
	editor := newClient(t) // the clock says 2025-10-20 09:00 UTC
	rev := editor.as(models.Reviewer)
	other := editor.as(models.Reviewer)
	a := workArticle(t, editor, 6)
	noDue, tomorrow, today, urgent, overdue, later := a.Statements[0], a.Statements[1], a.Statements[2], a.Statements[3], a.Statements[4], a.Statements[5]
	for _, x := range []struct {
		s        models.Statement
		due      string
		priority string
	}{
		{noDue, "", ""},
		{tomorrow, "2025-10-21", "normal"},
		{today, "2025-10-20", "normal"}, // due by the end of today: not overdue yet
		{urgent, "", "urgent"},
		{overdue, "2025-10-19", "normal"},
		{later, "2025-10-20T08:30:00Z", "normal"}, // half an hour ago
	} {
		r := editor.API(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": []uint{x.s.ID}, "assignee_id": rev.user.ID, "due_at": x.due, "priority": x.priority})
		wantStatus(t, r, http.StatusOK)
		if got := decode[map[string][]uint](t, r)["assigned"]; !slices.Equal(got, []uint{x.s.ID}) {
			t.Fatalf("assigned = %v", got)
		}
	}
	steps := []struct {
		name string
		do   func()
		want []models.Statement
	}{
		{"urgent or overdue first, then by due date, none last", func() {}, []models.Statement{overdue, later, urgent, today, tomorrow, noDue}},
		{"reviewed drops out", func() {
			r := rev.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", overdue.ID),
				`{"verdict":"verified","sources":[{"url":"https://example.org/a"}],"version":1}`)
			wantStatus(t, r, http.StatusOK)
		}, []models.Statement{later, urgent, today, tomorrow, noDue}},
		{"in progress stays", func() {
			wantStatus(t, rev.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", today.ID), `{"verdict":"in_progress","version":1}`), http.StatusOK)
		}, []models.Statement{later, urgent, today, tomorrow, noDue}},
		{"unassigned drops out", func() {
			r := editor.API(http.MethodPost, "/api/v1/assignments/unassign", map[string]any{"statement_ids": []uint{later.ID}})
			wantStatus(t, r, http.StatusOK)
		}, []models.Statement{urgent, today, tomorrow, noDue}},
		{"reassigned drops out", func() {
			wantStatus(t, editor.API(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": []uint{urgent.ID}, "assignee_id": other.user.ID}), http.StatusOK)
		}, []models.Statement{today, tomorrow, noDue}},
	}
	for _, st := range steps {
		st.do()
		if got, want := queueOf(t, rev), idList(st.want...); !slices.Equal(got, want) {
			t.Fatalf("%s: queue = %v, want %v", st.name, got, want)
		}
	}
	if got := queueOf(t, other); !slices.Equal(got, idList(urgent)) {
		t.Errorf("the new assignee's queue = %v", got)
	}
	items := decode[[]workItem](t, rev.API(http.MethodGet, "/api/v1/queue", nil))
	if it := items[0]; it.ArticleID != a.ID || it.Text != today.Text || it.Verdict != rating.InProgress || it.DueAt == nil ||
		*it.DueAt != "2025-10-20T23:59:59Z" || it.Priority != models.Normal || it.Version != 2 || it.Overdue {
		t.Errorf("queue item = %+v", it)
	}
	// The page shows the same order, with the unassigned one in the pool.
	page := rev.Get("/queue")
	if i, j := strings.Index(page.Body, today.Text), strings.Index(page.Body, noDue.Text); i < 0 || j < i {
		t.Errorf("queue page order wrong: %d, %d", i, j)
	}
	wantContains(t, page, `<span class="count" id="queue-count">3</span>`, "Due 20 Oct 2025")
	wantContains(t, rev.Get("/pool"), later.Text)
	if n, _ := editor.store.UnreadCount(t.Context(), other.user.ID); n != 1 {
		t.Errorf("the new assignee has %d notifications, want 1", n)
	}
}

func TestAssignAPIErrors(t *testing.T) {
	editor := newClient(t)
	rev := editor.as(models.Reviewer)
	a := workArticle(t, editor, 2)
	tests := []struct {
		name   string
		body   any
		status int
		want   string
	}{
		{"no assignee", map[string]any{"statement_ids": []uint{a.Statements[0].ID}}, 422, `"field":"assignee"`},
		{"bad priority", map[string]any{"article_id": a.ID, "assignee_id": rev.user.ID, "priority": "asap"}, 422, `"field":"priority"`},
		{"bad due date", map[string]any{"article_id": a.ID, "assignee_id": rev.user.ID, "due_at": "tomorrow"}, 422, `"field":"due_at"`},
		{"unknown assignee", map[string]any{"article_id": a.ID, "assignee_id": 9999}, 422, `"field":"assignee"`},
		{"unknown statement", map[string]any{"statement_ids": []uint{9999}, "assignee_id": rev.user.ID}, 404, `"error":`},
		{"unknown article", map[string]any{"article_id": 9999, "assignee_id": rev.user.ID}, 404, `"error":`},
		{"not JSON", `{"article_id":`, 400, `"error":"invalid JSON`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := editor.API(http.MethodPost, "/api/v1/assignments", tt.body)
			wantStatus(t, r, tt.status)
			wantContains(t, r, tt.want)
		})
	}
	r := editor.API(http.MethodPost, "/api/v1/assignments/unassign", map[string]any{"statement_ids": []uint{}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if q := queueOf(t, rev); len(q) != 0 {
		t.Errorf("refused requests assigned %v", q)
	}
}

// "Take next" on the page opens the claimed statement's review; an empty
// pool says so on the list the reviewer came from.
func TestTakeNextPage(t *testing.T) {
	editor := newClient(t)
	rev := editor.as(models.Reviewer)
	a := workArticle(t, editor, 2)
	for _, want := range a.Statements {
		r := rev.Post("/queue/take", url.Values{"from": {"pool"}}, false)
		wantStatus(t, r, http.StatusSeeOther)
		loc := r.Header.Get("Location")
		if w := fmt.Sprintf("/articles/%d?s=%d", a.ID, want.ID); loc != w {
			t.Fatalf("took → %q, want %q", loc, w)
		}
		wantContains(t, rev.Get(loc), fmt.Sprintf(`data-statement="%d"`, want.ID), `id="review-panel"`)
	}
	for _, from := range []string{"queue", "pool"} {
		r := rev.Post("/queue/take", url.Values{"from": {from}}, false)
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/"+from+"?empty=1" {
			t.Fatalf("empty pool → %q", loc)
		}
		wantContains(t, rev.Get(r.Header.Get("Location")), `id="pool-empty"`, "Nothing is left to take")
	}
	// htmx gets the redirect as HX-Redirect.
	r := rev.Post("/queue/take", url.Values{}, true)
	if r.Status != http.StatusOK || r.Header.Get("HX-Redirect") != "/queue?empty=1" {
		t.Errorf("htmx take: %d, HX-Redirect %q", r.Status, r.Header.Get("HX-Redirect"))
	}
	wantContains(t, rev.Get("/queue"), `<span class="count" id="queue-count">2</span>`)
	empty := rev.API(http.MethodPost, "/api/v1/queue/take", "{}")
	wantStatus(t, empty, http.StatusNotFound)
	wantContains(t, empty, `{"error":"Nothing is left to take`)
}

// N reviewers press "Take next" at the same moment over the API, with M
// statements in the pool: exactly min(N, M) get a statement, no statement
// goes to two of them, and the rest get 404.
func TestTakeNextConcurrentAPI(t *testing.T) {
	for _, tt := range []struct{ reviewers, pool int }{{8, 3}, {8, 8}, {8, 13}} {
		t.Run(fmt.Sprintf("%d reviewers, %d statements", tt.reviewers, tt.pool), func(t *testing.T) {
			editor := newClient(t)
			workArticle(t, editor, tt.pool)
			revs := make([]*client, tt.reviewers)
			for i := range revs {
				revs[i] = editor.as(models.Reviewer)
			}
			type result struct {
				status int
				body   []byte
				user   uint
			}
			var (
				start   = make(chan struct{})
				wg      sync.WaitGroup
				results = make([]result, len(revs))
			)
			for i, rc := range revs {
				wg.Go(func() {
					req, _ := http.NewRequest(http.MethodPost, rc.Base+"/api/v1/queue/take", strings.NewReader("{}"))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("Authorization", "Bearer "+rc.Token)
					<-start
					res, err := rc.HTTP.Do(req)
					if err != nil {
						t.Errorf("take: %v", err)
						return
					}
					defer res.Body.Close()
					var buf bytes.Buffer
					buf.ReadFrom(res.Body)
					results[i] = result{res.StatusCode, buf.Bytes(), rc.user.ID}
				})
			}
			close(start)
			wg.Wait()
			taken := map[uint]uint{}
			notFound := 0
			for _, r := range results {
				switch r.status {
				case http.StatusOK:
					var s apiStatement
					if err := json.Unmarshal(r.body, &s); err != nil {
						t.Fatal(err)
					}
					if prev, dup := taken[s.ID]; dup {
						t.Errorf("statement %d went to both user %d and user %d", s.ID, prev, r.user)
					}
					if s.AssigneeID == nil || *s.AssigneeID != r.user {
						t.Errorf("user %d got statement %d assigned to %v", r.user, s.ID, s.AssigneeID)
					}
					taken[s.ID] = r.user
				case http.StatusNotFound:
					if !bytes.Contains(r.body, []byte(`"error":"Nothing is left to take`)) {
						t.Errorf("404 body = %s", r.body)
					}
					notFound++
				default:
					t.Errorf("status %d: %s", r.status, r.body)
				}
			}
			want := min(tt.reviewers, tt.pool)
			if len(taken) != want || notFound != tt.reviewers-want {
				t.Fatalf("%d distinct statements taken and %d got 404, want %d and %d", len(taken), notFound, want, tt.reviewers-want)
			}
			for sid, uid := range taken {
				if got, _ := editor.store.StatementByID(t.Context(), sid); got.AssigneeID == nil || *got.AssigneeID != uid {
					t.Errorf("statement %d stored with assignee %v, want %d", sid, got.AssigneeID, uid)
				}
			}
			for _, rc := range revs {
				if q := queueOf(t, rc); len(q) > 1 || (len(q) == 1 && taken[q[0]] != rc.user.ID) {
					t.Errorf("user %d's queue = %v", rc.user.ID, q)
				}
			}
		})
	}
}

func TestSearchStatements(t *testing.T) {
	editor := newClient(t)
	rev := editor.as(models.Reviewer)
	a := workArticle(t, editor, 30)
	b := workArticle(t, editor, 2)
	editor.store.DB().Model(&models.Statement{}).Where("id = ?", b.Statements[0].ID).Update("text", "Inflation hit 10% in Q_3.")
	editor.store.DB().Model(&models.Statement{}).Where("id = ?", b.Statements[1].ID).Updates(map[string]any{"text": "Inflation hit 10 percent in Q13.", "checkable": false})
	wantStatus(t, editor.API(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": idList(a.Statements[:2]...), "assignee_id": rev.user.ID, "due_at": "2025-10-19"}), http.StatusOK)

	tests := []struct {
		query string
		total int
		first uint
	}{
		{"", 32, b.Statements[0].ID},
		{"q=INFLATION", 2, b.Statements[0].ID},
		{"q=10%25", 1, b.Statements[0].ID},
		{"q=q_3", 1, b.Statements[0].ID},
		{fmt.Sprintf("article=%d", a.ID), 30, a.Statements[0].ID},
		{fmt.Sprintf("assignee=%d", rev.user.ID), 2, a.Statements[0].ID},
		{"assignee=unassigned&checkable=true", 29, b.Statements[0].ID},
		{"checkable=false", 1, b.Statements[1].ID},
		{"due=overdue", 2, a.Statements[0].ID},
		{"verdict=open&due=none", 30, b.Statements[0].ID},
		{"verdict=verified", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := rev.API(http.MethodGet, "/api/v1/statements?"+tt.query, nil)
			wantStatus(t, r, http.StatusOK)
			got := decode[struct {
				Items []workItem `json:"items"`
				Total int        `json:"total"`
				Page  int        `json:"page"`
			}](t, r)
			if got.Total != tt.total || got.Page != 1 || (tt.total > 0 && got.Items[0].ID != tt.first) || len(got.Items) != min(tt.total, 25) {
				t.Fatalf("total %d, page %d, %d items; want total %d, first %d", got.Total, got.Page, len(got.Items), tt.total, tt.first)
			}
			page := rev.Get("/statements?" + tt.query)
			wantStatus(t, page, http.StatusOK)
			wantContains(t, page, fmt.Sprintf("<strong>%d</strong> statement(s)", tt.total))
		})
	}
	// The next page, by key, and the pager keeps the filters; page
	// numbers still work. A newer article's 30 statements come first,
	// so the page of 50 ends inside the older one.
	workArticle(t, editor, 30)
	first := rev.Get("/statements?q=bridge")
	next := regexp.MustCompile(`href="(/statements\?after=[0-9.]+&amp;q=bridge)" rel="next"`).FindStringSubmatch(first.Body)
	if next == nil {
		t.Fatalf("no next page link:\n%s", first.Body)
	}
	r := rev.Get(html.UnescapeString(next[1]))
	wantContains(t, r, `href="/statements?q=bridge" rel="first"`, a.Statements[29].Text)
	if strings.Contains(r.Body, `rel="next"`) {
		t.Error("the last page links to a next one")
	}
	wantContains(t, rev.Get("/statements?q=bridge&page=2"), "Page 2", a.Statements[29].Text)
	// A filter that makes no sense is said so.
	bad := rev.Get("/statements?verdict=maybe&due=someday")
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantContains(t, bad, "Unknown verdict filter", "The due filter is overdue, today or none.")
	wantStatus(t, rev.API(http.MethodGet, "/api/v1/statements?assignee=rita", nil), http.StatusUnprocessableEntity)
}

func TestTeamPage(t *testing.T) {
	editor := newClient(t) // the clock says Monday 2025-10-20 09:00 UTC
	rev := editor.as(models.Reviewer)
	a := workArticle(t, editor, 4)
	for _, x := range []struct {
		s   models.Statement
		due string
	}{{a.Statements[0], "2025-10-19"}, {a.Statements[1], "2025-10-20"}, {a.Statements[2], ""}} {
		wantStatus(t, editor.API(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": []uint{x.s.ID}, "assignee_id": rev.user.ID, "due_at": x.due}), http.StatusOK)
	}
	r := editor.Get("/team")
	wantStatus(t, r, http.StatusOK)
	id := rev.user.ID
	wantContains(t, r, rev.user.Name,
		fmt.Sprintf(`href="/statements?verdict=open&amp;assignee=%d">3</a>`, id),
		fmt.Sprintf(`href="/statements?due=today&amp;assignee=%d">1</a>`, id),
		fmt.Sprintf(`href="/statements?due=overdue&amp;assignee=%d">1</a>`, id),
		fmt.Sprintf(`href="/articles/%d">%s</a>`, a.ID, a.Title),
		"0 of 4 reviewed",
		fmt.Sprintf(`href="/statements?verdict=open&amp;checkable=true&amp;assignee=unassigned&amp;article=%d">1</a>`, a.ID),
	)
	// The links lead to lists with those counts.
	for path, n := range map[string]int{
		fmt.Sprintf("/statements?due=today&assignee=%d", id):    1,
		fmt.Sprintf("/statements?due=overdue&assignee=%d", id):  1,
		fmt.Sprintf("/statements?verdict=open&assignee=%d", id): 3,
	} {
		wantContains(t, editor.Get(path), fmt.Sprintf("<strong>%d</strong> statement(s)", n))
	}
}
