package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// Desk members, for admins: the Users page and the same over JSON.

// usersPage lists every member, or returns them as JSON.
func (h *Handler) usersPage(c echo.Context) error {
	if isAPI(c) {
		users, err := h.store.Users(c.Request().Context())
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, toUsers(users))
	}
	return h.renderUsers(c, http.StatusOK, views.UserForm{})
}

func (h *Handler) renderUsers(c echo.Context, status int, f views.UserForm) error {
	users, err := h.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	return render(c, status, views.UsersPage(h.page(c, "Users"), users, f))
}

// createUser adds a member from the Users page or from JSON.
func (h *Handler) createUser(c echo.Context) error {
	var in models.UserInput
	if isAPI(c) {
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
	} else {
		in = models.UserInput{Email: c.FormValue("email"), Name: c.FormValue("name"), Role: models.Role(c.FormValue("role")), Password: c.FormValue("password")}
	}
	u, err := h.store.CreateUser(c.Request().Context(), in)
	if isAPI(c) {
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, toUser(u))
	}
	var invalid *models.ValidationError
	switch {
	case errors.As(err, &invalid):
		in.Password = ""
		return h.renderUsers(c, http.StatusUnprocessableEntity, views.UserForm{Input: in, Errors: invalid})
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

// updateUser changes a member's role or active state, from the Users page
// (POST) or from JSON (PATCH).
func (h *Handler) updateUser(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var ch models.UserChange
	if isAPI(c) {
		if err := decodeJSON(c, &ch); err != nil {
			return err
		}
	} else {
		if r := c.FormValue("role"); r != "" {
			role := models.Role(r)
			ch.Role = &role
		}
		if a := c.FormValue("active"); a != "" {
			active := a == "true"
			ch.Active = &active
		}
	}
	u, err := h.store.UpdateUser(c.Request().Context(), id, ch)
	if isAPI(c) {
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, toUser(u))
	}
	var invalid *models.ValidationError
	switch {
	case errors.As(err, &invalid):
		return h.renderUsers(c, http.StatusUnprocessableEntity, views.UserForm{Errors: invalid})
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

// apiMe is the user the token belongs to.
func (h *Handler) apiMe(c echo.Context) error {
	u := currentUser(c)
	if u == nil {
		return apperr.New(http.StatusUnauthorized, "Send an API token: Authorization: Bearer <token>.")
	}
	return c.JSON(http.StatusOK, toUser(u))
}
