package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
)

// The review desk over JSON: sources, comments, history and the editor's
// fixes. Every write carries the statement version it is based on and
// answers 409, changing nothing, when that version is stale.

func (h *Handler) apiStatement(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	st, err := h.store.StatementByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(st))
}

// sourceBody is a source with the statement version the change is based on.
type sourceBody struct {
	models.SourceInput
	Version int `json:"version"`
}

func (h *Handler) apiSources(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	st, err := h.store.StatementByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(st).Sources)
}

func (h *Handler) apiAddSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b sourceBody
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	st, err := h.store.AddSource(c.Request().Context(), id, b.Version, b.SourceInput, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toStatementJSON(st))
}

func (h *Handler) apiUpdateSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	sid, err := idParam(c, "sid")
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
		return echo.NewHTTPError(http.StatusNotFound, "That statement has no such source.")
	}
	in := models.InputOf(*src)
	for _, f := range []struct {
		from *string
		to   *string
	}{{b.URL, &in.URL}, {b.Title, &in.Title}, {b.Publisher, &in.Publisher}, {b.Quote, &in.Quote}, {b.AccessedAt, &in.AccessedAt}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	st, err := h.store.UpdateSource(c.Request().Context(), id, sid, b.Version, in, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(st))
}

func (h *Handler) apiDeleteSource(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	sid, err := idParam(c, "sid")
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
		return echo.NewHTTPError(http.StatusBadRequest, "version must be a number")
	}
	st, err := h.store.DeleteSource(c.Request().Context(), id, sid, b.Version, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(st))
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
	return c.JSON(http.StatusOK, toStatementJSON(st))
}

func (h *Handler) apiComments(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.StatementByID(c.Request().Context(), id); err != nil {
		return err
	}
	list, err := h.store.Comments(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if list == nil {
		list = []models.Comment{}
	}
	return c.JSON(http.StatusOK, list)
}

func (h *Handler) apiAddComment(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b struct {
		Body string `json:"body"`
	}
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	cm, err := h.store.AddComment(c.Request().Context(), id, userID(c), b.Body)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cm)
}

func (h *Handler) apiHistory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.StatementByID(c.Request().Context(), id); err != nil {
		return err
	}
	events, err := h.store.History(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if events == nil {
		events = []models.Event{}
	}
	return c.JSON(http.StatusOK, events)
}

func (h *Handler) apiActivity(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.ArticleByID(c.Request().Context(), id); err != nil {
		return err
	}
	events, err := h.store.Activity(c.Request().Context(), id, 500)
	if err != nil {
		return err
	}
	if events == nil {
		events = []models.Event{}
	}
	return c.JSON(http.StatusOK, events)
}

// editBody is what the editor's fixes take; each uses its own fields.
type editBody struct {
	Version     int    `json:"version"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	At          int    `json:"at"`
	NextVersion int    `json:"next_version"`
	Reason      string `json:"reason"`
}

// apiEdit decodes an edit and answers with what it returns.
func (h *Handler) apiEdit(c echo.Context, edit func(id uint, b editBody) (any, error)) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b editBody
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	out, err := edit(id, b)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

func (h *Handler) apiBounds(c echo.Context) error {
	return h.apiEdit(c, func(id uint, b editBody) (any, error) {
		st, err := h.store.EditBounds(c.Request().Context(), id, b.Version, b.Start, b.End, userID(c))
		return toStatementJSONOrNil(st), err
	})
}

func (h *Handler) apiSplit(c echo.Context) error {
	return h.apiEdit(c, func(id uint, b editBody) (any, error) {
		first, second, err := h.store.Split(c.Request().Context(), id, b.Version, b.At, userID(c))
		if err != nil {
			return nil, err
		}
		return map[string]any{"statements": []*models.Statement{toStatementJSON(first), toStatementJSON(second)}}, nil
	})
}

func (h *Handler) apiMerge(c echo.Context) error {
	return h.apiEdit(c, func(id uint, b editBody) (any, error) {
		st, err := h.store.Merge(c.Request().Context(), id, b.Version, b.NextVersion, userID(c))
		return toStatementJSONOrNil(st), err
	})
}

func (h *Handler) apiDismiss(c echo.Context) error {
	return h.apiEdit(c, func(id uint, b editBody) (any, error) {
		st, err := h.store.Dismiss(c.Request().Context(), id, b.Version, b.Reason, userID(c))
		return toStatementJSONOrNil(st), err
	})
}

func (h *Handler) apiRestore(c echo.Context) error {
	return h.apiEdit(c, func(id uint, b editBody) (any, error) {
		st, err := h.store.Restore(c.Request().Context(), id, b.Version, userID(c))
		return toStatementJSONOrNil(st), err
	})
}

// apiCreateStatement adds a statement from a selection {"start","end"}.
func (h *Handler) apiCreateStatement(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b editBody
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	st, err := h.store.CreateStatement(c.Request().Context(), id, b.Start, b.End, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toStatementJSON(st))
}

func toStatementJSONOrNil(st *models.Statement) any {
	if st == nil {
		return nil
	}
	return toStatementJSON(st)
}
