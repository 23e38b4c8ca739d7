package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// A statement's sources: a new row for the panel's form, and the API that
// adds, edits, removes and reorders them one at a time. Every change
// carries the statement version it is based on.

// sourceRowFrom answers "add a source": an empty row, or a copy of a
// source already used in the article (?from=ID).
func (h *Handler) sourceRowFrom(c echo.Context) error {
	in := models.SourceInput{}
	if from, err := strconv.ParseUint(c.QueryParam("from"), 10, 32); err == nil && from > 0 {
		src, err := h.store.SourceByID(c.Request().Context(), uint(from))
		if err != nil {
			return err
		}
		in = models.InputOf(*src)
		in.AccessedAt = ""
	}
	return render(c, http.StatusOK, views.SourceRow(in))
}

func (h *Handler) apiSources(c echo.Context) error {
	st, err := h.statementParam(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toSources(st.Sources))
}

// sourceRequest is a source with the statement version the change is
// based on.
type sourceRequest struct {
	models.SourceInput
	Version int `json:"version"`
}

func (h *Handler) apiAddSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b sourceRequest
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	st, err := h.store.AddSource(c.Request().Context(), id, b.Version, b.SourceInput, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toStatement(st))
}

// sourceParams reads the statement and source ids of a source route.
func sourceParams(c echo.Context) (uint, uint, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return 0, 0, err
	}
	sid, err := idParam(c, "sid")
	return id, sid, err
}

func (h *Handler) apiUpdateSource(c echo.Context) error {
	id, sid, err := sourceParams(c)
	if err != nil {
		return err
	}
	// PATCH changes only the fields it names.
	var b struct {
		URL        *string `json:"url"`
		Title      *string `json:"title"`
		Publisher  *string `json:"publisher"`
		Quote      *string `json:"quote"`
		AccessedAt *string `json:"accessed_at"`
		Version    int     `json:"version"`
	}
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	src, err := h.store.SourceByID(c.Request().Context(), sid)
	if err != nil || src.StatementID != id {
		return apperr.New(http.StatusNotFound, "That statement has no such source.")
	}
	in := models.InputOf(*src)
	for _, f := range []struct{ from, to *string }{
		{b.URL, &in.URL}, {b.Title, &in.Title}, {b.Publisher, &in.Publisher}, {b.Quote, &in.Quote}, {b.AccessedAt, &in.AccessedAt},
	} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	st, err := h.store.UpdateSource(c.Request().Context(), id, sid, b.Version, in, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatement(st))
}

func (h *Handler) apiDeleteSource(c echo.Context) error {
	id, sid, err := sourceParams(c)
	if err != nil {
		return err
	}
	var b struct {
		Version int `json:"version"`
	}
	// DELETE carries the version as ?version= or in a JSON body.
	if c.Request().ContentLength > 0 {
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
	} else if err := echo.QueryParamsBinder(c).Int("version", &b.Version).BindError(); err != nil {
		return apperr.Wrap(err, http.StatusBadRequest, "version must be a number")
	}
	st, err := h.store.DeleteSource(c.Request().Context(), id, sid, b.Version, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatement(st))
}

func (h *Handler) apiReorderSources(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b struct {
		IDs     []uint `json:"ids"`
		Version int    `json:"version"`
	}
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	st, err := h.store.ReorderSources(c.Request().Context(), id, b.Version, b.IDs, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatement(st))
}
