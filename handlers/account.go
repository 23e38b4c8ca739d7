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
	keep, _ := c.Get(sessionKey).(string)
	revoke := c.FormValue("revoke_tokens") == "true"
	err := h.store.ChangePassword(c.Request().Context(), userID(c), models.PasswordChange{
		Current: c.FormValue("current"), New: c.FormValue("password"), KeepSession: keep, RevokeTokens: revoke,
	})
	var invalid *models.ValidationError
	if errors.As(err, &invalid) {
		return h.renderAccount(c, http.StatusUnprocessableEntity, views.AccountView{Errors: invalid})
	}
	if err != nil {
		return err
	}
	msg := "Your password is changed. Other browsers signed in as you were signed out."
	if revoke {
		msg += " Your API tokens are revoked."
	}
	return h.renderAccount(c, http.StatusOK, views.AccountView{Message: msg})
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
