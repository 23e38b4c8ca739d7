package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// statementMatches shows earlier reviews of the same claim in other
// articles. (Filled in by the claim-matching index.)
func (h *Handler) statementMatches(c echo.Context) error {
	return c.NoContent(http.StatusOK)
}

func (h *Handler) apiMatches(c echo.Context) error {
	return c.JSON(http.StatusOK, []any{})
}
