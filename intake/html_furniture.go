package intake

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/factcheckdesk/factcheck/extract"
)

// Page furniture in HTML is found by its markup, at two points. Before
// readability, widgets with nothing to check (share and follow buttons,
// newsletter sign-ups, "[edit]" links, comments in the source) are removed,
// and blocks with text (figures and captions, credits, infoboxes, navboxes
// and sidebars, tables of contents, reference lists, related-link blocks)
// are taken out and replaced by a placeholder paragraph, so that
// readability neither scores them as content nor throws them away. After
// readability, renderText puts each block back at its placeholder, and
// marks it and any figure, aside or nav readability kept, so that the
// Document says where the furniture is: the desk shows it greyed and an
// editor can restore it, instead of it being silently lost.

// furnitureRule says which elements are furniture, by tag or by a token of
// their class, id or role.
type furnitureRule struct {
	kind   string // extract.Furniture…; "" removes the element
	tags   []atom.Atom
	tokens []string // whole class/id/role tokens
	parts  []string // substrings of class/id tokens
}

var furnitureRules = [...]furnitureRule{
	{kind: "", tokens: []string{"mw-editsection", "mw-jump-link", "share", "sharing", "social", "share-buttons",
		"social-share", "sharebar", "share-bar", "newsletter", "newsletter-signup", "subscribe", "follow-us", "print-only"}},
	{kind: extract.FurnitureCaption, tags: []atom.Atom{atom.Figure, atom.Figcaption},
		tokens: []string{"caption", "credit", "wp-caption-text", "image-caption", "photo-caption", "media-caption",
			"image-credit", "photo-credit", "thumbcaption"}},
	{kind: extract.FurnitureReference, tokens: []string{"reflist", "references", "footnotes", "mw-references-wrap",
		"catlinks", "printfooter", "citation-list", "endnotes"}},
	{kind: extract.FurnitureNavigation, tags: []atom.Atom{atom.Nav, atom.Aside},
		tokens: []string{"navigation", "complementary", "toc", "table-of-contents", "navbox", "vertical-navbox",
			"infobox", "sidebar", "hatnote", "shortdescription", "related", "related-links", "read-more", "more-stories",
			"recommended", "recommended-stories", "ambox", "metadata", "navbar", "breadcrumb", "breadcrumbs", "tags"},
		parts: []string{"navbox", "infobox", "sidebar", "related-", "-related"}},
}

// furnitureKind returns the rule that n falls under: its kind, whether it
// is furniture at all.
func furnitureKind(n *html.Node) (kind string, ok bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, r := range furnitureRules {
		for _, a := range r.tags {
			if n.DataAtom == a {
				return r.kind, true
			}
		}
	}
	var tokens []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" || a.Key == "role" {
			tokens = append(tokens, strings.Fields(strings.ToLower(a.Val))...)
		}
	}
	if len(tokens) == 0 {
		return "", false
	}
	for _, r := range furnitureRules {
		for _, t := range tokens {
			for _, want := range r.tokens {
				if t == want {
					return r.kind, true
				}
			}
			for _, p := range r.parts {
				if strings.Contains(t, p) {
					return r.kind, true
				}
			}
		}
	}
	return "", false
}

// setAside holds the furniture blocks taken out before readability, by the
// number in their placeholder.
type setAside struct {
	blocks []asideBlock
}

type asideBlock struct {
	kind string
	node *html.Node
}

// placeholderPrefix starts the single word of a placeholder paragraph. The
// word is long, so that readability's rule against short blocks spares its
// container, and it cannot occur in page text (private-use characters are
// removed from text nodes first).
const placeholderPrefix = "\ue002furniture-placeholder-"

// prepare removes furniture widgets and comments under n, and replaces
// furniture blocks by placeholders.
func (s *setAside) prepare(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode:
			n.RemoveChild(c)
		case html.TextNode:
			c.Data = stripPrivate(c.Data)
		case html.ElementNode:
			if c.DataAtom == atom.Head {
				break
			}
			kind, ok := furnitureKind(c)
			switch {
			case ok && kind == "":
				n.RemoveChild(c)
			case ok:
				p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
				p.AppendChild(&html.Node{Type: html.TextNode, Data: fmt.Sprintf("%s%d\ue003", placeholderPrefix, len(s.blocks))})
				n.InsertBefore(p, c)
				n.RemoveChild(c)
				s.strip(c)
				s.blocks = append(s.blocks, asideBlock{kind: kind, node: c})
			default:
				s.prepare(c)
			}
		}
		c = next
	}
}

// strip removes comments and widgets inside a block set aside, and
// private-use characters from its text.
func (s *setAside) strip(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode:
			n.RemoveChild(c)
		case html.TextNode:
			c.Data = stripPrivate(c.Data)
		case html.ElementNode:
			if kind, ok := furnitureKind(c); ok && kind == "" {
				n.RemoveChild(c)
			} else {
				s.strip(c)
			}
		}
		c = next
	}
}

// block returns the block whose placeholder text is t.
func (s *setAside) block(t string) (asideBlock, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(t), placeholderPrefix)
	if !ok || s == nil {
		return asideBlock{}, false
	}
	var i int
	if _, err := fmt.Sscanf(rest, "%d\ue003", &i); err != nil || i < 0 || i >= len(s.blocks) {
		return asideBlock{}, false
	}
	return s.blocks[i], true
}

// Furniture marks in rendered text: furnOpen and a kind code open a block,
// furnClose ends it. They are private-use characters, which page text
// never keeps (see stripPrivate), and come out in furnitureSpans.
const (
	furnOpen  = '\ue000'
	furnClose = '\ue001'
)

var kindCodes = map[string]byte{
	extract.FurnitureCaption: 'c', extract.FurnitureNavigation: 'n', extract.FurnitureReference: 'r',
}

var codeKinds = map[byte]string{'c': extract.FurnitureCaption, 'n': extract.FurnitureNavigation, 'r': extract.FurnitureReference}

// stripPrivate removes the private-use characters the marks use.
func stripPrivate(s string) string {
	if !strings.ContainsAny(s, "\ue000\ue001\ue002\ue003") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '\ue000' && r <= '\ue003' {
			return -1
		}
		return r
	}, s)
}

// furnitureSpans removes the marks from text and returns it with the spans
// they enclosed (outermost blocks only, trimmed, empty ones dropped).
func furnitureSpans(text string) (string, []extract.Furniture) {
	if !strings.ContainsRune(text, furnOpen) {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	var spans []extract.Furniture
	depth, start, kind := 0, 0, ""
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], string(furnOpen)):
			i += len(string(furnOpen))
			code := byte(0)
			if i < len(text) {
				code = text[i]
				i++
			}
			if depth == 0 {
				start, kind = b.Len(), codeKinds[code]
			}
			depth++
		case strings.HasPrefix(text[i:], string(furnClose)):
			i += len(string(furnClose))
			if depth == 0 {
				continue
			}
			if depth--; depth == 0 {
				s, e := start, b.Len()
				str := b.String()
				for s < e && isSpaceByteASCII(str[s]) {
					s++
				}
				for e > s && isSpaceByteASCII(str[e-1]) {
					e--
				}
				if s < e && kind != "" {
					spans = append(spans, extract.Furniture{Start: s, End: e, Kind: kind})
				}
			}
		default:
			b.WriteByte(text[i])
			i++
		}
	}
	return b.String(), spans
}

func isSpaceByteASCII(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
