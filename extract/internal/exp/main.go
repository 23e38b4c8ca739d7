// Command exp compares training settings by the out-of-fold F1 of grouped
// 5-fold cross-validation on the training data (with the product's rules),
// which is what settings should be chosen by; dev and later-debates F1 are
// printed beside it for information only.
//
//	go run ./extract/internal/exp -shared ../shared [-all] [-early] [-frames 1] [-pairs] [-stems 1] [-l2w 1e-3]
//
// With -early the cross-validation uses only train rows with id < 30000,
// so that choosing by it leaves the later-debates figure untouched. Folds
// are fitted in parallel.
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"sort"
	"sync"

	"github.com/factcheckdesk/factcheck/extract/evaluate"
	"github.com/factcheckdesk/factcheck/extract/internal/claim"
)

// oofF1 is the grouped 5-fold out-of-fold F1 (with rules) at the best threshold.
func oofF1(train []evaluate.Row, o claim.TrainOptions) (float64, float64) {
	idx := make([]int, len(train))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return train[idx[a]].ID < train[idx[b]].ID })
	fold := make([]int, len(train))
	for r, i := range idx {
		fold[i] = r * 5 / len(train)
	}
	o1 := o
	o1.Folds = 1
	p := make([]float64, len(train))
	force := make([]int8, len(train))
	var wg sync.WaitGroup
	for f := 0; f < 5; f++ {
		wg.Go(func() {
			var tr []evaluate.Row
			for i, r := range train {
				if fold[i] != f {
					tr = append(tr, r)
				}
			}
			m := claim.Train(evaluate.Examples(tr), o1)
			for i, r := range train {
				if fold[i] == f {
					c := claim.Analyse(r.Text)
					p[i], force[i] = claim.BareScore(&m, r.Text), claim.Forced(&c, false)
				}
			}
		})
	}
	wg.Wait()
	bt, bf := 0.0, -1.0
	for t := 0.2; t <= 0.8; t += 0.01 {
		var s claim.Scores
		for i := range p {
			s.Add(force[i] > 0 || force[i] == 0 && p[i] >= t, train[i].Label)
		}
		if s.F1() > bf {
			bt, bf = t, s.F1()
		}
	}
	return bf, bt
}

var (
	all     = flag.Bool("all", false, "try every variant, not only the defaults")
	cvEarly = flag.Bool("early", false, "cross-validate on train rows with id < 30000 only, so that the later-debates figure is untouched by the choice")
	frames  = flag.Int("frames", defaults.Frames, "claim.Options.Frames")
	raw     = flag.Bool("raw", defaults.RawWords, "claim.Options.RawWords")
	pairs   = flag.Bool("pairs", defaults.Pairs, "claim.Options.Pairs")
	stems   = flag.Int("stems", defaults.Stems, "claim.Options.Stems")
	classes = flag.Int("classes", defaults.Classes, "claim.Options.Classes")
	cgrams  = flag.Bool("classgrams", defaults.ClassGrams, "claim.Options.ClassGrams")
	gender  = flag.Bool("gender", defaults.FoldGender, "claim.Options.FoldGender")
	seeds   = flag.Int("seeds", 1, "average the oof F1 over this many training seeds")
	l2w     = flag.Float64("l2w", defaults.L2Words, "L2 penalty on sparse features")
	l2d     = flag.Float64("l2d", defaults.L2Dense, "L2 penalty on dense features")
)

// defaults are the committed model's settings, which the flags start from.
var defaults = claim.DefaultTrainOptions()

func main() {
	shared := flag.String("shared", "../shared", "directory holding eval/")
	flag.Parse()
	train, err := evaluate.ReadRows(filepath.Join(*shared, "eval", "checkworthy_train.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	dev, err := evaluate.ReadRows(filepath.Join(*shared, "eval", "checkworthy_dev.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	grid(train, dev)
}

func grid(train, dev []evaluate.Row) {
	var early, later []evaluate.Row
	for _, r := range train {
		if r.ID < 30000 {
			early = append(early, r)
		} else {
			later = append(later, r)
		}
	}
	type cfg struct {
		name string
		o    claim.TrainOptions
	}
	base := claim.DefaultTrainOptions()
	base.L2Words, base.L2Dense = *l2w, *l2d
	base.Frames, base.RawWords, base.Pairs, base.Stems = *frames, *raw, *pairs, *stems
	base.FoldGender = *gender
	base.Classes, base.ClassGrams = *classes, *cgrams
	cvRows := train
	if *cvEarly {
		cvRows = early
	}
	var cfgs []cfg
	add := func(name string, f func(o *claim.TrainOptions)) {
		o := base
		f(&o)
		cfgs = append(cfgs, cfg{name, o})
	}
	add("default", func(o *claim.TrainOptions) {})
	for _, l := range []float64{3e-5, 3e-4, 1e-3} {
		add(fmt.Sprintf("l2w=%g", l), func(o *claim.TrainOptions) { o.L2Words = l })
	}
	for _, l := range []float64{1e-4, 1e-3} {
		add(fmt.Sprintf("l2d=%g", l), func(o *claim.TrainOptions) { o.L2Dense = l })
	}
	for _, e := range []int{5, 20} {
		add(fmt.Sprintf("ep=%d", e), func(o *claim.TrainOptions) { o.Epochs = e })
	}
	for _, r := range []float64{0.03, 0.3} {
		add(fmt.Sprintf("rate=%g", r), func(o *claim.TrainOptions) { o.Rate = r })
	}
	add("grams=1", func(o *claim.TrainOptions) { o.Grams = 1 })
	add("grams=3", func(o *claim.TrainOptions) { o.Grams = 3 })
	if !*all {
		cfgs = cfgs[:1]
	}
	for _, c := range cfgs {
		f, t := oofF1(cvRows, c.o)
		if *seeds > 1 {
			fs := fmt.Sprintf("%.4f", f)
			for s := 2; s <= *seeds; s++ {
				o := c.o
				o.Seed = uint64(s)
				g, _ := oofF1(cvRows, o)
				f += g
				fs += fmt.Sprintf(",%.4f", g)
			}
			f /= float64(*seeds)
			fmt.Printf("%-12s oof per seed %s\n", c.name, fs)
		}
		var ma, mb claim.Model
		var wg sync.WaitGroup
		wg.Go(func() { ma = claim.Train(evaluate.Examples(train), c.o) })
		wg.Go(func() { mb = claim.Train(evaluate.Examples(early), c.o) })
		wg.Wait()
		fmt.Printf("%-12s oof %.4f@%.2f | dev %.3f | later %.3f\n", c.name, f, t, evaluate.Score(&ma, dev).F1(), evaluate.Score(&mb, later).F1())
	}
}
