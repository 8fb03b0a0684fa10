"""Outlet-published-article from the text: introductions, headlines, back references."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.extract.publications import text_publications


def _publications(nlp, text, date=None):
    doc = nlp(text)
    return text_publications(doc, extract_entities(doc), date)


@pytest.mark.parametrize("text, outlet, opinion", [
    ("The New York Times on Wednesday took the rare step of publishing an anonymous op-ed, "
     "written by a senior official.", "The New York Times", True),
    ("He made the case in a Washington Post editorial on Monday.", "The Washington Post",
     True),
    ("According to a scathing New York Times op-ed published Wednesday, officials resist.",
     "The New York Times", True),
    ("An anonymous op-ed in The New York Times claimed Wednesday that aides resist.",
     "The New York Times", True),
    ("The former official wrote in The Atlantic that the plan had failed.", "The Atlantic",
     False),
])
def test_publications_stated_in_the_text(nlp, text, outlet, opinion):
    publications, _ = _publications(nlp, text)
    assert [(p.outlet.name, p.mentioned.opinion) for p in publications] == [(outlet, opinion)]
    assert publications[0].evidence is not None


@pytest.mark.parametrize("text", [
    "The senator told CNN that he would vote no.",
    "In an interview with Fox News, the governor said he was staying.",
    "She said on MSNBC that the bill was dead.",
])
def test_speech_channels_are_not_publications(nlp, text):
    assert _publications(nlp, text)[0] == []


def test_headline_and_later_references_go_to_one_mentioned_article(nlp):
    text = ("The New York Times published an anonymous op-ed on Wednesday. The op-ed, titled "
            "“I Am Part of the Resistance Inside the Trump Administration,” describes a chaotic "
            "White House. The president called the piece a disgrace.")
    publications, articles = _publications(nlp, text)
    assert len(publications) == 1 and len(articles) == 1
    article = articles[0]
    assert article.key == article.headline == (
        "I Am Part of the Resistance Inside the Trump Administration")
    assert [s.text for s in article.mentions] == ["op-ed", "op-ed", "piece"]


@pytest.mark.parametrize("date, key", [
    ("2018-09-05", "The New York Times op-ed 2018-09-05"),
    (None, "The New York Times op-ed"),
])
def test_a_headline_less_article_is_keyed_by_outlet_kind_and_date(nlp, date, key):
    _, articles = _publications(nlp, "The New York Times published an anonymous op-ed.", date)
    assert [a.key for a in articles] == [key]
