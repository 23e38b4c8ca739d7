package evaluate

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/extract/internal/claim"
)

// NewsArticle is one article of the news evaluation set
// (extract/testdata/news): the text as a paste or an import brings it, page
// furniture and all, and its hand labels (NAME.gold beside NAME.txt).
type NewsArticle struct {
	Name      string
	Origin    string // the first comment line of the .gold file: address, outlet, date, kind
	Text      string
	Furniture []string       // lines that are page furniture, trimmed
	Sentences []NewsSentence // the article's sentences and headings, in order
	Facets    []NewsFacet    // key facts a reviewer needs marked, with their kind
}

// NewsSentence is a labelled sentence (or heading).
type NewsSentence struct {
	Text      string
	Checkable bool
}

// NewsFacet is a key fact and its kind (extract.Kind…).
type NewsFacet struct{ Kind, Text string }

// ReadNews reads every NAME.txt with its NAME.gold in dir. A .gold file has
// one label a line, tab-separated: "F line" (furniture), "S sentence" (not
// checkable), "C sentence" (checkable), "K kind text" (a key facet); lines
// starting with # are comments (the article's origin).
func ReadNews(dir string) ([]NewsArticle, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.gold"))
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	var out []NewsArticle
	for _, g := range names {
		base := strings.TrimSuffix(g, ".gold")
		text, err := os.ReadFile(base + ".txt")
		if err != nil {
			return nil, fmt.Errorf("evaluate: %w", err)
		}
		a := NewsArticle{Name: filepath.Base(base), Text: string(text)}
		if err := readGold(g, &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Pick keeps the articles whose name matches one of patterns (path.Match
// syntax), all of them when there are none: a subset, such as the articles
// added after the rules were written, can be measured on its own. A pattern
// that matches nothing is an error, so a typo cannot pass for a figure.
func Pick(news []NewsArticle, patterns []string) ([]NewsArticle, error) {
	if len(patterns) == 0 {
		return news, nil
	}
	var out []NewsArticle
	for _, p := range patterns {
		p = strings.TrimSpace(p)
		n := 0
		for _, a := range news {
			ok, err := path.Match(p, a.Name)
			if err != nil {
				return nil, fmt.Errorf("evaluate: pattern %q: %w", p, err)
			}
			if ok && !slices.ContainsFunc(out, func(b NewsArticle) bool { return b.Name == a.Name }) {
				out = append(out, a)
			}
			if ok {
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("evaluate: no news article matches %q", p)
		}
	}
	return out, nil
}

// HeldOut reports whether the article was added after the rules were
// written (its origin says "held out"), so that its figures estimate how
// the engine does on news it was not tuned on.
func (a NewsArticle) HeldOut() bool { return strings.Contains(a.Origin, "held out") }

func readGold(path string, a *NewsArticle) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "# origin:"); ok && a.Origin == "" {
			a.Origin = strings.TrimSpace(rest)
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		tag, rest, _ := strings.Cut(line, "\t")
		switch tag {
		case "F":
			a.Furniture = append(a.Furniture, rest)
		case "S", "C":
			a.Sentences = append(a.Sentences, NewsSentence{Text: rest, Checkable: tag == "C"})
		case "K":
			kind, text, _ := strings.Cut(rest, "\t")
			a.Facets = append(a.Facets, NewsFacet{Kind: kind, Text: text})
		default:
			return fmt.Errorf("evaluate: %s line %d: unknown label %q", path, n, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return nil
}

// NewsScores are the figures of the news set.
type NewsScores struct {
	Sentences, ExactSentences int          // gold sentences; those a statement reproduces exactly
	Furniture, Leaked         int          // furniture lines; those that became (part of) a statement
	LeakedCheckable           int          // furniture lines inside a checkable statement
	Checkable                 claim.Scores // gold sentences by the checkability of the statement they start in; checkable leaks are false positives
	Facets, FacetsFound       int          // key facets; those found with the right kind and extent
	Persons, PersonsRight     int          // person and speaker facets the engine marked; those the labels name as people
	PersonOnly, PersonOnlyOK  int          // of them, the person facets (no speakers); those the labels name as people
	Failures                  []string     // what went wrong, for -v
}

// Add scores one article.
func (s *NewsScores) Add(a NewsArticle) {
	sts := extract.Extract(a.Text)
	norm, back := squeeze(a.Text)
	exact := map[string]bool{}
	for _, st := range sts {
		exact[normalise(st.Text)] = true
	}
	covering := func(off int) *extract.Statement {
		for i := range sts {
			if sts[i].Start <= off && off < sts[i].End {
				return &sts[i]
			}
		}
		return nil
	}
	from := 0
	for _, g := range a.Sentences {
		s.Sentences++
		want := normalise(g.Text)
		if exact[want] {
			s.ExactSentences++
		} else {
			s.fail("%s: sentence not reproduced: %q", a.Name, want)
		}
		k := strings.Index(norm[from:], want)
		if k < 0 {
			s.fail("%s: gold sentence not in the text: %q", a.Name, want)
			continue
		}
		from += k
		st := covering(back[from])
		pred := st != nil && st.Checkable
		s.Checkable.Add(pred, g.Checkable)
		if pred != g.Checkable {
			s.fail("%s: checkable %v, labelled %v: %q", a.Name, pred, g.Checkable, want)
		}
	}
	for _, line := range a.Furniture {
		s.Furniture++
		leaked, checkable := furnitureLeak(a.Text, line, sts)
		if leaked {
			s.Leaked++
			s.fail("%s: furniture kept as a statement: %q", a.Name, line)
		}
		if checkable {
			s.LeakedCheckable++
			s.Checkable.Add(true, false)
		}
	}
	found := map[NewsFacet]bool{}
	for _, st := range sts {
		for _, f := range st.Facets {
			found[NewsFacet{f.Kind, normalise(f.Text)}] = true
		}
	}
	people := map[string]bool{}
	for _, f := range a.Facets {
		s.Facets++
		if f.Kind == extract.KindPerson || f.Kind == extract.KindSpeaker {
			people[normalise(f.Text)] = true
		}
		if found[NewsFacet{f.Kind, normalise(f.Text)}] {
			s.FacetsFound++
		} else {
			s.fail("%s: facet %s %q not found", a.Name, f.Kind, f.Text)
		}
	}
	for f := range found {
		if f.Kind == extract.KindPerson || f.Kind == extract.KindSpeaker {
			s.Persons++
			if f.Kind == extract.KindPerson {
				s.PersonOnly++
				if people[f.Text] {
					s.PersonOnlyOK++
				}
			}
			if people[f.Text] {
				s.PersonsRight++
			} else {
				s.fail("%s: %s facet %q is not a person in the labels", a.Name, f.Kind, f.Text)
			}
		}
	}
}

func (s *NewsScores) fail(format string, args ...any) {
	s.Failures = append(s.Failures, fmt.Sprintf(format, args...))
}

// furnitureLeak reports whether the furniture line overlaps a statement,
// and a checkable one. Every line of doc that is the furniture line
// (trimmed) counts.
func furnitureLeak(doc, line string, sts []extract.Statement) (leaked, checkable bool) {
	for ls := 0; ls < len(doc); {
		le := strings.IndexByte(doc[ls:], '\n')
		if le < 0 {
			le = len(doc)
		} else {
			le += ls
		}
		if strings.TrimSpace(doc[ls:le]) == line {
			for _, st := range sts {
				if st.Start < le && ls < st.End {
					leaked = true
					checkable = checkable || st.Checkable
				}
			}
		}
		ls = le + 1
	}
	return leaked, checkable
}

// squeeze collapses runs of whitespace to one space (as normalise does) and
// returns, for each byte of the result, its offset in s.
func squeeze(s string) (string, []int) {
	var b strings.Builder
	back := make([]int, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			back = append(back, i)
		}
		space = false
		b.WriteByte(c)
		back = append(back, i)
	}
	back = append(back, len(s))
	return b.String(), back
}

// Report prints the news figures.
func (s *NewsScores) Report(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "Sentence boundaries: %d of %d sentences exactly right\n", s.ExactSentences, s.Sentences)
	fmt.Fprintf(w, "Furniture: %d of %d lines became statements (%.0f%%), %d of them checkable\n",
		s.Leaked, s.Furniture, pct(s.Leaked, s.Furniture), s.LeakedCheckable)
	c := s.Checkable
	fmt.Fprintf(w, "Check-worthiness: P %.3f  R %.3f  F1 %.3f  (TP %d FP %d FN %d TN %d)\n",
		c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN, c.TN)
	fmt.Fprintf(w, "Key facets found with the right kind: %d of %d (%.0f%%)\n", s.FacetsFound, s.Facets, pct(s.FacetsFound, s.Facets))
	fmt.Fprintf(w, "Person and speaker facets that name people: %d of %d (%.0f%%); person facets alone: %d of %d (%.0f%%)\n",
		s.PersonsRight, s.Persons, pct(s.PersonsRight, s.Persons), s.PersonOnlyOK, s.PersonOnly, pct(s.PersonOnlyOK, s.PersonOnly))
	if verbose {
		slices.Sort(s.Failures)
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
