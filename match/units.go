package match

import "strings"

// Word lists for figures: currencies, scales, units, months. Kept apart from
// the parser so the grammar in figures.go stays readable.

// unit converts a measurement to the base unit of its kind, so "800km",
// "800 kilometres" and "800,000 metres" all read "len:800000m".
type unit struct {
	kind   string  // figure prefix: len, mass, area, speed, vol, temp, dur, power, energy
	factor float64 // multiply by this to get the base unit
	base   string  // base unit written after the value
	exact  bool    // factor is a power of ten; otherwise the value is rounded (see figure)
}

// units is keyed by the unit's tokens joined with one space ("km / h",
// "square kilometres", "° c"); unitAt tries the longest phrase first.
var units = func() map[string]*unit {
	m := map[string]*unit{}
	add := func(kind, base string, factor float64, names string) {
		u := &unit{kind: kind, factor: factor, base: base, exact: isPow10(factor)}
		for _, n := range strings.Split(names, ",") {
			m[strings.TrimSpace(n)] = u
		}
	}
	add("len", "m", 1, "m, metre, metres, meter, meters")
	add("len", "m", 1e3, "km, kms, kilometre, kilometres, kilometer, kilometers")
	add("len", "m", 1e-2, "cm, centimetre, centimetres, centimeter, centimeters")
	add("len", "m", 1e-3, "mm, millimetre, millimetres, millimeter, millimeters")
	add("len", "m", 0.3048, "ft, feet, foot")
	add("len", "m", 0.0254, "inch, inches")
	add("len", "m", 0.9144, "yd, yard, yards")
	add("len", "m", 1609.344, "mi, mile, miles")
	add("len", "m", 1852, "nautical mile, nautical miles")
	add("mass", "kg", 1, "kg, kgs, kilogram, kilograms, kilo, kilos")
	add("mass", "kg", 1e-3, "gram, grams")
	add("mass", "kg", 1e3, "tonne, tonnes, ton, tons, metric tons, metric tonnes")
	add("mass", "kg", 0.45359237, "lb, lbs")
	add("mass", "kg", 0.028349523125, "oz, ounce, ounces")
	add("area", "m2", 1, "m2, m ², sq m, square metre, square metres, square meter, square meters")
	add("area", "m2", 1e6, "km2, km ², sq km, square kilometre, square kilometres, square kilometer, square kilometers")
	add("area", "m2", 1e4, "ha, hectare, hectares")
	add("area", "m2", 4046.8564224, "acre, acres")
	add("area", "m2", 2589988.110336, "sq mi, square mile, square miles")
	add("speed", "km/h", 1, "km / h, kph, kmh, km per hour, kilometres per hour, kilometers per hour, kilometres an hour, kilometers an hour")
	add("speed", "km/h", 1.609344, "mph, miles per hour, miles an hour")
	add("speed", "km/h", 1.852, "knot, knots")
	add("speed", "km/h", 3.6, "m / s, metres per second, meters per second")
	add("vol", "l", 1, "l, litre, litres, liter, liters")
	add("vol", "l", 1e-3, "ml, millilitre, millilitres, milliliter, milliliters")
	add("vol", "l", 1e3, "m3, m ³, cubic metre, cubic metres, cubic meter, cubic meters")
	add("vol", "l", 158.987294928, "barrel, barrels, bbl")
	add("vol", "l", 3.785411784, "gallon, gallons")
	add("temp", "c", 1, "° c, °, degrees, degree, degrees celsius, degrees c, celsius, degrees centigrade")
	add("tempf", "c", 1, "° f, degrees fahrenheit, degrees f, fahrenheit")
	add("power", "w", 1, "watt, watts")
	add("power", "w", 1e3, "kw, kilowatt, kilowatts")
	add("power", "w", 1e6, "mw, megawatt, megawatts")
	add("power", "w", 1e9, "gw, gigawatt, gigawatts")
	add("energy", "wh", 1e3, "kwh")
	add("energy", "wh", 1e6, "mwh")
	add("energy", "wh", 1e9, "gwh")
	add("energy", "wh", 1e12, "twh")
	// Durations keep their own unit: a month is not a fixed number of days,
	// and "two years" vs "24 months" is rare in the same claim.
	for _, d := range [][2]string{{"s", "second, seconds, sec, secs"}, {"min", "minute, minutes, mins"},
		{"h", "hour, hours, hr, hrs"}, {"day", "day, days"}, {"week", "week, weeks"}, {"month", "month, months"},
		{"year", "year, years"}, {"decade", "decade, decades"}, {"century", "century, centuries"}} {
		add("dur", d[0], 1, d[1])
	}
	return m
}()

func isPow10(f float64) bool {
	for p := 1e-3; p <= 1e12; p *= 10 {
		if f > p*0.999999 && f < p*1.000001 {
			return true
		}
	}
	return false
}

// scales multiply the number before them. "m" and "b" are ambiguous and get
// extra checks in figParser.scaleOK.
var scales = map[string]float64{
	"hundred": 1e2, "hundreds": 1e2, "dozen": 12,
	"thousand": 1e3, "thousands": 1e3, "k": 1e3,
	"million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
	"trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
}

// symbolCurrency: "$" is read as US dollars unless a prefix says otherwise
// ("A$", "C$"); news copy rarely leaves other dollars unmarked.
var symbolCurrency = map[string]string{"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}

// dollarPrefix: letters glued before "$".
var dollarPrefix = map[string]string{"us": "usd", "a": "aud", "au": "aud", "c": "cad", "ca": "cad",
	"nz": "nzd", "hk": "hkd", "s": "sgd", "r": "brl"}

// isoCurrency: codes that may stand before or after a number.
var isoCurrency = map[string]string{"usd": "usd", "eur": "eur", "gbp": "gbp", "jpy": "jpy", "cny": "cny",
	"rmb": "cny", "rub": "rub", "inr": "inr", "chf": "chf", "aud": "aud", "cad": "cad", "brl": "brl", "uah": "uah"}

// currencyWords after a number. "pounds" is read as sterling, not weight
// ("lb" is weight): in news figures the currency is far more common.
var currencyWords = map[string]string{"dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur",
	"pounds": "gbp", "pound": "gbp", "sterling": "gbp", "yen": "jpy", "yuan": "cny", "renminbi": "cny",
	"roubles": "rub", "rubles": "rub", "rouble": "rub", "ruble": "rub", "rupees": "inr", "rupee": "inr",
	"francs": "chf", "hryvnias": "uah", "hryvnia": "uah"}

// dollarAdjective before "dollars".
var dollarAdjective = map[string]string{"us": "usd", "american": "usd", "australian": "aud",
	"canadian": "cad", "singapore": "sgd", "zealand": "nzd", "kong": "hkd"}

// lengthContext: after "800m" these words mean metres, not million.
var lengthContext = map[string]bool{"high": true, "tall": true, "long": true, "deep": true, "wide": true,
	"away": true, "above": true, "below": true, "thick": true, "across": true, "race": true, "sprint": true,
	"hurdles": true, "freestyle": true, "relay": true, "final": true, "underground": true, "altitude": true}

var months = map[string]int{"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12}

// Number words. "one" and "a" alone are not figures (see single).
var unitWords = map[string]float64{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

var tensWords = map[string]float64{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90}

// Direction words (see figParser.direction).
var dirUp, dirDown = wordSet(`rose rise rises rising risen increased increase increases increasing grew grow
	grows growing grown climbed climb climbs climbing jumped jump jumps surged surge soared soar gained
	up higher more`), wordSet(`fell fall falls falling fallen decreased decrease decreases decreasing
	declined decline declines declining dropped drop drops dropping shrank shrink shrinks shrinking
	plunged plunge slumped slump down lower less fewer`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
