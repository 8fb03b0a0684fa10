"""Store-level reactions: a person reacts only while some article makes them an official."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve.reactions import confirm_reactions

_REACTIONS = "SELECT ?a ?t WHERE { ?a nkg:reactedTo ?t }"
_TYPED = """SELECT (COUNT(?r) AS ?n) WHERE { ?r schema:agent ?a ; a ?s
  FILTER (?s IN (schema:ReactAction, schema:AgreeAction, schema:DisagreeAction)) }"""
_TITLED = "Republican nominee Donald Trump spoke in Ohio on Monday.\n"
_UNTITLED = "Trump slammed Joe Smith on Tuesday. Joe Smith criticized Trump on Wednesday.\n"
_TRUMP_SMITH = {("person/donald-trump", "person/joe-smith")}


def _reactions(dataset) -> set[tuple[str, str]]:
    pairs = {(str(a).removeprefix(DEFAULT_BASE), str(t).removeprefix(DEFAULT_BASE))
             for a, t in dataset.query(_REACTIONS)}
    assert int(list(dataset.query(_TYPED))[0][0]) == len(pairs)  # a stance, an edge
    return pairs


@pytest.mark.parametrize("titling, expected", [
    (_TITLED, _TRUMP_SMITH),  # another article titles Trump: his untitled reaction holds
    ("Donald Trump, who is running for president, spoke in Ohio on Monday.\n",
     _TRUMP_SMITH),  # running for office is a candidacy without a title
    ("Donald Trump ran for governor in 1994.\n", set()),  # a past run is no candidacy
    ("It rained in Ohio on Monday.\n", set()),  # nobody is an official: nobody reacts
])
def test_untitled_agents_react_only_as_officials_of_the_graph(tmp_path, nlp, titling,
                                                                expected):
    (tmp_path / "a.txt").write_text(titling, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_UNTITLED, encoding="utf-8")
    dataset = kg.build([tmp_path])
    assert _reactions(dataset) == expected
    assert confirm_reactions(dataset) == 0  # settled: a second pass changes nothing


def test_a_later_article_confirms_an_earlier_reaction(tmp_path: Path, nlp):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "b.txt").write_text(_UNTITLED, encoding="utf-8")
    (second / "a.txt").write_text(_TITLED, encoding="utf-8")
    store = tmp_path / "store"
    dataset = kg.build([first], store=store)
    assert _reactions(dataset) == set()
    dataset.close()  # release the store's lock for the second build
    dataset = kg.build([second], store=store)
    assert _reactions(dataset) == _TRUMP_SMITH
    dataset.close()


def test_a_topic_target_is_one_labelled_node_per_mention(tmp_path: Path, nlp):
    (tmp_path / "a.txt").write_text("Sen. Bernie Sanders mocked the GOP debates.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Sen. Ted Cruz praised the GOP debates.\n",
                                    encoding="utf-8")
    dataset = kg.build([tmp_path])
    rows = list(dataset.query("""SELECT ?a ?t ?label ?anchor WHERE { ?a nkg:reactedTo ?t .
      ?t a schema:Event ; rdfs:label ?label ; gaf:denotedBy/nif:anchorOf ?anchor }"""))
    assert sorted((str(a).removeprefix(DEFAULT_BASE), str(label), str(anchor))
                  for a, _, label, anchor in rows) == [
        ("person/bernie-sanders", "GOP debates", "the GOP debates"),
        ("person/ted-cruz", "GOP debates", "the GOP debates")]
    assert len({t for _, t, _, _ in rows}) == 2  # one node per article mention
