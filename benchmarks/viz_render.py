"""How long a 500-node graph page takes to settle in headless Chromium.

Builds a synthetic store shaped like the news graph (outlets publish articles, articles
mention entities with a long-tailed popularity, people say quotes, officials react),
selects the default top-N subgraph at --nodes, writes the `kg viz` page, opens it in
Debian's chromium and reports, over --runs fresh page loads, the time from navigation
start to the layout stabilising (physics switched off). Needs /usr/bin/chromium.

    .venv/bin/python benchmarks/viz_render.py --nodes 500 --runs 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import Literal, URIRef

from kg.rdf.namespaces import DCTERMS, NIF, NKG, RDF, RDFS, SCHEMA, XSD
from kg.store import open_store
from kg.viz import Filters, page_html, select_subgraph

BASE = "https://newskg.example.org/id/"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic_store(articles: int, seed: int = 7):
    """A store with ``articles`` article graphs over shared outlets, people and orgs."""
    rng = random.Random(seed)
    dataset = open_store()
    outlets = [URIRef(f"{BASE}outlet/outlet-{i}") for i in range(12)]
    people = [URIRef(f"{BASE}person/person-{i}") for i in range(150)]
    orgs = [URIRef(f"{BASE}org/org-{i}") for i in range(40)]
    weights = [1 / (rank + 1) for rank in range(len(people))]  # a few are in every story
    quads = []
    for number in range(articles):
        article = URIRef(f"{BASE}article/a{number}")
        graph = URIRef(f"{article}/graph")
        outlet = rng.choice(outlets)

        def add(s, p, o, graph=graph):
            quads.append((s, p, o, graph))

        add(article, RDF.type, SCHEMA.NewsArticle)
        add(article, RDF.type, NIF.Context)
        add(article, DCTERMS.identifier, Literal(f"a{number}"))
        add(article, SCHEMA.headline, Literal(f"Headline of article {number}"))
        add(article, SCHEMA.datePublished,
            Literal(f"2018-09-{1 + number % 28:02d}", datatype=XSD.date))
        add(outlet, RDF.type, SCHEMA.NewsMediaOrganization)
        add(outlet, RDFS.label, Literal(f"Outlet {outlets.index(outlet)}"))
        add(outlet, NKG.published, article)
        named = rng.choices(people, weights, k=5)
        for person in named:
            add(person, RDF.type, SCHEMA.Person)
            add(person, RDFS.label, Literal(f"Person {people.index(person)}"))
            add(article, SCHEMA.mentions, person)
        for org in rng.sample(orgs, 2):
            add(org, RDF.type, SCHEMA.Organization)
            add(org, RDFS.label, Literal(f"Organisation {orgs.index(org)}"))
            add(article, SCHEMA.mentions, org)
        for index, speaker in enumerate(named[:4]):
            quote = URIRef(f"{BASE}quote/q{number}-{index}")
            add(quote, RDF.type, SCHEMA.Quotation)
            add(quote, SCHEMA.text, Literal(f"Words number {index} of article {number}"))
            add(speaker, NKG.said, quote)
        official = named[0]
        add(official, RDF.type, NKG.Official)
        add(official, NKG.reactedTo, rng.choice(people[:20]))
    dataset.add_quads(quads)
    return dataset


def measure(page_path: Path, runs: int) -> list[tuple[float, float]]:
    """(DOMContentLoaded, stabilised) in ms since navigation start, per fresh page load."""
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-stabilised=true]", state="attached",
                                   timeout=120_000)
            timings.append(tuple(page.evaluate(
                "[performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,"
                " kgGraph.stabilisedAt]")))
            context.close()
        browser.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--articles", type=int, default=90)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    dataset = synthetic_store(args.articles)
    started = time.perf_counter()
    subgraph = select_subgraph(dataset, Filters(limit=args.nodes))
    selected = time.perf_counter()
    html = page_html(subgraph)
    rendered = time.perf_counter()
    graph = subgraph.graph
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges shown "
          f"(of {subgraph.matched_nodes} matching); page {len(html) / 1e6:.2f} MB")
    print(f"select (SPARQL + networkx): {(selected - started) * 1000:.0f} ms; "
          f"render (pyvis + template): {(rendered - selected) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        path.write_text(html, encoding="utf-8")
        timings = measure(path, args.runs)
    loaded = [t[0] for t in timings]
    settled = [t[1] for t in timings]
    print(f"chromium, {args.runs} loads: DOMContentLoaded median "
          f"{statistics.median(loaded):.0f} ms; layout stabilised median "
          f"{statistics.median(settled):.0f} ms "
          f"(min {min(settled):.0f}, max {max(settled):.0f})")


if __name__ == "__main__":
    main()
