"""One quotation per thing said, across articles.

Quote IRIs hash the normalised words and the speaker, so the same words in two
articles already meet in one node. What is left for a store-wide pass: a quote
that one article gives in full and another only in part ("one contained in the
other", by the same speaker, both quoted or both reported) becomes one node, and a
node whose occurrences differ in punctuation keeps a single ``schema:text`` (the
longest form, ties broken alphabetically).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.rdf.iris import normalise_quote_text
from kg.rdf.namespaces import SCHEMA
from kg.resolve.scope import scoped_rows
from kg.store import GraphStore, named_quads

_SPOKEN = """SELECT ?q ?speaker ?text ?direct WHERE {
  #SCOPE ?q a schema:Quotation ; schema:text ?text ; schema:creator ?speaker .
  BIND (EXISTS { ?q a nkg:DirectQuote } AS ?direct) }"""
_OCCURRENCES = """SELECT ?q ?anchor ?text WHERE {
  #SCOPE ?q a schema:Quotation ; schema:text ?text ; gaf:denotedBy/nif:anchorOf ?anchor }"""
MIN_CONTAINED_WORDS = 4  # shorter fragments ("gutless") stay their own quotations


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    size = MIN_CONTAINED_WORDS
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def contained_quote_renames(dataset: Dataset, speakers: set[Node] | None = None,
                            fresh: set[Node] | None = None) -> dict[URIRef, URIRef]:
    """Quote -> the longer quote of the same speaker (of ``speakers``; None: all) and kind
    whose words contain it. A quoted fragment inside a reported clause stays its own
    quotation: joined, the clause's occurrence read as quoted words on every page. Quotes
    with no speaker join none by containment (the same words still meet in one node): the
    shorter words could be anyone's, and comparing them read every unattributed quote of
    the store at each build (47,241 at 12,340 AllSides articles, four times the most quoted
    person's).

    Longer quotes are indexed by their word n-grams, so a quote is compared only with
    the few quotes that share its opening words (linear in the words, not quadratic).

    ``fresh``: the quotations a batch added or a rename moved, in a store settled before
    (None: all are). The others contain none of each other, so only the fresh ones and the
    others that contain one or are contained in one are compared (``_related``): a popular
    speaker's thousands of earlier quotes are searched as one text, not indexed again.
    """
    by_kind: dict[tuple, dict[URIRef, str]] = defaultdict(dict)  # (speaker, direct) -> quotes
    for quote, speaker, text, direct in scoped_rows(dataset, _SPOKEN, "speaker", speakers):
        words = normalise_quote_text(str(text))
        kind = (speaker, direct.toPython())
        by_kind[kind][quote] = max(by_kind[kind].get(quote, ""), words, key=len)
    renames: dict[URIRef, URIRef] = {}
    for quotes in by_kind.values():
        if fresh is not None:
            quotes = _related(quotes, fresh)
        longest_first = sorted(quotes.items(), key=lambda item: (-len(item[1]), str(item[0])))
        index: dict[tuple[str, ...], list[tuple[URIRef, str]]] = defaultdict(list)
        for quote, words in longest_first:
            split = words.split()
            if len(split) >= MIN_CONTAINED_WORDS:
                opening = tuple(split[:MIN_CONTAINED_WORDS])
                for longer, longer_words in index.get(opening, ()):
                    if f" {words} " in f" {longer_words} ":
                        renames[quote] = longer
                        break
            if quote not in renames:
                for gram in _grams(split):
                    index[gram].append((quote, words))
    return renames


def _related(quotes: dict[URIRef, str], fresh: set[Node]) -> dict[URIRef, str]:
    """The fresh ``quotes`` (IRI -> normalised words) with the others that one of them
    contains or is contained in: each quote's renaming depends only on the quotes that
    contain it, so on these it comes out as on all of them."""
    new = {quote: words for quote, words in quotes.items() if quote in fresh}
    if not new:
        return {}
    related = dict(new)
    earlier = [(quote, words) for quote, words in quotes.items() if quote not in fresh]
    grams = set().union(*(_grams(words.split()) for words in new.values()))
    for quote, words in earlier:  # contained: its opening words are among a fresh one's
        if tuple(words.split()[:MIN_CONTAINED_WORDS]) in grams:
            related[quote] = words
    starts, position = [], 0
    for _, words in earlier:
        starts.append(position)
        position += len(words) + 3
    text = "".join(f" {words} \0" for _, words in earlier)
    for words in new.values():  # containing: found in the earlier quotes' text
        if len(words.split()) < MIN_CONTAINED_WORDS:
            continue
        hit = text.find(f" {words} ")
        while hit >= 0:
            quote, longer = earlier[bisect_right(starts, hit) - 1]
            related[quote] = longer
            hit = text.find(f" {words} ", hit + 1)
    return related


def settle_quote_texts(dataset: GraphStore, quotes: set[Node] | None = None) -> int:
    """Keep one ``schema:text`` per quotation (of ``quotes``; None: all), in every graph
    that states one.

    The choice comes from the occurrences' own spans (``nif:anchorOf``), which leave with
    their article, so replacing or removing an article gives what a fresh build gives.
    """
    anchors: dict[URIRef, set[str]] = defaultdict(set)
    texts: dict[URIRef, set[str]] = defaultdict(set)
    for quote, anchor, text in scoped_rows(dataset, _OCCURRENCES, "q", quotes):
        anchors[quote].add(str(anchor))
        texts[quote].add(str(text))
    stale, fresh = set(), []
    for quote, variants in anchors.items():
        chosen = min(variants, key=lambda t: (-len(t), t))
        if texts[quote] == {chosen}:
            continue
        wrong = {q for q in named_quads(dataset, (quote, SCHEMA.text, None))
                 if str(q[2]) != chosen}
        stale |= wrong
        fresh += [(quote, SCHEMA.text, Literal(chosen), g) for *_, g in wrong]
    dataset.remove_quads(stale)
    dataset.add_quads(fresh)
    return len(stale)
