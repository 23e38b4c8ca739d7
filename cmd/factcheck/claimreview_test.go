package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestClaimReviewValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "..", "handlers", "testdata", "public_claimreview.jsonld")
	bad := filepath.Join(dir, "bad.jsonld")
	os.WriteFile(bad, []byte(`{"@context":"https://schema.org","@type":"ClaimReview","url":"/checks/1","claimReviewed":"x",
		"reviewRating":{"@type":"Rating","ratingValue":9,"bestRating":5,"worstRating":1,"alternateName":"False"}}`), 0o644)
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"claimreview", "validate", good}, 0, "1 ClaimReview, 0 error(s), 0 warning(s)"},
		{[]string{"claimreview", "validate", bad}, 1, "ClaimReview 1: error: url: must be an absolute http(s) URL"},
		{[]string{"claimreview", "validate", bad}, 1, "reviewRating.ratingValue: 9 is outside the scale 1 to 5"},
		{[]string{"claimreview"}, 2, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, strings.NewReader(""), &stdout, &stderr); code != tt.code || !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("%v: exit %d, want %d; stdout %q; stderr %q", tt.args, code, tt.code, stdout.String(), stderr.String())
		}
	}
}
