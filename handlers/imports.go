package handlers

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// importURL fetches a web page and loads its main text as an article.
func (h *Handler) importURL(c echo.Context) error {
	form := views.ArticleForm{Mode: views.ModeURL, ImportURL: strings.TrimSpace(c.FormValue("import_url")), ImportTitle: c.FormValue("import_title")}
	doc, err := h.fetcher.Fetch(c.Request().Context(), form.ImportURL)
	if err != nil {
		return h.importFailed(c, form, err)
	}
	in := models.InputFromDocument(doc, form.ImportTitle)
	in.Force = c.FormValue("force") == "true"
	return h.createFromForm(c, form, in)
}

// uploadArticle reads an uploaded file and loads its text as an article.
func (h *Handler) uploadArticle(c echo.Context) error {
	form := views.ArticleForm{Mode: views.ModeFile, ImportTitle: c.FormValue("import_title")}
	name, data, err := readUpload(c)
	if err != nil {
		return h.importFailed(c, form, err)
	}
	doc, err := intake.ReadFile(name, data)
	if err != nil {
		return h.importFailed(c, form, err)
	}
	in := models.InputFromDocument(doc, form.ImportTitle)
	in.Force = c.FormValue("force") == "true"
	return h.createFromForm(c, form, in)
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

// importFailed shows why a URL or file could not be imported.
func (h *Handler) importFailed(c echo.Context, form views.ArticleForm, err error) error {
	var ie *intake.Error
	if !errors.As(err, &ie) {
		var he *echo.HTTPError
		if errors.As(err, &he) && he.Code != http.StatusRequestEntityTooLarge {
			return err
		}
	}
	if ie != nil {
		h.log.Info("import refused", "detail", ie.Detail())
	}
	form.ImportError = importMessage(err)
	return h.renderHome(c, http.StatusUnprocessableEntity, form)
}

func importMessage(err error) string {
	var ie *intake.Error
	if errors.As(err, &ie) {
		return ie.Error()
	}
	_, msg := classify(err)
	return msg
}

// readUpload returns the uploaded file named "file".
func readUpload(c echo.Context) (string, []byte, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		if errors.Is(err, http.ErrMissingFile) {
			return "", nil, &intake.Error{Kind: intake.KindEmpty, Msg: "Choose a file to upload (.txt, .md, .html or .docx)."}
		}
		return "", nil, echo.NewHTTPError(http.StatusBadRequest, "could not read the upload")
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
