package extract

// Engine is the extractor as a value, for code that is handed one (the
// store is, so that storage never runs the classifier on its own).
type Engine struct{}

// Extract is the package's Extract.
func (Engine) Extract(doc string) []Statement { return Extract(doc) }

// Analyse is the package's Analyse.
func (Engine) Analyse(doc string, known []Furniture) Result { return Analyse(doc, known...) }

// Score is ScoreSentence.
func (Engine) Score(text string) Statement { return ScoreSentence(text) }
