package intake

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// newsPage generates a news page with about `words` words of article text
// plus the usual furniture.
func newsPage(words int) []byte {
	vocab := strings.Fields("the council said on tuesday that a new bridge would cost million pounds " +
		"and residents have questioned whether government funding will arrive in time for construction " +
		"according to figures published by the department for transport last year officials claimed")
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Long read: the bridge | Courier</title>
<meta property="og:site_name" content="Courier"><meta property="article:published_time" content="2024-03-14T09:30:00Z">
<link rel="canonical" href="https://courier.example/long-read"><script>var x = 1;</script></head><body>
<div class="cookie-banner"><p>We use cookies.</p><button>OK</button></div>
<nav><ul>`)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `<li><a href="/s/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav><main><article><h1>Long read: the bridge</h1><div class="byline">By Jane Doe</div><div class="article-body">`)
	n := 0
	for p := 0; n < words; p++ {
		if p%8 == 7 {
			fmt.Fprintf(&b, "<h2>Part %d</h2>\n", p/8+1)
		}
		b.WriteString("<p>")
		for w := 0; w < 60 && n < words; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			if w == 20 {
				b.WriteString(`<a href="/x">`)
			}
			b.WriteString(vocab[(p*7+w*3)%len(vocab)])
			if w == 22 {
				b.WriteString(`</a>`)
			}
			n++
		}
		b.WriteString(".</p>\n")
		if p%15 == 14 {
			b.WriteString(`<aside class="related"><h3>Recommended</h3><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another</a></li></ul></aside><script>ads.push({});</script>`)
		}
	}
	b.WriteString(`</div></article><section id="comments">`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, `<div class="comment"><p>Comment %d: I disagree with this article entirely.</p></div>`, i)
	}
	b.WriteString(`</section></main><footer><p>© Courier</p></footer></body></html>`)
	return b.Bytes()
}

func TestGeneratedPage(t *testing.T) {
	doc, err := FromHTML(nil, bytes.NewReader(newsPage(10000)))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(strings.Fields(doc.Text)); got < 10000 || got > 10200 {
		t.Errorf("extracted %d words, want ~10000 plus headings", got)
	}
	for _, s := range []string{"cookies", "Section 3", "Comment 1", "Recommended", "Other story"} {
		if strings.Contains(outsideFurniture(doc), s) {
			t.Errorf("furniture %q in text", s)
		}
	}
}

func BenchmarkFromHTML(b *testing.B) {
	page := newsPage(10000)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromHTML(nil, bytes.NewReader(page)); err != nil {
			b.Fatal(err)
		}
	}
}
