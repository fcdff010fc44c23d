import json

import pytest
from typer.testing import CliRunner

from marsad.article import Article, Entity, Sentence, Token, validate
from marsad.cli.main import app

runner = CliRunner()
ARABIC = "قتل خمسة أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز أمس الأحد، بحسب مصادر طبية."


def run(*args, stdin=None):
    return runner.invoke(app, list(args), input=stdin)


def rebuild(d: dict) -> Article:
    """The spans of a JSON result as an Article, so the same validator checks the output."""
    return Article(
        id=d["id"],
        text=d["text"],
        origin=d["origin"],
        sentences=tuple(Sentence(s["start"], s["end"]) for s in d["sentences"]),
        entities=tuple(Entity(e["id"], e["start"], e["end"], e["type"]) for e in d["entities"]),
        tokens=(Token(0, 0, 0, 0),),
    )


def test_jsonl_result_per_article(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    result = run("analyze", str(tmp_path / "a.txt"), "--published", "2018-06-04")
    assert result.exit_code == 0, result.stderr
    [line] = result.stdout.splitlines()
    d = json.loads(line)
    assert d["schema"] == "marsad.article/1"
    assert d["language"] == "ar"
    assert d["published"] == "2018-06-04"
    assert d["text"] == ARABIC
    assert d["origin"].endswith("a.txt")
    for layer in ("entities", "places", "times", "quantities", "events", "errors"):
        assert isinstance(d[layer], list)
    assert [d["text"][s["start"] : s["end"]] for s in d["sentences"]] == [ARABIC]
    assert validate(rebuild(d)) == []


def test_failed_input_named_others_written(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = run("analyze", str(missing), str(tmp_path / "good.txt"))
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_no_publication_date_is_recorded_on_the_article(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    d = json.loads(run("analyze", str(tmp_path / "a.txt")).stdout)
    assert d["published"] is None
    assert "no-date" in [e["code"] for e in d["errors"]]


@pytest.mark.parametrize(
    "args",
    [
        ("analyze", "x.txt", "--published", "yesterday"),
        ("analyze", "x.txt", "--format", "xml"),
        ("analyze", "x.txt", "--lang", "fr"),
        ("analyze",),
    ],
)
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_standard_input_jsonl():
    line = json.dumps({"id": "s1", "text": ARABIC, "published": "2018-06-04", "site": "example.org"})
    result = run("analyze", "-", stdin=line + "\n")
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    assert (d["id"], d["site"], d["published"]) == ("s1", "example.org", "2018-06-04")


def test_pretty_summary(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    result = run("analyze", str(tmp_path / "a.txt"), "--format", "pretty")
    assert result.exit_code == 0
    assert "1 articles" in result.stdout and "إعزاز" in result.stdout


def test_html_never_interprets_article_text(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "<img src=x onerror=alert(1)> " + ARABIC}) + "\n")
    result = run("analyze", str(tmp_path / "a.jsonl"), "--format", "html")
    assert result.exit_code == 0
    assert "<img" not in result.stdout and "&lt;img src=x onerror=alert(1)&gt;" in result.stdout
    assert "dir='rtl'" in result.stdout
