package views

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// LinkPart is a run of comment text; URL is set when the run is a link.
type LinkPart struct {
	Text, URL string
}

// Linkify finds http(s) links in plain text so they can be shown as links;
// everything else stays text (and is escaped when rendered).
func Linkify(s string) []LinkPart {
	var out []LinkPart
	for len(s) > 0 {
		i := strings.Index(s, "http://")
		if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			out = append(out, LinkPart{Text: s})
			break
		}
		end := i
		for end < len(s) && !strings.ContainsRune(" \t\n\r<>\"", rune(s[end])) {
			end++
		}
		// Trailing punctuation ends the sentence, not the link.
		for end > i && strings.ContainsRune(".,;:!?)]}'", rune(s[end-1])) {
			end--
		}
		link := s[i:end]
		if u, err := url.Parse(link); err != nil || u.Host == "" {
			out = append(out, LinkPart{Text: s[:end]})
		} else {
			if i > 0 {
				out = append(out, LinkPart{Text: s[:i]})
			}
			out = append(out, LinkPart{Text: link, URL: link})
		}
		s = s[end:]
	}
	return out
}

func personName(u *models.User) string {
	if u == nil {
		return "someone"
	}
	return u.Name
}

func sourceLabel(s models.Source) string {
	label := s.Title
	if label == "" {
		label = s.URL
	}
	if s.Publisher != "" {
		label += " (" + s.Publisher + ")"
	}
	if len(label) > 90 {
		label = strings.ToValidUTF8(label[:90], "") + "…"
	}
	return label
}

var actionLabels = map[models.Action]string{
	models.ActionReview: "Review saved", models.ActionSourceAdd: "Source added", models.ActionSourceEdit: "Source edited",
	models.ActionSourceRemove: "Source removed", models.ActionSourceOrder: "Sources reordered", models.ActionComment: "Comment",
	models.ActionBounds: "Boundaries changed", models.ActionSplit: "Split", models.ActionMerge: "Merged",
	models.ActionDismiss: "Dismissed", models.ActionRestore: "Restored", models.ActionCreate: "Statement added",
	models.ActionReuse: "Earlier review reused", models.ActionAssign: "Assigned", models.ActionUnassign: "Unassigned",
	models.ActionTake:    "Taken from the pool",
	models.ActionApprove: "Approved", models.ActionReturn: "Returned to the reviewer", models.ActionPublish: "Published",
	models.ActionUnpublish: "Unpublished",
}

func actionLabel(a models.Action) string {
	if l, ok := actionLabels[a]; ok {
		return l
	}
	return string(a)
}

func joinWords(ws []string) string { return strings.Join(ws, ", ") }

// People names the desk's members by id, for history entries that hold
// only ids (who work was assigned to).
type People map[uint]string

// PeopleOf indexes users by id.
func PeopleOf(users []models.User) People {
	p := make(People, len(users))
	for _, u := range users {
		p[u.ID] = u.Name
	}
	return p
}

func (p People) name(id uint) string {
	if n, ok := p[id]; ok {
		return n
	}
	return "someone"
}

// eventSummary says in a line what an event changed, from the payload
// type of its action.
func eventSummary(ctx context.Context, e models.Event, people People) string {
	switch e.Action {
	case models.ActionAssign:
		if a := models.ChangeOf[models.Assigned](e).After; a != nil {
			s := "to " + people.name(a.AssigneeID)
			if a.DueAt != nil {
				s += ", due " + dueText(*a.DueAt)
			}
			if a.Priority == models.Urgent {
				s += ", urgent"
			}
			return s
		}
	case models.ActionUnassign:
		if h := models.ChangeOf[models.Holder](e).Before; h != nil {
			return "from " + people.name(h.AssigneeID)
		}
	case models.ActionReview, models.ActionReuse:
		return reviewSummary(ctx, models.ChangeOf[models.ReviewState](e))
	case models.ActionComment:
		if c := models.ChangeOf[models.CommentBody](e).After; c != nil {
			return clip(c.Body)
		}
	case models.ActionDismiss:
		if d := models.ChangeOf[models.Dismissal](e).After; d != nil {
			return d.Reason
		}
	case models.ActionSourceAdd, models.ActionSourceEdit:
		if src := models.ChangeOf[models.SourceInput](e).After; src != nil {
			return src.URL
		}
	case models.ActionSourceRemove:
		if src := models.ChangeOf[models.SourceInput](e).Before; src != nil {
			return src.URL
		}
	case models.ActionBounds:
		if sp := models.ChangeOf[models.Span](e).After; sp != nil {
			return clip(sp.Text)
		}
	case models.ActionCreate:
		if c := models.ChangeOf[models.Created](e).After; c != nil {
			return clip(c.Text)
		}
	case models.ActionReturn:
		if f := models.ChangeOf[models.FlowChange](e).After; f != nil {
			return clip(f.Reason)
		}
	case models.ActionPublish:
		if p := models.ChangeOf[models.PublicationChange](e).After; p != nil && len(p.Changed) > 0 {
			return "updated: " + joinWords(p.Changed)
		}
	}
	return ""
}

func reviewSummary(ctx context.Context, ch models.Change[models.ReviewState]) string {
	var before, after models.ReviewState
	if ch.Before != nil {
		before = *ch.Before
	}
	if ch.After != nil {
		after = *ch.After
	}
	// A side holds only what changed (older entries hold everything, so
	// a field counts as changed only when its value differs).
	var parts []string
	if changed(before.Verdict, after.Verdict) {
		was := rating.Unreviewed
		if before.Verdict != nil {
			was = *before.Verdict
		}
		parts = append(parts, fmt.Sprintf("verdict %s → %s", verdictLabel(ctx, was), verdictLabel(ctx, *after.Verdict)))
	}
	if changed(before.Correction, after.Correction) && *after.Correction != "" {
		parts = append(parts, "correction “"+*after.Correction+"”")
	}
	if changed(before.Note, after.Note) && *after.Note != "" {
		parts = append(parts, "note “"+clip(*after.Note)+"”")
	}
	return strings.Join(parts, "; ")
}

// changed reports whether a review field has a value after that differs
// from the one before.
func changed[T comparable](before, after *T) bool {
	return after != nil && (before == nil || *before != *after)
}

func clip(s string) string {
	if len(s) > 140 {
		return strings.ToValidUTF8(s[:140], "") + "…"
	}
	return s
}

// initials is how a viewer shows in the presence bar.
func initials(name string) string {
	var out []rune
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			out = append(out, r)
			break
		}
		if len(out) == 2 {
			break
		}
	}
	return strings.ToUpper(string(out))
}

func othersViewing(users []models.User, me uint) bool {
	for _, u := range users {
		if u.ID != me {
			return true
		}
	}
	return false
}

// ActionPhrase says what a history entry did, for live notices.
func ActionPhrase(action models.Action) string {
	switch action {
	case models.ActionReview:
		return "saved a review of this statement"
	case models.ActionComment:
		return "commented on this statement"
	case models.ActionDismiss:
		return "dismissed this statement"
	case models.ActionRestore:
		return "restored this statement"
	case models.ActionSplit:
		return "split a statement"
	case models.ActionMerge:
		return "merged two statements"
	case models.ActionBounds:
		return "changed a statement's boundaries"
	case models.ActionCreate:
		return "added a statement"
	case models.ActionAssign, models.ActionUnassign, models.ActionTake:
		return "changed who reviews this statement"
	case models.ActionReuse:
		return "reused an earlier review for this statement"
	case models.ActionApprove:
		return "approved the review of this statement"
	case models.ActionReturn:
		return "returned the review of this statement"
	case models.ActionPublish:
		return "published this check"
	case models.ActionUnpublish:
		return "took this check off the public site"
	}
	return "changed this statement's sources"
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// statementTypes lists the claim types present, in a stable order.
func statementTypes(stmts []models.Statement) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range stmts {
		if s.Type != "" && !seen[s.Type] {
			seen[s.Type] = true
			out = append(out, s.Type)
		}
	}
	sort.Strings(out)
	return out
}

// ClaimMatch is an earlier review of the same claim in another article.
type ClaimMatch struct {
	Statement    *models.Statement
	ArticleTitle string
	Score        float64
	SameFigures  bool
}

func matchPercent(score float64) string { return fmt.Sprintf("%.0f%%", score*100) }

// statementLabel names a statement of the article by its place in it, or
// as "a statement" when it is gone (merged into another).
func statementLabel(a *models.Article, id uint) string {
	for _, s := range a.Statements {
		if s.ID == id {
			return fmt.Sprintf("statement %d", s.Position)
		}
	}
	return "a statement"
}

// scorePercent is a check-worthiness score as people read it.
func scorePercent(score float64) string { return fmt.Sprintf("%.0f%%", score*100) }

// scoreValue is a score as a meter's value.
func scoreValue(score float64) string { return fmt.Sprintf("%.2f", min(max(score, 0), 1)) }

// reuseQuestion asks before an earlier review replaces this one.
func reuseQuestion(ctx context.Context, m ClaimMatch) string {
	q := fmt.Sprintf("Replace this statement's verdict, note, correction and sources with the earlier review (%s, %d source(s))? You can undo it right after.",
		verdictLabel(ctx, m.Statement.Verdict), len(m.Statement.Sources))
	if !m.SameFigures {
		q = "The figures differ from this statement's. " + q
	}
	return q
}
