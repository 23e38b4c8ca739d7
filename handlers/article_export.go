package handlers

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// articleReport downloads the Markdown correction report of an article.
func (h *Handler) articleReport(c echo.Context) error {
	return h.download(c, "md", "attachment")
}

// exportArticle downloads an article's report in the format asked for.
func (h *Handler) exportArticle(c echo.Context) error {
	format := c.QueryParam("format")
	if format == "" {
		format = "md"
	}
	return h.download(c, format, "attachment")
}

// printArticle shows the printable HTML report in the browser.
func (h *Handler) printArticle(c echo.Context) error {
	return h.download(c, "html", "inline")
}

// report loads an article as the exporters' input.
func (h *Handler) report(c echo.Context) (export.Report, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return export.Report{}, err
	}
	a, err := h.store.ArticleByID(c.Request().Context(), id)
	if err != nil {
		return export.Report{}, err
	}
	settings := h.store.Settings()
	r := export.ReportOf(a, settings.Scale, h.clock())
	r.Organization, r.BaseURL = settings.OrgName, settings.BaseURL
	return r, nil
}

// download writes an article's report in the named format as a file.
func (h *Handler) download(c echo.Context, format, disposition string) error {
	f, ok := export.Lookup(format)
	if !ok {
		return apperr.New(http.StatusBadRequest, fmt.Sprintf("Unknown format %q; use one of %v.", format, export.Names()))
	}
	r, err := h.report(c)
	if err != nil {
		return err
	}
	write := f.Write
	if f.Name == "csv" && c.QueryParam("bom") != "" {
		// Excel needs the byte-order mark to read UTF-8.
		write = func(w io.Writer, r export.Report) error { return export.CSV(w, r, export.CSVOptions{BOM: true}) }
	}
	// Written to memory first so a failing writer still gets a proper
	// error response instead of half a file.
	var buf bytes.Buffer
	if err := write(&buf, r); err != nil {
		return fmt.Errorf("handlers: %s report of article %d: %w", f.Name, r.Article.ID, err)
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, disposition+`; filename="`+export.FileName(r, f)+`"`)
	if strings.HasPrefix(f.ContentType, echo.MIMETextHTML) {
		c.Response().Header().Set("Content-Security-Policy", reportCSP)
	}
	return c.Blob(http.StatusOK, f.ContentType, buf.Bytes())
}

// correctedArticle shows the article as corrected: a marked-up diff and the
// correction notices, ready to paste.
func (h *Handler) correctedArticle(c echo.Context) error {
	r, err := h.report(c)
	if err != nil {
		return err
	}
	var diff bytes.Buffer
	if err := export.CorrectedDiffHTML(&diff, r); err != nil {
		return fmt.Errorf("handlers: corrected article %d: %w", r.Article.ID, err)
	}
	applied, skipped := export.AppliedCorrections(r)
	return render(c, http.StatusOK, views.CorrectedPage(h.page(c, "Corrected: "+r.Article.Title), views.CorrectedView{
		ArticleID: r.Article.ID, Title: r.Article.Title, DiffHTML: diff.String(),
		Notices: export.CorrectionNotices(r), Applied: len(applied), Skipped: len(skipped),
	}))
}

// teamReport lists every statement reviewed in a date range, as a page or
// as a Markdown or CSV download.
func (h *Handler) teamReport(c echo.Context) error {
	q := views.TeamQuery{From: c.QueryParam("from"), To: c.QueryParam("to"), Verdict: c.QueryParam("verdict"), Reviewer: c.QueryParam("reviewer")}
	now := h.clock().UTC()
	from, to, err := q.Range(now)
	if err != nil {
		return apperr.Wrap(err, http.StatusBadRequest, err.Error())
	}
	verdict := rating.Key(q.Verdict)
	if _, known := h.store.Scale().Lookup(verdict); q.Verdict != "" && !known {
		return apperr.New(http.StatusBadRequest, fmt.Sprintf("Unknown verdict %q.", q.Verdict))
	}
	var reviewer *models.User
	if q.Reviewer != "" {
		id, err := strconv.ParseUint(q.Reviewer, 10, 32)
		if err != nil {
			return apperr.New(http.StatusBadRequest, "Unknown reviewer.")
		}
		if reviewer, err = h.store.UserByID(c.Request().Context(), uint(id)); err != nil {
			return apperr.New(http.StatusBadRequest, "Unknown reviewer.")
		}
	}
	reviewerID, reviewerName := uint(0), ""
	if reviewer != nil {
		reviewerID, reviewerName = reviewer.ID, reviewer.Name
	}
	rows, err := h.store.ReviewedBetween(c.Request().Context(), from, to, verdict, reviewerID)
	if err != nil {
		return err
	}
	t := export.TeamReportOf(rows, from, to, q.Verdict, reviewerName, h.store.Scale(), now)
	switch c.QueryParam("format") {
	case "":
		users, err := h.store.Users(c.Request().Context())
		if err != nil {
			return err
		}
		return render(c, http.StatusOK, views.TeamPage(h.page(c, "Team report"), q, t, users))
	case "md":
		return h.teamDownload(c, t, "text/markdown; charset=utf-8", "md", func(w *bytes.Buffer) error { return export.TeamMarkdown(w, t) })
	case "csv":
		opt := export.CSVOptions{BOM: c.QueryParam("bom") != ""}
		return h.teamDownload(c, t, "text/csv; charset=utf-8", "csv", func(w *bytes.Buffer) error { return export.TeamCSV(w, t, opt) })
	}
	return apperr.New(http.StatusBadRequest, "Unknown format; use md or csv.")
}

func (h *Handler) teamDownload(c echo.Context, t export.TeamReport, contentType, ext string, write func(*bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return fmt.Errorf("handlers: team report: %w", err)
	}
	name := fmt.Sprintf("team-report-%s-to-%s.%s", t.From.Format(time.DateOnly), t.To.Format(time.DateOnly), ext)
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return c.Blob(http.StatusOK, contentType, buf.Bytes())
}
