import pickle
from datetime import date

import pytest

from marsad.article import Article
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.pipeline import STAGES, Pipeline, PipelineError, Resources, Stage
from marsad.settings import Settings

TEXT = "قتل خمسة أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز أمس الأحد."


def test_stages_declare_their_layers_in_order():
    Pipeline(Settings())  # the default order is consistent
    with pytest.raises(PipelineError, match="quantities needs times"):
        Pipeline(Settings(), stages=["quantities"])
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(Settings(), stages=["segment", "telepathy"])


def test_article_through_the_whole_pipeline_is_valid():
    pipeline = Pipeline(Settings(strict=True))  # strict: validates every result
    result = pipeline.analyze(RawDocument(origin="t", text=TEXT, published="2018-06-04"))
    assert isinstance(result, Article)
    assert result.published == date(2018, 6, 4)
    assert [result.text[t.start : t.end] for t in result.times] == ["أمس الأحد"]
    assert result.times[0].from_ == date(2018, 6, 3)


def test_nothing_left_after_cleaning_is_a_failure():
    result = Pipeline(Settings()).analyze(RawDocument(origin="x.html", text="عذراً التعليقات مغلقة\nShare"))
    assert isinstance(result, ReadFailure)
    assert result.origin == "x.html"


def broken(article, resources):
    raise KeyError("boom")


def test_internal_error_is_recorded_unless_strict(monkeypatch):
    monkeypatch.setattr("marsad.pipeline.STAGES", (*STAGES, Stage("broken", broken, (), ())))
    raw = RawDocument(origin="t", text=TEXT)
    result = Pipeline(Settings(), stages=["segment", "broken"]).analyze(raw)
    assert [(d.stage, d.code) for d in result.errors if d.stage == "broken"] == [("broken", "internal-error")]
    assert result.tokens  # the stages before it still count
    with pytest.raises(KeyError):
        Pipeline(Settings(strict=True), stages=["segment", "broken"]).analyze(raw)


def test_pipeline_pickles_without_its_loaded_models():
    pipeline = Pipeline(Settings(), stages=["segment"])
    pipeline.analyze(RawDocument(origin="t", text=TEXT))
    assert "clitics" in vars(pipeline.resources)
    clone = pickle.loads(pickle.dumps(pipeline))
    assert "clitics" not in vars(clone.resources)
    assert isinstance(clone.resources, Resources)
    assert clone.analyze(RawDocument(origin="t", text=TEXT)).tokens


@pytest.mark.parametrize("published", [date.min, date(1, 1, 3), date(9999, 12, 30), date.max])
def test_a_publication_date_at_the_calendars_ends_is_no_internal_error(published):
    # "Yesterday", "tomorrow", a weekday and an undated attack, around a day near year 1 or 9999.
    text = "وقع الهجوم أمس الثلاثاء، وسيتظاهر الطلاب غدا. وقتل خمسة أشخاص في غارة على حلب."
    out = Pipeline(Settings(strict=True)).run(Article(id="t", text=text, origin="t", published=published))
    assert out.events and "internal-error" not in {d.code for d in out.errors}
