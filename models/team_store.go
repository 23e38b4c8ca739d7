package models

import (
	"context"
	"fmt"
	"time"
)

// StartOfDay is midnight UTC of t's day.
func StartOfDay(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// WeekStart is Monday 00:00 UTC of t's ISO week.
func WeekStart(t time.Time) time.Time {
	d := StartOfDay(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// ReviewerLoad is one person's work for the team view.
type ReviewerLoad struct {
	User         User
	Open         int // assigned and not yet reviewed
	DueToday     int // of those, due later today
	Overdue      int // of those, past their due time
	DoneThisWeek int // given a final verdict by them since Monday
}

// ArticleLoad is one article's review progress for the team view.
type ArticleLoad struct {
	ID         uint
	Title      string
	Total      int // to review: checkable or already reviewed
	Reviewed   int
	Assigned   int // open and assigned
	Unassigned int // open, checkable and in the pool
	Overdue    int
}

// Progress is the article's review progress.
func (a ArticleLoad) Progress() Progress { return Progress{Reviewed: a.Reviewed, Total: a.Total} }

// Team is the editors' overview of who has what and how far articles are.
type Team struct {
	Now       time.Time
	WeekStart time.Time
	Reviewers []ReviewerLoad
	Articles  []ArticleLoad // a page of those with work still open, oldest first
	// Next starts the following page of articles; zero on the last.
	Next ArticleCursor
}

// TeamPageSize is how many articles in progress a page of the team view
// shows.
const TeamPageSize = 50

// TeamStats counts, for every active user who may review, their open work
// (due today, overdue) and what they reviewed this ISO week; and for a
// page of the articles with open work, oldest first after the cursor,
// their progress.
func (s *Store) TeamStats(ctx context.Context, now time.Time, after ArticleCursor) (*Team, error) {
	now = now.UTC()
	t := &Team{Now: now, WeekStart: WeekStart(now)}
	users, err := s.Assignees(ctx)
	if err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	openKeys, finalKeys := s.Scale().OpenKeys(), s.Scale().FinalKeys()
	// Each person's counts come through their own index range (open work
	// by assignee, reviews by reviewer), never the whole table.
	type count struct {
		UserID                                  uint
		OpenCount, DueToday, Overdue, DoneCount int
	}
	t.Reviewers = make([]ReviewerLoad, len(users))
	ids := make([]uint, len(users))
	byUser := map[uint]*ReviewerLoad{}
	for i, u := range users {
		t.Reviewers[i] = ReviewerLoad{User: u}
		ids[i] = u.ID
		byUser[u.ID] = &t.Reviewers[i]
	}
	var loads []count
	if len(ids) > 0 {
		live := liveArticle("s.article_id")
		open := `FROM statements s WHERE s.assignee_id = u.id AND s.verdict IN ? AND NOT s.dismissed AND ` + live
		err = db.Raw(`SELECT u.id AS user_id,
  (SELECT COUNT(*) `+open+`) AS open_count,
  (SELECT COUNT(*) `+open+` AND s.due_at >= ? AND s.due_at < ?) AS due_today,
  (SELECT COUNT(*) `+open+` AND s.due_at < ?) AS overdue,
  (SELECT COUNT(*) FROM statements s WHERE s.reviewed_by_id = u.id AND s.reviewed_at >= ? AND s.verdict IN ? AND `+live+`) AS done_count
FROM users u WHERE u.id IN ?`, openKeys, openKeys, now, StartOfDay(now).AddDate(0, 0, 1), openKeys, now,
			t.WeekStart, finalKeys, ids).Scan(&loads).Error
		if err != nil {
			return nil, fmt.Errorf("models: team work: %w", err)
		}
	}
	for _, c := range loads {
		if r := byUser[c.UserID]; r != nil {
			r.Open, r.DueToday, r.Overdue, r.DoneThisWeek = c.OpenCount, c.DueToday, c.Overdue, c.DoneCount
		}
	}
	// The articles in progress come from their counters, by key, through
	// the partial index of articles with open work; only their overdue
	// statements are counted here, for the page shown.
	q := db.Table("article_stats st").
		Select("a.id, a.title, st.created_at, st.to_review AS total, st.reviewed, st.assigned_open AS assigned, st.pool AS unassigned").
		Joins("JOIN articles a ON a.id = st.article_id").
		Where("st.pool > 0 OR st.assigned_open > 0").Where(liveArticle("st.article_id"))
	if !after.IsZero() {
		q = q.Where("(st.created_at, st.article_id) > (?, ?)", after.CreatedAt, after.ID)
	}
	var page []struct {
		ArticleLoad
		CreatedAt time.Time
	}
	if err := q.Order("st.created_at, st.article_id").Limit(TeamPageSize + 1).Scan(&page).Error; err != nil {
		return nil, fmt.Errorf("models: team article progress: %w", err)
	}
	if len(page) > TeamPageSize {
		page = page[:TeamPageSize]
		last := page[TeamPageSize-1]
		t.Next = ArticleCursor{CreatedAt: last.CreatedAt, ID: last.ID}
	}
	ids = make([]uint, len(page))
	for i, p := range page {
		ids[i] = p.ID
		t.Articles = append(t.Articles, p.ArticleLoad)
	}
	if len(ids) == 0 {
		return t, nil
	}
	var overdue []struct {
		ArticleID uint
		N         int
	}
	err = db.Raw(`SELECT article_id, COUNT(*) AS n FROM statements
WHERE article_id IN ? AND assignee_id IS NOT NULL AND verdict IN ? AND due_at < ? AND NOT dismissed
GROUP BY article_id`, ids, openKeys, now).Scan(&overdue).Error
	if err != nil {
		return nil, fmt.Errorf("models: team overdue work: %w", err)
	}
	for _, o := range overdue {
		for i := range t.Articles {
			if t.Articles[i].ID == o.ArticleID {
				t.Articles[i].Overdue = o.N
			}
		}
	}
	return t, nil
}
