package claim

// Semantic classes of words: policy-agenda topics (after the major topics of
// the Comparative Agendas Project), geopolitical entities and record verbs.
// A weight learnt for a class from one period of debates applies to words of
// the class that period never used, where raw-word weights cannot. The
// lists come from general knowledge of the classes, not from the data.
var (
	agendaEconomy = set("economy", "economic", "economies", "recession", "depression", "inflation", "unemployment",
		"unemployed", "jobs", "job", "wages", "wage", "salaries", "paycheck", "paychecks", "taxes", "tax", "taxed",
		"taxpayers", "deficit", "deficits", "debt", "budget", "budgets", "spending", "stimulus", "bailout", "bailouts",
		"growth", "gdp", "income", "incomes", "businesses", "business", "companies", "company", "corporations",
		"corporate", "manufacturing", "factories", "factory", "workers", "worker", "employers", "employment",
		"unions", "labor", "banks", "bank", "banking", "bankers", "wall", "stock", "stocks", "markets", "market",
		"investment", "investments", "investors", "mortgage", "mortgages", "foreclosures", "housing", "homeowners",
		"prices", "price", "costs", "interest", "loans", "loan", "dollar", "currency", "revenue", "revenues",
		"payroll", "minimum", "overtime", "pensions", "pension", "wealthy", "millionaires", "billionaires",
		"regulations", "regulation", "deregulation", "bankruptcy", "bankrupt", "middle", "class")
	agendaHealth = set("health", "healthcare", "obamacare", "medicare", "medicaid", "insurance", "insured", "uninsured",
		"premiums", "deductibles", "coverage", "hospitals", "hospital", "doctors", "doctor", "nurses", "patients",
		"prescription", "drugs", "drug", "pharmaceutical", "disease", "diseases", "cancer", "aids", "hiv", "epidemic",
		"vaccine", "vaccines", "opioid", "opioids", "heroin", "addiction", "abortion", "abortions", "clinics",
		"medical", "medicine", "mental", "obesity", "smoking", "tobacco")
	agendaImmigration = set("immigration", "immigrants", "immigrant", "illegal", "illegally", "illegals", "border",
		"borders", "amnesty", "deportation", "deportations", "deport", "deported", "refugees", "refugee", "visa",
		"visas", "aliens", "alien", "undocumented", "citizenship", "asylum", "migrants", "migrant", "smuggling",
		"sanctuary", "naturalization", "wall")
	agendaCrime = set("crime", "crimes", "criminal", "criminals", "police", "officers", "cops", "murder", "murders",
		"murdered", "homicide", "homicides", "violence", "violent", "prison", "prisons", "prisoners", "jail", "jails",
		"inmates", "incarceration", "guns", "gun", "firearms", "rifles", "shooting", "shootings", "shot", "gangs",
		"gang", "cartels", "cartel", "narcotics", "cocaine", "trafficking", "justice", "prosecutors", "prosecuted",
		"judges", "judge", "felony", "felons", "convicted", "arrested", "arrests", "penalty", "rape", "robbery",
		"frisk", "enforcement", "fbi")
	agendaDefense = set("military", "defense", "defence", "army", "navy", "marines", "troops", "soldiers", "veterans",
		"weapons", "weapon", "missiles", "missile", "nuclear", "warheads", "bombers", "bomber", "submarines",
		"carriers", "pentagon", "generals", "forces", "arms", "bases", "base", "war", "wars", "combat", "invasion",
		"invaded", "bombing", "bombed", "airstrikes", "drones", "drone", "vets", "draft", "armed", "warfare",
		"deterrent", "arsenal", "tanks", "aircraft", "ships", "fleet", "admirals", "sailors", "cyber")
	agendaForeign = set("foreign", "allies", "ally", "alliance", "alliances", "diplomacy", "diplomatic", "diplomats",
		"embassy", "ambassador", "terrorism", "terrorist", "terrorists", "terror", "sanctions", "hostages",
		"hostage", "dictator", "dictators", "dictatorship", "regime", "regimes", "treaty", "treaties", "ceasefire",
		"genocide", "communism", "communist", "communists", "jihadists", "jihadist", "extremists", "radical",
		"islamic", "caliphate", "insurgents", "rebels", "coup", "human", "aid", "peacekeeping", "negotiations",
		"summit", "occupation", "annexed", "annexation", "superpower", "overseas", "abroad", "international", "global")
	agendaEnergyEnv = set("energy", "oil", "gas", "gasoline", "coal", "solar", "wind", "drilling", "pipeline",
		"fracking", "fuel", "fuels", "electricity", "renewable", "renewables", "environment", "environmental",
		"pollution", "polluted", "climate", "warming", "emissions", "carbon", "greenhouse", "epa", "clean",
		"water", "air", "toxic", "waste", "miners", "mines", "mining", "petroleum", "barrels", "reactors",
		"conservation", "forests", "wilderness", "endangered", "spill")
	agendaEducation = set("education", "schools", "school", "teachers", "teacher", "students", "student", "college",
		"colleges", "tuition", "universities", "university", "classrooms", "classroom", "pupils", "graduates", "graduation", "dropout", "literacy", "scholarships", "grants", "preschool",
		"kindergarten", "math", "vouchers", "charter")
	agendaWelfare = set("welfare", "poverty", "poor", "stamps", "social", "security", "seniors", "retirees",
		"retirement", "benefits", "homeless", "homelessness", "hungry", "hunger", "entitlement", "entitlements",
		"disabled", "disability", "elderly", "assistance", "childcare", "unemployment", "needy", "orphans", "beneficiaries")
	agendaTrade = set("trade", "trading", "tariffs", "tariff", "imports", "import", "exports", "export", "nafta",
		"tpp", "outsourcing", "outsourced", "offshore", "protectionism", "dumping", "manipulator", "manipulation",
		"deficit", "wto", "goods", "products", "steel", "cars", "autos", "automobile", "shipped", "shipping",
		"agreement", "agreements", "deal", "deals", "competitors")
	agendaGovernment = set("government", "federal", "bureaucracy", "bureaucrats", "agencies", "agency", "corruption",
		"corrupt", "emails", "email", "server", "servers", "classified", "elections", "election", "voters", "voter",
		"ballots", "ballot", "fraud", "foundation", "lobbyists", "lobbyist", "donors", "donations", "contributions",
		"pac", "pacs", "scandal", "scandals", "investigation", "investigations", "subpoena", "impeachment",
		"impeached", "watergate", "congress", "congressional", "senate", "legislature", "administration",
		"supreme", "court", "constitution", "amendment", "secretary", "cabinet", "department", "filibuster",
		"campaign", "campaigns", "primaries", "polls", "pardon", "pardoned", "leaks", "leaked", "hacked", "hacking")
	// geo are countries, demonyms, capitals and major cities, US states and
	// regions, and international organisations, alliances and agencies
	// (single tokens: "north korea" counts by "korea").
	geo = set(
		// countries and demonyms
		"afghanistan", "afghan", "afghans", "albania", "algeria", "angola", "argentina", "armenia", "australia",
		"austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil",
		"brazilian", "britain", "british", "bulgaria", "burma", "myanmar", "cambodia", "cameroon", "canada",
		"canadian", "chad", "chile", "china", "chinese", "colombia", "colombian", "congo", "croatia", "cuba",
		"cuban", "cubans", "cyprus", "czech", "czechoslovakia", "denmark", "dominican", "ecuador", "egypt",
		"egyptian", "salvador", "england", "english", "eritrea", "estonia", "ethiopia", "finland", "france",
		"french", "georgia", "germany", "german", "germans", "ghana", "greece", "greek", "grenada", "guatemala",
		"haiti", "haitian", "honduras", "hungary", "iceland", "india", "indian", "indonesia", "iran", "iranian",
		"iranians", "iraq", "iraqi", "iraqis", "ireland", "irish", "israel", "israeli", "israelis", "italy",
		"italian", "jamaica", "japan", "japanese", "jordan", "kazakhstan", "kenya", "korea", "korean", "koreans",
		"kosovo", "kuwait", "kuwaiti", "laos", "latvia", "lebanon", "lebanese", "liberia", "libya", "libyan",
		"lithuania", "macedonia", "malaysia", "mali", "mexico", "mexican", "mexicans", "moldova", "mongolia",
		"montenegro", "morocco", "mozambique", "namibia", "nepal", "netherlands", "dutch", "nicaragua",
		"nicaraguan", "niger", "nigeria", "norway", "oman", "pakistan", "pakistani", "palestine", "palestinian",
		"palestinians", "panama", "paraguay", "peru", "philippines", "filipino", "poland", "polish", "portugal",
		"qatar", "romania", "russia", "russian", "russians", "rwanda", "saudi", "saudis", "arabia", "senegal",
		"serbia", "serbian", "serbs", "singapore", "slovakia", "slovenia", "somalia", "somali", "sudan",
		"spain", "spanish", "sweden", "swedish", "switzerland", "swiss", "syria", "syrian", "syrians", "taiwan",
		"tajikistan", "tanzania", "thailand", "tibet", "tunisia", "turkey", "turkish", "uganda", "ukraine",
		"ukrainian", "emirates", "uae", "uruguay", "uzbekistan", "venezuela", "venezuelan", "vietnam",
		"vietnamese", "yemen", "yugoslavia", "zambia", "zimbabwe", "soviet", "soviets", "ussr", "kurds", "kurdish",
		"kurdistan", "chechnya", "crimea", "gaza", "persian", "arab", "arabs", "shiite", "sunni", "sunnis",
		// regions
		"europe", "european", "europeans", "asia", "asian", "africa", "african", "latin", "mideast", "balkans",
		"caribbean", "pacific", "atlantic", "baltic", "baltics", "gulf", "sinai", "golan",
		// capitals and major cities
		"moscow", "beijing", "tokyo", "london", "paris", "berlin", "rome", "madrid", "tehran", "baghdad", "kabul",
		"damascus", "aleppo", "mosul", "raqqa", "fallujah", "benghazi", "tripoli", "cairo", "jerusalem",
		"beirut", "riyadh", "islamabad", "havana", "caracas", "pyongyang", "seoul", "hanoi", "saigon", "manila",
		"kiev", "kyiv", "warsaw", "prague", "budapest", "brussels", "geneva", "vienna", "stockholm", "ottawa",
		"toronto", "montreal", "bogota", "lima", "santiago", "managua", "panama", "delhi", "mumbai", "karachi",
		"shanghai", "hong", "kong", "taipei", "beirut", "belgrade", "sarajevo", "mogadishu", "khartoum",
		"nairobi", "lagos", "johannesburg", "teheran", "peking", "leningrad", "orlando", "chicago", "detroit",
		"baltimore", "cleveland", "pittsburgh", "philadelphia", "boston", "atlanta", "houston", "dallas",
		"miami", "angeles", "francisco", "seattle", "denver", "phoenix", "flint", "milwaukee", "york",
		"brooklyn", "manhattan", "harlem", "oakland", "memphis", "orleans", "vegas", "charlotte", "ferguson",
		"tulsa", "charleston", "newtown", "columbine",
		// US states
		"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
		"florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
		"maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
		"nevada", "hampshire", "jersey", "carolina", "dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
		"rhode", "tennessee", "texas", "utah", "vermont", "virginia", "wisconsin", "wyoming", "arkansas",
		// organisations, alliances, agencies, groups
		"nato", "un", "eu", "opec", "imf", "wto", "asean", "seato", "warsaw", "fbi", "cia", "nsa", "epa", "irs",
		"fda", "fema", "dhs", "doj", "pentagon", "kremlin", "politburo", "isis", "isil", "daesh", "taliban",
		"qaeda", "hezbollah", "hamas", "plo", "kgb", "sandinistas", "contras", "mujahideen", "vietcong",
		"nra", "aarp", "aclu", "naacp", "fed", "treasury", "osha", "nasa", "opec", "g7", "g20",
		"brexit", "interpol", "unesco")
	// recordVerbs commit a person or body to a record or position: what
	// someone voted for, supported, wants, cut or caused.
	recordVerbs = set("voted", "votes", "vote", "voting", "supported", "supports", "support", "opposed", "opposes",
		"oppose", "wants", "wanted", "proposed", "proposes", "proposal", "cut", "cuts", "cutting", "raised", "raises",
		"raising", "signed", "signs", "created", "creates", "caused", "causes", "causing", "approved", "approves",
		"vetoed", "vetoes", "backed", "backs", "favored", "favors", "favoured", "pushed", "pushes", "fought",
		"fights", "blocked", "blocks", "eliminated", "eliminates", "sponsored", "cosponsored", "endorsed",
		"endorses", "lied", "lies", "deleted", "funded", "funds", "defunded", "invaded", "aligned", "allowed",
		"allows", "refused", "refuses", "rejected", "rejects", "praised", "praises", "called", "calls", "advocated",
		"advocates", "promised", "promises", "pledged", "repealed", "repeal", "abolished", "doubled", "tripled",
		"slashed", "bankrupted", "destroyed", "destroys", "started", "starts", "spent", "spends", "wasted",
		"gave", "gives", "sold", "sells", "shipped", "moved", "closed", "closes", "handled", "negotiated",
		"ratified", "enacted", "passed", "introduced", "filibustered", "released", "failed", "fails", "helped",
		"hurt", "hurts", "lost", "loses", "paid", "pays", "owes", "owed", "took", "takes", "ordered", "sent",
		"sends", "killed", "kills", "threatened", "threatens", "denied", "denies", "declared", "admitted")
	// trendWords describe a state of the world that is changing: claims
	// about the world in the present tense ("prices are rising").
	trendWords = set("rising", "falling", "soaring", "surging", "skyrocketing", "plummeting", "plunging", "pouring",
		"flooding", "growing", "shrinking", "declining", "dropping", "dying", "disappearing", "collapsing",
		"increasing", "decreasing", "losing", "leaving", "closing", "moving", "fleeing", "rebuilding", "expanding",
		"exploding", "booming", "crumbling", "stagnant", "stagnating", "worst", "highest", "lowest", "record",
		"worldwide", "nationwide", "nationally", "everywhere", "depleted", "obsolete", "broke",
		"bankrupt", "doubled", "tripled", "quadrupled", "halved")
)

// Class bits, stored in the upper half of the lexicon value (token.g).
const (
	gEconomy uint32 = 1 << iota
	gHealth
	gImmigration
	gCrime
	gDefense
	gForeign
	gEnergyEnv
	gEducation
	gWelfare
	gTrade
	gGovernment
	gGeo
	gRecord
	gTrend

	gAgenda = gEconomy | gHealth | gImmigration | gCrime | gDefense | gForeign | gEnergyEnv | gEducation |
		gWelfare | gTrade | gGovernment

	// gClasses are the semantic classes the model's n-grams see (see
	// unit); the bits after them are rule words (rules.go), which only
	// the rules read.
	gClasses = gAgenda | gGeo | gRecord | gTrend
)

var classLists = map[uint32]map[string]bool{
	gEconomy:     agendaEconomy,
	gHealth:      agendaHealth,
	gImmigration: agendaImmigration,
	gCrime:       agendaCrime,
	gDefense:     agendaDefense,
	gForeign:     agendaForeign,
	gEnergyEnv:   agendaEnergyEnv,
	gEducation:   agendaEducation,
	gWelfare:     agendaWelfare,
	gTrade:       agendaTrade,
	gGovernment:  agendaGovernment,
	gGeo:         geo,
	gRecord:      recordVerbs,
	gTrend:       trendWords,
}
