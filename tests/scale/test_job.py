"""The Spark job against the plain pipeline, on the bundled samples and on bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

import typer
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.cli.spark import register
from marsad.ingest.read import read_paths
from marsad.ingest.records import ReadFailure
from marsad.pipeline import Pipeline
from marsad.scale.job import OutputExists, run_job
from marsad.scale.rows import claim_rows, event_rows
from marsad.scale.schemas import ARTICLES, CLAIMS, EVENTS, MERGED
from marsad.serialize import article_to_dict
from marsad.settings import Settings
from marsad.stories.reports import reports_of
from tests.scale.conftest import SAMPLES
from tests.scale.flaky import CrashingPipeline
from tests.scale.test_merge import merged_in_blocks

pytestmark = pytest.mark.xdist_group("spark")

ARTICLE = (
    "تجمع نحو ألفي شخص أمام مقر البرلمان في بيروت يوم الأحد، ورفعوا لافتات تطالب بمحاسبة المسؤولين. "
    "وقال أحد المنظمين إن الاحتجاجات ستستمر حتى تلبية المطالب، فيما انتشرت قوات الأمن في محيط الساحة."
)


def plain(paths: list[str]) -> tuple[dict, list[ReadFailure]]:
    """What ``marsad analyze`` makes of ``paths``: articles by id, and failures."""
    articles, failures = {}, []
    for result in Pipeline(Settings()).analyze_all(read_paths(paths)):
        if isinstance(result, ReadFailure):
            failures.append(result)
        else:
            articles[result.id] = result
    return articles, failures


def table(spark, out: Path, name: str, schema) -> list:
    return spark.read.schema(schema).parquet(str(out / name)).select(*schema.fieldNames()).collect()


def as_json(value):
    """A result in the contract's JSON terms (dates as ISO strings), with null fields left out:
    a Parquet column cannot tell a null from a key the JSON leaves out (``distance_km``)."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def failures_written(out: Path) -> list[tuple[str, str]]:
    lines = [
        line for part in sorted((out / "failed").glob("part-*")) for line in part.read_text().splitlines()
    ]
    return [(d["origin"], d["reason"]) for d in map(json.loads, lines)]


def test_same_results_as_the_plain_pipeline_record_for_record(spark, tmp_path):
    out = tmp_path / "out"
    result = run_job(spark, [str(SAMPLES)], str(out), pipeline=Pipeline(Settings()))
    expected, expected_failures = plain([str(SAMPLES)])
    assert expected and sum(len(a.events) for a in expected.values()) > 0

    rows = table(spark, out, "articles", ARTICLES)
    assert sorted(r.id for r in rows) == sorted(expected)  # each article once
    for row in rows:
        assert as_json(row.asDict(recursive=True)) == as_json(article_to_dict(expected[row.id]))

    def by_key(rows):  # article, event, and for claims the figure's offset
        return sorted(rows, key=lambda r: (r[0], r[1], r[11] if len(r) == len(CLAIMS) else 0))

    spark_events = [tuple(r) for r in table(spark, out, "events", EVENTS)]
    plain_events = [tuple(r) for a in expected.values() for r in event_rows(a)]
    assert by_key(spark_events) == by_key(plain_events)
    spark_claims = [tuple(r) for r in table(spark, out, "claims", CLAIMS)]
    plain_claims = [tuple(r) for a in expected.values() for r in claim_rows(a)]
    assert by_key(spark_claims) == by_key(plain_claims)

    assert result.articles == len(expected) and result.events == len(plain_events)
    assert result.failed == len(expected_failures) == 0
    merged = table(spark, out, "merged", MERGED)
    assert len(merged) == result.merged
    reports = sorted((r["article"], r["index"]) for m in merged for r in m.reports)
    assert reports == sorted((r[0], r[1]) for r in plain_events)  # every report in one merged event
    plain_merged = merged_in_blocks([r for a in expected.values() for r in reports_of(a)])
    assert sorted(tuple(r) for r in merged) == sorted(
        tuple(row) for row in spark.createDataFrame(plain_merged, MERGED).collect()
    )
    partitions = {p.name for p in (out / "articles").iterdir() if p.is_dir()}
    assert "published=2019-03-06" in partitions


def write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> list[int]:
    offsets = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, content_type, payload in records:
            offsets.append(f.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
    return offsets


def page(title: str) -> bytes:
    body = f"<article><h1>{title}</h1><p>{ARTICLE}</p></article>"
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode()


def test_command_bad_input_fails_alone_and_as_in_the_plain_pipeline(spark, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    warc = inputs / "crawl.warc.gz"
    offsets = write_warc(
        warc,
        [
            ("https://news.example.org/beirut", "text/html; charset=utf-8", page("احتجاج")),
            ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            ("https://news.example.org/later", "text/html; charset=utf-8", page("مسيرة")),
        ],
    )
    warc.write_bytes(warc.read_bytes()[:-40])  # the last record is cut off
    (inputs / "lines.jsonl").write_text(
        json.dumps({"id": "good", "text": ARTICLE, "published": "2019-10-20"}) + "\n{not json\n",
        encoding="utf-8",
    )
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n')[:-12])
    missing = str(tmp_path / "missing.warc")

    out = tmp_path / "out"
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    result = CliRunner().invoke(
        app, ["spark", str(inputs), missing, "--out", str(out), "--master", "local[2]"]
    )
    expected, expected_failures = plain([str(inputs), missing])
    assert result.exit_code == 1, result.stderr

    got = {r.id: r.origin for r in table(spark, out, "articles", ARTICLES)}
    assert got == {a.id: a.origin for a in expected.values()}
    assert f"{warc}@{offsets[0]}" in got.values()  # the record before the damage is kept
    assert len(got) == 2
    written = failures_written(out)
    assert sorted(written) == sorted((f.origin, f.reason) for f in expected_failures)
    assert {origin for origin, _ in written} == {
        f"{warc}@{offsets[2]}",
        f"{inputs / 'lines.jsonl'}:2",
        str(inputs / "empty.txt"),
        str(inputs / "broken.jsonl.gz") + ":1",
        missing,
    }
    for origin, reason in written:
        assert f"marsad: {origin}: {reason}" in result.stderr
    assert "2 articles" in result.stderr and "5 inputs failed" in result.stderr


def test_only_bad_files_give_empty_tables_and_a_full_report(spark, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(4):  # more files than partitions: every partition holds only bad files
        (inputs / f"empty{i}.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = run_job(spark, [str(inputs)], str(out), pipeline=Pipeline(Settings()), partitions=2)
    assert (result.articles, result.events, result.failed) == (0, 0, 5)
    for name, schema in (("articles", ARTICLES), ("events", EVENTS), ("claims", CLAIMS)):
        assert table(spark, out, name, schema) == []
    assert sorted(origin for origin, _ in failures_written(out)) == sorted(str(p) for p in inputs.iterdir())


def test_a_worker_killed_mid_task_is_retried_without_duplicating_output(spark, tmp_path):
    expected, _ = plain([str(SAMPLES)])
    victim = f"{SAMPLES / 'samples.jsonl'}:7"
    deaths = tmp_path / "deaths"
    deaths.mkdir()
    pipeline = CrashingPipeline(Settings(), origin=victim, deaths=deaths)
    out = tmp_path / "out"
    result = run_job(spark, [str(SAMPLES)], str(out), pipeline=pipeline, partitions=2)
    assert len(list(deaths.iterdir())) == 1  # the first attempt really died
    ids = [r.id for r in table(spark, out, "articles", ARTICLES)]
    assert sorted(ids) == sorted(expected)
    events = [(r.article, r["index"]) for r in table(spark, out, "events", EVENTS)]
    assert len(events) == len(set(events)) == sum(len(a.events) for a in expected.values())
    assert result.articles == len(expected)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_job_leaves_no_output(spark, tmp_path):
    deaths = tmp_path / "deaths"
    deaths.mkdir()
    victim = f"{SAMPLES / 'samples.jsonl'}:3"
    pipeline = CrashingPipeline(Settings(), origin=victim, deaths=deaths, always=True)
    out = tmp_path / "out"
    with pytest.raises(Exception, match=r"(?i)task"):
        run_job(spark, [str(SAMPLES)], str(out), pipeline=pipeline, partitions=2)
    assert len(list(deaths.iterdir())) == 3  # every attempt the session allows
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["deaths"]  # nor a half-written staging folder


def test_refuses_to_write_over_earlier_results(spark, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles").mkdir()
    with pytest.raises(OutputExists, match="not empty"):
        run_job(spark, [str(SAMPLES)], str(out), pipeline=Pipeline(Settings()))
