"""Page timings: every HTML page family of `kg serve` on the PolNeAR dev build (84 articles,
headers from the metadata table), p50 and p95 per page, and optionally a screenshot of each.

Builds the store once (or reuses --store), starts the real `kg serve` on loopback, asks for
each page of a family (the 10 most quoted people, 10 articles, 10 quotes carried by most
articles, every outlet, home, /graph, /query with who-said-what, a search) --repeat times
after one warm-up round, and prints a Markdown table for docs/performance.md.

    .venv/bin/python benchmarks/pages.py [--store DIR] [--repeat 5] [--screenshots docs/]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, table  # noqa: E402
from benchmarks.dev_articles import write_dev_articles  # noqa: E402
from benchmarks.endpoint import free_port, wait_until_up  # noqa: E402
from kg.queries import QUERY_DIR  # noqa: E402
from kg.rdf.namespaces import PREFIX_IRIS  # noqa: E402

SAMPLES = {
    "person": """SELECT ?x WHERE { ?x a schema:Person ; nkg:said ?q }
                 GROUP BY ?x ORDER BY DESC(COUNT(?q)) LIMIT 10""",
    "article": "SELECT ?x WHERE { ?x a nif:Context } ORDER BY ?x LIMIT 10",
    "quote": """SELECT ?x WHERE { ?x a schema:Quotation ; gaf:denotedBy ?s }
                GROUP BY ?x ORDER BY DESC(COUNT(?s)) ?x LIMIT 10""",
    "outlet": """SELECT DISTINCT ?x WHERE { ?x a schema:NewsMediaOrganization ;
                 nkg:published/a nif:Context }""",
}
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build(store: Path) -> None:
    with tempfile.TemporaryDirectory() as texts:
        write_dev_articles(Path(texts))
        subprocess.run([sys.executable, "-m", "kg.cli", "build", texts, "--store", str(store)],
                       check=True, cwd=ROOT)


def page_paths(store: Path) -> dict[str, list[str]]:
    """The pages to time, by family, as paths on the server."""
    graph = ox.Store.read_only(str(store))
    paths: dict[str, list[str]] = {}
    for family, query in SAMPLES.items():
        iris = [row["x"].value for row in graph.query(query, prefixes=PREFIX_IRIS)]
        paths[family] = [urlsplit(iri).path for iri in iris]  # served at the base's path
    who = (QUERY_DIR / "who-said-what.rq").read_text(encoding="utf-8")
    paths["home"] = ["/"]
    paths["graph"] = ["/graph"]
    paths["query (who-said-what)"] = [f"/query?name=who-said-what&query={quote(who)}"]
    paths["search"] = ["/search?q=trump"]
    return paths


def time_pages(url: str, paths: dict[str, list[str]], repeat: int) -> list[list[object]]:
    rows = []
    with requests.Session() as session:
        for family, family_paths in paths.items():
            for path in family_paths:  # warm-up: worker start, cached counts
                session.get(url + path, timeout=120).raise_for_status()
            times = []
            for _ in range(repeat):
                for path in family_paths:
                    started = time.perf_counter()
                    session.get(url + path, timeout=120).raise_for_status()
                    times.append(time.perf_counter() - started)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rows.append([family, len(family_paths), len(times),
                         f"{statistics.median(times) * 1000:.0f}", f"{p95 * 1000:.0f}",
                         f"{times[-1] * 1000:.0f}"])
    return rows


def screenshots(url: str, paths: dict[str, list[str]], out: Path) -> None:
    """The first page of each family at 1280 px wide (its first 900 px tall screen)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for family, family_paths in paths.items():
            page.goto(url + family_paths[0])
            if family == "graph":
                page.wait_for_selector("body[data-stabilised=true]", state="attached",
                                       timeout=60_000)
            name = "page-" + family.split()[0] + ".png"
            page.screenshot(path=str(out / name))
            print(f"wrote {out / name}", file=sys.stderr)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a dev build to reuse (built if missing)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--screenshots", type=Path, help="write a PNG of each page here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store or Path(scratch) / "store"
        if not (store / "CURRENT").exists():
            build(store)
        paths = page_paths(store)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store",
                                   str(store), "--port", str(port)], cwd=ROOT,
                                  stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/sparql", server)
            rows = time_pages(url, paths, args.repeat)
            if args.screenshots:
                screenshots(url, paths, args.screenshots)
        finally:
            server.terminate()
            server.wait(10)
    print(f"Page timings, {machine()}, `kg serve` defaults, {args.repeat} rounds after a "
          "warm-up (ms):\n")
    print(table(["page", "pages", "requests", "p50", "p95", "max"], rows))


if __name__ == "__main__":
    main()
