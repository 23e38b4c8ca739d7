package intake

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// MaxFileBytes is the largest upload ReadFile accepts.
const MaxFileBytes = 10 << 20

// ReadFile extracts the text of an uploaded file. name is the file name as
// uploaded (only its extension and base name are used). The format is
// detected from the content first and the extension second:
//
//   - a ZIP archive containing word/document.xml is read as .docx;
//   - "%PDF-" is refused with a "not supported yet" message, as are old
//     binary .doc files and other ZIP archives;
//   - content starting with <!doctype html>, <html>, <head> or <body> is
//     HTML whatever the extension (and .html/.htm files are HTML anyway);
//   - .md/.markdown files are Markdown: heading markers, emphasis, inline
//     code backticks, link URLs (the link text stays), images, reference
//     definitions, blockquote and bullet markers, horizontal rules and
//     inline HTML tags are removed; fenced code keeps its content verbatim;
//     ordered items keep "N. "; table rows become tab-separated lines;
//     front-matter is dropped (its title used);
//   - anything else that is text is plain text.
//
// Text files may be UTF-8 (with or without BOM) or UTF-16 with a BOM.
// Content that is not valid UTF-8 is decoded as Windows-1252 (a superset of
// ISO-8859-1, the usual encoding of legacy Western text files) unless it
// looks binary (NUL bytes or many control characters), which is refused.
//
// The title is the HTML <title>/first heading, the Markdown first heading
// (or front-matter title), the .docx core properties title (or first
// heading), else the file name without extension.
func ReadFile(name string, data []byte) (Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Document{}, newErr(KindEmpty, nil, msgEmptyFile)
	}
	if len(data) > MaxFileBytes {
		return Document{}, newErr(KindTooLarge, fmt.Errorf("%d bytes", len(data)), "The file is larger than %s", sizeString(MaxFileBytes))
	}
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := strings.ToLower(path.Ext(base))
	fallbackTitle := strings.TrimSpace(strings.TrimSuffix(base, path.Ext(base)))
	if base == "." || base == "/" {
		fallbackTitle = ""
	}

	doc, err := readFile(ext, data)
	if err != nil {
		return Document{}, err
	}
	doc.Text = tidyText(doc.Text)
	if doc.Text == "" {
		return Document{}, newErr(KindNoText, nil, msgNoFileText)
	}
	if doc.Title == "" {
		doc.Title = fallbackTitle
	}
	doc.Title = cleanLine(doc.Title)
	return doc, nil
}

func readFile(ext string, data []byte) (Document, error) {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n\f")
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")) || ext == ".pdf":
		return Document{}, newErr(KindUnsupported, errors.New("PDF"), msgPDF)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readDOCX(data, ext)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		if ext == ".doc" {
			return Document{}, newErr(KindUnsupported, errors.New("OLE compound file"), msgDoc)
		}
		return Document{}, newErr(KindUnsupported, errors.New("OLE compound file"), msgBinary)
	case ext == ".docx":
		return Document{}, newErr(KindUnsupported, errors.New("not a ZIP archive"), msgNotDocx)
	case looksLikeHTML(head) || ext == ".html" || ext == ".htm" || ext == ".xhtml":
		if !hasUTF16BOM(data) && looksBinary(data) {
			return Document{}, newErr(KindUnsupported, errors.New("binary content"), msgBinary)
		}
		return htmlFile(data)
	}

	text, err := decodeText(data)
	if err != nil {
		return Document{}, err
	}
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd":
		title, body := markdownToText(text)
		return Document{Title: title, Text: body, Format: FormatMD}, nil
	}
	return Document{Text: text, Format: FormatText}, nil
}

// htmlFile extracts an uploaded HTML file. If readability finds no article
// (typical for short fragments) the whole body text is used instead.
func htmlFile(data []byte) (Document, error) {
	doc, err := fromHTMLBytes(nil, data, "")
	var e *Error
	if err != nil && errors.As(err, &e) && e.Kind == KindNoText {
		d, ferr := wholeHTML(data)
		if ferr != nil {
			return Document{}, ferr
		}
		d.Format = FormatHTML
		return d, nil
	}
	return doc, err
}

var utf8BOM = []byte("\xEF\xBB\xBF")

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte("\xFF\xFE")) || bytes.HasPrefix(b, []byte("\xFE\xFF"))
}

// looksLikeHTML reports whether content (leading whitespace and BOM
// removed) starts like an HTML document.
func looksLikeHTML(head []byte) bool {
	if len(head) > 512 {
		head = head[:512]
	}
	h := bytes.ToLower(head)
	if bytes.HasPrefix(h, []byte("<?xml")) {
		return bytes.Contains(h, []byte("<html"))
	}
	for bytes.HasPrefix(h, []byte("<!--")) {
		end := bytes.Index(h, []byte("-->"))
		if end < 0 {
			return false
		}
		h = bytes.TrimLeft(h[end+3:], " \t\r\n\f")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return true
		}
	}
	return false
}

// looksBinary reports NUL bytes or more than 1% control characters other
// than common whitespace and ESC.
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range data {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			ctl++
		}
	}
	return ctl*100 > len(data)
}

// decodeText turns the bytes of a text file into a UTF-8 string; see
// ReadFile for the rules.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return string(data[3:]), nil
	case hasUTF16BOM(data):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", newErr(KindUnsupported, err, msgBinary)
		}
		return string(out), nil
	}
	if looksBinary(data) {
		return "", newErr(KindUnsupported, errors.New("binary content"), msgBinary)
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", newErr(KindUnsupported, err, msgBinary)
	}
	return string(out), nil
}
