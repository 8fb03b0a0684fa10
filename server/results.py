"""SPARQL results as bytes in the W3C formats.

pyoxigraph's own writer (in Rust, several times faster) writes every result that fits the
row limit; it only takes a whole result, so it writes within a byte budget, and a result
past the budget or the limit is cut here and written by the Python writers below.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.formats import graph_result_formats

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Row = Sequence[object | None]  # pyoxigraph terms, None when unbound


def _json_term(term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            cell["datatype"] = term.datatype.value
        return cell
    return {"type": "triple", "value": str(term)}


def select_json(names: list[str], rows: list[Row]) -> bytes:
    bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                    f"{escape(term.value)}</literal>")
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'


def select_xml(names: list[str], rows: list[Row]) -> bytes:
    parts = [_XML_HEAD, "<head>"]
    parts += [f"<variable name={quoteattr(n)}/>" for n in names]
    parts.append("</head><results>")
    for row in rows:
        parts.append("<result>")
        parts += [f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                  for n, t in zip(names, row) if t is not None]
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts).encode("utf-8")


def select_csv(names: list[str], rows: list[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if t is None else _plain(t) for t in row])
    return out.getvalue().encode("utf-8")


def _plain(term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def select_tsv(names: list[str], rows: list[Row]) -> bytes:
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def ask_json(answer: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": answer}).encode("utf-8")


def ask_xml(answer: bool) -> bytes:
    value = "true" if answer else "false"
    return f"{_XML_HEAD}<head/><boolean>{value}</boolean></sparql>\n".encode()


NATIVE_SELECT = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                 "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


BYTES_PER_ROW = 2048  # the Rust writer's budget per allowed row, before the Python cut takes over


class _OverBudget(Exception):
    """The result grew past its byte budget while being written."""


class _Capped(io.RawIOBase):
    """A byte sink that refuses to grow past ``budget`` bytes."""

    def __init__(self, budget: int):
        super().__init__()
        self.budget = budget
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        if len(self.data) + len(chunk) > self.budget:
            raise _OverBudget
        self.data += chunk
        return len(chunk)


def native_select(solutions: ox.QuerySolutions, output: str, limit: int) -> bytes | None:
    """``solutions`` written by pyoxigraph, or None once they pass a budget for ``limit`` rows
    (the engine stops there: results are read lazily)."""
    sink = _Capped(BYTES_PER_ROW * (limit + 1))
    try:
        solutions.serialize(sink, NATIVE_SELECT[output])
    except _OverBudget:
        return None
    return bytes(sink.data)


def fits(body: bytes, output: str, limit: int) -> bool:
    """Whether a results document pyoxigraph wrote holds at most ``limit`` rows.

    Inside terms XML escapes '<' and TSV escapes line breaks, so there a tag or a line is a
    row; a JSON row takes at least 3 bytes ('{},'), so only a long JSON document is parsed.
    """
    if output == "xml":
        return body.count(b"<result>") <= limit
    if output == "tsv":
        return body.count(b"\n") - 1 <= limit
    if output == "json":
        return len(body) < 3 * limit or len(json.loads(body)["results"]["bindings"]) <= limit
    lines = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
    return sum(1 for _ in lines) - 1 <= limit


SELECT_WRITERS = {"json": select_json, "xml": select_xml, "csv": select_csv, "tsv": select_tsv}
ASK_WRITERS = {"json": ask_json, "xml": ask_xml,
               "csv": lambda a: f"_askResult\r\n{str(a).lower()}\r\n".encode(),
               "tsv": lambda a: f"?_askResult\n{str(a).lower()}\n".encode()}
GRAPH_FORMATS = {fmt.name: fmt.native for fmt in graph_result_formats()}
