package security

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// Finding 7: NUL and control characters were stored in titles, notes,
// comments, source titles and user names, and on PostgreSQL made seven
// endpoints fail with 500, /login among them. One rule now holds for every
// field and parameter: a clear 422, and nothing stored. (Run with
// FACTCHECK_TEST_POSTGRES to check PostgreSQL.)
func TestControlCharacters(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	admin := d.signedIn(models.Admin)
	a := d.anArticle("Clean", article)
	st := a.Statements[1]
	anon := d.browser()
	anon.Get("/login")
	for _, bad := range []string{"\x00", "\x01", "\x1b[31m", "\x7f\x00"} {
		t.Run(fmt.Sprintf("%q", bad), func(t *testing.T) {
			esc := strings.ReplaceAll(fmt.Sprintf("%q", bad), `\x`, `\u00`)
			esc = esc[1 : len(esc)-1]
			tests := []struct {
				name string
				do   func() response
			}{
				{"sign-in email, no session", func() response {
					return anon.Post("/login", url.Values{"email": {"a" + bad + "@example.org"}, "password": {password}}, false)
				}},
				{"search query", func() response { return admin.Get("/statements?q=" + url.QueryEscape("trade"+bad)) }},
				{"API search query", func() response { return admin.API(http.MethodGet, "/api/v1/statements?q="+url.QueryEscape(bad), nil) }},
				{"article title (form)", func() response {
					return admin.Post("/articles", url.Values{"title": {"T" + bad}, "body": {"Some text about 2024."}}, false)
				}},
				{"article title (API)", func() response {
					return admin.API(http.MethodPost, "/api/v1/articles", `{"title":"T`+esc+`","body":"Body text."}`)
				}},
				{"note", func() response {
					return admin.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", st.ID), `{"verdict":"in_progress","note":"n`+esc+`","version":1}`)
				}},
				{"comment", func() response {
					return admin.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/comments", st.ID), `{"body":"c`+esc+`"}`)
				}},
				{"comment (form)", func() response {
					return admin.Post(fmt.Sprintf("/statements/%d/comments", st.ID), url.Values{"body": {"c" + bad}}, false)
				}},
				{"source title", func() response {
					return admin.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/sources", st.ID), `{"url":"https://example.org","title":"s`+esc+`","version":1}`)
				}},
				{"user name", func() response {
					return admin.API(http.MethodPost, "/api/v1/users", `{"email":"n@example.org","name":"N`+esc+`","role":"reviewer","password":"a long password 1"}`)
				}},
				{"token name", func() response { return admin.Post("/account/tokens", url.Values{"name": {"t" + bad}}, false) }},
				{"a parameter's name", func() response { return admin.Get("/statements?" + url.QueryEscape("q"+bad) + "=x") }},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					r := tt.do()
					if r.Status != http.StatusUnprocessableEntity {
						t.Fatalf("status %d, want 422; body:\n%.500s", r.Status, r.Body)
					}
					if !strings.Contains(r.Body, "control character") {
						t.Errorf("the message does not say what is wrong:\n%.500s", r.Body)
					}
				})
			}
		})
	}
	// Nothing was stored.
	got, err := d.store.StatementByID(t.Context(), st.ID)
	if err != nil || got.Version != 1 || len(got.Sources) != 0 {
		t.Fatalf("statement changed: %+v, %v", got, err)
	}
	if c, _ := d.store.Comments(t.Context(), st.ID); len(c) != 0 {
		t.Errorf("%d comments stored", len(c))
	}
	if list, _ := d.store.ArticleList(t.Context(), models.ArticleCursor{}, 50); len(list.Items) != 1 {
		t.Errorf("%d articles stored, want 1", len(list.Items))
	}
	if users, _ := d.store.Users(t.Context()); len(users) != 1 {
		t.Errorf("%d users, want 1", len(users))
	}
	// Tabs and line breaks are text.
	r := admin.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/comments", st.ID), `{"body":"line one\r\n\tline two"}`)
	want(t, r, http.StatusCreated)
}

// The store holds the same rule for callers that are not HTTP (the
// command line, the demo).
func TestStoreTextRule(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	ctx := t.Context()
	if _, err := d.store.CreateArticle(ctx, models.ArticleInput{Title: "T\x00", Body: "Body."}); err == nil {
		t.Error("an article title with NUL was stored")
	}
	if _, err := d.store.CreateUser(ctx, models.UserInput{Email: "x@example.org", Name: "X\x01", Role: models.Reviewer, Password: password}); err == nil {
		t.Error("a user name with a control character was stored")
	}
	a := d.anArticle("T", article)
	if _, err := d.store.AddComment(ctx, a.Statements[0].ID, 0, "a\x00b"); err == nil {
		t.Error("a comment with NUL was stored")
	}
	if _, err := d.store.Dismiss(ctx, a.Statements[0].ID, 1, "why\x02", 0); err == nil {
		t.Error("a dismissal reason with a control character was stored")
	}
}
