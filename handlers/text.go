package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"sort"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
)

// checkText applies the desk's text rule (models.TextProblem) to every
// query parameter and, for form posts, every form value of a request,
// before any handler sees them: a NUL in a search box or a sign-in email
// is a clear 422, never a database error. JSON bodies are checked by
// decodeJSON, file contents by intake.
func checkText(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := valuesText(c.QueryParams()); err != nil {
			return err
		}
		if hasForm(c.Request()) && !formsCheckedByStore[c.Path()] {
			form, err := c.FormParams()
			if err != nil {
				var he *echo.HTTPError
				if errors.As(err, &he) {
					return he // the body was too large
				}
				return models.Invalid(models.FieldError{Field: "body", Message: "The form could not be read: " + err.Error()})
			}
			if err := valuesText(form); err != nil {
				return err
			}
		}
		return next(c)
	}
}

// formsCheckedByStore are the forms whose every field goes to a store
// that applies the same rule field by field: their handlers show the form
// again with the problem beside the field and the rest of the input kept
// (a pasted article may be long).
var formsCheckedByStore = map[string]bool{"/articles": true}

// hasForm reports whether the request carries a form body.
func hasForm(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
	default:
		return false
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
	return mt == echo.MIMEApplicationForm || mt == echo.MIMEMultipartForm
}

// valuesText checks parameters in a stable order, so the same request
// always names the same field.
func valuesText(values map[string][]string) error {
	names := make([]string, 0, len(values))
	for k := range values {
		names = append(names, k)
	}
	sort.Strings(names)
	var problems []models.FieldError
	for _, k := range names {
		if msg := fieldText(k); msg != "" {
			return models.Invalid(models.FieldError{Field: "parameters", Message: msg})
		}
		for _, v := range values[k] {
			if msg := models.TextProblem("field “"+k+"”", v); msg != "" {
				problems = append(problems, models.FieldError{Field: k, Message: msg})
				break
			}
		}
	}
	return models.Invalid(problems...)
}

// fieldText checks a parameter's name, which is echoed in messages.
func fieldText(name string) string {
	if len(name) > 100 {
		return "A parameter name is too long."
	}
	return models.TextProblem("parameter name", name)
}

// jsonText applies the text rule to every string of a JSON document, keys
// and values, naming the field a bad value belongs to. It only looks; the
// caller decodes.
func jsonText(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	// Which containers are open, and for objects whether the next string
	// is a key; key holds the field a value belongs to.
	type level struct {
		object, wantKey bool
		key             string
	}
	var stack []level
	var problems []models.FieldError
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil // not JSON: the decoder's own error says so
		}
		top := len(stack) - 1
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if top >= 0 && stack[top].object {
					stack[top].wantKey = true
				}
				key := ""
				if top >= 0 {
					key = stack[top].key
				}
				stack = append(stack, level{object: t == '{', wantKey: t == '{', key: key})
			default:
				stack = stack[:top]
			}
			continue
		case string:
			if top >= 0 && stack[top].object && stack[top].wantKey {
				stack[top].key, stack[top].wantKey = t, false
				if msg := fieldText(t); msg != "" {
					return models.Invalid(models.FieldError{Field: "body", Message: msg})
				}
				continue
			}
			field := "body"
			if top >= 0 && stack[top].key != "" {
				field = stack[top].key
			}
			if msg := models.TextProblem("field “"+field+"”", t); msg != "" {
				problems = append(problems, models.FieldError{Field: field, Message: msg})
			}
		}
		if top >= 0 && stack[top].object {
			stack[top].wantKey = true
		}
	}
	return models.Invalid(problems...)
}
