"""read_paths on real files made for each test, good and bad."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from marsad.ingest import streams
from marsad.ingest.read import kind_of, read_paths
from marsad.ingest.records import RawDocument, ReadFailure

PARAGRAPH = (
    "وذكرت صحيفة محلية أن نحو 300 عائلة وصلت إلى مخيمات قرب مدينة الباب شمال حلب مطلع أيلول/سبتمبر "
    "الماضي، بعد أن نزحت من قرى ريف حماة الشمالي. وقال مسؤول في المجلس المحلي إن المخيمات لا تتسع لهم."
)
ENGLISH = "About 300 families reached camps near al-Bab, north of Aleppo, early last September."


def read(*paths, **kwargs) -> list[RawDocument | ReadFailure]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def jsonl(*texts: str) -> str:
    return "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)


def test_text_file(tmp_path):
    path = write(tmp_path / "a.txt", PARAGRAPH + "\n")
    assert read(path) == [RawDocument(origin=str(path), text=PARAGRAPH + "\n")]


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_legacy_encodings(tmp_path, codec):
    [doc] = read(write(tmp_path / "old.txt", PARAGRAPH.encode(codec)))
    assert doc.text == PARAGRAPH
    assert doc.errors == ()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\n \n", "empty file (only white space)"),
        (os.urandom(20_000), "not text: looks binary"),
    ],
)
def test_bad_files(tmp_path, data, reason):
    [failure] = read(write(tmp_path / "bad.txt", data))
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith(reason)


def test_missing_path():
    assert read("no/such/article.txt") == [ReadFailure("no/such/article.txt", "no such file or directory")]


def test_gzip_of_each_kind(tmp_path):
    page = f"<html><body><nav>الرئيسية</nav><article><p>{PARAGRAPH}</p></article></body></html>"
    paths = [
        write(tmp_path / "a.txt.gz", gzip.compress(PARAGRAPH.encode("cp1256"))),
        write(tmp_path / "b.html.gz", gzip.compress(page.encode())),
        write(tmp_path / "c.jsonl.gz", gzip.compress(jsonl(PARAGRAPH, ENGLISH).encode())),
    ]
    docs = read(*paths)
    assert [d.text for d in docs] == [PARAGRAPH, PARAGRAPH, PARAGRAPH, ENGLISH]
    assert [d.origin for d in docs] == [str(paths[0]), str(paths[1]), f"{paths[2]}:1", f"{paths[2]}:2"]


def test_gzip_without_gz_name(tmp_path):
    [doc] = read(write(tmp_path / "a.txt", gzip.compress(PARAGRAPH.encode())))
    assert doc.text == PARAGRAPH


def test_truncated_gzip_text(tmp_path):
    data = gzip.compress((PARAGRAPH * 50).encode())
    [failure] = read(write(tmp_path / "a.txt.gz", data[: len(data) // 2]))
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("truncated gzip")


def test_not_gzip_at_all(tmp_path):
    [failure] = read(write(tmp_path / "a.txt.gz", b"\x1f\x8b\x08\x00 not really gzip" + os.urandom(200)))
    assert isinstance(failure, ReadFailure)
    assert "gzip" in failure.reason


def test_twenty_megabyte_single_line_file(tmp_path):
    text = "احتجاجات " * 2_300_000
    path = write(tmp_path / "huge.txt", text)
    assert path.stat().st_size > 20_000_000
    [doc] = read(path)
    assert len(doc.text) == len(text)


def test_a_document_over_the_limit_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(streams, "MAX_DOCUMENT_BYTES", 1000)
    [failure] = read(write(tmp_path / "big.txt", "ا" * 2000))
    assert isinstance(failure, ReadFailure)
    assert "too large for one article" in failure.reason


def make_unreadable(path: Path) -> None:
    """chmod 000, or, where that does not stop reading (root), a link to nothing."""
    path.chmod(0)
    try:
        path.read_bytes()
    except PermissionError:
        return
    path.chmod(0o644)
    path.unlink()
    path.symlink_to(path.parent / "gone-for-good")


def test_folder_walked_sorted_with_unreadable_and_unknown_files(tmp_path):
    folder = tmp_path / "news"
    write(folder / "b" / "2.txt", "الثاني")
    write(folder / "b" / "1.txt", "الأول")
    write(folder / "a.jsonl", jsonl("سطر أول", "سطر ثان"))
    write(folder / "c.html", f"<html><body><article><p>{PARAGRAPH}</p></article></body></html>")
    write(folder / "notes.md", "ملاحظات لا تقرأ")
    write(folder / "image.png", b"\x89PNG\r\n\x1a\n")
    write(folder / ".hidden" / "x.txt", "مخفي")
    locked = write(folder / "b" / "0.txt", "مقفل")
    make_unreadable(locked)
    results = read(folder)
    assert [r.origin for r in results] == [
        f"{folder}/a.jsonl:1",
        f"{folder}/a.jsonl:2",
        f"{folder}/b/0.txt",
        f"{folder}/b/1.txt",
        f"{folder}/b/2.txt",
        f"{folder}/c.html",
    ]
    failure = results[2]
    assert isinstance(failure, ReadFailure)
    assert "permission denied" in failure.reason or "broken symbolic link" in failure.reason
    assert [r.text for r in results[3:5]] == ["الأول", "الثاني"]


def test_symbolic_link_loop_is_walked_once(tmp_path):
    write(tmp_path / "news" / "a.txt", "نص")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news")
    assert [d.text for d in read(tmp_path / "news")] == ["نص"]


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path):
    docs = read(
        write(tmp_path / "article", PARAGRAPH),
        write(tmp_path / "feed.dump", jsonl(ENGLISH)),
        write(tmp_path / "page.saved", f"<!DOCTYPE html><html><body><p>{ENGLISH}</p></body></html>"),
    )
    assert [d.text for d in docs] == [PARAGRAPH, ENGLISH, ENGLISH]
    assert docs[1].origin.endswith("feed.dump:1")


@pytest.mark.parametrize(
    ("data", "origins"),
    [
        (jsonl(PARAGRAPH, ENGLISH), ["<stdin>:1", "<stdin>:2"]),
        (f"\n  <html><body><nav>الرئيسية</nav><p>{PARAGRAPH}</p></body></html>", ["<stdin>"]),
        (PARAGRAPH, ["<stdin>"]),
    ],
)
def test_standard_input_is_sniffed(data, origins):
    docs = read("-", stdin=io.BytesIO(data.encode()))
    assert [d.origin for d in docs] == origins
    assert docs[0].text.strip() == PARAGRAPH
    assert all("الرئيسية" not in d.text for d in docs)


def test_standard_input_gzip_and_legacy_encoding():
    [doc] = read("-", stdin=io.BytesIO(gzip.compress(PARAGRAPH.encode("cp1256"))))
    assert doc.text == PARAGRAPH


def test_empty_standard_input():
    assert read("-", stdin=io.BytesIO(b"")) == [ReadFailure("<stdin>", "empty file")]


def test_reading_is_lazy():
    class Counting(io.BytesIO):
        taken = 0

        def read(self, size=-1):
            data = super().read(size)
            Counting.taken += len(data)
            return data

        def readinto(self, buffer):
            n = super().readinto(buffer)
            Counting.taken += n
            return n

    data = jsonl(*[PARAGRAPH] * 20_000).encode()
    first = next(read_paths(["-"], stdin=Counting(data)))
    assert first.origin == "<stdin>:1"
    assert Counting.taken < len(data) // 20


def test_lang_hint_overrides(tmp_path):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": ENGLISH, "language": "en"}) + "\n")
    assert [d.language for d in read(path)] == ["en"]
    assert [d.language for d in read(path, lang_hint="ar")] == ["ar"]
    assert [d.language for d in read(path, lang_hint="auto")] == ["en"]


def test_failures_do_not_stop_the_run(tmp_path):
    good = write(tmp_path / "good.txt", PARAGRAPH)
    results = read(tmp_path / "missing.txt", write(tmp_path / "empty.txt", b""), good)
    assert [type(r) for r in results] == [ReadFailure, ReadFailure, RawDocument]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("A.HTM", "html"),
        ("x.html.gz", "html"),
        ("d.jsonl.gz", "jsonl"),
        ("c.warc.gz", "warc"),
        ("x.gz", None),
        ("x.json", None),
        ("txt", None),
    ],
)
def test_kind_of(name, kind):
    assert kind_of(name) == kind
