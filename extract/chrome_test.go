package extract

import "testing"

// TestPageChrome pins the furniture that only its place in the page gives
// away, with sentences of our own in the shapes real pages bring: what
// stays a statement and what is set aside, with its kind.
func TestPageChrome(t *testing.T) {
	tests := []furnitureCase{
		{"a masthead and a breadcrumb above the story, a sign-off below",
			"Harbour Gazette\n\nHome News Politics\n\nCouncil approves £4m flood wall\n\nThe council approved a £4m flood wall on Tuesday.\n\nHarbour Gazette Digital\n\nFrom Harbour Gazette",
			[]string{"Council approves £4m flood wall", "The council approved a £4m flood wall on Tuesday."},
			[]string{"navigation: Harbour Gazette\n\nHome News Politics", "navigation: Harbour Gazette Digital\n\nFrom Harbour Gazette"}},
		{"a masthead word inside the story is not a masthead",
			"Rates held steady.\n\nThe Financial Times\n\nThe paper was sold in 2015.",
			[]string{"Rates held steady.", "The Financial Times", "The paper was sold in 2015."},
			nil},
		{"a reader-support appeal, its last sentence glued to the story",
			"Ferry fares to rise\nSupport independent journalism\nWe rely on readers like you to fund our reporting. Your donation keeps us free to read.\nThank you for your support.Ferry fares will rise by 6% in April, the operator said.\nThe operator carried 2.1 million passengers last year.",
			[]string{"Ferry fares to rise", "Ferry fares will rise by 6% in April, the operator said.", "The operator carried 2.1 million passengers last year."},
			[]string{"promotion: Support independent journalism\nWe rely on readers like you to fund our reporting. Your donation keeps us free to read.\nThank you for your support."}},
		{"an appeal without prose after it ends at the first line that is not one",
			"Support our journalism\nYour support matters to us.\nThe mayor resigned on Monday.",
			[]string{"The mayor resigned on Monday."},
			[]string{"promotion: Support our journalism\nYour support matters to us."}},
		{"a section label printed above and below the story",
			"Future of Energy Worldwide\n\nWind farms supplied 30% of power in May.\n\nFuture of Energy Worldwide\n\nTrending",
			[]string{"Wind farms supplied 30% of power in May."},
			[]string{"navigation: Future of Energy Worldwide", "navigation: Future of Energy Worldwide\n\nTrending"}},
		{"a headline run into its byline, printed twice, and the story's age",
			"Storm shuts ports By ANA LIMA, Associated Press Writer\n\nStorm shuts ports By ANA LIMA, Associated Press Writer\n12 minutes ago\n\nLISBON - A storm shut three ports on Monday.",
			[]string{"LISBON - A storm shut three ports on Monday."},
			[]string{"navigation: Storm shuts ports By ANA LIMA, Associated Press Writer\n\nStorm shuts ports By ANA LIMA, Associated Press Writer", "credit: 12 minutes ago"}},
		{"a repeated speaker label or sentence is not chrome",
			"SMITH:\nWe will cut taxes.\n\nSMITH:\nWe will cut taxes.",
			[]string{"SMITH:", "We will cut taxes.", "SMITH:", "We will cut taxes."},
			nil},
		{"live-blog controls and timestamps",
			"Sort by:\n• Latest first\n• Oldest first\n• This event has now ended\n• 09:07\nPolice closed the bridge at 9am.\n• 09:15",
			[]string{"Police closed the bridge at 9am."},
			[]string{"navigation: Sort by:\n• Latest first\n• Oldest first", "promotion: • This event has now ended", "credit: • 09:07", "credit: • 09:15"}},
		{"a press office header and its issuer",
			"The White House\n\nOffice of the Press Secretary\n\nFor Immediate Release\n\nThe President signed the bill on Friday.",
			[]string{"The President signed the bill on Friday."},
			[]string{"credit: The White House\n\nOffice of the Press Secretary\n\nFor Immediate Release"}},
		{"a press contact header",
			"Ministry awards £20m to rural schools\n\nContact: Sam Reyes, Education Ministry Press Office, 020 7946 0000\nAna Lima, Schools Agency, ana.lima@schools.example\n\nThe ministry awarded £20m to 140 rural schools.",
			[]string{"Ministry awards £20m to rural schools", "The ministry awarded £20m to 140 rural schools."},
			[]string{"credit: Contact: Sam Reyes, Education Ministry Press Office, 020 7946 0000\nAna Lima, Schools Agency, ana.lima@schools.example"}},
		{"a reader's letter: sign-off, town and the letters note",
			"Parking fees went up 40% this year.\n\nJane Roe\n\nHexham\n\nWe welcome letters on local issues. Letters to the editor are subject to editing for length.",
			[]string{"Parking fees went up 40% this year."},
			[]string{"navigation: Jane Roe\n\nHexham", "credit: We welcome letters on local issues. Letters to the editor are subject to editing for length."}},
		{"short lines under a lead-in ending in a colon are a list, not a sidebar",
			"The draw was made on Monday.\n\nFirst round fixtures:\nOffaly v Tyrone\nGalway v Tipperary\n\nMatches will be played on 29 June.",
			[]string{"The draw was made on Monday.", "First round fixtures:", "Offaly v Tyrone", "Galway v Tipperary", "Matches will be played on 29 June."},
			nil},
		{"share buttons, an author label, a comments prompt",
			"Linkedin Pinterest\n\nAuthor\n\nBy Ana Lima, Energy Editor\n\nPower prices fell 12% in June.\n\nJoin our commenting forum",
			[]string{"Power prices fell 12% in June."},
			[]string{"promotion: Linkedin Pinterest", "credit: Author\n\nBy Ana Lima, Energy Editor", "promotion: Join our commenting forum"}},
	}
	checkFurniture(t, tests)
}

// TestPageChromeKeepsProse: sentences that share a word or a shape with
// page chrome stay statements.
func TestPageChromeKeepsProse(t *testing.T) {
	checkKeepsProse(t, []string{
		"We need your support, the minister told farmers.",
		"The Washington Post reported the figure on Monday.",
		"Contact with the virus was limited.",
		"Email addresses of 40,000 customers were stolen, the company said.",
		"You can reach the agency at help@agency.example if you were affected by the outage last week.",
	})
}
