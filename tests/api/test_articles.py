"""Articles: stored results with spans, and POST /api/articles with its token and limits."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN
from tests.api.corpus import XSS

BAGHOUZ = {
    "id": "post-1",
    "url": "https://gamma.example.org/syria/baghouz",
    "title": "خروج مئات المدنيين من الباغوز",
    "published": "2019-03-06",
    "text": "خرج أكثر من 300 مدني من بلدة الباغوز في ريف دير الزور الشرقي أمس الثلاثاء، "
    "بحسب ما أعلنت قوات سوريا الديمقراطية.",
}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def article_count(client: TestClient) -> int:
    return client.get("/api/articles").json()["count"]


def test_article_comes_back_with_its_spans(client: TestClient) -> None:
    body = client.get("/api/articles/ar-azaz-1").json()
    assert body["schema"] == "marsad.article/1"
    assert body["language"] == "ar"
    text = body["text"]
    assert [text[p["start"] : p["end"]] for p in body["places"]] == ["إعزاز"]
    assert [text[t["start"] : t["end"]] for t in body["times"]] == ["أمس الأحد"]
    trigger = body["events"][0]["trigger"]
    assert text[trigger["start"] : trigger["end"]] == "انفجار"


def test_untrusted_text_is_returned_as_data(client: TestClient) -> None:
    body = client.get("/api/articles/xss").json()
    assert body["text"] == XSS
    assert client.get("/api/articles/xss").headers["content-type"].startswith("application/json")


def test_article_list_and_unknown_article(client: TestClient) -> None:
    listed = client.get("/api/articles", params={"limit": 2}).json()
    assert listed["count"] == 6 and len(listed["data"]) == 2
    assert client.get("/api/articles/nope").status_code == 404


def test_post_without_a_configured_token_is_refused(client: TestClient) -> None:
    before = article_count(client)
    response = client.post("/api/articles", json=BAGHOUZ, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert article_count(client) == before


def test_post_needs_the_right_token(writer: TestClient) -> None:
    before = article_count(writer)
    missing = writer.post("/api/articles", json=BAGHOUZ)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = writer.post("/api/articles", json=BAGHOUZ, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 403
    basic = writer.post("/api/articles", json=BAGHOUZ, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert article_count(writer) == before


def test_post_analyzes_and_stores(writer: TestClient) -> None:
    before = article_count(writer)
    response = writer.post("/api/articles", json=BAGHOUZ, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] == "post-1"
    assert body["site"] == "gamma.example.org"
    assert body["published"] == "2019-03-06"
    assert "ريف دير الزور الشرقي" in {body["text"][p["start"] : p["end"]] for p in body["places"]}
    assert body["events"], "the pipeline finds the departure"
    assert article_count(writer) == before + 1
    assert writer.get("/api/articles/post-1").json()["text"] == body["text"]
    # The merged events are rebuilt after the response: the new article's events are listed.
    assert any(
        r["article"] == "post-1" for e in writer.get("/api/events").json()["data"] for r in e["reports"]
    )
    again = writer.post("/api/articles", json=BAGHOUZ, headers=AUTH)
    assert again.status_code == 200
    assert article_count(writer) == before + 1


def test_bad_bodies_are_422_and_store_nothing(writer: TestClient) -> None:
    before = article_count(writer)
    for body in ({}, {"text": "   "}, {"text": 5}, {"text": "نص", "colour": "red"}, {"html": "<p></p>"}):
        response = writer.post("/api/articles", json=body, headers=AUTH)
        assert response.status_code == 422, body
        assert isinstance(response.json()["detail"], str)
    for raw in (b"{not json", b"[]", b'"text"', b"\xff\xfe", b"[" * 100_000):
        broken = writer.post(
            "/api/articles", content=raw, headers={**AUTH, "Content-Type": "application/json"}
        )
        assert broken.status_code in (400, 422), raw[:20]
        assert isinstance(broken.json()["detail"], str)
    assert article_count(writer) == before


def test_a_body_over_10_mb_is_413(writer: TestClient) -> None:
    before = article_count(writer)
    big = {"text": "ا" * (6 * 1024 * 1024)}  # two bytes a letter in UTF-8: 12 MB
    response = writer.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    assert "10 MB" in response.json()["detail"]
    assert article_count(writer) == before


def test_a_chunked_body_over_10_mb_is_413(writer: TestClient) -> None:
    def chunks():
        for _ in range(11):
            yield b"a" * (1024 * 1024)

    response = writer.post(
        "/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
