package handlers_test

import (
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

var (
	linkNext = regexp.MustCompile(`^<(/api/v1/queue\?after=[0-9.]+&limit=(\d+))>; rel="next"$`)
	pageNext = regexp.MustCompile(`href="(/queue\?after=[^"]+)" rel="next"`)
)

// My queue comes 50 at a time: the API's array with a Link header to the
// next page (as a statement's history does), the page with a Next link;
// the nav counts the whole queue on every page.
func TestQueuePaged(t *testing.T) {
	editor := newClient(t)
	rev := editor.as(models.Reviewer)
	var all []uint
	for _, a := range []*models.Article{workArticle(t, editor, 30), workArticle(t, editor, 30)} {
		all = append(all, idList(a.Statements...)...)
	}
	if _, err := editor.store.Assign(t.Context(), models.AssignInput{StatementIDs: all, AssigneeID: rev.user.ID, ByUserID: editor.user.ID}); err != nil {
		t.Fatal(err)
	}
	whole := decode[[]workItem](t, rev.API(http.MethodGet, "/api/v1/queue?limit=500", nil))
	if len(whole) != 60 {
		t.Fatalf("a page of 500 holds %d statements, want 60", len(whole))
	}
	want := make([]uint, len(whole))
	for i, it := range whole {
		want[i] = it.ID
	}

	t.Run("api", func(t *testing.T) {
		for _, tc := range []struct {
			query string
			sizes []int
		}{
			{"", []int{50, 10}},
			{"?limit=25", []int{25, 25, 10}},
			{"?limit=60", []int{60}},
			{"?after=not-a-cursor", []int{50, 10}}, // the top
		} {
			var got []uint
			var sizes []int
			path := "/api/v1/queue" + tc.query
			for path != "" {
				r := rev.API(http.MethodGet, path, nil)
				wantStatus(t, r, http.StatusOK)
				items := decode[[]workItem](t, r)
				sizes = append(sizes, len(items))
				for _, it := range items {
					got = append(got, it.ID)
				}
				path = ""
				if link := r.Header.Get("Link"); link != "" {
					m := linkNext.FindStringSubmatch(link)
					if m == nil {
						t.Fatalf("%s: Link %q", tc.query, link)
					}
					path = m[1]
				}
				if len(sizes) > 5 {
					t.Fatalf("%s: still paging: %v", tc.query, sizes)
				}
			}
			if !slices.Equal(sizes, tc.sizes) || !slices.Equal(got, want) {
				t.Errorf("%s: pages of %v = %v, want pages of %v = %v", tc.query, sizes, got, tc.sizes, want)
			}
		}
		for _, bad := range []string{"0", "501", "ten"} {
			r := rev.API(http.MethodGet, "/api/v1/queue?limit="+bad, nil)
			wantStatus(t, r, http.StatusBadRequest)
			wantContains(t, r, "limit must be a number from 1 to 500.")
		}
	})

	t.Run("page", func(t *testing.T) {
		first := rev.Get("/queue")
		wantStatus(t, first, http.StatusOK)
		wantContains(t, first, `<span class="count" id="queue-count">60</span>`)
		if n := strings.Count(first.Body, `<div class="item-head">`); n != 50 {
			t.Fatalf("the first page lists %d statements, want 50", n)
		}
		m := pageNext.FindStringSubmatch(first.Body)
		if m == nil || strings.Contains(first.Body, `rel="first"`) {
			t.Fatalf("the first page's pager:\n%.3000s", first.Body[strings.Index(first.Body, `id="queue"`):])
		}
		second := rev.Get(html.UnescapeString(m[1]))
		wantStatus(t, second, http.StatusOK)
		wantContains(t, second, `<span class="count" id="queue-count">60</span>`, `href="/queue" rel="first"`)
		if n := strings.Count(second.Body, `<div class="item-head">`); n != 10 || pageNext.MatchString(second.Body) {
			t.Errorf("the second page lists %d statements (want 10), next link %v", n, pageNext.FindString(second.Body))
		}
		// A cursor past the end (its statements reviewed meanwhile) says
		// so and leads back to the top.
		past := rev.Get("/queue?after=7.9000000000000000000.9000000000000000000.1000000")
		wantStatus(t, past, http.StatusOK)
		wantContains(t, past, "No more statements after this point.", `href="/queue" rel="first"`)
	})
}
