from __future__ import annotations

import gzip
import io
import json

from marsad.ingest import streams
from marsad.ingest.jsonl import parse_line, read_jsonl
from marsad.ingest.records import RawDocument, ReadFailure

GOOD = {
    "id": "a1",
    "url": "https://www.alkhabar.example.org/2018/06/04/azaz",
    "title": "انفجار في إعزاز",
    "published": "2018-06-04",
    "text": "قُتل خمسة أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز أمس الأحد.",
}


def lines(*objects) -> bytes:
    encoded = (o if isinstance(o, bytes) else json.dumps(o, ensure_ascii=False).encode() for o in objects)
    return b"".join(line + b"\n" for line in encoded)


def read(data: bytes, origin: str = "a.jsonl"):
    return list(read_jsonl(io.BytesIO(data), origin))


def test_fields_and_origin():
    [doc] = read(lines(GOOD))
    assert doc == RawDocument(
        origin="a.jsonl:1",
        text=GOOD["text"],
        id="a1",
        url=GOOD["url"],
        site="alkhabar.example.org",  # from the url when no site is given
        title=GOOD["title"],
        published="2018-06-04",
    )


def test_broken_line_and_line_without_text_fail_alone():
    data = lines(
        GOOD,
        b'{"text": "\xd9\x86\xd8\xb5", "title": ',
        {"id": "no-text", "title": "عنوان بلا نص", "text": "  "},
        b"",
        [1, 2],
        {**GOOD, "id": "a2"},
    )
    results = read(data)
    assert [r.origin for r in results] == ["a.jsonl:1", "a.jsonl:2", "a.jsonl:3", "a.jsonl:5", "a.jsonl:6"]
    assert [type(r) for r in results] == [RawDocument, ReadFailure, ReadFailure, ReadFailure, RawDocument]
    assert results[1].reason.startswith("not valid JSON")
    assert 'needs a non-empty "text" or "html"' in results[2].reason
    assert "id, text, title" in results[2].reason
    assert "found list" in results[3].reason
    assert results[4].id == "a2"


def test_html_field_is_extracted_and_line_metadata_wins():
    html = (
        "<html><head><title>عنوان الصفحة</title></head><body><nav>الرئيسية | سوريا</nav>"
        f"<article><p>{GOOD['text']}</p><p>{GOOD['text']}</p></article></body></html>"
    )
    [doc] = read(lines({"html": html, "title": "عنوان السطر", "url": GOOD["url"]}))
    assert GOOD["text"] in doc.text
    assert "الرئيسية" not in doc.text
    assert doc.title == "عنوان السطر"
    assert doc.url == GOOD["url"]


def test_odd_field_types():
    [doc] = read(lines({"id": 17, "title": ["x"], "published": 2018, "lang": "ar-SY", "text": "نص"}))
    assert (doc.id, doc.title, doc.published, doc.language) == ("17", None, "2018", "ar")
    assert [e.code for e in doc.errors] == ["bad-field"]


def test_bom_on_first_line():
    [doc] = read(b"\xef\xbb\xbf" + lines(GOOD))
    assert doc.id == "a1"


def test_a_line_in_windows_1256_is_read_and_noted():
    line = json.dumps({"text": "نزحت مئات العائلات من الطبقة"}, ensure_ascii=False).encode("cp1256")
    [doc] = read(line + b"\n")
    assert doc.text == "نزحت مئات العائلات من الطبقة"
    assert [e.code for e in doc.errors] == ["not-utf8"]


def test_empty_and_blank_files():
    assert read(b"") == [ReadFailure("a.jsonl", "empty file")]
    assert read(b"\n  \n\n") == [ReadFailure("a.jsonl", "empty file (only blank lines)")]


def test_truncated_gzip_keeps_the_lines_before_the_break():
    data = gzip.compress(lines(*({**GOOD, "id": f"n{i}"} for i in range(3000))))
    with gzip.GzipFile(fileobj=io.BytesIO(data[: len(data) // 2])) as stream:
        results = list(read_jsonl(stream, "big.jsonl.gz"))
    *docs, failure = results
    assert len(docs) > 100
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.id for d in docs] == [f"n{i}" for i in range(len(docs))]
    assert isinstance(failure, ReadFailure)
    assert failure.origin == f"big.jsonl.gz:{len(docs) + 1}"
    assert "truncated gzip" in failure.reason


def test_a_twenty_megabyte_line_is_one_article():
    text = "تظاهر " + "كلمة " * 3_500_000
    [doc] = read(lines({"text": text}))
    assert len(doc.text) == len(text)


def test_an_over_long_line_fails_without_losing_the_next(monkeypatch):
    monkeypatch.setattr(streams, "MAX_DOCUMENT_BYTES", 1000)
    results = read(lines({"text": "ا" * 5000}, GOOD))
    assert isinstance(results[0], ReadFailure)
    assert "line longer than" in results[0].reason
    assert results[1].origin == "a.jsonl:2"
    assert results[1].id == "a1"


def test_parse_line_never_raises_on_junk():
    for junk in (b"{", b"null", b'"text"', b"\xff\xfe\x00", b'{"text": 5}', b'{"html": "<p></p>"}'):
        assert isinstance(parse_line(junk, "x:1"), ReadFailure)
