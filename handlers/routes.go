// Package handlers is the desk's HTTP layer: it parses requests, calls the
// store and renders views. Every route is listed in New.
package handlers

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/static"
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
	// Organization names the desk as author of ClaimReview markup;
	// BaseURL is the public address of the desk, for permalinks.
	Organization string
	BaseURL      string
}

// Handler serves the desk. It holds no per-request state.
type Handler struct {
	store   *models.Store
	log     *slog.Logger
	clock   func() time.Time
	fetcher *intake.Fetcher
	org     string
	baseURL string
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
	h := &Handler{
		store: store, log: cfg.Log, clock: cfg.Clock,
		fetcher: &intake.Fetcher{AllowPrivate: cfg.AllowPrivateURLs, Timeout: cfg.FetchTimeout},
		org:     cfg.Organization, baseURL: strings.TrimRight(cfg.BaseURL, "/"),
	}

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = h.handleError
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true}))
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			cfg.Log.Debug("request", "method", v.Method, "uri", v.URI, "status", v.Status, "latency", v.Latency)
			return nil
		},
	}))
	e.Use(middleware.BodyLimit(strconv.Itoa(MaxRequestBytes>>20) + "M"))
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection: "0", ContentTypeNosniff: "nosniff", XFrameOptions: "DENY",
		ReferrerPolicy: "same-origin",
	}))
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{
		// The JSON API is not reachable by a cross-site form: it only
		// takes application/json, which browsers will not send across
		// sites without a CORS preflight the desk never grants.
		Skipper:        func(c echo.Context) bool { return isAPI(c) },
		TokenLookup:    "header:X-CSRF-Token,form:_csrf",
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSecure:   cfg.SecureCookies,
		CookieSameSite: http.SameSiteLaxMode,
		CookieMaxAge:   int((7 * 24 * time.Hour).Seconds()),
	}))

	e.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", staticHandler())))
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })

	e.GET("/", h.home)
	e.POST("/articles", h.createArticle)
	e.POST("/articles/import", h.importURL)
	e.POST("/articles/upload", h.uploadArticle)
	e.POST("/demo", h.loadDemo)
	e.GET("/articles/:id", h.showArticle)
	e.GET("/articles/:id/report.md", h.articleReport)
	e.GET("/articles/:id/export", h.exportArticle)
	e.GET("/articles/:id/print", h.printArticle)
	e.GET("/articles/:id/corrected", h.correctedArticle)
	e.GET("/reports/team", h.teamReport)
	e.GET("/statements/:id/panel", h.statementPanel)
	e.POST("/statements/:id", h.saveReview)
	e.GET("/sources/row", h.sourceRow)

	api := e.Group("/api/v1", requireJSON)
	api.GET("/articles", h.apiListArticles)
	api.POST("/articles", h.apiCreateArticle)
	api.GET("/articles/:id", h.apiArticle)
	api.POST("/articles/upload", h.apiUploadArticle)
	api.GET("/articles/:id/report.md", h.articleReport)
	api.GET("/articles/:id/export", h.exportArticle)
	api.PATCH("/statements/:id", h.apiPatchStatement)
	api.Any("/*", func(c echo.Context) error { return echo.ErrNotFound })

	return e
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
				return echo.NewHTTPError(http.StatusUnsupportedMediaType, "send the request body as JSON with Content-Type: application/json")
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
