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
from collections.abc import Iterable

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.extract.first_names import first_name_gender, fold_case, honorific_gender, is_first_name
from kg.extract.names import PARTICLES, canonical_person, name_words, strip_possessive
from kg.extract.offices import DOCTOR, title_keys
from kg.extract.records import EntityRef
from kg.rdf import iris
from kg.rdf.namespaces import RDFS, SKOS
from kg.resolve.anchor_tallies import person_anchors, settle_anchor_tallies
from kg.resolve.corroboration import settle_corroboration
from kg.resolve.names import PersonNode, person_merges, surname_key
from kg.resolve.person_summary import (
    carried_summaries,
    co_speaker_holders,
    co_speakers,
    settle_person_summaries,
)
from kg.resolve.quotes import contained_quote_renames, settle_quote_texts
from kg.resolve.reactions import confirm_reactions
from kg.resolve.scope import Batch, in_chunks, scoped_rows
from kg.resolve.speaker_counts import settle_speaker_counts
from kg.resolve.surname_keys import keyed_people, settle_surname_keys
from kg.store import GraphStore, named_quads, select

# (No engine-side filter on the surname keys: Oxigraph compiled a REGEX of a batch's
# thousands of keys again for every label, minutes on a large store. They are kept instead:
# kg.resolve.surname_keys.)
_PEOPLE = "SELECT DISTINCT ?e ?name WHERE { #SCOPE ?e a schema:Person ; rdfs:label ?name }"
_ALT_LABELS = """SELECT DISTINCT ?e ?alt WHERE {
  #SCOPE ?e a schema:Person ; skos:altLabel ?alt }"""
_JOB_TITLES = """SELECT DISTINCT ?e ?title WHERE {
  #SCOPE ?e a schema:Person ; schema:jobTitle ?title }"""
_OFFICIALS = """SELECT DISTINCT ?e WHERE { #SCOPE ?e a schema:Person , nkg:Official }"""
_AFFILIATIONS = """SELECT DISTINCT ?e ?gov WHERE {
  #SCOPE ?e a schema:Person ; schema:affiliation ?org .
  BIND (EXISTS { ?org a schema:GovernmentOrganization } AS ?gov) }"""
_MENTION_COUNTS = """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {
  #SCOPE ?e a schema:Person ; gaf:denotedBy ?m } GROUP BY ?e"""
_TAKEN = """SELECT DISTINCT ?e WHERE { #SCOPE ?e a schema:Person ; gaf:denotedBy/nif:anchorOf ?a
  FILTER NOT EXISTS { ?e a nkg:DescribedEntity } }"""
_LABELS = """SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  #SCOPE GRAPH ?g { ?e rdfs:label ?label } } GROUP BY ?e ?label"""
_OTHER_LABELS = """SELECT ?e ?label ?g WHERE {
  #PAIRS GRAPH ?g { ?e rdfs:label ?label } FILTER (STR(?label) != STR(?keep)) }"""
_KEPT_ALT_LABELS = """SELECT ?e ?alt ?g WHERE {
  #PAIRS GRAPH ?g { ?e skos:altLabel ?alt } FILTER (STR(?alt) = STR(?keep)) }"""
_UNLABELLED = """SELECT DISTINCT ?e ?g WHERE {
  #PAIRS GRAPH ?g { ?e a ?type FILTER NOT EXISTS { ?e rdfs:label ?keep } } }"""
_MENTIONED = """SELECT DISTINCT ?a ?outlet ?headline ?opinion WHERE {
  #SCOPE ?outlet nkg:published ?a .
  FILTER NOT EXISTS { ?a dcterms:identifier ?id }
  OPTIONAL { ?a schema:headline ?headline }
  BIND (EXISTS { ?a a schema:OpinionNewsArticle } AS ?opinion) }"""
_QUOTES = """SELECT DISTINCT ?q ?p ?text WHERE {
  #SCOPE ?q schema:creator ?p ; schema:text ?text }"""


def _person_nodes(dataset: Dataset, base: str, keys: set[str] | None = None,
                  graphs: list[URIRef] | None = None) -> list[PersonNode]:
    """Each named person node (of the surname ``keys``, looked up in the kept keys and the
    new article ``graphs``; None: all) with the gender its honorifics or first name give,
    its office words, whether it is an official (or works only for organisations outside
    government) and how often the graph mentions it."""
    labels: dict[Node, str] = {}
    keyed = None if keys is None or graphs is None else keyed_people(dataset, base, keys,
                                                                      graphs)
    for iri, name in scoped_rows(dataset, _PEOPLE, "e", keyed):
        if str(iri).startswith(f"{base}person/") and (
                keys is None or surname_key(str(name)) in keys):
            labels.setdefault(iri, str(name))
    scope = None if keys is None else labels
    honorifics: dict[Node, set[str]] = defaultdict(set)
    titles: dict[Node, frozenset[str]] = defaultdict(frozenset)
    for iri, alt in scoped_rows(dataset, _ALT_LABELS, "e", scope):
        first = str(alt).split()[0] if str(alt).split() else ""
        if gender := honorific_gender(first):
            honorifics[iri].add(gender)
        titles[iri] |= title_keys(first) & {DOCTOR}  # "Dr. Biden"
    for iri, title in scoped_rows(dataset, _JOB_TITLES, "e", scope):
        titles[iri] |= title_keys(str(title))
    officials = {row[0] for row in scoped_rows(dataset, _OFFICIALS, "e", scope)}
    in_government: dict[Node, bool] = {}  # affiliated with a government body, if affiliated
    for iri, gov in scoped_rows(dataset, _AFFILIATIONS, "e", scope):
        in_government[iri] = in_government.get(iri, False) or gov.toPython() is True
    counts = {iri: int(n) for iri, n in scoped_rows(dataset, _MENTION_COUNTS, "e", scope)}
    nodes = []
    for iri, name in labels.items():
        said = honorifics.get(iri, set())
        words = name_words(name)
        # honorifics that disagree (a "Mrs. Trump" merged in by mistake) yield to the first
        # name the project lists
        gender = next(iter(said)) if len(said) == 1 else (
            first_name_gender(words[0], guess=not said) if len(words) > 1 else None)
        office = True if iri in officials else False if in_government.get(iri) is False \
            else None
        nodes.append(PersonNode(name, gender, titles[iri], counts.get(iri, 1), str(iri),
                                office))
    return nodes


def _person_renames(nodes: list[PersonNode]) -> dict[URIRef, URIRef]:
    return {URIRef(short): URIRef(full) for short, full in person_merges(nodes).items()}


def _toward_labels(dataset: Dataset, base: str, merges: dict[URIRef, URIRef],
                   graphs: list[URIRef] | None) -> dict[URIRef, URIRef]:
    """``merges`` sent straight to the node the merged person's canonical label names when
    that node is one of those merged: else the target is renamed back after the merge
    ("Hillary Clinton", 32,000 quads, into a new "Hillary Rodham Clinton" node and back,
    at every batch that names her so). The same graph, each quad moved once."""
    groups: dict[URIRef, set[URIRef]] = defaultdict(set)
    for short, full in merges.items():
        groups[full].add(short)
    anchors = person_anchors(dataset, base, set(merges) | set(groups), graphs)
    moved = dict(merges)
    for target, members in groups.items():
        counts: dict[str, int] = defaultdict(int)
        for node in members | {target}:
            for text, n in anchors.get(node, {}).items():
                counts[text] += n
        label = canonical_label(counts)
        final = label and iris.entity_iri(base, EntityRef("person", canonical_person(label)))
        if final in members:
            del moved[final]
            moved.update({node: final for node in members | {target} if node != final})
    return moved


def _article_renames(dataset: Dataset,
                     outlets: set[Node] | None = None) -> dict[URIRef, URIRef]:
    """A headline-less mentioned article joins the one headlined article of its outlet."""
    headlined: dict[tuple[Node, bool], set[URIRef]] = defaultdict(set)
    bare: list[tuple[URIRef, Node, bool]] = []
    for article, outlet, headline, opinion in scoped_rows(dataset, _MENTIONED, "outlet", outlets):
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
            for quote, speaker, text in scoped_rows(dataset, _QUOTES, "p", people)
            if speaker in people}


def _rename(dataset: GraphStore, renames: dict[URIRef, URIRef]) -> None:
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
    dataset.remove_quads(old_quads)
    dataset.add_quads(new_quads)


def canonical_label(anchors: dict[str, int]) -> str | None:
    """The most frequent complete name (two or more name words, case folded, starting with a
    first name when any form does: "Christine Blasey Ford" before "Blasey Ford") among a
    person's mention texts; ties go to the longer form. None when the text never gives a
    full name."""
    forms: dict[str, int] = defaultdict(int)
    spelling: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for anchor, count in anchors.items():
        name = fold_case(" ".join(strip_possessive(anchor).split()))
        words = name.split()
        if len(name_words(name)) < 2 or not all(w[:1].isupper() or w.islower() and w in
                                                PARTICLES for w in words):
            continue
        forms[name.lower()] += count
        spelling[name.lower()][name] += count
    if not forms:
        return None
    best = max(forms, key=lambda f: (is_first_name(f.split()[0]), forms[f], len(f), f))
    return max(spelling[best], key=lambda s: (spelling[best][s], s))


def _label_renames(dataset: Dataset, base: str, people: set[Node] | None = None,
                   graphs: list[URIRef] | None = None,
                   ) -> tuple[dict[URIRef, URIRef], dict[URIRef, str]]:
    """Person IRIs (of ``people``; None: all) that follow their canonical label, and the
    label of each; their mention texts are the tallies held and what the new article
    ``graphs`` add (``kg.resolve.anchor_tallies``)."""
    anchors = person_anchors(dataset, base, people, graphs)
    labels: dict[URIRef, str] = {}
    for iri, counts in anchors.items():
        if str(iri).startswith(f"{base}person/") and (label := canonical_label(counts)):
            labels[iri] = label
    taken = set(anchors)
    if people is not None:  # targets that people outside the scope already hold
        targets = {iris.entity_iri(base, EntityRef("person", canonical_person(label)))
                   for label in labels.values()}
        taken |= {row[0] for row in scoped_rows(dataset, _TAKEN, "e", targets - taken)}
    renames = {}
    for iri, label in labels.items():
        target = iris.entity_iri(base, EntityRef("person", canonical_person(label)))
        if target != iri and target not in taken:
            renames[iri] = target
            taken.add(target)
    return renames, {renames.get(iri, iri): label for iri, label in labels.items()}


def _one_label_each(dataset: GraphStore, chosen: dict[URIRef, str],
                    renamed: Iterable[URIRef] = (), nodes: set[Node] | None = None) -> int:
    """Every entity (of ``nodes``; None: all) keeps one rdfs:label in every graph that types
    it: the chosen one for people, else the form most graphs use (mixed case before ALL
    CAPS); the others become skos:altLabel. ``renamed`` nodes (merge targets, nodes whose IRI
    followed their label) get the label in every graph that now names them."""
    by_node: dict[Node, dict[Literal, int]] = defaultdict(dict)
    for iri, label, n in scoped_rows(dataset, _LABELS, "e", nodes):
        by_node[iri][label] = int(n)
    for iri in renamed:
        by_node.setdefault(iri, {})
    kept: dict[Node, Literal] = {}
    for iri, labels in by_node.items():
        if iri in chosen:  # as stored, if it is (a query gives plain literals as xsd:string)
            keep = next((lab for lab in labels if str(lab) == chosen[iri]), Literal(chosen[iri]))
        elif labels:
            keep = max(labels, key=lambda lab: (not str(lab).isupper(), labels[lab], str(lab)))
        else:
            continue
        if {str(lab) for lab in labels} != {str(keep)} or iri in renamed:
            kept[iri] = keep
    old, new = _label_changes(dataset, kept)
    if old or new:
        dataset.remove_quads(old)
        dataset.add_quads(new)
    return len(old)


def _label_changes(dataset: Dataset, kept: dict[Node, Literal]) -> tuple[set, list]:
    """The quads that give each node of ``kept`` that label alone: only the graphs that
    differ are read (a node named in thousands of articles has one new graph to fix, not
    thousands to rewrite). Asked a chunk of nodes at a time, as ``scoped_rows`` does."""
    old: set = set()
    new: list = []
    for part in in_chunks(kept):
        pairs = "VALUES (?e ?keep) { " + " ".join(
            f"({iri.n3()} {kept[iri].n3()})" for iri in part) + " }"
        labels = {(e, RDFS.label, label, g) for e, label, g in select(dataset,
            _OTHER_LABELS.replace("#PAIRS", pairs))}
        old |= labels | {(e, SKOS.altLabel, alt, g) for e, alt, g in select(dataset,
            _KEPT_ALT_LABELS.replace("#PAIRS", pairs))}
        new += [(e, SKOS.altLabel, label, g) for e, _, label, g in labels]
        new += [(e, RDFS.label, kept[e], g) for e, g in select(dataset,
            _UNLABELLED.replace("#PAIRS", pairs))]
    return old, new


def resolve_store(dataset: GraphStore, base: str, graphs: Iterable[URIRef] | None = None) -> int:
    """Merge entities across the articles in ``dataset``; returns how many nodes or texts changed.

    ``graphs``: the article graphs just added to a store this pass had settled; only what
    they touch is read (``kg.resolve.scope``), with the same result as the whole-store pass
    that None asks for (after a removal or replacement, or with a merge pending).
    Each step reads the union and writes through the store's quad writes, which keep it current.
    Idempotent: a second run changes nothing.
    """
    graphs = None if graphs is None else list(graphs)
    batch = Batch(dataset, graphs)
    nodes = _person_nodes(dataset, base, batch.surname_keys(), graphs)
    people = _toward_labels(dataset, base, _person_renames(nodes), graphs)
    renames = {**people, **_quote_renames(dataset, base, people),
               **_article_renames(dataset, batch.nodes("?s nkg:published ?a"))}
    # who is quoted beside a renamed person in earlier articles, and who keeps one as a
    # co-speaker: their co-speaker counts change with the rename
    beside = set() if graphs is None else co_speakers(dataset, people, graphs)
    holding = set() if graphs is None else co_speaker_holders(dataset, base, people)
    carried = carried_summaries(dataset, base, people)
    if renames:
        _rename(dataset, renames)
    scope = batch.people({URIRef(node.id) for node in nodes}, renames)
    relabelled, labels = _label_renames(dataset, base, scope, graphs)
    if graphs is not None:
        beside |= co_speakers(dataset, relabelled, graphs)
        holding |= co_speaker_holders(dataset, base, relabelled)
    carried |= carried_summaries(dataset, base, relabelled)
    if relabelled:
        _rename(dataset, {**relabelled, **_quote_renames(dataset, base, relabelled)})
    moved = {**renames, **relabelled}
    labelled = batch.nodes("?s rdfs:label ?l", {relabelled.get(n, n) for n in scope or ()},
                           moved.values())
    changed_labels = _one_label_each(dataset, labels, {*people.values(), *relabelled.values()},
                                     labelled)
    contained = contained_quote_renames(dataset, batch.speakers(moved.values()),
                                        batch.nodes("?s a schema:Quotation", moved.values()))
    if contained:
        _rename(dataset, contained)
    quotes = batch.nodes("?s a schema:Quotation", moved.values(), contained.values())
    texts = settle_quote_texts(dataset, quotes)
    counts = settle_corroboration(dataset, base, quotes)
    # the speakers the batch or a rename touched, and the renamed nodes, to withdraw theirs
    speakers = batch.nodes("?s nkg:said ?q", moved, moved.values())
    counts += settle_speaker_counts(dataset, base, speakers)
    counts += settle_person_summaries(dataset, base, None if speakers is None
                                      else speakers | {p for p, _ in beside},
                                      articles=batch.nodes("?s a nif:Context"),
                                      graphs=graphs, recount={*people, *relabelled, *carried},
                                      beside={(p, relabelled.get(node, node))
                                              for p, node in beside}, holding=holding)
    touched = batch.nodes("?s a schema:Person", moved.values())
    counts += settle_anchor_tallies(dataset, base, touched, graphs)
    counts += settle_surname_keys(dataset, base, touched, graphs)
    # people who are officials nowhere react nowhere
    confirm_reactions(dataset, touched)
    return (len(renames) + len(relabelled) + changed_labels + len(contained) + texts
            + counts)
