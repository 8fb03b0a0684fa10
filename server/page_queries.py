"""The SPARQL behind the HTML pages.

?x (and ?q) are bound by substitution, never spliced into the text; pyoxigraph substitutes
only projected variables, so each query selects them. The data model's prefixes need no
declaration: the query workers predeclare them (kg.rdf.namespaces.PREFIX_IRIS).
"""

EXISTS = "ASK { { ?x ?p ?o } UNION { ?s ?p ?x } }"

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

QUOTES_BY = """
SELECT ?x ?quote ?text ?article ?headline ?snippet WHERE {
  ?x nkg:said ?quote .
  ?quote schema:text ?text .
  OPTIONAL {
    ?quote gaf:denotedBy ?span .
    ?span nif:referenceContext ?article ; nif:beginIndex ?b ; nif:endIndex ?e .
    OPTIONAL { ?article schema:headline ?headline }
    OPTIONAL { ?article nif:isString ?whole }
    BIND(IF(?b > 80, ?b - 79, 1) AS ?from)
    BIND(SUBSTR(?whole, ?from, ?e - ?from + 81) AS ?snippet)
  }
} ORDER BY ?article ?b LIMIT 300"""

REACTIONS_BY = """
SELECT ?x ?reaction ?kind ?target ?targetLabel ?quote ?quoteText WHERE {
  ?reaction schema:agent ?x ; a ?kind .
  OPTIONAL { ?reaction schema:object ?target
             OPTIONAL { ?target rdfs:label|schema:headline|schema:text ?targetLabel } }
  OPTIONAL { ?reaction prov:wasDerivedFrom ?quote OPTIONAL { ?quote schema:text ?quoteText } }
} ORDER BY ?reaction LIMIT 200"""

REACTIONS_TO = """
SELECT ?x ?reaction ?kind ?agent ?agentLabel WHERE {
  ?reaction schema:object ?x ; a ?kind ; schema:agent ?agent .
  OPTIONAL { ?agent rdfs:label ?agentLabel }
} ORDER BY ?reaction LIMIT 200"""

ARTICLE_QUOTES = """
SELECT DISTINCT ?x ?quote ?text ?speaker ?speakerLabel WHERE {
  ?quote a schema:Quotation ; schema:text ?text ; gaf:denotedBy ?span .
  ?span nif:referenceContext ?x .
  OPTIONAL { ?quote schema:creator ?speaker OPTIONAL { ?speaker rdfs:label ?speakerLabel } }
} ORDER BY ?speakerLabel LIMIT 300"""

ARTICLE_TEXT = "SELECT ?x ?text WHERE { ?x nif:isString ?text } LIMIT 1"

NEIGHBOURS = """
SELECT DISTINCT ?x ?n ?label ?p WHERE {
  { ?x ?p ?n } UNION { ?n ?p ?x }
  ?n rdfs:label|schema:headline ?label .
  FILTER(isIRI(?n) && ?n != ?x)
} ORDER BY ?label LIMIT 16"""

SEARCH = """
SELECT ?q ?thing ?label ?kind WHERE {
  { VALUES ?kind { schema:Person schema:Organization schema:NewsMediaOrganization
                   schema:Place }
    ?thing a ?kind ; rdfs:label|skos:altLabel ?label }
  UNION { ?thing a schema:NewsArticle ; schema:headline ?label BIND(schema:NewsArticle AS ?kind) }
  UNION { ?thing a schema:Quotation ; schema:text ?label BIND(schema:Quotation AS ?kind) }
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))
} ORDER BY STRLEN(STR(?label)) LIMIT 50"""
