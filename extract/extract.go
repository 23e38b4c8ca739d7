// Package extract turns article text into statements and says which ones a
// fact-checker should check, and why. It is plain Go: no HTTP, no database.
//
// The pipeline is: drop page furniture (furniture.go), split the remaining
// paragraphs into sentences (segment.go, boundary.go), score each sentence
// for check-worthiness with a small logistic model over generalising cues
// (score.go, internal/claim) and mark checkable elements inside it
// (facets.go). Every offset points into the original document.
package extract

import "github.com/factcheckdesk/factcheck/extract/internal/claim"

// Facet is a checkable element inside a statement, such as a money figure or
// a date. Start and End are byte offsets into the document.
type Facet struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Statement is one sentence (or heading) of the document. Start and End are
// byte offsets into the original document; End is exclusive.
type Statement struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Checkable bool     `json:"checkable"`
	Score     float64  `json:"score"`
	Reasons   []string `json:"reasons"`
	Type      string   `json:"type"`
	Facets    []Facet  `json:"facets"`
}

// Threshold is the score at or above which a statement is checkable. Scores
// are probabilities from the check-worthiness model; the model's bias is
// shifted at training time so that 0.5 is the cut-off that maximised F1 on
// held-out folds of the training data (see internal/train).
const Threshold = 0.5

// Result is what Analyse finds in a document: its statements and the page
// furniture it left out of them, both in document order.
type Result struct {
	Statements []Statement
	Furniture  []Furniture
}

// Extract splits doc into statements in document order, dropping page
// furniture, and scores each one. It never panics and always returns offsets
// inside doc on UTF-8 boundaries of the input, even for invalid UTF-8.
func Extract(doc string) []Statement { return Analyse(doc).Statements }

// Analyse is Extract that also returns the furniture it dropped, so that
// nothing is silently lost: the desk shows it greyed, and an editor can
// restore any of it as a statement. known is furniture the importer already
// found (an HTML page's captions, infobox or reference list): every line
// that starts inside a known span is furniture of its kind, whatever its
// shape. Known spans out of order, out of range or of no kind are ignored.
func Analyse(doc string, known ...Furniture) Result {
	low := lowerDoc(doc)
	spans, furn := segment(doc, low, known)
	out := make([]Statement, len(spans))
	fs := facetScanner{doc: doc, low: low}
	var sc claim.Scorer
	for n, sp := range spans {
		st := &out[n]
		st.Start, st.End, st.Text = sp.start, sp.end, doc[sp.start:sp.end]
		st.Facets = fs.scan(sp.start, sp.end, sp.heading)
		judge(&sc, st, sp.heading)
	}
	return Result{Statements: out, Furniture: furn}
}
