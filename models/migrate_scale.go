package models

import (
	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// migrateScale readies a desk of years of work (100,000 articles, millions
// of statements) so that no page scans the statements table:
//
//   - article_stats keeps each article's counters (statements, to review,
//     reviewed, assigned and open, in the pool) and a revision that every
//     change bumps, in the same transaction as the change (see stats.go);
//     it carries the article's created_at so that lists page by key on it;
//   - partial indexes serve the unassigned pool, the team's articles in
//     progress, each person's open work and week of reviews; an index in
//     the search's order (newest article first, then document order)
//     lets a broad search stop at a page; one on type lets the claim
//     types be listed with a loose index scan, one on reviewed_at the
//     reviews of a period;
//   - full-text indexes serve statement search and the article type-ahead:
//     FTS4 tables on SQLite (FTS5 needs a build tag of the SQLite driver;
//     FTS4 is compiled in), GIN indexes over to_tsvector on PostgreSQL;
//   - on PostgreSQL the history records the id of the transaction that
//     wrote each entry, so the live feed can read it with a cursor that
//     never skips an entry committed late (see EventsAfter).
//
// The counters are filled with the built-in rating scale, the only one a
// desk had when this migration was written; Store.Recount redoes them
// when a desk's scale changes what counts as reviewed.
func migrateScale(tx *gorm.DB) error {
	pg := tx.Dialector.Name() == "postgres"
	ts := "datetime"
	if pg {
		ts = "timestamptz"
	}
	scale := rating.Builtin()
	final, open := scale.FinalKeys(), scale.OpenKeys()
	stmts := []string{
		`CREATE TABLE article_stats (
			article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
			created_at ` + ts + ` NOT NULL,
			statements integer NOT NULL DEFAULT 0,
			to_review integer NOT NULL DEFAULT 0,
			reviewed integer NOT NULL DEFAULT 0,
			assigned_open integer NOT NULL DEFAULT 0,
			pool integer NOT NULL DEFAULT 0,
			revision integer NOT NULL DEFAULT 1)`,
		`INSERT INTO article_stats (article_id, created_at) SELECT id, created_at FROM articles`,
		`CREATE INDEX idx_article_stats_in_progress ON article_stats (created_at, article_id) WHERE pool > 0 OR assigned_open > 0`,
		`CREATE INDEX idx_articles_created_id ON articles (created_at, id)`,
		`CREATE INDEX idx_statements_pool ON statements (verdict, article_id, position, id) WHERE checkable AND NOT dismissed AND assignee_id IS NULL`,
		// A verdict is one of a handful: its index would pick a third of
		// the desk, yet planners (SQLite's, without statistics) prefer it
		// to the article's or the person's, then sort what it found.
		`DROP INDEX idx_statements_verdict`,
		`CREATE INDEX idx_statements_type ON statements (type)`,
		`CREATE INDEX idx_statements_search ON statements (article_id DESC, position, id)`,
		`CREATE INDEX idx_statements_assignee_open ON statements (assignee_id, verdict, due_at) WHERE assignee_id IS NOT NULL`,
		`CREATE INDEX idx_statements_reviewer_week ON statements (reviewed_by_id, reviewed_at) WHERE reviewed_by_id IS NOT NULL`,
		`CREATE INDEX idx_statements_reviewed_at ON statements (reviewed_at)`,
	}
	if pg {
		stmts = append(stmts,
			`CREATE INDEX idx_statements_fts ON statements USING gin (to_tsvector('simple', text))`,
			`CREATE INDEX idx_articles_fts ON articles USING gin (to_tsvector('simple', title))`,
			`ALTER TABLE statement_events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
			`CREATE INDEX idx_statement_events_txid ON statement_events (txid, id)`,
		)
	} else {
		stmts = append(stmts, ftsTable("statements", "text")...)
		stmts = append(stmts, ftsTable("articles", "title")...)
	}
	for _, q := range stmts {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return tx.Exec(recountSQL+` WHERE TRUE`, final, final, open, open).Error
}

// ftsTable is the SQLite FTS4 index of one text column of table, kept in
// step by triggers (the pattern of SQLite's FTS4 documentation for
// external content tables) and filled with what the table holds. Only a
// change of that column touches the index, so saving a verdict does not.
func ftsTable(table, column string) []string {
	fts := table + "_fts"
	return []string{
		`CREATE VIRTUAL TABLE ` + fts + ` USING fts4(content="` + table + `", ` + column + `, tokenize=unicode61 "remove_diacritics=2")`,
		`CREATE TRIGGER ` + fts + `_bu BEFORE UPDATE OF ` + column + ` ON ` + table + ` BEGIN DELETE FROM ` + fts + ` WHERE docid = old.id; END`,
		`CREATE TRIGGER ` + fts + `_bd BEFORE DELETE ON ` + table + ` BEGIN DELETE FROM ` + fts + ` WHERE docid = old.id; END`,
		`CREATE TRIGGER ` + fts + `_au AFTER UPDATE OF ` + column + ` ON ` + table + ` BEGIN INSERT INTO ` + fts + `(docid, ` + column + `) VALUES (new.id, new.` + column + `); END`,
		`CREATE TRIGGER ` + fts + `_ai AFTER INSERT ON ` + table + ` BEGIN INSERT INTO ` + fts + `(docid, ` + column + `) VALUES (new.id, new.` + column + `); END`,
		`INSERT INTO ` + fts + `(` + fts + `) VALUES ('rebuild')`,
	}
}

// EventsChannel is the PostgreSQL notification channel on which every
// instance hears that history entries were committed (see
// live.ListenPostgres). It is notified after commits, never inside a write
// transaction: PostgreSQL serialises the commits of transactions that
// notify, which would make every save wait for the others' syncs.
const EventsChannel = "factcheck_events"
