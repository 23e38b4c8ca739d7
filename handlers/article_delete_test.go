package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

// Deleting an article takes it out of every page and list for everyone;
// an admin sees it in Deleted, with the way back, and restores it whole.
func TestDeleteAndRestoreArticle(t *testing.T) {
	admin := newClient(t)
	editor := admin.as(models.Editor)
	reviewer := admin.as(models.Reviewer)
	a := createArticle(t, admin, "Trade talks", tradeArticle)
	other := createArticle(t, admin, "Other news", "In 2023, exports rose by 12 percent to $4bn.\n")
	st := a.Statements[1]
	page := fmt.Sprintf("/articles/%d", a.ID)

	// Editors see the Delete button, reviewers do not.
	wantContains(t, editor.Get(page), fmt.Sprintf(`action="/articles/%d/delete"`, a.ID), "data-confirm=")
	if r := reviewer.Get(page); strings.Contains(r.Body, "/delete") {
		t.Error("a reviewer is offered Delete")
	}

	del := editor.Post(page+"/delete", url.Values{}, false)
	wantStatus(t, del, http.StatusSeeOther)
	if loc := del.Header.Get("Location"); loc != fmt.Sprintf("/?deleted=%d", a.ID) {
		t.Fatalf("after deleting went to %q", loc)
	}
	home := editor.Get(del.Header.Get("Location"))
	wantContains(t, home, "“Trade talks” was deleted", "by an admin", "Other news")
	if strings.Contains(home.Body, `href="`+page+`"`) {
		t.Error("the home page still links to the deleted article")
	}

	// Gone for reviewers and editors, by page, panel and API.
	for _, c := range []*client{reviewer, editor} {
		for _, path := range []string{page, fmt.Sprintf("/statements/%d/panel", st.ID), page + "/activity", page + "/export?format=csv"} {
			if r := c.Get(path); r.Status != http.StatusNotFound {
				t.Errorf("%s GET %s = %d, want 404", c.user.Role, path, r.Status)
			}
		}
		if r := c.API(http.MethodGet, "/api/v1"+page, nil); r.Status != http.StatusNotFound {
			t.Errorf("%s API GET = %d, want 404", c.user.Role, r.Status)
		}
		if r := c.Post(fmt.Sprintf("/statements/%d", st.ID), url.Values{"version": {"1"}, "verdict": {"in_progress"}}, true); r.Status != http.StatusNotFound {
			t.Errorf("%s saving a review = %d, want 404", c.user.Role, r.Status)
		}
		if r := c.Get("/statements?q=Tomahawk"); strings.Contains(r.Body, "supersonic") {
			t.Errorf("%s finds the deleted article's statements in search", c.user.Role)
		}
	}
	list := decode[[]map[string]any](t, reviewer.API(http.MethodGet, "/api/v1/articles", nil))
	if len(list) != 1 || list[0]["id"].(float64) != float64(other.ID) {
		t.Errorf("API list after deletion = %v; want only the other article", list)
	}

	// The admin sees what it was and restores it.
	shown := admin.Get(page)
	wantStatus(t, shown, http.StatusNotFound)
	wantContains(t, shown, "This article was deleted", "Restore the article", fmt.Sprintf(`action="/articles/%d/restore"`, a.ID))
	deleted := admin.Get("/admin/deleted")
	wantContains(t, deleted, "Trade talks", "by Editor ", "Restore")
	api := decode[[]map[string]any](t, admin.API(http.MethodGet, "/api/v1/articles/deleted", nil))
	if len(api) != 1 || api[0]["title"] != "Trade talks" || api[0]["purge_at"] == nil {
		t.Errorf("API deleted list = %v", api)
	}
	restored := admin.Post(page+"/restore", url.Values{}, false)
	wantStatus(t, restored, http.StatusSeeOther)
	wantStatus(t, reviewer.Get(page), http.StatusOK)
	if got := createdStatements(t, reviewer, a.ID); got != len(a.Statements) {
		t.Errorf("restored article has %d statements, want %d", got, len(a.Statements))
	}
	wantContains(t, admin.Get("/admin/deleted"), "No deleted article can be restored")
}

func createdStatements(t *testing.T, c *client, id uint) int {
	t.Helper()
	a := decode[map[string]any](t, c.API(http.MethodGet, fmt.Sprintf("/api/v1/articles/%d", id), nil))
	return len(a["statements"].([]any))
}

// Reviewers are not offered what they may not do: no new-article form.
func TestHomeIsRoleAppropriate(t *testing.T) {
	admin := newClient(t)
	reviewer := admin.as(models.Reviewer)
	editor := admin.as(models.Editor)
	if r := reviewer.Get("/"); strings.Contains(r.Body, `id="new-article"`) || strings.Contains(r.Body, `action="/demo"`) {
		t.Error("a reviewer is offered the new-article form")
	}
	wantContains(t, editor.Get("/"), `id="new-article"`, `action="/articles/import"`)
	if r := editor.Get("/"); strings.Contains(r.Body, "/admin/deleted") {
		t.Error("an editor is offered the admins' Deleted list")
	}
	wantContains(t, admin.Get("/"), `href="/admin/deleted"`)
}

// Comments tell the statement's people; @mentions tell the one named,
// and the comment box offers members to mention.
func TestCommentNotifiesAndMentions(t *testing.T) {
	admin := newClient(t)
	rev := admin.as(models.Reviewer)
	ed := admin.as(models.Editor)
	a := createArticle(t, admin, "Trade talks", tradeArticle)
	st := a.Statements[1]
	r := rev.Post(fmt.Sprintf("/statements/%d", st.ID), url.Values{"version": {"1"}, "verdict": {"verified"}, "source_url": {"https://example.org/a"}}, true)
	wantStatus(t, r, http.StatusOK)

	r = ed.Post(fmt.Sprintf("/statements/%d/comments", st.ID), url.Values{"body": {"Is the figure right? @" + admin.user.Name + " please look."}}, true)
	wantStatus(t, r, http.StatusOK)
	wantContains(t, rev.Get("/notifications"), ed.user.Name+" commented on a statement of yours in “Trade talks”.")
	wantContains(t, admin.Get("/notifications"), ed.user.Name+" mentioned you in a comment in “Trade talks”.")
	if r := ed.Get("/notifications"); strings.Contains(r.Body, "commented") {
		t.Error("the commenter is told of their own comment")
	}

	opts := rev.Get("/members?q=" + url.QueryEscape(strings.Fields(ed.user.Name)[0][:3]))
	wantStatus(t, opts, http.StatusOK)
	wantContains(t, opts, `role="listbox"`, `data-mention="`+ed.user.Name+`"`)
	wantContains(t, rev.Get(fmt.Sprintf("/statements/%d/panel", st.ID)), "data-mentions")
}

// The activity feed says to whom work was assigned and by when.
func TestActivityNamesAssignee(t *testing.T) {
	admin := newClient(t)
	rev := admin.as(models.Reviewer)
	a := createArticle(t, admin, "Trade talks", tradeArticle)
	r := admin.API(http.MethodPost, "/api/v1/assignments", map[string]any{
		"statement_ids": []uint{a.Statements[1].ID}, "assignee_id": rev.user.ID, "due_at": "2025-10-21", "priority": "urgent"})
	wantStatus(t, r, http.StatusOK)
	act := admin.Get(fmt.Sprintf("/articles/%d/activity", a.ID))
	wantContains(t, act, "Assigned", "to "+rev.user.Name+", due 21 Oct 2025, urgent", "statement 2")
	hist := admin.Get(fmt.Sprintf("/statements/%d/history", a.Statements[1].ID))
	wantContains(t, hist, "to "+rev.user.Name+", due 21 Oct 2025")
}
