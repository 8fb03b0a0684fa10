"""How each kind of node and relation looks: one table the page, legend and filters share."""

from __future__ import annotations

from dataclasses import dataclass

from kg.rdf.namespaces import NKG, SCHEMA


@dataclass(frozen=True)
class Kind:
    label: str  # plural, for the legend and notices
    colour: str
    shape: str


# Shapes are those vis-network scales by degree (label below, not inside).
# Order matters: a node takes the first kind whose RDF type it has (an official is a person).
KINDS: dict[str, Kind] = {
    "official": Kind("officials", "#d62728", "star"),
    "outlet": Kind("outlets", "#2ca02c", "square"),
    "person": Kind("people", "#1f77b4", "dot"),
    "organisation": Kind("organisations", "#9467bd", "diamond"),
    "article": Kind("articles", "#ff7f0e", "hexagon"),
    "quote": Kind("quotes", "#8c8c8c", "triangleDown"),
    "place": Kind("places", "#17becf", "triangle"),
}

KIND_TYPES = {
    "official": (NKG.Official,),
    "outlet": (SCHEMA.NewsMediaOrganization,),
    "person": (SCHEMA.Person,),
    "organisation": (SCHEMA.Organization, SCHEMA.GovernmentOrganization),
    "article": (SCHEMA.NewsArticle,),
    "quote": (SCHEMA.Quotation,),
    "place": (SCHEMA.Place,),
}

# The relations the graph exists for, by the label shown on edges.
RELATIONS = {
    "said": NKG.said,
    "published": NKG.published,
    "reacted to": NKG.reactedTo,
    "mentions": SCHEMA.mentions,
}
RELATION_COLOURS = {
    "said": "#1f77b4",
    "published": "#2ca02c",
    "reacted to": "#d62728",
    "mentions": "#c7c7c7",
}


def kind_of(rdf_types: set) -> str | None:
    """The first kind (in KINDS order) whose RDF types the node has."""
    for kind, types in KIND_TYPES.items():
        if any(t in rdf_types for t in types):
            return kind
    return None


def legend() -> list[dict[str, str]]:
    """Plain data the page turns into the legend (it never becomes HTML unescaped)."""
    nodes = [{"kind": k, "label": v.label, "colour": v.colour, "shape": v.shape}
             for k, v in KINDS.items()]
    edges = [{"kind": "edge", "label": name, "colour": RELATION_COLOURS[name], "shape": "line"}
             for name in RELATIONS]
    return nodes + edges
