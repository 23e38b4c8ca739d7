package handlers

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// New articles: pasted (POST /articles), imported from a URL
// (POST /articles/import), uploaded (POST /articles/upload), and the same
// over JSON, where POST /api/v1/articles takes a body or a "url".

func (h *Handler) createArticle(c echo.Context) error {
	in := models.ArticleInput{
		Title:       c.FormValue("title"),
		Body:        c.FormValue("body"),
		URL:         c.FormValue("url"),
		Author:      c.FormValue("author"),
		PublishedAt: c.FormValue("published_at"),
		SiteName:    c.FormValue("site_name"),
		Force:       c.FormValue("force") == "true",
	}
	return h.createFromForm(c, views.ArticleForm{Mode: views.ModePaste}, in)
}

// importWait is how long an import waits for a free slot before the desk
// says it is busy.
const importWait = 10 * time.Second

// importSlot waits for one of the slots that bound how many imports (file
// reading, page fetching and parsing, each worth up to tens of megabytes)
// run at once, and returns its release.
func (h *Handler) importSlot(c echo.Context) (func(), error) {
	t := time.NewTimer(importWait)
	defer t.Stop()
	select {
	case h.imports <- struct{}{}:
		return func() { <-h.imports }, nil
	case <-t.C:
		return nil, apperr.New(http.StatusTooManyRequests, "The desk is busy reading other imports. Try again in a moment.")
	case <-c.Request().Context().Done():
		return nil, c.Request().Context().Err()
	}
}

// fetch imports a web page within an import slot.
func (h *Handler) fetch(c echo.Context, url string) (intake.Document, error) {
	release, err := h.importSlot(c)
	if err != nil {
		return intake.Document{}, err
	}
	defer release()
	return h.fetcher.Fetch(c.Request().Context(), url)
}

// importURL fetches a web page and loads its main text as an article.
func (h *Handler) importURL(c echo.Context) error {
	form := views.ArticleForm{Mode: views.ModeURL, ImportURL: strings.TrimSpace(c.FormValue("import_url")), ImportTitle: c.FormValue("import_title")}
	doc, err := h.fetch(c, form.ImportURL)
	if err != nil {
		return h.importFailed(c, form, err)
	}
	in := doc.ArticleInput(form.ImportTitle)
	in.Force = c.FormValue("force") == "true"
	return h.createFromForm(c, form, in)
}

// uploadArticle reads an uploaded file (multipart field "file", with
// optional "title"/"import_title" and "force") and loads its text.
func (h *Handler) uploadArticle(c echo.Context) error {
	form := views.ArticleForm{Mode: views.ModeFile, ImportTitle: c.FormValue("import_title")}
	if isAPI(c) {
		form.ImportTitle = c.FormValue("title")
	}
	name, data, err := readUpload(c)
	if err == nil {
		var doc intake.Document
		if doc, err = h.readFile(c, name, data); err == nil {
			in := doc.ArticleInput(form.ImportTitle)
			in.Force = c.FormValue("force") == "true"
			if isAPI(c) {
				return h.apiCreated(c, in)
			}
			return h.createFromForm(c, form, in)
		}
	}
	if isAPI(c) {
		return err
	}
	return h.importFailed(c, form, err)
}

// apiCreateArticle stores a pasted article, or, given a "url" and no
// "body", imports the page at that URL.
func (h *Handler) apiCreateArticle(c echo.Context) error {
	var in models.ArticleInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.Body == "" && in.URL != "" {
		doc, err := h.fetch(c, in.URL)
		if err != nil {
			return err
		}
		force := in.Force
		in = doc.ArticleInput(in.Title)
		in.Force = force
	}
	return h.apiCreated(c, in)
}

func (h *Handler) apiCreated(c echo.Context, in models.ArticleInput) error {
	a, err := h.store.CreateArticle(c.Request().Context(), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toArticle(a, h.store.Scale()))
}

// createFromForm stores an article built by any of the new-article forms.
// Problems come back on the home page with the user's input; a duplicate
// upload turns into the paste form, filled in, since a browser cannot
// re-select the file for them.
func (h *Handler) createFromForm(c echo.Context, form views.ArticleForm, in models.ArticleInput) error {
	a, err := h.store.CreateArticle(c.Request().Context(), in)
	var (
		invalid *models.ValidationError
		dup     *models.DuplicateError
	)
	switch {
	case errors.As(err, &invalid), errors.As(err, &dup):
		if form.Mode != views.ModeURL {
			form.Mode = views.ModePaste
			form.Input = in
			form.Input.Title = strings.ToValidUTF8(in.Title, "\uFFFD")
			form.Input.Body = strings.ToValidUTF8(in.Body, "\uFFFD")
		}
		form.Errors, form.Duplicate = invalid, dup
		return h.renderHome(c, http.StatusUnprocessableEntity, form)
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d", a.ID))
}

// importFailed shows why a URL or file could not be imported, on the form
// it came from. Failures on our side still go to the error page.
func (h *Handler) importFailed(c echo.Context, form views.ArticleForm, err error) error {
	e := asAppError(err)
	var ie *intake.Error
	if errors.As(err, &ie) {
		h.log.Info("import refused", "detail", ie.Detail())
	} else if e.Status >= 500 {
		return err
	}
	form.ImportError = e.Message
	return h.renderHome(c, http.StatusUnprocessableEntity, form)
}

// readFile reads an uploaded file within an import slot.
func (h *Handler) readFile(c echo.Context, name string, data []byte) (intake.Document, error) {
	release, err := h.importSlot(c)
	if err != nil {
		return intake.Document{}, err
	}
	defer release()
	return intake.ReadFile(name, data)
}

// readUpload returns the uploaded file named "file".
func readUpload(c echo.Context) (string, []byte, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		if errors.Is(err, http.ErrMissingFile) {
			return "", nil, &intake.Error{Kind: intake.KindEmpty, Msg: "Choose a file to upload (.txt, .md, .html or .docx)."}
		}
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return "", nil, err // the request was too large
		}
		return "", nil, apperr.Wrap(err, http.StatusBadRequest, "could not read the upload")
	}
	if fh.Size > intake.MaxFileBytes {
		return "", nil, &intake.Error{Kind: intake.KindTooLarge, Msg: fmt.Sprintf("The file is larger than %d MB.", intake.MaxFileBytes>>20)}
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, fmt.Errorf("handlers: open upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, intake.MaxFileBytes+1))
	if err != nil {
		return "", nil, fmt.Errorf("handlers: read upload: %w", err)
	}
	return fh.Filename, data, nil
}
