package security

import (
	"errors"
	"io"
	"strings"
)

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

func isErr(err, target error) bool { return errors.Is(err, target) }
