// Package apperr is the desk's error type: a failure that carries the HTTP
// status it should be answered with, a message that is safe to show to
// users, and the internal cause, which is only logged. Stores and handlers
// produce it; handlers render it in one place.
//
// Errors that carry data of their own (a validation's fields, the current
// state in a conflict) are the cause of an *Error, so errors.As finds both.
package apperr

import (
	"errors"
	"net/http"
)

// Error is a failure with a status and a safe message.
type Error struct {
	Status  int    // the HTTP status to answer with
	Message string // for users: no internals, no input echoed unescaped
	Cause   error  // for the log; may be nil
}

// New returns an error with a status and a safe message.
func New(status int, message string) *Error { return &Error{Status: status, Message: message} }

// Wrap returns an error with a status and a safe message for cause.
func Wrap(cause error, status int, message string) *Error {
	return &Error{Status: status, Message: message, Cause: cause}
}

// Error describes the failure for logs: the cause when there is one.
func (e *Error) Error() string {
	if e.Cause != nil {
		return e.Cause.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// Internal is the message shown for failures that are not the user's.
const Internal = "Something went wrong on our side. Nothing you saved is lost; try again in a moment."

// From returns err as an *Error: itself or the first *Error it wraps, or
// a 500 with the Internal message for anything else.
func From(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Status: http.StatusInternalServerError, Message: Internal, Cause: err}
}
