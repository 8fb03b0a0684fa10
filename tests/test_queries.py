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
            "most-quoted-people", "quotes-in-several-articles", "reactions-by-official",
            "reactions-to-a-person"} <= set(queries)
    for query in queries.values():
        assert query.title and query.description, query.name
        for name, help_text in query.params:
            assert f"?{name}" in query.text and help_text, (query.name, name)
            assert name in EXAMPLES


# the sample's reactions are to an article and an outlet; test_reaction_queries_* covers it
_NOT_IN_SAMPLE = {"reactions-to-a-person"}


@pytest.mark.parametrize("name", sorted(set(named_queries()) - _NOT_IN_SAMPLE))
def test_named_query_finds_results_on_the_sample_graph(sample_graph: Dataset, name: str):
    query = named_queries()[name]
    bindings = {param: EXAMPLES[param] for param, _ in query.params}
    rows = list(run_query(sample_graph, query.text, bindings))
    assert rows, f"{name} found nothing"


def test_bound_variables_reach_filters_inside_the_where_clause():
    text = bind_variables("SELECT ?x WHERE { FILTER(?name = 'a') }", {"name": Literal("a")})
    assert 'VALUES ?name { "a" }' in text


def test_a_bound_variable_opens_every_subquery_that_names_it(sample_graph: Dataset):
    """A subquery's variables are its own: only a VALUES inside it narrows it."""
    text = ("SELECT ?s ?other WHERE { { SELECT ?s WHERE { ?s rdfs:label ?label "
            "FILTER(STR(?label) = ?name) } } { SELECT ?other WHERE { ?other a schema:Person } "
            "LIMIT 1 } }")
    bound = bind_variables(text, {"name": Literal("Donald Trump")})
    assert bound.count('VALUES ?name { "Donald Trump" }') == 2  # the outer group and one subquery
    rows = list(run_query(sample_graph, text, {"name": Literal("Donald Trump")}))
    assert len(rows) == 1 and str(rows[0][0]).endswith("/person/donald-trump")


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


_REACTION_TEXT = ("Sen. Elizabeth Warren slammed Republican nominee Donald Trump on Tuesday. "
                  "Gov. Mike Pence praised Sen. Elizabeth Warren on Wednesday.\n")


@pytest.mark.parametrize("query, name, expected", [
    ("reactions-by-official", "warren", {("Elizabeth Warren", "Donald Trump")}),
    ("reactions-by-official", "pence", {("Mike Pence", "Elizabeth Warren")}),
    ("reactions-to-a-person", "trump", {("Donald Trump", "Elizabeth Warren")}),
    ("reactions-to-a-person", "warren", {("Elizabeth Warren", "Mike Pence")}),
])
def test_reaction_queries_pick_the_named_side(tmp_path, nlp, query, name, expected):
    import kg

    (tmp_path / "a.txt").write_text(_REACTION_TEXT, encoding="utf-8")
    rows = run_query(kg.build([tmp_path]), named_queries()[query].text, {"name": Literal(name)})
    assert {(str(r[0]), str(r[2] if query == "reactions-by-official" else r[1]))
            for r in rows} == expected
