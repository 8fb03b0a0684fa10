"""Query latency of every named query (queries/*.rq) at 100k and 1M triples: the project's
Oxigraph-backed store versus rdflib's default in-memory store, on the same quads.

    python benchmarks/query_latency.py [--sizes 100000 1000000] [--timeout 60]
    python benchmarks/query_latency.py --store DIR [--page]

The quads come from the store that store_growth.py grew (benchmarks/.work/growth-store):
whole article graphs, in id order, until the size is reached. Oxigraph times are the
median of three runs; rdflib runs once, in a child process stopped after --timeout.

With --store, every named query (parameters bound to the examples, and unbound) and each
query of the most quoted person's page run on that store as it is (read-only, all rows
read), median of three, wall and CPU seconds: CPU shows the work when the machine is shared.
--page also times the page itself from a real `kg serve` (benchmarks/scale.py).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Dataset, Literal, URIRef  # noqa: E402

from benchmarks.common import WORK, machine, table, timer  # noqa: E402
from benchmarks.store_growth import STORE  # noqa: E402
from kg.api import open_dataset  # noqa: E402
from kg.queries import bind_variables, named_queries  # noqa: E402
from kg.rdf.namespaces import PREFIX_IRIS, bind_prefixes  # noqa: E402
from kg.store import open_store  # noqa: E402
from server import page_queries as page  # noqa: E402
from server.page_data import iri_values  # noqa: E402
from server.person_page import kept_days, roles, said_query  # noqa: E402

EXAMPLES = {"name": Literal("Trump"), "title": Literal("Resistance")}  # parameter values
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def load(source: Dataset, size: int) -> tuple[Dataset, Dataset, int]:
    """The first article graphs of ``source`` holding ``size`` quads, in both stores."""
    project, default = open_store(), Dataset(default_union=True)
    bind_prefixes(default)
    loaded = 0
    for graph, count in source.query(GRAPH_SIZES):
        quads = [(s, p, o, URIRef(graph)) for s, p, o in source.get_context(graph)]
        project.put_graph(URIRef(graph), quads)
        default.addN((s, p, o, default.get_context(g)) for s, p, o, g in quads)
        loaded += int(count)
        if loaded >= size:
            break
    return project, default, loaded


def run(dataset: Dataset, text: str) -> int:
    return len(list(dataset.query(text)))


def oxigraph_seconds(dataset: Dataset, text: str) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(3):
        with timer() as elapsed:
            rows = run(dataset, text)
        times.append(elapsed[0])
    return statistics.median(times), rows


def _child(dataset: Dataset, text: str, pipe) -> None:
    try:
        with timer() as elapsed:
            rows = run(dataset, text)
    except Exception as error:  # rdflib's own evaluation errors, reported in the table
        pipe.send((None, f"error: {type(error).__name__}"))
        return
    pipe.send((elapsed[0], rows))


def rdflib_seconds(dataset: Dataset, text: str,
                   timeout: float) -> tuple[float | None, int | str]:
    """Run in a forked child (which shares the loaded graph) so a slow query can be stopped."""
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(dataset, text, send))
    child.start()
    if receive.poll(timeout):
        result = receive.recv()
        child.join()
        return result
    child.kill()
    child.join()
    return None, 0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def wall_and_cpu(store: ox.Store, text: str, substitutions: dict | None = None,
                 repeat: int = 3) -> tuple[int, float, float]:
    """Rows, median wall and median CPU seconds of ``repeat`` runs, every row read."""
    walls, cpus, rows = [], [], 0
    for _ in range(repeat):
        cpu, started = _cpu(), time.perf_counter()
        rows = sum(1 for _ in store.query(text, prefixes=PREFIX_IRIS,
                                          substitutions=substitutions or {}))
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
    return rows, statistics.median(walls), statistics.median(cpus)


# The person page's queries (server/person_page.py), at its defaults: first page, no
# confidence threshold. The summary the build keeps decides SAID's text (SAID_ON_DAYS when
# the kept per-date counts locate the page) and which texts count and list co-speakers.
def page_queries(store: ox.Store, person: ox.NamedNode) -> dict[str, str]:
    """The texts the page of ``person`` runs, in its order (ARTICLE_LABELS: see ROLES)."""
    def plain(text: str) -> list[dict]:
        found = store.query(text, prefixes=PREFIX_IRIS, substitutions={ox.Variable("x"): person})
        return [{v.value: None if row[v.value] is None else row[v.value].value
                 for v in found.variables} for row in found]

    kept = plain(page.SUMMARY)
    days = kept_days(plain(page.KEPT_DAYS)) if kept else None
    total = int((kept or plain(page.SAID_COUNTS.format(min_confidence=0.0)))[0]["occurrences"])
    queries = {"NAMES": page.NAMES}
    queries.update({"SUMMARY": page.SUMMARY, "KEPT_DAYS": page.KEPT_DAYS} if kept else
                   {"SAID_COUNTS": page.SAID_COUNTS.format(min_confidence=0.0),
                    "SAID_BY_DATE": page.SAID_BY_DATE})
    said = said_query(days, total, 0.0, 0, 20)
    queries["SAID_ON_DAYS" if "VALUES ?date" in said else "SAID"] = said
    listed = roles(plain(page.ROLES))
    queries.update({"ROLES": page.ROLES, "ARTICLE_LABELS": page.ARTICLE_LABELS.format(
        articles=iri_values({a for role in listed for a in role["articles"]}))})
    queries.update({"REACTIONS_BY": page.REACTIONS_BY, "REACTIONS_TO": page.REACTIONS_TO,
                    "ALONGSIDE": page.KEPT_ALONGSIDE if kept else page.QUOTED_ALONGSIDE})
    return queries


def on_store(path: Path, with_page: bool) -> None:
    """Named queries and the most quoted person's page queries on an existing store."""
    from benchmarks.scale import MOST_QUOTED, page_seconds

    store = ox.Store.read_only(str(path))
    print(f"# {len(store):,} quads in {path}; {machine()}\n", flush=True)
    rows = []
    for name, query in named_queries().items():
        bound = {p: EXAMPLES[p] for p, _ in query.params}
        for bindings in ([bound, {}] if bound else [{}]):
            count, wall, cpu = wall_and_cpu(store, bind_variables(query.text, bindings))
            label = name + "".join(f" {k}={v}" for k, v in bindings.items())
            rows.append([label, count, f"{wall:.3f}", f"{cpu:.3f}"])
            print(table(STORE_HEADERS, rows[-1:]).splitlines()[-1], flush=True)
    person = next(iter(store.query(MOST_QUOTED, prefixes=PREFIX_IRIS)))["x"]
    for name, text in page_queries(store, person).items():
        count, wall, cpu = wall_and_cpu(store, text, {ox.Variable("x"): person} if "?x" in text
                                        else None)
        rows.append([f"page {name}", count, f"{wall:.3f}", f"{cpu:.3f}"])
        print(table(STORE_HEADERS, rows[-1:]).splitlines()[-1], flush=True)
    del store
    if with_page:
        seconds = page_seconds(path, urlsplit(person.value).path)
        rows.append([f"page {person.value}", "-", "-" if seconds is None else f"{seconds:.3f}",
                     "-"])
    print()
    print(table(STORE_HEADERS, rows))


STORE_HEADERS = ["query", "rows", "wall s", "CPU s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per rdflib query")
    parser.add_argument("--store", type=Path, help="time the queries on this store instead")
    parser.add_argument("--page", action="store_true",
                        help="with --store: also the page from a real `kg serve`")
    args = parser.parse_args()
    if args.store:
        on_store(args.store, args.page)
        return
    if not STORE.is_dir():
        sys.exit(f"no grown store at {STORE.relative_to(WORK.parent.parent)}: "
                 "run benchmarks/store_growth.py first")
    source = open_dataset(STORE)
    queries = named_queries()
    print(f"# query latency, {len(queries)} named queries; {machine()}\n", flush=True)
    rows = []
    for size in args.sizes:
        project, default, loaded = load(source, size)
        for name, query in queries.items():
            text = bind_variables(query.text, {p: EXAMPLES[p] for p, _ in query.params})
            ox, ox_rows = oxigraph_seconds(project, text)
            rd, rd_rows = rdflib_seconds(default, text, args.timeout)
            if isinstance(rd_rows, str):  # rdflib failed on this query
                rd_cell, ratio, same = rd_rows, "-", "-"
            else:
                same = "yes" if rd is None or rd_rows == ox_rows else f"no ({rd_rows})"
                rd_cell = f"> {args.timeout:.0f}" if rd is None else f"{rd:.3f}"
                ratio = f"> {args.timeout / ox:.0f}" if rd is None else f"{rd / ox:.1f}"
            rows.append([f"{loaded:,}", name, ox_rows, f"{ox:.3f}", rd_cell, ratio, same])
            print(table(HEADERS, rows[-1:]).splitlines()[-1], flush=True)
        del project, default
    print()
    print(table(HEADERS, rows))


HEADERS = ["quads", "query", "rows", "Oxigraph s", "rdflib memory s", "rdflib / Oxigraph",
           "same rows"]

if __name__ == "__main__":
    main()
