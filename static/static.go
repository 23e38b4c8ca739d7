// Package static holds the CSS, JavaScript and vendored htmx served under
// /static/, embedded in the binary so the desk is one file to deploy.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
)

// FS holds the static files.
//
//go:embed *.css *.js *.svg
var FS embed.FS

// HTMX is the vendored htmx release (the mature 2.x line); the version is
// in the file name so upgrades are explicit.
const HTMX = "htmx-2.0.11.min.js"

var versions = func() map[string]string {
	m := map[string]string{}
	entries, _ := fs.ReadDir(FS, ".")
	for _, e := range entries {
		b, err := FS.ReadFile(e.Name())
		if err != nil {
			continue
		}
		sum := sha256.Sum256(b)
		m[e.Name()] = hex.EncodeToString(sum[:4])
	}
	return m
}()

// Path returns the URL of a static file with a content hash, so browsers
// may cache it forever and still see every new release.
func Path(name string) string {
	return "/static/" + name + "?v=" + versions[name]
}
