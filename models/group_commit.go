package models

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"gorm.io/gorm"
)

// SQLite has one writer, and with synchronous=FULL every commit waits for
// the disk. Writers therefore queue here, and whoever leads the queue
// commits the writes waiting behind it together: one transaction, each
// write in a savepoint of its own (a write that fails is rolled back to its
// savepoint and fails alone), one sync to disk for all. A write is
// acknowledged only when the transaction holding it has committed. Under
// no load a batch is one write; under load it grows to what came in while
// the previous commit was syncing.

// maxBatch bounds the writes committed together.
const maxBatch = 64

// committer is the queue of one SQLite database's writers.
type committer struct {
	mu    sync.Mutex
	queue []*writeJob
	busy  bool // a leader is committing
}

// writeJob is one write waiting for its turn.
type writeJob struct {
	ctx  context.Context
	fn   func(tx *gorm.DB) error
	err  error
	done chan struct{} // closed once committed (or failed)
	lead chan struct{} // closed when this job is to lead the next batch
}

// committers holds one committer per SQLite connection pool, so that every
// store over the same pool queues together.
var committers sync.Map // *sql.DB or gorm.ConnPool → *committer

func committerOf(db *gorm.DB) *committer {
	var key any = db.ConnPool
	if sqlDB, err := db.DB(); err == nil {
		key = sqlDB
	}
	c, _ := committers.LoadOrStore(key, &committer{})
	return c.(*committer)
}

// do runs fn in a transaction with whatever else is waiting, and returns
// once it is committed, with fn's error or the commit's.
func (c *committer) do(ctx context.Context, db *gorm.DB, fn func(tx *gorm.DB) error) error {
	job := &writeJob{ctx: ctx, fn: fn, done: make(chan struct{}), lead: make(chan struct{})}
	c.mu.Lock()
	c.queue = append(c.queue, job)
	leader := !c.busy
	c.busy = true
	c.mu.Unlock()
	if !leader {
		select {
		case <-job.done:
			return job.err
		case <-job.lead: // the writes before it are committed: its turn
		}
	}
	c.mu.Lock()
	n := min(len(c.queue), maxBatch)
	batch := append([]*writeJob(nil), c.queue[:n]...)
	c.queue = append(c.queue[:0], c.queue[n:]...)
	c.mu.Unlock()

	defer func() {
		// Hand the lead to the first write still waiting, even if this
		// batch panicked, so that nobody waits for ever.
		c.mu.Lock()
		if len(c.queue) > 0 {
			close(c.queue[0].lead)
		} else {
			c.busy = false
		}
		c.mu.Unlock()
	}()
	commitBatch(db, batch)
	return job.err
}

// commitBatch runs the jobs in one transaction, each in its savepoint,
// and tells each how it went.
func commitBatch(db *gorm.DB, batch []*writeJob) {
	defer func() {
		r := recover()
		for _, j := range batch {
			if r != nil && j.err == nil {
				j.err = fmt.Errorf("models: a write failed: %v", r)
			}
			close(j.done)
		}
		if r != nil {
			panic(r)
		}
	}()
	if len(batch) == 1 {
		j := batch[0]
		j.err = db.WithContext(j.ctx).Transaction(j.fn)
		return
	}
	// The batch outlives any one request's cancellation: the others
	// still want their writes.
	ctx := context.WithoutCancel(batch[0].ctx)
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i, j := range batch {
			if err := j.ctx.Err(); err != nil {
				j.err = err // its request is gone: not written
				continue
			}
			sp := "w" + strconv.Itoa(i)
			if err := tx.SavePoint(sp).Error; err != nil {
				return err
			}
			if err := j.fn(tx); err != nil {
				j.err = err
				if err := tx.RollbackTo(sp).Error; err != nil {
					return err
				}
				continue
			}
		}
		return nil
	})
	if err != nil {
		for _, j := range batch {
			if j.err == nil {
				j.err = err
			}
		}
	}
}
