package export

import (
	"html/template"
	"io"
	"strings"

	"github.com/factcheckdesk/factcheck/rating"
)

// htmlStatement is a statement prepared for the HTML template.
type htmlStatement struct {
	Statement
	Label      string
	BadgeClass string
	Reviewed   string
	Permalink  string
}

// htmlData is the HTML template's input.
type htmlData struct {
	R          Report
	Title      string
	Published  string
	Generated  string
	Summary    Summary
	Statements []htmlStatement
	Notices    []string
}

// badgeClass is the CSS class for a verdict badge; unknown verdicts share
// one class so no stored value reaches a class name.
func badgeClass(v string) string {
	switch k := key(v); k {
	case rating.Unreviewed, rating.InProgress, rating.Verified, rating.Disputed, rating.Corrected:
		return "badge-" + string(k)
	case rating.NotCheckable:
		return "badge-not-checkable"
	}
	return "badge-other"
}

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"date":  isoDate,
	"badge": badgeClass,
	"trim":  strings.TrimSpace,
	"link":  safeHTTPURL,
}).Parse(htmlSource))

// HTML writes a standalone, print-ready HTML report: the same content as
// Markdown, with print CSS (page margins, no statement split across pages,
// verdict badges distinguishable in greyscale). Everything from the article
// and the review is escaped by html/template; URLs with unsafe schemes are
// neutralised.
func HTML(w io.Writer, r Report) error {
	d := htmlData{
		R:         r,
		Title:     titleOr(r.Article.Title),
		Published: humanTimep(r.Article.PublishedAt),
		Generated: humanTime(r.GeneratedAt),
		Summary:   Summarize(r.Scale, r.Statements),
		Notices:   CorrectionNotices(r),
	}
	for _, s := range r.Statements {
		if !reviewed(r.Scale, s) {
			continue
		}
		hs := htmlStatement{
			Statement:  s,
			Label:      VerdictLabel(r.Scale, s.Verdict),
			BadgeClass: badgeClass(s.Verdict),
			Reviewed:   humanTimep(s.ReviewedAt),
		}
		if r.BaseURL != "" {
			hs.Permalink = Permalink(r, s)
		}
		d.Statements = append(d.Statements, hs)
	}
	var b strings.Builder
	if err := htmlTmpl.Execute(&b, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fact-check report: {{.Title}}</title>
<style>
@page { size: auto; margin: 18mm 16mm 20mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; color: #111; background: #fff;
  font: 11pt/1.5 Georgia, "Times New Roman", Times, serif; }
h1, h2, h3, .meta dt, .badge, table, .reviewer, footer {
  font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .25rem; }
h1 .kicker { display: block; font-size: .8rem; font-weight: normal; letter-spacing: .08em; text-transform: uppercase; color: #444; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 1.75rem; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 0 0 .5rem; break-after: avoid; page-break-after: avoid; }
a { color: inherit; overflow-wrap: anywhere; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .75rem 0; }
.meta dt { font-weight: bold; font-size: .9rem; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .2rem .6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.statement { border: 1px solid #bbb; border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0;
  break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid #666; font-style: italic; white-space: pre-line; }
.field { margin: .4rem 0; white-space: pre-line; }
.field strong { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: .9rem; }
.sources { margin: .4rem 0; padding-left: 1.4rem; }
.sources li { margin: .3rem 0; }
.sources blockquote { font-size: .95rem; }
.url { font-size: .85rem; color: #333; }
.reviewer { font-size: .85rem; color: #333; margin: .5rem 0 0; }
.badge { display: inline-block; font-size: .75rem; font-weight: bold; text-transform: uppercase; letter-spacing: .05em;
  padding: .05rem .45rem; border: 2px solid #000; border-radius: 3px; vertical-align: middle;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Each badge differs in fill, border style and text, so it stays legible in greyscale. */
.badge-verified { background: #1b5e20; border-color: #1b5e20; color: #fff; }
.badge-corrected { background: #fff; border-color: #000; border-style: double; border-width: 4px; color: #000; }
.badge-disputed { background: #ffe08a; border-color: #000; border-style: dashed; color: #000; }
.badge-not-checkable { background: #e6e6e6; border-color: #777; border-style: dotted; color: #000; }
.badge-in_progress, .badge-unreviewed, .badge-other { background: #fff; border-color: #777; color: #333; }
.notices p { margin: .5rem 0; }
footer { margin-top: 2rem; font-size: .8rem; color: #444; border-top: 1px solid #999; padding-top: .4rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { text-decoration: none; }
  nav, .no-print { display: none !important; }
}
</style>
</head>
<body>
<header>
<h1><span class="kicker">Fact-check report</span>{{.Title}}</h1>
<dl class="meta">
{{- with .R.Article.URL}}
<dt>URL</dt><dd>{{if link .}}<a href="{{.}}">{{.}}</a>{{else}}{{.}}{{end}}</dd>
{{- end}}
{{- with .R.Article.Author}}
<dt>Author</dt><dd>{{.}}</dd>
{{- end}}
{{- with .Published}}
<dt>Published</dt><dd>{{.}}</dd>
{{- end}}
{{- with .R.Organization}}
<dt>Fact-checked by</dt><dd>{{.}}</dd>
{{- end}}
{{- with .Generated}}
<dt>Report generated</dt><dd>{{.}}</dd>
{{- end}}
</dl>
</header>
<main>
<section class="summary">
<h2>Summary</h2>
<table>
<tbody>
<tr><th scope="row">Statements</th><td class="num">{{.Summary.Statements}}</td></tr>
<tr><th scope="row">Checkable</th><td class="num">{{.Summary.Checkable}}</td></tr>
<tr><th scope="row">Reviewed</th><td class="num">{{.Summary.Reviewed}}</td></tr>
{{- range .Summary.ByVerdict}}
<tr><th scope="row"><span class="badge {{badge .Verdict}}">{{.Label}}</span></th><td class="num">{{.Count}}</td></tr>
{{- end}}
</tbody>
</table>
</section>
<section class="statements">
<h2>Reviewed statements</h2>
{{- range .Statements}}
<article class="statement" id="statement-{{.ID}}">
<h3>Statement {{.Position}} <span class="badge {{.BadgeClass}}">{{.Label}}</span></h3>
<blockquote>{{trim .Text}}</blockquote>
{{- if trim .Correction}}
<p class="field"><strong>Correction:</strong> {{trim .Correction}}</p>
{{- end}}
{{- if trim .Note}}
<p class="field"><strong>Note:</strong> {{trim .Note}}</p>
{{- end}}
{{- if .Sources}}
<p class="field"><strong>Sources:</strong></p>
<ol class="sources">
{{- range .Sources}}
<li>{{if .Title}}<cite>{{.Title}}</cite>{{else}}<cite>Untitled source</cite>{{end}}{{with .Publisher}} — {{.}}{{end}}{{with date .AccessedAt}}, accessed {{.}}{{end}}
{{- with .URL}}<br>{{if link .}}<a class="url" href="{{.}}">{{.}}</a>{{else}}<span class="url">{{.}}</span>{{end}}{{end}}
{{- with trim .Quote}}
<blockquote>{{.}}</blockquote>
{{- end}}
</li>
{{- end}}
</ol>
{{- end}}
<p class="reviewer">Reviewed{{with .ReviewedBy}} by {{.}}{{end}}{{with .Reviewed}} on {{.}}{{end}}{{with .Permalink}} · <a href="{{.}}">{{.}}</a>{{end}}</p>
</article>
{{- else}}
<p>No statement has a final verdict yet.</p>
{{- end}}
</section>
{{- if .Notices}}
<section class="notices">
<h2>Correction notices</h2>
{{- range .Notices}}
<p>{{.}}</p>
{{- end}}
</section>
{{- end}}
</main>
<footer>Report generated{{with .Generated}} {{.}}{{end}}{{with .R.Organization}} by {{.}}{{end}}.</footer>
</body>
</html>
`
