package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// plainSaver is the peer of the API: a program saving the same reviews
// with database/sql and prepared statements, doing the same checks (the
// version, the rating's rules) and the same writes (the claim, the
// sources, the counters, the history entry), one transaction a save; on
// SQLite its writers queue on a mutex, as any sane program's would.
type plainSaver struct {
	db      *sql.DB
	pg      bool
	mu      *sync.Mutex
	read    *sql.Stmt
	sources *sql.Stmt
	scale   *rating.Scale
	q       map[string]string
}

func newPlainSaver(g *gorm.DB) (*plainSaver, error) {
	db, err := g.DB()
	if err != nil {
		return nil, err
	}
	p := &plainSaver{db: db, pg: g.Dialector.Name() == "postgres", scale: rating.Builtin(), mu: &sync.Mutex{}}
	if p.pg {
		p.mu = nil
	}
	p.q = map[string]string{
		"claim": `UPDATE statements SET verdict = ?, note = ?, correction = ?, reviewed_at = ?, reviewed_by_id = ?,
version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING assignee_id`,
		"delete": `DELETE FROM sources WHERE statement_id = ?`,
		"insert": `INSERT INTO sources (statement_id, position, url, title, publisher, quote, accessed_at, created_at) VALUES (?, 1, ?, ?, '', '', ?, ?)`,
		"stats":  `UPDATE article_stats SET reviewed = reviewed + ?, revision = revision + 1 WHERE article_id = ?`,
		"event":  `INSERT INTO statement_events (article_id, statement_id, user_id, action, before, after, created_at) VALUES (?, ?, ?, 'review', ?, ?, ?)`,
	}
	if p.read, err = db.Prepare(p.rebind(`SELECT article_id, version, verdict, note, checkable, dismissed FROM statements WHERE id = ?`)); err != nil {
		return nil, err
	}
	if p.sources, err = db.Prepare(p.rebind(`SELECT url, title FROM sources WHERE statement_id = ? ORDER BY position`)); err != nil {
		return nil, err
	}
	return p, nil
}

// rebind writes ? placeholders as PostgreSQL's $1, $2, ….
func (p *plainSaver) rebind(q string) string {
	if !p.pg {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (p *plainSaver) save(ctx context.Context, r *reviewer, it *item, verdict rating.Key, n int) (int, bool, error) {
	var article uint
	var version int
	var was rating.Key
	var note string
	var checkable, dismissed bool
	if err := p.read.QueryRowContext(ctx, it.id).Scan(&article, &version, &was, &note, &checkable, &dismissed); err != nil {
		return 0, false, err
	}
	rows, err := p.sources.QueryContext(ctx, it.id)
	if err != nil {
		return 0, false, err
	}
	type source struct{ URL, Title string }
	var before []source
	for rows.Next() {
		var s source
		if err := rows.Scan(&s.URL, &s.Title); err != nil {
			rows.Close()
			return 0, false, err
		}
		before = append(before, s)
	}
	rows.Close()
	if version != it.version {
		return version, true, nil
	}
	const newNote = "Checked on deadline."
	after := []source{{fmt.Sprintf("https://stats.example.org/release/%d", n), "Statistics release"}}
	if problems := p.scale.Check(verdict, rating.Evidence{Note: newNote, Sources: len(after), Previous: was}); len(problems) > 0 {
		return 0, false, fmt.Errorf("statement %d: %s", it.id, problems[0].Message)
	}
	type state struct {
		Verdict rating.Key `json:"verdict"`
		Note    string     `json:"note"`
		Sources []source   `json:"sources"`
	}
	beforeJSON, _ := json.Marshal(state{was, note, before})
	afterJSON, _ := json.Marshal(state{verdict, newNote, after})
	reviewed := 0
	if p.scale.Final(verdict) && !p.scale.Final(was) {
		reviewed = 1
	} else if !p.scale.Final(verdict) && p.scale.Final(was) {
		reviewed = -1
	}
	now := time.Now().UTC()
	if p.mu != nil {
		p.mu.Lock()
		defer p.mu.Unlock()
	}
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	stmt := func(name string) *sql.Stmt { return tx.StmtContext(ctx, p.prepared(name)) }
	var assignee sql.NullInt64
	err = stmt("claim").QueryRowContext(ctx, verdict, newNote, "", now, r.user.ID, now, it.id, version).Scan(&assignee)
	if err == sql.ErrNoRows {
		return version, true, nil
	}
	if err != nil {
		return 0, false, err
	}
	if _, err := stmt("delete").ExecContext(ctx, it.id); err != nil {
		return 0, false, err
	}
	if _, err := stmt("insert").ExecContext(ctx, it.id, after[0].URL, after[0].Title, now, now); err != nil {
		return 0, false, err
	}
	if _, err := stmt("stats").ExecContext(ctx, reviewed, article); err != nil {
		return 0, false, err
	}
	if _, err := stmt("event").ExecContext(ctx, article, it.id, r.user.ID, string(beforeJSON), string(afterJSON), now); err != nil {
		return 0, false, err
	}
	return version + 1, false, tx.Commit()
}

var (
	preparedMu sync.Mutex
	prepared   = map[string]*sql.Stmt{}
)

func (p *plainSaver) prepared(name string) *sql.Stmt {
	preparedMu.Lock()
	defer preparedMu.Unlock()
	if s, ok := prepared[name]; ok {
		return s
	}
	s, err := p.db.Prepare(p.rebind(p.q[name]))
	if err != nil {
		panic(fmt.Sprintf("prepare %s: %v", name, err))
	}
	prepared[name] = s
	return s
}
