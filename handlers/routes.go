// Package handlers is the desk's HTTP layer: it parses requests, calls the
// store and renders views. Every route is listed in New.
package handlers

import (
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/static"
	"github.com/factcheckdesk/factcheck/views"
)

// Config holds what the HTTP layer needs besides the store.
type Config struct {
	Log *slog.Logger
	// SecureCookies marks cookies Secure, for deployments behind TLS.
	SecureCookies bool
	// Clock is the time source; nil means time.Now.
	Clock func() time.Time
	// AllowPrivateURLs lets URL imports reach private, loopback and
	// link-local addresses: for internal sites and tests only.
	AllowPrivateURLs bool
	// FetchTimeout bounds a URL import; zero means intake's 10 seconds.
	FetchTimeout time.Duration
	// Live carries changes to open pages; nil turns live updates off.
	Live *live.Hub
	// Matches finds earlier reviews of the same claim; nil turns claim
	// matching off.
	Matches *match.Index
	// Organization names the desk as author of ClaimReview markup;
	// BaseURL is the public address of the desk, for permalinks. Both
	// are defaults: the desk's settings, once saved, take their place.
	Organization string
	BaseURL      string
	// MaxImports caps how many file and URL imports run at once; 0 means
	// one per CPU. More wait a little, then get a 429.
	MaxImports int
}

// Handler serves the desk. It holds no per-request state.
type Handler struct {
	store   *models.Store
	log     *slog.Logger
	clock   func() time.Time
	fetcher *intake.Fetcher
	secure  bool
	setUp   atomic.Bool // the desk has users; see isSetUp
	hub     *live.Hub
	matches *match.Index
	metrics *metrics
	// articles keeps the article page's data by revision (article_cache.go).
	articles *articleCache
	imports  chan struct{} // one token per import running
}

// MaxRequestBytes caps any request body. It is above the 2 MB article limit
// and the 10 MB upload limit so that oversized input still reaches
// validation and gets a precise message.
const MaxRequestBytes = 12 << 20

// New returns the desk's HTTP server with every route.
func New(store *models.Store, cfg Config) *echo.Echo {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Organization != "" || cfg.BaseURL != "" {
		store.SetDefaults(cfg.Organization, cfg.BaseURL)
	}
	if cfg.MaxImports <= 0 {
		cfg.MaxImports = runtime.NumCPU()
	}
	h := &Handler{
		store: store, log: cfg.Log, clock: cfg.Clock,
		fetcher:  &intake.Fetcher{AllowPrivate: cfg.AllowPrivateURLs, Timeout: cfg.FetchTimeout},
		secure:   cfg.SecureCookies,
		hub:      cfg.Live,
		matches:  cfg.Matches,
		articles: newArticleCache(),
		imports:  make(chan struct{}, cfg.MaxImports),
	}

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = h.handleError
	// The client's address is the connection's: X-Forwarded-For is only
	// trusted behind a proxy the operator names (not supported yet), so
	// nobody can dodge the sign-in rate limit by inventing headers.
	e.IPExtractor = echo.ExtractIPDirect()
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true}))
	h.metrics = h.newMetrics()
	e.Use(h.metrics.observe)
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			cfg.Log.Debug("request", "method", v.Method, "uri", v.URI, "status", v.Status, "latency", v.Latency)
			return nil
		},
	}))
	e.Use(middleware.BodyLimit(strconv.Itoa(MaxRequestBytes>>20) + "M"))
	// Headers and write deadline on every response (security.go); the
	// desk's text rule on every parameter (text.go); then who is asking,
	// and the CSRF token of their session, checked on every form post.
	e.Use(h.securityHeaders, crossOrigin(), checkText)
	e.Use(h.identify, h.csrf, h.withScale)
	h.routes(e)
	return e
}

// routes registers every route of the desk. Each names the permission it
// needs; models.rolePermissions says which roles have it (the README's
// permission matrix). A resource's page routes and its API routes share
// their handlers, which answer JSON under /api/v1.
func (h *Handler) routes(e *echo.Echo) {
	var (
		read    = h.require(models.PermRead)
		review  = h.require(models.PermReview)
		create  = h.require(models.PermCreateArticle)
		remove  = h.require(models.PermDeleteArticle)
		edit    = h.require(models.PermEditStatements)
		assign  = h.require(models.PermAssign)
		users   = h.require(models.PermManageUsers)
		approve = h.require(models.PermApprove)
		revive  = h.require(models.PermRestoreArticle)
	)
	api := e.Group("/api/v1", requireJSON)

	e.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", staticHandler())))
	// Operations, off the signed-in routes (ops.go).
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.GET("/readyz", h.readyz)
	e.GET("/metrics", h.metrics.handler())

	// Signing in and the account (auth.go, account.go).
	e.GET("/setup", h.setupPage)
	e.POST("/setup", h.setup)
	e.GET("/login", h.loginPage)
	e.POST("/login", h.login)
	e.POST("/logout", h.logout)
	e.GET("/account", h.accountPage, read)
	e.POST("/account/password", h.changePassword, read)
	e.POST("/account/tokens", h.createToken, read)
	e.POST("/account/tokens/:id/revoke", h.revokeToken, read)
	api.GET("/me", h.apiMe)

	// Desk members (users.go).
	e.GET("/admin/users", h.usersPage, users)
	e.POST("/admin/users", h.createUser, users)
	e.POST("/admin/users/:id", h.updateUser, users)
	api.GET("/users", h.usersPage, users)
	api.POST("/users", h.createUser, users)
	api.PATCH("/users/:id", h.updateUser, users)

	// Articles (article.go, article_import.go).
	e.GET("/", h.home, read)
	e.POST("/articles", h.createArticle, create)
	e.POST("/articles/import", h.importURL, create)
	e.POST("/articles/upload", h.uploadArticle, create)
	e.POST("/demo", h.loadDemo, create)
	e.GET("/articles/suggest", h.suggestArticles, read)
	e.GET("/articles/:id", h.showArticle, read)
	e.POST("/articles/:id/delete", h.deleteArticle, remove)
	api.GET("/articles", h.apiListArticles, read)
	api.POST("/articles", h.apiCreateArticle, create)
	api.POST("/articles/upload", h.uploadArticle, create)
	api.GET("/articles/suggest", h.suggestArticles, read)
	api.GET("/articles/:id", h.showArticle, read)
	api.DELETE("/articles/:id", h.deleteArticle, remove)

	// Deleted articles, restorable for 30 days (article_delete.go).
	e.GET("/admin/deleted", h.deletedPage, revive)
	e.POST("/articles/:id/restore", h.restoreArticle, revive)
	api.GET("/articles/deleted", h.deletedPage, revive)
	api.POST("/articles/:id/restore", h.restoreArticle, revive)

	// Reports and exports (article_export.go).
	for _, g := range []interface {
		GET(string, echo.HandlerFunc, ...echo.MiddlewareFunc) *echo.Route
	}{e, api} {
		g.GET("/articles/:id/report.md", h.articleReport, read)
		g.GET("/articles/:id/export", h.exportArticle, read)
	}
	e.GET("/articles/:id/print", h.printArticle, read)
	e.GET("/articles/:id/corrected", h.correctedArticle, read)
	e.GET("/reports/team", h.teamReport, read)

	// Live updates and history (article_live.go, statement_history.go).
	e.GET("/articles/:id/live", h.articleLive, read)
	e.GET("/articles/:id/activity", h.articleActivity, read)
	e.GET("/statements/:id/history", h.statementHistory, read)
	api.GET("/articles/:id/activity", h.articleActivity, read)
	api.GET("/statements/:id/history", h.statementHistory, read)

	// A statement's review (statement_review.go, statement_sources.go,
	// statement_comments.go, statement_matches.go).
	e.GET("/statements/:id/panel", h.statementPanel, read)
	e.POST("/statements/:id", h.saveReview, review)
	e.GET("/sources/row", h.sourceRowFrom, review)
	e.POST("/statements/:id/comments", h.addComment, review)
	e.GET("/statements/:id/matches", h.statementMatches, read)
	e.POST("/statements/:id/reuse", h.reuseFromPanel, review)
	api.GET("/statements/:id", h.apiStatement, read)
	api.PATCH("/statements/:id", h.saveReview, review)
	api.GET("/statements/:id/sources", h.apiSources, read)
	api.POST("/statements/:id/sources", h.apiAddSource, review)
	api.POST("/statements/:id/sources/order", h.apiReorderSources, review)
	api.PATCH("/statements/:id/sources/:sid", h.apiUpdateSource, review)
	api.DELETE("/statements/:id/sources/:sid", h.apiDeleteSource, review)
	e.GET("/members", h.members, read)
	api.GET("/statements/:id/comments", h.apiComments, read)
	api.POST("/statements/:id/comments", h.addComment, review)
	api.GET("/statements/:id/matches", h.statementMatches, read)
	api.POST("/statements/:id/reuse", h.statementEdit(reuseReview, false), review)

	// The editor's fixes (statement_edit.go).
	for _, g := range []interface {
		POST(string, echo.HandlerFunc, ...echo.MiddlewareFunc) *echo.Route
	}{e, api} {
		g.POST("/statements/:id/bounds", h.statementEdit(editBounds, true), edit)
		g.POST("/statements/:id/split", h.statementEdit(splitStatement, true), edit)
		g.POST("/statements/:id/merge", h.statementEdit(mergeStatement, true), edit)
		g.POST("/statements/:id/dismiss", h.statementEdit(dismissStatement, false), edit)
		g.POST("/statements/:id/restore", h.statementEdit(restoreStatement, false), edit)
		g.POST("/articles/:id/statements", h.addStatement, edit)
	}

	// Work: queues, the pool, search, assignments, the team
	// (queue.go, search.go, assignment.go, team.go).
	e.GET("/queue", h.queuePage, read)
	e.POST("/queue/take", h.takeNext, review)
	e.GET("/pool", h.poolPage, read)
	e.GET("/statements", h.searchPage, read)
	e.GET("/notifications", h.notificationsPage, read)
	e.GET("/team", h.teamPage, assign)
	e.POST("/assignments", h.assign, assign)
	e.POST("/assignments/unassign", h.unassign, assign)
	api.GET("/queue", h.queuePage, read)
	api.POST("/queue/take", h.takeNext, review)
	api.GET("/statements", h.searchPage, read)
	api.GET("/notifications", h.notificationsPage, read)
	api.POST("/assignments", h.assign, assign)
	api.POST("/assignments/unassign", h.unassign, assign)

	// The review workflow and publishing (statement_workflow.go).
	for _, g := range []interface {
		POST(string, echo.HandlerFunc, ...echo.MiddlewareFunc) *echo.Route
	}{e, api} {
		g.POST("/statements/:id/approve", h.workflowStep((*models.Store).Approve), approve)
		g.POST("/statements/:id/return", h.workflowStep((*models.Store).Return), approve)
		g.POST("/statements/:id/publish", h.workflowStep((*models.Store).Publish), approve)
		g.POST("/statements/:id/unpublish", h.workflowStep((*models.Store).Unpublish), approve)
	}
	e.GET("/approvals", h.approvalsPage, approve)
	api.GET("/approvals", h.approvalsPage, approve)

	// Settings and webhooks, for admins (settings.go, webhooks.go).
	e.GET("/settings", h.settingsPage, users)
	e.POST("/settings", h.saveSettings, users)
	e.POST("/settings/webhooks", h.createWebhook, users)
	e.GET("/settings/webhooks/:id", h.webhookDeliveries, users)
	e.POST("/settings/webhooks/:id/delete", h.deleteWebhook, users)
	api.GET("/settings", h.apiSettings, users)
	api.PATCH("/settings", h.apiUpdateSettings, users)
	api.GET("/webhooks", h.webhooks, users)
	api.POST("/webhooks", h.createWebhook, users)
	api.DELETE("/webhooks/:id", h.deleteWebhook, users)
	api.GET("/webhooks/:id/deliveries", h.webhookDeliveries, users)

	// The public site: no sign-in (public.go; isPublic).
	e.GET("/checks", h.publicChecks)
	e.GET("/checks/:id", h.publicCheck)
	e.GET("/corrections", h.corrections)
	e.GET("/corrections.atom", h.correctionsFeed(views.CorrectionsAtom, "application/atom+xml; charset=utf-8"))
	e.GET("/corrections.json", h.correctionsFeed(views.CorrectionsJSONFeed, "application/feed+json; charset=utf-8"))
	e.GET("/scale.css", h.scaleCSS)

	api.Any("/*", func(c echo.Context) error { return echo.ErrNotFound })
}

func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}

// requireJSON refuses API writes that are not JSON, which both gives a clear
// message and keeps cross-site form posts out (see the CSRF skipper).
func requireJSON(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Path() == "/api/v1/articles/upload" {
			return next(c) // multipart by nature
		}
		switch c.Request().Method {
		case http.MethodPost, http.MethodPatch, http.MethodPut:
			ct := c.Request().Header.Get(echo.HeaderContentType)
			if !strings.HasPrefix(ct, echo.MIMEApplicationJSON) {
				return apperr.New(http.StatusUnsupportedMediaType, "send the request body as JSON with Content-Type: application/json")
			}
		}
		return next(c)
	}
}

func staticHandler() http.Handler {
	files := http.FileServerFS(static.FS)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// File names of vendored libraries carry their version and every
		// link carries a content hash, so caching forever is safe.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	})
}
