package match

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// A deterministic generator of news-like statements for tests and
// benchmarks. claimText(i, v) renders claim i in phrasing v: the same claim
// (same names, places and figures) in other words and other spellings of
// the figures, which is what a near-duplicate in another article looks like.
//
// The corpus (corpusDoc) holds claims i in order; every tenth statement is
// instead a re-wording of a claim a few statements earlier, in another
// article, so the index contains near-duplicates as the real one will.

var (
	countries = strings.Fields(`Russia Ukraine China India Brazil Germany France Japan Turkey Iran Israel Egypt
		Nigeria Kenya Mexico Canada Australia Poland Italy Spain Sweden Norway Finland Pakistan Indonesia Vietnam
		Thailand Argentina Chile Colombia Peru Greece Hungary Romania Serbia Georgia Armenia Azerbaijan Kazakhstan
		Qatar Syria Iraq Lebanon Jordan Ethiopia Ghana Morocco Algeria Tunisia Bangladesh Malaysia Philippines
		Portugal Ireland Denmark Austria Switzerland Belgium Netherlands Czechia Slovakia Bulgaria Croatia Slovenia
		Estonia Latvia Lithuania Moldova Belarus Uzbekistan Mongolia Nepal Cambodia Senegal Angola Zambia Uganda
		Tanzania Sudan Libya Yemen Oman Venezuela Ecuador Bolivia Uruguay Paraguay Cuba Haiti Iceland`)
	cities = strings.Fields(`Lagos Nairobi Cairo Istanbul Tehran Karachi Lahore Dhaka Mumbai Delhi Chennai
		Kolkata Bangkok Jakarta Manila Hanoi Seoul Osaka Tokyo Beijing Shanghai Shenzhen Wuhan Chengdu Moscow Kyiv
		Kharkiv Odesa Lviv Warsaw Krakow Berlin Hamburg Munich Cologne Paris Lyon Marseille Madrid Barcelona Valencia
		Lisbon Porto Rome Milan Naples Turin Vienna Prague Budapest Bucharest Sofia Belgrade Zagreb Athens Thessaloniki
		Stockholm Oslo Helsinki Copenhagen Dublin Brussels Antwerp Amsterdam Rotterdam Zurich Geneva London Manchester
		Birmingham Glasgow Toronto Montreal Vancouver Chicago Houston Phoenix Atlanta Boston Seattle Denver Miami
		Lima Bogota Santiago Quito Caracas Havana Sydney Melbourne Perth Auckland Herat Kabul Baghdad Beirut Amman
		Riyadh Doha Dubai Muscat Khartoum Tripoli Tunis Algiers Casablanca Accra Dakar Kinshasa Luanda Harare Lusaka`)
	firstNames = strings.Fields(`Olaf Emmanuel Giorgia Pedro Keir Rishi Ursula Volodymyr Recep Narendra Xi Fumio
		Anthony Justin Jacinda Scott Mark Viktor Andrzej Petr Robert Kaja Gitanas Sanna Magdalena Mette Leo Micheal
		Alexander Karl Ana Luis Claudia Gustavo Gabriel Javier Dina Cyril William Abiy Paul Ibrahim Mohammed Ali
		Fatima Aisha Amina Olena Iryna Dmytro Sergei Maria Elena Sofia Lucia Carmen Isabel Hans Klaus Peter Thomas
		Andreas Nikos Kostas Yannis Mehmet Ahmet Kemal Rahul Priya Anil Sunita Wei Li Chen Hiroshi Yuki Kenji Minh`)
	lastNames = strings.Fields(`Scholz Macron Meloni Sanchez Starmer Sunak Leyen Zelensky Erdogan Modi Kishida
		Albanese Trudeau Ardern Morrison Rutte Orban Duda Fiala Fico Kallas Nauseda Marin Andersson Frederiksen
		Varadkar Martin Stubb Nehammer Costa Montenegro Sheinbaum Petro Boric Milei Boluarte Ramaphosa Ruto Ahmed
		Tinubu Sisi Kagame Museveni Hassan Mnangagwa Tebboune Saied Akhannouch Shehbaz Hasina Widodo Marcos Anwar
		Thaksin Lee Yoon Kim Park Choi Tanaka Suzuki Watanabe Sato Ito Nakamura Wang Zhang Liu Yang Huang Zhao Wu
		Kumar Sharma Singh Patel Gupta Reddy Nair Iyer Khan Hussain Rahman Karimi Hosseini Rezaei Cohen Levi
		Mizrahi Novak Horvat Kovac Nagy Toth Szabo Kowalski Nowak Wisniewski Ivanov Petrov Sidorov Shevchenko
		Bondarenko Kovalenko Tkachenko Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Dupont Bernard
		Moreau Laurent Garcia Martinez Lopez Gonzalez Rodriguez Fernandez Silva Santos Oliveira Pereira Rossi
		Russo Ferrari Esposito Bianchi Romano Jensen Nielsen Hansen Johansson Lindqvist Virtanen Korhonen`)
	roles = []string{"prime minister", "president", "finance minister", "economy minister", "spokesperson",
		"chief executive", "governor", "mayor", "foreign minister", "defence minister", "health minister",
		"central bank governor", "trade minister", "energy minister", "opposition leader", "chief economist"}
	orgs = []string{"the World Bank", "the IMF", "Nato", "the European Commission", "the UN", "Unicef", "the WHO",
		"the OECD", "Eurostat", "Amnesty International", "Human Rights Watch", "the Red Cross", "the WFP",
		"the UNHCR", "the ILO", "the IEA", "Opec", "the African Union", "the Asian Development Bank", "Oxfam",
		"Save the Children", "Transparency International", "the FAO", "the WTO", "Greenpeace", "the ECB",
		"the Federal Reserve", "the Bank of England", "Moody's", "Fitch"}
	topics = strings.Fields(`inflation unemployment housing rents wages pensions tuition vaccines hospitals
		teachers police prisons refugees tourism emissions forests drought floods railways bridges roads
		airports ports healthcare education defence policing broadband electricity water sanitation childcare
		agriculture fisheries mining shipbuilding aviation cybersecurity research universities museums libraries
		sport culture heritage transport buses tramways cycling subsidies welfare disability homelessness
		addiction obesity diabetes cancer malaria tuberculosis measles polio cholera dengue vaccination nursing
		dentistry pharmacies maternity orphanages asylum deportation border customs smuggling piracy terrorism
		corruption elections censorship journalism broadcasting telecoms satellites rockets nuclear solar wind
		hydropower geothermal hydrogen batteries lithium cobalt copper nickel uranium gold silver diamonds oil gas
		coal steel aluminium cement fertiliser pesticides irrigation reforestation wildfires earthquakes
		landslides hurricanes cyclones heatwaves glaciers wetlands biodiversity recycling plastics landfill`)
	products = strings.Fields(`wheat maize rice barley soybeans sunflower coffee cocoa tea sugar bananas
		avocados grapes wine beef pork poultry salmon shrimp cotton wool timber paper rubber crude diesel petrol
		fertiliser potash phosphate ammonia urea steel iron aluminium copper nickel zinc tin lithium cobalt
		graphite semiconductors smartphones laptops cars trucks tractors turbines ships aircraft helicopters
		drones ammunition rifles vaccines medicines textiles footwear furniture cement glass ceramics tobacco`)
	weapons = []string{"Tomahawk missile", "Storm Shadow missile", "Patriot system", "Iskander missile",
		"Kinzhal missile", "Shahed drone", "Bayraktar drone", "Himars launcher", "Atacms missile", "Taurus missile",
		"Leopard tank", "Abrams tank", "Challenger tank", "Caesar howitzer", "Gripen jet", "Rafale jet",
		"Eurofighter jet", "Sukhoi bomber", "Kalibr missile", "Zircon missile", "Oniks missile", "Scalp missile",
		"Harpoon missile", "Neptune missile", "Switchblade drone", "Reaper drone", "Lancet drone", "Orlan drone"}
	adjectives = strings.Fields(`new upgraded modernised long-range short-range subsonic hypersonic supersonic
		ageing advanced experimental Soviet-era domestically-built imported refurbished heavy light stealthy`)
	structures = []string{"bridge", "tower", "stadium", "dam", "tunnel", "airport terminal", "metro line",
		"hospital", "skyscraper", "cathedral", "port", "power station", "wind farm", "railway station"}
	events = []string{"earthquake", "flood", "landslide", "explosion", "fire", "storm", "bus crash",
		"train collision", "stampede", "cyclone", "building collapse", "mine collapse", "air strike", "attack"}
	policies = []string{"the death penalty", "leaving the EU", "joining Nato", "a four-day week",
		"a ban on smartphones in schools", "higher taxes on the rich", "legalising cannabis", "nuclear power",
		"a universal basic income", "rent controls", "stricter gun laws", "lowering the voting age",
		"military conscription", "a wealth tax", "banning fireworks", "sending weapons to Ukraine",
		"compulsory voting", "a sugar tax", "same-sex marriage", "more immigration", "the monarchy"}
	monthNames = strings.Fields(`January February March April May June July August September October November December`)
)

// claimVals are the facts of one claim; renderings only change wording.
type claimVals struct {
	c1, c2, city, name, role, org, topic, product, weapon, adj, structure, event, policy, month string
	year, year2, day, years                                                                     int
	money                                                                                       money
	pct, pct2                                                                                   int // tenths of a percent
	count, count2, km1, km2, speed, height, tonnes                                              int
	up                                                                                          bool
}

type money struct {
	tenths  int // 52 -> 5.2
	billion bool
	cur     string // "usd", "eur", "gbp"
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func newClaim(i uint64) (claimVals, int) {
	r := rand.New(rand.NewPCG(0x5eed, i))
	c := claimVals{
		c1: pick(r, countries), c2: pick(r, countries), city: pick(r, cities),
		name: pick(r, firstNames) + " " + pick(r, lastNames), role: pick(r, roles), org: pick(r, orgs),
		topic: pick(r, topics), product: pick(r, products), weapon: pick(r, weapons), adj: pick(r, adjectives),
		structure: pick(r, structures), event: pick(r, events), policy: pick(r, policies),
		month: pick(r, monthNames), year: 2000 + r.IntN(26), day: 1 + r.IntN(28), years: 2 + r.IntN(14),
		money: money{tenths: 11 + r.IntN(989), billion: r.IntN(3) > 0, cur: pick(r, []string{"usd", "usd", "usd", "eur", "gbp"})},
		pct:   1 + r.IntN(999), pct2: 1 + r.IntN(999), count: 20 + r.IntN(99980), count2: 10 + r.IntN(9990),
		km1: 100 + r.IntN(2000), speed: 300 + r.IntN(5000), height: 20 + r.IntN(800), tonnes: 1000 + r.IntN(899000),
		up: r.IntN(2) == 0,
	}
	for c.c2 == c.c1 {
		c.c2 = pick(r, countries)
	}
	c.km2 = c.km1 + 50*(1+r.IntN(60))
	c.year2 = c.year - 1 - r.IntN(20)
	return c, r.IntN(len(templates))
}

// claimText renders claim i; v selects the phrasing and figure spellings.
func claimText(i uint64, v int) string {
	c, t := newClaim(i)
	f := spell{r: rand.New(rand.NewPCG(i, uint64(v)))}
	return templates[t](&c, &f, v%2)
}

// corpusDoc is statement i of the benchmark corpus: claim i, or every tenth
// a re-wording of claim i-4 in another article.
func corpusDoc(i int) Doc {
	id, art := uint(i+1), uint(i/25+1)
	if i%10 == 9 {
		return Doc{ID: id, ArticleID: art + 7, Text: claimText(uint64(i-4), 1)}
	}
	return Doc{ID: id, ArticleID: art, Text: claimText(uint64(i), 0)}
}

// spell writes figures in one of their usual spellings.
type spell struct{ r *rand.Rand }

func (s *spell) money(m money) string {
	v := float64(m.tenths) / 10
	num, word, short := strconv.FormatFloat(v, 'f', -1, 64), "billion", "bn"
	if !m.billion {
		num, word, short = strconv.Itoa(m.tenths), "million", "m"
	}
	sym, name := currencySpelling[m.cur][0], currencySpelling[m.cur][1]
	switch s.r.IntN(5) {
	case 0:
		return sym + num + short
	case 1:
		return sym + num + " " + word
	case 2:
		return num + " " + word + " " + name
	case 3:
		if m.cur == "usd" {
			return "US$" + num + short
		}
		return sym + num + short
	default:
		if m.billion {
			return sym + commas(m.tenths*100) + " million"
		}
		return num + " million " + name
	}
}

var currencySpelling = map[string][2]string{"usd": {"$", "dollars"}, "eur": {"€", "euros"}, "gbp": {"£", "pounds"}}

func (s *spell) pct(tenths int) string {
	num := strconv.FormatFloat(float64(tenths)/10, 'f', -1, 64)
	return num + pick(s.r, []string{"%", " percent", " per cent", "%"})
}

func (s *spell) count(n int) string {
	if n >= 1000 && (n < 10000 && s.r.IntN(2) == 0) && (n < 1800 || n > 2100) {
		return strconv.Itoa(n)
	}
	return commas(n)
}

func (s *spell) kmRange(a, b int) string {
	switch s.r.IntN(3) {
	case 0:
		return commas(a) + "-" + commas(b) + "km"
	case 1:
		return "between " + commas(a) + " and " + commas(b) + " kilometres"
	}
	return commas(a) + " to " + commas(b) + " km"
}

func (s *spell) speed(n int) string {
	return commas(n) + pick(s.r, []string{"km/h", " km/h", " kilometres per hour", " kph"})
}

func (s *spell) height(m int) string {
	switch s.r.IntN(3) {
	case 0:
		return strconv.Itoa(m) + " metres"
	case 1:
		return strconv.Itoa(m) + "m"
	}
	return strconv.Itoa(m) + " metres (" + commas(int(float64(m)/0.3048+0.5)) + "ft)"
}

func (s *spell) tonnes(n int) string {
	return commas(n) + pick(s.r, []string{" tonnes", " tons", " tonnes"})
}

func commas(n int) string {
	s := strconv.Itoa(n)
	for k := len(s) - 3; k > 0; k -= 3 {
		s = s[:k] + "," + s[k:]
	}
	return s
}

func yr(y int) string { return strconv.Itoa(y) }

func either(up bool, a, b string) string {
	if up {
		return a
	}
	return b
}

// templates render a claim in phrasing 0 or 1.
var templates = []func(c *claimVals, s *spell, v int) string{
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "In " + yr(c.year) + ", " + c.c1 + " and " + c.c2 + " traded goods and services worth about " +
				s.money(c.money) + " – " + s.pct(c.pct) + " " + either(c.up, "more", "less") + " than in " + yr(c.year-1)
		}
		return c.c1 + "-" + c.c2 + " trade in goods and services was about " + s.money(c.money) + " in " + yr(c.year) +
			", " + either(c.up, "up", "down") + " " + s.pct(c.pct) + " from " + yr(c.year-1)
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return c.name + ", the " + c.role + " of " + c.c1 + ", said the government spent " + s.money(c.money) +
				" on " + c.topic + " in " + yr(c.year)
		}
		return c.c1 + " spent " + s.money(c.money) + " on " + c.topic + " in " + yr(c.year) + ", according to " +
			c.role + " " + c.name
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "The cost of " + c.topic + " in " + c.city + " " + either(c.up, "rose", "fell") + " by " + s.pct(c.pct) +
				" in " + c.month + " " + yr(c.year) + ", the " + either(c.up, "highest", "lowest") + " level since " + yr(c.year2)
		}
		return c.city + " saw the cost of " + c.topic + " " + either(c.up, "rise", "fall") + " " + s.pct(c.pct) + " in " +
			c.month + " " + yr(c.year) + ", the " + either(c.up, "highest", "lowest") + " since " + yr(c.year2)
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "The " + c.adj + " " + c.weapon + " has a range of " + s.kmRange(c.km1, c.km2) + " and can fly at " + s.speed(c.speed)
		}
		return "With a range of " + s.kmRange(c.km1, c.km2) + ", the " + c.adj + " " + c.weapon + " flies at up to " + s.speed(c.speed)
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return c.org + " estimates that " + s.count(c.count) + " people in " + c.c1 + " lack access to " + c.topic
		}
		return "According to " + c.org + ", " + s.count(c.count) + " people in " + c.c1 + " have no access to " + c.topic
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return c.c1 + " will invest " + s.money(c.money) + " in " + c.topic + " over the next " + strconv.Itoa(c.years) +
				" years, " + c.role + " " + c.name + " announced"
		}
		return c.role + " " + c.name + " announced that " + c.c1 + " would invest " + s.money(c.money) + " in " + c.topic +
			" over " + strconv.Itoa(c.years) + " years"
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "The new " + c.structure + " in " + c.city + " is " + s.height(c.height) + " tall and cost " + s.money(c.money) + " to build"
		}
		return c.city + "'s new " + c.structure + " cost " + s.money(c.money) + " and stands " + s.height(c.height) + " tall"
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return c.c1 + "'s exports of " + c.product + " to " + c.c2 + " reached " + s.tonnes(c.tonnes) + " in " + yr(c.year) +
				", " + either(c.up, "up", "down") + " " + s.pct(c.pct) + " on the previous year"
		}
		return "In " + yr(c.year) + ", " + c.c1 + " exported " + s.tonnes(c.tonnes) + " of " + c.product + " to " + c.c2 + ", " +
			s.pct(c.pct) + " " + either(c.up, "more", "less") + " than a year earlier"
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "At least " + s.count(c.count2) + " people were killed and " + s.count(c.count) + " injured in the " + c.event +
				" in " + c.city + " on " + strconv.Itoa(c.day) + " " + c.month
		}
		return "The " + c.event + " in " + c.city + " on " + c.month + " " + strconv.Itoa(c.day) + " killed at least " +
			s.count(c.count2) + " people and injured " + s.count(c.count)
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "A poll by " + c.org + " found that " + s.pct(c.pct) + " of voters in " + c.c1 + " support " + c.policy
		}
		return s.pct(c.pct) + " of voters in " + c.c1 + " back " + c.policy + ", according to a survey by " + c.org
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "Unemployment in " + c.c1 + " " + either(c.up, "rose", "fell") + " to " + s.pct(c.pct/10+10) + " in " +
				c.month + " " + yr(c.year) + ", official figures show"
		}
		return c.c1 + "'s unemployment rate " + either(c.up, "climbed", "dropped") + " to " + s.pct(c.pct/10+10) + " in " +
			c.month + " " + yr(c.year)
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return c.name + " claimed that " + c.c1 + " has lost " + s.count(c.count2) + " " + c.product +
				" factories since " + yr(c.year2)
		}
		return "Since " + yr(c.year2) + ", " + s.count(c.count2) + " " + c.product + " factories have closed in " + c.c1 +
			", " + c.name + " claimed"
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return c.org + " says " + c.c1 + " received " + s.money(c.money) + " in " + c.topic + " aid from " + c.c2 +
				" between " + yr(c.year2) + " and " + yr(c.year)
		}
		return "From " + yr(c.year2) + " to " + yr(c.year) + ", " + c.c2 + " gave " + c.c1 + " " + s.money(c.money) +
			" of " + c.topic + " aid, " + c.org + " says"
	},
	func(c *claimVals, s *spell, v int) string {
		if v == 0 {
			return "Average " + c.topic + " spending per household in " + c.city + " is " + s.pct(c.pct2) +
				" " + either(c.up, "higher", "lower") + " than in " + c.c2
		}
		return "Households in " + c.city + " spend " + s.pct(c.pct2) + " " + either(c.up, "more", "less") + " on " +
			c.topic + " than those in " + c.c2
	},
}
