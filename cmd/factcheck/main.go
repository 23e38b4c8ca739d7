// Command factcheck runs Factcheck Desk and its command-line tools.
//
//	factcheck [serve] [--addr :8080] [--db factcheck.db] [--demo]
//	factcheck extract [--per-line] [FILE...]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `Factcheck Desk: a fact-check workflow tool.

Usage:
  factcheck [serve] [flags]        start the web desk (the default)
  factcheck extract [--per-line] [FILE...]
                                   print the statements of each document as JSON Lines
  factcheck user create --email E --name N --role admin|editor|reviewer --password-stdin
                                   add a user (the password is read from standard input)
  factcheck token create --email E [--name N]
                                   print a new API token for the user
  factcheck eval [--shared DIR]    print the extraction engine's measured quality
  factcheck import [--title T] FILE|URL
                                   load an article from a file or web page; prints its id
  factcheck export --article ID --format md|html|csv|json|claimreview|corrected [--out FILE]
                                   write a report of an article
  factcheck backup --out FILE      copy a SQLite desk, while it runs, to a new file
  factcheck restore --from FILE    check a backup and install it (stop the desk first)
  factcheck claimreview validate FILE
                                   check the ClaimReview JSON-LD in a file or HTML page

Run "factcheck COMMAND --help" for a command's flags.
`

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, args, stderr)
	case "extract":
		err = extractCmd(args, stdin, stdout, stderr)
	case "user":
		err = userCmd(ctx, args, stdin, stdout, stderr)
	case "token":
		err = tokenCmd(ctx, args, stdout, stderr)
	case "eval":
		err = evalCmd(args, stdout, stderr)
	case "import":
		err = importCmd(ctx, args, stdout, stderr)
	case "export":
		err = exportCmd(ctx, args, stdout, stderr)
	case "backup":
		err = backupCmd(ctx, args, stdout, stderr)
	case "restore":
		err = restoreCmd(ctx, args, stdout, stderr)
	case "claimreview":
		err = claimReviewCmd(args, stdin, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		err = usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "factcheck: %s\n\n%s", ue.msg, usage)
		return 2
	case errors.Is(err, errFlagHelp):
		return 0
	case errors.Is(err, errInvalid):
		return 1
	default:
		fmt.Fprintf(stderr, "factcheck: %v\n", err)
		return 1
	}
}
