"""The bundled sample articles: the manifest matches the files and every sample reads cleanly."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from marsad.ingest.html_page import site_of
from marsad.ingest.language import detect_language
from marsad.ingest.read import read_paths
from marsad.ingest.records import RawDocument

SAMPLES = Path(str(files("marsad") / "data" / "samples"))
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["articles"]
LINES = [json.loads(line) for line in (SAMPLES / "samples.jsonl").read_text(encoding="utf-8").splitlines()]


def origin_of(entry: dict) -> str:
    path = str(SAMPLES / entry["file"])
    return f"{path}:{entry['line']}" if "line" in entry else path


@pytest.fixture(scope="module")
def docs() -> dict[str, RawDocument]:
    read = list(read_paths([str(SAMPLES)]))
    failures = [d for d in read if not isinstance(d, RawDocument)]
    assert failures == []
    return {d.origin: d for d in read}


def test_marked_illustrative():
    assert MANIFEST["illustrative"] is True
    assert "written for the Marsad project" in MANIFEST["statement"]
    assert "verbatim" in MANIFEST["statement"]


def test_manifest_lists_exactly_the_files():
    listed = {entry["file"] for entry in ENTRIES}
    present = {p.name for p in SAMPLES.iterdir() if p.name != "manifest.json"}
    assert listed == present


def test_manifest_lists_every_json_line_in_order():
    listed = [(e["line"], e["id"]) for e in ENTRIES if e["file"] == "samples.jsonl"]
    assert listed == [(n, line["id"]) for n, line in enumerate(LINES, start=1)]
    assert all(set(line) == {"id", "url", "site", "title", "published", "text"} for line in LINES)


def test_size_and_language_mix():
    assert 20 <= len(ENTRIES) <= 40
    assert 3 <= sum(e["language"] == "en" for e in ENTRIES) <= 5
    assert {e["file"].rsplit(".", 1)[1] for e in ENTRIES} == {"jsonl", "html", "txt"}
    assert all(e["exercises"].strip() for e in ENTRIES)


def test_every_sample_reads_as_one_document(docs):
    assert sorted(docs) == sorted(origin_of(e) for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.get("id", e["file"]))
def test_each_sample(entry, docs):
    doc = docs[origin_of(entry)]
    assert 150 <= len(doc.text.split()) <= 400
    assert detect_language(doc.text) == entry["language"]
    assert doc.errors == ()
    if "body_start" in entry:
        assert entry["body_start"] in doc.text
    if doc.url:
        assert site_of(doc.url).rsplit(".", 2)[-2] == "example"  # fictional outlets only
    if entry["file"].endswith(".html"):
        assert (doc.title, doc.url, doc.site, doc.published) == (
            entry["title"],
            entry["url"],
            entry["site"],
            entry["published"],
        )
        for furniture in ("عذراً التعليقات مغلقة", "جميع الحقوق محفوظة", "الرئيسية", "فيسبوك", "track("):
            assert furniture not in doc.text
    if "published" in entry:
        assert "2017" <= entry["published"][:4] <= "2019"


def test_pairs_name_real_samples_and_hold(docs):
    by_id = {line["id"]: line["text"] for line in LINES}
    for pair in MANIFEST["pairs"]:
        assert set(pair["items"]) <= set(by_id)
    first, second = (by_id[i] for i in ("ar-003", "ar-004"))
    words = set(first.split()), set(second.split())
    overlap = len(words[0] & words[1]) / len(words[0] | words[1])
    assert first != second and overlap > 0.6  # a light rewrite, not a copy
    assert "12 مدنياً" in by_id["ar-001"] and "19 شخصاً" in by_id["ar-002"]


PHENOMENA = [
    "مدينة الباب",  # al-Bab, also «باب» the door
    "باب محله",
    "مدينة الطبقة",
    "الطبقة الوسطى",
    "الرقة",
    "شمال مدينة إدلب",
    "ريف حماة الشمالي",
    "أمس الأحد",
    "مطلع أيلول/سبتمبر الماضي",
    "أواخر عام 2015",
    "الأسبوع الماضي",
    "نحو",
    "أكثر من",
    "ما يصل إلى",
    "عشرات",
    "مئات",
    "وذكرت صحيفة",
    "وقال",
    "بحسب",
    "نقلت",
    "ونفت",
    "يعتزم",
    "يخطط",
    "لو ",
    "نزحت",
    "انشقوا",
    "تجمع",
]


def test_the_arabic_samples_cover_what_later_stages_handle(docs):
    arabic = "\n".join(d.text for d in docs.values() if detect_language(d.text) == "ar")
    assert [p for p in PHENOMENA if p not in arabic] == []
