package views

import (
	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
)

// Chunk is a run of article text: either plain text between statements, or
// one statement (Stmt non-nil) made of parts, some of them facets. Plain
// text that extraction left out as page furniture has its Furniture kind
// and its offsets in the article, which restoring it as a statement needs.
type Chunk struct {
	Text       string
	Stmt       *models.Statement
	Parts      []Part
	Furniture  string
	Start, End int
}

// Part is a run of a statement's text; Facet is the facet kind, or "".
type Part struct {
	Text  string
	Facet string
}

// Chunks cuts body into plain text, furniture and statements so the
// article can be shown exactly as written with statements highlighted in
// place and furniture greyed. It trusts no offset: anything out of range or
// overlapping is shown as plain text, and a statement wins over furniture
// (an editor may have restored part of it).
func Chunks(body string, stmts []models.Statement, furniture ...extract.Furniture) []Chunk {
	var out []Chunk
	fc := furnitureCutter{body: body}
	for _, f := range furniture {
		if f.Start >= 0 && f.Start < f.End && f.End <= len(body) && (len(fc.list) == 0 || f.Start >= fc.list[len(fc.list)-1].End) {
			fc.list = append(fc.list, f)
		}
	}
	at := 0
	for i := range stmts {
		s := &stmts[i]
		if s.Start < at || s.End > len(body) || s.Start >= s.End {
			continue
		}
		out = fc.plain(out, at, s.Start)
		out = append(out, chunkOf(s, body[s.Start:s.End]))
		at = s.End
	}
	return fc.plain(out, at, len(body))
}

// furnitureCutter splits the text between statements at the furniture
// spans, which are in document order.
type furnitureCutter struct {
	body string
	list []extract.Furniture
}

// plain appends body[from:to], cut into furniture and plain text, to out.
func (fc *furnitureCutter) plain(out []Chunk, from, to int) []Chunk {
	for from < to {
		for len(fc.list) > 0 && fc.list[0].End <= from {
			fc.list = fc.list[1:]
		}
		if len(fc.list) == 0 || fc.list[0].Start >= to {
			break
		}
		f := fc.list[0]
		s, e := max(f.Start, from), min(f.End, to)
		if s > from {
			out = append(out, Chunk{Text: fc.body[from:s]})
		}
		if s < e {
			out = append(out, Chunk{Text: fc.body[s:e], Furniture: f.Kind, Start: s, End: e})
		}
		from = max(from, e)
		if e >= f.End {
			fc.list = fc.list[1:]
		}
	}
	if from < to {
		out = append(out, Chunk{Text: fc.body[from:to]})
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
