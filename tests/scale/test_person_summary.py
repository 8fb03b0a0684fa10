"""The summary the build keeps per person (kg.resolve.person_summary) and the person page
read from it: what counting live gave, whichever order articles come and go in."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.extract.records import ArticleFacts, Entity, EntityRef, Mention, Quote, Span
from kg.ingest import read_articles
from kg.pipeline import extract_all, remove_articles, settle, store_facts
from kg.rdf import iris
from kg.rdf.namespaces import DEFAULT_BASE, PREFIX_IRIS
from kg.resolve import person_summary
from kg.resolve.corroboration import corroboration_graph
from kg.resolve.person_summary import settle_person_summaries
from server import page_queries as q
from server.person_page import ROLE_ARTICLES, kept_days, roles, said_query, said_window
from tests.scale.conftest import built
from tests.server.test_page_query_rewrites import OLD_SAID, TIES

pytestmark = pytest.mark.slow

KEPT = """SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o
  FILTER(?p IN (nkg:occurrenceCount, nkg:quotedOnDay, nkg:quotedAlongside, dcterms:date,
                nkg:coSpeaker, nkg:sharedArticleCount)) } }"""
# The roles query before the page listed a few articles per role (commit dababde).
OLD_ROLES = """
SELECT DISTINCT ?x ?title ?org ?orgLabel ?article ?headline ?id WHERE {
  { GRAPH ?g { ?x schema:jobTitle ?title . ?article a nif:Context } }
  UNION
  { GRAPH ?g { ?x schema:affiliation ?org . ?article a nif:Context }
    OPTIONAL { ?org rdfs:label ?orgLabel } }
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article dcterms:identifier ?id }
} ORDER BY ?title ?orgLabel ?headline ?id"""
PEOPLE = "SELECT DISTINCT ?x WHERE { ?x a schema:Person ; nkg:said ?q }"
HOLDERS = """SELECT DISTINCT ?x WHERE { ?x a schema:Person .
  { ?x schema:jobTitle ?t } UNION { ?x schema:affiliation ?o } }"""


def _plain(dataset: Dataset, text: str, x: ox.NamedNode | None = None) -> list[dict]:
    """Rows as {name: value}, as the page reads them (server.page_data.select)."""
    substitutions = {ox.Variable("x"): x} if x else {}
    results = dataset.engine.query(text, prefixes=PREFIX_IRIS, substitutions=substitutions)
    names = [v.value for v in results.variables]
    return [{name: None if row[name] is None else row[name].value for name in names}
            for row in results]


def _kept(dataset: Dataset) -> set[tuple]:
    return {(row["s"], row["p"], row["o"]) for row in _plain(dataset, KEPT)}


def _people(dataset: Dataset, text: str = PEOPLE) -> list[ox.NamedNode]:
    return [ox.NamedNode(row["x"]) for row in _plain(dataset, text)]


@pytest.fixture(scope="module", autouse=True)
def every_person_keeps_co_speakers() -> Iterator[None]:
    """The corpus quotes nobody in ALONGSIDE_FROM (20) articles: from one article on here,
    so that the co-speakers are kept, recounted and withdrawn for everyone."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(person_summary, "ALONGSIDE_FROM", 1)
        yield


@pytest.fixture(scope="module")
def dated(facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """The corpus on four dates, several articles to a date, and one article undated (its
    occurrences sort last)."""
    return [dataclasses.replace(f, date=None if i == 1 else f"2016-0{1 + i % 4}-0{1 + i % 2}")
            for i, f in enumerate(facts)]


@pytest.fixture(scope="module")
def all_at_once(dated: list[ArticleFacts]) -> Dataset:
    return built([dated])


def test_kept_summary_equals_counting_live(all_at_once: Dataset):
    people = _people(all_at_once)
    assert len(people) > 10
    several_days = 0
    for person in people:
        summary = _plain(all_at_once, q.SUMMARY, person)
        assert summary == _plain(all_at_once, q.SAID_COUNTS.format(min_confidence=0), person)
        days = kept_days(_plain(all_at_once, q.KEPT_DAYS, person))
        assert sorted(days) == [(row["date"], int(row["n"])) for row in _plain(
            all_at_once, q.SAID_BY_DATE, person)], person
        alongside = _plain(all_at_once, q.KEPT_ALONGSIDE, person)
        assert alongside == _plain(all_at_once, q.QUOTED_ALONGSIDE, person), person
        several_days += len(days) > 1
    assert several_days
    graphs = {row["g"] for row in _plain(all_at_once, KEPT.replace("?s ?p ?o W", "?g W"))}
    assert graphs == {str(corroboration_graph(DEFAULT_BASE))}


def test_co_speakers_are_kept_down_to_the_cut_with_its_ties(dated: list[ArticleFacts]):
    """Kept down to the 2nd highest count, the first two rows are the live query's first
    two, ties at the cut broken by label as it breaks them."""
    dataset = built([dated])
    settle_person_summaries(dataset, DEFAULT_BASE, alongside=2)
    cut = tied = 0
    for person in _people(dataset):
        live = _plain(dataset, q.QUOTED_ALONGSIDE.replace("LIMIT 10", "LIMIT 100"), person)
        kept = _plain(dataset, q.KEPT_ALONGSIDE.replace("LIMIT 10", "LIMIT 100"), person)
        assert kept[:2] == live[:2], person
        cut += len(live) > len(kept)
        tied += len(kept) > 2
    assert cut and tied


def test_co_speakers_are_kept_for_people_quoted_in_enough_articles(dated: list[ArticleFacts]):
    dataset = built([dated])
    articles = {row["x"]: int(row["articles"]) for row in _plain(
        dataset, "SELECT ?x ?articles WHERE { ?x nkg:quotedArticleCount ?articles }")}
    least = sorted(articles.values())[-3]  # the three most quoted people, ties included
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(person_summary, "ALONGSIDE_FROM", least)
        settle_person_summaries(dataset, DEFAULT_BASE)
    keeping = {row["x"] for row in _plain(
        dataset, "SELECT DISTINCT ?x WHERE { ?x nkg:quotedAlongside ?t }")}
    assert keeping == {x for x, n in articles.items() if n >= least} != set(articles)


def test_one_by_one_equals_all_at_once(dated: list[ArticleFacts], all_at_once: Dataset):
    assert _kept(built([[article] for article in dated])) == _kept(all_at_once)


def test_one_by_one_equals_all_at_once_below_the_cut(dated: list[ArticleFacts]):
    """Kept down to the 2nd count, the co-speakers of later articles climb past those held
    and the earlier ones below the cut (counted pair by pair) come back, as in one build."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(person_summary, "ALONGSIDE_KEPT", 2)
        once = built([dated])
        assert _kept(built([[article] for article in dated])) == _kept(once)
        assert _kept(built([dated[::2], dated[1::2]])) == _kept(once)
    many = [row["x"] for row in _plain(once, """SELECT ?x WHERE { ?x nkg:quotedAlongside ?t }
        GROUP BY ?x HAVING (COUNT(?t) > 2)""")]
    assert many  # ties at the cut: someone keeps more than two


RENAMED = {  # "Mr. Trump" of the first article becomes the second's "Donald Trump"
    "a1.txt": 'Border talks stall\n\nMr. Trump said on Monday: "We will build the wall and it '
              'will be paid for."\n\n"This is a terrible idea for everyone involved," said '
              'Jane Roe, a senator from Ohio.\n',
    "a2.txt": 'Economy grows\n\nPresident Donald Trump said on Tuesday: "The economy is doing '
              'better than ever before."\n\n"The numbers do not tell the whole story," said '
              'Mark Poe, an economist.\n',
}


def test_a_rename_recounts_who_was_quoted_beside_the_renamed(nlp, tmp_path: Path):
    """Jane Roe is quoted only in the first article; when the second renames its Trump, her
    co-speaker tally is recounted as a build of both at once counts it."""
    for name, text in RENAMED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = [f for f in extract_all(read_articles(sorted(tmp_path.iterdir())))
             if isinstance(f, ArticleFacts)]
    one_by_one = _kept(built([[article] for article in found]))
    assert one_by_one == _kept(built([found]))
    assert any(s.startswith(f"{DEFAULT_BASE}person/jane-roe#with-") for s, _, _ in one_by_one)


def test_removing_articles_withdraws_their_summary(dated: list[ArticleFacts],
                                                   all_at_once: Dataset):
    originals = [f for f in dated if not f.article_id.endswith("~2")]
    dataset = built([dated])
    remove_articles(dataset, [f.article_id for f in dated if f.article_id.endswith("~2")],
                    DEFAULT_BASE)
    assert _kept(dataset) != _kept(all_at_once)
    assert _kept(dataset) == _kept(built([originals]))


def test_a_store_built_before_the_summary_gets_it_at_its_next_build(
        dated: list[ArticleFacts], all_at_once: Dataset):
    dataset = built([dated[:-1]])
    dataset.engine.update(f"DELETE WHERE {{ GRAPH {corroboration_graph(DEFAULT_BASE).n3()} {{ "
                          "?s nkg:occurrenceCount ?n } }", prefixes=PREFIX_IRIS)
    store_facts(dataset, dated[-1], DEFAULT_BASE)
    settle(dataset, DEFAULT_BASE, [iris.article_graph_iri(DEFAULT_BASE, dated[-1].article_id)])
    assert _kept(dataset) == _kept(all_at_once)


@pytest.mark.parametrize("limit, offset", [(20, 0), (3, 0), (3, 3), (2, 5), (4, 9), (5, 400)])
def test_said_pages_list_the_old_rows(all_at_once: Dataset, limit: int, offset: int):
    """Every person's page of occurrences, found from the kept per-date counts where they
    locate it, lists what sorting every occurrence listed."""
    by_days = 0
    for person in _people(all_at_once):
        days = kept_days(_plain(all_at_once, q.KEPT_DAYS, person))
        total = int(_plain(all_at_once, q.SUMMARY, person)[0]["occurrences"])
        text = said_query(days, total, 0.0, offset, limit)
        by_days += "VALUES ?date" in text or not text  # "": past the end, no query
        old = _plain(all_at_once, OLD_SAID.format(min_confidence=0, limit=limit,
                                                  offset=offset).replace(*TIES), person)
        assert (_plain(all_at_once, text, person) if text else []) == old, person
    assert by_days


def test_a_threshold_counts_and_sorts_live(all_at_once: Dataset):
    person = _people(all_at_once)[0]
    days = kept_days(_plain(all_at_once, q.KEPT_DAYS, person))
    assert said_query(days, 10**6, 0.9, 0, 20) == q.SAID.format(min_confidence=0.9, limit=20,
                                                                 offset=0)


@pytest.mark.parametrize("days, total, offset, limit, expected", [
    ([("2016-01-02", 3), ("2016-01-05", 2), ("2016-01-01", 4)], 9, 0, 2, (["2016-01-05"], 0)),
    ([("2016-01-02", 3), ("2016-01-05", 2), ("2016-01-01", 4)], 9, 2, 3, (["2016-01-02"], 0)),
    ([("2016-01-02", 3), ("2016-01-05", 2), ("2016-01-01", 4)], 9, 3, 4,
     (["2016-01-02", "2016-01-01"], 1)),
    ([("2016-01-02", 3)], 3, 20, 20, ([], 17)),  # past the end: no dates
    ([("2016-01-02", 3)], 5, 0, 20, None),  # reaches the 2 undated occurrences
    ([("2016-01-02", 3)], 5, 0, 3, (["2016-01-02"], 0)),  # stops before them
    ([("2016-01-02", 3), ("2016-01-03", 3)], 4, 0, 2, None),  # an article with two dates
])
def test_said_window(days, total, offset, limit, expected):
    assert said_window(days, total, offset, limit) == expected


def test_roles_count_the_old_rows_and_list_some_of_them(all_at_once: Dataset):
    holders = _people(all_at_once, HOLDERS)
    assert holders
    for person in holders:
        old = _plain(all_at_once, OLD_ROLES, person)
        new = roles(_plain(all_at_once, q.ROLES, person))
        articles: dict[tuple, set[str]] = {}
        for row in old:
            key = (row["title"], None if row["title"] else row["org"])
            articles.setdefault(key, set()).add(row["article"])
        keys = list(dict.fromkeys((r["title"], None if r["title"] else r["org"]) for r in old))
        assert [(r["title"], None if r["title"] else r["org"]) for r in new] == keys
        for role in new:
            key = (role["title"], None if role["title"] else role["org"])
            assert role["count"] == len(articles[key])
            assert set(role["articles"]) <= articles[key]
            assert len(role["articles"]) == min(ROLE_ARTICLES, role["count"])


def _said(article_id: str, *speakers: str) -> ArticleFacts:
    """An article (all on one date) where each speaker is named once and says one thing."""
    text, quotes, mentions, entities = "", [], [], []
    for name in speakers:
        ref = EntityRef("person", name)
        words = f"{article_id} words of {name}"
        start = len(text) + 1
        text += f'"{words}" {name} said. '
        name_at = start + len(words) + 2
        quotes.append(Quote(Span(start, start + len(words), words), direct=True, cue="said",
                            speaker=ref, speaker_mention=Span(name_at, name_at + len(name), name)))
        mentions.append(Mention(Span(name_at, name_at + len(name), name), ref))
        entities.append(Entity(ref))
    return ArticleFacts(article_id=article_id, text=text, date="2016-05-01",
                        entities=tuple(entities), mentions=tuple(mentions), quotes=tuple(quotes))


def test_an_earlier_node_merged_by_a_batch_changes_the_co_speakers_as_one_build_does():
    """Jane Roe is quoted beside "Trump" (twice), "Donald Trump" (twice) and Mark Poe in
    the first batch, where "Trump" could still be Ivanka Trump. The second batch names Donald
    Trump often enough to take "Trump": her count with him is then both nodes' articles, and
    with the two kept co-speakers become one, Poe is second again."""
    first = [_said("o1", "Trump", "Jane Roe"), _said("o2", "Donald Trump", "Jane Roe"),
             _said("o3", "Trump", "Jane Roe"), _said("o4", "Mark Poe", "Jane Roe"),
             _said("o5", "Donald Trump", "Jane Roe"), _said("o6", "Ivanka Trump")]
    batch = [_said(f"n{i}", "Donald Trump") for i in range(12)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(person_summary, "ALONGSIDE_KEPT", 2)
        before = built([first])
        jane = ox.NamedNode(f"{DEFAULT_BASE}person/jane-roe")
        assert {r["label"] for r in _plain(before, q.KEPT_ALONGSIDE, jane)} == {
            "Trump", "Donald Trump"}
        incremental, once = built([first, batch]), built([first + batch])
    assert _kept(incremental) == _kept(once)
    assert [(r["label"], r["articles"]) for r in _plain(once, q.KEPT_ALONGSIDE, jane)] == [
        ("Donald Trump", "4"), ("Mark Poe", "1")]


def test_an_earlier_node_merged_below_the_cut_is_counted_with_its_target():
    """Kept down to the first count, Jane Roe keeps Mark Poe (three articles). Merged into
    Donald Trump, "Trump" brings him to three too, though neither was kept: he ties Poe."""
    first = [_said("o1", "Trump", "Jane Roe"), _said("o2", "Donald Trump", "Jane Roe"),
             _said("o3", "Mark Poe", "Jane Roe"), _said("o4", "Mark Poe", "Jane Roe"),
             _said("o5", "Donald Trump", "Jane Roe"), _said("o6", "Ivanka Trump"),
             _said("o7", "Mark Poe", "Jane Roe")]
    batch = [_said(f"n{i}", "Donald Trump") for i in range(12)]
    jane = ox.NamedNode(f"{DEFAULT_BASE}person/jane-roe")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(person_summary, "ALONGSIDE_KEPT", 1)
        assert [r["label"] for r in _plain(built([first]), q.KEPT_ALONGSIDE, jane)] == [
            "Mark Poe"]
        incremental, once = built([first, batch]), built([first + batch])
    assert _kept(incremental) == _kept(once)
    assert [(r["label"], r["articles"]) for r in _plain(once, q.KEPT_ALONGSIDE, jane)] == [
        ("Donald Trump", "3"), ("Mark Poe", "3")]
