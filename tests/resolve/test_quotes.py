"""The same quotation in several articles is one node with one text."""

from __future__ import annotations

from rdflib import Dataset

from kg.extract.records import ArticleFacts, EntityRef, Quote, Span
from kg.pipeline import settle, store_facts
from kg.rdf.iris import article_graph_iri
from kg.store import open_store

BASE = "https://t.example/id/"
SPEAKER = EntityRef("person", "Jane Roe")


def _article(article_id: str, quote_text: str, direct: bool = True) -> ArticleFacts:
    text = f'"{quote_text}" Jane Roe said.'
    return ArticleFacts(article_id=article_id, text=text, quotes=(
        Quote(Span(1, 1 + len(quote_text), quote_text), direct=direct, cue="said",
              speaker=SPEAKER),))


def _quotes(dataset: Dataset) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for text, article in dataset.query("""SELECT ?t ?a WHERE {
            ?q a schema:Quotation ; schema:text ?t ; gaf:denotedBy/nif:referenceContext ?a }"""):
        found.setdefault(str(text), set()).add(str(article).rsplit("/", 1)[-1])
    return found


def _build(*articles: ArticleFacts) -> Dataset:
    dataset = open_store()
    for facts in articles:
        store_facts(dataset, facts, BASE)
    settle(dataset, BASE)
    return dataset


def test_texts_differing_in_punctuation_keep_one_text():
    dataset = _build(_article("a", "We are the adults in the room."),
                     _article("b", "We are the adults in the room"))
    assert _quotes(dataset) == {"We are the adults in the room.": {"a", "b"}}


def test_a_quote_contained_in_a_longer_one_joins_it():
    dataset = _build(_article("a", "We are trying to do what is right, even when he will not."),
                     _article("b", "trying to do what is right"))
    assert _quotes(dataset) == {
        "We are trying to do what is right, even when he will not.": {"a", "b"}}


def test_short_fragments_and_other_speakers_stay_apart():
    other = ArticleFacts(article_id="c", text='"trying to do what is right" Joe Doe said.',
                         quotes=(Quote(Span(1, 27, "trying to do what is right"), direct=True,
                                       speaker=EntityRef("person", "Joe Doe")),))
    dataset = _build(_article("a", "We are trying to do what is right, even when he will not."),
                     _article("b", "gutless"), other)
    assert len(_quotes(dataset)) == 3


def test_a_quoted_fragment_stays_apart_from_a_reported_clause_holding_it():
    """'Cruz said he has had "areas of significant disagreement" with Trump': the quoted
    words are no part of the paraphrase's node, nor it a direct quote."""
    dataset = _build(
        _article("a", 'he has had "areas of significant disagreement" with Trump', direct=False),
        _article("b", "areas of significant disagreement"))
    assert _quotes(dataset) == {
        'he has had "areas of significant disagreement" with Trump': {"a"},
        "areas of significant disagreement": {"b"}}
    kinds = {str(text): {str(kind).rsplit("#", 1)[-1] for kind in found}
             for text, found in _kinds(dataset).items()}
    assert kinds == {'he has had "areas of significant disagreement" with Trump': {"IndirectQuote"},
                     "areas of significant disagreement": {"DirectQuote"}}


def test_a_reported_clause_contained_in_a_longer_one_joins_it():
    dataset = _build(_article("a", "he would stay in the race until the convention", False),
                     _article("b", "he would stay in the race", False))
    assert _quotes(dataset) == {"he would stay in the race until the convention": {"a", "b"}}


def _kinds(dataset: Dataset) -> dict[str, set]:
    found: dict[str, set] = {}
    for text, kind in dataset.query("""SELECT ?t ?k WHERE { ?q a schema:Quotation ;
            schema:text ?t ; a ?k FILTER(?k IN (nkg:DirectQuote, nkg:IndirectQuote)) }"""):
        found.setdefault(str(text), set()).add(kind)
    return found


def test_quotes_without_a_speaker_join_none_by_containment():
    """Unattributed, the shorter words could be anyone's; the same words still meet."""
    def unattributed(article_id: str, quote_text: str) -> ArticleFacts:
        text = f'"{quote_text}" was heard.'
        return ArticleFacts(article_id=article_id, text=text, quotes=(
            Quote(Span(1, 1 + len(quote_text), quote_text), direct=True),))

    dataset = _build(unattributed("a", "We will not back down from this fight."),
                     unattributed("b", "We will not back down"),
                     unattributed("c", "We will not back down"))
    assert _quotes(dataset) == {"We will not back down from this fight.": {"a"},
                                "We will not back down": {"b", "c"}}


def test_a_batch_joins_earlier_quotes_as_one_build_does():
    """Settling only what a batch touched: a new quote inside an earlier one, a new quote
    holding an earlier one, and one inside both, end as when all were built at once."""
    earlier = [_article("a", "the economy is strong and the jobs are coming back"),
               _article("b", "we will build the wall and Mexico will pay"),
               _article("f", "taxes are far too high for families"),
               _article("u", "nothing here is like the others at all")]
    batch = [_article("c", "the jobs are coming back"),
             _article("d", "I said we will build the wall and Mexico will pay for it, believe me"),
             _article("e", "build the wall and Mexico will"),
             _article("g", "he said taxes are far too high for families today")]
    dataset = _build(*earlier)
    for facts in batch:
        store_facts(dataset, facts, BASE)
    settle(dataset, BASE, [article_graph_iri(BASE, facts.article_id) for facts in batch])
    assert _quotes(dataset) == _quotes(_build(*earlier, *batch)) == {
        "the economy is strong and the jobs are coming back": {"a", "c"},
        "I said we will build the wall and Mexico will pay for it, believe me": {"b", "d", "e"},
        "he said taxes are far too high for families today": {"f", "g"},
        "nothing here is like the others at all": {"u"}}
