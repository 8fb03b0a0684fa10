"""PolNeAR dev articles as `.txt` files with a `key: value` header from its metadata table,
so a build has headlines, outlets, dates and authors (the page tests and page timings use it)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from benchmarks.common import ROOT

POLNEAR = ROOT.parent / "shared" / "polnear"
DEV_TEXT = POLNEAR / "dev" / "text"
METADATA = POLNEAR / "metadata.tsv"
_FIELDS = {"title": "title", "publisher": "publisher", "date": "publication_date",
           "author": "author"}


def write_dev_articles(out: Path, names: Iterable[str] | None = None) -> Path:
    """Write the dev articles (all, or those file stems) with headers into ``out``."""
    with METADATA.open(encoding="utf-8", newline="") as table:
        records = {r["filename"]: r for r in csv.DictReader(table, delimiter="\t")}
    wanted = set(names) if names is not None else None
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(DEV_TEXT.glob("*.txt")):
        if wanted is not None and path.stem not in wanted:
            continue
        record = records.get(path.stem, {})
        header = [f"{key}: {' '.join(record[column].split())}"
                  for key, column in _FIELDS.items()
                  if record.get(column) and record[column] != "None"]
        body = path.read_text(encoding="utf-8")
        (out / path.name).write_text("\n".join(header) + "\n\n" + body if header else body,
                                     encoding="utf-8")
    return out
