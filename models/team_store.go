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
	Articles  []ArticleLoad // those with work still open, oldest first
}

// TeamStats counts, for every active user who may review, their open work
// (due today, overdue) and what they reviewed this ISO week; and for every
// article with open work, its progress.
func (s *Store) TeamStats(ctx context.Context, now time.Time) (*Team, error) {
	now = now.UTC()
	t := &Team{Now: now, WeekStart: WeekStart(now)}
	users, err := s.Assignees(ctx)
	if err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	openKeys, finalKeys := s.Scale().OpenKeys(), s.Scale().FinalKeys()
	type count struct {
		UserID                       uint
		OpenCount, DueToday, Overdue int
		DoneCount                    int
	}
	var open []count
	err = db.Raw(`
SELECT assignee_id AS user_id, COUNT(*) AS open_count,
       COALESCE(SUM(CASE WHEN due_at >= ? AND due_at < ? THEN 1 ELSE 0 END), 0) AS due_today,
       COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) AS overdue
FROM statements WHERE assignee_id IS NOT NULL AND verdict IN ? AND dismissed = ? AND `+liveArticle("article_id")+`
GROUP BY assignee_id`, now, StartOfDay(now).AddDate(0, 0, 1), now, openKeys, false).Scan(&open).Error
	if err != nil {
		return nil, fmt.Errorf("models: team open work: %w", err)
	}
	var done []count
	err = db.Raw(`
SELECT reviewed_by_id AS user_id, COUNT(*) AS done_count
FROM statements WHERE reviewed_by_id IS NOT NULL AND verdict IN ? AND reviewed_at >= ? AND `+liveArticle("article_id")+`
GROUP BY reviewed_by_id`, finalKeys, t.WeekStart).Scan(&done).Error
	if err != nil {
		return nil, fmt.Errorf("models: team reviews this week: %w", err)
	}
	byUser := map[uint]*ReviewerLoad{}
	t.Reviewers = make([]ReviewerLoad, len(users))
	for i, u := range users {
		t.Reviewers[i] = ReviewerLoad{User: u}
		byUser[u.ID] = &t.Reviewers[i]
	}
	for _, c := range open {
		if r := byUser[c.UserID]; r != nil {
			r.Open, r.DueToday, r.Overdue = c.OpenCount, c.DueToday, c.Overdue
		}
	}
	for _, c := range done {
		if r := byUser[c.UserID]; r != nil {
			r.DoneThisWeek = c.DoneCount
		}
	}
	err = db.Raw(`
SELECT a.id, a.title,
       SUM(CASE WHEN s.checkable = ? OR s.verdict IN ? THEN 1 ELSE 0 END) AS total,
       SUM(CASE WHEN s.verdict IN ? THEN 1 ELSE 0 END) AS reviewed,
       SUM(CASE WHEN s.assignee_id IS NOT NULL AND s.verdict IN ? THEN 1 ELSE 0 END) AS assigned,
       SUM(CASE WHEN s.assignee_id IS NULL AND s.checkable = ? AND s.verdict IN ? THEN 1 ELSE 0 END) AS unassigned,
       SUM(CASE WHEN s.assignee_id IS NOT NULL AND s.verdict IN ? AND s.due_at < ? THEN 1 ELSE 0 END) AS overdue
FROM articles a JOIN statements s ON s.article_id = a.id AND s.dismissed = ?
WHERE a.deleted_at IS NULL
GROUP BY a.id, a.title, a.created_at
HAVING SUM(CASE WHEN (s.checkable = ? OR s.assignee_id IS NOT NULL) AND s.verdict IN ? THEN 1 ELSE 0 END) > 0
ORDER BY a.created_at, a.id`,
		true, finalKeys, finalKeys, openKeys, true, openKeys, openKeys, now, false, true, openKeys,
	).Scan(&t.Articles).Error
	if err != nil {
		return nil, fmt.Errorf("models: team article progress: %w", err)
	}
	return t, nil
}
