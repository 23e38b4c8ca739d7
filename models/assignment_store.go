package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// openVerdicts are the verdicts of statements still to be reviewed.
var openVerdicts = []Verdict{Unreviewed, InProgress}

// finalVerdicts are the verdicts that count as reviewed.
var finalVerdicts = []Verdict{Verified, Disputed, Corrected, NotCheckable}

// Valid reports whether p is a known priority.
func (p Priority) Valid() bool { return p == Normal || p == Urgent }

// AssignAction is what an entry of the assignment history records.
type AssignAction string

// Assignment actions.
const (
	ActionAssign   AssignAction = "assign"   // an editor assigned (or reassigned) the statement
	ActionUnassign AssignAction = "unassign" // an editor sent it back to the pool
	ActionTake     AssignAction = "take"     // a reviewer took it from the pool
)

// Assignment is one entry of the assignment history: who gave which
// statement to whom, when, with what due date and priority. For an
// unassignment AssigneeID is who had it before.
type Assignment struct {
	ID           uint         `json:"id" gorm:"primaryKey"`
	StatementID  uint         `json:"statement_id"`
	Action       AssignAction `json:"action"`
	AssigneeID   *uint        `json:"assignee_id"`
	AssignedByID uint         `json:"assigned_by_id"`
	DueAt        *time.Time   `json:"due_at"`
	Priority     Priority     `json:"priority"`
	CreatedAt    time.Time    `json:"created_at"`
}

// ErrPoolEmpty is what TakeNext returns when no checkable statement is
// left unassigned and unreviewed.
var ErrPoolEmpty = errors.New("Nothing is left to take: every checkable statement is reviewed or assigned.")

// maxTakeAttempts bounds TakeNext's retries. Each lost race means someone
// else claimed a statement, so the pool shrinks; only a pool refilled as
// fast as it is emptied could exhaust this.
const maxTakeAttempts = 100

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
		return nil, &ValidationError{Problems: []FieldError{{"due_at", "The due date must look like 2025-10-17."}}}
	}
	t = t.UTC()
	return &t, nil
}

// StartOfDay is midnight UTC of t's day.
func StartOfDay(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// WeekStart is Monday 00:00 UTC of t's ISO week.
func WeekStart(t time.Time) time.Time {
	d := StartOfDay(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
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
// an editor can assign work to.
func (s *Store) Assignees(ctx context.Context) ([]User, error) {
	var list []User
	err := s.db.WithContext(ctx).Where("active = ? AND role IN ?", true, reviewRoles()).Order("name, id").Find(&list).Error
	if err != nil {
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

func invalid(field, msg string) error {
	return &ValidationError{Problems: []FieldError{{field, msg}}}
}

// Assign gives statements to a reviewer, replacing any earlier assignment,
// and returns the ids assigned. The assignment, its history and the
// assignee's notification are stored in one transaction. The assignee must
// be an active user whose role may review; a *ValidationError says what
// is wrong and nothing changes.
func (s *Store) Assign(ctx context.Context, in AssignInput) ([]uint, error) {
	if in.Priority == "" {
		in.Priority = Normal
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	var ids []uint
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var assignee User
		if err := tx.First(&assignee, in.AssigneeID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return invalid("assignee", "There is no such person on the desk.")
			}
			return err
		}
		if !assignee.Can(PermReview) {
			return invalid("assignee", assignee.Name+" cannot be given work: their account is deactivated or their role may not review.")
		}
		// Lock the rows (PostgreSQL; SQLite's writer lock already holds
		// them) so a review saved meanwhile cannot slip between the
		// choice and the update.
		q := tx.Model(&Statement{}).Select("id, article_id, verdict, dismissed, assignee_id").Clauses(clause.Locking{Strength: "UPDATE"})
		if in.ArticleID != 0 {
			q = q.Where("article_id = ? AND checkable = ? AND dismissed = ? AND verdict IN ?", in.ArticleID, true, false, openVerdicts)
		} else {
			q = q.Where("id IN ?", in.StatementIDs)
		}
		var found []Statement
		if err := q.Order("article_id, position, id").Find(&found).Error; err != nil {
			return err
		}
		if in.ArticleID == 0 && len(found) < len(uniq(in.StatementIDs)) {
			return fmt.Errorf("some of statements %v: %w", in.StatementIDs, ErrNotFound)
		}
		var open []Statement
		for _, st := range found {
			if !st.Verdict.Final() && !st.Dismissed {
				open = append(open, st)
				ids = append(ids, st.ID)
			}
		}
		if len(open) == 0 {
			if in.ArticleID != 0 {
				var n int64
				if err := tx.Model(&Article{}).Where("id = ?", in.ArticleID).Count(&n).Error; err != nil {
					return err
				}
				if n == 0 {
					return fmt.Errorf("article %d: %w", in.ArticleID, ErrNotFound)
				}
				return invalid("statements", "This article has no checkable statement left to review.")
			}
			return invalid("statements", "The chosen statements are already reviewed or dismissed.")
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
		history := make([]Assignment, len(ids))
		for i, id := range ids {
			history[i] = Assignment{StatementID: id, Action: ActionAssign, AssigneeID: &in.AssigneeID,
				AssignedByID: in.ByUserID, DueAt: in.DueAt, Priority: in.Priority, CreatedAt: now}
		}
		if err := tx.CreateInBatches(&history, 200).Error; err != nil {
			return err
		}
		after := map[string]any{"assignee_id": in.AssigneeID, "due_at": in.DueAt, "priority": in.Priority}
		for _, st := range open {
			if err := record(tx, st.ArticleID, st.ID, in.ByUserID, string(ActionAssign), nil, after); err != nil {
				return err
			}
		}
		notes, err := assignmentNotices(tx, in, open, assignee.Name, now)
		if err != nil || len(notes) == 0 {
			return err
		}
		return tx.Create(&notes).Error
	})
	if err != nil {
		var v *ValidationError
		if errors.As(err, &v) {
			return nil, err
		}
		return nil, fmt.Errorf("models: assign to user %d: %w", in.AssigneeID, err)
	}
	return ids, nil
}

func uniq(ids []uint) map[uint]bool {
	m := make(map[uint]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// notice is one statement someone is to be told about.
type notice struct{ user, article, statement uint }

// notices returns one notification per person and article for the items,
// linking to the first statement of the article. message words it from the
// person told, the editor's name, "1 statement"/"N statements" and the
// article's title.
func notices(tx *gorm.DB, byUserID uint, items []notice, message func(user uint, by, what, title string) string, now time.Time) ([]Notification, error) {
	if len(items) == 0 {
		return nil, nil
	}
	type key struct{ user, article uint }
	first, count := map[key]uint{}, map[key]int{}
	var keys []key
	var articleIDs []uint
	for _, it := range items {
		k := key{it.user, it.article}
		if _, ok := first[k]; !ok {
			first[k] = it.statement
			keys = append(keys, k)
			articleIDs = append(articleIDs, it.article)
		}
		count[k]++
	}
	byName := "An editor"
	if byUserID != 0 {
		var by User
		if err := tx.Select("id, name").First(&by, byUserID).Error; err == nil {
			byName = by.Name
		}
	}
	var arts []Article
	if err := tx.Select("id, title").Where("id IN ?", articleIDs).Find(&arts).Error; err != nil {
		return nil, err
	}
	titles := map[uint]string{}
	for _, a := range arts {
		titles[a.ID] = a.Title
	}
	notes := make([]Notification, len(keys))
	for i, k := range keys {
		what := "1 statement"
		if n := count[k]; n != 1 {
			what = fmt.Sprintf("%d statements", n)
		}
		notes[i] = Notification{
			UserID:    k.user,
			Message:   message(k.user, byName, what, titles[k.article]),
			Link:      fmt.Sprintf("/articles/%d?s=%d", k.article, first[k]),
			CreatedAt: now,
		}
	}
	return notes, nil
}

// assignmentNotices tells the assignee what they were given, and anyone who
// had the statements before (stmts hold the earlier AssigneeID) that they
// went to someone else. Nobody is told about what they did themselves.
func assignmentNotices(tx *gorm.DB, in AssignInput, stmts []Statement, assignee string, now time.Time) ([]Notification, error) {
	var items []notice
	for _, st := range stmts {
		if in.AssigneeID != in.ByUserID {
			items = append(items, notice{in.AssigneeID, st.ArticleID, st.ID})
		}
		if prev := st.AssigneeID; prev != nil && *prev != in.AssigneeID && *prev != in.ByUserID {
			items = append(items, notice{*prev, st.ArticleID, st.ID})
		}
	}
	var extra string
	if in.Priority == Urgent {
		extra += ", urgent"
	}
	if in.DueAt != nil {
		extra += ", due " + in.DueAt.Format("2 Jan 2006")
	}
	return notices(tx, in.ByUserID, items, func(user uint, by, what, title string) string {
		if user == in.AssigneeID {
			return fmt.Sprintf("%s assigned you %s in “%s”%s.", by, what, title, extra)
		}
		return fmt.Sprintf("%s reassigned %s in “%s” to %s; %s", by, what, title, assignee, noLongerQueued)
	}, now)
}

const noLongerQueued = "they are no longer in your queue."

// Unassign sends statements back to the unassigned pool and returns the
// ids that had an assignee. The change and its history are stored in one
// transaction.
func (s *Store) Unassign(ctx context.Context, statementIDs []uint, byUserID uint) ([]uint, error) {
	if len(statementIDs) == 0 {
		return nil, invalid("statements", "Choose the statements to unassign.")
	}
	now := time.Now().UTC()
	var ids []uint
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var had []Statement
		err := tx.Model(&Statement{}).Select("id, article_id, assignee_id").Clauses(clause.Locking{Strength: "UPDATE"}).
			Where("id IN ? AND assignee_id IS NOT NULL", statementIDs).Order("id").Find(&had).Error
		if err != nil {
			return err
		}
		if len(had) == 0 {
			return invalid("statements", "None of the chosen statements is assigned to anyone.")
		}
		history := make([]Assignment, len(had))
		for i, st := range had {
			ids = append(ids, st.ID)
			history[i] = Assignment{StatementID: st.ID, Action: ActionUnassign, AssigneeID: st.AssigneeID,
				AssignedByID: byUserID, Priority: Normal, CreatedAt: now}
		}
		err = tx.Model(&Statement{}).Where("id IN ?", ids).Updates(map[string]any{
			"assignee_id": nil, "assigned_by_id": nil, "assigned_at": nil,
			"due_at": nil, "priority": Normal, "updated_at": now,
		}).Error
		if err != nil {
			return err
		}
		for _, st := range had {
			if err := record(tx, st.ArticleID, st.ID, byUserID, string(ActionUnassign), map[string]any{"assignee_id": st.AssigneeID}, nil); err != nil {
				return err
			}
		}
		if err := tx.CreateInBatches(&history, 200).Error; err != nil {
			return err
		}
		var items []notice
		for _, st := range had {
			if *st.AssigneeID != byUserID {
				items = append(items, notice{*st.AssigneeID, st.ArticleID, st.ID})
			}
		}
		notes, err := notices(tx, byUserID, items, func(_ uint, by, what, title string) string {
			return fmt.Sprintf("%s unassigned %s in “%s”; %s", by, what, title, noLongerQueued)
		}, now)
		if err != nil || len(notes) == 0 {
			return err
		}
		return tx.Create(&notes).Error
	})
	if err != nil {
		var v *ValidationError
		if errors.As(err, &v) {
			return nil, err
		}
		return nil, fmt.Errorf("models: unassign %v: %w", statementIDs, err)
	}
	return ids, nil
}

// AssignmentsOf returns a statement's assignment history, oldest first.
func (s *Store) AssignmentsOf(ctx context.Context, statementID uint) ([]Assignment, error) {
	var list []Assignment
	err := s.db.WithContext(ctx).Where("statement_id = ?", statementID).Order("created_at, id").Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: assignments of statement %d: %w", statementID, err)
	}
	return list, nil
}

// StatementRow is a statement in a list, with its assignee and the title
// of its article.
type StatementRow struct {
	Statement
	ArticleTitle string
}

// Overdue reports whether the statement is still open past its due time.
func (r StatementRow) Overdue(now time.Time) bool {
	return r.DueAt != nil && !r.Verdict.Final() && r.DueAt.Before(now)
}

// StatementPage is one page of a statement list.
type StatementPage struct {
	Items   []StatementRow
	Total   int64
	Page    int // from 1
	PerPage int
}

// Pages is how many pages the list has (at least 1).
func (p StatementPage) Pages() int {
	if p.PerPage <= 0 || p.Total == 0 {
		return 1
	}
	return int((p.Total + int64(p.PerPage) - 1) / int64(p.PerPage))
}

// rows preloads assignees and adds article titles.
func rows(db *gorm.DB, stmts []Statement) ([]StatementRow, error) {
	out := make([]StatementRow, len(stmts))
	if len(stmts) == 0 {
		return out, nil
	}
	ids := make([]uint, 0, len(stmts))
	for _, st := range stmts {
		ids = append(ids, st.ArticleID)
	}
	var arts []Article
	if err := db.Select("id, title").Where("id IN ?", ids).Find(&arts).Error; err != nil {
		return nil, fmt.Errorf("models: article titles: %w", err)
	}
	titles := map[uint]string{}
	for _, a := range arts {
		titles[a.ID] = a.Title
	}
	for i, st := range stmts {
		out[i] = StatementRow{Statement: st, ArticleTitle: titles[st.ArticleID]}
	}
	return out, nil
}

// Queue returns the user's open statements, most pressing first: urgent or
// overdue ones, then by due date (none last), then in the order they were
// assigned. Reviewed (and dismissed) statements drop out.
func (s *Store) Queue(ctx context.Context, userID uint, now time.Time) ([]StatementRow, error) {
	db := s.db.WithContext(ctx)
	var stmts []Statement
	err := db.Preload("Assignee").
		Where("assignee_id = ? AND verdict IN ? AND dismissed = ?", userID, openVerdicts, false).
		Order(clause.OrderBy{Expression: clause.Expr{
			SQL: "CASE WHEN priority = ? OR due_at < ? THEN 0 ELSE 1 END, " +
				"CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, assigned_at, id",
			Vars: []any{Urgent, now.UTC()}, WithoutParentheses: true,
		}}).
		Find(&stmts).Error
	if err != nil {
		return nil, fmt.Errorf("models: queue of user %d: %w", userID, err)
	}
	return rows(db, stmts)
}

// QueueCount is how many open statements are assigned to the user.
func (s *Store) QueueCount(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Statement{}).
		Where("assignee_id = ? AND verdict IN ? AND dismissed = ?", userID, openVerdicts, false).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("models: queue count of user %d: %w", userID, err)
	}
	return n, nil
}

// pool selects the unassigned pool: checkable statements, open, not
// dismissed and unassigned; poolOrder puts the oldest article first, then
// document order.
func pool(db *gorm.DB) *gorm.DB {
	return db.Model(&Statement{}).
		Joins("JOIN articles ON articles.id = statements.article_id").
		Where("statements.checkable = ? AND statements.dismissed = ? AND statements.verdict IN ? AND statements.assignee_id IS NULL",
			true, false, openVerdicts)
}

const poolOrder = "articles.created_at, articles.id, statements.position, statements.id"

// Pool returns a page of the unassigned pool, in the order TakeNext
// hands it out.
func (s *Store) Pool(ctx context.Context, page, perPage int) (StatementPage, error) {
	page, perPage = clampPage(page, perPage)
	db := s.db.WithContext(ctx)
	out := StatementPage{Page: page, PerPage: perPage}
	if err := pool(db).Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("models: pool size: %w", err)
	}
	var stmts []Statement
	err := pool(db).Select("statements.*").Order(poolOrder).
		Limit(perPage).Offset((page - 1) * perPage).Find(&stmts).Error
	if err != nil {
		return out, fmt.Errorf("models: pool page %d: %w", page, err)
	}
	out.Items, err = rows(db, stmts)
	return out, err
}

// TakeNext claims the first statement of the pool for the user and returns
// it, or ErrPoolEmpty. The claim is a conditional UPDATE that only
// succeeds while the statement is still unassigned: of two reviewers
// reaching for the same statement, one updates a row and the other
// updates none and tries the next. That holds under SQLite's single writer
// and under PostgreSQL's READ COMMITTED, where the second UPDATE waits for
// the first to commit and then re-checks the condition.
func (s *Store) TakeNext(ctx context.Context, userID uint) (*Statement, error) {
	db := s.db.WithContext(ctx)
	for range maxTakeAttempts {
		var next []uint
		if err := pool(db).Order(poolOrder).Limit(1).Pluck("statements.id", &next).Error; err != nil {
			return nil, fmt.Errorf("models: take next for user %d: %w", userID, err)
		}
		if len(next) == 0 {
			return nil, ErrPoolEmpty
		}
		id := next[0]
		now := time.Now().UTC()
		claimed := false
		err := db.Transaction(func(tx *gorm.DB) error {
			res := tx.Model(&Statement{}).
				Where("id = ? AND assignee_id IS NULL AND checkable = ? AND dismissed = ? AND verdict IN ?", id, true, false, openVerdicts).
				Updates(map[string]any{"assignee_id": userID, "assigned_by_id": userID, "assigned_at": now,
					"due_at": nil, "priority": Normal, "updated_at": now})
			if res.Error != nil || res.RowsAffected == 0 {
				return res.Error // taken by someone else first: try the next one
			}
			claimed = true
			var st Statement
			if err := tx.Select("id, article_id").First(&st, id).Error; err != nil {
				return err
			}
			if err := record(tx, st.ArticleID, id, userID, string(ActionTake), nil, map[string]any{"assignee_id": userID}); err != nil {
				return err
			}
			return tx.Create(&Assignment{StatementID: id, Action: ActionTake, AssigneeID: &userID,
				AssignedByID: userID, Priority: Normal, CreatedAt: now}).Error
		})
		if err != nil {
			return nil, fmt.Errorf("models: take statement %d for user %d: %w", id, userID, err)
		}
		if claimed {
			return s.StatementByID(ctx, id)
		}
	}
	return nil, fmt.Errorf("models: take next for user %d: the pool kept changing; gave up after %d tries", userID, maxTakeAttempts)
}

// Status narrows a statement search to open or reviewed statements.
type Status string

// Statuses.
const (
	StatusOpen Status = "open" // unreviewed or in progress
	StatusDone Status = "done" // a final verdict
)

// Due narrows a statement search by due date.
type Due string

// Due filters. Overdue and today concern open statements only.
const (
	DueOverdue Due = "overdue" // past its due time
	DueToday   Due = "today"   // due later today
	DueNone    Due = "none"    // no due date
)

// StatementFilter is a statement search. Zero fields do not filter.
type StatementFilter struct {
	Text          string // in the statement, any case
	ArticleID     uint
	Verdict       Verdict
	Status        Status
	AssigneeID    uint
	Unassigned    bool
	Due           Due
	Now           time.Time // what Due is judged against
	Checkable     *bool
	Type          string
	ReviewedByID  uint
	ReviewedSince *time.Time
}

// likePattern matches s anywhere, with LIKE's wildcards in s taken literally.
func likePattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

func (f StatementFilter) apply(q *gorm.DB) *gorm.DB {
	if t := strings.TrimSpace(f.Text); t != "" {
		q = q.Where(`LOWER(text) LIKE LOWER(?) ESCAPE '\'`, likePattern(t))
	}
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	if f.Verdict != "" {
		q = q.Where("verdict = ?", f.Verdict)
	}
	switch f.Status {
	case StatusOpen:
		q = q.Where("verdict IN ?", openVerdicts)
	case StatusDone:
		q = q.Where("verdict IN ?", finalVerdicts)
	}
	if f.Unassigned {
		q = q.Where("assignee_id IS NULL")
	} else if f.AssigneeID != 0 {
		q = q.Where("assignee_id = ?", f.AssigneeID)
	}
	now := f.Now.UTC()
	switch f.Due {
	case DueOverdue:
		q = q.Where("verdict IN ? AND due_at < ?", openVerdicts, now)
	case DueToday:
		q = q.Where("verdict IN ? AND due_at >= ? AND due_at < ?", openVerdicts, now, StartOfDay(now).AddDate(0, 0, 1))
	case DueNone:
		q = q.Where("due_at IS NULL")
	}
	if f.Checkable != nil {
		q = q.Where("checkable = ?", *f.Checkable)
	}
	if f.Type != "" {
		q = q.Where("type = ?", f.Type)
	}
	if f.ReviewedByID != 0 {
		q = q.Where("reviewed_by_id = ? AND verdict IN ?", f.ReviewedByID, finalVerdicts)
	}
	if f.ReviewedSince != nil {
		q = q.Where("reviewed_at >= ?", f.ReviewedSince.UTC())
	}
	return q
}

func clampPage(page, perPage int) (int, int) {
	if perPage <= 0 || perPage > 200 {
		perPage = 50
	}
	if page < 1 {
		page = 1
	}
	return page, perPage
}

// SearchStatements returns one page of the statements matching f, newest
// article first, then in document order, with the total count.
func (s *Store) SearchStatements(ctx context.Context, f StatementFilter, page, perPage int) (StatementPage, error) {
	page, perPage = clampPage(page, perPage)
	db := s.db.WithContext(ctx)
	out := StatementPage{Page: page, PerPage: perPage}
	if err := f.apply(db.Model(&Statement{})).Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("models: count statements: %w", err)
	}
	var stmts []Statement
	err := f.apply(db.Preload("Assignee")).Order("article_id DESC, position, id").
		Limit(perPage).Offset((page - 1) * perPage).Find(&stmts).Error
	if err != nil {
		return out, fmt.Errorf("models: search statements: %w", err)
	}
	out.Items, err = rows(db, stmts)
	return out, err
}

// StatementTypes lists the claim types statements have, for filters.
func (s *Store) StatementTypes(ctx context.Context) ([]string, error) {
	var list []string
	err := s.db.WithContext(ctx).Model(&Statement{}).Distinct("type").Where("type <> ?", "").Order("type").Pluck("type", &list).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement types: %w", err)
	}
	return list, nil
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
FROM statements WHERE assignee_id IS NOT NULL AND verdict IN ? AND dismissed = ?
GROUP BY assignee_id`, now, StartOfDay(now).AddDate(0, 0, 1), now, openVerdicts, false).Scan(&open).Error
	if err != nil {
		return nil, fmt.Errorf("models: team open work: %w", err)
	}
	var done []count
	err = db.Raw(`
SELECT reviewed_by_id AS user_id, COUNT(*) AS done_count
FROM statements WHERE reviewed_by_id IS NOT NULL AND verdict IN ? AND reviewed_at >= ?
GROUP BY reviewed_by_id`, finalVerdicts, t.WeekStart).Scan(&done).Error
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
GROUP BY a.id, a.title, a.created_at
HAVING SUM(CASE WHEN (s.checkable = ? OR s.assignee_id IS NOT NULL) AND s.verdict IN ? THEN 1 ELSE 0 END) > 0
ORDER BY a.created_at, a.id`,
		true, finalVerdicts, finalVerdicts, openVerdicts, true, openVerdicts, openVerdicts, now, false, true, openVerdicts,
	).Scan(&t.Articles).Error
	if err != nil {
		return nil, fmt.Errorf("models: team article progress: %w", err)
	}
	return t, nil
}

// Notifications returns the user's latest notifications, newest first.
func (s *Store) Notifications(ctx context.Context, userID uint, limit int) ([]Notification, error) {
	var list []Notification
	err := s.db.WithContext(ctx).Where("user_id = ?", userID).Order("created_at DESC, id DESC").Limit(limit).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: notifications of user %d: %w", userID, err)
	}
	return list, nil
}

// UnreadCount is how many of the user's notifications are unread.
func (s *Store) UnreadCount(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Notification{}).
		Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("models: unread notifications of user %d: %w", userID, err)
	}
	return n, nil
}

// MarkNotificationsRead marks all of the user's notifications read.
func (s *Store) MarkNotificationsRead(ctx context.Context, userID uint) error {
	err := s.db.WithContext(ctx).Model(&Notification{}).
		Where("user_id = ? AND read_at IS NULL", userID).Update("read_at", time.Now().UTC()).Error
	if err != nil {
		return fmt.Errorf("models: mark notifications of user %d read: %w", userID, err)
	}
	return nil
}
