"""Saved web pages (``.html``/``.htm``): main text and metadata via trafilatura.

Boilerplate (menus, footers, ads) would pollute the graph, so only the main
text is kept. trafilatura only parses the string it is given: no network.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.ingest.article import Article, InputProblem
from kg.ingest.common import normalise_date, optional_str, read_file_text, split_authors


def read_html(path: str | Path) -> Iterator[Article | InputProblem]:
    """Yield the article extracted from one HTML file, or why there is none."""
    source = str(path)
    content = read_file_text(path)
    if isinstance(content, InputProblem):
        yield content
        return
    import trafilatura  # here: a build of text files need not load it (0.1-0.2 s)

    try:
        doc = trafilatura.bare_extraction(content, with_metadata=True)
    except Exception as err:  # third-party parser on arbitrary input: never stop the run
        yield InputProblem(source, f"could not parse HTML: {err}")
        return
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        yield InputProblem(source, "no article text found in the HTML")
        return
    yield Article(
        id=Path(path).stem,
        text=text,
        source=source,
        title=optional_str(doc.title),
        url=optional_str(doc.url),
        publisher=optional_str(doc.sitename),
        date=normalise_date(doc.date),
        authors=split_authors(doc.author),
    )
