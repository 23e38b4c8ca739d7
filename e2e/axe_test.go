package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// Every page passes axe-core's WCAG 2.2 A and AA rules without a serious
// or critical violation, in light and dark, wide and on a phone.
func TestAxeEveryPage(t *testing.T) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			d, editor := newDesk(t)
			admin := d.NewPage("ada", models.Admin)
			reviewer := d.NewPage("rita", models.Reviewer)
			ctx := context.Background()
			a := demoArticle(t, d)
			st := checkable(a)[1]
			if _, err := d.App.Store.Review(ctx, st.ID, models.ReviewInput{Verdict: rating.Corrected, Version: 1, Correction: "Better.",
				Sources: []models.SourceInput{{URL: "https://example.org/a"}}, UserID: editor.User.ID}); err != nil {
				t.Fatal(err)
			}
			if _, err := d.App.Store.Assign(ctx, models.AssignInput{ArticleID: a.ID, AssigneeID: reviewer.User.ID, ByUserID: editor.User.ID}); err != nil {
				t.Fatal(err)
			}
			gone := d.App.CreateArticle(t, "Deleted story", "In 2023, exports rose by 12 percent to $4bn.\n")
			if err := d.App.Store.DeleteArticle(ctx, gone.ID, editor.User.ID); err != nil {
				t.Fatal(err)
			}
			article := fmt.Sprintf("/articles/%d", a.ID)
			pages := []struct {
				p    *Page
				path string
			}{
				{reviewer, "/"}, {editor, "/"}, {reviewer, article}, {reviewer, fmt.Sprintf("%s?s=%d", article, st.ID)},
				{editor, fmt.Sprintf("%s?s=%d", article, st.ID)}, {editor, article + "/activity"}, {editor, article + "/corrected"},
				{reviewer, "/queue"}, {reviewer, "/pool"}, {reviewer, "/statements?q=missile"}, {editor, "/team"},
				{reviewer, "/reports/team?from=2000-01-01"}, {reviewer, "/notifications"}, {reviewer, "/account"},
				{admin, "/admin/users"}, {admin, "/admin/deleted"}, {admin, fmt.Sprintf("/articles/%d", gone.ID)},
				{reviewer, "/articles/999999"},
			}
			for _, p := range []*Page{reviewer, editor, admin} {
				p.SetScreen(s)
			}
			for _, dark := range []bool{false, true} {
				for _, pg := range pages {
					pg.p.SetDark(dark)
					pg.p.Open(pg.path)
					for _, v := range pg.p.Axe() {
						t.Errorf("%s (dark %v) %s: %s", pg.path, dark, pg.p.Name, v)
					}
					// What a person sees, to look at (e2e/testdata/screenshots).
					scheme := "light"
					if dark {
						scheme = "dark"
					}
					pg.p.ViewportScreenshot(scheme + unsafeName.ReplaceAllString(pg.path, "_"))
				}
			}
			// The sign-in page, signed out.
			anon := d.NewPage("someone", models.Reviewer)
			anon.SetScreen(s)
			anon.Open("/")
			if Eval[bool](anon, `document.querySelector(".menu-toggle").checkVisibility()`) {
				anon.Do("open the menu", chromedp.Click(chromedp.CSS(".menu-toggle")))
			}
			anon.Do("sign out", chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("password")))
			for _, dark := range []bool{false, true} {
				anon.SetDark(dark)
				anon.Open("/login")
				for _, v := range anon.Axe() {
					t.Errorf("/login (dark %v): %s", dark, v)
				}
			}
		})
	}
}
