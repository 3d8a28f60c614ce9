package io.wiretrace.core.generate;

import java.util.List;

/**
 * Word lists for synthetic news text, written for this project. Each topic has its own
 * vocabulary so topic clustering has a ground truth to recover; names and places make stories
 * distinct from each other the way real stories are.
 */
final class Lexicon {

    private Lexicon() {}

    record Topic(String name, List<String> nouns, List<String> verbs, List<String> orgs, List<String> roles) {}

    static final List<Topic> TOPICS = List.of(
            new Topic("politics",
                    List.of("election", "parliament", "senate", "ballot", "coalition", "minister", "campaign", "voters",
                            "legislation", "bill", "opposition", "referendum", "cabinet", "governor", "mayor", "constituency",
                            "polls", "amendment", "veto", "caucus", "policy", "reform", "mandate", "delegates"),
                    List.of("voted", "campaigned", "vetoed", "debated", "endorsed", "resigned", "nominated", "pledged"),
                    List.of("the ruling party", "the opposition bloc", "the electoral commission", "the upper house",
                            "the justice committee", "the budget office"),
                    List.of("senator", "minister", "party leader", "spokesperson", "mayor", "governor")),
            new Topic("economy",
                    List.of("inflation", "interest rates", "bond yields", "currency", "exports", "tariffs", "earnings",
                            "shares", "investors", "recession", "growth", "unemployment", "central bank", "deficit",
                            "revenue", "dividend", "merger", "stock market", "supply chain", "consumer prices", "wages",
                            "manufacturing", "quarterly profit", "credit"),
                    List.of("rose", "fell", "slumped", "rallied", "forecast", "invested", "acquired", "cut"),
                    List.of("the central bank", "the finance ministry", "the stock exchange", "the trade council",
                            "the statistics office", "the chamber of commerce"),
                    List.of("economist", "chief executive", "analyst", "finance minister", "trader", "banker")),
            new Topic("sports",
                    List.of("match", "tournament", "championship", "striker", "goalkeeper", "coach", "league", "season",
                            "final", "semifinal", "stadium", "fans", "penalty", "injury", "transfer", "record", "medal",
                            "marathon", "playoffs", "captain", "squad", "victory", "defeat", "title"),
                    List.of("scored", "defeated", "won", "lost", "qualified", "trained", "signed", "equalised"),
                    List.of("the national team", "the football federation", "the olympic committee", "the league office",
                            "the home side", "the visiting club"),
                    List.of("coach", "striker", "captain", "team manager", "midfielder", "referee")),
            new Topic("technology",
                    List.of("software", "smartphone", "semiconductor", "artificial intelligence", "data centre", "startup",
                            "encryption", "cloud", "algorithm", "chip", "platform", "app", "cybersecurity", "hackers",
                            "broadband", "satellite internet", "robotics", "battery", "browser", "network", "privacy",
                            "developers", "servers", "update"),
                    List.of("launched", "unveiled", "patched", "hacked", "upgraded", "released", "acquired", "tested"),
                    List.of("the chipmaker", "the software group", "the telecom regulator", "the startup",
                            "the data protection agency", "the cybersecurity agency"),
                    List.of("engineer", "chief technology officer", "founder", "researcher", "developer", "analyst")),
            new Topic("health",
                    List.of("hospital", "vaccine", "patients", "outbreak", "virus", "clinic", "doctors", "nurses",
                            "treatment", "infection", "surgery", "pandemic", "drug", "trial", "diagnosis", "cancer",
                            "mental health", "emergency room", "prescriptions", "symptoms", "epidemic", "therapy",
                            "public health", "health insurance"),
                    List.of("treated", "vaccinated", "diagnosed", "admitted", "recovered", "prescribed", "screened", "warned"),
                    List.of("the health ministry", "the disease control centre", "the hospital trust", "the medical council",
                            "the drug regulator", "the nurses union"),
                    List.of("doctor", "epidemiologist", "health minister", "surgeon", "nurse", "researcher")),
            new Topic("science",
                    List.of("telescope", "galaxy", "experiment", "laboratory", "fossil", "genome", "particle", "orbit",
                            "spacecraft", "asteroid", "species", "researchers", "physics", "discovery", "study", "journal",
                            "molecules", "quantum", "mission", "rover", "volcano", "dinosaur", "specimen", "observatory"),
                    List.of("discovered", "observed", "measured", "published", "launched", "sequenced", "detected", "mapped"),
                    List.of("the space agency", "the research institute", "the university team", "the observatory",
                            "the science academy", "the natural history museum"),
                    List.of("astronomer", "physicist", "biologist", "professor", "geologist", "lead author")),
            new Topic("environment",
                    List.of("climate", "emissions", "wildfire", "drought", "flooding", "glacier", "rainfall", "heatwave",
                            "pollution", "forest", "biodiversity", "coastline", "renewable energy", "solar farm",
                            "wind turbines", "carbon", "river", "wildlife", "conservation", "storm", "hurricane",
                            "water supply", "recycling", "air quality"),
                    List.of("flooded", "burned", "warmed", "protected", "evacuated", "polluted", "restored", "planted"),
                    List.of("the environment agency", "the weather service", "the conservation trust", "the climate panel",
                            "the water authority", "the forestry service"),
                    List.of("climate scientist", "meteorologist", "conservationist", "environment minister", "ranger",
                            "activist")),
            new Topic("crime",
                    List.of("police", "suspect", "arrest", "court", "trial", "jury", "verdict", "sentence", "prosecutors",
                            "investigation", "robbery", "fraud", "detectives", "charges", "prison", "witness", "shooting",
                            "smuggling", "bail", "judge", "evidence", "lawsuit", "appeal", "defendant"),
                    List.of("arrested", "charged", "convicted", "sentenced", "acquitted", "investigated", "testified", "seized"),
                    List.of("the police department", "the district court", "the prosecutor's office", "the supreme court",
                            "the anti-corruption bureau", "the border police"),
                    List.of("detective", "prosecutor", "judge", "defence lawyer", "police chief", "investigator")),
            new Topic("culture",
                    List.of("film", "festival", "album", "concert", "museum", "exhibition", "novel", "director", "actor",
                            "gallery", "theatre", "premiere", "award", "painting", "orchestra", "box office", "series",
                            "author", "singer", "poetry", "fashion", "architecture", "heritage", "audience"),
                    List.of("premiered", "performed", "exhibited", "published", "directed", "celebrated", "toured", "curated"),
                    List.of("the film academy", "the national museum", "the arts council", "the opera house",
                            "the book fair", "the music academy"),
                    List.of("director", "novelist", "curator", "singer", "critic", "actor")),
            new Topic("world",
                    List.of("diplomats", "embassy", "ceasefire", "sanctions", "summit", "treaty", "border", "refugees",
                            "negotiations", "troops", "humanitarian aid", "foreign minister", "talks", "alliance",
                            "envoy", "conflict", "peace deal", "delegation", "security council", "military", "sovereignty",
                            "consulate", "bilateral relations", "occupation"),
                    List.of("negotiated", "condemned", "signed", "withdrew", "mediated", "sanctioned", "deployed", "met"),
                    List.of("the foreign ministry", "the united nations", "the security council", "the regional bloc",
                            "the defence ministry", "the embassy"),
                    List.of("envoy", "foreign minister", "ambassador", "diplomat", "general", "negotiator")));

    static final List<String> FIRST = List.of("Anna", "Marco", "Leila", "David", "Sofia", "Tomas", "Grace", "Ibrahim",
            "Elena", "Kwame", "Mei", "Pablo", "Nadia", "Oliver", "Priya", "Jonas", "Fatima", "Lucas", "Hana", "Samuel",
            "Irene", "Viktor", "Amara", "Felix", "Yara", "Daniel", "Olga", "Rafael", "Ines", "Noah", "Zainab", "Erik",
            "Clara", "Mateo", "Aisha", "Henrik", "Laura", "Omar", "Julia", "Chen");
    static final List<String> LAST = List.of("Moreno", "Okafor", "Lindqvist", "Haddad", "Kowalski", "Tanaka", "Brennan",
            "Novak", "Silva", "Mensah", "Fischer", "Rahman", "Petrova", "Duarte", "Keller", "Nakamura", "Osei", "Varga",
            "Whitfield", "Castillo", "Ivanova", "Bauer", "Achebe", "Larsen", "Romano", "Sato", "Quinn", "Abadi",
            "Horvath", "Delgado", "Eriksen", "Mbeki", "Carver", "Lopez", "Weber", "Yilmaz", "Forde", "Park", "Nilsen", "Grant");
    static final List<String> CITIES = List.of("Millbrook", "Eastport", "Harrow Falls", "Cedar Point", "Northgate",
            "Riverton", "Oakdale", "Stonebridge", "Westhaven", "Pine Ridge", "Lakeview", "Fairmont", "Brookfield",
            "Ashford", "Kingsley", "Maple Grove", "Redwater", "Silverton", "Greenwich Bay", "Clearwater", "Highmoor",
            "Elmswood", "Baytown", "Crestwood", "Dunmore", "Glenfield", "Hollowell", "Ironbridge", "Juniper Hill",
            "Kestrel Bay");
    static final List<String> OUTLET_SUFFIX = List.of("Courier", "Gazette", "Herald", "Tribune", "Daily News",
            "Chronicle", "Observer", "Post", "Times", "Journal", "Ledger", "Sentinel", "Record", "Dispatch", "Star");
    static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    static final List<String> ADJ = List.of("new", "major", "sharp", "unexpected", "long-awaited", "controversial",
            "record", "early", "final", "first", "growing", "local", "national", "rare", "significant", "key",
            "latest", "broad", "limited", "sudden");
    static final List<String> GENERAL = List.of("plan", "report", "decision", "statement", "proposal", "review",
            "deal", "meeting", "figures", "programme", "agreement", "warning", "project", "survey", "changes",
            "measures", "response", "request", "questions", "concerns", "results", "talks", "schedule", "budget");
    static final List<String> TIME = List.of("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
            "over the weekend", "last week", "earlier this month", "late on Sunday", "this year");

    /** Sentence templates; slots are filled by {@link CorpusGenerator}. */
    static final List<String> TEMPLATES = List.of(
            "{P}, the {R} of {O}, said {W} that the {A} {N} would change how {N2} is handled in {C}.",
            "Officials in {C} {V} the {N} after weeks of {A} debate over {N2}.",
            "\"We have never seen {N} like this,\" said {P}, a {R} who has followed {N2} for {K} years.",
            "The {N} comes as {O} faces {A} pressure over {N2} and {N3}.",
            "According to {O}, {K} people were affected by the {N} in {C} and nearby towns.",
            "{L} told reporters that the {N} was {A} but that {N2} remained the priority.",
            "Critics say the {A} {N} does little to address {N2}, which has worried residents of {C}.",
            "The {G} was announced {W} by {O}, which {V} a similar {N} last year.",
            "{P} {V} the {N}, calling it \"{A} and necessary\" for {N2}.",
            "In {C}, the {N} drew {K} people, many of them concerned about {N2}.",
            "{O} said the {G} on {N} would be published by the end of the month.",
            "The {A} {N} follows a {G} that showed {N2} rising by {K} percent.",
            "Speaking in {C}, {L} said {O} had {V} the {N} and would review {N2}.",
            "It was not immediately clear how the {N} would affect {N2} in {C}.",
            "A {R} for {O}, {P}, declined to comment on the {N} {W}.",
            "The {G} on {N} and {N2} is expected to be discussed again {W}.",
            "{K} years after the last {N}, {C} is again facing questions about {N2}.",
            "Residents said the {A} {N} had left them uncertain about {N3}.");

    static final List<String> BOILERPLATE = List.of(
            "Copyright {Y} {OUTLET}. All rights reserved.",
            "Sign up for the {OUTLET} newsletter to get the day's top stories in your inbox.",
            "This material may not be published, broadcast, rewritten or redistributed.",
            "Follow {OUTLET} on social media for more updates.",
            "Have a news tip? Contact the {OUTLET} newsroom.",
            "Home | News | Sports | Weather | Opinion | Obituaries");
}
