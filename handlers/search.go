package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// Statement search across articles, as a page and over JSON.

// searchPage shows a page of the statements matching the query, or
// returns it as JSON.
func (h *Handler) searchPage(c echo.Context) error {
	ctx := c.Request().Context()
	now := h.clock()
	q := statementQuery(c.QueryParams())
	f, err := h.statementFilter(q, now)
	after := models.ParseStatementCursor(c.QueryParam("after"))
	if isAPI(c) {
		if err != nil {
			return err
		}
		res, err := h.store.SearchStatements(ctx, f, after, pageParam(c.QueryParam("page")), apiSearchPageSize)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, pageJSON[workItemJSON]{
			Items: toWorkItems(res.Items, h.store.Scale(), now), Total: res.Total, Page: res.Page, PerPage: res.PerPage,
			TotalCapped: res.TotalCapped, Next: res.Next.String(),
		})
	}
	v := views.SearchView{Query: q, Now: now}
	status := http.StatusOK
	var invalid *models.ValidationError
	switch {
	case errors.As(err, &invalid):
		status, v.Error = http.StatusUnprocessableEntity, invalid.Error()
	case err != nil:
		return err
	default:
		if v.Result, err = h.store.SearchStatements(ctx, f, after, pageParam(c.QueryParam("page")), listPageSize); err != nil {
			return err
		}
	}
	if f.ArticleID != 0 {
		list, err := h.store.SuggestArticles(ctx, q.Article, 1)
		if err != nil {
			return err
		}
		if len(list) == 1 {
			v.Article = &list[0]
		}
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

// statementQuery reads the search parameters as typed.
func statementQuery(v url.Values) views.StatementQuery {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return views.StatementQuery{
		Q: get("q"), Article: get("article"), Verdict: get("verdict"), Assignee: get("assignee"), Due: get("due"),
		Checkable: get("checkable"), Type: get("type"), ReviewedBy: get("reviewed_by"), ReviewedSince: get("reviewed_since"),
		Status: get("status"),
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
//	status          a review status (open, submitted, returned, approved) or published
func (h *Handler) statementFilter(q views.StatementQuery, now time.Time) (models.StatementFilter, error) {
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
	_, known := h.store.Scale().Lookup(rating.Key(q.Verdict))
	switch {
	case q.Verdict == "":
	case q.Verdict == string(models.StatusOpen):
		f.Status = models.StatusOpen
	case q.Verdict == string(models.StatusDone):
		f.Status = models.StatusDone
	case known:
		f.Verdict = rating.Key(q.Verdict)
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
	switch st := models.ReviewStatus(q.Status); {
	case q.Status == "":
	case q.Status == "published":
		f.Published = true
	case st.Valid():
		f.ReviewStatus = st
	default:
		bad("status", "The status filter is open, submitted, returned, approved or published.")
	}
	if len(problems) > 0 {
		return f, models.Invalid(problems...)
	}
	return f, nil
}
