"""The words that make a reaction, and the words that unmake one (docs/reactions.md)."""

from __future__ import annotations

from kg.extract.records import Stance

# a verb whose direct object is the target: "Trump slammed Clinton"
CUES: dict[str, Stance] = {
    **dict.fromkeys(
        ["criticize", "criticise", "denounce", "condemn", "slam", "blast", "attack", "rip",
         "decry", "dismiss", "reject", "mock", "deride", "lambaste", "assail", "knock", "bash",
         "chide", "rebuke", "fault", "accuse", "ridicule", "scold", "berate", "trash",
         "disavow", "repudiate", "castigate", "excoriate", "skewer", "disparage",
         "insult", "belittle", "scorn", "sue", "oppose", "blame", "unendorse", "question",
         "hammer", "admonish", "lament", "regret", "contradict", "pummel", "overrule",
         "challenge", "torch", "smear", "shame", "hit", "swipe", "rebuff", "spurn",
         "denigrate", "demean", "vilify", "demonize", "demonise", "malign", "lampoon", "taunt",
         "deplore", "reproach", "reprimand", "censure", "impugn", "snub", "pillory", "flay",
         "eviscerate", "savage", "lambast", "harangue", "besmirch", "troll", "veto",
         "rubbish",
         # general families of criticism and rejection (seventh round: from the language,
         # not from annotated sentences)
         "chastise", "upbraid", "blister", "pan", "diss", "jeer", "heckle", "roast",
         "dispute", "rebut", "refute", "counter", "slap", "needle", "ding", "reprove",
         "browbeat", "hector", "pound"],
        "disagree"),
    **dict.fromkeys(["praise", "applaud", "welcome", "commend", "hail", "laud", "thank",
                     "congratulate", "defend", "endorse", "salute", "compliment", "back",
                     "support", "embrace", "cheer", "extol", "admire",
                     "honor", "honour", "celebrate", "acclaim",
                     "lionize", "glorify"], "agree"),
    **dict.fromkeys(["call", "describe", "label", "brand", "dub", "discuss", "paint", "portray",
                     "characterize", "characterise", "liken", "refer"], "react"),
}
# a verb whose target is the object of one preposition: "railed against Trump"
PREPOSITION_CUES: dict[str, tuple[str, Stance]] = {
    "respond": ("to", "react"), "react": ("to", "react"), "reply": ("to", "react"),
    "ask": ("about", "react"), "rail": ("against", "disagree"), "lash": ("at", "disagree"),
    "poke": ("at", "disagree"), "speak": ("against", "disagree"),
    "retaliate": ("against", "disagree"), "aim": ("at", "disagree"),
    "swipe": ("at", "disagree"), "fire": ("at", "disagree"), "hit": ("at", "disagree"),
    "go": ("after", "disagree"), "push": ("against", "disagree"),
    "apologize": ("for", "disagree"), "apologise": ("for", "disagree"),
    "break": ("with", "disagree"), "disagree": ("with", "disagree"),
    "agree": ("with", "agree"), "side": ("with", "agree"), "campaign": ("for", "agree"),
    "vouch": ("for", "agree"), "tweet": ("about", "react"), "comment": ("on", "react"),
    "sound": ("on", "react"), "tear": ("into", "disagree"), "lay": ("into", "disagree"),
    "rip": ("into", "disagree"), "scoff": ("at", "disagree"), "sneer": ("at", "disagree"),
    "snipe": ("at", "disagree"), "jab": ("at", "disagree"), "inveigh": ("against", "disagree"),
    "rule": ("against", "disagree"), "unload": ("on", "disagree"),
    "distance": ("from", "disagree"), "stand": ("by", "agree"), "rally": ("behind", "agree"),
    "rant": ("about", "disagree"), "complain": ("about", "disagree"),
    "gripe": ("about", "disagree"), "fume": ("over", "disagree"),
    "rage": ("against", "disagree"), "pile": ("on", "disagree"),
    "stump": ("for", "agree"),
}
# a verb and its object noun that carry the cue together: "took aim at", "took issue with",
# "has thrown his support behind", "has praise for"
VERB_NOUN_CUES: dict[tuple[str, str], tuple[str, Stance]] = {
    ("take", "aim"): ("at", "disagree"), ("take", "issue"): ("with", "disagree"),
    ("take", "swipe"): ("at", "disagree"), ("take", "shot"): ("at", "disagree"),
    ("take", "jab"): ("at", "disagree"), ("take", "dig"): ("at", "disagree"),
    ("throw", "support"): ("behind", "agree"), ("throw", "weight"): ("behind", "agree"),
    ("lend", "support"): ("to", "agree"), ("voice", "support"): ("for", "agree"),
    ("express", "support"): ("for", "agree"), ("have", "praise"): ("for", "agree"),
    ("heap", "praise"): ("on", "agree"), ("offer", "praise"): ("for", "agree"),
    ("level", "criticism"): ("at", "disagree"), ("have", "criticism"): ("for", "disagree"),
    ("hurl", "insult"): ("at", "disagree"), ("lob", "attack"): ("at", "disagree"),
    ("make", "fun"): ("of", "disagree"), ("poke", "fun"): ("at", "disagree"),
    ("open", "fire"): ("on", "disagree"), ("fire", "shot"): ("at", "disagree"),
    ("take", "exception"): ("to", "disagree"), ("cast", "doubt"): ("on", "disagree"),
    ("throw", "shade"): ("at", "disagree"), ("part", "way"): ("with", "disagree"),
    ("aim", "insult"): ("at", "disagree"), ("sing", "praise"): ("of", "agree"),
    ("make", "light"): ("of", "react")}
# a verb and the noun of its prepositional phrase that make a cue on its direct object: "took
# Trump to task", "voted to hold Pagliano in contempt"
PHRASE_CUES: dict[tuple[str, str], Stance] = {("take", "task"): "disagree",
                                              ("hold", "contempt"): "disagree",
                                              ("hold", "account"): "disagree"}
# verbs whose object noun of support names its giver: "won the backing of Gov. Mike Pence"
# (not "drew criticism from GOP hopefuls": the gold calls that a mention)
RECEIVING = {"receive", "win", "get", "earn", "secure", "land", "gain"}
# a noun whose prepositional phrase is the target, owned by the agent: "his critique of his
# opponents", "Clinton's attack on Trump", "her praise for Obama"
NOUN_CUES: dict[str, tuple[tuple[str, ...], Stance]] = {
    **dict.fromkeys(["critique", "criticism", "condemnation", "denunciation", "rebuke",
                     "repudiation", "mockery", "disavowal"], (("of",), "disagree")),
    **dict.fromkeys(["attack", "assault", "broadside", "tirade", "salvo", "diatribe", "rant"],
                    (("on", "against", "at"), "disagree")),
    **dict.fromkeys(["swipe", "jab", "dig", "shot"], (("at",), "disagree")),
    **dict.fromkeys(["praise", "endorsement", "backing", "defense", "defence"],
                    (("of", "for", "to"), "agree")),
    "response": (("to",), "react")}
# verbs that only carry a reaction noun as their object ("launched an attack on Trump",
# "offered a rebuke of"): the verb's subject is the noun's owner; not "condemned the attack"
LIGHT_VERBS = {"launch", "level", "lob", "mount", "unleash", "deliver", "offer", "issue",
               "express", "voice", "make", "give", "direct", "step", "ramp", "ratchet", "press",
               "renew", "escalate", "sharpen", "intensify", "hurl", "fire", "heap", "pour",
               "continue", "reserve", "save", "have"}
# a noun whose "about"/"on" phrase is the target: "sounded a positive note about Trump"
ABOUT_NOUNS: dict[str, Stance] = {"note": "react", "doubt": "disagree", "concern": "disagree",
                                  "remark": "react", "comment": "react", "statement": "react",
                                  "tweet": "react", "question": "disagree", "joke": "disagree"}
# verbs that aim a statement or an attack "at" its target ("remarks directed at X")
AIMING = {"direct", "aim", "target"}
# "called out X", "hit back at X": a particle that makes the verb a cue
PARTICLE_CUES: dict[tuple[str, str], Stance] = {("call", "out"): "disagree",
                                                ("hit", "back"): "disagree",
                                                ("fire", "back"): "disagree",
                                                ("lash", "out"): "disagree",
                                                ("take", "on"): "disagree",
                                                ("strike", "down"): "disagree",
                                                ("push", "back"): "disagree",
                                                ("sound", "off"): "disagree",
                                                ("hit", "out"): "disagree",
                                                ("speak", "out"): "disagree",
                                                ("weigh", "in"): "react",
                                                ("shoot", "down"): "disagree",
                                                ("slap", "down"): "disagree",
                                                ("strike", "back"): "disagree",
                                                ("brush", "off"): "disagree",
                                                ("brush", "aside"): "disagree",
                                                ("laugh", "off"): "disagree",
                                                ("back", "up"): "agree"}
# an adjective whose target follows "of": "Graham has been critical of Trump"
ADJECTIVE_CUES: dict[str, Stance] = {"critical": "disagree", "dismissive": "disagree",
                                     "contemptuous": "disagree", "supportive": "agree"}
# feelings about someone, as a passive participle or an adjective: "was troubled by Trump's
# remarks", "disappointed in Sanders", "angry at the media", "proud of Obama"; the prepositions
# that name the target (not "for" and "in" alone: a reason and a place)
_UPSET = ("by", "with", "at", "about", "over")
FEELINGS: dict[str, tuple[tuple[str, ...], Stance]] = {
    **dict.fromkeys(["trouble", "troubled", "outrage", "outraged", "offend", "offended",
                     "appall", "appalled", "disgust", "disgusted", "alarm", "alarmed",
                     "anger", "angered", "angry", "furious", "dismay", "dismayed", "frustrate",
                     "frustrated", "infuriate", "infuriated", "horrify", "horrified",
                     "sadden", "saddened", "sicken", "sickened", "embarrass", "embarrassed"],
                    (_UPSET, "disagree")),
    **dict.fromkeys(["disappoint", "disappointed"], ((*_UPSET, "in"), "disagree")),
    "ashamed": (("of",), "disagree"),
    **dict.fromkeys(["impress", "impressed", "encourage", "encouraged", "please", "pleased",
                     "delight", "delighted"], (("by", "with"), "agree")),
    **dict.fromkeys(["proud"], (("of",), "agree")),
    **dict.fromkeys(["grateful", "thankful"], (("to",), "agree")),
}
# "called X a Y", "painted X as Y", "likened X to Y": the preposition of the complement
NEEDS_COMPLEMENT = {"call": "as", "label": "as", "brand": "as", "dub": "as", "describe": "as",
                    "paint": "as", "portray": "as", "characterize": "as",
                    "characterise": "as", "liken": "to", "refer": "as"}
# a cue whose "on" phrase, when it has one, is the target: "blamed the decline on the media"
BLAME_ON = {"blame"}
# a called-x verb whose target is a prepositional object: "referred to X as rapists"
TARGET_PREPOSITIONS = {"refer": "to"}
SPEECH = {"say", "add", "tell", "write", "tweet", "continue", "declare", "argue", "claim",
          "insist", "state", "note", "suggest", "charge", "complain", "warn", "contend",
          "affirm", "explain", "point", "respond", "reply", "acknowledge", "stress"}
# verbs over an infinitive cue that say it happened: "tried to attack", "voted to condemn";
# under any other ("refused to endorse", "plans to attack", "urged X to") it has not
CARRIED_OUT = {"try", "vote", "move", "continue", "begin", "start", "rush", "use", "take",
               "seem", "appear", "proceed", "manage", "quick", "swift", "hasten"}
# cues that may take the agent's own statement: "regrets her remarks" (not "defend": "defended
# his campaign manager" is no self-reaction)
SELF_CUES = {"regret", "apologize", "apologise", "retract", "disavow"}
# cues that defend the agent's own statement or decision ("defended his decision to", "stood
# by her remarks", the gold's "defend his praise of Putin"), never a person they own
DEFENDING = {"defend", "stand"}
# verbs whose "from"/"of" + gerund did not happen: "refrained from endorsing"
REFRAINING = {"refrain", "stop", "abstain", "desist", "shy", "hold", "keep", "decline", "avoid"}
MODALS = {"would", "could", "might", "should", "may", "will", "must", "'d", "\u2019d", "'ll",
          "\u2019ll", "wo", "ca"}
# "his best shot at the nomination" is a chance, not an attack
CHANCES = {"best", "good", "better", "real", "fair", "decent", "long", "only", "last", "slim"}
# a word that makes a quote praise whoever speaks it
PRAISE_WORDS = {"respect", "admire", "love", "great", "proud", "commend", "thank", "grateful",
                "incredible", "excited", "congratulate", "wonderful", "honored", "appreciate",
                "excellent", "brilliant", "terrific", "impressed", "fantastic", "honest",
                "decent", "courage", "courageous", "brave", "applaud", "welcome",
                "congratulations", "admirable", "remarkable", "outstanding", "superb",
                "amazing", "thanks", "gratitude", "trust", "admiration", "esteem"}
# praise only from the speaker's own mouth ("I strongly support Paul Ryan"), not in a report
# ("the board voted to endorse Clinton", "his share of support")
SUPPORT_WORDS = {"support", "endorse", "like", "likes", "voting", "agree"}
FIRST_PERSON = {"i", "we"}
# praise in a description ("called him a strong leader"), too mild to make a quote judge
MILD_PRAISE = {"good", "best", "better", "strong", "leader", "positive", "warm", "star", "hero",
               "champion", "friend", "patriot"}
# a word that makes a quote criticism; with a praise word too the quote is mixed ("I like
# Paul, but these are horrible times")
BLAME_WORDS = {"troubling", "horrible", "fears", "lies", "liar", "disgrace", "failure", "weak",
               "dangerous", "wrong", "bad", "terrible", "unfit", "outrageous", "misleading",
               "nonsense", "crazy", "dumb", "embarrassed", "hateful", "destroying", "corrupt",
               "crooked", "absurd", "reprehensible", "divisive", "offensive", "unhinged",
               "inappropriate", "shameful", "disgraceful", "pathetic", "racist", "fraud",
               "phony", "lie", "lying", "opportunist", "incompetent", "reckless", "failed",
               "disaster", "sad", "loser", "ridiculous", "unqualified", "bias", "biased",
               "disgusting", "dishonest", "worst", "ashamed", "disappointed", "disappointing",
               "irresponsible", "despicable", "deplorable", "insulting", "appalling",
               "unacceptable", "threatens", "incendiary", "hypocrite", "hypocritical",
               "bigot", "bigoted", "demagogue", "mistake", "clown", "weakness", "faker",
               "negative", "harsh", "sharp", "attack", "attacks", "blame", "criticize",
               "stupid", "nasty", "bigotry", "hatred", "hate", "scandal", "ignorant",
               "extreme", "disastrous", "catastrophe", "catastrophic", "mess", "rigged",
               "unfair", "outrage", "outraged", "angry", "worried", "troubled", "sick",
               "joke", "laughable", "lowest", "untruthful", "untrue", "false", "falsely",
               "fake", "lied", "misled", "mislead", "cheat", "unstable", "erratic", "bully",
               "thug", "coward", "cowardly", "naive", "clueless", "insult", "insulted",
               "offended", "condemn", "denounce", "disgracefully", "shame", "unpresidential",
               "temperament", "danger", "failing", "fails", "demagoguery", "extremist"}
# titles that make a person no official whatever else they say ("MSNBC host", "analyst")
NOT_AN_OFFICE = {"analyst", "host", "anchor", "commentator", "columnist", "reporter",
                 "correspondent", "editor", "professor", "economist", "pollster", "strategist",
                 "activist", "expert", "researcher", "fellow", "writer", "author", "producer",
                 "retired", "ceo", "founder", "lawyer", "mogul", "businessman", "businesswoman",
                 "billionaire", "veteran", "chairman", "chairwoman"}
# who speaks for someone else: "Clinton spokesman Brian Fallon", "a top Clinton aide"
STAFF_WORDS = {"spokesman", "spokeswoman", "spokesperson", "aide", "aides", "adviser",
               "advisor", "secretary", "manager", "strategist", "staffer", "surrogate"}
# a campaign's jobs: whoever holds one (and no office) speaks for the campaign
CAMPAIGN_JOBS = {"campaign", "manager", "director", "chairman", "chairwoman", "chair",
                 "adviser", "advisor", "strategist", "aide", "staffer", "spokesman",
                 "spokeswoman", "spokesperson"}
# campaigns, parties and committees: bodies whose reaction is an official one
BODY_WORDS = {"campaign", "party", "committee", "caucus", "administration", "council",
              "department", "court", "senate", "house", "congress", "democrats",
              "republicans", "gop", "rnc", "dnc"}
# groups that stand for one body (the gold's conventions): the word itself, or a group noun
# it modifies ("GOP critics", "Republican hopefuls", "news media")
COLLECTIVES = {"Republican Party": {"republicans", "gop"},
               "Democratic Party": {"democrats"},
               "news media": {"media", "journalists", "reporters", "press"}}
# a party's adjective names it only on a group noun ("Republican legislators")
PARTY_ADJECTIVES = {"Republican Party": {"republican"}, "Democratic Party": {"democratic"}}
GROUP_NOUNS = {"critic", "rival", "hopeful", "candidate", "lawmaker", "legislator", "leader",
               "field", "media", "senator", "member", "establishment", "opponent",
               "contender", "challenger", "successor", "governor", "congressman", "official",
               "colleague"}
# a description of an outlet: "the network", "the newspaper" (the nearest outlet named before)
OUTLET_NOUNS = {"network", "newspaper", "paper", "outlet", "channel", "broadcaster",
                "magazine", "tabloid"}
# what someone said or decided: "the proposal" stands for whoever just made it
STATEMENT_NOUNS = {"statement", "proposal", "remark", "comment", "decision", "plan", "tweet",
                   "claim", "idea", "call", "ban", "policy", "speech", "declaration",
                   "accusation", "criticism", "request", "suggestion", "argument"}

# a cue's object that names an event an official reacts to (reaction_targets.topic_at); any
# other common noun names a person, a group, a body, a subject or a setting too often
TOPIC_EVENTS = {
    "debate", "vote", "election", "primary", "caucus", "convention", "attack", "shooting",
    "bombing", "explosion", "death", "killing", "murder", "incident", "crisis", "meltdown",
    "scandal", "controversy", "dispute", "rift", "lawsuit", "suit", "investigation", "probe",
    "inquiry", "hearing", "trial", "indictment", "arrest", "leak", "hack", "breach",
    "resignation", "firing", "increase", "cut", "hike", "growth", "decline", "loss",
    "victory", "win", "defeat", "rally", "protest", "riot", "war", "raid", "visit", "meeting",
    "summit", "announcement", "nomination", "appointment", "endorsement", "withdrawal",
    "resettlement", "re-settlement", "deportation", "shutdown", "bailout", "streak",
    "performance", "outburst", "behavior", "behaviour", "conduct", "handling", "treatment",
    "move", "action", "effort", "tragedy", "disaster", "massacre", "strike",
}
# events that befall the person who owns or is named in them ("Crutcher's death", "the deaths
# of journalists under Mr. Putin"): that person made nothing, the event is the target
PATIENT_EVENTS = {"death", "killing", "murder", "shooting", "arrest", "assassination",
                  "execution", "detention", "imprisonment", "beating", "kidnapping", "torture"}
TOPIC_EVENTS |= PATIENT_EVENTS
# a cue's object that names a statement or decision (added to STATEMENT_NOUNS)
TOPIC_STATEMENTS = {"report", "story", "letter", "law", "bill", "ruling", "order", "rule",
                    "deal", "agreement", "treaty", "legislation", "ad", "memo", "post",
                    "message", "response", "answer", "assessment", "finding", "verdict",
                    "allegation", "charge", "insult", "joke", "warning", "threat", "notion",
                    "assertion", "characterization", "portrayal", "narrative", "rhetoric",
                    "language", "email", "regulation", "measure", "program", "act", "pact",
                    "strategy", "approach", "doctrine", "partnership", "tactic",
                    "determination", "conclusion", "judgment", "judgement", "choice",
                    "recommendation", "refusal", "pledge", "promise", "vow", "veto"}
