package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/webhook"
)

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", env("FACTCHECK_ADDR", "localhost:8080"), "address to listen on (env FACTCHECK_ADDR)")
	dsn := dbFlag(fs)
	allowPrivate := fs.Bool("allow-private-urls", env("FACTCHECK_ALLOW_PRIVATE_URLS", "") == "true", "let URL imports reach private, loopback and link-local addresses (env FACTCHECK_ALLOW_PRIVATE_URLS=true)")
	org := fs.String("org", env("FACTCHECK_ORG", ""), "organisation named as author of ClaimReview markup, until Settings name one (env FACTCHECK_ORG)")
	base := fs.String("base-url", env("FACTCHECK_BASE_URL", ""), "public URL of the desk's public pages, until Settings name one (env FACTCHECK_BASE_URL)")
	loadDemo := fs.Bool("demo", false, "load the example article and demo users (admin@, editor@, reviewer@example.org; password "+demo.Password+")")
	secure := fs.Bool("secure-cookies", env("FACTCHECK_SECURE_COOKIES", "") == "true", "mark cookies Secure (behind TLS; env FACTCHECK_SECURE_COOKIES=true)")
	debug := fs.Bool("debug", false, "log every request")
	if err := parse(fs, args); err != nil {
		return err
	}
	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	db, err := models.Open(*dsn)
	if err != nil {
		return err
	}
	defer func() {
		if err := models.Close(db); err != nil {
			log.Error("closing database", "err", err)
		}
	}()
	store := models.NewStore(db, models.Options{Extractor: extract.Engine{}, Organization: *org, BaseURL: *base})
	if _, err := store.ReloadSettings(ctx); err != nil {
		return err
	}

	if *loadDemo {
		if err := demo.Seed(ctx, store, log); err != nil {
			return err
		}
	}
	if err := announceSetupCode(ctx, store, *dsn, stderr); err != nil {
		return err
	}

	// Live updates read the shared history, so pages on every instance
	// see changes made on any: woken by this instance's writes and, on
	// PostgreSQL, by every instance's. They stop first on shutdown,
	// ending the streams so in-flight requests can finish.
	liveCtx, stopLive := context.WithCancel(ctx)
	defer stopLive()
	hub := live.NewHub(store, 2*time.Second, log)
	if db.Dialector.Name() == "postgres" {
		go live.ListenPostgres(liveCtx, *dsn, hub, store, log)
	}
	// The claim-matching index lives in memory, filled from the database
	// in the background (the desk listens at once; the panel says the
	// index is loading meanwhile) and kept in step with the history.
	matches := match.NewIndex()
	hub.KeepMatches(liveCtx, store, matches, log)
	go hub.Run(liveCtx)
	// Settings saved on another instance reach this one within a second;
	// webhook deliveries queued by any instance are sent by one of them.
	go live.FollowSettings(liveCtx, store, time.Second, log)
	dispatcher := &webhook.Dispatcher{Store: store, Log: log,
		Client: (&intake.Fetcher{AllowPrivate: *allowPrivate}).Client()}
	go dispatcher.Run(liveCtx, 2*time.Second)
	go purgeDeleted(liveCtx, store, log, time.Hour)

	e := handlers.New(store, handlers.Config{
		Log: log, SecureCookies: *secure, AllowPrivateURLs: *allowPrivate,
		Organization: *org, BaseURL: *base, Live: hub, Matches: matches,
	})
	srv := &http.Server{
		Addr:              *addr,
		Handler:           e,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	srv.RegisterOnShutdown(stopLive)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	fmt.Fprintf(stderr, "Factcheck Desk is running at %s (database %s). Press Ctrl-C to stop.\n", displayURL(ln.Addr()), *dsn)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// displayURL is the address as a link a person can click.
func displayURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsLoopback() || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// purgeDeleted removes for good, now and then every interval, the articles
// deleted longer ago than models.RestoreWindow. Several instances may
// purge at once: the DELETE is idempotent.
func purgeDeleted(ctx context.Context, store *models.Store, log *slog.Logger, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := store.PurgeDeleted(ctx); err != nil {
			log.Error("purging deleted articles", "err", err)
		} else if n > 0 {
			log.Info("purged deleted articles", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
