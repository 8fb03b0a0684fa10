"""The subgraph to draw: SPARQL over the store, then graph algorithms in networkx.

SPARQL does what it is good at (which relations, stated in which article, when);
networkx does neighbourhoods, degrees and the top-N cut. This is the one place
that decides what the picture holds; the CLI and the web page only call it.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Dataset, Literal, URIRef

from kg.queries import run_query
from kg.viz.filters import FilterError, Filters
from kg.viz.style import KIND_TYPES, KINDS, RELATIONS, kind_of

# Each relation triple with the article whose named graph states it (and that article's date).
_EDGES = """SELECT ?s ?p ?o ?id ?date WHERE {{
  VALUES ?p {{ {relations} }}
  GRAPH ?g {{
    ?s ?p ?o .
    OPTIONAL {{ ?article a nif:Context ; dcterms:identifier ?id .
               OPTIONAL {{ ?article schema:datePublished ?date }} }}
  }}
  {date_filter}
}}"""
_KINDS = "SELECT ?n ?t WHERE {{ VALUES ?t {{ {types} }} ?n a ?t }}"
_FOCUS = """SELECT DISTINCT ?n WHERE {
  { ?n rdfs:label ?l } UNION { ?n skos:altLabel ?l }
  FILTER(LCASE(STR(?l)) = LCASE(STR(?name)))
}"""
_IN_GRAPH = "ASK WHERE { { ?n ?p ?o } UNION { ?s ?p ?n } }"
_ENTITY_DETAILS = """SELECT ?n ?label ?job_title ?also_known_as WHERE {{ VALUES ?n {{ {nodes} }}
  OPTIONAL {{ ?n rdfs:label ?label }} OPTIONAL {{ ?n schema:jobTitle ?job_title }}
  OPTIONAL {{ ?n skos:altLabel ?also_known_as }} }}"""
_ARTICLE_DETAILS = """SELECT ?n ?headline ?id ?date ?outlet ?url WHERE {{ VALUES ?n {{ {nodes} }}
  OPTIONAL {{ ?n schema:headline ?headline }} OPTIONAL {{ ?n dcterms:identifier ?id }}
  OPTIONAL {{ ?n schema:datePublished ?date }} OPTIONAL {{ ?n schema:publisher/rdfs:label ?outlet }}
  OPTIONAL {{ ?n schema:url ?url }} }}"""
_QUOTE_DETAILS = """SELECT ?n ?text ?speaker ?cue ?article ?outlet ?date WHERE {{
  VALUES ?n {{ {nodes} }}
  OPTIONAL {{ ?n schema:text ?text }} OPTIONAL {{ ?n schema:creator/rdfs:label ?speaker }}
  OPTIONAL {{ ?n gaf:denotedBy ?span . ?span nif:referenceContext ?a .
    OPTIONAL {{ ?span nkg:cue ?cue }}
    OPTIONAL {{ ?a dcterms:identifier ?id }} OPTIONAL {{ ?a schema:headline ?headline }}
    BIND(COALESCE(?headline, ?id) AS ?article)
    OPTIONAL {{ ?a schema:datePublished ?date }}
    OPTIONAL {{ ?a schema:publisher/rdfs:label ?outlet }} }} }}"""
_DETAILS_BY_KIND = {
    "article": _ARTICLE_DETAILS,
    "quote": _QUOTE_DETAILS,
}


MOST_QUOTED_START = 5  # without a focus, a cut picture opens on this many most-quoted people


@dataclass
class Subgraph:
    """The graph to draw plus what the filters left out, for the notice."""

    graph: nx.MultiDiGraph
    filters: Filters
    matched_nodes: int = 0  # nodes that pass the filters, before the limit
    left_out: Counter = field(default_factory=Counter)  # kind -> nodes cut by the limit
    focus: tuple[str, ...] = ()

    @property
    def notice(self) -> str | None:
        """What the limit left out, in words; None when everything matching is shown."""
        if not self.graph:
            return "Nothing in the graph matches these filters."
        if not self.left_out:
            return None
        parts = [f"{count} {KINDS[kind].label if count != 1 else kind}"
                 for kind, count in sorted(self.left_out.items(), key=lambda kv: -kv[1])]
        return (f"Showing the {self.graph.number_of_nodes()} most connected of "
                f"{self.matched_nodes} nodes; left out: {', '.join(parts)}. "
                f"Raise the limit or focus on an entity to see more.")


def _iri_list(nodes) -> str:
    return " ".join(URIRef(str(n)).n3() for n in nodes)


def _date_filter(filters: Filters) -> str:
    # Dates were validated as YYYY-MM-DD, so they are safe to write into the query.
    tests = []
    if filters.since:
        tests.append(f'STR(?date) >= "{filters.since}"')
    if filters.until:
        tests.append(f'SUBSTR(STR(?date), 1, 10) <= "{filters.until}"')
    return f"FILTER(BOUND(?date) && {' && '.join(tests)})" if tests else ""


def _relation_graph(dataset: Dataset, filters: Filters) -> nx.MultiDiGraph:
    """Every relation edge that passes the relation and date filters, with its sources."""
    by_predicate = {RELATIONS[name]: name for name in sorted(filters.relations)}
    query = _EDGES.format(relations=_iri_list(by_predicate), date_filter=_date_filter(filters))
    graph = nx.MultiDiGraph()
    for row in run_query(dataset, query):
        source, predicate, target = str(row.s), row.p, str(row.o)
        relation = by_predicate[predicate]
        if not graph.has_edge(source, target, key=relation):
            graph.add_edge(source, target, key=relation, relation=relation,
                           articles=set(), dates=set())
        data = graph.edges[source, target, relation]
        if row.id is not None:
            data["articles"].add(str(row.id))
        if row.date is not None:
            data["dates"].add(str(row.date))
    return graph


def _assign_kinds(dataset: Dataset, graph: nx.MultiDiGraph) -> None:
    """Give every node its kind; nodes of no known kind (untyped targets) are dropped."""
    rdf_types: dict[str, set] = defaultdict(set)
    types = {t for kind_types in KIND_TYPES.values() for t in kind_types}
    for row in run_query(dataset, _KINDS.format(types=_iri_list(types))):
        if str(row.n) in graph:
            rdf_types[str(row.n)].add(row.t)
    for node in list(graph.nodes):
        kind = kind_of(rdf_types.get(node, set()))
        if kind is None:
            graph.remove_node(node)
        else:
            graph.nodes[node]["kind"] = kind


def resolve_focus(dataset: Dataset, focus: str) -> tuple[str, ...]:
    """An IRI as given, or every entity whose label or alternative label is ``focus``."""
    if focus.startswith(("http://", "https://")):
        if not run_query(dataset, _IN_GRAPH, {"n": URIRef(focus)}).askAnswer:
            raise FilterError(f"'{focus}' is not in the graph")
        return (focus,)
    rows = run_query(dataset, _FOCUS, {"name": Literal(focus)})
    found = tuple(sorted(str(row.n) for row in rows))
    if not found:
        raise FilterError(f"no entity is called '{focus}'")
    return found


def _keep(graph: nx.MultiDiGraph, nodes) -> nx.MultiDiGraph:
    return graph.subgraph(nodes).copy()


def _drop_isolated(graph: nx.MultiDiGraph, keep: tuple[str, ...]) -> nx.MultiDiGraph:
    return _keep(graph, [n for n in graph if graph.degree(n) or n in keep])


def most_connected(graph: nx.MultiDiGraph, limit: int, start: tuple[str, ...] = ()) -> list[str]:
    """Up to ``limit`` nodes that make a readable picture: from the focus (or the most
    connected node), always add the most connected neighbour of what is chosen; when
    nothing touches the chosen nodes any more, restart from the most connected one left."""
    def rank(node: str) -> tuple[int, str]:
        return -graph.nodes[node]["degree"], node

    restarts = iter(sorted(graph, key=rank))
    chosen: dict[str, None] = {}
    frontier: list[tuple[int, str]] = []

    def choose(node: str) -> None:
        chosen[node] = None
        for other in nx.all_neighbors(graph, node):
            if other not in chosen:
                heapq.heappush(frontier, rank(other))

    for node in start:
        choose(node)
    while len(chosen) < limit:
        while frontier and frontier[0][1] in chosen:
            heapq.heappop(frontier)
        if frontier:
            choose(heapq.heappop(frontier)[1])
            continue
        node = next((n for n in restarts if n not in chosen), None)
        if node is None:
            break
        choose(node)
    return list(chosen)


def most_quoted(graph: nx.MultiDiGraph, count: int) -> tuple[str, ...]:
    """The people with the most ``said`` edges: where a picture without a focus starts."""
    said = Counter(source for source, _, relation in graph.edges(keys=True)
                   if relation == "said" and graph.nodes[source]["kind"] in ("person", "official"))
    return tuple(node for node, _ in said.most_common(count))


def select_subgraph(dataset: Dataset, filters: Filters) -> Subgraph:
    """Apply the filters in a fixed order: relations and dates (SPARQL), types, focus and
    depth, minimum degree, then the limit (see ``most_connected``)."""
    graph = _relation_graph(dataset, filters)
    _assign_kinds(dataset, graph)
    focus = resolve_focus(dataset, filters.focus) if filters.focus else ()
    focus = tuple(f for f in focus if f in graph)
    if filters.focus and not focus:
        graph = nx.MultiDiGraph()  # the entity has no relation that passes the filters
    if filters.types:
        graph = _keep(graph, [n for n, kind in graph.nodes(data="kind")
                              if kind in filters.types or n in focus])
    if focus:
        undirected = graph.to_undirected(as_view=True)
        near = set()
        for node in focus:
            near |= set(nx.ego_graph(undirected, node, radius=filters.depth))
        graph = _keep(graph, near)
    graph = _drop_isolated(graph, focus)
    for node, degree in graph.degree():
        graph.nodes[node]["degree"] = degree
    if filters.min_degree:
        graph = _drop_isolated(_keep(graph, [n for n, d in graph.degree()
                                            if d >= filters.min_degree or n in focus]), focus)
    matched = graph.number_of_nodes()
    if matched > filters.limit:
        start = focus or most_quoted(graph, min(MOST_QUOTED_START, filters.limit))
        shown = _keep(graph, most_connected(graph, filters.limit, start))
        left_out = Counter(graph.nodes[n]["kind"] for n in graph if n not in shown)
        graph = shown
    else:
        left_out = Counter()
    describe(dataset, graph)
    return Subgraph(graph, filters, matched, left_out, focus)


def describe(dataset: Dataset, graph: nx.MultiDiGraph) -> None:
    """Fill in each node's label and details (field -> values, plain text) from the store."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for node, kind in graph.nodes(data="kind"):
        by_kind[kind].append(node)
    for kind, nodes in by_kind.items():
        query = _DETAILS_BY_KIND.get(kind, _ENTITY_DETAILS).format(nodes=_iri_list(nodes))
        details: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
        for row in run_query(dataset, query):
            for name, value in row.asdict().items():
                if name != "n" and value is not None:
                    details[str(row.n)][name][str(value)] = None
        for node in nodes:
            found = {name: list(values) for name, values in details[node].items()}
            graph.nodes[node]["details"] = found
            graph.nodes[node]["label"] = _label(kind, node, found)


def _label(kind: str, node: str, details: dict[str, list[str]]) -> str:
    """The canonical name; a quote's words; an article's headline, else its input id."""
    if kind == "quote" and details.get("text"):
        return f"“{details['text'][0]}”"
    for name in ("label", "headline", "id"):
        if details.get(name):
            return details[name][0]
    return node.rstrip("/").rsplit("/", 1)[-1]
