"""The pages' in-process work (home counts, /graph, exports) runs under the query time
limit, and one error handler answers every time-out with a 503."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/graph", "/export.nt", "/"])
def test_page_work_past_the_limit_is_a_503(make_app, path):
    # 0.3 s: less than the task worker needs to start and do anything
    client = make_app(QUERY_TIMEOUT=0.3).test_client()
    response = client.get(path)
    assert response.status_code == 503
    assert "longer than 0.3 s" in response.text
    assert response.headers["Retry-After"] == "1"


def test_page_work_within_the_limit_answers(make_app):
    client = make_app(QUERY_TIMEOUT=30).test_client()
    assert client.get("/graph").status_code == 200
    assert client.get("/graph?focus=Nobody").status_code == 400  # the task's own error
