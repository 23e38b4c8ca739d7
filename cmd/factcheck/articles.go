package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
)

// dbFlag adds the --db flag every command that uses the database shares.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", env("FACTCHECK_DB", "factcheck.db"), "SQLite file, or a postgres:// URL (env FACTCHECK_DB)")
}

// openStore opens and migrates the database and returns a close function.
func openStore(dsn string) (*models.Store, func(), error) {
	db, err := models.Open(dsn)
	if err != nil {
		return nil, nil, err
	}
	return models.NewStore(db, models.Options{Extractor: extract.Engine{}}), func() { models.Close(db) }, nil
}

// importCmd loads an article from a file or a URL and prints its id.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", stderr)
	dsn := dbFlag(fs)
	title := fs.String("title", "", "title of the article (default: from the page or file)")
	force := fs.Bool("force", false, "import even if the same URL or text is already on the desk")
	allowPrivate := fs.Bool("allow-private-urls", false, "allow URLs on private, loopback and link-local addresses")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factcheck import [flags] FILE|URL\n\nLoads an article from a .txt, .md, .html or .docx file, or from a web page,\nand prints the new article's id.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"import takes one FILE or URL"}
	}
	src := fs.Arg(0)
	var (
		doc intake.Document
		err error
	)
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		doc, err = (&intake.Fetcher{AllowPrivate: *allowPrivate}).Fetch(ctx, src)
	} else {
		var data []byte
		if data, err = readFile(src); err != nil {
			return err
		}
		doc, err = intake.ReadFile(src, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	store, closeDB, err := openStore(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	in := doc.ArticleInput(*title)
	in.Force = *force
	a, err := store.CreateArticle(ctx, in)
	var dup *models.DuplicateError
	if errors.As(err, &dup) {
		return fmt.Errorf("%s: %w (article %d; use --force to import anyway)", src, err, dup.Existing.ID)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	fmt.Fprintln(stdout, a.ID)
	return nil
}

// exportCmd writes a report of one article.
func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	dsn := dbFlag(fs)
	id := fs.Uint("article", 0, "id of the article (required)")
	format := fs.String("format", "md", "report format: "+strings.Join(export.Names(), "|"))
	out := fs.String("out", "", "write to this file instead of standard output")
	bom := fs.Bool("bom", false, "start CSV with a UTF-8 byte-order mark, for spreadsheets")
	org := fs.String("org", env("FACTCHECK_ORG", ""), "organisation named as ClaimReview author (env FACTCHECK_ORG)")
	base := fs.String("base-url", env("FACTCHECK_BASE_URL", ""), "public URL of the desk, for permalinks (env FACTCHECK_BASE_URL)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id == 0 {
		return usageError{"export needs --article ID"}
	}
	f, ok := export.Lookup(*format)
	if !ok {
		return usageError{fmt.Sprintf("unknown format %q; use one of %s", *format, strings.Join(export.Names(), ", "))}
	}
	store, closeDB, err := openStore(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	a, err := store.ArticleByID(ctx, uint(*id))
	if err != nil {
		return err
	}
	if _, err := store.ReloadSettings(ctx); err != nil {
		return err
	}
	store.SetDefaults(*org, *base)
	settings := store.Settings()
	r := export.ReportOf(a, settings.Scale, time.Now())
	r.Organization, r.BaseURL = settings.OrgName, settings.BaseURL
	var buf bytes.Buffer
	if f.Name == "csv" && *bom {
		err = export.CSV(&buf, r, export.CSVOptions{BOM: true})
	} else {
		err = f.Write(&buf, r)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", *out, buf.Len())
	return nil
}
