package handlers

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// The public site (GET /checks, /checks/:id, /corrections and its feeds):
// no sign-in, the same bytes for every visitor, and nothing that is not
// published. identify and CSRF leave these paths alone (isPublic), so a
// visit costs one query and sets no cookie.

// publicPageSize is how many checks a page of a public list shows; the
// feeds carry the latest this many corrections.
const publicPageSize = 30

// isPublic reports whether the path is one of the public site's.
func isPublic(path string) bool {
	return path == "/checks" || strings.HasPrefix(path, "/checks/") || path == "/corrections" ||
		path == "/corrections.atom" || path == "/corrections.json" || path == "/scale.css"
}

// publicCheck is a published check's page.
func (h *Handler) publicCheck(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := h.store.PublicCheck(c.Request().Context(), id)
	if err != nil {
		return err
	}
	settings := h.store.Settings()
	ld, err := export.ClaimReviewJSON(export.CheckClaimReview(p.Content, settings))
	if err != nil {
		return err
	}
	v := views.CheckView{Site: views.SiteOf(settings), Check: p.Content, JSONLD: ld, Canonical: settings.PublicURL(id)}
	return h.publicHTML(c, views.CheckPage(v))
}

// publicChecks lists the published checks, newest first, a page at a
// time (?before= the last check of the previous page).
func (h *Handler) publicChecks(c echo.Context) error { return h.publicList(c, false) }

// corrections is the corrections log.
func (h *Handler) corrections(c echo.Context) error { return h.publicList(c, true) }

func (h *Handler) publicList(c echo.Context, corrections bool) error {
	before, _ := strconv.ParseUint(c.QueryParam("before"), 10, 32)
	list, more, err := h.store.PublicChecks(c.Request().Context(), uint(before), publicPageSize, corrections)
	if err != nil {
		return err
	}
	v := views.ChecksView{Site: views.SiteOf(h.store.Settings()), Corrections: corrections, Items: contents(list)}
	if more {
		v.Next = fmt.Sprintf("%s?before=%d", c.Request().URL.Path, list[len(list)-1].StatementID)
	}
	return h.publicHTML(c, views.ChecksPage(v))
}

func contents(list []models.Publication) []models.PublishedCheck {
	out := make([]models.PublishedCheck, len(list))
	for i := range list {
		out[i] = list[i].Content
	}
	return out
}

// correctionsFeed is the corrections log as Atom or JSON Feed 1.1.
func (h *Handler) correctionsFeed(write func(io.Writer, views.CorrectionsFeed) error, contentType string) echo.HandlerFunc {
	return func(c echo.Context) error {
		list, _, err := h.store.PublicChecks(c.Request().Context(), 0, publicPageSize, true)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := write(&buf, views.CorrectionsFeed{Site: views.SiteOf(h.store.Settings()), Items: contents(list)}); err != nil {
			return err
		}
		return publicBlob(c, contentType, buf.Bytes())
	}
}

// publicHTML renders a public page.
func (h *Handler) publicHTML(c echo.Context, t templ.Component) error {
	buf := templ.GetBuffer()
	defer templ.ReleaseBuffer(buf)
	if err := t.Render(c.Request().Context(), buf); err != nil {
		return err
	}
	return publicBlob(c, echo.MIMETextHTMLCharsetUTF8, buf.Bytes())
}

// publicBlob answers with body, cacheable by anyone but always
// revalidated: a check taken down leaves every cache at the next request,
// while an unchanged page costs a 304 with no body.
func publicBlob(c echo.Context, contentType string, body []byte) error {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	hd := c.Response().Header()
	hd.Set("Cache-Control", "public, no-cache")
	hd.Set("ETag", etag)
	if match := c.Request().Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, contentType, body)
}

// scaleCSS is the stylesheet of the scale's colours: a desk's own colour
// for each rating that has one, on highlights, badges and public pages.
// Colours are checked as #rrggbb when saved, so they are safe here.
func (h *Handler) scaleCSS(c echo.Context) error {
	scale := h.store.Scale()
	var b strings.Builder
	for _, r := range scale.All() {
		if r.Color == "" {
			continue
		}
		k := string(r.Key)
		fmt.Fprintf(&b, "mark.stmt.v-%s{background:%s}.badge.v-%s{background:%s;color:%s}.rating-box.v-%s{border-left-color:%s}\n",
			k, r.Color, k, r.Color, inkOn(r.Color), k, r.Color)
	}
	if c.QueryParam("v") == scale.Fingerprint() {
		c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Response().Header().Set("Cache-Control", "public, no-cache")
	}
	return c.Blob(http.StatusOK, "text/css; charset=utf-8", []byte(b.String()))
}

// inkOn is black or white, whichever reads better on the colour #rrggbb.
func inkOn(color string) string {
	v, err := strconv.ParseUint(strings.TrimPrefix(color, "#"), 16, 32)
	if err != nil {
		return "#000"
	}
	r, g, b := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	if 0.299*r+0.587*g+0.114*b > 150 {
		return "#1d2329"
	}
	return "#fff"
}
