// Package security holds the desk's security and data-safety tests, one
// file per finding of the audit (issue 12) and per check that held: each
// test reproduces an attack against the real router over a real database
// (SQLite, or PostgreSQL with FACTCHECK_TEST_POSTGRES) and fails if the
// hole comes back. It has no code of its own.
//
//	go test ./security
package security
