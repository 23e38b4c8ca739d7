package handlers

import "github.com/labstack/echo/v4"

// teamRoutes registers the pages of assignments, queues, the team view,
// search and notifications.
func (h *Handler) teamRoutes(e *echo.Echo) {}

// teamAPIRoutes registers the API of assignments and queues.
func (h *Handler) teamAPIRoutes(g *echo.Group) {}
