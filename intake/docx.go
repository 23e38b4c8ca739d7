package intake

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	// maxDocxXML caps the decompressed size of the XML parts we read, so a
	// small upload cannot expand into gigabytes (zip bomb).
	maxDocxXML = 64 << 20
	// maxDocxDepth and maxDocxElements bound the shape of the XML, which
	// the size cap does not: 64 MB of nested <w:p> is 13 million open
	// elements, and the decoder keeps every open one. Real documents nest
	// a few dozen deep (tables in text boxes in tables) and hold well
	// under a million elements per 2 MB of text.
	maxDocxDepth    = 256
	maxDocxElements = 2_000_000
	// maxDocxText caps the text taken out, well above what an article may
	// hold (2 MB), so memory stays bounded however the XML is shaped.
	maxDocxText = 8 << 20
)

var (
	errXMLTooLarge = errors.New("decompressed XML part too large")
	errXMLTooDeep  = errors.New("XML nested too deep")
	errXMLTooMany  = errors.New("XML has too many elements")
)

// readDOCX reads a ZIP archive that should be a Word document.
func readDOCX(data []byte, ext string) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, newErr(KindInvalid, err, msgNotDocx)
	}
	var body, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			body = f
		case "docProps/core.xml":
			core = f
		}
	}
	if body == nil {
		if ext == ".docx" {
			return Document{}, newErr(KindInvalid, errors.New("no word/document.xml"), msgNotDocx)
		}
		return Document{}, newErr(KindUnsupported, errors.New("ZIP without word/document.xml"),
			"ZIP archives are not supported; upload .txt, .md, .html or .docx")
	}
	paras, err := docxParagraphs(body)
	if err != nil {
		if errors.Is(err, errXMLTooLarge) || errors.Is(err, errXMLTooMany) {
			return Document{}, newErr(KindTooLarge, err, "The document is too large to import")
		}
		if errors.Is(err, errXMLTooDeep) {
			return Document{}, newErr(KindInvalid, err, "The document is nested too deeply to be a real Word document; save it again from Word or paste its text")
		}
		return Document{}, newErr(KindInvalid, err, msgNotDocx)
	}
	d := Document{Format: FormatDOCX}
	if core != nil {
		d.Title = docxCoreTitle(core)
	}
	var sb strings.Builder
	prevGroup := ""
	for _, p := range paras {
		if p.text == "" {
			continue
		}
		if d.Title == "" && p.heading {
			d.Title = p.text
		}
		if sb.Len() > 0 {
			if p.group != "" && p.group == prevGroup {
				sb.WriteString("\n")
			} else {
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(p.text)
		prevGroup = p.group
	}
	d.Text = sb.String()
	return d, nil
}

type docxPara struct {
	text    string
	heading bool
	group   string // "list" or "table": joined to neighbours of the same group with a single newline
}

var (
	rxHeadingStyle = regexp.MustCompile(`(?i)^(heading\s?\d|title|subtitle)$`)
	rxListStyle    = regexp.MustCompile(`(?i)^list`)
	rxDocxSpaces   = regexp.MustCompile(` {2,}`)
)

type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errXMLTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// docxParagraphs walks word/document.xml. Paragraphs (<w:p>) become
// paragraphs; text comes from <w:t> only (not deleted text or field
// codes); <w:tab/> is a tab and <w:br/>/<w:cr/> a line break. Paragraph
// styles Heading*/Title/Subtitle or an outline level mark headings; list
// paragraphs (numbering or List* styles) are kept on consecutive lines.
// Table rows become one line with cells separated by tabs. The fallback
// branch of mc:AlternateContent is skipped so text boxes are not repeated.
func docxParagraphs(f *zip.File) ([]docxPara, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(&limitedReader{r: rc, n: maxDocxXML})

	type pstate struct {
		sb      strings.Builder
		heading bool
		list    bool
	}
	var (
		out      []docxPara
		stack    []*pstate // open paragraphs (text boxes nest them)
		inText   int
		inRun    int
		skip     int
		inPPr    int
		tblDepth int
		row      []string
		cell     []string
		inCell   bool
		depth    int // open elements, of any namespace
		elements int
		textLen  int
	)
	emit := func(p docxPara) {
		p.text = strings.TrimSpace(rxDocxSpaces.ReplaceAllString(p.text, " "))
		out = append(out, p)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			elements++
			if depth > maxDocxDepth {
				return nil, errXMLTooDeep
			}
			if elements > maxDocxElements {
				return nil, errXMLTooMany
			}
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip = 1
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			var cur *pstate
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
			}
			switch t.Name.Local {
			case "p":
				stack = append(stack, &pstate{})
			case "pPr":
				inPPr++
			case "pStyle":
				if cur != nil && inPPr > 0 {
					v := xmlAttr(t, "val")
					if rxHeadingStyle.MatchString(v) {
						cur.heading = true
					}
					if rxListStyle.MatchString(v) {
						cur.list = true
					}
				}
			case "outlineLvl":
				if cur != nil && inPPr > 0 && xmlAttr(t, "val") != "9" {
					cur.heading = true
				}
			case "numPr":
				if cur != nil && inPPr > 0 {
					cur.list = true
				}
			case "r":
				inRun++
			case "t":
				inText++
			case "tab":
				if cur != nil && inRun > 0 {
					cur.sb.WriteByte('\t')
				}
			case "br", "cr":
				if cur != nil && inRun > 0 {
					cur.sb.WriteByte('\n')
				}
			case "noBreakHyphen":
				if cur != nil {
					cur.sb.WriteByte('-')
				}
			case "tbl":
				tblDepth++
			case "tr":
				if tblDepth == 1 {
					row = nil
				}
			case "tc":
				if tblDepth == 1 {
					cell, inCell = nil, true
				}
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				if len(stack) == 0 {
					continue
				}
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				text := p.sb.String()
				if inCell && tblDepth == 1 && len(stack) == 0 {
					if s := strings.TrimSpace(text); s != "" {
						cell = append(cell, s)
					}
					continue
				}
				if len(stack) > 0 && inCell {
					// Text box inside a table cell: keep with the cell.
					cell = append(cell, strings.TrimSpace(text))
					continue
				}
				g := ""
				if p.list {
					g = "list"
				}
				emit(docxPara{text: text, heading: p.heading, group: g})
			case "pPr":
				inPPr--
			case "r":
				inRun--
			case "t":
				inText--
			case "tc":
				if tblDepth == 1 {
					row = append(row, strings.Join(cell, " "))
					cell, inCell = nil, false
				}
			case "tr":
				if tblDepth == 1 {
					emit(docxPara{text: strings.Join(row, "\t"), group: "table"})
					row = nil
				}
			case "tbl":
				tblDepth--
			}
		case xml.CharData:
			if skip == 0 && inText > 0 && len(stack) > 0 {
				if textLen += len(t); textLen > maxDocxText {
					return nil, errXMLTooLarge
				}
				stack[len(stack)-1].sb.Write(t)
			}
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("unterminated paragraph in %s", f.Name)
	}
	return out, nil
}

func xmlAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxCoreTitle reads dc:title from docProps/core.xml.
func docxCoreTitle(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if err := xml.NewDecoder(&limitedReader{r: rc, n: 1 << 20}).Decode(&core); err != nil {
		return ""
	}
	return strings.TrimSpace(core.Title)
}
