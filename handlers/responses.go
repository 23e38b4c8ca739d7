package handlers

import (
	"time"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// The API's response types. Each is built from the stored data by a
// function of its own; the database structs are never sent as they are.
// Outside checks rely on every field name here: add fields, never rename
// or drop one (TestAPIContract pins them).

// userJSON is a desk member.
type userJSON struct {
	ID        uint        `json:"id"`
	Email     string      `json:"email"`
	Name      string      `json:"name"`
	Role      models.Role `json:"role"`
	Active    bool        `json:"active"`
	CreatedAt time.Time   `json:"created_at"`
	UpdatedAt time.Time   `json:"updated_at"`
}

func toUser(u *models.User) *userJSON {
	if u == nil {
		return nil
	}
	return &userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role, Active: u.Active, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

func toUsers(list []models.User) []userJSON {
	out := make([]userJSON, len(list))
	for i := range list {
		out[i] = *toUser(&list[i])
	}
	return out
}

// sourceJSON is a source backing a verdict.
type sourceJSON struct {
	ID          uint       `json:"id"`
	StatementID uint       `json:"statement_id"`
	Position    int        `json:"position"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Publisher   string     `json:"publisher"`
	Quote       string     `json:"quote"`
	AccessedAt  *time.Time `json:"accessed_at"`
	CreatedAt   time.Time  `json:"created_at"`
}

func toSources(list []models.Source) []sourceJSON {
	out := make([]sourceJSON, len(list))
	for i, s := range list {
		out[i] = sourceJSON{ID: s.ID, StatementID: s.StatementID, Position: s.Position, URL: s.URL, Title: s.Title,
			Publisher: s.Publisher, Quote: s.Quote, AccessedAt: s.AccessedAt, CreatedAt: s.CreatedAt}
	}
	return out
}

// statementJSON is a statement with its review and assignment.
type statementJSON struct {
	ID            uint            `json:"id"`
	ArticleID     uint            `json:"article_id"`
	Position      int             `json:"position"`
	Start         int             `json:"start"`
	End           int             `json:"end"`
	Text          string          `json:"text"`
	Checkable     bool            `json:"checkable"`
	Score         float64         `json:"score"`
	Type          string          `json:"type"`
	Reasons       []string        `json:"reasons"`
	Facets        []extract.Facet `json:"facets"`
	Verdict       rating.Key      `json:"verdict"`
	Note          string          `json:"note"`
	Correction    string          `json:"correction"`
	Version       int             `json:"version"`
	ReviewedAt    *time.Time      `json:"reviewed_at"`
	CreatedAt     time.Time       `json:"created_at"`
	UpdatedAt     time.Time       `json:"updated_at"`
	Sources       []sourceJSON    `json:"sources"`
	ReviewedByID  *uint           `json:"reviewed_by_id"`
	ReviewedBy    *userJSON       `json:"reviewed_by,omitempty"`
	AssigneeID    *uint           `json:"assignee_id"`
	Assignee      *userJSON       `json:"assignee,omitempty"`
	AssignedByID  *uint           `json:"assigned_by_id"`
	AssignedAt    *time.Time      `json:"assigned_at"`
	DueAt         *time.Time      `json:"due_at"`
	Priority      models.Priority `json:"priority"`
	Dismissed     bool            `json:"dismissed"`
	DismissReason string          `json:"dismiss_reason"`
	// The review workflow and publication (statement_workflow.go).
	ReviewStatus models.ReviewStatus `json:"review_status"`
	ApprovedByID *uint               `json:"approved_by_id"`
	ApprovedBy   *userJSON           `json:"approved_by"`
	ApprovedAt   *time.Time          `json:"approved_at"`
	ReturnReason string              `json:"return_reason"`
	PublishedAt  *time.Time          `json:"published_at"` // the first publication, while published
	PublicURL    *string             `json:"public_url"`
}

func toStatement(s *models.Statement) *statementJSON {
	if s == nil {
		return nil
	}
	return &statementJSON{
		ID: s.ID, ArticleID: s.ArticleID, Position: s.Position, Start: s.Start, End: s.End, Text: s.Text,
		Checkable: s.Checkable, Score: s.Score, Type: s.Type, Reasons: orEmpty(s.Reasons), Facets: orEmpty(s.Facets),
		Verdict: s.Verdict, Note: s.Note, Correction: s.Correction, Version: s.Version,
		ReviewedAt: s.ReviewedAt, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, Sources: toSources(s.Sources),
		ReviewedByID: s.ReviewedByID, ReviewedBy: toUser(s.ReviewedBy), AssigneeID: s.AssigneeID, Assignee: toUser(s.Assignee),
		AssignedByID: s.AssignedByID, AssignedAt: s.AssignedAt, DueAt: s.DueAt, Priority: s.Priority,
		Dismissed: s.Dismissed, DismissReason: s.DismissReason,
		ReviewStatus: s.Status(), ApprovedByID: s.ApprovedByID, ApprovedBy: toUser(s.ApprovedBy), ApprovedAt: s.ApprovedAt,
		ReturnReason: s.ReturnReason, PublishedAt: publishedAt(s), PublicURL: publicURL(s),
	}
}

// publishedAt is the first publication of a check on the public site now.
func publishedAt(s *models.Statement) *time.Time {
	if !s.Published {
		return nil
	}
	return s.PublishedAt
}

func publicURL(s *models.Statement) *string {
	if !s.Published {
		return nil
	}
	return &s.PublicURL
}

// orEmpty makes a nil list an empty one, so clients see [] and never null.
func orEmpty[S ~[]E, E any](s S) []E {
	if s == nil {
		return []E{}
	}
	return s
}

// articleJSON is an article with its statements and its progress.
type articleJSON struct {
	ID             uint            `json:"id"`
	Title          string          `json:"title"`
	Body           string          `json:"body"`
	URL            string          `json:"url"`
	Author         string          `json:"author"`
	PublishedAt    *time.Time      `json:"published_at"`
	SiteName       string          `json:"site_name"`
	PreviousID     *uint           `json:"previous_id"`
	CreatedAt      time.Time       `json:"created_at"`
	UpdatedAt      time.Time       `json:"updated_at"`
	Statements     []statementJSON `json:"statements"`
	StatementCount int             `json:"statement_count"`
	ToReview       int             `json:"to_review"`
	Reviewed       int             `json:"reviewed"`
	// Furniture is the text extraction left out of review (captions,
	// credits, menus…): {start, end, kind}, byte offsets into body.
	Furniture []extract.Furniture `json:"furniture"`
}

func toArticle(a *models.Article, scale *rating.Scale) articleJSON {
	p := models.ProgressOf(scale, a.Statements)
	out := articleJSON{
		ID: a.ID, Title: a.Title, Body: a.Body, URL: a.URL, Author: a.Author, PublishedAt: a.PublishedAt,
		SiteName: a.SiteName, PreviousID: a.PreviousID, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		Statements: make([]statementJSON, len(a.Statements)), StatementCount: len(a.Statements),
		ToReview: p.Total, Reviewed: p.Reviewed, Furniture: a.Furniture,
	}
	if out.Furniture == nil {
		out.Furniture = []extract.Furniture{}
	}
	for i := range a.Statements {
		out.Statements[i] = *toStatement(&a.Statements[i])
	}
	return out
}

// commentJSON is one message of a statement's discussion.
type commentJSON struct {
	ID          uint      `json:"id"`
	StatementID uint      `json:"statement_id"`
	UserID      *uint     `json:"user_id"`
	User        *userJSON `json:"user,omitempty"`
	Body        string    `json:"body"`
	CreatedAt   time.Time `json:"created_at"`
}

func toComment(c *models.Comment) commentJSON {
	return commentJSON{ID: c.ID, StatementID: c.StatementID, UserID: c.UserID, User: toUser(c.User), Body: c.Body, CreatedAt: c.CreatedAt}
}

func toComments(list []models.Comment) []commentJSON {
	out := make([]commentJSON, len(list))
	for i := range list {
		out[i] = toComment(&list[i])
	}
	return out
}

// eventJSON is one entry of a statement's history: the state before and
// after (as stored, one shape per action) and which fields changed.
type eventJSON struct {
	ID          uint            `json:"id"`
	ArticleID   uint            `json:"article_id"`
	StatementID uint            `json:"statement_id"`
	UserID      *uint           `json:"user_id"`
	User        *userJSON       `json:"user,omitempty"`
	Action      models.Action   `json:"action"`
	Before      models.JSONText `json:"before"`
	After       models.JSONText `json:"after"`
	CreatedAt   time.Time       `json:"created_at"`
	Changed     []string        `json:"changed"`
}

func toEvents(list []models.Event) []eventJSON {
	out := make([]eventJSON, len(list))
	for i, e := range list {
		out[i] = eventJSON{ID: e.ID, ArticleID: e.ArticleID, StatementID: e.StatementID, UserID: e.UserID, User: toUser(e.User),
			Action: e.Action, Before: e.Before, After: e.After, CreatedAt: e.CreatedAt, Changed: e.Changed()}
	}
	return out
}

// workItemJSON is a statement in a list: the queue, the pool, search.
type workItemJSON struct {
	ID           uint            `json:"id"`
	ArticleID    uint            `json:"article_id"`
	ArticleTitle string          `json:"article_title"`
	Position     int             `json:"position"`
	Text         string          `json:"text"`
	Checkable    bool            `json:"checkable"`
	Type         string          `json:"type"`
	Verdict      rating.Key      `json:"verdict"`
	AssigneeID   *uint           `json:"assignee_id"`
	DueAt        *time.Time      `json:"due_at"`
	Priority     models.Priority `json:"priority"`
	Overdue      bool            `json:"overdue"`
	Version      int             `json:"version"`
	// ReviewStatus is where the review stands in the workflow.
	ReviewStatus models.ReviewStatus `json:"review_status"`
}

func toWorkItems(rows []models.StatementRow, scale *rating.Scale, now time.Time) []workItemJSON {
	out := make([]workItemJSON, len(rows))
	for i, r := range rows {
		out[i] = workItemJSON{
			ID: r.ID, ArticleID: r.ArticleID, ArticleTitle: r.ArticleTitle, Position: r.Position, Text: r.Text,
			Checkable: r.Checkable, Type: r.Type, Verdict: r.Verdict, AssigneeID: r.AssigneeID, DueAt: r.DueAt,
			Priority: r.Priority, Overdue: r.Overdue(scale, now), Version: r.Version, ReviewStatus: r.Status(),
		}
	}
	return out
}

// pageJSON is one page of a list. Total is counted up to models.MaxCount;
// TotalCapped says there are more. Next, when set, is the "after" of the
// following page (page numbers reach MaxCount deep; cursors go on).
type pageJSON[T any] struct {
	Items       []T    `json:"items"`
	Page        int    `json:"page"`
	PerPage     int    `json:"per_page"`
	Total       int64  `json:"total"`
	TotalCapped bool   `json:"total_capped,omitempty"`
	Next        string `json:"next,omitempty"`
}

// articleRefJSON names an article: the type-ahead's offers.
type articleRefJSON struct {
	ID    uint   `json:"id"`
	Title string `json:"title"`
}

// notificationJSON is a notification in words, with the facts it holds.
type notificationJSON struct {
	ID          uint              `json:"id"`
	UserID      uint              `json:"user_id"`
	Message     string            `json:"message"`
	Link        string            `json:"link"`
	CreatedAt   time.Time         `json:"created_at"`
	ReadAt      *time.Time        `json:"read_at"`
	Kind        models.NoticeKind `json:"kind,omitempty"`
	ArticleID   *uint             `json:"article_id,omitempty"`
	StatementID *uint             `json:"statement_id,omitempty"`
	Count       int               `json:"count,omitempty"`
}

func toNotifications(list []models.Notification) []notificationJSON {
	out := make([]notificationJSON, len(list))
	for i, n := range list {
		msg, link := views.NoticeText(n)
		out[i] = notificationJSON{ID: n.ID, UserID: n.UserID, Message: msg, Link: link, CreatedAt: n.CreatedAt, ReadAt: n.ReadAt,
			Kind: n.Kind, ArticleID: n.ArticleID, StatementID: n.StatementID, Count: n.Count}
	}
	return out
}

// matchJSON is an earlier review of the same claim.
type matchJSON struct {
	StatementID  uint         `json:"statement_id"`
	ArticleID    uint         `json:"article_id"`
	ArticleTitle string       `json:"article_title"`
	Text         string       `json:"text"`
	Score        float64      `json:"score"`
	SameFigures  bool         `json:"same_figures"`
	Verdict      rating.Key   `json:"verdict"`
	Note         string       `json:"note"`
	Correction   string       `json:"correction"`
	Sources      []sourceJSON `json:"sources"`
}

func toMatches(found []views.ClaimMatch) []matchJSON {
	out := make([]matchJSON, len(found))
	for i, m := range found {
		e := m.Statement
		out[i] = matchJSON{StatementID: e.ID, ArticleID: e.ArticleID, ArticleTitle: m.ArticleTitle, Text: e.Text,
			Score: m.Score, SameFigures: m.SameFigures, Verdict: e.Verdict, Note: e.Note, Correction: e.Correction,
			Sources: toSources(e.Sources)}
	}
	return out
}

// splitJSON is the two statements a split leaves.
type splitJSON struct {
	Statements []statementJSON `json:"statements"`
}

// assignedJSON and unassignedJSON say which statements changed hands.
type assignedJSON struct {
	Assigned []uint `json:"assigned"`
}

type unassignedJSON struct {
	Unassigned []uint `json:"unassigned"`
}

// settingsJSON is the desk's settings (GET and PATCH /api/v1/settings).
type settingsJSON struct {
	Organisation    organisationJSON `json:"organisation"`
	BaseURL         string           `json:"base_url"`
	RequireApproval bool             `json:"require_approval"`
	Ratings         []ratingJSON     `json:"ratings"`
	BestRating      int              `json:"best_rating"`
	WorstRating     int              `json:"worst_rating"`
	Version         int              `json:"version"`
}

type organisationJSON struct {
	Name    string `json:"name"`
	LogoURL string `json:"logo_url"`
}

// ratingJSON is one rating of the scale; InUse counts the statements
// with it, which keep it from being removed (retire it instead).
type ratingJSON struct {
	Key             rating.Key `json:"key"`
	Label           string     `json:"label"`
	Color           string     `json:"color"`
	Final           bool       `json:"final"`
	NeedsSource     bool       `json:"needs_source"`
	NeedsNote       bool       `json:"needs_note"`
	NeedsCorrection bool       `json:"needs_correction"`
	RatingValue     int        `json:"rating_value"`
	AlternateName   string     `json:"alternate_name"`
	Retired         bool       `json:"retired"`
	InUse           int64      `json:"in_use"`
}

func toSettings(in models.SettingsInput, use map[rating.Key]int64) settingsJSON {
	out := settingsJSON{Organisation: organisationJSON{Name: in.OrgName, LogoURL: in.OrgLogoURL}, BaseURL: in.BaseURL,
		RequireApproval: in.RequireApproval, Ratings: make([]ratingJSON, len(in.Ratings)), BestRating: in.Best, WorstRating: in.Worst,
		Version: in.Version}
	for i, r := range in.Ratings {
		out.Ratings[i] = ratingJSON{Key: r.Key, Label: r.Label, Color: r.Color, Final: r.Final, NeedsSource: r.NeedsSource,
			NeedsNote: r.NeedsNote, NeedsCorrection: r.NeedsCorrection, RatingValue: r.Value, AlternateName: r.AlternateName,
			Retired: r.Retired, InUse: use[r.Key]}
	}
	return out
}

// webhookJSON is a webhook; Secret is only sent in the answer that
// creates it.
type webhookJSON struct {
	ID        uint                  `json:"id"`
	URL       string                `json:"url"`
	Events    []models.WebhookEvent `json:"events"`
	Active    bool                  `json:"active"`
	CreatedAt time.Time             `json:"created_at"`
	Secret    string                `json:"secret,omitempty"`
}

func toWebhook(w *models.Webhook) webhookJSON {
	return webhookJSON{ID: w.ID, URL: w.URL, Events: orEmpty(w.Events), Active: w.Active, CreatedAt: w.CreatedAt}
}

// deliveryJSON is one entry of a webhook's delivery log.
type deliveryJSON struct {
	ID            uint                  `json:"id"`
	Event         models.WebhookEvent   `json:"event"`
	StatementID   uint                  `json:"statement_id"`
	Status        models.DeliveryStatus `json:"status"`
	Attempts      int                   `json:"attempts"`
	LastCode      int                   `json:"last_code"`
	LastError     string                `json:"last_error"`
	NextAttemptAt *time.Time            `json:"next_attempt_at"`
	DeliveredAt   *time.Time            `json:"delivered_at"`
	CreatedAt     time.Time             `json:"created_at"`
}

func toDeliveries(list []models.WebhookDelivery) []deliveryJSON {
	out := make([]deliveryJSON, len(list))
	for i, d := range list {
		out[i] = deliveryJSON{ID: d.ID, Event: d.Event, StatementID: d.StatementID, Status: d.Status, Attempts: d.Attempts,
			LastCode: d.LastCode, LastError: d.LastError, DeliveredAt: d.DeliveredAt, CreatedAt: d.CreatedAt}
		if d.Status == models.DeliveryPending {
			out[i].NextAttemptAt = &list[i].NextAttemptAt
		}
	}
	return out
}

// deletedArticleJSON is an article admins can still restore.
type deletedArticleJSON struct {
	ID         uint      `json:"id"`
	Title      string    `json:"title"`
	DeletedAt  time.Time `json:"deleted_at"`
	DeletedBy  string    `json:"deleted_by"`
	PurgeAt    time.Time `json:"purge_at"`
	Statements int       `json:"statements"`
	Reviewed   int       `json:"reviewed"`
}

func toDeletedArticles(list []models.DeletedArticle) []deletedArticleJSON {
	out := make([]deletedArticleJSON, len(list))
	for i, d := range list {
		out[i] = deletedArticleJSON{ID: d.ID, Title: d.Title, DeletedAt: d.DeletedAt, DeletedBy: d.DeletedByName,
			PurgeAt: d.PurgeAt(), Statements: d.Statements, Reviewed: d.Reviewed}
	}
	return out
}
