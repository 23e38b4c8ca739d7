package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Assignment is one entry of the assignment log: who gave which statement
// to whom, when, with what due date and priority. For an unassignment
// AssigneeID is who had it before.
type Assignment struct {
	ID           uint `gorm:"primaryKey"`
	StatementID  uint
	Action       Action // ActionAssign, ActionUnassign or ActionTake
	AssigneeID   *uint
	AssignedByID uint
	DueAt        *time.Time
	Priority     Priority
	CreatedAt    time.Time
}

// ParseDue reads a due date as people and scripts give it: YYYY-MM-DD,
// meaning by the end of that day (UTC), or an RFC 3339 instant. An empty
// string is no due date.
func ParseDue(s string) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		end := d.Add(24*time.Hour - time.Second)
		return &end, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, invalid("due_at", "The due date must look like 2025-10-17.")
	}
	t = t.UTC()
	return &t, nil
}

// reviewRoles are the roles whose users may be given work.
func reviewRoles() []Role {
	var out []Role
	for _, r := range Roles {
		if r.Can(PermReview) {
			out = append(out, r)
		}
	}
	return out
}

// Assignees returns the active users who may review, by name: the people
// an editor can assign work to. Every article page an editor opens asks
// (its ETag names them), so the query runs without GORM's builder and its
// rows are scanned by hand (raw_sql.go), without the password hash and
// timestamps, which a list of names has no use for.
func (s *Store) Assignees(ctx context.Context) ([]User, error) {
	roles := reviewRoles()
	args := []any{true}
	for _, r := range roles {
		args = append(args, r)
	}
	rows, err := rawQuery(ctx, s.db, `SELECT id, email, name, role, active FROM users
WHERE active = ? AND role IN (?`+strings.Repeat(", ?", len(roles)-1)+`) ORDER BY name, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("models: assignees: %w", err)
	}
	defer rows.Close()
	var list []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.Active); err != nil {
			return nil, fmt.Errorf("models: assignees: %w", err)
		}
		list = append(list, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("models: assignees: %w", err)
	}
	return list, nil
}

// AssignInput says what to assign to whom. Set ArticleID to assign an
// article's checkable statements still open, or StatementIDs to assign
// those statements (the ones already reviewed or dismissed are left alone).
type AssignInput struct {
	ArticleID    uint
	StatementIDs []uint
	AssigneeID   uint
	DueAt        *time.Time
	Priority     Priority // "" means normal
	ByUserID     uint
}

func (in AssignInput) validate() error {
	v := &ValidationError{}
	if in.AssigneeID == 0 {
		v.add("assignee", "Choose who should review.")
	}
	if !in.Priority.Valid() {
		v.add("priority", "Choose a priority: normal or urgent.")
	}
	switch {
	case in.ArticleID == 0 && len(in.StatementIDs) == 0:
		v.add("statements", "Choose the statements to assign, or assign the whole article.")
	case in.ArticleID != 0 && len(in.StatementIDs) != 0:
		v.add("statements", "Assign either a whole article or chosen statements, not both.")
	}
	return v.orNil()
}

// Assign gives statements to a reviewer, replacing any earlier assignment,
// and returns the ids assigned. The assignment, its history and the
// notifications are stored in one transaction. The assignee must be an
// active user whose role may review; a validation error says what is
// wrong and nothing changes.
func (s *Store) Assign(ctx context.Context, in AssignInput) ([]uint, error) {
	if in.Priority == "" {
		in.Priority = Normal
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	now := s.nowUTC()
	open := s.Scale().OpenKeys()
	var ids []uint
	err := s.write(ctx, func(tx *gorm.DB) error {
		var assignee User
		if err := tx.Take(&assignee, in.AssigneeID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return invalid("assignee", "There is no such person on the desk.")
			}
			return err
		}
		if !assignee.Can(PermReview) {
			return invalid("assignee", assignee.Name+" cannot be given work: their account is deactivated or their role may not review.")
		}
		// Locked so that a review saved meanwhile cannot slip between
		// the choice and the update.
		q := tx.Model(&Statement{}).Select("id, article_id, verdict, dismissed, assignee_id").Where(liveArticle("article_id"))
		if in.ArticleID != 0 {
			q = q.Where("article_id = ? AND checkable = ? AND dismissed = ? AND verdict IN ?", in.ArticleID, true, false, open)
		} else {
			q = q.Where("id IN ?", in.StatementIDs)
		}
		var found []Statement
		if err := lockStatements(q.Order("article_id, position, id"), &found); err != nil {
			return err
		}
		if in.ArticleID == 0 && len(found) < len(uniq(in.StatementIDs)) {
			return notFoundf("some of statements %v", in.StatementIDs)
		}
		var stmts []Statement
		for _, st := range found {
			if !s.Scale().Final(st.Verdict) && !st.Dismissed {
				stmts = append(stmts, st)
				ids = append(ids, st.ID)
			}
		}
		if len(stmts) == 0 {
			return nothingToAssign(tx, in.ArticleID)
		}
		var by *uint
		if in.ByUserID != 0 {
			by = &in.ByUserID
		}
		err := tx.Model(&Statement{}).Where("id IN ?", ids).Updates(map[string]any{
			"assignee_id": in.AssigneeID, "assigned_by_id": by, "assigned_at": now,
			"due_at": in.DueAt, "priority": in.Priority, "updated_at": now,
		}).Error
		if err != nil {
			return err
		}
		log := make([]Assignment, len(ids))
		history := make([]entry, len(stmts))
		after := Assigned{AssigneeID: in.AssigneeID, DueAt: in.DueAt, Priority: in.Priority}
		for i, st := range stmts {
			log[i] = Assignment{StatementID: st.ID, Action: ActionAssign, AssigneeID: &in.AssigneeID,
				AssignedByID: in.ByUserID, DueAt: in.DueAt, Priority: in.Priority, CreatedAt: now}
			history[i] = entry{st.ArticleID, st.ID, in.ByUserID, ActionAssign, nil, after}
		}
		if err := tx.CreateInBatches(&log, 200).Error; err != nil {
			return err
		}
		if err := record(tx, now, history...); err != nil {
			return err
		}
		if err := recountStats(tx, s.Scale(), articlesOf(stmts)...); err != nil {
			return err
		}
		return notify(tx, now, assignmentNotices(in, stmts))
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: assign to user %d: %w", in.AssigneeID, err)
	}
	return ids, nil
}

// nothingToAssign says why an assignment found no open statement.
func nothingToAssign(tx *gorm.DB, articleID uint) error {
	if articleID == 0 {
		return invalid("statements", "The chosen statements are already reviewed or dismissed.")
	}
	var n int64
	if err := tx.Model(&Article{}).Where("id = ? AND deleted_at IS NULL", articleID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return notFoundf("article %d", articleID)
	}
	return invalid("statements", "This article has no checkable statement left to review.")
}

// articlesOf lists the articles of the statements, each once.
func articlesOf(stmts []Statement) []uint {
	var out []uint
	seen := map[uint]bool{}
	for _, st := range stmts {
		if !seen[st.ArticleID] {
			seen[st.ArticleID] = true
			out = append(out, st.ArticleID)
		}
	}
	return out
}

func uniq(ids []uint) map[uint]bool {
	m := make(map[uint]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// Unassign sends statements back to the unassigned pool and returns the
// ids that had an assignee. The change, its history and the notices are
// stored in one transaction.
func (s *Store) Unassign(ctx context.Context, statementIDs []uint, byUserID uint) ([]uint, error) {
	if len(statementIDs) == 0 {
		return nil, invalid("statements", "Choose the statements to unassign.")
	}
	now := s.nowUTC()
	var ids []uint
	err := s.write(ctx, func(tx *gorm.DB) error {
		var had []Statement
		q := tx.Model(&Statement{}).Select("id, article_id, assignee_id").
			Where("id IN ? AND assignee_id IS NOT NULL", statementIDs).Where(liveArticle("article_id")).Order("id")
		if err := lockStatements(q, &had); err != nil {
			return err
		}
		if len(had) == 0 {
			return invalid("statements", "None of the chosen statements is assigned to anyone.")
		}
		log := make([]Assignment, len(had))
		history := make([]entry, len(had))
		for i, st := range had {
			ids = append(ids, st.ID)
			log[i] = Assignment{StatementID: st.ID, Action: ActionUnassign, AssigneeID: st.AssigneeID,
				AssignedByID: byUserID, Priority: Normal, CreatedAt: now}
			history[i] = entry{st.ArticleID, st.ID, byUserID, ActionUnassign, Holder{*st.AssigneeID}, nil}
		}
		err := tx.Model(&Statement{}).Where("id IN ?", ids).Updates(map[string]any{
			"assignee_id": nil, "assigned_by_id": nil, "assigned_at": nil,
			"due_at": nil, "priority": Normal, "updated_at": now,
		}).Error
		if err != nil {
			return err
		}
		if err := record(tx, now, history...); err != nil {
			return err
		}
		if err := tx.CreateInBatches(&log, 200).Error; err != nil {
			return err
		}
		if err := recountStats(tx, s.Scale(), articlesOf(had)...); err != nil {
			return err
		}
		return notify(tx, now, unassignmentNotices(had, byUserID))
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: unassign %v: %w", statementIDs, err)
	}
	return ids, nil
}

// AssignmentsOf returns a statement's assignment log, oldest first.
func (s *Store) AssignmentsOf(ctx context.Context, statementID uint) ([]Assignment, error) {
	var list []Assignment
	err := s.db.WithContext(ctx).Where("statement_id = ?", statementID).Order("created_at, id").Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: assignments of statement %d: %w", statementID, err)
	}
	return list, nil
}
