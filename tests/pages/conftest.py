"""A small PolNeAR dev build (ten articles, Trump's most quoted among them, headers from the
metadata table; one without any header; one with bidi controls), served by the real app."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from benchmarks.dev_articles import DEV_TEXT, write_dev_articles
from kg.rdf.namespaces import PREFIX_IRIS
from server import create_app
from tests.viz.conftest import browser, serve  # noqa: F401  (the viz tests' Chromium, server)

WITH_HEADERS = [
    "breitbart_2016-09-30_the-latest-trump-urges-supporter",
    "breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-",
    "nyt_2016-09-30_keep-the-returns-trump-just-give",
    "wash-post_2016-09-29_the-real-trump-showed-up-at-deba",
    "wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en",
    "huff-post_2016-09-27_hillary-clinton-goes-after-donal",
    "politico_2016-10-04_trump-not-walking-the-walk-on-hi",
    "usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p",
]
NO_HEADER = "west-journal_2016-10-04_railing-against-trump-sanders-vo"
BIDI = "bidi-override"
BIDI_TEXT = ("title: Mayor \u202eSAYS NOTHING\u202c reversed\npublisher: The Bidi Times\n"
             "date: 2016-10-05\n\n"
             "Mayor Ann \u202eLee\u202c spoke on Monday. \"We will rebuild the bridge,\" "
             "Mayor Ann Lee said.\n")


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory, nlp) -> Path:
    texts = write_dev_articles(tmp_path_factory.mktemp("dev-text"), WITH_HEADERS)
    (texts / f"{NO_HEADER}.txt").write_text((DEV_TEXT / f"{NO_HEADER}.txt").read_text("utf-8"),
                                            encoding="utf-8")
    (texts / f"{BIDI}.txt").write_text(BIDI_TEXT, encoding="utf-8")
    store = tmp_path_factory.mktemp("dev-store") / "graph"
    kg.build([texts], store=store).close()  # release the store's lock for the server
    return store


@pytest.fixture(scope="session")
def dev_select(dev_store):
    """dev_select(query) -> rows as {name: value}: the store read in-process, for the
    answers a page should show."""
    store = ox.Store.read_only(str(dev_store))

    def select(query: str) -> list[dict[str, str | None]]:
        answer = store.query(query, prefixes=PREFIX_IRIS)
        names = [v.value for v in answer.variables]
        return [{n: None if row[n] is None else row[n].value for n in names} for row in answer]

    return select


@pytest.fixture(scope="module")
def site(dev_store, serve):  # noqa: F811
    """The base URL of the app over the dev store, under waitress on loopback."""
    app = create_app({"STORE": str(dev_store), "WORKERS": 2, "QUERY_TIMEOUT": 30})
    yield serve(app)
    app.extensions["kg"].close()
