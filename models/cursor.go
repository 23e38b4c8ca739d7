package models

import (
	"strconv"
	"strings"
	"time"
)

// Cursors travel in links as short strings of numbers: an article's
// creation time (Unix nanoseconds) and id; a statement's article,
// position and id; a place in My queue's order: rank, due and assignment
// times (Unix nanoseconds, 0 for none) and id.

// String is the cursor as it travels in a link.
func (c ArticleCursor) String() string {
	if c.IsZero() {
		return ""
	}
	return strconv.FormatInt(c.CreatedAt.UnixNano(), 10) + "." + strconv.FormatUint(uint64(c.ID), 10)
}

// ParseArticleCursor reads a cursor made by String; anything else is the
// start of the list.
func ParseArticleCursor(s string) ArticleCursor {
	n, ok := numbers(s, 2)
	if !ok {
		return ArticleCursor{}
	}
	return ArticleCursor{CreatedAt: time.Unix(0, int64(n[0])).UTC(), ID: uint(n[1])}
}

// String is the cursor as it travels in a link.
func (c StatementCursor) String() string {
	if c.IsZero() {
		return ""
	}
	return strconv.FormatUint(uint64(c.ArticleID), 10) + "." + strconv.Itoa(c.Position) + "." + strconv.FormatUint(uint64(c.ID), 10)
}

// ParseStatementCursor reads a cursor made by String; anything else is
// the start of the list.
func ParseStatementCursor(s string) StatementCursor {
	n, ok := numbers(s, 3)
	if !ok {
		return StatementCursor{}
	}
	return StatementCursor{ArticleID: uint(n[0]), Position: int(n[1]), ID: uint(n[2])}
}

// String is the cursor as it travels in a link.
func (c QueueCursor) String() string {
	if c.IsZero() {
		return ""
	}
	return strconv.Itoa(c.Rank) + "." + strconv.FormatInt(unixNano(c.DueAt), 10) + "." +
		strconv.FormatInt(unixNano(c.AssignedAt), 10) + "." + strconv.FormatUint(uint64(c.ID), 10)
}

// ParseQueueCursor reads a cursor made by String; anything else is the
// start of the queue.
func ParseQueueCursor(s string) QueueCursor {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return QueueCursor{}
	}
	rank, err1 := strconv.Atoi(parts[0])
	due, err2 := strconv.ParseInt(parts[1], 10, 64)
	assigned, err3 := strconv.ParseInt(parts[2], 10, 64)
	id, err4 := strconv.ParseUint(parts[3], 10, 31)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || rank < 0 || rank > 7 {
		return QueueCursor{}
	}
	return QueueCursor{Rank: rank, DueAt: fromUnixNano(due), AssignedAt: fromUnixNano(assigned), ID: uint(id)}
}

func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromUnixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// numbers reads want dot-separated numbers that fit the columns they key.
func numbers(s string, want int) ([]uint64, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != want {
		return nil, false
	}
	out := make([]uint64, want)
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 63)
		if err != nil || (i > 0 && n > 1<<31) {
			return nil, false
		}
		out[i] = n
	}
	return out, true
}
