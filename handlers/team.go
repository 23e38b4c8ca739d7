package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// The editors' team view and everyone's notifications.

// notificationLimit is how many notifications the list shows.
const notificationLimit = 100

func (h *Handler) teamPage(c echo.Context) error {
	after := models.ParseArticleCursor(c.QueryParam("after"))
	team, err := h.store.TeamStats(c.Request().Context(), h.clock(), after)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.TeamOverviewPage(h.page(c, "Team"), views.TeamView{Team: team, First: after.IsZero()}))
}

// notificationsPage lists the user's notifications and marks them read;
// the list still shows which ones were new. The API lists them and leaves
// them unread.
func (h *Handler) notificationsPage(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := h.store.Notifications(ctx, userID(c), notificationLimit)
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toNotifications(list))
	}
	if err := h.store.MarkNotificationsRead(ctx, userID(c)); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.NotificationsPage(h.page(c, "Notifications"), views.NotificationsView{Items: list}))
}
