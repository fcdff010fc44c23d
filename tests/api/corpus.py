"""A small store built from hand-made articles, so API and page tests need no models.

Two outlets report one bombing in إعزاز with different death tolls (one merged event, two
claims); a protest in Fiji and one in Samoa sit either side of the antimeridian; an English
article reports displacement; one article's whole text is an HTML injection attempt.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from marsad.article import Article, Event, Participant, Place, Quantity, Sentence, Source, TimeExpr
from marsad.store import WriterLock
from marsad.store.derive import refresh
from marsad.store.write import Batch

XSS = "<img src=x onerror=alert(1)>"


def at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _bombing(
    id_: str, site: str, sentence: str, toll: str, low: float | None, value: float | None
) -> Article:
    text = sentence + " وقال المقاتلين إنهم سيطروا على القرية المجاورة."
    first = Sentence(0, len(sentence))
    second = Sentence(len(sentence) + 1, len(text))
    place = Place(
        *at(text, "إعزاز"), name="Azaz", level="town", geonameid=172082, country="SY", lat=36.586, lon=37.048
    )
    time = TimeExpr(*at(text, "أمس الأحد"), from_=date(2018, 6, 3), to=date(2018, 6, 3))
    figure = Quantity(*at(text, toll), value=value, low=low)
    bombing = Event(
        id="v1",
        type="ASSAULT",
        trigger_start=at(text, "انفجار")[0],
        trigger_end=at(text, "انفجار")[1],
        sentence=first,
        modality="reported",
        cameo="18",
        acled="Explosions/Remote violence",
        participants=(Participant("target", *at(text, "أشخاص")),),
        place=0,
        time=0,
        quantity=0,
        source=Source(*at(text, "مصادر طبية")),
    )
    seizure = Event(
        id="v2",
        type="COERCE",
        trigger_start=at(text, "سيطروا")[0],
        trigger_end=at(text, "سيطروا")[1],
        sentence=second,
        modality="reported",
        participants=(Participant("actor", *at(text, "المقاتلين")),),
        place=0,
        time=0,
    )
    return Article(
        id=id_,
        text=text,
        origin=f"{id_}.txt",
        url=f"https://{site}/{id_}",
        site=site,
        title=f"انفجار في إعزاز ({site})",
        published=date(2018, 6, 4),
        language="ar",
        sentences=(first, second),
        places=(place,),
        times=(time,),
        quantities=(figure,),
        events=(bombing, seizure),
    )


def _protest(id_: str, town: str, name: str, geonameid: int, lat: float, lon: float, day: date) -> Article:
    text = f"تظاهر مئات السكان في {town} احتجاجاً على ارتفاع الأسعار."
    return Article(
        id=id_,
        text=text,
        origin=f"{id_}.txt",
        site="pacific.example.org",
        title=f"احتجاج في {town}",
        published=day,
        language="ar",
        sentences=(Sentence(0, len(text)),),
        places=(Place(*at(text, town), name=name, level="city", geonameid=geonameid, lat=lat, lon=lon),),
        events=(
            Event(
                id="v1",
                type="PROTEST",
                trigger_start=at(text, "تظاهر")[0],
                trigger_end=at(text, "تظاهر")[1],
                sentence=Sentence(0, len(text)),
                participants=(Participant("actor", *at(text, "السكان")),),
                place=0,
            ),
        ),
    )


def _displacement() -> Article:
    text = "More than 800 families fled Hama province last week, the United Nations said."
    return Article(
        id="en-hama",
        text=text,
        origin="en-hama.txt",
        url="javascript:alert(1)",
        site="news.example.com",
        title="Families flee Hama",
        published=date(2019, 5, 15),
        language="en",
        sentences=(Sentence(0, len(text)),),
        places=(
            Place(
                *at(text, "Hama"),
                name="Hama",
                level="admin1",
                geonameid=170016,
                country="SY",
                lat=35.13,
                lon=36.75,
            ),
        ),
        times=(TimeExpr(*at(text, "last week"), from_=date(2019, 5, 8), to=date(2019, 5, 14)),),
        quantities=(Quantity(*at(text, "More than 800 families"), low=801, unit="family"),),
        events=(
            Event(
                id="v1",
                type="MOVE",
                mode="flee",
                trigger_start=at(text, "fled")[0],
                trigger_end=at(text, "fled")[1],
                sentence=Sentence(0, len(text)),
                modality="reported",
                participants=(Participant("actor", *at(text, "families")),),
                place=0,
                time=0,
                quantity=0,
                source=Source(*at(text, "the United Nations")),
            ),
        ),
    )


AZAZ_ALPHA = "قُتل خمسة أشخاص على الأقل في انفجار وسط مدينة إعزاز أمس الأحد، بحسب مصادر طبية."
AZAZ_BETA = "قُتل سبعة أشخاص في انفجار هز مدينة إعزاز أمس الأحد، بحسب مصادر طبية."


def articles() -> list[Article]:
    return [
        _bombing("ar-azaz-1", "alpha.example.com", AZAZ_ALPHA, "خمسة أشخاص على الأقل", 5, None),
        _bombing("ar-azaz-2", "beta.example.net", AZAZ_BETA, "سبعة أشخاص", None, 7),
        _protest("ar-fiji", "سوفا", "Suva", 2198148, -18.14, 178.44, date(2018, 7, 1)),
        _protest("ar-samoa", "آبيا", "Apia", 4035413, -13.83, -171.76, date(2018, 7, 2)),
        _displacement(),
        Article(id="xss", text=XSS, origin="xss.txt", title=XSS, language="en", published=date(2018, 7, 3)),
    ]


def build_store(db: Path) -> Path:
    """A fresh database at ``db`` with :func:`articles` stored and merged."""
    batch = Batch()
    for article in articles():
        batch.add(article)
    with WriterLock(db, command="tests") as lock, lock.connect() as conn:
        batch.write(conn)
        refresh(conn)
    return db
