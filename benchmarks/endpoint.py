"""Throughput and latency of `kg serve` beside Oxigraph's own server, on the same data.

Builds ../shared/polnear/dev into a store folder and gives Oxigraph's server the same data
as kg serve: every quad of the store, the article graphs and the materialised union as the
default graph. Sends every named query of queries/ from 8 concurrent clients to each server
in turn, checks that both give the same number of rows, and prints a table and the
throughput ratio (target: kg serve >= 0.5 x Oxigraph, no errors).

The issue's set-up, the article graphs alone under `--union-default-graph`, is probed once
per query and not hammered: Oxigraph's union repeats a triple once per graph holding it, so
its answers differ (an entity's label comes back once per article) and some named queries
run for minutes there (the reason kg stores the union; docs/data-model.md).

    .venv/bin/python benchmarks/endpoint.py [--inputs DIR] [--seconds 20] [--clients 8]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import bind_variables, named_queries, parse_bindings  # noqa: E402
from kg.rdf.namespaces import PREFIXES  # noqa: E402

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph"
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
ACCEPT = "application/sparql-results+json"
# The example each parameter's description gives; optional parameters stay unbound.
EXAMPLES = {"quotes-by-person": ["name=Trump"]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            requests.get(url, params={"query": "ASK {}"}, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def build(inputs: Path, work: Path) -> tuple[Path, Path, Path]:
    """The kg store folder, an Oxigraph folder with all its quads, and one with the article
    graphs only (reused when ``work`` already holds them)."""
    folders = work / "kg-store", work / "oxigraph-same", work / "oxigraph-union"
    if all((folder / "CURRENT").is_file() for folder in folders):
        return folders
    kg_store, same, union = folders
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(inputs), "--store",
                    str(kg_store), "--workers", "2"], check=True, cwd=ROOT)
    every_quad, article_graphs = work / "store.nq", work / "graphs.nq"
    ox.Store.read_only(str(kg_store)).dump(str(every_quad), ox.RdfFormat.N_QUADS)
    subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(kg_store),
                    "-o", str(article_graphs)], check=True, cwd=ROOT)
    for folder, dump in ((same, every_quad), (union, article_graphs)):
        subprocess.run([OXIGRAPH, "load", "--location", str(folder), "--file", str(dump)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folders


def probe(url: str, queries: dict[str, str], limit: float) -> dict[str, int]:
    """The number of rows of each query answered within ``limit`` seconds (a runaway query
    would only measure the time limit)."""
    kept = {}
    for name, query in queries.items():
        started = time.perf_counter()
        try:
            response = requests.post(url, data={"query": query}, headers={"Accept": ACCEPT},
                                     timeout=limit)
            kept[name] = len(response.json()["results"]["bindings"])
            verdict = f"{kept[name]} rows"
        except requests.Timeout:
            verdict = f"no answer within {limit:g} s"
        except ValueError:  # Oxigraph cuts a streamed answer at its timeout
            verdict = f"{response.status_code}, answer cut off"
        seconds = time.perf_counter() - started
        print(f"  {name:32} {seconds:6.2f} s  {verdict}")
    return kept


def hammer(url: str, queries: list[str], clients: int, seconds: float) -> dict:
    """``clients`` threads sending the queries round-robin for ``seconds``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        session = requests.Session()
        i = offset
        while time.monotonic() < stop:
            query = queries[i % len(queries)]
            i += 1
            started = time.perf_counter()
            try:
                response = session.post(url, data={"query": query},
                                        headers={"Accept": ACCEPT}, timeout=60)
                ok = response.status_code == 200
                detail = f"{response.status_code} {response.text[:80]}"
            except requests.RequestException as error:
                ok, detail = False, str(error)
            elapsed = time.perf_counter() - started
            with lock:
                (latencies.append(elapsed) if ok else errors.append(detail))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    ordered = sorted(latencies) or [0.0]
    return {"requests": len(latencies), "errors": len(errors), "first_error": errors[:1],
            "throughput": len(latencies) / wall,
            "p50_ms": 1000 * statistics.median(ordered),
            "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=Path, default=ROOT.parent / "shared" / "polnear" / "dev")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--probe-timeout", type=float, default=10,
                        help="named queries slower than this (alone) are left out")
    parser.add_argument("--work", type=Path, help="keep (and reuse) the built stores here")
    args = parser.parse_args()
    queries = {name: PROLOGUE + bind_variables(q.text, parse_bindings(EXAMPLES.get(name, [])))
               for name, q in named_queries().items()}
    print(f"{len(queries)} named queries ({EXAMPLES} bound); {args.clients} clients, "
          f"{args.seconds:g} s per server; {os.cpu_count()} CPUs")
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    processes = []
    try:
        kg_store, same, union = build(args.inputs, work)
        ports = [free_port() for _ in range(3)]

        def oxigraph(folder: Path, port: int, *flags: str) -> list[str]:
            return [OXIGRAPH, "serve-read-only", "--location", str(folder),
                    "--bind", f"127.0.0.1:{port}", *flags]

        servers = {
            "kg serve": ([sys.executable, "-m", "kg.cli", "serve", "--store", str(kg_store),
                          "--port", str(ports[0]), "--timeout", "60",
                          "--max-rows", "1000000"], f"http://127.0.0.1:{ports[0]}/sparql"),
            "oxigraph": (oxigraph(same, ports[1]), f"http://127.0.0.1:{ports[1]}/query"),
            "oxigraph --union-default-graph": (
                oxigraph(union, ports[2], "--union-default-graph", "--timeout-s",
                         str(int(args.probe_timeout))), f"http://127.0.0.1:{ports[2]}/query"),
        }
        results, rows = {}, {}
        for name, (command, url) in servers.items():
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=ROOT)
            processes.append(process)
            wait_until_up(url, process)
            print(f"{name}, each query once:")
            rows[name] = probe(url, queries, args.probe_timeout)
            if "union" not in name:
                if name == "kg serve":
                    queries = {q: queries[q] for q in rows[name]}
                hammer(url, list(queries.values()), args.clients, 2)  # warm up
                results[name] = hammer(url, list(queries.values()), args.clients, args.seconds)
            process.terminate()
            process.wait(30)
        same_answers = rows["kg serve"] == rows["oxigraph"]
        print("\n| server | requests | errors | req/s | p50 ms | p95 ms |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, r in results.items():
            print(f"| {name} | {r['requests']} | {r['errors']} | {r['throughput']:.1f} | "
                  f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")
            if r["first_error"]:
                print(f"  first error: {r['first_error'][0]}")
        ratio = results["kg serve"]["throughput"] / results["oxigraph"]["throughput"]
        print(f"\nthroughput ratio kg serve / oxigraph = {ratio:.2f} (target >= 0.5); "
              f"same rows per query: {same_answers}")
        errors = any(r["errors"] for r in results.values())
        return 0 if ratio >= 0.5 and same_answers and not errors else 1
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
