"""Store-level reactions: a person reacts only if some article makes them an official."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.rdf.namespaces import DEFAULT_BASE

_REACTIONS = """SELECT ?a ?t WHERE { ?a nkg:reactedTo ?t }"""
_NODES = "SELECT (COUNT(?r) AS ?n) WHERE { ?r schema:agent ?a }"
_UNTITLED = "Trump slammed Joe Smith on Tuesday. Joe Smith criticized Trump on Wednesday.\n"


def _reactions(folder: Path) -> set[tuple[str, str]]:
    dataset = kg.build([folder])
    pairs = {(str(a).removeprefix(DEFAULT_BASE), str(t).removeprefix(DEFAULT_BASE))
             for a, t in dataset.query(_REACTIONS)}
    nodes = int(next(iter(dataset.query(_NODES)))[0])
    assert nodes == len(pairs)  # no reaction node outlives its edge
    return pairs


@pytest.mark.parametrize("titling, expected", [
    # another article titles Trump as a candidate: his untitled reaction holds everywhere
    ("Republican nominee Donald Trump spoke in Ohio on Monday.\n",
     {("person/donald-trump", "person/joe-smith")}),
    # no article makes anyone an official: nobody reacts
    ("It rained in Ohio on Monday.\n", set()),
])
def test_untitled_agents_react_only_as_officials_of_the_graph(tmp_path, nlp, titling,
                                                                expected):
    (tmp_path / "a.txt").write_text(titling, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_UNTITLED, encoding="utf-8")
    assert _reactions(tmp_path) == expected
