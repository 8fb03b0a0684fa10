"""Filters: parsing from a query string or CLI options, and the subgraph each one selects."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from kg.viz import FilterError, Filters, filters_from, select_subgraph
from kg.viz.style import RELATIONS

ID = "https://newskg.example.org/id/"


@pytest.mark.parametrize("params, expected", [
    ({}, Filters()),
    ({"focus": "  Donald Trump "}, Filters(focus="Donald Trump")),
    ({"depth": "2", "limit": "10", "min_degree": "3"}, Filters(depth=2, limit=10, min_degree=3)),
    ({"min-degree": "2"}, Filters(min_degree=2)),
    ({"relations": "said,reacted-to"}, Filters(relations=frozenset({"said", "reacted to"}))),
    ({"relations": ["reactedTo", "MENTIONS"]},
     Filters(relations=frozenset({"reacted to", "mentions"}))),
    ({"types": "people,Officials,organizations"},
     Filters(types=frozenset({"person", "official", "organisation"}))),
    ({"types": ["quote", "outlets"]}, Filters(types=frozenset({"quote", "outlet"}))),
    ({"since": "2018-09-05", "until": "2018-09-06"},
     Filters(since="2018-09-05", until="2018-09-06")),
    ({"since": "", "focus": ""}, Filters()),
])
def test_filters_from_parameters(params, expected):
    assert filters_from(params) == expected


def test_filters_from_a_query_string_with_repeated_keys():
    args = MultiDict([("types", "person"), ("types", "quote"), ("relations", "said")])
    assert filters_from(args) == Filters(types=frozenset({"person", "quote"}),
                                         relations=frozenset({"said"}))


@pytest.mark.parametrize("params, message", [
    ({"types": "event"}, "unknown type 'event'"),
    ({"relations": "likes"}, "unknown relation 'likes'"),
    ({"since": "yesterday"}, "'yesterday' is not a date"),
    ({"since": "2018-09-10", "until": "2018-09-01"}, "is after until"),
    ({"depth": "deep"}, "depth must be a whole number"),
    ({"depth": "9"}, "depth must be between 0 and 5"),
    ({"limit": "0"}, "limit must be between 1"),
    ({"min_degree": "-1"}, "min degree must be 0 or more"),
])
def test_bad_filters_say_what_is_wrong(params, message):
    with pytest.raises(FilterError, match=message):
        filters_from(params)


def names(subgraph) -> set[str]:
    return {node.removeprefix(ID) for node in subgraph.graph}


EVERY = frozenset(RELATIONS)


def every(**settings) -> Filters:
    """Filters over every relation, mentions included (the default leaves them out)."""
    return Filters(relations=EVERY, **settings)


ALL = {"article/a1", "article/a2", "article/mentioned-op-ed", "outlet/cnn",
       "outlet/the-new-york-times", "person/donald-trump", "person/sarah-sanders", "quote/q1",
       "quote/q2", "org/white-house", "place/washington"}


@pytest.mark.parametrize("filters, expected", [
    (every(), ALL),
    (Filters(relations=frozenset({"said"})),
     {"person/donald-trump", "quote/q1", "person/sarah-sanders", "quote/q2"}),
    (Filters(relations=frozenset({"published", "reacted to"})),
     {"outlet/cnn", "article/a1", "outlet/the-new-york-times", "article/mentioned-op-ed",
      "person/sarah-sanders"}),
    (every(types=frozenset({"person", "official", "quote"})),
     {"person/donald-trump", "quote/q1", "person/sarah-sanders", "quote/q2"}),
    (every(focus="Trump", depth=1),  # an alternative label finds the entity
     {"person/donald-trump", "quote/q1", "article/a1"}),
    (every(focus="donald trump", depth=2),
     {"person/donald-trump", "quote/q1", "article/a1", "outlet/cnn", "org/white-house",
      "place/washington"}),
    (every(focus=ID + "person/sarah-sanders", depth=0), {"person/sarah-sanders"}),
    (every(since="2018-09-06"),  # only what the article of 2018-09-10 states
     {"article/a2", "person/sarah-sanders", "quote/q2", "article/mentioned-op-ed"}),
    (every(until="2018-09-05"),
     {"article/a1", "outlet/cnn", "person/donald-trump", "quote/q1", "org/white-house",
      "place/washington", "outlet/the-new-york-times", "article/mentioned-op-ed"}),
    (every(since="2019-01-01"), set()),
    (every(min_degree=2),  # degrees counted before the cut, isolated leftovers dropped
     {"article/a1", "person/donald-trump", "person/sarah-sanders",
      "article/mentioned-op-ed"}),
])
def test_filters_select(small_graph, filters, expected):
    assert names(select_subgraph(small_graph, filters)) == expected


def test_the_limit_keeps_the_most_connected_and_says_what_it_left_out(small_graph):
    subgraph = select_subgraph(small_graph, every(limit=3))
    # it opens on the most-quoted people, then their most connected neighbour
    assert names(subgraph) == {"person/donald-trump", "person/sarah-sanders", "article/a1"}
    assert subgraph.matched_nodes == 11
    assert sum(subgraph.left_out.values()) == 11 - subgraph.graph.number_of_nodes()
    assert subgraph.notice.startswith(
        f"Showing the {subgraph.graph.number_of_nodes()} most connected of 11 nodes")


@pytest.mark.parametrize("limit, expected", [
    (1, {"person/sarah-sanders"}),
    (2, {"person/sarah-sanders", "article/mentioned-op-ed"}),
    (4, {"person/sarah-sanders", "article/mentioned-op-ed", "article/a2",
         "outlet/the-new-york-times"}),
])
def test_the_limit_grows_the_picture_from_the_focus(small_graph, limit, expected):
    subgraph = select_subgraph(small_graph, every(focus="Sarah Sanders", depth=5, limit=limit))
    assert names(subgraph) == expected


def test_the_focus_is_kept_whatever_the_limit(small_graph):
    subgraph = select_subgraph(small_graph, every(focus="Washington", limit=1))
    assert names(subgraph) == {"place/washington"}


def test_nothing_to_show_is_said_in_words(small_graph):
    assert select_subgraph(small_graph, every(since="2030-01-01")).notice == \
        "Nothing in the graph matches these filters."


def test_everything_shown_needs_no_notice(small_graph):
    assert select_subgraph(small_graph, every()).notice is None


@pytest.mark.parametrize("focus, message", [
    ("Nobody", "no entity is called 'Nobody'"),
    (ID + "person/nobody", "is not in the graph"),
])
def test_unknown_focus(small_graph, focus, message):
    with pytest.raises(FilterError, match=message):
        select_subgraph(small_graph, every(focus=focus))


@pytest.mark.parametrize("node, kind, label, degree", [
    ("person/sarah-sanders", "official", "Sarah Sanders", 3),
    ("person/donald-trump", "person", "Donald Trump", 2),
    ("outlet/cnn", "outlet", "CNN", 1),
    ("org/white-house", "organisation", "White House", 1),
    ("article/a1", "article", "Op-ed rocks the White House", 4),
    ("article/a2", "article", "a2", 1),  # no headline: its input id
    ("quote/q1", "quote", "“really a disgrace”", 1),
    ("place/washington", "place", "Washington", 1),
])
def test_nodes_are_typed_labelled_and_counted(small_graph, node, kind, label, degree):
    data = select_subgraph(small_graph, every()).graph.nodes[ID + node]
    assert (data["kind"], data["label"], data["degree"]) == (kind, label, degree)


def test_quote_details_name_cue_article_and_date(small_graph):
    details = select_subgraph(small_graph, every()).graph.nodes[ID + "quote/q1"]["details"]
    assert details == {"text": ["really a disgrace"], "speaker": ["Donald Trump"],
                       "cue": ["said"], "article": ["Op-ed rocks the White House"],
                       "outlet": ["CNN"], "date": ["2018-09-05"]}


def test_edges_carry_relation_article_and_date(small_graph):
    graph = select_subgraph(small_graph, every()).graph
    edge = graph.edges[ID + "person/donald-trump", ID + "quote/q1", "said"]
    assert (edge["relation"], edge["articles"], edge["dates"]) == \
        ("said", {"a1"}, {"2018-09-05"})


def test_the_default_shows_said_published_and_reacted_to_not_mentions(small_graph):
    graph = select_subgraph(small_graph, Filters()).graph
    assert {relation for *_, relation in graph.edges(keys=True)} == \
        {"said", "published", "reacted to"}
    assert filters_from({}).relations == Filters().relations


def test_no_relation_at_all_is_refused():
    with pytest.raises(FilterError, match="at least one relation"):
        Filters(relations=frozenset())
