"""What a SPARQL request asks for, read from its tokens before anything runs.

The server must refuse SERVICE, LOAD and FROM graphs it does not hold *before* the engine
sees the query (Oxigraph would fetch them). pyoxigraph exposes no algebra, so this is a
small lexer: strings, IRIs and comments are skipped exactly as the SPARQL grammar reads
them, and every keyword left over is visible. When in doubt it refuses: a false alarm
costs a 400, a miss would cost a network fetch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kg.rdf.namespaces import PREFIX_IRIS

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w:%.-]|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                "WITH")


class UnsafeRequest(ValueError):
    """A request the server refuses to run (it would reach the network, or is malformed)."""


@dataclass
class RequestText:
    """The facts about a query or update the server decides on."""

    form: str | None = None  # SELECT, ASK, ... or an update keyword
    from_graphs: list[str] = field(default_factory=list)
    from_named_graphs: list[str] = field(default_factory=list)
    service: bool = False
    load: bool = False

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_FORMS


def tokens(text: str, offsets: bool = False) -> list:
    """(kind, text) pairs, without spaces and comments; with ``offsets`` (kind, text, end)."""
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            value = match.group()
            if kind == "pname" and value.endswith("."):  # a local name cannot end with '.'
                value = value.rstrip(".")
            found.append((kind, value, match.end()) if offsets else (kind, value))
    return found


def bind_values(text: str, values: dict[str, str]) -> str:
    """``text`` with ``VALUES ?name { term }`` opening its WHERE group, one per binding.

    ``values`` maps variable names to terms already written in SPARQL syntax by a
    serializer (pyoxigraph's ``str(term)``), never raw user text. Unlike a substitution,
    this binds variables the query does not project, as rdflib's initBindings do.
    """
    if not values:
        return text
    toks = tokens(text, offsets=True)
    words = [v.upper() if k == "word" else "" for k, v, _ in toks]
    start = words.index("WHERE") + 1 if "WHERE" in words else 0
    if "WHERE" not in words and "CONSTRUCT" in words:
        start = _after_group(toks, words.index("CONSTRUCT") + 1)
    brace = next((i for i in range(start, len(toks)) if toks[i][1] == "{"), None)
    if brace is None:
        raise UnsafeRequest("cannot find the query's WHERE group to bind variables in")
    at = toks[brace][2]
    clause = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in values.items())
    return f"{text[:at]} {clause} {text[at:]}"


def _after_group(toks: list, i: int) -> int:
    """The index after the balanced {...} group starting at token ``i``."""
    depth = 0
    for j in range(i, len(toks)):
        depth += {"{": 1, "}": -1}.get(toks[j][1], 0)
        if depth == 0:
            return j + 1
    return len(toks)


def read_request(text: str) -> RequestText:
    """Classify ``text`` and collect the graphs its dataset clauses name."""
    toks = tokens(text)
    info = RequestText()
    prefixes = dict(PREFIX_IRIS)
    base = ""
    i = 0
    while i < len(toks):
        kind, value = toks[i]
        word = value.upper() if kind == "word" else ""
        if word == "BASE" and i + 1 < len(toks) and toks[i + 1][0] == "iri":
            base = urljoin(base, toks[i + 1][1][1:-1])
            i += 2
            continue
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 2][0] == "iri":
            prefixes[toks[i + 1][1].rstrip(":")] = urljoin(base, toks[i + 2][1][1:-1])
            i += 3
            continue
        if word and info.form is None and word in QUERY_FORMS + UPDATE_FORMS:
            info.form = word
        if word == "SERVICE":
            info.service = True
        elif word == "LOAD":
            info.load = True
        elif word == "FROM":
            named = i + 1 < len(toks) and toks[i + 1][1].upper() == "NAMED"
            at = i + 2 if named else i + 1
            target = toks[at] if at < len(toks) else None
            iri = _resolve(target, prefixes, base)
            (info.from_named_graphs if named else info.from_graphs).append(iri)
            i += 3 if named else 2
            continue
        i += 1
    return info


def _resolve(token: tuple[str, str] | None, prefixes: dict[str, str], base: str) -> str:
    if token is None:
        raise UnsafeRequest("FROM must name a graph")
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1])
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    raise UnsafeRequest(f"cannot tell which graph FROM {value} names")
