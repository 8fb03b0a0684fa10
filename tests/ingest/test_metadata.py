"""A metadata table joined onto articles by id (``--metadata FILE``)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from kg.extract.outlets import outlet_name
from kg.ingest import FieldMap, InputError, InputProblem, read_articles, read_metadata

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "polnear"
BODY = "Senate passes the bill\n\nThe senator said the bill would pass.\n"


def texts(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(BODY, encoding="utf-8")
    return folder


def join(inputs: Path, table: Path, fields: FieldMap | None = None):
    metadata = read_metadata(table, fields)
    problems: list[InputProblem] = []
    articles = {a.id: a for a in read_articles([inputs], problems, fields, metadata)}
    return articles, metadata, problems


ROWS = [{"id": "a", "title": "Senate Passes the Bill", "publisher": "nyt",
         "date": "2016-09-12", "author": "Ann Author; Bob Writer", "url": "https://x.example/a"},
        {"id": "b.txt", "title": "B", "publisher": "", "date": "not a date", "author": "",
         "url": ""}]


def write_table(path: Path, rows: list[dict], delimiter: str = ",") -> Path:
    if path.name.endswith((".jsonl", ".jsonl.gz")):
        data = "".join(json.dumps(row) + "\n" for row in rows).encode()
    else:
        lines = [delimiter.join(rows[0])] + [delimiter.join(row.values()) for row in rows]
        data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize("name, delimiter", [
    ("meta.csv", ","), ("meta.tsv", "\t"), ("meta.jsonl", ""), ("meta.tsv.gz", "\t"),
    ("meta.jsonl.gz", ""),
])
def test_every_table_format_joins_by_file_stem(tmp_path: Path, name: str, delimiter: str):
    folder = texts(tmp_path / "texts", "a", "b", "c")
    table = write_table(tmp_path / name, ROWS, delimiter)
    articles, metadata, problems = join(folder, table)
    assert problems == [] and metadata.problems == []
    a = articles["a"]
    assert (a.title, a.publisher, a.date, a.url) == (
        "Senate Passes the Bill", "nyt", "2016-09-12", "https://x.example/a")
    assert a.authors == ("Ann Author", "Bob Writer")
    assert a.text == BODY and a.text[: a.headline_end] == "Senate passes the bill"
    b = articles["b"]  # "b.txt" in the table; blank cells leave the file's values
    assert (b.title, b.publisher, b.date, b.authors) == ("B", None, None, ())
    assert b.headline_end == len("Senate passes the bill")  # the first line still reads as one
    assert (metadata.joined, metadata.unmatched) == (2, ["c"])


def test_table_wins_over_the_files_own_header(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("title: Old\npublisher: Old Outlet\n\nBody said.\n")
    table = write_table(tmp_path / "m.csv", [{"id": "a", "title": "New", "publisher": "CNN"}])
    articles, _, _ = join(folder, table)
    assert (articles["a"].title, articles["a"].publisher) == ("New", "CNN")


def test_field_map_names_the_tables_columns(tmp_path: Path) -> None:
    folder = texts(tmp_path / "texts", "a")
    table = write_table(tmp_path / "m.csv", [{"File": "a", "Outlet": "Politico", "When":
                                              "2016-10-01T09:00:00Z"}])
    fields = FieldMap.parse(["id=File", "publisher=Outlet", "date=when"])
    articles, metadata, _ = join(folder, table, fields)
    assert (articles["a"].publisher, articles["a"].date) == ("Politico", "2016-10-01")


def test_a_table_without_an_id_column_says_how_to_name_it(tmp_path: Path) -> None:
    table = write_table(tmp_path / "m.csv", [{"name": "a", "title": "T"}])
    metadata = read_metadata(table)
    assert metadata.rows == {}
    [problem] = metadata.problems
    assert "no 'id' or 'filename' column (found: name, title)" in problem.reason
    assert "--field id=" in problem.reason


def test_bad_rows_are_problems_and_the_first_duplicate_wins(tmp_path: Path) -> None:
    table = tmp_path / "m.jsonl"
    table.write_text('{"id": "a", "title": "First"}\n{"title": "no id"}\n{oops\n'
                     '{"id": "a", "title": "Second"}\n')
    metadata = read_metadata(table)
    assert metadata.rows == {"a": {"title": "First"}}
    assert [(p.source, p.reason.split(" (")[0].split(":")[0]) for p in metadata.problems] == [
        (f"{table}:2", "metadata row has no id"),
        (f"{table}:3", "malformed JSON"),
        (f"{table}:4", "duplicate id 'a'"),
    ]


@pytest.mark.parametrize("name, message", [
    ("missing.csv", "metadata file does not exist"),
    ("meta.xlsx", "unsupported metadata file type"),
])
def test_table_path_mistakes_are_user_errors(tmp_path: Path, name: str, message: str):
    if name.endswith(".xlsx"):
        (tmp_path / name).write_bytes(b"PK")
    with pytest.raises(InputError, match=message):
        read_metadata(tmp_path / name)


def test_a_table_inside_the_input_folder_is_not_read_as_articles(tmp_path: Path) -> None:
    folder = texts(tmp_path, "a")
    table = write_table(folder / "meta.csv", [{"id": "a", "title": "T"}])
    articles, _, problems = join(folder, table)
    assert list(articles) == ["a"] and problems == []


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="needs ../shared/polnear")
def test_polnear_dev_gets_outlet_date_and_headline_for_every_article() -> None:
    """All 84 dev articles, no parsing: the join, the outlet codes and the headline lines."""
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as handle:
        rows = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    articles, metadata, problems = join(POLNEAR / "dev" / "text", POLNEAR / "metadata.tsv")
    assert problems == [] and metadata.problems == [] and metadata.unmatched == []
    assert len(articles) == metadata.joined == 84
    expected_outlets = {"breitbart": "Breitbart News", "huff-post": "HuffPost",
                        "nyt": "The New York Times", "wash-post": "The Washington Post",
                        "west-journal": "Western Journalism", "usa-today": "USA Today",
                        "politico": "Politico"}
    for article_id, article in articles.items():
        row = rows[article_id]
        assert outlet_name(article.publisher) == expected_outlets[row["publisher"]]
        assert article.date == row["publication_date"]
        assert article.title == row["title"]
        assert article.headline_end > 0, article_id
        assert not article.text[article.headline_end :].startswith(" ")
        assert article.text == (POLNEAR / "dev" / "text" / f"{article_id}.txt").read_text(
            encoding="utf-8-sig")
