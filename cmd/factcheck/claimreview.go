package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/factcheckdesk/factcheck/claimreview"
)

// errInvalid marks a document whose ClaimReview has errors: exit status 1
// after the problems are printed.
var errInvalid = errors.New("the ClaimReview markup has errors")

// claimReviewCmd runs "factcheck claimreview validate FILE": the checks the
// desk runs before it publishes, on any JSON-LD file or HTML page ("-"
// reads standard input).
func claimReviewCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "validate" {
		return usageError{"claimreview needs a subcommand: claimreview validate FILE"}
	}
	fs := newFlags("claimreview validate", stderr)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"claimreview validate needs one FILE (or - for standard input)"}
	}
	name := fs.Arg(0)
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, 16<<20))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	n, problems, err := claimreview.Validate(data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	errs := len(claimreview.Errors(problems))
	fmt.Fprintf(stdout, "%s: %d ClaimReview, %d error(s), %d warning(s)\n", name, n, errs, len(problems)-errs)
	if errs > 0 {
		return errInvalid
	}
	return nil
}
