package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// listPageSize is how many statements a page of the pool or of search
// results shows.
const listPageSize = 25

// notificationLimit is how many notifications the list shows.
const notificationLimit = 100

// teamRoutes registers the pages of assignments, queues, the team view,
// search and notifications.
func (h *Handler) teamRoutes(e *echo.Echo) {
	read, review, assign := h.require(models.PermRead), h.require(models.PermReview), h.require(models.PermAssign)
	e.GET("/queue", h.queuePage, read)
	e.POST("/queue/take", h.takeNext, review)
	e.GET("/pool", h.poolPage, read)
	e.GET("/statements", h.searchPage, read)
	e.GET("/notifications", h.notificationsPage, read)
	e.GET("/team", h.teamPage, assign)
	e.POST("/assignments", h.assign, assign)
	e.POST("/assignments/unassign", h.unassign, assign)
}

// teamAPIRoutes registers the API of assignments and queues.
func (h *Handler) teamAPIRoutes(g *echo.Group) {
	read, review, assign := h.require(models.PermRead), h.require(models.PermReview), h.require(models.PermAssign)
	g.GET("/queue", h.apiQueue, read)
	g.POST("/queue/take", h.apiTakeNext, review)
	g.GET("/statements", h.apiSearch, read)
	g.GET("/notifications", h.apiNotifications, read)
	g.POST("/assignments", h.apiAssign, assign)
	g.POST("/assignments/unassign", h.apiUnassign, assign)
}

func (h *Handler) queuePage(c echo.Context) error {
	now := h.clock()
	items, err := h.store.Queue(c.Request().Context(), userID(c), now)
	if err != nil {
		return err
	}
	v := views.QueueView{Items: items, Now: now, PoolEmpty: c.QueryParam("empty") == "1"}
	return render(c, http.StatusOK, views.QueuePage(h.page(c, "My queue"), v))
}

func (h *Handler) poolPage(c echo.Context) error {
	result, err := h.store.Pool(c.Request().Context(), pageParam(c.QueryParam("page")), listPageSize)
	if err != nil {
		return err
	}
	v := views.PoolView{Result: result, Now: h.clock(), PoolEmpty: c.QueryParam("empty") == "1"}
	return render(c, http.StatusOK, views.PoolPage(h.page(c, "Unassigned"), v))
}

// takeNext claims the next statement of the pool and opens its review.
// An empty pool sends the reviewer back to the list they came from, with
// a message there.
func (h *Handler) takeNext(c echo.Context) error {
	back := "/queue"
	if c.FormValue("from") == "pool" {
		back = "/pool"
	}
	s, err := h.store.TakeNext(c.Request().Context(), userID(c))
	if errors.Is(err, models.ErrPoolEmpty) {
		return redirect(c, back+"?empty=1")
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?s=%d", s.ArticleID, s.ID))
}

func (h *Handler) teamPage(c echo.Context) error {
	team, err := h.store.TeamStats(c.Request().Context(), h.clock())
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.TeamOverviewPage(h.page(c, "Team"), views.TeamView{Team: team}))
}

func (h *Handler) searchPage(c echo.Context) error {
	ctx := c.Request().Context()
	now := h.clock()
	q := statementQuery(c.QueryParams())
	v := views.SearchView{Query: q, Now: now}
	status := http.StatusOK
	f, err := statementFilter(q, now)
	var invalid *models.ValidationError
	switch {
	case errors.As(err, &invalid):
		status, v.Error = http.StatusUnprocessableEntity, invalid.Error()
	case err != nil:
		return err
	default:
		if v.Result, err = h.store.SearchStatements(ctx, f, pageParam(c.QueryParam("page")), listPageSize); err != nil {
			return err
		}
	}
	if v.Articles, err = h.store.ArticleSummaries(ctx); err != nil {
		return err
	}
	// Everyone, deactivated too: they may still hold work to hand on.
	if v.Assignees, err = h.store.Users(ctx); err != nil {
		return err
	}
	if v.Types, err = h.store.StatementTypes(ctx); err != nil {
		return err
	}
	return render(c, status, views.SearchPage(h.page(c, "Statements"), v))
}

// notificationsPage lists the user's notifications and marks them read;
// the list still shows which ones were new.
func (h *Handler) notificationsPage(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := h.store.Notifications(ctx, userID(c), notificationLimit)
	if err != nil {
		return err
	}
	if err := h.store.MarkNotificationsRead(ctx, userID(c)); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.NotificationsPage(h.page(c, "Notifications"), views.NotificationsView{Items: list}))
}

// assign handles the bulk-assign bar of the article page: the chosen
// statements, or with scope=article the whole article. A problem shows
// the article again with the bar as the editor filled it in.
func (h *Handler) assign(c echo.Context) error {
	f, ids, err := assignForm(c)
	if err != nil {
		return err
	}
	in := models.AssignInput{AssigneeID: f.AssigneeID, Priority: f.Priority, ByUserID: userID(c)}
	if c.FormValue("scope") == "article" {
		in.ArticleID = f.ArticleID
	} else {
		in.StatementIDs = ids
	}
	var assigned []uint
	in.DueAt, err = models.ParseDue(f.Due)
	if err == nil {
		assigned, err = h.store.Assign(c.Request().Context(), in)
	}
	if errors.As(err, &f.Errors) {
		return h.renderArticle(c, http.StatusUnprocessableEntity, f.ArticleID, &f)
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?assigned=%d&to=%d", f.ArticleID, len(assigned), f.AssigneeID))
}

// unassign sends the chosen statements of the article page back to the pool.
func (h *Handler) unassign(c echo.Context) error {
	f, ids, err := assignForm(c)
	if err != nil {
		return err
	}
	done, err := h.store.Unassign(c.Request().Context(), ids, userID(c))
	if errors.As(err, &f.Errors) {
		return h.renderArticle(c, http.StatusUnprocessableEntity, f.ArticleID, &f)
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?unassigned=%d", f.ArticleID, len(done)))
}

// assignForm reads the bulk-assign bar as typed, and the chosen statements.
func assignForm(c echo.Context) (views.AssignForm, []uint, error) {
	form, err := c.FormParams()
	if err != nil {
		return views.AssignForm{}, nil, echo.NewHTTPError(http.StatusBadRequest, "could not read the form")
	}
	article, err := strconv.ParseUint(form.Get("article_id"), 10, 32)
	if err != nil || article == 0 {
		return views.AssignForm{}, nil, echo.NewHTTPError(http.StatusBadRequest, "The form names no article; reload the article page and try again.")
	}
	assignee, _ := strconv.ParseUint(form.Get("assignee"), 10, 32) // 0 is "nobody chosen"
	f := views.AssignForm{ArticleID: uint(article), AssigneeID: uint(assignee), Due: form.Get("due"),
		Priority: models.Priority(form.Get("priority")), Selected: map[uint]bool{}}
	var ids []uint
	for _, s := range form["statement"] {
		id, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return f, nil, echo.NewHTTPError(http.StatusBadRequest, "could not read the chosen statements")
		}
		ids = append(ids, uint(id))
		f.Selected[uint(id)] = true
	}
	return f, ids, nil
}

// workItemJSON is a statement in an API list: the queue, the pool, search.
type workItemJSON struct {
	ID           uint            `json:"id"`
	ArticleID    uint            `json:"article_id"`
	ArticleTitle string          `json:"article_title"`
	Position     int             `json:"position"`
	Text         string          `json:"text"`
	Checkable    bool            `json:"checkable"`
	Type         string          `json:"type"`
	Verdict      models.Verdict  `json:"verdict"`
	AssigneeID   *uint           `json:"assignee_id"`
	DueAt        *time.Time      `json:"due_at"`
	Priority     models.Priority `json:"priority"`
	Overdue      bool            `json:"overdue"`
	Version      int             `json:"version"`
}

func toWorkItems(rows []models.StatementRow, now time.Time) []workItemJSON {
	out := make([]workItemJSON, len(rows))
	for i, r := range rows {
		out[i] = workItemJSON{
			ID: r.ID, ArticleID: r.ArticleID, ArticleTitle: r.ArticleTitle, Position: r.Position, Text: r.Text,
			Checkable: r.Checkable, Type: r.Type, Verdict: r.Verdict, AssigneeID: r.AssigneeID, DueAt: r.DueAt,
			Priority: r.Priority, Overdue: r.Overdue(now), Version: r.Version,
		}
	}
	return out
}

func (h *Handler) apiQueue(c echo.Context) error {
	now := h.clock()
	items, err := h.store.Queue(c.Request().Context(), userID(c), now)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toWorkItems(items, now))
}

func (h *Handler) apiTakeNext(c echo.Context) error {
	if currentUser(c) == nil {
		// Only before the desk has users: there is nobody to give work to.
		return echo.NewHTTPError(http.StatusUnauthorized, "Sign in with an API token to take work.")
	}
	s, err := h.store.TakeNext(c.Request().Context(), userID(c))
	if errors.Is(err, models.ErrPoolEmpty) {
		// Said here: the error handler words every 404 as a missing page.
		return c.JSON(http.StatusNotFound, map[string]string{"error": err.Error()})
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(s))
}

func (h *Handler) apiSearch(c echo.Context) error {
	now := h.clock()
	f, err := statementFilter(statementQuery(c.QueryParams()), now)
	if err != nil {
		return err
	}
	page := pageParam(c.QueryParam("page"))
	res, err := h.store.SearchStatements(c.Request().Context(), f, page, listPageSize)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{
		"items": toWorkItems(res.Items, now), "total": res.Total, "page": res.Page, "per_page": res.PerPage,
	})
}

func (h *Handler) apiNotifications(c echo.Context) error {
	list, err := h.store.Notifications(c.Request().Context(), userID(c), notificationLimit)
	if err != nil {
		return err
	}
	if list == nil {
		list = []models.Notification{}
	}
	return c.JSON(http.StatusOK, list)
}

// assignRequest is the body of POST /api/v1/assignments.
type assignRequest struct {
	StatementIDs []uint          `json:"statement_ids"`
	ArticleID    uint            `json:"article_id"`
	AssigneeID   uint            `json:"assignee_id"`
	DueAt        string          `json:"due_at"` // YYYY-MM-DD or RFC 3339
	Priority     models.Priority `json:"priority"`
}

func (h *Handler) apiAssign(c echo.Context) error {
	var req assignRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	due, err := models.ParseDue(req.DueAt)
	if err != nil {
		return err
	}
	ids, err := h.store.Assign(c.Request().Context(), models.AssignInput{
		ArticleID: req.ArticleID, StatementIDs: req.StatementIDs, AssigneeID: req.AssigneeID,
		DueAt: due, Priority: req.Priority, ByUserID: userID(c),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]uint{"assigned": ids})
}

func (h *Handler) apiUnassign(c echo.Context) error {
	var req struct {
		StatementIDs []uint `json:"statement_ids"`
	}
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ids, err := h.store.Unassign(c.Request().Context(), req.StatementIDs, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]uint{"unassigned": ids})
}

// statementQuery reads the search parameters as typed.
func statementQuery(v url.Values) views.StatementQuery {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return views.StatementQuery{
		Q: get("q"), Article: get("article"), Verdict: get("verdict"), Assignee: get("assignee"), Due: get("due"),
		Checkable: get("checkable"), Type: get("type"), ReviewedBy: get("reviewed_by"), ReviewedSince: get("reviewed_since"),
	}
}

// statementFilter turns the search parameters into a filter:
//
//	q               words in the statement
//	article         an article id
//	verdict         a verdict, "open" (unreviewed or in progress) or "done"
//	assignee        a user id, or "unassigned"
//	due             "overdue", "today" or "none"
//	checkable       true or false
//	type            a claim type
//	reviewed_by     a user id: statements they gave a final verdict
//	reviewed_since  YYYY-MM-DD
func statementFilter(q views.StatementQuery, now time.Time) (models.StatementFilter, error) {
	f := models.StatementFilter{Text: q.Q, Type: q.Type, Now: now}
	var problems []models.FieldError
	bad := func(field, msg string) { problems = append(problems, models.FieldError{Field: field, Message: msg}) }
	id := func(field, s string) uint {
		if s == "" {
			return 0
		}
		n, err := strconv.ParseUint(s, 10, 32)
		if err != nil || n == 0 {
			bad(field, "The "+field+" filter must be an id.")
		}
		return uint(n)
	}
	f.ArticleID = id("article", q.Article)
	f.ReviewedByID = id("reviewed_by", q.ReviewedBy)
	switch v := models.Verdict(q.Verdict); {
	case q.Verdict == "":
	case q.Verdict == string(models.StatusOpen):
		f.Status = models.StatusOpen
	case q.Verdict == string(models.StatusDone):
		f.Status = models.StatusDone
	case v.Valid():
		f.Verdict = v
	default:
		bad("verdict", "Unknown verdict filter; use open, done or a verdict such as verified.")
	}
	if q.Assignee == "unassigned" {
		f.Unassigned = true
	} else {
		f.AssigneeID = id("assignee", q.Assignee)
	}
	switch d := models.Due(q.Due); d {
	case "", models.DueOverdue, models.DueToday, models.DueNone:
		f.Due = d
	default:
		bad("due", "The due filter is overdue, today or none.")
	}
	if q.Checkable != "" {
		b, err := strconv.ParseBool(q.Checkable)
		if err != nil {
			bad("checkable", "The checkable filter is true or false.")
		}
		f.Checkable = &b
	}
	if q.ReviewedSince != "" {
		t, err := time.Parse(time.DateOnly, q.ReviewedSince)
		if err != nil {
			bad("reviewed_since", "The reviewed_since date must look like 2025-10-17.")
		}
		f.ReviewedSince = &t
	}
	if len(problems) > 0 {
		return f, &models.ValidationError{Problems: problems}
	}
	return f, nil
}

// pageParam reads a page number; anything else is the first page.
func pageParam(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}
