package handlers

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/singleflight"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// The article page is the desk's busiest: every reviewer has one open all
// shift, and it carries every statement of the article. Three things keep
// it cheap. Its data is read once per revision of the article (every
// change moves the revision on, in the same transaction; see
// models.ArticleRevision); the parts of the page that are the same for
// every viewer (the statement list and the marked-up text, by far the
// biggest) are drawn once per revision and kept as HTML, so a view draws
// only what is its own (the navigation, the form token, the panel); and a
// browser that has the page as it is now gets 304 Not Modified.

// maxCachedBytes bounds the article cache: the articles' data (counted at
// statementBytes a statement, sources included) and their drawn parts.
const (
	maxCachedBytes = 48 << 20
	statementBytes = 1536
)

// articleCache keeps recently viewed articles, by id and revision, with
// the parts of their pages drawn so far. What it hands out is shared:
// nobody may change it.
type articleCache struct {
	mu    sync.Mutex
	order *list.List // of *cachedArticle, most recent first
	byID  map[uint]*list.Element
	size  int // bytes held, as counted by cachedArticle.size
	// loads makes the viewers of a revision not yet cached wait for one
	// read and one drawing instead of each doing their own.
	loads singleflight.Group
}

type cachedArticle struct {
	revision int
	article  *models.Article
	parts    map[partsKey]views.ArticleParts
	size     int
	// progress is the article's progress on the scale progressOn, counted
	// once rather than over every statement at every view.
	progressOn *rating.Scale
	progress   models.Progress
}

// partsKey says what an article's drawn parts depend on besides the
// revision: the rating scale they were labelled with and whether the
// viewer may edit statements (furniture is restorable then).
type partsKey struct {
	scale   *rating.Scale
	canEdit bool
}

func newArticleCache() *articleCache {
	return &articleCache{order: list.New(), byID: map[uint]*list.Element{}}
}

// get returns the cached revision of the article, or nil.
func (ac *articleCache) get(id uint, revision int) *cachedArticle {
	ac.mu.Lock()
	defer ac.mu.Unlock()
	el, ok := ac.byID[id]
	if !ok || el.Value.(*cachedArticle).revision != revision {
		return nil
	}
	ac.order.MoveToFront(el)
	return el.Value.(*cachedArticle)
}

// put keeps a revision of an article, in place of any other revision.
func (ac *articleCache) put(revision int, a *models.Article) *cachedArticle {
	ca := &cachedArticle{revision: revision, article: a, parts: map[partsKey]views.ArticleParts{},
		size: len(a.Statements) * statementBytes}
	if ca.size > maxCachedBytes/8 {
		return ca // too big to keep: it would push out everything else
	}
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if el, ok := ac.byID[a.ID]; ok {
		old := el.Value.(*cachedArticle)
		if old.revision > revision {
			return ca // a newer revision got here first
		}
		ac.size -= old.size
		ac.order.Remove(el)
	}
	ac.byID[a.ID] = ac.order.PushFront(ca)
	ac.size += ca.size
	ac.evict()
	return ca
}

// addParts keeps parts drawn for a cached article, if it is still cached.
func (ac *articleCache) addParts(ca *cachedArticle, k partsKey, p views.ArticleParts) {
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if el, ok := ac.byID[ca.article.ID]; !ok || el.Value != ca {
		return
	}
	if _, ok := ca.parts[k]; ok {
		return
	}
	ca.parts[k] = p
	ca.size += p.Size()
	ac.size += p.Size()
	ac.evict()
}

// parts returns the parts drawn for k, if any.
func (ac *articleCache) parts(ca *cachedArticle, k partsKey) (views.ArticleParts, bool) {
	ac.mu.Lock()
	defer ac.mu.Unlock()
	p, ok := ca.parts[k]
	return p, ok
}

// progress returns the article's progress on the scale.
func (ac *articleCache) progress(ca *cachedArticle, scale *rating.Scale) models.Progress {
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if ca.progressOn != scale {
		ca.progressOn, ca.progress = scale, models.ProgressOf(scale, ca.article.Statements)
	}
	return ca.progress
}

// evict drops the least recently viewed articles while over the bound.
func (ac *articleCache) evict() {
	for ac.size > maxCachedBytes {
		last := ac.order.Back()
		old := last.Value.(*cachedArticle)
		ac.order.Remove(last)
		delete(ac.byID, old.article.ID)
		ac.size -= old.size
	}
}

// viewArticle returns the article at the revision rev, read from the
// database only when the cache does not hold it.
func (h *Handler) viewArticle(ctx context.Context, id uint, rev int) (*cachedArticle, error) {
	if ca := h.articles.get(id, rev); ca != nil {
		return ca, nil
	}
	v, err, _ := h.articles.loads.Do(fmt.Sprintf("%d@%d", id, rev), func() (any, error) {
		if ca := h.articles.get(id, rev); ca != nil {
			return ca, nil
		}
		// Not the first caller's context: the others wait for it too.
		a, err := h.store.ArticleByID(context.WithoutCancel(ctx), id)
		if err != nil {
			return nil, err
		}
		return h.articles.put(rev, a), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*cachedArticle), nil
}

// articlesAt returns a page of whole articles, newest first: those at a
// revision the cache holds from it, the others read in one go and kept.
func (h *Handler) articlesAt(ctx context.Context, limit, offset int) ([]*models.Article, error) {
	page, err := h.store.ArticleRevisions(ctx, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([]*models.Article, len(page))
	var missing []uint
	at := map[uint]int{}
	for i, p := range page {
		if ca := h.articles.get(p.ID, p.Revision); ca != nil {
			out[i] = ca.article
			continue
		}
		missing = append(missing, p.ID)
		at[p.ID] = i
	}
	read, err := h.store.ArticlesByID(ctx, missing)
	if err != nil {
		return nil, err
	}
	for i := range read {
		a := &read[i]
		out[at[a.ID]] = h.articles.put(page[at[a.ID]].Revision, a).article
	}
	// An article deleted between the two reads is left out.
	return slices.DeleteFunc(out, func(a *models.Article) bool { return a == nil }), nil
}

// articleParts returns the drawn parts of a cached article for a viewer
// who may (or may not) edit statements, drawing them once.
func (h *Handler) articleParts(ctx context.Context, ca *cachedArticle, scale *rating.Scale, canEdit bool) (views.ArticleParts, error) {
	k := partsKey{scale, canEdit}
	if p, ok := h.articles.parts(ca, k); ok {
		return p, nil
	}
	v, err, _ := h.articles.loads.Do(fmt.Sprintf("%d@%d/%p/%t", ca.article.ID, ca.revision, scale, canEdit), func() (any, error) {
		if p, ok := h.articles.parts(ca, k); ok {
			return p, nil
		}
		p, err := views.RenderArticleParts(views.WithScale(context.WithoutCancel(ctx), scale), ca.article, canEdit, nil)
		if err != nil {
			return nil, err
		}
		h.articles.addParts(ca, k, p)
		return p, nil
	})
	if err != nil {
		return views.ArticleParts{}, err
	}
	return v.(views.ArticleParts), nil
}

// bootID tells this process's ETags from those of an earlier one, whose
// pages may have been drawn differently.
var bootID = fmt.Sprint(time.Now().UnixNano())

// articleETag names the article page as this user would see it now: the
// article's revision, and everything else the page shows or depends on
// (who is looking and what they may do, their form token, the counts in
// the navigation bar, the statement opened, who work can go to).
func articleETag(c echo.Context, p views.Page, scale *rating.Scale, revision int, assignees []models.User) string {
	u := currentUser(c)
	hash := sha256.New()
	fmt.Fprintf(hash, "%s|%d|%s|%p|%d|%s|%s|%d|%d|", bootID, revision, c.Request().URL.RawQuery,
		scale, idOf(u), u.Role, csrfToken(c), p.QueueCount, p.Unread)
	for _, a := range assignees {
		fmt.Fprintf(hash, "%d:%s:%s,", a.ID, a.Name, a.Role)
	}
	return `W/"` + hex.EncodeToString(hash.Sum(nil)[:12]) + `"`
}

// notModified reports whether the browser's copy (If-None-Match) is etag.
func notModified(c echo.Context, etag string) bool {
	for _, t := range strings.Split(c.Request().Header.Get("If-None-Match"), ",") {
		if strings.TrimSpace(t) == etag {
			return true
		}
	}
	return false
}

// cacheHeaders let the browser keep the page but ask each time whether it
// changed; private, as it is one user's.
func cacheHeaders(c echo.Context, etag string) {
	c.Response().Header().Set("ETag", etag)
	c.Response().Header().Set("Cache-Control", "private, no-cache")
}
