package handlers

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// The article page is the desk's busiest: every reviewer has one open all
// shift, and it carries every statement of the article. Two things keep
// it cheap. Its data is read once per revision of the article (every
// change moves the revision on, in the same transaction; see
// models.ArticleRevision) and kept in a small cache shared by everyone;
// and a browser that has the page as it is now gets 304 Not Modified.

// maxCachedStatements bounds the article cache by the statements it holds
// (about 1.5 KB each in memory, sources included).
const maxCachedStatements = 20_000

// articleCache keeps recently viewed articles, by id and revision. The
// articles it hands out are shared: nobody may change them.
type articleCache struct {
	mu    sync.Mutex
	order *list.List // of *cachedArticle, most recent first
	byID  map[uint]*list.Element
	size  int // statements held
}

type cachedArticle struct {
	revision int
	article  *models.Article
}

func newArticleCache() *articleCache {
	return &articleCache{order: list.New(), byID: map[uint]*list.Element{}}
}

func (ac *articleCache) get(id uint, revision int) *models.Article {
	ac.mu.Lock()
	defer ac.mu.Unlock()
	el, ok := ac.byID[id]
	if !ok || el.Value.(*cachedArticle).revision != revision {
		return nil
	}
	ac.order.MoveToFront(el)
	return el.Value.(*cachedArticle).article
}

func (ac *articleCache) put(revision int, a *models.Article) {
	if len(a.Statements) > maxCachedStatements/4 {
		return // too big to keep: it would push out everything else
	}
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if el, ok := ac.byID[a.ID]; ok {
		ac.size -= len(el.Value.(*cachedArticle).article.Statements)
		ac.order.Remove(el)
	}
	ac.byID[a.ID] = ac.order.PushFront(&cachedArticle{revision, a})
	ac.size += len(a.Statements)
	for ac.size > maxCachedStatements {
		last := ac.order.Back()
		old := last.Value.(*cachedArticle).article
		ac.order.Remove(last)
		delete(ac.byID, old.ID)
		ac.size -= len(old.Statements)
	}
}

// viewArticle returns the article with its statements for a page, from
// the cache when it holds the current revision, and that revision.
func (h *Handler) viewArticle(ctx context.Context, id uint) (*models.Article, int, error) {
	rev, err := h.store.ArticleRevision(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	if a := h.articles.get(id, rev); a != nil {
		return a, rev, nil
	}
	a, err := h.store.ArticleByID(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	h.articles.put(rev, a)
	return a, rev, nil
}

// bootID tells this process's ETags from those of an earlier one, whose
// pages may have been drawn differently.
var bootID = fmt.Sprint(time.Now().UnixNano())

// articleETag names the article page as this user would see it now: the
// article's revision, and everything else the page shows or depends on
// (who is looking and what they may do, their form token, the counts in
// the navigation bar, the statement opened, who work can go to).
func (h *Handler) articleETag(c echo.Context, p views.Page, revision int) (string, error) {
	u := currentUser(c)
	hash := sha256.New()
	fmt.Fprintf(hash, "%s|%d|%s|%p|%d|%s|%s|%d|%d|", bootID, revision, c.Request().URL.RawQuery,
		h.store.Scale(), idOf(u), u.Role, csrfToken(c), p.QueueCount, p.Unread)
	if u.Can(models.PermAssign) {
		users, err := h.store.Assignees(c.Request().Context())
		if err != nil {
			return "", err
		}
		for _, a := range users {
			fmt.Fprintf(hash, "%d:%s:%s,", a.ID, a.Name, a.Role)
		}
	}
	return `W/"` + hex.EncodeToString(hash.Sum(nil)[:12]) + `"`, nil
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
