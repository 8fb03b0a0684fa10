"""Every named query runs on the sample graph and finds something."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal

from kg.queries import QueryError, bind_variables, named_queries, parse_bindings, run_query

# An example value for each parameter a named query declares.
EXAMPLES = {"name": Literal("Trump"), "title": Literal("Resistance")}


def test_named_queries_have_titles_descriptions_and_documented_parameters():
    queries = named_queries()
    assert {"who-said-what", "quotes-by-person", "who-published-what", "reactions-to-an-article",
            "most-quoted-people", "quotes-in-several-articles"} <= set(queries)
    for query in queries.values():
        assert query.title and query.description, query.name
        for name, help_text in query.params:
            assert f"?{name}" in query.text and help_text, (query.name, name)
            assert name in EXAMPLES


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_finds_results_on_the_sample_graph(sample_graph: Dataset, name: str):
    query = named_queries()[name]
    bindings = {param: EXAMPLES[param] for param, _ in query.params}
    rows = list(run_query(sample_graph, query.text, bindings))
    assert rows, f"{name} found nothing"


def test_bound_variables_reach_filters_inside_the_where_clause():
    text = bind_variables("SELECT ?x WHERE { FILTER(?name = 'a') }", {"name": Literal("a")})
    assert 'VALUES ?name { "a" }' in text


@pytest.mark.parametrize("pair, expected", [
    ("name=Trump", Literal("Trump")),
    ("p=<https://x.example/a>", "https://x.example/a"),
    ("p=https://x.example/b", "https://x.example/b"),
])
def test_parse_bindings(pair: str, expected):
    value = next(iter(parse_bindings([pair]).values()))
    assert str(value) == str(expected)


def test_a_malformed_binding_is_a_query_error():
    with pytest.raises(QueryError):
        parse_bindings(["novalue"])
