package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/factcheckdesk/factcheck/models"
)

// furnitureArticle has a byline, a photo caption and a menu around two
// sentences.
const furnitureArticle = "By Ana Lima\n\nThe central bank raised rates to 5% on Tuesday.\n\nFILE PHOTO: The bank's headquarters in Lusaka, Zambia, May 3, 2024. REUTERS/Priya Rao/File Photo\n\nPrices rose 3.1% in March.\n\nNews | Sport | Business | Weather"

// articleText is the text content of the page's #article-text, which the
// editor's tools turn selections into offsets with: it must be the body.
func articleText(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == "article-text" {
				found = n
			}
		}
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		t.Fatal("no #article-text")
	}
	var b strings.Builder
	var text func(n *html.Node)
	text = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(found)
	return b.String()
}

// TestFurnitureShownAndRestored: furniture is in the article text, greyed
// and said to be furniture, the text is still exactly the body, the API
// lists the spans, and an editor restores a span as a statement.
func TestFurnitureShownAndRestored(t *testing.T) {
	c := newClient(t)
	a := createArticle(t, c, "Rates", furnitureArticle)
	if len(a.Furniture) != 3 {
		t.Fatalf("furniture %+v", a.Furniture)
	}
	page := c.Get("/articles/" + strconv.Itoa(int(a.ID)))
	wantStatus(t, page, http.StatusOK)
	wantContains(t, page, `class="furniture fk-caption"`, `class="furniture fk-credit"`, `class="furniture fk-navigation"`,
		"Left out of review as page furniture: a picture caption or credit.", `aria-label="Restore as a statement"`)
	if got := articleText(t, page.Body); got != furnitureArticle {
		t.Errorf("#article-text holds\n%q\nwant the body\n%q", got, furnitureArticle)
	}

	// Reviewers see it greyed, without the restore button.
	rev := c.as(models.Reviewer)
	rp := rev.Get("/articles/" + strconv.Itoa(int(a.ID)))
	if !strings.Contains(rp.Body, `class="furniture fk-caption"`) || strings.Contains(rp.Body, `class="restore"`) {
		t.Errorf("reviewer's page: furniture or restore button wrong")
	}

	api := decode[struct {
		Furniture []struct {
			Start, End int
			Kind       string
		} `json:"furniture"`
	}](t, c.API("GET", "/api/v1/articles/"+strconv.Itoa(int(a.ID)), nil))
	if len(api.Furniture) != 3 || api.Furniture[1].Kind != "caption" ||
		!strings.HasPrefix(furnitureArticle[api.Furniture[1].Start:api.Furniture[1].End], "FILE PHOTO:") {
		t.Fatalf("API furniture %+v", api.Furniture)
	}

	// Restore the caption: the button posts its offsets.
	f := api.Furniture[1]
	r := c.Post("/articles/"+strconv.Itoa(int(a.ID))+"/statements", url.Values{"start": {strconv.Itoa(f.Start)}, "end": {strconv.Itoa(f.End)}}, true)
	if r.Status >= 400 {
		t.Fatalf("restore: %d %s", r.Status, r.Body)
	}
	got, err := c.store.ArticleByID(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	restored := false
	for _, s := range got.Statements {
		restored = restored || s.Start == f.Start && s.End == f.End
	}
	if !restored {
		t.Fatalf("no statement over the restored caption: %+v", got.Statements)
	}
	after := c.Get("/articles/" + strconv.Itoa(int(a.ID)))
	if strings.Contains(after.Body, `class="furniture fk-caption"`) {
		t.Error("the restored caption is still shown as furniture")
	}
	if got := articleText(t, after.Body); got != furnitureArticle {
		t.Errorf("after restoring, #article-text holds %q", got)
	}
}
