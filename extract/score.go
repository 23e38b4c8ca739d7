package extract

import "github.com/factcheckdesk/factcheck/extract/internal/claim"

// judge fills in the score, checkability, reasons and type of st using the
// committed model (model_gen.go).
func judge(sc *claim.Scorer, st *Statement, heading bool) {
	j := sc.Judge(&model, st.Text, heading)
	st.Score = j.Score
	st.Checkable = j.Score >= Threshold
	st.Reasons = j.Reasons
	st.Type = j.Type
}

// ScoreSentence scores one sentence on its own, without segmenting it: the
// whole text is one statement (offsets relative to text). Use it to re-score
// a statement a reviewer edited.
func ScoreSentence(text string) Statement {
	st := Statement{End: len(text), Text: text}
	fs := facetScanner{doc: text, low: lowerDoc(text)}
	st.Facets = fs.scan(0, len(text), false)
	var sc claim.Scorer
	judge(&sc, &st, false)
	return st
}
