package intake

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

const docxBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:body>
  <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Claims about the bridge</w:t></w:r></w:p>
  <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
    <w:r><w:t xml:space="preserve">The council said the bridge </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>costs £42m</w:t></w:r><w:r><w:t xml:space="preserve"> &amp; will open in 2027.</w:t></w:r>
  </w:p>
  <w:p><w:r><w:t>Name:</w:t></w:r><w:r><w:tab/><w:t>Jane</w:t></w:r><w:r><w:br/><w:t>Second line</w:t></w:r>
    <w:r><w:delText>deleted words</w:delText></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r></w:p>
  <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>First point</w:t></w:r></w:p>
  <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Second point</w:t></w:r></w:p>
  <w:tbl>
    <w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p></w:tc></w:tr>
    <w:tr><w:tc><w:p><w:r><w:t>2024</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>£3m</w:t></w:r></w:p></w:tc></w:tr>
  </w:tbl>
  <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
  <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Verdict</w:t></w:r></w:p>
  <w:p><w:r><w:t>Mostly true.</w:t></w:r></w:p>
  <w:sectPr/>
</w:body>
</w:document>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Bridge memo</dc:title><dc:creator>J. Doe</dc:creator></cp:coreProperties>`

// makeZip builds a ZIP archive from name/content pairs.
func makeZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func makeDocx(t testing.TB, withCore bool) []byte {
	files := []string{
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml", docxBody,
	}
	if withCore {
		files = append(files, "docProps/core.xml", docxCore)
	}
	return makeZip(t, files...)
}

const docxWant = "Claims about the bridge\n\n" +
	"The council said the bridge costs £42m & will open in 2027.\n\n" +
	"Name:\tJane\nSecond line\n\n" +
	"First point\nSecond point\n\n" +
	"Year\tCost\n2024\t£3m\n\n" +
	"Text box\n\n" +
	"Verdict\n\n" +
	"Mostly true."

const mdSource = `---
title: "Fact sheet: the bridge"
date: 2024-03-14
---

# The *bridge* vote

Councillors **approved** the bridge
on Tuesday, see [the minutes](https://example.com/minutes "Minutes") and
<https://example.com/raw>. ![diagram](img/bridge.png)

Setext heading
--------------

* First _claim_ about snake_case_names
* Second claim, with ` + "`code`" + `
  continued here
1. Numbered item
2) Another

> Quoted *statement* from the leader.

| Year | Cost |
|------|-----:|
| 2024 | £3m  |

` + "```json\n{\"cost\": 42}\n```" + `

***

Escaped \*stars\* and &amp; entity, <span>inline html</span>, ~~struck~~.
Hard break here  
next line.

[minutes]: https://example.com/minutes
`

const mdWant = "The bridge vote\n\n" +
	"Councillors approved the bridge on Tuesday, see the minutes and https://example.com/raw.\n\n" +
	"Setext heading\n\n" +
	"First claim about snake_case_names\nSecond claim, with code continued here\n1. Numbered item\n2. Another\n\n" +
	"Quoted statement from the leader.\n\n" +
	"Year\tCost\n2024\t£3m\n\n" +
	"{\"cost\": 42}\n\n" +
	"Escaped *stars* and & entity, inline html, struck. Hard break here\nnext line."

func TestReadFile(t *testing.T) {
	news := readTestdata(t, "news.html")
	for _, tc := range []struct {
		name      string
		data      []byte
		format    string
		title     string
		text      string   // exact, if set
		contains  []string // substrings, if set
		notInText []string
	}{
		{
			name: "notes.txt", data: []byte("\ufeffLine one  with  spaces\r\n\r\n\r\n\r\nSecond paragraph\x07.\r\n   \r\n"),
			format: FormatText, title: "notes", text: "Line one  with  spaces\n\nSecond paragraph.",
		},
		{
			name: "C:\\Users\\jd\\Desktop\\claim.TXT", data: []byte("The claim."),
			format: FormatText, title: "claim", text: "The claim.",
		},
		{
			name: "fact-sheet.md", data: []byte(mdSource),
			format: FormatMD, title: "Fact sheet: the bridge", text: mdWant,
		},
		{
			name: "notitle.md", data: []byte("Just **text**.\n\n## Sub\n\nMore."),
			format: FormatMD, title: "Sub", text: "Just text.\n\nSub\n\nMore.",
		},
		{
			name: "article.html", data: news, format: FormatHTML,
			title:     "Council approves & funds new bridge over River Wye",
			contains:  []string{"Hereford councillors voted", "\n\nHow the project will be paid for\n\n"},
			notInText: []string{"cookies", "BridgeFan99", "Recommended stories"},
		},
		{
			name: "snippet.htm", data: []byte("<p>Short <b>note</b> &ndash; one line.</p><ul><li>a</li><li>b</li></ul>"),
			format: FormatHTML, title: "snippet", text: "Short note – one line.\n\na\nb",
		},
		{
			// Extension says .txt, content is HTML.
			name: "saved-page.txt", data: news, format: FormatHTML,
			title:     "Council approves & funds new bridge over River Wye",
			contains:  []string{"Hereford councillors voted"},
			notInText: []string{"<p>", "gtag"},
		},
		{
			name: "memo.docx", data: makeDocx(t, true),
			format: FormatDOCX, title: "Bridge memo", text: docxWant,
		},
		{
			// No core properties: title from the first heading. Content
			// wins over a wrong extension.
			name: "memo.bin", data: makeDocx(t, false),
			format: FormatDOCX, title: "Claims about the bridge", text: docxWant,
		},
		{
			// Windows-1252 / Latin-1 text is decoded.
			name: "legacy.txt", data: []byte("Caf\xe9 \x93quoted\x94 \x80100 na\xefve"),
			format: FormatText, title: "legacy", text: "Café “quoted” €100 naïve",
		},
		{
			name: "utf16.html", data: []byte("\xff\xfe<\x00p\x00>\x00H\x00i\x00 \x00\xe9\x00"),
			format: FormatHTML, title: "utf16", text: "Hi é",
		},
		{
			name: "utf16.txt", data: []byte("\xff\xfeH\x00i\x00 \x00\xe9\x00"),
			format: FormatText, title: "utf16", text: "Hi é",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ReadFile(tc.name, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tc.format {
				t.Errorf("Format = %q, want %q", doc.Format, tc.format)
			}
			if doc.Title != tc.title {
				t.Errorf("Title = %q, want %q", doc.Title, tc.title)
			}
			if !utf8.ValidString(doc.Text) {
				t.Error("invalid UTF-8")
			}
			if tc.text != "" && doc.Text != tc.text {
				t.Errorf("Text =\n%q\nwant\n%q", doc.Text, tc.text)
			}
			for _, s := range tc.contains {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("Text lacks %q", s)
				}
			}
			for _, s := range tc.notInText {
				if strings.Contains(outsideFurniture(doc), s) {
					t.Errorf("Text contains %q", s)
				}
			}
		})
	}
}

func TestReadFileErrors(t *testing.T) {
	garbage := make([]byte, 4096)
	seed := uint32(1)
	for i := range garbage {
		seed = seed*1664525 + 1013904223
		garbage[i] = byte(seed >> 24)
	}
	for _, tc := range []struct {
		name string
		data []byte
		kind Kind
		msg  string
	}{
		{"report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), KindUnsupported, msgPDF},
		{"report.txt", []byte("\n%PDF-1.4 binary"), KindUnsupported, msgPDF},
		{"empty.txt", nil, KindEmpty, msgEmptyFile},
		{"blank.md", []byte(" \n\t\r\n"), KindEmpty, msgEmptyFile},
		{"only-image.md", []byte("![alt](x.png)\n"), KindNoText, msgNoFileText},
		{"garbage.txt", garbage, KindUnsupported, msgBinary},
		{"nul.txt", []byte("text\x00with nul"), KindUnsupported, msgBinary},
		{"photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), KindUnsupported, msgBinary},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), KindUnsupported, msgDoc},
		{"fake.docx", []byte("just text"), KindUnsupported, msgNotDocx},
		{"broken.docx", []byte("PK\x03\x04 not really a zip"), KindInvalid, msgNotDocx},
		{"archive.zip", makeZip(t, "a.txt", "hello"), KindUnsupported, "ZIP archives are not supported; upload .txt, .md, .html or .docx"},
		{"other.docx", makeZip(t, "a.txt", "hello"), KindInvalid, msgNotDocx},
		{"huge.txt", bytes.Repeat([]byte("a"), MaxFileBytes+1), KindTooLarge, "The file is larger than 10 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.name, tc.data)
			e := wantKind(t, err, tc.kind)
			if e.Msg != tc.msg {
				t.Errorf("Msg = %q, want %q", e.Msg, tc.msg)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	for s, want := range map[string]bool{
		"<!DOCTYPE html><html>":              true,
		"<html lang=en>":                     true,
		"<!-- saved from url --><html>":      true,
		"<?xml version=\"1.0\"?>\n<html>":    true,
		"<body><p>x":                         true,
		"# Title\n<p>inline html</p>":        false,
		"<p>fragment</p>":                    false,
		"if a <html> tag appears later":      false,
		"<?xml version=\"1.0\"?><rss></rss>": false,
	} {
		if got := looksLikeHTML([]byte(s)); got != want {
			t.Errorf("looksLikeHTML(%q) = %v", s, got)
		}
	}
}

func TestRenderTextStructure(t *testing.T) {
	doc, err := ReadFile("x.html", []byte(`<html><body>
<h2>Heading</h2><p>Para   one
 spans lines.</p><p>Para two<br>with break.</p>
<ol start="3"><li>three</li><li>four<ul><li>nested</li></ul></li></ol>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
<pre>code  keeps
  spacing</pre><p hidden>hidden</p><p style="display: none">gone</p>
<p>Entities: &lt;tag&gt; &amp; &eacute; &#x1F600;</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	want := "Heading\n\nPara one spans lines.\n\nPara two\nwith break.\n\n3. three\n4. four\nnested\n\nA\tB\n1\t2\n\ncode  keeps\n  spacing\n\nEntities: <tag> & é 😀"
	if doc.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", doc.Text, want)
	}
}
