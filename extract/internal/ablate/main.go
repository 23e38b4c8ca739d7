// Command ablate fits the check-worthiness model with changed options and
// prints dev and later-debates figures, bare and with the rules, plus the
// best threshold in hindsight (for diagnosis only, never for choosing). It
// writes every prediction to /tmp/dev_errs.txt and /tmp/errs.txt.
//
//	go run ./extract/internal/ablate -shared ../shared [-norules] [-grams 1]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/factcheckdesk/factcheck/extract/evaluate"
	"github.com/factcheckdesk/factcheck/extract/internal/claim"
)

func score(m *claim.Model, rows []evaluate.Row, rules bool, dump string) claim.Scores {
	var s claim.Scores
	var f *os.File
	if dump != "" {
		f, _ = os.Create(dump)
		defer f.Close()
	}
	for _, r := range rows {
		j := claim.Judge(m, r.Text, false)
		p := j.Score
		if !rules {
			p = claim.BareScore(m, r.Text)
		}
		s.Add(p >= 0.5, r.Label)
		if f != nil {
			tag := "TN"
			switch {
			case p >= 0.5 && r.Label:
				tag = "TP"
			case p >= 0.5:
				tag = "FP"
			case r.Label:
				tag = "FN"
			}
			fmt.Fprintf(f, "%s\t%.2f\t%.2f\t%s\t%s\n", tag, j.Score, claim.BareScore(m, r.Text), j.Type, r.Text)
		}
	}
	return s
}

func pr(name string, s claim.Scores) {
	fmt.Printf("%-28s P %.3f R %.3f F1 %.3f\n", name, s.Precision(), s.Recall(), s.F1())
}

func main() {
	bigr := flag.Bool("bigrams", false, "")
	norules := flag.Bool("norules", false, "")
	defaults := claim.DefaultTrainOptions()
	l2w := flag.Float64("l2w", defaults.L2Words, "")
	l2d := flag.Float64("l2d", defaults.L2Dense, "")
	ep := flag.Int("epochs", defaults.Epochs, "")
	rate := flag.Float64("rate", defaults.Rate, "")
	raw := flag.Bool("raw", defaults.RawWords, "")
	grams := flag.Int("grams", defaults.Grams, "")
	grouped := flag.Bool("grouped", defaults.GroupedFolds, "")

	shared := flag.String("shared", "../shared", "directory holding eval/")
	flag.Parse()
	o := defaults
	o.GroupedFolds, o.Bigrams, o.RawWords, o.Grams = *grouped, *bigr, *raw, *grams
	o.L2Words, o.L2Dense, o.Epochs, o.Rate, o.NoRules = *l2w, *l2d, *ep, *rate, *norules
	train, _ := evaluate.ReadRows(filepath.Join(*shared, "eval", "checkworthy_train.tsv"))
	dev, _ := evaluate.ReadRows(filepath.Join(*shared, "eval", "checkworthy_dev.tsv"))
	var early, later []evaluate.Row
	for _, r := range train {
		if r.ID < 30000 {
			early = append(early, r)
		} else {
			later = append(later, r)
		}
	}
	ma := claim.Train(evaluate.Examples(train), o)
	mb := claim.Train(evaluate.Examples(early), o)
	pr("(a) dev", score(&ma, dev, !*norules, "/tmp/dev_errs.txt"))
	pr("(b) later", score(&mb, later, !*norules, "/tmp/errs.txt"))
	oracle("(a) oracle", &ma, dev, !*norules)
	oracle("(b) oracle", &mb, later, !*norules)
}

func oracle(name string, m *claim.Model, rows []evaluate.Row, rules bool) {
	ps := make([]float64, len(rows))
	for i, r := range rows {
		if rules {
			ps[i] = claim.Judge(m, r.Text, false).Score
		} else {
			ps[i] = claim.BareScore(m, r.Text)
		}
	}
	bt, bf := 0.0, 0.0
	for t := 0.05; t < 0.95; t += 0.01 {
		var s claim.Scores
		for i, r := range rows {
			s.Add(ps[i] >= t, r.Label)
		}
		if s.F1() > bf {
			bt, bf = t, s.F1()
		}
	}
	fmt.Printf("%-28s best F1 %.3f at %.2f\n", name, bf, bt)
}
