"""The registry of stages and the pipeline that runs them over one article at a time.

Stages are listed here explicitly, in order, with the layers each needs and adds, so a
pipeline is checked when it is built. Models and indexes live in :class:`Resources`,
loaded on first use and once per process (a Spark executor unpickles a pipeline without
them and loads its own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from marsad.article import Article, validate
from marsad.clean.article import make_article
from marsad.events.lexicon import EventLexicon, load_event_lexicon
from marsad.events.stage import extract_events
from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.resolve import resolve_places
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.nlp.actors import ActorLexicon, link_actors, load_actor_lexicon
from marsad.nlp.ner.model import NerModel, load_ner_model
from marsad.nlp.ner.stage import recognize_entities
from marsad.nlp.segment import segment
from marsad.nlp.tokens import Clitics
from marsad.nlp.vocabulary import load_vocabulary
from marsad.quantity.extract import QuantityRules, extract_quantities, load_quantity_rules
from marsad.settings import Settings
from marsad.time.resolve import TimeRules, load_time_rules, resolve_times


class Resources:
    """Models and indexes the stages use, each loaded when first asked for."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def clitics(self) -> Clitics:
        return Clitics(load_vocabulary())

    @cached_property
    def ner_model(self) -> NerModel:
        return load_ner_model()

    @cached_property
    def actor_lexicon(self) -> ActorLexicon:
        return load_actor_lexicon()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer(self.settings.gazetteer)

    @cached_property
    def event_lexicon(self) -> EventLexicon:
        return load_event_lexicon()

    @cached_property
    def time_rules(self) -> TimeRules:
        return load_time_rules()

    @cached_property
    def quantity_rules(self) -> QuantityRules:
        return load_quantity_rules()

    def __getstate__(self) -> dict:
        return {"settings": self.settings}


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[Article, Resources], Article]
    needs: tuple[str, ...]
    adds: tuple[str, ...]


def _segment(article: Article, resources: Resources) -> Article:
    return segment(article, clitics=resources.clitics)


def _entities(article: Article, resources: Resources) -> Article:
    return recognize_entities(article, model=resources.ner_model)


def _actors(article: Article, resources: Resources) -> Article:
    return link_actors(article, lexicon=resources.actor_lexicon)


def _places(article: Article, resources: Resources) -> Article:
    return resolve_places(article, gazetteer=resources.gazetteer, settings=resources.settings.geo)


def _times(article: Article, resources: Resources) -> Article:
    return resolve_times(article, rules=resources.time_rules, settings=resources.settings.time)


def _quantities(article: Article, resources: Resources) -> Article:
    return extract_quantities(article, rules=resources.quantity_rules, settings=resources.settings.quantity)


def _events(article: Article, resources: Resources) -> Article:
    return extract_events(article, lexicon=resources.event_lexicon, settings=resources.settings.events)


STAGES: tuple[Stage, ...] = (
    Stage("segment", _segment, needs=(), adds=("sentences", "tokens")),
    Stage("entities", _entities, needs=("sentences", "tokens"), adds=("entities",)),
    # Actors before places: linking renumbers the entities that places then point to.
    Stage("actors", _actors, needs=("entities",), adds=("entities",)),
    # Places after entities: a tagged person blocks a place reading, a resolved place makes LOC a GPE.
    Stage("places", _places, needs=("tokens", "entities"), adds=("places", "entities")),
    # Times before quantities: a year or a day of the month is not a count.
    Stage("times", _times, needs=(), adds=("times",)),
    Stage("quantities", _quantities, needs=("times",), adds=("quantities",)),
    Stage(
        "events", _events, needs=("sentences", "tokens", "places", "times", "quantities"), adds=("events",)
    ),
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)


class PipelineError(ValueError):
    """A pipeline asked for stages that cannot run in the order given."""


class Pipeline:
    def __init__(self, settings: Settings, stages: Sequence[str] = STAGE_NAMES) -> None:
        by_name = {stage.name: stage for stage in STAGES}
        unknown = [name for name in stages if name not in by_name]
        if unknown:
            raise PipelineError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(by_name)}")
        available: set[str] = set()
        for name in stages:
            missing = set(by_name[name].needs) - available
            if missing:
                raise PipelineError(f"stage {name} needs {', '.join(sorted(missing))} from an earlier stage")
            available.update(by_name[name].adds)
        self.settings = settings
        self.stages = tuple(by_name[name] for name in stages)
        self.resources = Resources(settings)

    def run(self, article: Article) -> Article:
        """All stages over one article; a stage's internal error is recorded, not raised,
        unless the settings are strict (as in tests)."""
        for stage in self.stages:
            try:
                article = stage.run(article, self.resources)
            except Exception as exc:
                if self.settings.strict:
                    raise
                article = article.with_error("internal-error", stage.name, f"{type(exc).__name__}: {exc}")
        if self.settings.strict and (problems := validate(article)):
            raise AssertionError(f"{article.origin}: " + "; ".join(problems))
        return article

    def analyze(self, raw: RawDocument) -> Article | ReadFailure:
        made = make_article(raw, settings=self.settings)
        return made if isinstance(made, ReadFailure) else self.run(made)

    def analyze_all(self, docs: Iterable[RawDocument | ReadFailure]) -> Iterator[Article | ReadFailure]:
        for doc in docs:
            yield doc if isinstance(doc, ReadFailure) else self.analyze(doc)
