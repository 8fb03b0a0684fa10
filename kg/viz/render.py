"""Subgraph -> pyvis network -> one HTML page that needs nothing from the network.

pyvis's own template loads Bootstrap (and, by default, vis-network) from CDNs and
renders tooltips as HTML when they contain "href"; so the nodes and edges are built
with pyvis but the page comes from our template: vis-network's files shipped inside
the pyvis package, our script and style, and the graph as an inert JSON data block.
Strings from articles only ever reach the DOM as text (see static/graph.js).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from kg.viz.filters import Filters
from kg.viz.select import Subgraph
from kg.viz.style import KINDS, RELATION_COLOURS, RELATIONS, legend

LABEL_LENGTH = 40
HERE = Path(__file__).resolve().parent
VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
ASSETS: dict[str, Path] = {
    "vis-network.min.js": VIS_DIR / "vis-network.min.js",
    "vis-network.css": VIS_DIR / "vis-network.css",
    "graph.js": HERE / "static" / "graph.js",
    "graph.css": HERE / "static" / "graph.css",
}
SCRIPTS = ("vis-network.min.js", "graph.js")
STYLES = ("vis-network.css", "graph.css")

_TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"),
                         autoescape=select_autoescape(default=True))
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no '</script>', no '<!--', no entities."""
    return json.dumps(value, ensure_ascii=False).translate(_JSON_ESCAPES)


def clip(text: str, length: int = LABEL_LENGTH) -> str:
    """One line of at most ``length`` characters, for labels drawn on the canvas."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def iri_link(iri: str) -> str | None:
    """In a file, the entity page is the IRI itself (it resolves when the server runs at
    the base); anything but http(s) gets no link at all."""
    return iri if urlsplit(iri).scheme in ("http", "https") else None


def path_link(iri: str) -> str | None:
    """On the server, the entity page is the IRI's path on this server (/id/person/...)."""
    return (urlsplit(iri).path or None) if iri_link(iri) else None


def tooltip(label: str, details: Mapping[str, list[str]]) -> str:
    """Plain text (vis-network shows a string title with innerText, never as HTML)."""
    lines = [label]
    for name, values in details.items():
        if name in ("label", "text") or not values:
            continue
        shown = ", ".join(clip(v, 120) for v in values[:5])
        more = f" (+{len(values) - 5} more)" if len(values) > 5 else ""
        lines.append(f"{name.replace('_', ' ')}: {shown}{more}")
    return "\n".join(lines)


def _edge_tooltip(relation: str, data: Mapping) -> str:
    lines = [relation]
    if data["articles"]:
        lines.append("stated in: " + ", ".join(sorted(data["articles"])[:5]))
    if data["dates"]:
        lines.append("date: " + ", ".join(sorted(data["dates"])))
    return "\n".join(lines)


def vis_options(node_count: int) -> dict:
    """Physics that settles quickly and then stops (graph.js switches it off); big graphs
    get fewer iterations so 500 nodes settle in well under 3 s (benchmarks/viz_render.py)."""
    return {
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 100},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "damping": 0.6, "avoidOverlap": 0},
            "minVelocity": 2.0,
            "stabilization": {"enabled": True, "updateInterval": 50, "fit": True,
                              "iterations": max(100, min(300, 30_000 // max(node_count, 1)))},
        },
        "nodes": {"scaling": {"min": 8, "max": 36}, "font": {"size": 13}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 9, "align": "middle", "color": "#666"}},
        "interaction": {"hover": True, "tooltipDelay": 150,
                        "hideEdgesOnDrag": node_count > 200},
    }


def network(subgraph: Subgraph, link_for: Callable[[str], str | None] = iri_link) -> Network:
    """The pyvis network: typed, coloured nodes sized by degree; labelled relation edges."""
    net = Network(directed=True)  # only its node and edge lists: the page is ours
    graph = subgraph.graph
    for node, data in graph.nodes(data=True):
        kind = KINDS[data["kind"]]
        net.add_node(node, label=clip(data["label"]), title=tooltip(data["label"], data["details"]),
                     color=kind.colour, shape=kind.shape, value=data["degree"],
                     kind=data["kind"], degree=data["degree"],
                     fullLabel=data["label"], details=data["details"], link=link_for(node),
                     borderWidth=3 if node in subgraph.focus else 1)
    for source, target, relation, data in graph.edges(keys=True, data=True):
        net.add_edge(source, target, label=relation, title=_edge_tooltip(relation, data),
                     color=RELATION_COLOURS[relation], relation=relation)
    net.options = vis_options(graph.number_of_nodes())
    return net


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline_csp(scripts: list[str], styles: list[str]) -> str:
    """For a file: only these exact inline scripts and styles may run, nothing is fetched."""
    return (f"default-src 'none'; script-src {' '.join(map(_csp_hash, scripts))}; "
            f"style-src {' '.join(map(_csp_hash, styles))}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _form(filters: Filters, action: str) -> dict:
    return {"action": action, "focus": filters.focus or "", "depth": filters.depth,
            "relations": filters.relations, "relation_names": list(RELATIONS),
            "types": filters.types or frozenset(KINDS), "type_names": list(KINDS),
            "since": filters.since or "", "until": filters.until or "",
            "min_degree": filters.min_degree, "limit": filters.limit}


def query_params(filters: Filters) -> dict[str, str]:
    """The filters as a query string (without focus), for refocusing on the server."""
    params = {"depth": str(filters.depth), "min_degree": str(filters.min_degree),
              "limit": str(filters.limit)}
    if filters.relations:
        params["relations"] = ",".join(sorted(filters.relations))
    if filters.types:
        params["types"] = ",".join(sorted(filters.types))
    for name in ("since", "until"):
        if getattr(filters, name):
            params[name] = getattr(filters, name)
    return params


def page_html(subgraph: Subgraph, title: str = "newskg graph",
              asset_url: Callable[[str], str] | None = None, page_url: str | None = None,
              link_for: Callable[[str], str | None] = iri_link, error: str | None = None) -> str:
    """The page. Without ``asset_url`` every script and style is inlined (a file that works
    offline, guarded by a hash-based CSP); with it they are fetched from the server, and
    ``page_url`` makes the filter form and double-click refocus ask the server."""
    net = network(subgraph, link_for)
    filters = subgraph.filters
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options,
            "legend": legend(), "depth": max(1, filters.depth),
            "refocus": {"url": page_url, "params": query_params(filters)} if page_url else None}
    if asset_url is None:
        scripts = [ASSETS[name].read_text(encoding="utf-8") for name in SCRIPTS]
        styles = [ASSETS[name].read_text(encoding="utf-8") for name in STYLES]
        script_items = [{"text": text} for text in scripts]
        style_items = [{"text": text} for text in styles]
        csp = inline_csp(scripts, styles)
    else:
        script_items = [{"url": asset_url(name)} for name in SCRIPTS]
        style_items = [{"url": asset_url(name)} for name in STYLES]
        csp = None
    return _TEMPLATES.get_template("graph.html").render(
        title=title, csp=csp, styles=style_items, scripts=script_items,
        notice=subgraph.notice, error=error, data_json=script_json(data),
        form=_form(filters, page_url) if page_url else None)
