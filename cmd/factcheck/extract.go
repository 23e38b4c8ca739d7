package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/factcheckdesk/factcheck/extract"
)

// extractedDoc is one line of `factcheck extract` output.
type extractedDoc struct {
	Doc        string              `json:"doc"`
	Statements []extract.Statement `json:"statements"`
}

// extractCmd prints the statements of each document as JSON Lines. Every
// input is read and checked before anything is printed, so a bad file
// leaves no partial output behind.
func extractCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("extract", stderr)
	perLine := fs.Bool("per-line", false, "treat each input line as its own document")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factcheck extract [--per-line] [FILE...]\n\nReads each FILE (standard input if none) as one UTF-8 document and prints\none JSON object per document: {\"doc\": name, \"statements\": [...]}.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	type input struct {
		name string
		data []byte
	}
	var inputs []input
	if fs.NArg() == 0 {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return fmt.Errorf("read standard input: %w", err)
		}
		inputs = append(inputs, input{"-", data})
	}
	for _, name := range fs.Args() {
		data, err := readFile(name)
		if err != nil {
			return err
		}
		inputs = append(inputs, input{name, data})
	}
	for _, in := range inputs {
		if !utf8.Valid(in.data) {
			return fmt.Errorf("%s: not valid UTF-8 text (convert it to UTF-8 first)", displayName(in.name))
		}
	}

	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, in := range inputs {
		if !*perLine {
			if err := enc.Encode(extractedDoc{Doc: in.name, Statements: nonNil(extract.Extract(string(in.data)))}); err != nil {
				return err
			}
			continue
		}
		n := 0
		for line := range bytes.Lines(in.data) {
			n++
			line = bytes.TrimRight(line, "\r\n")
			if err := enc.Encode(extractedDoc{Doc: strconv.Itoa(n), Statements: nonNil(extract.Extract(string(line)))}); err != nil {
				return err
			}
		}
	}
	return out.Flush()
}

func readFile(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, unwrapPathError(err))
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a file", name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, unwrapPathError(err))
	}
	return data, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

func nonNil(s []extract.Statement) []extract.Statement {
	if s == nil {
		return []extract.Statement{}
	}
	return s
}
