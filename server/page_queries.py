"""The SPARQL behind the HTML pages.

?x (and ?q) are bound by substitution, never spliced into the text; pyoxigraph substitutes
only projected variables, so each query selects them. The data model's prefixes need no
declaration: the query workers predeclare them (kg.rdf.namespaces.PREFIX_IRIS).
Queries with ``{...}`` fields are filled only with numbers the page parsed and IRIs written
by pyoxigraph (see server.page_data).
"""

# What a page shows about an article wherever it lists one: headline (else the input id),
# outlet and date. Expects ?article bound.
_ARTICLE = """
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article dcterms:identifier ?id }
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:publisher ?outlet OPTIONAL { ?outlet rdfs:label ?outletLabel } }"""
_ARTICLE_FIELDS = _ARTICLE.replace("{", "{{").replace("}", "}}")  # inside a str.format template

EXISTS = "ASK { { ?x ?p ?o } UNION { ?s ?p ?x } }"

TYPES = "SELECT ?x ?type WHERE { ?x a ?type }"

# -- any resource (places, events, ...) ----------------------------------------------------

OUTGOING = """
SELECT ?x ?p ?o ?label WHERE {
  ?x ?p ?o .
  FILTER(?p != nif:isString)
  OPTIONAL { ?o rdfs:label|schema:headline ?label }
} ORDER BY ?p ?o LIMIT 300"""

INCOMING = """
SELECT ?x ?s ?p ?label WHERE {
  ?s ?p ?x .
  FILTER NOT EXISTS { ?s a nif:OffsetBasedString }
  OPTIONAL { ?s rdfs:label|schema:headline ?label }
} ORDER BY ?p ?s LIMIT 300"""

NEIGHBOURS = """
SELECT DISTINCT ?x ?n ?label ?p WHERE {
  { ?x ?p ?n } UNION { ?n ?p ?x }
  ?n rdfs:label|schema:headline ?label .
  FILTER(isIRI(?n) && ?n != ?x)
} ORDER BY ?label LIMIT 16"""

# -- people (and organisations that speak) ---------------------------------------------------

NAMES = """
SELECT ?x ?label ?alias ?official WHERE {
  OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?x skos:altLabel ?alias }
  BIND(EXISTS { ?x a nkg:Official } AS ?official)
}"""

# Each role stated of ?x, with the graphs that state it (an article graph
# is the article's IRI with "/graph": docs/data-model.md). Reaching the article inside the
# graph (`?article a nif:Context`) cost 0.45 s CPU for the most quoted person's 3,300 roles,
# this 0.04 s, in one row per role; the page then reads the headlines of the few articles it
# lists (ARTICLE_LABELS).
ROLES = """
SELECT ?x ?title ?org ?orgLabel (GROUP_CONCAT(DISTINCT STR(?graph); separator=" ") AS ?graphs)
WHERE {
  { GRAPH ?graph { ?x schema:jobTitle ?title } }
  UNION
  { GRAPH ?graph { ?x schema:affiliation ?org } OPTIONAL { ?org rdfs:label ?orgLabel } }
} GROUP BY ?x ?title ?org ?orgLabel"""

ARTICLE_LABELS = """
SELECT ?article ?headline ?id WHERE {{
  VALUES ?article {{ {articles} }}
  OPTIONAL {{ ?article schema:headline ?headline }}
  OPTIONAL {{ ?article dcterms:identifier ?id }}
}}"""

SAID_COUNTS = """
SELECT ?x (COUNT(DISTINCT ?quote) AS ?quotes) (COUNT(DISTINCT ?span) AS ?occurrences)
       (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
  ?x nkg:said ?quote . ?quote gaf:denotedBy ?span . ?span nif:referenceContext ?article .
  OPTIONAL {{ ?span nkg:confidence ?confidence }}
  FILTER(COALESCE(?confidence, 1) >= {min_confidence})
}} GROUP BY ?x"""

# The summary the build keeps for a quoted person (kg.resolve.person_summary): the totals at
# any confidence, the occurrences per publication date, the most co-quoted speakers. No
# row: a speaker that is no schema:Person, or a store built before it was kept.
SUMMARY = """
SELECT ?x ?quotes ?occurrences ?articles WHERE {
  ?x nkg:quotationCount ?quotes ; nkg:quotedArticleCount ?articles ;
     nkg:occurrenceCount ?occurrences .
}"""

# The per-date counts in one row ("2016-05-26=12 2016-05-27=3 ..."): 1,200 rows of them for
# the most quoted person cost 0.1 s to pass from the query worker.
KEPT_DAYS = """
SELECT ?x (GROUP_CONCAT(CONCAT(STR(?date), "=", STR(?n)); separator=" ") AS ?days) WHERE {
  ?x nkg:quotedOnDay ?day . ?day dcterms:date ?date ; nkg:occurrenceCount ?n .
} GROUP BY ?x"""

KEPT_ALONGSIDE = """
SELECT ?x ?other ?label ?articles WHERE {
  ?x nkg:quotedAlongside ?tally . ?tally nkg:coSpeaker ?other ; nkg:sharedArticleCount ?articles .
  OPTIONAL { ?other rdfs:label ?label }
} ORDER BY DESC(?articles) ?label LIMIT 10"""

# One row per occurrence, newest article first; a page of them (LIMIT/OFFSET filled in).
# The occurrences are sorted on what the order needs (article, date, offset) and cut to the
# page before the rest is read: sorting every occurrence with all its fields cost twice as
# much for the most quoted person. A page counts occurrences (as the totals do); the outer
# LIMIT keeps it to the page where a quotation has two texts (a store not yet settled).
# ?span breaks ties (two quotes from one offset), so that two ways to a page agree.
_SAID_HEAD = """
SELECT ?x ?quote ?text ?direct ?span ?b ?e ?cue ?confidence
       ?article ?headline ?id ?date ?outlet ?outletLabel WHERE {{
  {{ SELECT ?x ?quote ?span ?article ?b ?date ?confidence WHERE {{"""
_SAID_TAIL = """
    }} ORDER BY DESC(?date) ?article ?b ?span LIMIT {limit} OFFSET {offset} }}
  ?quote schema:text ?text . ?span nif:endIndex ?e .
  OPTIONAL {{ ?span nkg:cue ?cue }}
  BIND(EXISTS {{ ?quote a nkg:DirectQuote }} AS ?direct)
  OPTIONAL {{ ?article schema:headline ?headline }}
  OPTIONAL {{ ?article dcterms:identifier ?id }}
  OPTIONAL {{ ?article schema:publisher ?outlet OPTIONAL {{ ?outlet rdfs:label ?outletLabel }} }}
}} ORDER BY DESC(?date) ?article ?b ?span LIMIT {limit}"""
SAID = _SAID_HEAD + """
      ?x nkg:said ?quote . ?quote gaf:denotedBy ?span .
      ?span nif:referenceContext ?article ; nif:beginIndex ?b .
      OPTIONAL {{ ?span nkg:confidence ?confidence }}
      FILTER(COALESCE(?confidence, 1) >= {min_confidence})
      OPTIONAL {{ ?article schema:datePublished ?date }}""" + _SAID_TAIL

# The same page read from the articles of a few publication dates ({days}: the newest that
# hold it, from the kept per-date counts, as xsd:date, the type the build gives
# schema:datePublished; OFFSET counted from the first of them): the
# articles of those dates, then ?x's quotes in each article's graph. SAID read all of the
# most quoted person's 10,000 occurrences to sort them (0.5-0.8 s CPU), this 0.03 s.
SAID_ON_DAYS = _SAID_HEAD + """
      VALUES ?date {{ {days} }}
      ?article schema:datePublished ?date .
      BIND(IRI(CONCAT(STR(?article), "/graph")) AS ?graph)
      GRAPH ?graph {{ ?x nkg:said ?quote }}
      ?quote gaf:denotedBy ?span . ?span nif:referenceContext ?article ; nif:beginIndex ?b .
      OPTIONAL {{ ?span nkg:confidence ?confidence }}""" + _SAID_TAIL

SAID_BY_DATE = """
SELECT ?x ?date (COUNT(DISTINCT ?span) AS ?n) WHERE {
  ?x nkg:said/gaf:denotedBy ?span . ?span nif:referenceContext/schema:datePublished ?date .
} GROUP BY ?x ?date ORDER BY ?date"""

# The article graphs quoting ?x, each once, then the speakers each graph quotes (an article's
# graph holds the nkg:said of every quote it carries). Joining occurrences instead read every
# quote occurrence of an article once per occurrence of ?x there: 2.8 s CPU for the most
# quoted person of 1,517 AllSides articles, 0.1 s this way.
QUOTED_ALONGSIDE = """
SELECT ?x ?other ?label (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  { SELECT DISTINCT ?x ?article WHERE { GRAPH ?article { ?x nkg:said ?said } } }
  GRAPH ?article { ?other nkg:said ?quote }
  FILTER(?other != ?x)
  OPTIONAL { ?other rdfs:label ?label }
} GROUP BY ?x ?other ?label ORDER BY DESC(?articles) ?label LIMIT 10"""

# The reactions of (or to) ?x start from ?x: binding the kinds with VALUES first read every
# reaction of each kind in the store and kept those of ?x.
REACTIONS_BY = """
SELECT DISTINCT ?x ?kind ?target ?targetLabel ?article ?headline ?id WHERE {
  ?reaction schema:agent ?x ; a ?kind .
  FILTER(?kind IN (schema:ReactAction, schema:AgreeAction, schema:DisagreeAction))
  OPTIONAL { ?reaction schema:object ?target
             OPTIONAL { ?target rdfs:label|schema:headline|schema:text ?targetLabel } }
  OPTIONAL { ?reaction gaf:denotedBy/nif:referenceContext ?article
             OPTIONAL { ?article schema:headline ?headline }
             OPTIONAL { ?article dcterms:identifier ?id } }
} ORDER BY ?kind ?article LIMIT 200"""

REACTIONS_TO = """
SELECT DISTINCT ?x ?kind ?agent ?agentLabel ?article ?headline ?id WHERE {
  ?reaction schema:object ?x ; a ?kind ; schema:agent ?agent .
  FILTER(?kind IN (schema:ReactAction, schema:AgreeAction, schema:DisagreeAction))
  OPTIONAL { ?agent rdfs:label ?agentLabel }
  OPTIONAL { ?reaction gaf:denotedBy/nif:referenceContext ?article
             OPTIONAL { ?article schema:headline ?headline }
             OPTIONAL { ?article dcterms:identifier ?id } }
} ORDER BY ?kind ?article LIMIT 200"""

# -- articles ------------------------------------------------------------------------------

ARTICLE = """
SELECT ?x ?headline ?id ?date ?url ?outlet ?outletLabel ?opinion WHERE {""" + _ARTICLE.replace(
    "?article", "?x") + """
  OPTIONAL { ?x schema:url ?url }
  BIND(EXISTS { ?x a schema:OpinionNewsArticle } AS ?opinion)
}"""

AUTHORS = """
SELECT ?x ?author ?label WHERE {
  ?x schema:author ?author OPTIONAL { ?author rdfs:label ?label }
} ORDER BY ?label"""

TEXT = "SELECT ?x ?text WHERE { ?x nif:isString ?text } LIMIT 1"

TEXTS = """
SELECT ?article ?text WHERE {{
  VALUES ?article {{ {articles} }} ?article nif:isString ?text
}}"""

ARTICLE_QUOTES = """
SELECT ?x ?quote ?text ?span ?b ?e ?cue ?confidence ?speaker ?speakerLabel WHERE {
  ?span nif:referenceContext ?x ; nif:beginIndex ?b ; nif:endIndex ?e .
  ?quote gaf:denotedBy ?span ; schema:text ?text .
  OPTIONAL { ?span nkg:cue ?cue }
  OPTIONAL { ?span nkg:confidence ?confidence }
  OPTIONAL { ?quote schema:creator ?speaker OPTIONAL { ?speaker rdfs:label ?speakerLabel } }
} ORDER BY ?b"""

ARTICLE_MENTIONS = """
SELECT ?x ?b ?e ?entity ?label ?outlet WHERE {
  ?span nif:referenceContext ?x ; itsrdf:taIdentRef ?entity ;
        nif:beginIndex ?b ; nif:endIndex ?e .
  ?entity rdfs:label ?label .
  VALUES ?type { schema:Person schema:NewsMediaOrganization }
  ?entity a ?type .
  BIND(?type = schema:NewsMediaOrganization AS ?outlet)
} ORDER BY ?b"""

# -- quotations ----------------------------------------------------------------------------

QUOTE = """
SELECT ?x ?text ?direct ?speaker ?speakerLabel WHERE {
  ?x schema:text ?text .
  BIND(EXISTS { ?x a nkg:DirectQuote } AS ?direct)
  OPTIONAL { ?x schema:creator ?speaker OPTIONAL { ?speaker rdfs:label ?speakerLabel } }
}"""

OCCURRENCES = """
SELECT ?x ?span ?b ?e ?cue ?confidence ?article ?headline ?id ?date ?outlet ?outletLabel WHERE {
  ?x gaf:denotedBy ?span .
  ?span nif:referenceContext ?article ; nif:beginIndex ?b ; nif:endIndex ?e .
  OPTIONAL { ?span nkg:cue ?cue }
  OPTIONAL { ?span nkg:confidence ?confidence }""" + _ARTICLE + """
} ORDER BY DESC(?date) ?article ?b LIMIT 500"""

REACTIONS_CARRIED = """
SELECT ?x ?reaction ?kind ?agent ?agentLabel ?target ?targetLabel WHERE {
  VALUES ?kind { schema:ReactAction schema:AgreeAction schema:DisagreeAction }
  ?reaction prov:wasDerivedFrom ?x ; a ?kind .
  OPTIONAL { ?reaction schema:agent ?agent OPTIONAL { ?agent rdfs:label ?agentLabel } }
  OPTIONAL { ?reaction schema:object ?target
             OPTIONAL { ?target rdfs:label|schema:headline|schema:text ?targetLabel } }
} ORDER BY ?reaction LIMIT 200"""

# -- outlets -------------------------------------------------------------------------------

PUBLISHED = """
SELECT ?x ?article ?headline ?id ?date ?ingested WHERE {
  ?x nkg:published ?article .
  BIND(EXISTS { ?article a nif:Context } AS ?ingested)
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article dcterms:identifier ?id }
  OPTIONAL { ?article schema:datePublished ?date }
} ORDER BY DESC(?date) ?headline ?id LIMIT 500"""

# Each speaker of a quote occurrence in the outlet's articles, with what may tell a gender:
# honorific name forms and the pronouns the text used for them as speakers.
OUTLET_SPEAKERS = """
SELECT ?x ?speaker ?label ?official (COUNT(DISTINCT ?span) AS ?occurrences)
       (GROUP_CONCAT(DISTINCT LCASE(?form); separator="|") AS ?forms) WHERE {
  ?x nkg:published ?article .
  ?span nif:referenceContext ?article .
  ?quote gaf:denotedBy ?span ; schema:creator ?speaker .
  OPTIONAL { ?speaker rdfs:label ?label }
  BIND(EXISTS { ?speaker a nkg:Official } AS ?official)
  OPTIONAL { { ?speaker skos:altLabel|rdfs:label ?form }
             UNION { ?pronoun itsrdf:taIdentRef ?speaker ; nif:anchorOf ?form .
                     FILTER(LCASE(?form) IN ("he", "him", "his", "she", "her", "hers")) } }
} GROUP BY ?x ?speaker ?label ?official ORDER BY DESC(?occurrences) ?label"""

# -- home ----------------------------------------------------------------------------------

# The counts the build keeps per quoted person (kg.resolve.speaker_counts): the 12th highest,
# the people counted at least that, then their labels; counting every quote occurrence of
# the most quoted people grew with the store.
MOST_QUOTED = """
SELECT ?person ?label ?quotes ?articles WHERE {
  { SELECT ?person ?quotes WHERE {
      OPTIONAL { SELECT ?least WHERE { ?counted nkg:quotationCount ?least }
                 ORDER BY DESC(?least) OFFSET 11 LIMIT 1 }
      ?person nkg:quotationCount ?quotes .
      FILTER (!BOUND(?least) || ?quotes >= ?least) } }
  ?person nkg:quotedArticleCount ?articles .
  OPTIONAL { ?person rdfs:label ?label }
} ORDER BY DESC(?quotes) ?label LIMIT 12"""

OUTLETS = """
SELECT ?outlet ?label (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?outlet a schema:NewsMediaOrganization ; nkg:published ?article .
  ?article a nif:Context .
  OPTIONAL { ?outlet rdfs:label ?label }
} GROUP BY ?outlet ?label ORDER BY DESC(?articles) ?label LIMIT 30"""

LATEST = """
SELECT ?article ?headline ?id ?date ?outlet ?outletLabel WHERE {
  ?article a nif:Context .""" + _ARTICLE + """
} ORDER BY DESC(?date) ?headline ?id LIMIT 12"""

SHARED_QUOTES = """
SELECT ?quote ?text ?speaker ?speakerLabel (COUNT(DISTINCT ?article) AS ?articles)
       (COUNT(DISTINCT ?outlet) AS ?outlets)
       (GROUP_CONCAT(DISTINCT ?outletLabel; separator=", ") AS ?outletNames) WHERE {
  ?quote a schema:Quotation ; schema:text ?text ; gaf:denotedBy/nif:referenceContext ?article .
  OPTIONAL { ?quote schema:creator ?speaker OPTIONAL { ?speaker rdfs:label ?speakerLabel } }
  OPTIONAL { ?article schema:publisher ?outlet OPTIONAL { ?outlet rdfs:label ?outletLabel } }
} GROUP BY ?quote ?text ?speaker ?speakerLabel HAVING (COUNT(DISTINCT ?article) > 1)
ORDER BY DESC(?outlets) DESC(?articles) ?text LIMIT 10"""

SEARCH = """
SELECT ?q ?thing ?label ?kind WHERE {
  { VALUES ?kind { schema:Person schema:Organization schema:NewsMediaOrganization
                   schema:Place }
    ?thing a ?kind ; rdfs:label|skos:altLabel ?label }
  UNION { ?thing a schema:NewsArticle ; schema:headline ?label BIND(schema:NewsArticle AS ?kind) }
  UNION { ?thing a schema:Quotation ; schema:text ?label BIND(schema:Quotation AS ?kind) }
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))
} ORDER BY STRLEN(STR(?label)) LIMIT 50"""
