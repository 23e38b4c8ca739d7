package models_test

import (
	"slices"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

func TestSearchStatements(t *testing.T) {
	tm := newTeam(t)
	a := tm.article(4, 4)
	b := tm.article(3)
	now := tm.now
	tomorrowEarly := models.StartOfDay(now).Add(24*time.Hour + time.Hour)
	laterToday := now.Add(time.Minute)
	if laterToday.After(models.StartOfDay(now).Add(24 * time.Hour)) {
		t.Skip("too close to midnight UTC for a 'due today' case")
	}
	yesterday := now.Add(-24 * time.Hour)
	db := tm.store.DB()
	// Text with LIKE wildcards and another case.
	db.Model(&models.Statement{}).Where("id = ?", b[0].ID).Updates(map[string]any{"text": "Growth was 100% in Q_3, said the MINISTER.", "type": "attribution"})
	db.Model(&models.Statement{}).Where("id = ?", b[1].ID).Updates(map[string]any{"text": "Growth was 100 percent in Q13.", "type": "quantity"})
	db.Model(&models.Statement{}).Where("id = ?", b[2].ID).Update("type", "event")
	tm.assign(models.AssignInput{StatementIDs: ids(a[0]), AssigneeID: tm.r1.ID, DueAt: &yesterday})
	tm.assign(models.AssignInput{StatementIDs: ids(a[1]), AssigneeID: tm.r1.ID, DueAt: &laterToday})
	tm.assign(models.AssignInput{StatementIDs: ids(a[2]), AssigneeID: tm.r2.ID, DueAt: &tomorrowEarly})
	tm.assign(models.AssignInput{StatementIDs: ids(b[2]), AssigneeID: tm.r2.ID, DueAt: &yesterday})
	tm.review(b[2].ID, tm.r2.ID) // reviewed: no longer overdue
	weekStart := models.WeekStart(now)

	yes, no := true, false
	tests := []struct {
		name string
		f    models.StatementFilter
		want []models.Statement
	}{
		{"everything, newest article first", models.StatementFilter{}, []models.Statement{b[0], b[1], b[2], a[0], a[1], a[2], a[3]}},
		{"text, any case", models.StatementFilter{Text: "minister"}, []models.Statement{b[0]}},
		{"percent sign is literal", models.StatementFilter{Text: "100%"}, []models.Statement{b[0]}},
		{"underscore is literal", models.StatementFilter{Text: "q_3"}, []models.Statement{b[0]}},
		{"article", models.StatementFilter{ArticleID: a[0].ArticleID}, a},
		{"verdict", models.StatementFilter{Verdict: rating.Verified}, []models.Statement{b[2]}},
		{"open", models.StatementFilter{Status: models.StatusOpen, ArticleID: b[0].ArticleID}, b[:2]},
		{"done", models.StatementFilter{Status: models.StatusDone}, []models.Statement{b[2]}},
		{"assignee", models.StatementFilter{AssigneeID: tm.r1.ID}, a[:2]},
		{"unassigned", models.StatementFilter{Unassigned: true}, []models.Statement{b[0], b[1], a[3]}},
		{"overdue", models.StatementFilter{Due: models.DueOverdue, Now: now}, []models.Statement{a[0]}},
		{"due today", models.StatementFilter{Due: models.DueToday, Now: now}, []models.Statement{a[1]}},
		{"no due date", models.StatementFilter{Due: models.DueNone, Now: now}, []models.Statement{b[0], b[1], a[3]}},
		{"checkable", models.StatementFilter{Checkable: &no}, []models.Statement{a[3]}},
		{"checkable and assigned", models.StatementFilter{Checkable: &yes, AssigneeID: tm.r2.ID}, []models.Statement{b[2], a[2]}},
		{"type", models.StatementFilter{Type: "quantity", ArticleID: b[0].ArticleID}, []models.Statement{b[1]}},
		{"reviewed by, this week", models.StatementFilter{ReviewedByID: tm.r2.ID, ReviewedSince: &weekStart}, []models.Statement{b[2]}},
		{"nothing", models.StatementFilter{Text: "no such words"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := tm.store.SearchStatements(t.Context(), tt.f, models.StatementCursor{}, 1, 50)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rowIDs(page.Items), ids(tt.want...); !slices.Equal(got, want) || page.Total != int64(len(want)) {
				t.Fatalf("found %v (total %d), want %v", got, page.Total, want)
			}
		})
	}
	// Pages.
	p2, err := tm.store.SearchStatements(t.Context(), models.StatementFilter{}, models.StatementCursor{}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowIDs(p2.Items), ids(a[0], a[1], a[2]); !slices.Equal(got, want) || p2.Total != 7 || p2.Pages() != 3 {
		t.Fatalf("page 2 of 3 = %v (total %d, %d pages), want %v", got, p2.Total, p2.Pages(), want)
	}
	if p2.Items[0].Assignee == nil || p2.Items[0].Assignee.Name != "rita" || p2.Items[0].ArticleTitle != "Article 1" {
		t.Errorf("row = %+v", p2.Items[0])
	}
	types, err := tm.store.StatementTypes(t.Context())
	if err != nil || !slices.Contains(types, "quantity") || !slices.Contains(types, "attribution") {
		t.Errorf("types = %v, %v", types, err)
	}
}

// TestSearchWordsWhateverTheCount pins that a text search matches words
// at their start however many statements match: few (read through the
// full-text index and sorted) or so many that they are not counted (one
// word in every statement: read in the list's order, see commonWord),
// where a substring must not slip in.
func TestSearchWordsWhateverTheCount(t *testing.T) {
	tm := newTeam(t)
	// 2,400 statements say "bridge": more than twice what the count
	// reaches, so common that the search does not count them.
	var all []models.Statement
	for range 8 {
		all = append(all, tm.article(300)...)
	}
	db := tm.store.DB()
	newest := all[len(all)-300:]
	texts := map[uint]string{
		newest[0].ID: "The footbridge of 2024 was cheap.", // "bridge" inside a word
		newest[1].ID: "Unemployment fell, says the bridge report.",
		newest[2].ID: "Employment rose, says the bridge report.",
	}
	for id, text := range texts {
		if err := db.Model(&models.Statement{}).Where("id = ?", id).Update("text", text).Error; err != nil {
			t.Fatal(err)
		}
	}
	// The newest article's statements say nothing of the cost, which the
	// 2,100 before them do.
	if err := db.Exec("UPDATE statements SET text = REPLACE(text, ' cost ', ' was worth ') WHERE article_id = ?", newest[0].ArticleID).Error; err != nil {
		t.Fatal(err)
	}
	if db.Dialector.Name() == "postgres" {
		if err := db.Exec("ANALYZE statements").Error; err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		q      string
		capped bool
		want   []models.Statement // the first page
	}{
		{"employ", false, newest[2:3]},
		{"BRIDGE", true, newest[1:26]},
		{"bridge report", false, newest[1:3]},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			page, err := tm.store.SearchStatements(t.Context(), models.StatementFilter{Text: tt.q}, models.StatementCursor{}, 1, 25)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rowIDs(page.Items), ids(tt.want...); !slices.Equal(got, want) {
				t.Fatalf("found %v, want %v", got, want)
			}
			if page.TotalCapped != tt.capped || (!tt.capped && page.Total != int64(len(tt.want))) {
				t.Fatalf("total %d (capped %v), want %d (capped %v)", page.Total, page.TotalCapped, len(tt.want), tt.capped)
			}
			if !tt.capped {
				return
			}
			// The next page follows on in the list's order.
			next, err := tm.store.SearchStatements(t.Context(), models.StatementFilter{Text: tt.q}, page.Next, 0, 25)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rowIDs(next.Items), ids(newest[26:51]...); !slices.Equal(got, want) {
				t.Fatalf("next page %v, want %v", got, want)
			}
			// So does page 2 by number.
			p2, err := tm.store.SearchStatements(t.Context(), models.StatementFilter{Text: tt.q}, models.StatementCursor{}, 2, 25)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rowIDs(p2.Items), ids(newest[26:51]...); !slices.Equal(got, want) || !p2.TotalCapped {
				t.Fatalf("page 2 %v (capped %v), want %v", got, p2.TotalCapped, want)
			}
		})
	}
	// A word common on the desk but not in its newest statements: reading
	// in order gives up within its budget, and the search counts instead.
	t.Run("cost, a page of one", func(t *testing.T) {
		page, err := tm.store.SearchStatements(t.Context(), models.StatementFilter{Text: "cost"}, models.StatementCursor{}, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		before := all[len(all)-600]
		if got := rowIDs(page.Items); !slices.Equal(got, []uint{before.ID}) || !page.TotalCapped {
			t.Fatalf("found %v (capped %v), want [%d] of the article before the newest", got, page.TotalCapped, before.ID)
		}
	})
}
