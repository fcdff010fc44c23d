"""`marsad ingest` and `marsad export`, end to end on a fresh database."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from marsad.cli.store import register
from marsad.store.connection import WriterLock, reading
from tests.store.feedserver import serving

app = typer.Typer()
register(app)


@app.callback()
def _root() -> None:
    """The two store commands as the `marsad` app registers them."""


runner = CliRunner()
STORY = (
    "{n} قتل {k} أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز شمالي حلب أمس الأحد، بحسب مصادر طبية. "
    "وقال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض."
)
PROTEST = "تظاهر نحو ألفي شخص أمام مقر البرلمان في بيروت يوم الجمعة، ورفعوا لافتات تطالب بمحاسبة المسؤولين."


def _jsonl(path: Path, n: int, *, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            text = STORY.format(n=f"رقم {i}:", k=i % 7 + 2) if i % 2 else PROTEST + f" الرقم {i}."
            site = ["bbc.co.uk", "skynewsarabia.com", "france24.com"][i % 3]
            f.write(
                json.dumps(
                    {"id": f"a{i}", "text": text, "site": site, "published": "2018-06-04"}, ensure_ascii=False
                )
                + "\n"
            )
    return path


def run(*args: str):
    return runner.invoke(app, list(args))


def test_ingest_prints_a_summary_and_a_rerun_stores_nothing_twice(tmp_path):
    db, data = tmp_path / "m.duckdb", _jsonl(tmp_path / "a.jsonl", 6)
    first = run("ingest", str(data), "--db", str(db))
    assert first.exit_code == 0, first.stderr
    assert "read 6, new 6, duplicate 0, failed 0" in first.stderr
    assert "merged events" in first.stderr
    again = run("ingest", str(data), "--db", str(db))
    assert "read 6, new 0, duplicate 6, failed 0" in again.stderr


def test_a_bad_input_is_named_and_the_rest_stored(tmp_path):
    db = tmp_path / "m.duckdb"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(PROTEST, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("   \n", encoding="utf-8")
    result = run("ingest", str(tmp_path / "in"), "--db", str(db), "--published", "2018-06-04")
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "new 1" in result.stderr and "failed 1" in result.stderr


def test_the_database_location_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.duckdb"))
    result = run("ingest", str(_jsonl(tmp_path / "a.jsonl", 1)))
    assert result.exit_code == 0 and (tmp_path / "env.duckdb").exists()


def test_ingest_from_a_feed_on_a_local_server(tmp_path):
    db = tmp_path / "m.duckdb"
    with serving() as base:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{base}/feed.xml\n{base}/broken-feed\n", encoding="utf-8")
        first = run("ingest", "--db", str(db), "--feeds", str(feeds), "--timeout", "5")
        second = run("ingest", "--db", str(db), "--feed", f"{base}/feed.xml", "--timeout", "5")
    assert first.exit_code == 1  # a missing page and a broken feed
    assert "read 4, new 2, duplicate 0, failed 2" in first.stderr
    assert "HTTP 404" in first.stderr and "broken-feed: feed: HTTP 503" in first.stderr
    assert "read 3, new 0, duplicate 2, failed 1" in second.stderr
    with reading(db) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT url FROM articles").fetchall())
    assert [u.rsplit("/", 1)[1] for u in urls] == ["1.html", "2.html"]


def test_a_second_ingest_at_the_same_time_is_refused_with_a_message(tmp_path):
    db = tmp_path / "m.duckdb"
    with WriterLock(db, command="marsad ingest"):
        result = run("ingest", str(_jsonl(tmp_path / "a.jsonl", 1)), "--db", str(db))
    assert result.exit_code == 1
    assert f"being written by marsad ingest (pid {os.getpid()}" in result.stderr


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    db = tmp / "m.duckdb"
    assert run("ingest", str(_jsonl(tmp / "a.jsonl", 8)), "--db", str(db)).exit_code == 0
    return db


def test_export_csv_has_acled_columns_and_codes(stored):
    result = run("export", "--db", str(stored), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {
        "event_date",
        "event_type",
        "actor1",
        "geo_precision",
        "fatalities_claims",
        "plover_type",
        "cameo",
    } <= set(rows[0])
    assert {r["plover_type"] for r in rows} >= {"ASSAULT"}


def test_export_filters_by_type_country_and_box(stored):
    def ids(*filters: str) -> set[str]:
        out = run("export", "--db", str(stored), "--format", "jsonl", *filters)
        assert out.exit_code == 0, out.stderr
        return {json.loads(line)["id"] for line in out.stdout.splitlines()}

    everything = ids()
    assaults = ids("--type", "assault")
    assert assaults and assaults < everything
    assert ids("--country", "SY") >= assaults
    assert ids("--bbox", "36,35,38,37") >= assaults  # around Azaz
    assert ids("--bbox", "-10,-10,10,10") == set()
    assert ids("--from", "2030-01-01") == set()


def test_export_jsonl_is_the_contract_merged_event(stored):
    out = run("export", "--db", str(stored), "--format", "jsonl", "--type", "ASSAULT")
    event = json.loads(out.stdout.splitlines()[0])
    assert {"id", "type", "modality", "from", "to", "place", "actors", "reports", "claims"} <= set(event)
    report = event["reports"][0]
    assert {"article", "site", "url", "published", "source", "evidence"} <= set(report)
    # "at least 3", "at least 5"...: each figure its own claim
    assert len({c["low"] for c in event["claims"]}) == len(event["claims"]) > 1


def test_export_geojson_and_parquet(stored, tmp_path):
    geo = run("export", "--db", str(stored), "--format", "geojson", "-o", str(tmp_path / "e.geojson"))
    assert geo.exit_code == 0, geo.stderr
    fc = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["features"]
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert 30 < lon < 40 and 30 < lat < 40  # lon first, as GeoJSON and QGIS expect
    pq_path = tmp_path / "e.parquet"
    assert run("export", "--db", str(stored), "--format", "parquet", "-o", str(pq_path)).exit_code == 0
    table = pq.read_table(pq_path)
    assert table.num_rows >= 1 and "reports" in table.column_names


def test_export_usage_errors_and_a_missing_database(stored, tmp_path):
    assert run("export", "--db", str(stored), "--format", "parquet").exit_code == 2
    assert run("export", "--db", str(stored), "--format", "xml").exit_code == 2
    assert run("export", "--db", str(stored), "--format", "csv", "--bbox", "1,2,3").exit_code == 2
    missing = run("export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv")
    assert missing.exit_code == 1 and "no database here yet" in missing.stderr


# The ingest command, with a pause after each committed batch so that the test can
# see a partly stored run and kill it there, however fast the machine is.
CLI = """
import sys, time, typer
from marsad.cli.store import register
from marsad.store.ingest import Ingest
_flush = Ingest.flush
def _slow_flush(self):
    _flush(self)
    time.sleep(0.2)
Ingest.flush = _slow_flush
app = typer.Typer()
register(app)
@app.callback()
def _root() -> None: pass
app(sys.argv[1:])
"""


def test_killed_mid_run_and_run_again_nothing_is_lost_or_duplicated(tmp_path):
    db, data = tmp_path / "m.duckdb", _jsonl(tmp_path / "a.jsonl", 120)
    repo = Path(__file__).resolve().parents[2]
    cmd = [sys.executable, "-c", CLI, "ingest", str(data), "--db", str(db), "--batch-size", "5"]
    proc = subprocess.Popen(cmd, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored_before = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with reading(db, wait=1) as conn:  # a reader beside a running ingest
                    stored_before = conn.execute("SELECT count(*) FROM articles").fetchall()[0][0]
            except Exception:
                stored_before = 0
        if stored_before >= 10:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 10 <= stored_before < 120
    again = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    with reading(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles").fetchall()]
        assert conn.execute("SELECT stale FROM derived_state").fetchall() == [(False,)]
    assert sorted(ids) == sorted(f"a{i}" for i in range(120))
    assert "read 120, new" in again.stderr and "failed 0" in again.stderr


def test_ingest_reads_standard_input(tmp_path):
    db = tmp_path / "m.duckdb"
    line = json.dumps({"id": "s1", "text": PROTEST, "published": "2018-06-04"}, ensure_ascii=False)
    result = runner.invoke(app, ["ingest", "-", "--db", str(db)], input=line + "\n")
    assert result.exit_code == 0, result.stderr
    assert "read 1, new 1" in result.stderr


def test_the_samples_rewrite_is_stored_as_a_near_duplicate(tmp_path):
    samples = Path(__file__).resolve().parents[2] / "src" / "marsad" / "data" / "samples" / "samples.jsonl"
    db = tmp_path / "s.duckdb"
    result = run("ingest", str(samples), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    with reading(db) as conn:
        dups = conn.execute("SELECT article, original FROM duplicates ORDER BY article").fetchall()
        stories = dict(conn.execute("SELECT article, story FROM story_articles").fetchall())
    assert dups == [("ar-004", "ar-003")]
    assert stories["ar-004"] == stories["ar-003"]
