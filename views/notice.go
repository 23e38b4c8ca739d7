package views

import (
	"fmt"

	"github.com/factcheckdesk/factcheck/models"
)

// NoticeText words a notification and gives the page it opens. The store
// keeps the facts; this is the one place they become English.
func NoticeText(n models.Notification) (message, link string) {
	if n.Kind == "" {
		return n.Message, n.Link // stored before notifications had kinds
	}
	by := n.ActorName
	if by == "" {
		by = "An editor"
	}
	what := "1 statement"
	if n.Count != 1 {
		what = fmt.Sprintf("%d statements", n.Count)
	}
	if n.ArticleID != nil && n.StatementID != nil {
		link = fmt.Sprintf("/articles/%d?s=%d", *n.ArticleID, *n.StatementID)
	}
	const gone = "they are no longer in your queue."
	switch n.Kind {
	case models.NoticeAssigned:
		extra := ""
		if n.Priority == models.Urgent {
			extra += ", urgent"
		}
		if n.DueAt != nil {
			extra += ", due " + n.DueAt.Format("2 Jan 2006")
		}
		message = fmt.Sprintf("%s assigned you %s in “%s”%s.", by, what, n.ArticleTitle, extra)
	case models.NoticeReassigned:
		message = fmt.Sprintf("%s reassigned %s in “%s” to %s; %s", by, what, n.ArticleTitle, n.OtherName, gone)
	case models.NoticeUnassigned:
		message = fmt.Sprintf("%s unassigned %s in “%s”; %s", by, what, n.ArticleTitle, gone)
	case models.NoticeReturned:
		message = fmt.Sprintf("%s returned your review of a statement in “%s” with a note on what to fix; it is first in your queue.", by, n.ArticleTitle)
	case models.NoticeCommented:
		message = fmt.Sprintf("%s commented on a statement of yours in “%s”.", by, n.ArticleTitle)
	case models.NoticeMentioned:
		message = fmt.Sprintf("%s mentioned you in a comment in “%s”.", by, n.ArticleTitle)
	default:
		message = fmt.Sprintf("%s changed %s in “%s”.", by, what, n.ArticleTitle)
	}
	return message, link
}
