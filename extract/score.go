package extract

import "github.com/factcheckdesk/factcheck/extract/internal/claim"

// judge fills in the score, checkability, reasons and type of st using the
// committed model (model_gen.go).
func judge(sc *claim.Scorer, st *Statement, heading bool) {
	text := st.Text
	if k := speakerLabel(text); k > 0 && k < len(text) {
		text = text[k:] // the claim, not who is speaking: "KAGAN: This is the Chicago Board of Trade…"
	}
	j := sc.Judge(&model, text, heading)
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

// speakerLabel returns the length of the transcript's speaker label that
// text starts with, and the space after it, or 0: "KAGAN: ", "THE
// PRESIDENT: ", "DARYN KAGAN, CNN ANCHOR: ". A label is written in capitals
// and ends in a colon within its first 60 bytes.
func speakerLabel(text string) int {
	letters := 0
	for i := 0; i < len(text) && i < 60; i++ {
		switch c := text[i]; {
		case isUpper(c):
			letters++
		case c == ' ' || c == '.' || c == ',' || c == '\'' || c == '-':
		case c == ':':
			if letters < 2 || i+1 >= len(text) || text[i+1] != ' ' {
				return 0
			}
			return i + 2
		default:
			return 0
		}
	}
	return 0
}
