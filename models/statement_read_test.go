package models_test

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
)

// The statement is read by hand-written SQL (statement_read.go). Every
// column of the statement, of the people it names and of its sources must
// come back as GORM itself reads them: each is set to a value of its own
// here, found from the model, so a column added to the model and
// forgotten in the query fails this test.
func TestStatementReadMatchesGORM(t *testing.T) {
	store := modeltest.Open(t)
	ctx := t.Context()
	a, err := store.CreateArticle(ctx, models.ArticleInput{Title: "Trade", Body: sample})
	if err != nil {
		t.Fatal(err)
	}
	u, err := store.CreateUser(ctx, models.UserInput{Email: "ada@example.org", Name: "Ada", Role: models.Editor, Password: "a long password 1"})
	if err != nil {
		t.Fatal(err)
	}
	st := a.Statements[0]
	in := models.ReviewInput{Verdict: rating.Verified, Version: 1, Sources: []models.SourceInput{
		{URL: "https://ustr.gov/1", Title: "USTR", Publisher: "US", Quote: "q", AccessedAt: "2025-10-01"},
		{URL: "https://ustr.gov/2", Title: "USTR 2"}}}
	in.SetUser(u)
	if _, err := store.Review(ctx, st.ID, in); err != nil {
		t.Fatal(err)
	}
	db := store.DB()
	s, err := schema.Parse(&models.Statement{}, &schemaCache, db.NamingStrategy)
	if err != nil {
		t.Fatal(err)
	}
	// A value of its own for every column but the keys.
	set := map[string]any{}
	when := time.Date(2025, 10, 2, 3, 4, 5, 0, time.UTC)
	for i, f := range s.Fields {
		if f.DBName == "" || f.PrimaryKey || f.DBName == "article_id" {
			continue
		}
		switch f.FieldType.Kind() {
		case reflect.String:
			set[f.DBName] = "v" + f.DBName
		case reflect.Bool:
			set[f.DBName] = true
		case reflect.Int, reflect.Int64, reflect.Float64:
			set[f.DBName] = 7 + i
		case reflect.Pointer:
			switch f.FieldType.Elem().Kind() {
			case reflect.Uint:
				set[f.DBName] = u.ID
			default:
				set[f.DBName] = when.Add(time.Duration(i) * time.Minute)
			}
		case reflect.Struct:
			set[f.DBName] = when.Add(time.Duration(i) * time.Hour)
		case reflect.Slice:
			set[f.DBName] = `["` + f.DBName + `"]`
			if f.DBName == "facets" {
				set[f.DBName] = `[{"kind":"money","start":1,"end":2,"text":"$"}]`
			}
		default:
			t.Fatalf("column %s of a kind this test does not know: %s", f.DBName, f.FieldType)
		}
	}
	if err := db.Model(&models.Statement{}).Where("id = ?", st.ID).UpdateColumns(set).Error; err != nil {
		t.Fatal(err)
	}
	var want models.Statement
	err = db.Joins("ReviewedBy").Joins("Assignee").Joins("ApprovedBy").
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Take(&want, "statements.id = ?", st.ID).Error
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.StatementByID(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Password hashes are not read with the statement; nothing shows them.
	for _, u := range []*models.User{want.ReviewedBy, want.Assignee, want.ApprovedBy} {
		if u == nil {
			t.Fatal("a joined user is missing from GORM's read")
		}
		u.PasswordHash = ""
	}
	if len(want.Sources) != 2 {
		t.Fatalf("GORM read %d sources, want 2", len(want.Sources))
	}
	if !reflect.DeepEqual(normal(got), normal(&want)) {
		t.Errorf("the statement read\n%+v\nGORM reads\n%+v", normal(got), normal(&want))
	}
	// A statement without sources or people.
	plain := a.Statements[1]
	got, err = store.StatementByID(ctx, plain.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ReviewedBy != nil || got.Assignee != nil || got.ApprovedBy != nil || len(got.Sources) != 0 || got.Text != plain.Text {
		t.Errorf("a plain statement read as %+v", got)
	}
}

var schemaCache sync.Map

// normal makes two reads comparable: times in UTC to the microsecond
// without a monotonic reading, empty lists as nil.
func normal(st *models.Statement) models.Statement {
	v := reflect.ValueOf(st).Elem()
	out := reflect.New(v.Type()).Elem()
	out.Set(v)
	normalize(out)
	return out.Interface().(models.Statement)
}

func normalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			c := reflect.New(v.Type().Elem())
			c.Elem().Set(v.Elem())
			normalize(c.Elem())
			v.Set(c)
		}
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			v.Set(reflect.ValueOf(t.UTC().Round(0).Truncate(time.Microsecond))) // PostgreSQL keeps microseconds
			return
		}
		for i := range v.NumField() {
			if v.Field(i).CanSet() {
				normalize(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			normalize(c.Index(i))
		}
		v.Set(c)
	}
}

// A review writes only the columns it changes; what Review returns must
// still be what is stored, whatever changed, for every step of a
// statement's life.
func TestReviewStoresWhatItReturns(t *testing.T) {
	store := modeltest.Open(t)
	ctx := t.Context()
	a, err := store.CreateArticle(ctx, models.ArticleInput{Title: "Trade", Body: sample})
	if err != nil {
		t.Fatal(err)
	}
	var users []*models.User
	for i, role := range []models.Role{models.Reviewer, models.Editor} {
		u, err := store.CreateUser(ctx, models.UserInput{Email: fmt.Sprintf("u%d@example.org", i), Name: fmt.Sprintf("U%d", i),
			Role: role, Password: "a long password 1"})
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u)
	}
	src := []models.SourceInput{{URL: "https://ustr.gov/1", Title: "USTR"}}
	steps := []struct {
		name string
		by   int
		in   models.ReviewInput
	}{
		{"verified", 0, models.ReviewInput{Verdict: rating.Verified, Sources: src}},
		{"the note alone", 0, models.ReviewInput{Verdict: rating.Verified, Note: "Checked.", Sources: src}},
		{"by someone else", 1, models.ReviewInput{Verdict: rating.Verified, Note: "Checked.", Sources: src}},
		{"disputed", 1, models.ReviewInput{Verdict: rating.Disputed, Note: "No.", Sources: src}},
		{"corrected", 0, models.ReviewInput{Verdict: rating.Corrected, Note: "No.", Correction: "It was $4bn.", Sources: src}},
		{"back to in progress", 0, models.ReviewInput{Verdict: rating.InProgress}},
		{"unchanged", 0, models.ReviewInput{Verdict: rating.InProgress}},
		{"verified again", 1, models.ReviewInput{Verdict: rating.Verified, Sources: src}},
	}
	id, version := a.Statements[0].ID, 1
	for _, step := range steps {
		in := step.in
		in.Version = version
		in.SetUser(users[step.by])
		saved, err := store.Review(ctx, id, in)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		stored, err := store.StatementByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []*models.Statement{saved, stored} {
			st.Sources = nil // compared by their inputs below
			for _, u := range []*models.User{st.ReviewedBy, st.Assignee, st.ApprovedBy} {
				if u != nil {
					u.PasswordHash = ""
				}
			}
		}
		if !reflect.DeepEqual(normal(saved), normal(stored)) {
			t.Errorf("%s: Review returned\n%+v\nstored is\n%+v", step.name, normal(saved), normal(stored))
		}
		version = stored.Version
	}
}
