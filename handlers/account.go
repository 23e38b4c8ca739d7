package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

func (h *Handler) accountPage(c echo.Context) error {
	return h.renderAccount(c, http.StatusOK, views.AccountView{})
}

func (h *Handler) renderAccount(c echo.Context, status int, v views.AccountView) error {
	tokens, err := h.store.Tokens(c.Request().Context(), userID(c))
	if err != nil {
		return err
	}
	v.Tokens = tokens
	return render(c, status, views.AccountPage(h.page(c, "Your account"), v))
}

func (h *Handler) changePassword(c echo.Context) error {
	var keep string
	if ck, err := c.Cookie(sessionCookie); err == nil {
		keep = ck.Value
	}
	err := h.store.ChangePassword(c.Request().Context(), userID(c), c.FormValue("current"), c.FormValue("password"), keep)
	var invalid *models.ValidationError
	if errors.As(err, &invalid) {
		return h.renderAccount(c, http.StatusUnprocessableEntity, views.AccountView{Errors: invalid})
	}
	if err != nil {
		return err
	}
	return h.renderAccount(c, http.StatusOK, views.AccountView{Message: "Your password is changed. Other browsers signed in as you were signed out."})
}

func (h *Handler) createToken(c echo.Context) error {
	token, _, err := h.store.CreateToken(c.Request().Context(), userID(c), c.FormValue("name"))
	var invalid *models.ValidationError
	if errors.As(err, &invalid) {
		return h.renderAccount(c, http.StatusUnprocessableEntity, views.AccountView{Errors: invalid})
	}
	if err != nil {
		return err
	}
	return h.renderAccount(c, http.StatusOK, views.AccountView{NewToken: token})
}

func (h *Handler) revokeToken(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.RevokeToken(c.Request().Context(), userID(c), id); err != nil {
		return err
	}
	return h.renderAccount(c, http.StatusOK, views.AccountView{Message: "The token is revoked."})
}

func (h *Handler) usersPage(c echo.Context) error {
	return h.renderUsers(c, http.StatusOK, views.UserForm{})
}

func (h *Handler) renderUsers(c echo.Context, status int, f views.UserForm) error {
	users, err := h.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	return render(c, status, views.UsersPage(h.page(c, "Users"), users, f))
}

func (h *Handler) createUser(c echo.Context) error {
	in := models.UserInput{Email: c.FormValue("email"), Name: c.FormValue("name"), Role: models.Role(c.FormValue("role")), Password: c.FormValue("password")}
	_, err := h.store.CreateUser(c.Request().Context(), in)
	var invalid *models.ValidationError
	if errors.As(err, &invalid) {
		in.Password = ""
		return h.renderUsers(c, http.StatusUnprocessableEntity, views.UserForm{Input: in, Errors: invalid})
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

func (h *Handler) updateUser(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var ch models.UserChange
	if r := c.FormValue("role"); r != "" {
		role := models.Role(r)
		ch.Role = &role
	}
	if a := c.FormValue("active"); a != "" {
		active := a == "true"
		ch.Active = &active
	}
	_, err = h.store.UpdateUser(c.Request().Context(), id, ch)
	var invalid *models.ValidationError
	if errors.As(err, &invalid) {
		return h.renderUsers(c, http.StatusUnprocessableEntity, views.UserForm{Errors: invalid})
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

// userJSON is a user as the API shows it.
func (h *Handler) apiUsers(c echo.Context) error {
	users, err := h.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, users)
}

func (h *Handler) apiCreateUser(c echo.Context) error {
	var in models.UserInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	u, err := h.store.CreateUser(c.Request().Context(), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, u)
}

func (h *Handler) apiUpdateUser(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var ch models.UserChange
	if err := decodeJSON(c, &ch); err != nil {
		return err
	}
	u, err := h.store.UpdateUser(c.Request().Context(), id, ch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

// apiMe is the user the token belongs to.
func (h *Handler) apiMe(c echo.Context) error {
	u := currentUser(c)
	if u == nil {
		return echo.NewHTTPError(http.StatusUnauthorized, "Send an API token: Authorization: Bearer <token>.")
	}
	return c.JSON(http.StatusOK, u)
}
