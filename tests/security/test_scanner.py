"""Issue 14, item 2: the query-text scanner is linear, bounds its own size and time, and runs
in a query worker under the request's deadline (not in the web process)."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
import requests

from kg.sparql_text import MAX_CHARS, MAX_DEPTH, UnsafeRequest, read_request, tokens

# The issue's reproduction: 12 s of web-process CPU before the fix.
ESCAPED_QUOTES = 'ASK {} "' + '\\"' * 20_000

# Texts built to make a backtracking lexer rescan: each is ~n characters long.
ADVERSARIAL = {
    "escaped quotes": lambda n: 'ASK {} "' + '\\"' * (n // 2),
    "long string": lambda n: "ASK {} '''" + "\\'" * (n // 2),
    "dotted names": lambda n: "ASK {} " + "a." * (n // 2),
    "less-than": lambda n: "ASK { FILTER(" + "<a" * (n // 2) + ") }",
    "prefixed names": lambda n: "ASK {} " + "a.a:" * (n // 4),
    "braces": lambda n: "ASK " + "{" * n,
}


def _seconds(text: str) -> float:
    started = time.perf_counter()
    with contextlib.suppress(UnsafeRequest):
        read_request(text)
    return time.perf_counter() - started


def test_the_issues_body_is_read_at_once():
    started = time.perf_counter()
    with pytest.raises(UnsafeRequest, match="unclosed string"):
        read_request(ESCAPED_QUOTES)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_reading_is_linear(kind):
    """Four times the text takes about four times as long (a rescanning lexer: sixteen);
    0.1 s of slack for texts read in milliseconds, where the clock's noise dominates."""
    make = ADVERSARIAL[kind]
    small = min(_seconds(make(10_000)) for _ in range(3))
    large = min(_seconds(make(40_000)) for _ in range(2))  # the old lexer: ~50 s each
    assert large < 10 * small + 0.1, (small, large)


def test_the_scanner_bounds_its_size_and_time():
    with pytest.raises(UnsafeRequest, match="longer than"):
        tokens("#" * (MAX_CHARS + 1))
    with pytest.raises(UnsafeRequest, match="took longer than"):
        tokens("{ " * 200_000, seconds=0.001)


@pytest.mark.parametrize("opening, closing", [("{", "}"), ("(", ")"), ("[", "]")])
def test_nesting_that_would_overflow_the_parser_is_refused(opening, closing):
    """Oxigraph's parser recurses once per group; 5,000 nested groups kill its process."""
    deep = MAX_DEPTH + 1
    with pytest.raises(UnsafeRequest, match="nested deeper"):
        read_request(f"SELECT * {{ FILTER {opening * deep}1{closing * deep} }}")
    assert read_request(f"ASK {'{' * MAX_DEPTH}{'}' * MAX_DEPTH}").form == "ASK"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


@pytest.mark.slow
def test_reading_runs_in_a_worker_under_the_time_limit(store_dir, serve):
    """Big bodies cost the workers' time, not the web process's, and come back in time."""
    process, url = serve(store_dir, "--timeout", "20")
    body = "ASK " + "{ " * 490_000  # just under the 1 MB body limit
    before = _cpu_seconds(process.pid)
    for text in (ESCAPED_QUOTES, body, body):
        started = time.monotonic()
        response = requests.post(url + "/sparql", data=text.encode(), timeout=60,
                                 headers={"Content-Type": "application/sparql-query"})
        assert response.status_code in (400, 503), response.text[:200]
        assert time.monotonic() - started < 20 + 2
    assert _cpu_seconds(process.pid) - before < 0.5
