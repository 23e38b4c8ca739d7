package extract

import (
	"strings"
	"sync"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The gazetteer names places and organisations from maintained data: the
// English names of every country and region that golang.org/x/text knows
// (CLDR), and the ISO 4217 currency codes it knows, plus a small curated
// list of cities and institutions. Names are looked up whole and lower
// case ("new zealand", "reserve bank of australia"); words that make any
// name an organisation ("bank", "ministry", "agency") are in orgWords.

// gazetteer maps lower-case names to their facet kind.
var gazetteer = buildGazetteer()

// gazetteerFirst are the first words of the gazetteer's names: a name is
// looked up only when it starts with one (fGazetteer).
var gazetteerFirst = func() map[string]bool {
	m := map[string]bool{}
	for name := range gazetteer {
		first, _, _ := strings.Cut(name, " ")
		m[first] = true
	}
	return m
}()

func buildGazetteer() map[string]string {
	m := map[string]string{}
	names := display.English.Regions()
	for _, code := range regionCodes() {
		r, err := language.ParseRegion(code)
		if err != nil || code == "001" {
			continue // not a region, or "World"
		}
		name := names.Name(r)
		if name == "" || name == code {
			continue
		}
		for _, n := range regionNameForms(name) {
			m[strings.ToLower(n)] = KindPlace
		}
	}
	for _, n := range cities {
		m[n] = KindPlace
	}
	for _, n := range states {
		m[n] = KindPlace
	}
	for _, n := range institutions {
		m[n] = KindOrg
	}
	return m
}

// regionCodes are every two-letter and three-digit region code; the ones
// x/text does not know fail to parse.
func regionCodes() []string {
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			codes = append(codes, string([]rune{a, b}))
		}
	}
	for n := 1; n < 1000; n++ {
		codes = append(codes, string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)}))
	}
	return codes
}

// regionNameForms are the ways news writes a CLDR region name:
// "Myanmar (Burma)" is "Myanmar" and "Burma", "Congo - Kinshasa" is
// "Congo", "St. Lucia" is also "Saint Lucia", "Bosnia & Herzegovina" also
// "Bosnia and Herzegovina".
func regionNameForms(name string) []string {
	var out []string
	if k := strings.Index(name, " ("); k > 0 {
		out = append(out, strings.TrimSuffix(name[k+2:], ")"))
		name = name[:k]
	}
	if k := strings.Index(name, " - "); k > 0 {
		name = name[:k]
	}
	out = append(out, name)
	if strings.Contains(name, "&") {
		out = append(out, strings.ReplaceAll(name, "&", "and"))
	}
	if rest, ok := strings.CutPrefix(name, "St. "); ok {
		out = append(out, "Saint "+rest)
	}
	if rest, ok := strings.CutPrefix(name, "U.S. "); ok {
		out = append(out, "US "+rest)
	}
	return out
}

// cities are capitals and large cities that news names without their
// country.
var cities = []string{
	"london", "paris", "berlin", "madrid", "rome", "lisbon", "dublin", "brussels", "amsterdam", "vienna", "prague",
	"warsaw", "budapest", "bucharest", "sofia", "athens", "stockholm", "oslo", "copenhagen", "helsinki", "kyiv",
	"kiev", "moscow", "minsk", "istanbul", "ankara", "tehran", "baghdad", "damascus", "beirut", "jerusalem",
	"tel aviv", "cairo", "riyadh", "dubai", "abu dhabi", "doha", "kabul", "islamabad", "karachi", "delhi",
	"new delhi", "mumbai", "kolkata", "dhaka", "beijing", "shanghai", "hong kong", "taipei", "tokyo", "osaka",
	"seoul", "pyongyang", "manila", "jakarta", "bangkok", "hanoi", "singapore", "kuala lumpur", "sydney",
	"melbourne", "canberra", "auckland", "wellington", "johannesburg", "cape town", "pretoria", "nairobi",
	"lagos", "abuja", "accra", "addis ababa", "khartoum", "kinshasa", "lusaka", "harare", "kampala", "dakar",
	"washington", "new york", "los angeles", "chicago", "houston", "miami", "san francisco", "boston",
	"toronto", "ottawa", "montreal", "vancouver", "mexico city", "havana", "bogota", "lima", "santiago",
	"buenos aires", "sao paulo", "rio de janeiro", "brasilia", "caracas", "geneva", "the hague", "strasbourg",
	"brussels", "edinburgh", "cardiff", "belfast", "manchester", "birmingham", "liverpool", "glasgow", "leeds",
	"gaza", "west bank", "crimea", "donbas", "kharkiv", "odesa", "odessa", "mariupol", "kherson",
}

// states are the states and provinces of federations that news names
// without their country: the United States (with its capital's district),
// Canada and Australia.
var states = []string{
	"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
	"georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
	"maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
	"nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
	"oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
	"utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "district of columbia",
	"alberta", "british columbia", "manitoba", "new brunswick", "newfoundland and labrador", "nova scotia",
	"ontario", "prince edward island", "quebec", "saskatchewan", "yukon", "nunavut", "northwest territories",
	"new south wales", "queensland", "south australia", "tasmania", "victoria", "western australia",
	"northern territory", "australian capital territory",
}

// institutions are organisations news names by a short name or acronym
// that no organisation word gives away.
var institutions = []string{
	"who", "un", "unicef", "unesco", "unhcr", "imf", "nato", "eu", "opec", "wto", "oecd", "g7", "g20", "asean",
	"african union", "european union", "united nations", "world bank", "world health organization",
	"world health organisation", "federal reserve", "fed", "ecb", "european central bank", "bank of england",
	"nhs", "bbc", "cnn", "reuters", "ap", "afp", "associated press", "fbi", "cia", "nsa", "nasa", "pentagon",
	"kremlin", "white house", "downing street", "congress", "senate", "house", "parliament", "bundestag",
	"ons", "cdc", "fda", "epa", "irs", "sec", "boeing", "airbus", "apple", "google", "microsoft", "amazon",
	"meta", "tesla", "toyota", "volkswagen", "shell", "bp", "exxonmobil", "gazprom", "hamas", "hezbollah",
	"taliban", "isis", "red cross", "amnesty international", "human rights watch", "greenpeace",
	"bmo capital markets", "goldman sachs", "jpmorgan", "morgan stanley", "citigroup", "hsbc", "barclays",
	"group of 20", "group of seven", "international monetary fund", "international criminal court",
	"council tax",
}

// currencyCodes are the ISO 4217 codes x/text knows ("USD", "ZAR",
// "INR"), built once on first use.
var currencyCodes = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	var b [3]byte
	for b[0] = 'A'; b[0] <= 'Z'; b[0]++ {
		for b[1] = 'A'; b[1] <= 'Z'; b[1]++ {
			for b[2] = 'A'; b[2] <= 'Z'; b[2]++ {
				if u, err := currency.ParseISO(string(b[:])); err == nil && u.String() == string(b[:]) {
					m[string(b[:])] = true
				}
			}
		}
	}
	return m
})

// isCurrencyCode: w is an ISO 4217 code written in capitals.
func isCurrencyCode(w string) bool {
	return len(w) == 3 && isUpper(w[0]) && isUpper(w[1]) && isUpper(w[2]) && currencyCodes()[w]
}
