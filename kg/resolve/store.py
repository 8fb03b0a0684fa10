"""Cross-article resolution as a pass over the store, run after each build.

The store is the name index: every article graph keeps the names its own text gave, and
this pass renames entity IRIs that a fuller name elsewhere identifies ("Trump" ->
"Donald Trump"; a headline-less "The New York Times op-ed" -> the op-ed whose headline
another article gives). Renaming happens inside each article's named graph, so withdrawing
an article still removes exactly its facts; the old label becomes a ``skos:altLabel``, and
quotes whose IRI depended on the old speaker IRI are renamed too, so no quote is doubled.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.extract.records import EntityRef
from kg.rdf import iris
from kg.rdf.namespaces import RDF, RDFS, SCHEMA, SKOS
from kg.resolve.names import person_merges
from kg.resolve.quotes import contained_quote_renames, settle_quote_texts
from kg.store import add_quads, named_quads, remove_quads, settle_union

_PEOPLE = "SELECT DISTINCT ?e ?name WHERE { ?e a schema:Person ; rdfs:label ?name }"
_MENTIONED = """SELECT DISTINCT ?a ?outlet ?headline ?opinion WHERE {
  ?outlet nkg:published ?a .
  FILTER NOT EXISTS { ?a dcterms:identifier ?id }
  OPTIONAL { ?a schema:headline ?headline }
  BIND (EXISTS { ?a a schema:OpinionNewsArticle } AS ?opinion) }"""
_QUOTES = "SELECT DISTINCT ?q ?p ?text WHERE { ?q schema:creator ?p ; schema:text ?text }"


def _person_renames(dataset: Dataset, base: str) -> dict[URIRef, URIRef]:
    by_name: dict[str, URIRef] = {}
    for iri, name in dataset.query(_PEOPLE):
        if str(iri).startswith(f"{base}person/"):
            by_name.setdefault(str(name), iri)
    renames = {}
    for short, full in person_merges(by_name).items():
        target = iris.entity_iri(base, EntityRef("person", full))
        if by_name[short] != target:
            renames[by_name[short]] = target
    return renames


def _article_renames(dataset: Dataset) -> dict[URIRef, URIRef]:
    """A headline-less mentioned article joins the one headlined article of its outlet."""
    headlined: dict[tuple[Node, bool], set[URIRef]] = defaultdict(set)
    bare: list[tuple[URIRef, Node, bool]] = []
    for article, outlet, headline, opinion in dataset.query(_MENTIONED):
        is_opinion = bool(opinion and opinion.toPython())
        if headline is None:
            bare.append((article, outlet, is_opinion))
        else:
            headlined[(outlet, is_opinion)].add(article)
    renames = {}
    for article, outlet, is_opinion in bare:
        candidates = headlined[(outlet, is_opinion)]
        if len(candidates) == 1:
            renames[article] = next(iter(candidates))
    return renames


def _quote_renames(dataset: Dataset, base: str,
                   people: dict[URIRef, URIRef]) -> dict[URIRef, URIRef]:
    """A quote's IRI is made from its speaker's: quotes of renamed people move too."""
    if not people:
        return {}
    return {quote: iris.quote_iri(base, str(text), people[speaker])
            for quote, speaker, text in dataset.query(_QUOTES) if speaker in people}


def _rename(dataset: Dataset, renames: dict[URIRef, URIRef]) -> None:
    """Rewrite every quad that names a renamed node, graph by graph."""
    old_quads = set()
    for old in renames:
        old_quads |= named_quads(dataset, (old, None, None))
        old_quads |= named_quads(dataset, (None, None, old))
    new_quads = []
    for s, p, o, graph in old_quads:
        s2, o2 = renames.get(s, s), renames.get(o, o)
        if p == RDFS.label and s in renames and isinstance(o, Literal):
            new_quads.append((s2, SKOS.altLabel, o, graph))
            continue
        new_quads.append((s2, p, o2, graph))
    remove_quads(dataset, old_quads)
    add_quads(dataset, new_quads)


def _label_targets(dataset: Dataset, renames: dict[URIRef, URIRef]) -> None:
    """Each graph that now names a merged person also labels it (the label is its name)."""
    labels = []
    for target in set(renames.values()):
        if (target, RDF.type, SCHEMA.Person) not in dataset:
            continue
        label = next(iter(dataset.objects(target, RDFS.label)), None)
        if label is None:
            continue
        graphs = {g for *_, g in named_quads(dataset, (target, None, None))}
        labels += [(target, RDFS.label, label, g) for g in graphs]
    add_quads(dataset, labels)


def resolve_store(dataset: Dataset, base: str) -> int:
    """Merge entities across the articles in ``dataset``; returns how many nodes or texts changed.

    Each step reads the union and writes through ``kg.store`` so the union stays current.
    Idempotent: a second run changes nothing.
    """
    people = _person_renames(dataset, base)
    renames = {**people, **_quote_renames(dataset, base, people), **_article_renames(dataset)}
    if renames:
        _rename(dataset, renames)
        _label_targets(dataset, people)
        settle_union(dataset)
    contained = contained_quote_renames(dataset)
    if contained:
        _rename(dataset, contained)
        settle_union(dataset)
    texts = settle_quote_texts(dataset)
    if texts:
        settle_union(dataset)
    return len(renames) + len(contained) + texts
