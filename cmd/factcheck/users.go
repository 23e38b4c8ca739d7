package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/factcheckdesk/factcheck/models"
)

// userCmd manages users from scripts: factcheck user create ...
func userCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError{"usage: factcheck user create --email E --name N --role admin|editor|reviewer --password-stdin"}
	}
	fs := newFlags("user create", stderr)
	dsn := dbFlag(fs)
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "", "full name (required)")
	role := fs.String("role", "reviewer", "admin, editor or reviewer")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input (required)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if !*fromStdin {
		return usageError{"pass the password on standard input with --password-stdin, so it stays out of shell history and process lists"}
	}
	password, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read password: %w", err)
	}
	password = strings.TrimRight(password, "\r\n")
	store, closeDB, err := openStore(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	u, err := store.CreateUser(ctx, models.UserInput{Email: *email, Name: *name, Role: models.Role(*role), Password: password})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s %s (%s), id %d\n", u.Role, u.Email, u.Name, u.ID)
	return nil
}

// tokenCmd makes API tokens from scripts: factcheck token create --email E
func tokenCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError{"usage: factcheck token create --email E [--name N]"}
	}
	fs := newFlags("token create", stderr)
	dsn := dbFlag(fs)
	email := fs.String("email", "", "email of the user the token acts as (required)")
	name := fs.String("name", "command line", "a name to recognise the token by")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *email == "" {
		return usageError{"token create needs --email"}
	}
	store, closeDB, err := openStore(*dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	u, err := store.UserByEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("no user with email %s", *email)
	}
	if !u.Active {
		return fmt.Errorf("user %s is deactivated", *email)
	}
	token, _, err := store.CreateToken(ctx, u.ID, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}
