package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// An editor assigns a whole article to a reviewer with the bulk-assign
// bar; the reviewer, in a browser of their own, sees the work counted in
// the navigation, presses "Take next" for more, lands on the review panel
// of the statement they took, and reviews it.
func TestAssignTakeAndReview(t *testing.T) {
	d, editor := newDesk(t)
	// The reviewer exists before the editor opens the article, so the
	// assign bar offers them.
	rev := d.NewPage("reviewer1", models.Reviewer)
	art := d.App.CreateArticle(t, articleTitle, articleBody)
	pooled := d.App.CreateArticle(t, "Second article for the pool", "The harbour handled 4.1 million containers in 2024, up 12 percent.\n\nIt was a busy year.\n")
	var checkable int
	for _, s := range art.Statements {
		if s.Checkable {
			checkable++
		}
	}
	if checkable == 0 {
		t.Fatal("the article has no checkable statement to assign")
	}
	first := firstCheckable(t, pooled)
	due := time.Now().UTC().AddDate(0, 0, 2)

	// The editor assigns the whole article, urgent, due in two days.
	editor.Open(fmt.Sprintf("/articles/%d", art.ID))
	editor.Do("fill in the assign bar",
		chromedp.Click(chromedp.CSS(`.assign-details > summary`)),
		chromedp.WaitVisible(chromedp.ID("assign-form")),
		chromedp.SetValue(chromedp.ID("assignee"), strconv.FormatUint(uint64(rev.User.ID), 10)),
		chromedp.SetValue(chromedp.ID("due"), due.Format(time.DateOnly)),
		chromedp.SetValue(chromedp.ID("priority"), "urgent"),
	)
	editor.Do("press Assign whole article",
		chromedp.Click(chromedp.CSS(`#assign-form button[name=scope][value=article]`)),
		chromedp.WaitVisible(chromedp.CSS(`#assign-form .alert.ok`)))
	want := fmt.Sprintf("%d statements assigned to reviewer1.", checkable)
	if checkable == 1 {
		want = "1 statement assigned to reviewer1."
	}
	if got := editor.Text("#assign-form .alert.ok"); got != want {
		t.Errorf("after assigning, the bar says %q, want %q", got, want)
	}
	if n := Eval[int](editor, `document.querySelectorAll("#statement-list .assignment .assignee").length`); n != checkable {
		t.Errorf("%d statements in the list show an assignee, want %d", n, checkable)
	}
	editor.Screenshot("article-assigned")

	// The reviewer sees the work counted in the navigation and queued.
	rev.Open("/queue")
	if got := rev.Text("#queue-count"); got != strconv.Itoa(checkable) {
		t.Errorf("queue count in the nav = %q, want %d", got, checkable)
	}
	if got := rev.Text(".account .count.unread"); got != "1" {
		t.Errorf("unread notifications in the nav = %q, want 1", got)
	}
	if n := Eval[int](rev, `document.querySelectorAll("#queue li.urgent").length`); n != checkable {
		t.Errorf("%d urgent items in the queue, want %d", n, checkable)
	}
	rev.Screenshot("queue")

	// Take next claims the first statement of the pool and opens it.
	rev.Do("press Take next",
		chromedp.Click(chromedp.CSS(`form.take-next button`)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#panel .review-panel[data-statement="%d"]`, first.ID))))
	if got, want := rev.Path(), fmt.Sprintf("/articles/%d?s=%d", pooled.ID, first.ID); got != want {
		t.Errorf("after Take next the reviewer is at %q, want %q", got, want)
	}
	if got := rev.Text("#queue-count"); got != strconv.Itoa(checkable+1) {
		t.Errorf("queue count after taking one = %q, want %d", got, checkable+1)
	}

	// Review it: Verified, with a source.
	Eval[int](rev, noReload)
	chooseVerdict(rev, rating.Verified)
	rev.Do("add a source",
		chromedp.SendKeys(chromedp.CSS(`#panel .source-row input[name=source_url]`), "https://www.example.org/harbour-statistics-2024"),
		chromedp.SendKeys(chromedp.CSS(`#panel .source-row input[name=source_title]`), "Harbour statistics 2024"))
	saveAndWait(rev)
	assertNoReload(rev)
	got, err := d.App.Store.StatementByID(context.Background(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != rating.Verified || got.ReviewedByID == nil || *got.ReviewedByID != rev.User.ID ||
		got.AssigneeID == nil || *got.AssigneeID != rev.User.ID || len(got.Sources) != 1 {
		t.Errorf("stored: verdict %s, reviewed by %v, assignee %v, %d sources", got.Verdict, got.ReviewedByID, got.AssigneeID, len(got.Sources))
	}

	// Reviewed, it has left the queue; the first queue item opens its panel.
	rev.Open("/queue")
	if got := rev.Text("#queue-count"); got != strconv.Itoa(checkable) {
		t.Errorf("queue count after reviewing = %q, want %d", got, checkable)
	}
	href := Eval[string](rev, `document.querySelector("#queue li a").getAttribute("href")`)
	if !strings.HasPrefix(href, fmt.Sprintf("/articles/%d?s=", art.ID)) {
		t.Fatalf("first queue item links to %q", href)
	}
	rev.Do("open the first queue item",
		chromedp.Click(chromedp.CSS(`#queue li a`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel .review-panel[data-statement="`+strings.SplitN(href, "?s=", 2)[1]+`"]`)))

	// The notification links to the work; seeing it marks it read.
	rev.Open("/notifications")
	if got := rev.Text("#notifications li.unread a"); !strings.Contains(got, "editor1 assigned you") {
		t.Errorf("notification says %q", got)
	}
	rev.Screenshot("notifications")

	// The editor's team view counts the reviewer's work.
	editor.Open("/team")
	const row = `(() => {
		const tr = [...document.querySelectorAll("#reviewers tbody tr")].find(r => r.textContent.includes("reviewer1"));
		return tr ? [...tr.querySelectorAll("td.num")].map(td => td.textContent.trim()).join(" ") : "";
	})()`
	if got, want := Eval[string](editor, row), fmt.Sprintf("%d 0 0 1", checkable); got != want {
		t.Errorf("team row of reviewer1 (open, due today, overdue, done this week) = %q, want %q", got, want)
	}
	editor.Screenshot("team")

	// Its "open" count leads to the reviewer's statements in the search.
	editor.Do("click reviewer1's open count",
		chromedp.Click(chromedp.CSS(`#reviewers a.count-link`)),
		chromedp.WaitVisible(chromedp.ID("results")))
	if got := Eval[int](editor, `document.querySelectorAll("#results tbody tr").length`); got != checkable {
		t.Errorf("the open count leads to %d statements, want %d", got, checkable)
	}
	editor.Screenshot("search")
}

func firstCheckable(t *testing.T, a *models.Article) *models.Statement {
	t.Helper()
	for i := range a.Statements {
		if a.Statements[i].Checkable {
			return &a.Statements[i]
		}
	}
	t.Fatalf("article %q has no checkable statement", a.Title)
	return nil
}
