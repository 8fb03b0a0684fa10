"""How the query page lays out a result table: an IRI variable and its name variable
(``?speaker`` with ``?speakerName``, or ``?person`` followed by ``?name``) become one column,
the name linked to the IRI's page, so nobody reads a speaker twice (name, then slug)."""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZE = 100
_SUFFIXES = ("Name", "Label", "_name", "_label")
_BARE = ("name", "label")


@dataclass(frozen=True)
class Column:
    title: str
    value: int  # index of the cell shown (linked when it is an IRI)
    label: int | None = None  # index of the cell whose text is shown instead


def columns(names: list[str]) -> list[Column]:
    """The table's columns, each IRI variable merged with its name variable."""
    label_of: dict[int, int] = {}
    for i, name in enumerate(names):
        for suffix in _SUFFIXES:
            if name + suffix in names:
                label_of[i] = names.index(name + suffix)
                break
        else:
            if i + 1 < len(names) and names[i + 1] in _BARE:
                label_of[i] = i + 1
    iri_of = {label: iri for iri, label in label_of.items() if label not in label_of}
    out, shown = [], set()
    for i in range(len(names)):
        # a merged pair sits where the first of its two variables is
        iri = iri_of.get(i, i)
        if iri in shown:
            continue
        shown.add(iri)
        label = label_of.get(iri) if iri in label_of and label_of[iri] in iri_of else None
        out.append(Column(names[iri], iri, label))
    return out
