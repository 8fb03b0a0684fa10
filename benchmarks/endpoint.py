"""Throughput and latency of `kg serve` beside Oxigraph's own server, on the same data.

Builds ../shared/polnear/dev into a store folder, loads the same quads into a second
folder for `oxigraph serve-read-only` (the default graph is the materialised union in
both), then sends every named query
of queries/ from 8 concurrent clients to each server in turn and prints a table and the
throughput ratio (target: kg serve >= 0.5 x Oxigraph, no errors).

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

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import named_queries  # noqa: E402
from kg.rdf.namespaces import PREFIXES  # noqa: E402

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
ACCEPT = "application/sparql-results+json"


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


def build(inputs: Path, work: Path) -> tuple[Path, Path]:
    """The kg store folder, and an Oxigraph folder loaded with the same quads (reused when
    ``work`` already holds both)."""
    kg_store, ox_store = work / "kg-store", work / "oxigraph-store"
    if (kg_store / "CURRENT").is_file() and (ox_store / "CURRENT").is_file():
        return kg_store, ox_store
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(inputs), "--store",
                    str(kg_store), "--workers", "2"], check=True, cwd=ROOT)
    dump = work / "graph.nq"
    subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(kg_store),
                    "-o", str(dump)], check=True, cwd=ROOT)
    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    subprocess.run([oxigraph, "load", "--location", str(ox_store), "--file", str(dump)],
                   check=True, stdout=subprocess.DEVNULL)
    return kg_store, ox_store


def probe(url: str, queries: dict[str, str], limit: float) -> dict[str, str]:
    """The queries kg serve answers within its time limit (a runaway one would only measure
    the limit; Oxigraph cannot stop it at all)."""
    kept = {}
    for name, query in queries.items():
        started = time.perf_counter()
        response = requests.post(url, data={"query": query}, headers={"Accept": ACCEPT},
                                 timeout=120)
        seconds = time.perf_counter() - started
        ok = response.status_code == 200 and seconds <= limit
        verdict = "kept" if ok else f"left out ({response.status_code}, over {limit:g} s)"
        print(f"  {name:32} {seconds:6.2f} s  {verdict}")
        if ok:
            kept[name] = query
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
    queries = {name: PROLOGUE + q.text for name, q in named_queries().items()}
    print(f"{len(queries)} named queries (parameters left unbound); {args.clients} clients, "
          f"{args.seconds:g} s per server; {os.cpu_count()} CPUs")
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    processes = []
    try:
        kg_store, ox_store = build(args.inputs, work)
        kg_port, ox_port = free_port(), free_port()
        servers = {
            "kg serve": ([sys.executable, "-m", "kg.cli", "serve", "--store", str(kg_store),
                          "--port", str(kg_port), "--timeout", "60",
                          "--max-rows", "1000000"], f"http://127.0.0.1:{kg_port}/sparql"),
            "oxigraph": ([shutil.which("oxigraph", path=str(Path(sys.executable).parent)),
                          "serve-read-only", "--location", str(ox_store), "--bind",
                          f"127.0.0.1:{ox_port}"],
                         f"http://127.0.0.1:{ox_port}/query"),
        }
        results = {}
        for name, (command, url) in servers.items():
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=ROOT)
            processes.append(process)
            wait_until_up(url, process)
            if name == "kg serve":
                queries = list(probe(url, queries, args.probe_timeout).values())
            hammer(url, queries, args.clients, 2)  # warm up
            results[name] = hammer(url, queries, args.clients, args.seconds)
            process.terminate()
            process.wait(30)
        print("\n| server | requests | errors | req/s | p50 ms | p95 ms |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, r in results.items():
            print(f"| {name} | {r['requests']} | {r['errors']} | {r['throughput']:.1f} | "
                  f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")
            if r["first_error"]:
                print(f"  first error: {r['first_error'][0]}")
        ratio = results["kg serve"]["throughput"] / results["oxigraph"]["throughput"]
        print(f"\nthroughput ratio kg serve / oxigraph = {ratio:.2f} (target >= 0.5)")
        return 0 if ratio >= 0.5 and not results["kg serve"]["errors"] else 1
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
