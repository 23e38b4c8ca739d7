package handlers_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/claimreview"
	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/webhook"
)

// publishDesk is a desk on a fixed clock (so published pages and feeds
// are the same on every run) with the example article, its source and
// byline, and the settings publishing needs.
type publishDesk struct {
	admin, editor, reviewer *client
	art                     *models.Article
	supersonic              models.Statement
}

var deskClock = time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)

func newPublishDesk(t testing.TB, requireApproval bool, cfg handlers.Config) *publishDesk {
	t.Helper()
	opts := modeltest.Options()
	opts.Now = func() time.Time { return deskClock }
	store := models.NewStore(modeltest.Open(t).DB(), opts)
	d := &publishDesk{admin: newClientOnStore(t, store, cfg)}
	d.editor, d.reviewer = d.admin.as(models.Editor), d.admin.as(models.Reviewer)
	in := demo.Article()
	in.URL, in.Author, in.SiteName, in.PublishedAt = "https://www.aljazeera.com/news/2025/10/17/will-the-us-send-tomahawk-missiles-to-ukraine", "Al Jazeera Staff", "Al Jazeera", "2025-10-17"
	art, err := store.CreateArticle(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	d.art = art
	for _, s := range art.Statements {
		if strings.Contains(s.Text, "supersonic") {
			d.supersonic = s
		}
	}
	wantStatus(t, d.admin.API(http.MethodPatch, "/api/v1/settings", map[string]any{
		"organisation": map[string]string{"name": "Desk Fact Check", "logo_url": "https://checks.example.org/logo.png"},
		"base_url":     "https://checks.example.org/", "require_approval": requireApproval}), http.StatusOK)
	return d
}

const (
	subsonic   = "They fly at subsonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of 1,250-2,500km (780-1,550 miles)."
	navyNote   = "The US Navy's fact file gives a subsonic cruise speed of about 880 km/h."
	navySource = "https://www.navy.mil/Resources/Fact-Files/Display-FactFiles/Article/2169229/tomahawk-cruise-missile/"
)

// correct saves the Corrected review of the supersonic statement as the
// reviewer, through the panel's form.
func (d *publishDesk) correct(t testing.TB, version int) response {
	t.Helper()
	return d.reviewer.Post(fmt.Sprintf("/statements/%d", d.supersonic.ID), url.Values{
		"version": {fmt.Sprint(version)}, "verdict": {"corrected"}, "correction": {subsonic}, "note": {navyNote},
		"source_url": {navySource}, "source_title": {"Tomahawk Cruise Missile"}, "source_publisher": {"US Navy"},
		"source_quote": {"Speed: Subsonic – about 550 mph (880 km/h)"}, "source_accessed": {"2025-10-18"}}, true)
}

func (d *publishDesk) step(t testing.TB, c *client, action string, version int, reason string) response {
	t.Helper()
	return c.Post(fmt.Sprintf("/statements/%d/%s", d.supersonic.ID, action), url.Values{"version": {fmt.Sprint(version)}, "reason": {reason}}, true)
}

func (d *publishDesk) version(t testing.TB) int {
	t.Helper()
	s, err := d.admin.store.StatementByID(t.Context(), d.supersonic.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s.Version
}

// Every transition through the pages, and every refusal, with a second
// pair of eyes required.
func TestWorkflowPages(t *testing.T) {
	d := newPublishDesk(t, true, handlers.Config{})
	anon := newBrowser(t, d.admin.Base, d.admin.store)
	check := fmt.Sprintf("/checks/%d", d.supersonic.ID)

	wantStatus(t, d.correct(t, 1), http.StatusOK)
	wantContains(t, d.editor.Get(fmt.Sprintf("/statements/%d/panel", d.supersonic.ID)), "Awaiting approval", ">Approve</button>")
	wantContains(t, d.editor.Get("/approvals"), "Tomahawk", "reviewed by "+d.reviewer.user.Name)
	wantStatus(t, anon.Get(check), http.StatusNotFound)

	steps := []struct {
		name   string
		c      *client
		action string
		stale  bool
		reason string
		want   int
		says   string
	}{
		{"a reviewer may not approve", d.reviewer, "approve", false, "", http.StatusForbidden, "does not allow"},
		{"publish before approval", d.editor, "publish", false, "", http.StatusUnprocessableEntity, "Only an approved review can be published"},
		{"return without a reason", d.editor, "return", false, " ", http.StatusUnprocessableEntity, "Say why the review goes back"},
		{"stale approval", d.editor, "approve", true, "", http.StatusConflict, "changed by someone else"},
		{"return", d.editor, "return", false, "Quote the Navy's figure in the note.", http.StatusOK, "Quote the Navy&#39;s figure in the note."},
	}
	for _, s := range steps {
		v := d.version(t)
		if s.stale {
			v--
		}
		r := d.step(t, s.c, s.action, v, s.reason)
		if r.Status != s.want || !strings.Contains(r.Body, s.says) {
			t.Fatalf("%s: %d, want %d saying %q:\n%.1500s", s.name, r.Status, s.want, s.says, r.Body)
		}
	}
	// The reviewer is told and finds it first in their queue.
	wantContains(t, d.reviewer.Get("/notifications"), "returned")
	q := d.reviewer.Get("/queue")
	if i := strings.Index(q.Body, "supersonic"); i < 0 {
		t.Fatalf("the returned statement is not in the reviewer's queue:\n%.2000s", q.Body)
	}
	wantStatus(t, d.correct(t, d.version(t)), http.StatusOK)
	// The editor who approves did not save the rating; the admin who
	// saved another one may not approve it.
	wantStatus(t, d.step(t, d.editor, "approve", d.version(t), ""), http.StatusOK)
	wantStatus(t, anon.Get(check), http.StatusNotFound) // approved is not published
	r := d.step(t, d.editor, "publish", d.version(t), "")
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, "Published", `href="/checks/`)
	wantStatus(t, anon.Get(check), http.StatusOK)
	wantStatus(t, d.step(t, d.editor, "unpublish", d.version(t), ""), http.StatusOK)
	wantStatus(t, anon.Get(check), http.StatusNotFound)
	if r := anon.Get("/checks"); strings.Contains(r.Body, "supersonic") {
		t.Fatal("an unpublished check is listed")
	}

	events, _ := d.admin.store.History(t.Context(), d.supersonic.ID, 0, 100)
	var got []string
	for _, e := range events {
		got = append(got, string(e.Action))
	}
	if want := "review return review approve publish unpublish"; strings.Join(got, " ") != want {
		t.Errorf("history = %v, want %s", got, want)
	}
}

// Publishing is refused without the settings it needs, saying which.
func TestPublishNeedsSettings(t *testing.T) {
	admin := newClient(t)
	a := createArticle(t, admin, "Trade", tradeArticle)
	s := a.Statements[1]
	wantStatus(t, admin.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID), map[string]any{"verdict": "verified",
		"sources": []map[string]string{{"url": "https://ustr.gov/x"}}, "version": 1}), http.StatusOK)
	r := admin.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/publish", s.ID), map[string]any{"version": 2})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantContains(t, r, `"field":"organisation.name"`, `"field":"base_url"`)
	page := admin.Post(fmt.Sprintf("/statements/%d/publish", s.ID), url.Values{"version": {"2"}}, true)
	wantStatus(t, page, http.StatusUnprocessableEntity)
	wantContains(t, page, "Set the public site", "Set the name of the organisation")
}

// The public page of the corrected supersonic statement, its ClaimReview
// (pinned, and valid by the desk's own validator), the corrections log and
// its feeds (pinned). Nothing unpublished shows anywhere.
func TestPublicPagesAndFeeds(t *testing.T) {
	d := newPublishDesk(t, false, handlers.Config{})
	wantStatus(t, d.correct(t, 1), http.StatusOK)
	anon := newBrowser(t, d.admin.Base, d.admin.store)
	check := fmt.Sprintf("/checks/%d", d.supersonic.ID)
	for _, path := range []string{check, "/corrections.atom"} {
		if r := anon.Get(path); strings.Contains(r.Body, "subsonic") {
			t.Fatalf("%s shows an unpublished correction", path)
		}
	}
	wantStatus(t, d.step(t, d.editor, "publish", d.version(t), ""), http.StatusOK)

	page := anon.Get(check)
	wantStatus(t, page, http.StatusOK)
	wantContains(t, page, "fly at supersonic speed", "Will the US supply Tomahawk missiles to Ukraine?", "“Will the US supply Tomahawk missiles to Ukraine?” · Al Jazeera · by Al Jazeera Staff · 17 October 2025",
		`class="badge big v-corrected">Corrected`, "What it should say", subsonic, "What we found", "Tomahawk Cruise Missile", "US Navy.",
		"Speed: Subsonic – about 550 mph (880 km/h)", "Accessed 18 October 2025.", "Published 20 October 2025", `rel="canonical" href="https://checks.example.org/checks/`)
	if page.Header.Get("Set-Cookie") != "" || !strings.Contains(page.Header.Get("Cache-Control"), "public") || page.Header.Get("ETag") == "" {
		t.Errorf("the public page is not cacheable: %v", page.Header)
	}
	for _, forbidden := range []string{"hx-", "_csrf", "Sign out", "<script src"} {
		if strings.Contains(page.Body, forbidden) {
			t.Errorf("the public page carries %q", forbidden)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, anon.Base+check, nil)
	req.Header.Set("If-None-Match", page.Header.Get("ETag"))
	if r := anon.Do(req); r.Status != http.StatusNotModified {
		t.Errorf("revalidation: %d, want 304", r.Status)
	}

	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page.Body)
	if ld == nil {
		t.Fatal("no ClaimReview on the public page")
	}
	n, problems, err := claimreview.Validate([]byte(page.Body))
	if err != nil || n != 1 || len(problems) != 0 {
		t.Fatalf("the public ClaimReview does not validate: %d %v %v", n, problems, err)
	}
	var pretty bytes.Buffer
	json.Indent(&pretty, []byte(ld[1]), "", "  ")
	golden(t, "public_claimreview.jsonld", pretty.String()+"\n")

	for _, path := range []string{"/checks", "/corrections"} {
		wantContains(t, anon.Get(path), "fly at supersonic speed")
	}
	wantContains(t, anon.Get("/corrections"), "That is wrong", "It should read: “They fly at subsonic speed", "Corrected on 20 October 2025.")
	atom := anon.Get("/corrections.atom")
	wantStatus(t, atom, http.StatusOK)
	if !strings.HasPrefix(atom.Header.Get("Content-Type"), "application/atom+xml") {
		t.Errorf("atom content type %q", atom.Header.Get("Content-Type"))
	}
	golden(t, "corrections.atom", atom.Body)
	feed := anon.Get("/corrections.json")
	var jf struct {
		Version string `json:"version"`
		Items   []struct {
			ID          string `json:"id"`
			ContentText string `json:"content_text"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(feed.Body), &jf); err != nil || jf.Version != "https://jsonfeed.org/version/1.1" || len(jf.Items) != 1 || jf.Items[0].ContentText == "" {
		t.Fatalf("JSON Feed: %v %+v", err, jf)
	}
	golden(t, "corrections.json", feed.Body)

	// Taken down: gone from the page, the lists and the feeds.
	wantStatus(t, d.step(t, d.editor, "unpublish", d.version(t), ""), http.StatusOK)
	wantStatus(t, anon.Get(check), http.StatusNotFound)
	for _, path := range []string{"/checks", "/corrections", "/corrections.atom", "/corrections.json"} {
		if r := anon.Get(path); r.Status != http.StatusOK || strings.Contains(r.Body, "supersonic") {
			t.Errorf("%s after unpublishing: %d, still shows it: %v", path, r.Status, strings.Contains(r.Body, "supersonic"))
		}
	}
	if r := anon.Get("/corrections.json"); !strings.Contains(r.Body, `"items": []`) {
		t.Errorf("an empty JSON Feed has no items list:\n%s", r.Body)
	}
}

// golden compares got with testdata/name; -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n got: %s\nwant: %s", name, got, want)
	}
}

// A webhook receiver gets signed deliveries of the events it asked for;
// private receivers need --allow-private-urls.
func TestWebhookDeliveries(t *testing.T) {
	var mu sync.Mutex
	type got struct {
		event, signature string
		body             []byte
	}
	var received []got
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		received = append(received, got{r.Header.Get("X-Factcheck-Event"), r.Header.Get("X-Factcheck-Signature"), b})
		mu.Unlock()
	}))
	defer receiver.Close()

	closed := newClient(t)
	r := closed.API(http.MethodPost, "/api/v1/webhooks", map[string]any{"url": receiver.URL, "events": []string{"published"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantContains(t, r, "--allow-private-urls")

	d := newPublishDesk(t, true, handlers.Config{AllowPrivateURLs: true})
	r = d.admin.API(http.MethodPost, "/api/v1/webhooks", map[string]any{"url": receiver.URL, "events": []string{"approved", "returned", "published", "unpublished"}})
	wantStatus(t, r, http.StatusCreated)
	secret := decode[struct {
		Secret string `json:"secret"`
	}](t, r).Secret
	if list := d.admin.API(http.MethodGet, "/api/v1/webhooks", nil); strings.Contains(list.Body, secret) {
		t.Fatal("the secret is shown again")
	}
	d.correct(t, 1)
	wantStatus(t, d.step(t, d.editor, "approve", d.version(t), ""), http.StatusOK)
	wantStatus(t, d.step(t, d.editor, "publish", d.version(t), ""), http.StatusOK)

	dispatch := &webhook.Dispatcher{Store: d.admin.store, Client: (&intake.Fetcher{AllowPrivate: true}).Client(),
		Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return deskClock.Add(time.Minute) }}
	if n, err := dispatch.DeliverDue(context.Background()); err != nil || n != 2 {
		t.Fatalf("delivered %d: %v", n, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(received) != 2 || received[0].event != "approved" || received[1].event != "published" {
		t.Fatalf("received %+v", received)
	}
	for _, g := range received {
		// The receiver's own check, as a receiver would write it.
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write(g.body)
		if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); !hmac.Equal([]byte(g.signature), []byte(want)) {
			t.Fatalf("signature %q does not verify", g.signature)
		}
		var body struct {
			Event     string         `json:"event"`
			Statement map[string]any `json:"statement"`
			PublicURL *string        `json:"public_url"`
			Delivered time.Time      `json:"delivered_at"`
		}
		if err := json.Unmarshal(g.body, &body); err != nil || body.Event != g.event || body.Statement["id"] != float64(d.supersonic.ID) || body.Delivered.IsZero() {
			t.Fatalf("delivery body %s: %v", g.body, err)
		}
		if g.event == "published" && (body.PublicURL == nil || *body.PublicURL != fmt.Sprintf("https://checks.example.org/checks/%d", d.supersonic.ID) || body.Statement["review_status"] != "approved") {
			t.Fatalf("published delivery: %s", g.body)
		}
	}
	log := d.admin.API(http.MethodGet, "/api/v1/webhooks/1/deliveries", nil)
	wantContains(t, log, `"status":"delivered"`, `"last_code":200`)
}

// Settings from the admin's form: a rating of the desk's own, relabelled
// built-ins, refusals; reviewers may not see them.
func TestSettingsForm(t *testing.T) {
	admin := newClient(t)
	wantStatus(t, admin.as(models.Reviewer).Get("/settings"), http.StatusForbidden)
	page := admin.Get("/settings")
	wantStatus(t, page, http.StatusOK)
	form := url.Values{"org_name": {"Desk Fact Check"}, "base_url": {"https://checks.example.org"}, "require_approval": {"on"},
		"best_rating": {"5"}, "worst_rating": {"1"}, "version": {"0"}, "rating_rows": {"7"}}
	for i, k := range []string{"unreviewed", "in_progress", "verified", "disputed", "corrected", "not_checkable"} {
		form.Set(fmt.Sprintf("r%d_key", i), k)
		form.Set(fmt.Sprintf("r%d_label", i), strings.ToUpper(k[:1])+k[1:])
	}
	for _, f := range []string{"r2_final", "r2_needs_source", "r3_final", "r3_needs_source", "r3_needs_note", "r4_final", "r4_needs_source", "r4_needs_correction", "r5_final"} {
		form.Set(f, "on")
	}
	form.Set("r2_label", "True")
	form.Set("r2_value", "5")
	form.Set("r2_alt", "True")
	for k, v := range map[string]string{"r6_key": "misleading", "r6_label": "Misleading", "r6_color": "#b5651d", "r6_final": "on",
		"r6_needs_source": "on", "r6_needs_note": "on", "r6_value": "2", "r6_alt": "Misleading"} {
		form.Set(k, v)
	}
	bad := admin.Post("/settings", cloneWith(form, "r6_color", "red;}body{display:none"), false)
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantContains(t, bad, "must look like #1f5fbf")
	ok := admin.Post("/settings", form, false)
	wantStatus(t, ok, http.StatusOK)
	wantContains(t, ok, "Settings saved.")
	s := admin.store.Settings()
	if !s.RequireApproval || s.Scale.Label("verified") != "True" || !s.Scale.Final("misleading") || s.Scale.Of("misleading").Value != 2 {
		t.Fatalf("saved settings: %+v %+v", s, s.Scale.Of("misleading"))
	}
	css := admin.Get("/scale.css?v=" + s.Scale.Fingerprint())
	wantContains(t, css, ".badge.v-misleading{background:#b5651d;color:#fff}")
	if !strings.Contains(css.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("scale.css caching: %q", css.Header.Get("Cache-Control"))
	}
	// The new rating is offered in the review panel, with its rules.
	a := createArticle(t, admin, "Trade", tradeArticle)
	panel := admin.Get(fmt.Sprintf("/statements/%d/panel", a.Statements[1].ID))
	wantContains(t, panel, `value="misleading"`, ">Misleading</label>", ">True</label>")
	r := admin.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", a.Statements[1].ID), map[string]any{"verdict": "misleading",
		"sources": []map[string]string{{"url": "https://ustr.gov/x"}}, "version": 1})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantContains(t, r, "A misleading statement needs a note")
}

func cloneWith(v url.Values, k, val string) url.Values {
	out := url.Values{}
	for key, vals := range v {
		out[key] = append([]string(nil), vals...)
	}
	out.Set(k, val)
	return out
}

// Search narrows statements by workflow status.
func TestSearchByStatus(t *testing.T) {
	d := newPublishDesk(t, true, handlers.Config{})
	d.correct(t, 1)
	for _, tt := range []struct {
		status string
		want   int
	}{{"submitted", 1}, {"approved", 0}, {"published", 0}, {"nonsense", -1}} {
		r := d.editor.API(http.MethodGet, "/api/v1/statements?status="+tt.status, nil)
		if tt.want < 0 {
			wantStatus(t, r, http.StatusUnprocessableEntity)
			continue
		}
		if got := decode[struct {
			Total int `json:"total"`
		}](t, r).Total; got != tt.want {
			t.Errorf("status=%s: %d, want %d", tt.status, got, tt.want)
		}
	}
	wantContains(t, d.editor.Get("/statements?status=submitted"), "supersonic", `<option value="submitted" selected>`)
}
