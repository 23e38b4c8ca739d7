package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/views"
)

// A statement's discussion: the panel's thread (POST /statements/:id/comments
// answers with the thread) and the same over JSON.

// addComment appends a comment from the panel or from JSON {"body"}.
func (h *Handler) addComment(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b struct {
		Body string `json:"body"`
	}
	if isAPI(c) {
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
	} else {
		b.Body = c.FormValue("body")
	}
	ctx := c.Request().Context()
	cm, err := h.store.AddComment(ctx, id, userID(c), b.Body)
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusCreated, toComment(cm))
	}
	comments, err := h.store.Comments(ctx, id)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.CommentThread(id, comments, true))
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
	return c.JSON(http.StatusOK, toComments(list))
}

// maxMembers is how many people the @mention list offers at once.
const maxMembers = 8

// members offers the desk members whose name starts with ?q=, for the
// comment box's @mention list.
func (h *Handler) members(c echo.Context) error {
	q := c.QueryParam("q")
	if len(q) > 100 {
		q = q[:100]
	}
	list, err := h.store.Members(c.Request().Context(), q, maxMembers)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.MemberOptions(list))
}
