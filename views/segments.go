package views

import (
	"github.com/factcheckdesk/factcheck/models"
)

// Chunk is a run of article text: either plain text between statements, or
// one statement (Stmt non-nil) made of parts, some of them facets.
type Chunk struct {
	Text  string
	Stmt  *models.Statement
	Parts []Part
}

// Part is a run of a statement's text; Facet is the facet kind, or "".
type Part struct {
	Text  string
	Facet string
}

// Chunks cuts body into plain text and statements so the article can be
// shown exactly as written with statements highlighted in place. It trusts
// no offset: anything out of range or overlapping is shown as plain text.
func Chunks(body string, stmts []models.Statement) []Chunk {
	var out []Chunk
	at := 0
	for i := range stmts {
		s := &stmts[i]
		if s.Start < at || s.End > len(body) || s.Start >= s.End {
			continue
		}
		if s.Start > at {
			out = append(out, Chunk{Text: body[at:s.Start]})
		}
		out = append(out, chunkOf(s, body[s.Start:s.End]))
		at = s.End
	}
	if at < len(body) {
		out = append(out, Chunk{Text: body[at:]})
	}
	return out
}

// StatementChunk is the chunk of one statement alone, for re-rendering its
// highlight after a save.
func StatementChunk(s *models.Statement) Chunk { return chunkOf(s, s.Text) }

// chunkOf splits the statement's text at its facets. Facet offsets index the
// document, so they are shifted by the statement's start; any facet out of
// order, overlapping or outside the statement is left out.
func chunkOf(s *models.Statement, text string) Chunk {
	c := Chunk{Text: text, Stmt: s}
	at := 0
	for _, f := range s.Facets {
		start, end := f.Start-s.Start, f.End-s.Start
		if start < at || end > len(text) || start >= end {
			continue
		}
		if start > at {
			c.Parts = append(c.Parts, Part{Text: text[at:start]})
		}
		c.Parts = append(c.Parts, Part{Text: text[start:end], Facet: f.Kind})
		at = end
	}
	if at < len(text) {
		c.Parts = append(c.Parts, Part{Text: text[at:]})
	}
	return c
}
