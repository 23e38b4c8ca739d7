package models

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/apperr"
)

// Sentinel errors of the store. They say what happened, for code and
// logs; the store wraps them in an *apperr.Error with a message for users.
var (
	ErrNotFound       = errors.New("not found")
	ErrConflict       = errors.New("changed by someone else")
	ErrPoolEmpty      = errors.New("pool is empty")
	ErrAlreadySetUp   = errors.New("desk already has users")
	ErrBadCredentials = errors.New("bad credentials")
	ErrRateLimited    = errors.New("too many failed sign-ins")
	ErrBusy           = errors.New("too many password checks at once")
)

// missing is the message for anything that is not there (any more).
const missing = "We could not find that. It may have been deleted, or the link is mistyped."

// notFound turns GORM's "no row" into ErrNotFound with its message for
// users; other errors pass unchanged.
func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, ErrNotFound) {
		return apperr.Wrap(ErrNotFound, http.StatusNotFound, missing)
	}
	return err
}

// notFoundf is ErrNotFound about something named, with its message.
func notFoundf(format string, args ...any) error {
	return apperr.Wrap(fmt.Errorf(format+": %w", append(args, ErrNotFound)...), http.StatusNotFound, missing)
}

// FieldError is one problem with one input field.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists what is wrong with an input. It is not a failure
// of the program: handlers show it back to the user with their input kept.
// It reaches callers as the cause of a 422 *apperr.Error.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, " ")
}

// For returns the message for field, or "".
func (e *ValidationError) For(field string) string {
	if e == nil {
		return ""
	}
	for _, p := range e.Problems {
		if p.Field == field {
			return p.Message
		}
	}
	return ""
}

func (e *ValidationError) add(field, msg string) {
	e.Problems = append(e.Problems, FieldError{Field: field, Message: msg})
}

// orNil is the validation failure as an error, or nil when nothing is
// wrong.
func (e *ValidationError) orNil() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return apperr.Wrap(e, http.StatusUnprocessableEntity, e.Error())
}

// Invalid is a validation failure of the fields named in problems.
func Invalid(problems ...FieldError) error {
	return (&ValidationError{Problems: problems}).orNil()
}

// invalid is a validation failure of one field.
func invalid(field, msg string) error { return Invalid(FieldError{field, msg}) }

// ConflictError says a change was based on an old version of the
// statement. Current is the statement as it is now, so the reviewer can
// see what changed beside what they typed.
type ConflictError struct {
	Current *Statement
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("statement %d was changed by someone else (now version %d)", e.Current.ID, e.Current.Version)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// CurrentOrNil is the statement as it is now, or nil for a nil error.
func (e *ConflictError) CurrentOrNil() *Statement {
	if e == nil {
		return nil
	}
	return e.Current
}

// conflict is the 409 for a change based on an old version of current.
func conflict(current *Statement) error {
	return apperr.Wrap(&ConflictError{Current: current}, http.StatusConflict,
		"This statement was changed by someone else since you loaded it (now version "+
			strconv.Itoa(current.Version)+"). Nothing was saved; reload it and apply your change again.")
}

// DuplicateError says an article with the same URL or the same text is
// already on the desk. Nothing was stored; ArticleInput.Force imports anyway.
type DuplicateError struct {
	Existing ArticleSummary
	SameURL  bool // else the same text
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("duplicate of article %d (same url: %t)", e.Existing.ID, e.SameURL)
}

// Message says what the duplicate is, for users.
func (e *DuplicateError) Message() string {
	what := "the same text"
	if e.SameURL {
		what = "the same URL"
	}
	return fmt.Sprintf("An article with %s is already on the desk: “%s” (added %s). Import it anyway to start a new version.",
		what, e.Existing.Title, e.Existing.CreatedAt.Format("2 Jan 2006"))
}

func duplicate(e *DuplicateError) error {
	return apperr.Wrap(e, http.StatusConflict, e.Message())
}

// isExpected reports whether err is one the store's callers handle (a
// status for users) rather than a failure to wrap with context.
func isExpected(err error) bool {
	var ae *apperr.Error
	return errors.As(err, &ae)
}

// notFoundWith is a 404 for sentinel with a message of its own.
func notFoundWith(sentinel error, message string) error {
	return apperr.Wrap(sentinel, http.StatusNotFound, message)
}
