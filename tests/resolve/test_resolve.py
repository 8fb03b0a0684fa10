"""Resolution across articles, and the seed facts of the resolved sample graph."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset

import kg
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve import person_merges, resolve_store
from kg.resolve.names import PersonNode
from kg.resolve.store import canonical_label
from tests.conftest import DATA


@pytest.mark.parametrize("names, expected", [
    ({"Trump", "Donald Trump"}, {"Trump": "Donald Trump"}),
    ({"Trump", "Donald Trump", "Donald John Trump"},
     {"Trump": "Donald John Trump", "Donald Trump": "Donald John Trump"}),
    ({"Clinton", "Bill Clinton", "Hillary Clinton"}, {}),
    ({"Sanders", "Huckabee Sanders", "Sarah Huckabee Sanders"},
     {"Sanders": "Sarah Huckabee Sanders", "Huckabee Sanders": "Sarah Huckabee Sanders"}),
    ({"Sanders", "Bernie Sanders", "Sarah Huckabee Sanders"}, {}),
])
def test_a_name_merges_only_into_one_unambiguous_fuller_name(names, expected):
    assert person_merges(names) == expected


_BILL = PersonNode("Bill Clinton", "m", frozenset({"president"}), 20)
_HILLARY = PersonNode("Hillary Clinton", "f", frozenset({"nominee", "secretary"}), 40)


def test_nodes_with_one_full_name_are_one_person_and_take_its_short_forms():
    """Two nodes labelled "Donald Trump" (one minted from "President Donald Trump") split
    every "Trump" between them; one full name is one person, a "Jr." another, a first name
    alone stays apart, and a contradicting gender keeps two people apart."""
    nodes = [PersonNode("Donald Trump", None, frozenset({"president"}), 250, "p-dt"),
             PersonNode("Donald Trump", "m", frozenset({"nominee"}), 129, "dt"),
             PersonNode("Trump", None, frozenset({"president"}), 39, "t"),
             PersonNode("Melania Trump", "f", frozenset(), 3, "mt"),
             PersonNode("Donald Trump Jr.", "m", frozenset(), 2, "dtj"),
             PersonNode("Laura", "f", frozenset(), 3, "l1"),
             PersonNode("Laura", "f", frozenset(), 2, "l2"),
             PersonNode("Jordan Smith", "m", frozenset(), 5, "js1"),
             PersonNode("Jordan Smith", "f", frozenset(), 3, "js2")]
    assert person_merges(nodes) == {"dt": "p-dt", "t": "p-dt"}


@pytest.mark.parametrize("nodes, expected", [
    # a middle initial may be left out ...
    ([PersonNode("Donald Trump", "m", mentions=200, key="dt"),
      PersonNode("Donald J. Trump", "m", mentions=20, key="djt")], {"djt": "dt"}),
    # ... but a different one is a different person: the initials the person goes by are
    # the ones named ten times as often as any others
    ([PersonNode("Paul Ryan", "m", mentions=100, key="pr"),
      PersonNode("Paul D. Ryan", "m", mentions=40, key="pdr"),
      PersonNode("Paul S. Ryan", "m", mentions=3, key="psr")], {"pdr": "pr"}),
    ([PersonNode("Paul D. Ryan", "m", mentions=100, key="pdr"),
      PersonNode("Paul Ryan", "m", mentions=40, key="pr"),
      PersonNode("Paul S. Ryan", "m", mentions=30, key="psr")], {"pr": "pdr"}),
    # no initials stand out: only the nodes without initials join
    ([PersonNode("Paul Ryan", "m", mentions=100, key="pr"),
      PersonNode("Paul D. Ryan", "m", mentions=10, key="pdr"),
      PersonNode("Paul S. Ryan", "m", mentions=5, key="psr")], {}),
    # with no "Paul D. Ryan" in the graph, a lawyer with a middle initial is not the official
    # whose initial the texts leave out, either way round ...
    ([PersonNode("Paul Ryan", "m", frozenset({"speaker"}), 100, "pr", office=True),
      PersonNode("Paul S. Ryan", "m", mentions=3, key="psr", office=False)], {}),
    ([PersonNode("Paul S. Ryan", "m", mentions=100, key="psr", office=False),
      PersonNode("Paul Ryan", "m", frozenset({"speaker"}), 30, "pr", office=True)], {}),
    # ... but one without a job title, or with an office too, is the same person
    ([PersonNode("Paul Ryan", "m", frozenset({"speaker"}), 100, "pr", office=True),
      PersonNode("Paul S. Ryan", "m", mentions=3, key="psr")], {"psr": "pr"}),
    ([PersonNode("Donald Trump", "m", frozenset({"president"}), 200, "dt", office=True),
      PersonNode("Donald J. Trump", "m", frozenset({"nominee"}), 20, "djt", office=True)],
     {"djt": "dt"}),
    # initials written without periods are initials: "George HW Bush" is not a fuller form
    # of "George W. Bush" (AllSides wrote it so; the two presidents were one node)
    ([PersonNode("George W. Bush", "m", mentions=1900, key="gwb"),
      PersonNode("George HW Bush", "m", mentions=4, key="ghwb")], {}),
    # nodes of one name, no initials, are one person whatever their jobs
    ([PersonNode("Paul Ryan", "m", frozenset({"speaker"}), 100, "pr", office=True),
      PersonNode("Paul Ryan", "m", mentions=3, key="pr2", office=False)], {"pr2": "pr"}),
])
def test_a_different_middle_initial_is_a_different_person(nodes, expected):
    assert person_merges(nodes) == expected


def test_a_chain_of_merges_ends_in_one_node():
    """"Donald J. Trump" joins "Donald Trump", which shortens "Donald John Trump" (a name card
    some sites print): all three are one node, not a middle node left holding the first's
    facts."""
    nodes = [PersonNode("Donald Trump", "m", mentions=200, key="dt"),
             PersonNode("Donald J. Trump", "m", mentions=20, key="djt"),
             PersonNode("Donald John Trump", "m", mentions=5, key="djohnt")]
    assert person_merges(nodes) == {"djt": "djohnt", "dt": "djohnt"}


_JOE = PersonNode("Joe Biden", "m", frozenset({"president"}), 300)


@pytest.mark.parametrize("short, people, expected", [
    # honorific gender and title leave one candidate
    (PersonNode("Clinton", "f", key="clinton-mrs"), [_BILL, _HILLARY], "Hillary Clinton"),
    (PersonNode("Clinton", "m", key="clinton-mr"), [_BILL, _HILLARY], "Bill Clinton"),
    (PersonNode("Clinton", None, frozenset({"president"}), key="clinton-president"),
     [_BILL, _HILLARY], "Bill Clinton"),
    # no evidence and no dominant candidate: stays apart
    (PersonNode("Clinton"), [_BILL, _HILLARY], None),
    # one candidate named ten times as often as all others together
    (PersonNode("Obama"), [PersonNode("Barack Obama", "m", mentions=300),
                           PersonNode("Michelle Obama", "f", mentions=12)], "Barack Obama"),
    # a bare surname never means a Jr. while the father is a candidate
    (PersonNode("Trump"), [PersonNode("Donald Trump", "m", mentions=30),
                           PersonNode("Donald Trump Jr.", "m", mentions=30)], "Donald Trump"),
    # a title nobody in the graph holds: only a dominant candidate takes it
    (PersonNode("Clinton", None, frozenset({"governor"}), key="clinton-governor"),
     [_BILL, _HILLARY], None),
    (PersonNode("Clinton", None, frozenset({"secretary"}), key="clinton-secretary"),
     [_BILL, PersonNode("Hillary Clinton", "f", frozenset({"nominee"}), 400)],
     "Hillary Clinton"),
    # "Dr." is not an office a dominant candidate may take: only someone the graph calls Dr.
    (PersonNode("Biden", None, frozenset({"doctor"}), key="biden-doctor"),
     [_JOE, PersonNode("Jill Biden", "f", mentions=10)], None),
    (PersonNode("Biden", None, frozenset({"doctor"}), key="biden-doctor"),
     [_JOE, PersonNode("Jill Biden", "f", frozenset({"doctor"}), 10)], "Jill Biden"),
])
def test_bare_surnames_merge_by_honorific_title_and_dominance(short, people, expected):
    assert person_merges([short, *people]).get(short.id) == expected


@pytest.mark.parametrize("anchors, label", [
    ({"Hillary Clinton": 5, "Crooked Hillary Clinton": 1, "Clinton": 30}, "Hillary Clinton"),
    ({"DONALD TRUMP": 3, "Donald Trump": 2, "Trump": 9}, "Donald Trump"),
    ({"Loretta E. Lynch": 1, "Lynch": 6}, "Loretta E. Lynch"),
    ({"Trump": 4, "Trump's": 2}, None),
    # a form that starts with a first name is the complete one
    ({"Blasey Ford": 9, "Christine Blasey Ford": 2, "Ford": 5}, "Christine Blasey Ford"),
])
def test_the_label_is_the_most_frequent_complete_name(anchors, label):
    assert canonical_label(anchors) == label


@pytest.fixture(scope="module")
def resolved(nlp) -> Dataset:
    dataset = kg.build([DATA])
    resolve_store(dataset, DEFAULT_BASE)
    return dataset


def _values(dataset: Dataset, query: str) -> set[str]:
    return {str(row[0]).removeprefix(DEFAULT_BASE) for row in dataset.query(query)}


def test_resolution_is_idempotent(resolved):
    assert resolve_store(resolved, DEFAULT_BASE) == 0


@pytest.mark.parametrize("label_pattern, node", [
    ("Trump", "person/donald-trump"),
    ("Sanders", "person/sarah-huckabee-sanders"),
    ("Times", "outlet/the-new-york-times"),
    ("White House", "org/white-house"),
])
def test_one_node_per_seed_entity(resolved, label_pattern, node):
    nodes = _values(resolved, f"""SELECT DISTINCT ?e WHERE {{
        VALUES ?t {{ schema:Person schema:Organization }} ?e a ?t ;
        rdfs:label|skos:altLabel ?l FILTER(CONTAINS(?l, "{label_pattern}"))
        FILTER NOT EXISTS {{ ?e a nkg:DescribedEntity }} }}""")
    assert nodes == {node}


def test_one_label_per_entity(resolved):
    assert _values(resolved, """SELECT ?e WHERE { ?e rdfs:label ?a , ?b FILTER(?a != ?b) }""") \
        == set()


@pytest.mark.parametrize("person, title", [
    ("sarah-huckabee-sanders", "White House press secretary"),
    ("vladimir-putin", "Russian President"),
])
def test_officials_and_job_titles(resolved, person, title):
    titles = _values(resolved, f"""SELECT ?j WHERE {{
        <{DEFAULT_BASE}person/{person}> a nkg:Official ; schema:jobTitle ?j }}""")
    assert title in titles


def test_the_times_published_the_op_ed_one_node_across_articles(resolved):
    articles = _values(resolved, """SELECT DISTINCT ?a WHERE {
        ?o rdfs:label "The New York Times" ; nkg:published ?a .
        ?a a schema:OpinionNewsArticle }""")
    headlines = _values(resolved, """SELECT ?h WHERE { ?o rdfs:label "The New York Times" ;
        nkg:published ?a . ?a schema:headline ?h }""")
    assert headlines == {"I Am Part of the Resistance Inside the Trump Administration"}
    assert len(articles) == 1


@pytest.mark.parametrize("agent", ["person/donald-trump", "person/sarah-huckabee-sanders",
                                   "org/white-house"])
def test_seed_officials_reacted_to_the_op_ed_or_the_times(resolved, agent):
    targets = _values(resolved, f"""SELECT ?t WHERE {{ <{DEFAULT_BASE}{agent}> nkg:reactedTo ?t .
        ?r a ?stance ; schema:agent <{DEFAULT_BASE}{agent}> ; schema:object ?t
        FILTER (?stance IN (schema:ReactAction, schema:AgreeAction, schema:DisagreeAction)) }}""")
    assert targets & {"outlet/the-new-york-times",
                      "article/mentioned-i-am-part-of-the-resistance-inside-the-trump-"
                      "administration"}


def test_no_quotation_of_a_merged_speaker_is_duplicated(resolved):
    doubled = _values(resolved, """SELECT ?t WHERE {
        ?q1 schema:text ?t ; schema:creator ?p1 . ?q2 schema:text ?t ; schema:creator ?p2 .
        ?p1 rdfs:label ?l . ?p2 skos:altLabel ?l . FILTER(?q1 != ?q2) }""")
    assert doubled == set()
    disgrace = _values(resolved, """SELECT DISTINCT ?q WHERE { ?q schema:creator ?p ;
        schema:text ?t FILTER(STR(?t) = "really a disgrace") }""")
    assert len(disgrace) == 1


def test_metadata_round_trip_gives_each_article_its_outlet_once(nlp, tmp_path):
    records = [
        {"id": "a1", "text": "Trump spoke on Monday.", "title": "Trump speaks",
         "publisher": "The New York Times", "date": "2018-09-05", "authors": ["Jane Roe"]},
        {"id": "a2", "text": "The senator answered.", "title": "Senator answers",
         "publisher": "nytimes.com", "date": "2018-09-06", "authors": ["John Doe", "Ann Lee"]},
        {"id": "a3", "text": "The governor left.", "title": "Governor leaves",
         "publisher": "Washington Post", "date": "2018-09-07", "authors": ["Ann Lee"]},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    dataset = kg.build([path])
    rows = {(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in dataset.query("""
        SELECT ?id ?headline ?date ?outlet WHERE { ?a dcterms:identifier ?id ;
          schema:headline ?headline ; schema:datePublished ?date ; schema:publisher ?o .
          ?o rdfs:label ?outlet ; nkg:published ?a }""")}
    assert rows == {("a1", "Trump speaks", "2018-09-05", "The New York Times"),
                    ("a2", "Senator answers", "2018-09-06", "The New York Times"),
                    ("a3", "Governor leaves", "2018-09-07", "The Washington Post")}
    authors = {(str(r[0]), str(r[1])) for r in dataset.query("""SELECT ?id ?name WHERE {
        ?a dcterms:identifier ?id ; schema:author ?p . ?p rdfs:label ?name }""")}
    assert authors == {("a1", "Jane Roe"), ("a2", "John Doe"), ("a2", "Ann Lee"),
                       ("a3", "Ann Lee")}
    outlets = _values(dataset, "SELECT DISTINCT ?o WHERE { ?o a schema:NewsMediaOrganization }")
    assert outlets == {"outlet/the-new-york-times", "outlet/the-washington-post"}


def test_a_first_name_alone_stays_in_its_article(nlp, tmp_path):
    """Two articles' "Laura" (Laura Bush, Laura Ingraham) are two nodes, each labelled by the
    name the text gives; a bare surname that is no first name is still one node."""
    (tmp_path / "a1.txt").write_text(
        "George W. Bush came with his wife, Laura, who spoke first. Trump was absent.\n",
        encoding="utf-8")
    (tmp_path / "a2.txt").write_text(
        "As you very aptly pointed out, Laura, people jumped to conclusions, Chris Christie "
        "said. Trump agreed.\n", encoding="utf-8")
    dataset = kg.build([tmp_path])
    rows = {(str(r[0]).removeprefix(DEFAULT_BASE), str(r[1])) for r in dataset.query(
        "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name }")}
    lauras = {iri for iri, name in rows if name == "Laura"}
    assert len(lauras) == 2
    assert len({iri for iri, name in rows if name == "Trump"}) == 1


@pytest.mark.parametrize("first, second, speakers", [
    # in a graph with no "Paul D. Ryan", the campaign-finance lawyer "Paul S. Ryan" and the
    # Speaker "Paul Ryan" stay two people, each with his own quote
    ("House Speaker Paul Ryan said the budget would pass this week. Ryan spoke on Monday.",
     '"We have heard nothing from the agency," said Paul S. Ryan, senior counsel at the '
     "Campaign Legal Center.", ("Paul Ryan", "Paul S. Ryan")),
    # ... but a former office is no job outside government: one person, both quotes
    ("U.S. ambassador Susan Rice said the talks would resume this week.",
     '"We have heard nothing from the agency," said Former National Security Adviser '
     "Susan E. Rice.", ("Susan E. Rice", "Susan E. Rice")),
])
def test_a_middle_initial_and_other_work_keep_two_people_apart(nlp, tmp_path, first, second,
                                                                speakers):
    """``speakers``: the label of the node each article's quote ends in."""
    (tmp_path / "a1.txt").write_text(first + "\n", encoding="utf-8")
    (tmp_path / "a2.txt").write_text(second + "\n", encoding="utf-8")
    dataset = kg.build([tmp_path])
    said = {str(r[1])[:12]: str(r[0]) for r in dataset.query(
        "SELECT ?name ?text WHERE { ?p a schema:Person ; rdfs:label ?name ; nkg:said ?q . "
        "?q schema:text ?text }")}
    second = said.pop("We have hear")
    assert (*said.values(), second) == speakers
