// Package views renders the desk's pages and htmx fragments with templ.
package views

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// Page is what every full page needs from the request.
type Page struct {
	Title string
	CSRF  string
	User  *models.User // nil when nobody is signed in
	// Counts for the navigation bar badges.
	QueueCount int64
	Unread     int64
}

// Can reports whether the signed-in user may do p, to show or hide controls.
// The server checks again on every request.
func (p Page) Can(perm models.Permission) bool { return p.User.Can(perm) }

// Ways to bring in an article, one tab each on the new-article form.
const (
	ModePaste = "paste"
	ModeURL   = "url"
	ModeFile  = "file"
)

// LoginForm is the sign-in form.
type LoginForm struct {
	Email, Next, Error string
}

// UserForm is the form that creates a user (or the first admin).
type UserForm struct {
	Input  models.UserInput
	Errors *models.ValidationError
}

// AccountView is the user's own account page.
type AccountView struct {
	Tokens   []models.APIToken
	NewToken string // shown once, right after it was created
	Errors   *models.ValidationError
	Message  string
}

// ArticleForm is the new-article form with the user's input and problems.
type ArticleForm struct {
	Mode        string // ModePaste (the default), ModeURL or ModeFile
	Input       models.ArticleInput
	Errors      *models.ValidationError
	Duplicate   *models.DuplicateError
	ImportURL   string
	ImportTitle string
	ImportError string // why a URL or file could not be read
}

func (f ArticleForm) mode() string {
	if f.Mode == "" {
		return ModePaste
	}
	return f.Mode
}

// CorrectedView is the corrected-article page.
type CorrectedView struct {
	ArticleID uint
	Title     string
	// DiffHTML is the exporter's marked-up diff: every piece of article
	// text in it is escaped by export.CorrectedDiffHTML.
	DiffHTML         string
	Notices          []string
	Applied, Skipped int
}

// TeamQuery is the team report's filter form as typed.
type TeamQuery struct {
	From, To string // YYYY-MM-DD, inclusive; empty means the last 7 days
	Verdict  string
	Reviewer string // a user id, or empty for everyone
}

// Range returns the period as [from, to) in UTC.
func (q TeamQuery) Range(now time.Time) (time.Time, time.Time, error) {
	today := now.UTC().Truncate(24 * time.Hour)
	from, to := today.AddDate(0, 0, -6), today.AddDate(0, 0, 1)
	if q.From != "" {
		t, err := time.Parse(time.DateOnly, q.From)
		if err != nil {
			return from, to, fmt.Errorf("the start date must look like 2025-10-17")
		}
		from = t
	}
	if q.To != "" {
		t, err := time.Parse(time.DateOnly, q.To)
		if err != nil {
			return from, to, fmt.Errorf("the end date must look like 2025-10-17")
		}
		to = t.AddDate(0, 0, 1)
	}
	if !from.Before(to) {
		return from, to, fmt.Errorf("the start date must not be after the end date")
	}
	return from, to, nil
}

// ReviewForm is the review panel of one statement.
type ReviewForm struct {
	Statement *models.Statement // as stored
	Input     models.ReviewInput
	Errors    *models.ValidationError
	// Conflict is the statement as someone else saved it while the
	// reviewer was editing; Input then holds what the reviewer typed.
	Conflict *models.Statement
	Saved    bool
	// Undo is the review the statement had before an earlier review was
	// copied onto it, offered back right after the copy.
	Undo *models.ReviewInput

	// Around the form: the discussion, sources already used in the
	// article (to reuse), and what the user may do.
	Comments       []models.Comment
	ArticleSources []models.Source
	// Earlier reviews of the same claim, near the top of the panel. They
	// come with the panel, not after it, so nothing moves under the
	// reviewer's pointer once the panel shows. MatchesLoading: the
	// claim-matching index is still filling after a start.
	Matches        []ClaimMatch
	MatchesLoading bool
	NextVersion    int // version of the next statement, for merging; 0 if last
	CanReview      bool
	CanEdit        bool // fix boundaries, split, merge, dismiss
	// The workflow (workflow.templ): whether the user may approve,
	// return and publish, and why their last step was refused.
	CanApprove bool
	StepError  string
	UserID     uint
}

// NewReviewForm fills the panel from the stored statement.
func NewReviewForm(s *models.Statement) ReviewForm {
	in := models.ReviewInput{Verdict: s.Verdict, Note: s.Note, Correction: s.Correction, Version: s.Version}
	for _, src := range s.Sources {
		in.Sources = append(in.Sources, models.InputOf(src))
	}
	return ReviewForm{Statement: s, Input: in}
}

// HomeView is the home page: a page of the articles, the new-article form
// as the user left it, and the article just deleted, if any.
type HomeView struct {
	Articles models.ArticleList
	// First is true on the first page of the list.
	First   bool
	Form    ArticleForm
	Deleted *models.DeletedArticle
}

// ArticleView is the article page.
type ArticleView struct {
	Article  *models.Article
	Progress models.Progress
	// Parts are the statement list and the article text, drawn by
	// RenderArticleParts (and kept, per revision, by the handler).
	Parts ArticleParts
	Panel *ReviewForm // the selected statement, if any
	// Assign is the bulk-assign bar, for those who may assign work.
	Assign *AssignForm
}

func csrfHeaders(token string) string {
	b, _ := json.Marshal(map[string]string{"X-CSRF-Token": token})
	return string(b)
}

func itoa(n int) string { return fmt.Sprint(n) }

func uitoa(n uint) string { return fmt.Sprint(n) }

func itoa64(n int64) string { return fmt.Sprint(n) }

func statementURL(id uint) string { return fmt.Sprintf("/statements/%d", id) }

func articleURL(id uint) string { return fmt.Sprintf("/articles/%d", id) }

func verdictClass(v rating.Key) string { return "v-" + string(v) }

type scaleKey struct{}

// WithScale returns ctx carrying the desk's rating scale, for the
// components rendered with it to label and colour verdicts.
func WithScale(ctx context.Context, s *rating.Scale) context.Context {
	return context.WithValue(ctx, scaleKey{}, s)
}

// scale is the rating scale ctx carries, or the built-in one.
func scale(ctx context.Context) *rating.Scale {
	if s, ok := ctx.Value(scaleKey{}).(*rating.Scale); ok && s != nil {
		return s
	}
	return rating.Builtin()
}

func verdictLabel(ctx context.Context, k rating.Key) string { return scale(ctx).Label(k) }

// offered is the ratings a reviewer may choose for a statement rated
// current: those not retired, and current even if it is.
func offered(ctx context.Context, current rating.Key) []rating.Rating {
	var out []rating.Rating
	for _, r := range scale(ctx).All() {
		if !r.Retired || r.Key == current {
			out = append(out, r)
		}
	}
	return out
}

func reviewedCount(p models.Progress) string {
	return fmt.Sprintf("%d of %d reviewed", p.Reviewed, p.Total)
}

func reasonsText(r []string) string { return strings.Join(r, ", ") }

// facetTitle is the hover text of a facet: its kind in words.
func facetTitle(kind string) string { return strings.ReplaceAll(kind, "_", " ") }

// dateOnly shows a stored date (RFC 3339 or YYYY-MM-DD) in a date input.
func dateOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

func teamStatements(t export.TeamReport) []export.Statement {
	out := make([]export.Statement, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = r.Statement
	}
	return out
}

func reviewedAt(s export.Statement) string {
	if s.ReviewedAt == nil {
		return ""
	}
	return s.ReviewedAt.Format("2 Jan 2006 15:04")
}

// AssignForm is the bulk-assign bar: whom work can go to, and what the
// editor chose, kept when the form comes back with a problem.
type AssignForm struct {
	ArticleID  uint
	Assignees  []models.User
	AssigneeID uint
	Due        string // YYYY-MM-DD as typed
	Priority   models.Priority
	Selected   map[uint]bool
	Errors     *models.ValidationError
	Message    string // what the last assignment did
}

// QueueView is a page of "My queue".
type QueueView struct {
	Items     []models.StatementRow
	Now       time.Time
	PoolEmpty bool   // "Take next" found nothing
	First     bool   // the page starts at the top of the queue
	Next      string // the link to the next page; "" on the last
}

// PoolView is the unassigned pool.
type PoolView struct {
	Result    models.StatementPage
	Now       time.Time
	PoolEmpty bool
}

// TeamView is the editors' overview.
type TeamView struct {
	Team *models.Team
	// First is true on the first page of the articles in progress.
	First bool
}

// StatementQuery is the statement search form as typed; see
// handlers.statementFilter for what each field means.
type StatementQuery struct {
	Q, Article, Verdict, Assignee, Due, Checkable, Type string
	ReviewedBy, ReviewedSince                           string
	Status                                              string // a review status, or "published"
}

// Values is the query as URL parameters, without empty ones.
func (q StatementQuery) Values() url.Values {
	v := url.Values{}
	for _, f := range []struct{ k, v string }{
		{"q", q.Q}, {"article", q.Article}, {"verdict", q.Verdict}, {"assignee", q.Assignee}, {"due", q.Due},
		{"checkable", q.Checkable}, {"type", q.Type}, {"reviewed_by", q.ReviewedBy}, {"reviewed_since", q.ReviewedSince},
		{"status", q.Status},
	} {
		if f.v != "" {
			v.Set(f.k, f.v)
		}
	}
	return v
}

// URL is the search page showing page n of the query's results.
func (q StatementQuery) URL(n int) string {
	v := q.Values()
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/statements"
	}
	return "/statements?" + v.Encode()
}

// AfterURL is the search page showing the results after cursor.
func (q StatementQuery) AfterURL(c models.StatementCursor) string {
	v := q.Values()
	v.Set("after", c.String())
	return "/statements?" + v.Encode()
}

// SearchView is the statement search page.
type SearchView struct {
	Query  StatementQuery
	Result models.StatementPage
	Now    time.Time
	// Article is the article the search is narrowed to, if any: the
	// type-ahead shows its title.
	Article   *models.ArticleSummary
	Assignees []models.User
	Types     []string
	Error     string // a filter that could not be read
}

// TeamView pages: the team view after cursor c.
func teamAfterURL(c models.ArticleCursor) string { return "/team?after=" + c.String() }

func homeAfterURL(c models.ArticleCursor) string { return "/?after=" + c.String() }

func articleChoice(a *models.ArticleSummary) []models.ArticleSummary {
	if a == nil {
		return nil
	}
	return []models.ArticleSummary{*a}
}

func poolAfterURL(c models.StatementCursor) string { return "/pool?after=" + c.String() }

// pageNumber is 1 on a list's first page, else 0: lists paged by key
// don't count how deep a cursor is.
func pageNumber(first bool) int {
	if first {
		return 1
	}
	return 0
}

// nextURL is the link to the page after r, or "" on its last page.
func nextURL(r models.StatementPage, next func(models.StatementCursor) string) string {
	if r.Next.IsZero() {
		return ""
	}
	return next(r.Next)
}

// totalText is a list's total, "more than" when it was not counted out.
func totalText(r models.StatementPage) string {
	if r.TotalCapped {
		return "More than " + itoa64(r.Total)
	}
	return itoa64(r.Total)
}

// NotificationsView lists the user's notifications; those unread until
// this visit are marked new.
type NotificationsView struct {
	Items []models.Notification
}
