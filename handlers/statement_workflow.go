package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// The review workflow: approve or return a review, publish or take down
// a check (POST /statements/:id/{approve,return,publish,unpublish}, the
// same under /api/v1), and the editors' queue of reviews awaiting
// approval.

// stepBody is what an editor sends with a step.
type stepBody struct {
	Version int    `json:"version"`
	Reason  string `json:"reason"`
}

// stepFunc is one step of the store: Approve, Return, Publish, Unpublish.
type stepFunc func(s *models.Store, ctx context.Context, id uint, step models.Step) (*models.Statement, error)

// workflowStep answers a step: the statement as JSON, or the panel with
// the statement's highlight and list item out of band. A refused step
// brings the panel back with the reason (422, 409); the API answers with
// the status and what is wrong.
func (h *Handler) workflowStep(run stepFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		var body stepBody
		if isAPI(c) {
			if err := decodeJSON(c, &body); err != nil {
				return err
			}
		} else {
			body.Version, _ = strconv.Atoi(c.FormValue("version"))
			body.Reason = c.FormValue("reason")
		}
		settings := h.store.Settings()
		st, err := run(h.store, c.Request().Context(), id, models.Step{
			Version: body.Version, By: currentUser(c), Reason: body.Reason, Announce: announceStatement,
			Check: func(pc *models.PublishedCheck) error { return export.CheckPublishable(*pc, settings) },
		})
		if isAPI(c) {
			if err != nil {
				return err
			}
			return c.JSON(http.StatusOK, toStatement(st))
		}
		if e := apperr.From(err); err != nil && (e.Status == http.StatusUnprocessableEntity || e.Status == http.StatusConflict) {
			current, rerr := h.store.StatementByID(c.Request().Context(), id)
			if rerr != nil {
				return rerr
			}
			f := views.NewReviewForm(current)
			f.StepError = e.Message
			var invalid *models.ValidationError
			if errors.As(err, &invalid) {
				f.StepError = invalid.Error()
			}
			return h.renderPanel(c, e.Status, f)
		} else if err != nil {
			return err
		}
		if !isHTMX(c) {
			return redirect(c, fmt.Sprintf("/articles/%d?s=%d", st.ArticleID, st.ID))
		}
		return h.renderSaved(c, st, nil)
	}
}

// announceStatement is what a webhook is told of a statement: the API's
// statement JSON.
func announceStatement(st *models.Statement) ([]byte, error) { return json.Marshal(toStatement(st)) }

// approvalsPage lists the reviews waiting for a second person, or
// returns them as JSON.
func (h *Handler) approvalsPage(c echo.Context) error {
	now := h.clock()
	items, err := h.store.AwaitingApproval(c.Request().Context(), 200)
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toWorkItems(items, h.store.Scale(), now))
	}
	return render(c, http.StatusOK, views.ApprovalsPage(h.page(c, "Awaiting approval"), views.ApprovalsView{Items: items, Me: userID(c)}))
}
