package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// articleCmd adds one article of n statements, a third of them reviewed
// with a source, and prints its path and a session cookie of the load
// test's admin: what a load run of the article page (wrk) needs.
func articleCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("article", flag.ContinueOnError)
	dsn := fs.String("db", "loadtest.db", "the desk's database")
	n := fs.Int("statements", 200, "statements in the article")
	if err := fs.Parse(args); err != nil {
		return err
	}
	_, store, closeDB, err := openDesk(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	admin, err := loadAdmin(ctx, store)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(*n), 7))
	a, err := store.CreateArticle(ctx, models.ArticleInput{Title: fmt.Sprintf("A long read of %d statements", *n),
		Body: articleBody(rng, *n-1, *n), Force: true})
	if err != nil {
		return err
	}
	for i, st := range a.Statements {
		if i%3 != 0 {
			continue
		}
		in := models.ReviewInput{Verdict: rating.Verified, Version: 1,
			Sources: []models.SourceInput{{URL: fmt.Sprintf("https://stats.example.org/%d", st.ID), Title: "Official statistics"}}}
		in.SetUser(admin)
		if _, err := store.Review(ctx, st.ID, in); err != nil {
			return err
		}
	}
	cookie, err := store.CreateSession(ctx, admin.ID)
	if err != nil {
		return err
	}
	fmt.Printf("path /articles/%d (%d statements)\ncookie fcd_session=%s\n", a.ID, len(a.Statements), cookie)
	return nil
}

// bareCmd serves the peer of the article page: a bare Echo server
// rendering a templ component of the same size from memory, with no
// session, no database and no logic; what the machine can do at most.
func bareCmd(_ context.Context, args []string) error {
	fs := flag.NewFlagSet("bare", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:18150", "address to listen on")
	size := fs.Int("size", 1, "page size in KB")
	if err := fs.Parse(args); err != nil {
		return err
	}
	body := "<!DOCTYPE html><html><body>" + strings.Repeat("<p>A bare page.</p>", *size*1024/18) + "</body></html>"
	page := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, body)
		return err
	})
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/", func(c echo.Context) error {
		buf := templ.GetBuffer()
		defer templ.ReleaseBuffer(buf)
		if err := page.Render(c.Request().Context(), buf); err != nil {
			return err
		}
		return c.HTMLBlob(http.StatusOK, buf.Bytes())
	})
	fmt.Printf("bare page of %d KB at http://%s/\n", *size, *addr)
	return e.Start(*addr)
}
