from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest.read import read_paths
from marsad.ingest.records import RawDocument, ReadFailure

ARTICLE = (
    "تجمع نحو ألفي شخص أمام مقر البرلمان في بيروت، ورفعوا لافتات تطالب بمحاسبة المسؤولين. "
    "وقال أحد المنظمين إن الاحتجاجات ستستمر حتى تلبية المطالب، فيما انتشرت قوات الأمن في محيط الساحة."
)


def html(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><nav>الرئيسية | لبنان | سوريا</nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], *, gz: bool) -> list[int]:
    """Writes (uri, content type, payload, status) responses; returns each record's offset."""
    offsets = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for uri, content_type, payload, status in records:
            offsets.append(f.tell())
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            payload_io = BytesIO(payload)
            record = writer.create_warc_record(uri, "response", payload=payload_io, http_headers=headers)
            writer.write_record(record)
    return offsets


RECORDS = [
    ("https://www.beirut.example.org/protest", "text/html; charset=utf-8", html("احتجاج", ARTICLE), "200 OK"),
    ("https://www.beirut.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(300), "200 OK"),
    ("https://www.beirut.example.org/gone", "text/html", html("غير موجود", ARTICLE), "404 Not Found"),
    (
        "https://www.beirut.example.org/old",
        "text/html; charset=windows-1256",
        html("مسيرة", ARTICLE).decode().encode("cp1256"),
        "200 OK",
    ),
]


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_only(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, RECORDS, gz=gz)
    docs = list(read_paths([str(path)]))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.origin for d in docs] == [f"{path}@{offsets[0]}", f"{path}@{offsets[3]}"]
    assert [d.url for d in docs] == [RECORDS[0][0], RECORDS[3][0]]
    assert [d.title for d in docs] == ["احتجاج", "مسيرة"]
    for doc in docs:
        assert ARTICLE in doc.text
        assert "الرئيسية" not in doc.text
        assert doc.site == "beirut.example.org"


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("where", ["headers", "payload"])
def test_truncated_last_record_fails_and_earlier_records_stay(tmp_path, gz, where):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, RECORDS, gz=gz)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[3] + 30] if where == "headers" else data[:-40])
    *docs, failure = read_paths([str(path)])
    assert [d.url for d in docs] == [RECORDS[0][0]]
    assert isinstance(failure, ReadFailure)
    assert failure.origin == f"{path}@{offsets[3]}"
    assert "truncated WARC record" in failure.reason


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("هذا ليس أرشيفاً\n" * 20, encoding="utf-8")
    [failure] = read_paths([str(path)])
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("not a WARC file")


def test_warc_on_standard_input(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, RECORDS[:1], gz=False)
    [doc] = read_paths(["-"], stdin=BytesIO(path.read_bytes()))
    assert doc.origin == "<stdin>@0"
    assert ARTICLE in doc.text
