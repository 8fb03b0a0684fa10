"""Named SPARQL queries (queries/*.rq) and running queries with bound variables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.sparql_text import VARNAME, UnsafeRequest, bind_values

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)


class QueryError(ValueError):
    """A query that cannot run: bad syntax, unknown name, bad variable."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[tuple[str, str], ...]  # (variable name, what to give)
    text: str


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    title, description, params = path.stem, "", []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        else:
            name, _, help_text = value.partition(" ")
            params.append((name.lstrip("?$"), help_text.strip(" -—:")))
    return NamedQuery(path.stem, title, description, tuple(params), text)


def named_queries(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    return {path.stem: _parse(path) for path in sorted(directory.glob("*.rq"))}


def named_query(name: str, directory: Path = QUERY_DIR) -> NamedQuery:
    queries = named_queries(directory)
    if name not in queries:
        raise QueryError(f"no named query '{name}' (known: {', '.join(queries)})")
    return queries[name]


def parse_bindings(pairs: list[str]) -> dict[str, URIRef | Literal]:
    """``name=value`` pairs; a value in <...> or starting with http(s):// is an IRI.

    Names must be SPARQL variable names: they are written into the query text.
    """
    bindings: dict[str, URIRef | Literal] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.lstrip("?$")
        if not sep or not name:
            raise QueryError(f"variable '{pair}' is not of the form name=value")
        if not VARNAME.fullmatch(name):
            raise QueryError(f"'{name}' is not a SPARQL variable name")
        if value.startswith("<") and value.endswith(">"):
            bindings[name] = URIRef(value[1:-1])
        elif value.startswith(("http://", "https://")):
            bindings[name] = URIRef(value)
        else:
            bindings[name] = Literal(value)
    return bindings


def bind_variables(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """The query with VALUES blocks opening its WHERE group and every subquery that names
    the variable.

    Filters inside the WHERE group see the values (Oxigraph only substitutes
    projected variables, and a trailing VALUES joins after the filters ran); a named
    query can filter on a parameter inside a subquery, before its joins.
    """
    try:
        return bind_values(text, {name: value.n3() for name, value in bindings.items()})
    except UnsafeRequest as error:
        raise QueryError(str(error)) from error


def run_query(dataset: Dataset, text: str,
              bindings: dict[str, URIRef | Literal] | None = None) -> Result:
    """Run SPARQL over the union of the article graphs; syntax errors become QueryError."""
    try:
        result = dataset.query(bind_variables(text, bindings or {}))
        if result.type == "SELECT":
            result.bindings = list(result.bindings)
        return result
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from error
    except ValueError as error:
        raise QueryError(str(error)) from error
