"""What a SPARQL request asks for, read from its tokens before anything runs.

The server must refuse SERVICE, LOAD and FROM graphs it does not hold *before* the engine
sees the query (Oxigraph would fetch them). pyoxigraph exposes no algebra, so this is a
small lexer: strings, IRIs and comments are skipped exactly as the SPARQL grammar reads
them, and every keyword left over is visible. When in doubt it refuses: a false alarm
costs a 400, a miss would cost a network fetch.

Reading is linear in the text's length and bounded in size and time (MAX_CHARS,
MAX_SECONDS); the server runs it in a query worker, under the request's deadline.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kg.rdf.namespaces import PREFIX_IRIS

# Every repetition is possessive and every token's extent is decided without looking back,
# so reading is linear in the text's length (an unclosed string is refused, never rescanned).
_TOKEN = re.compile(r"""
    (?P<space>\s++)
  | (?P<comment>\#[^\n\r]*+)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*+>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*+'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*+\"\"\"
               |'(?:[^'\\\n\r]|\\.)*+'|"(?:[^"\\\n\r]|\\.)*+")
  | (?P<unclosed>['"])
  | (?P<var>[?$]\w++)
  | (?P<pname>(?:[^\W\d][\w.-]*+)?:(?:[\w:%.-]|\\.)*+)
  | (?P<run>[^\W\d][\w.-]*+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
# A run of name characters without a colon is words and punctuation ("true.SERVICE").
_WORDS = re.compile(r"(?P<word>[^\W\d]\w*+)|(?P<other>.)", re.DOTALL)
# SPARQL's VARNAME production: what may follow '?' in a variable.
_PN_CHARS_U = ("A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
               "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF"
               "\uFDF0-\uFFFD\U00010000-\U000EFFFF")
VARNAME = re.compile(f"[{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*")

MAX_CHARS = 2_000_000  # longer texts are refused before reading
MAX_SECONDS = 10.0  # reading stops past this, whatever the caller's own deadline
_CHECK_EVERY = 4096  # tokens between two looks at the clock
# Oxigraph's parser recurses per group: some thousands of nested brackets overflow its stack.
MAX_DEPTH = 256
_NESTING = {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}

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


def tokens(text: str, offsets: bool = False, seconds: float = MAX_SECONDS) -> list:
    """(kind, text) pairs, without spaces and comments; with ``offsets`` (kind, text, end).

    Refuses (UnsafeRequest) a text over MAX_CHARS, an unclosed string, and reading that
    takes longer than ``seconds``: the scanner bounds its own work, wherever it runs.
    """
    if len(text) > MAX_CHARS:
        raise UnsafeRequest(f"the text is longer than {MAX_CHARS} characters")
    deadline = time.monotonic() + seconds
    found: list = []
    for count, match in enumerate(_TOKEN.finditer(text)):
        if count % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise UnsafeRequest(f"reading the text took longer than {seconds:g} s")
        kind = match.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "unclosed":
            raise UnsafeRequest(f"unclosed string: the quote at character {match.start()} "
                                "has no end")
        if kind == "run":
            for part in _WORDS.finditer(match.group()):
                end = match.start() + part.end()
                found.append((part.lastgroup, part.group(), end) if offsets
                             else (part.lastgroup, part.group()))
            continue
        value = match.group()
        if kind == "pname" and value.endswith("."):  # a local name cannot end with '.'
            value = value.rstrip(".")
        found.append((kind, value, match.end()) if offsets else (kind, value))
    return found


def bind_values(text: str, values: dict[str, str]) -> str:
    """``text`` with ``VALUES ?name { term }`` opening its WHERE group, one per binding, and
    opening the group of every subquery that names the variable.

    ``values`` maps variable names to terms already written in SPARQL syntax by a
    serializer (pyoxigraph's ``str(term)``), never raw user text. Unlike a substitution,
    this binds variables the query does not project, as rdflib's initBindings do. A
    subquery's variables are its own (a VALUES outside it cannot narrow it), so a query can
    filter on a parameter inside a subquery, before its joins.
    Refuses (UnsafeRequest) a name that is not a SPARQL variable name, and a composed text
    that asks for something the original did not (another form, graph, SERVICE or LOAD).
    """
    if not values:
        return text
    for name in values:
        if not VARNAME.fullmatch(name):
            raise UnsafeRequest(f"'{name}' is not a SPARQL variable name")
    toks = tokens(text, offsets=True)
    words = [v.upper() if k == "word" else "" for k, v, _ in toks]
    form = next((i for i, word in enumerate(words) if word in QUERY_FORMS), None)
    if form is not None and words[form] != "CONSTRUCT":
        brace = _group_of(toks, form)
    else:
        start = words.index("WHERE") + 1 if "WHERE" in words else 0
        if "WHERE" not in words and "CONSTRUCT" in words:
            start = _after_group(toks, words.index("CONSTRUCT") + 1)
        brace = next((i for i in range(start, len(toks)) if toks[i][1] == "{"), None)
    if brace is None:
        raise UnsafeRequest("cannot find the query's WHERE group to bind variables in")
    inserts = {toks[brace][2]: list(values)}
    for select in (i for i in range(brace, len(toks)) if words[i] == "SELECT"):
        group = _group_of(toks, select)
        if group is None:
            continue
        named = {value[1:] for kind, value, _ in toks[group:_after_group(toks, group)]
                 if kind == "var"}
        inserts[toks[group][2]] = [name for name in values if name in named]
    bound = text
    for at in sorted(inserts, reverse=True):
        clause = " ".join(f"VALUES ?{name} {{ {values[name]} }}" for name in inserts[at])
        bound = f"{bound[:at]} {clause} {bound[at:]}" if clause else bound
    if read_request(bound) != read_request(text):  # a value that is not one term
        raise UnsafeRequest("a bound value changed what the query asks for")
    return bound


def _group_of(toks: list, i: int) -> int | None:
    """The index of the '{' opening the group of the query form at token ``i`` (the first
    brace outside the projection's brackets)."""
    depth = 0
    for j in range(i + 1, len(toks)):
        kind, value = toks[j][0], toks[j][1]
        if kind != "other":
            continue
        if value == "(":
            depth += 1
        elif value == ")":
            depth -= 1
        elif value == "{" and depth == 0:
            return j
    return None


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
    i = depth = 0
    while i < len(toks):
        kind, value = toks[i]
        if kind == "other":
            depth += _NESTING.get(value, 0)
            if depth > MAX_DEPTH:
                raise UnsafeRequest(f"brackets nested deeper than {MAX_DEPTH}")
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


def refuse_unsafe(info: RequestText) -> None:
    """UnsafeRequest for an update, SERVICE or LOAD: what a read-only server that never
    fetches anything must not run (``info`` read from the exact text to be run)."""
    if info.is_update:
        raise UnsafeRequest("this is an update: send it to /sparql as "
                            "application/sparql-update or as the form field 'update'")
    if info.service or info.load:
        word = "SERVICE" if info.service else "LOAD"
        raise UnsafeRequest(f"{word} is refused: this endpoint never fetches anything "
                            "from the network")


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
