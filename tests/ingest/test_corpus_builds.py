"""Corpora built as a user would: PolNeAR texts with their metadata table, and AllSides
records read straight from the gzip file with `--field`."""

from __future__ import annotations

import csv
import gzip
import json
from itertools import islice
from pathlib import Path

import pytest

from kg.api import open_dataset
from kg.cli import main
from kg.extract.outlets import outlet_name

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
POLNEAR = SHARED / "polnear"
ALLSIDES = SHARED / "allsides" / "train.jsonl.gz"

ARTICLES = """SELECT ?id ?headline ?date ?outlet WHERE {
  ?a a nif:Context ; dcterms:identifier ?id .
  OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?o nkg:published ?a ; rdfs:label ?outlet }
}"""


def built(store: Path) -> dict[str, dict[str, str | None]]:
    """Article id -> headline, date, outlet, as the graph holds them."""
    dataset = open_dataset(store)
    try:
        return {str(row.id): {"headline": row.headline and str(row.headline),
                              "date": row.date and str(row.date),
                              "outlet": row.outlet and str(row.outlet)}
                for row in dataset.query(ARTICLES)}
    finally:
        dataset.close()


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="needs ../shared/polnear")
def test_polnear_texts_with_metadata_get_outlet_date_and_headline(tmp_path, capsys, nlp):
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as handle:
        rows = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    texts = sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    one_per_publisher = {rows[path.stem]["publisher"]: path for path in reversed(texts)}
    chosen = sorted(one_per_publisher.values())[:5]
    store = tmp_path / "store"
    argv = ["build", *map(str, chosen), "--metadata", str(POLNEAR / "metadata.tsv"),
            "--store", str(store), "--quiet"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "5 articles built" in out and "0 skipped" in out
    assert "metadata: 5 articles joined" in err
    graph = built(store)
    assert sorted(graph) == sorted(path.stem for path in chosen)
    for article_id, found in graph.items():
        row = rows[article_id]
        assert found == {"headline": row["title"], "date": row["publication_date"],
                         "outlet": outlet_name(row["publisher"])}, article_id


@pytest.mark.skipif(not ALLSIDES.is_file(), reason="needs ../shared/allsides")
def test_allsides_records_read_from_gzip_with_fields(tmp_path, capsys, nlp):
    with gzip.open(ALLSIDES, "rb") as handle:
        first = list(islice(handle, 20))
    sample = tmp_path / "first20.jsonl.gz"
    sample.write_bytes(gzip.compress(b"".join(first)))
    store = tmp_path / "store"
    assert main(["build", str(sample), "--field", "text=content_original",
                 "--field", "publisher=source", "--store", str(store), "--quiet"]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    records = [json.loads(line) for line in first]
    with_text = [r for r in records if r["content_original"].strip()]
    assert summary.startswith(f"{len(with_text)} articles built, 0 unchanged, "
                              f"{len(records) - len(with_text)} skipped")
    assert " quotes found, " in summary and " quads written in " in summary
    graph = built(store)
    assert sorted(graph) == sorted(r["ID"] for r in with_text)
    for record in with_text:
        found = graph[record["ID"]]
        assert found["headline"] == record["title"].strip()
        assert found["date"] == (record["date"] or None)
        assert found["outlet"] == (outlet_name(record["source"]) or record["source"])
    outlets = {found["outlet"] for found in graph.values()}
    assert {"The New York Times", "Breitbart News", "Politico"} <= outlets
