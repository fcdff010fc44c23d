"""Articles with events built by hand, for the store, stories and export tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marsad.article import (
    Article,
    Canonical,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Sentence,
    Source,
    TimeExpr,
)


@dataclass(frozen=True)
class Where:
    name: str
    level: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None


IDLIB = Where("إدلب", "city", 35.93, 36.63, 169389, "SY")
KAFRANBEL = Where("كفرنبل", "town", 35.61, 36.56, 168661, "SY")
MAARAT = Where("معرة النعمان", "town", 35.65, 36.68, 169304, "SY")  # ~12 km from Kafranbel
ALEPPO = Where("حلب", "city", 36.20, 37.16, 170063, "SY")
SYRIA = Where("سوريا", "country", 35.0, 38.0, 163843, "SY")
GAZA = Where("غزة", "city", 31.50, 34.47, 281133, "PS")
FIJI = Where("سوفا", "city", -18.14, 178.44, 2198148, "FJ")


def article(
    article_id: str,
    *,
    site: str = "example.com",
    published: date = date(2018, 4, 9),
    trigger: str = "قصفت",
    event_type: str = "ASSAULT",
    modality: str = "asserted",
    where: Where | None = IDLIB,
    when: tuple[date, date] | None = (date(2018, 4, 8), date(2018, 4, 8)),
    killed: float | None = 5,
    actor: str | None = "الطائرات الحربية",
    actor_id: str | None = None,
    source: str | None = "المرصد السوري",
    extra: str = "",
    title: str | None = None,
) -> Article:
    """One article of one sentence reporting one event, with every span found by offset."""
    place_word = where.name if where else "المنطقة"
    figure = f"{int(killed)}" if killed is not None else "عدد من"
    text = (
        f"قال {source or 'مراسلنا'} إن {actor or 'مسلحين'} {trigger} مواقع في {place_word} "
        f"يوم الأحد ما أدى إلى مقتل {figure} مدنيين.{extra}"
    )

    def span(s: str) -> tuple[int, int]:
        start = text.index(s)
        return start, start + len(s)

    entities, places, times, quantities, participants = [], [], [], [], []
    if where is not None:
        s, e = span(where.name)
        entities.append(Entity("e1", s, e, "LOC", Canonical(f"geonames:{where.geonameid}", where.name)))
        places.append(
            Place(s, e, where.name, where.level, where.geonameid, where.country, where.lat, where.lon, "e1")
        )
    if when is not None:
        s, e = span("يوم الأحد")
        times.append(TimeExpr(s, e, when[0], when[1]))
    if killed is not None:
        s, e = span(figure)
        quantities.append(Quantity(s, e, value=float(killed)))
    if actor is not None:
        s, e = span(actor)
        canonical = Canonical(actor_id, actor) if actor_id else None
        participants.append(Participant("actor", s, e, None, canonical))
    src = Source(*span(source)) if source else None
    t0, t1 = span(trigger)
    end = text.index(".") + 1
    event = Event(
        id="v1",
        type=event_type,
        trigger_start=t0,
        trigger_end=t1,
        sentence=Sentence(0, end),
        modality=modality,
        cameo="19" if event_type == "ASSAULT" else None,
        acled="Explosions/Remote violence" if event_type == "ASSAULT" else None,
        participants=tuple(participants),
        place=0 if places else None,
        time=0 if times else None,
        quantity=0 if quantities else None,
        source=src,
    )
    sentences = [Sentence(0, end)]
    if extra.strip():
        sentences.append(Sentence(end + (len(extra) - len(extra.lstrip())), len(text)))
    return Article(
        id=article_id,
        text=text,
        origin=f"test:{article_id}",
        url=f"https://{site}/{article_id}",
        site=site,
        title=title or f"قصف على {place_word}",
        published=published,
        language="ar",
        sentences=tuple(sentences),
        entities=tuple(entities),
        places=tuple(places),
        times=tuple(times),
        quantities=tuple(quantities),
        events=(event,),
    )
