from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.stories.merge import merge_reports, places_compatible
from marsad.stories.reports import PlaceRef, reports_of
from tests.stories.factory import ALEPPO, FIJI, GAZA, IDLIB, KAFRANBEL, MAARAT, SYRIA, Where, article


def _ref(w: Where) -> PlaceRef:
    return PlaceRef(w.name, w.level, w.geonameid, w.country, w.lat, w.lon)


def _reports(*articles):
    return [r for a in articles for r in reports_of(a)]


def test_one_event_reported_by_three_outlets_is_one_event_with_three_reports():
    arts = [
        article("a", site="bbc.co.uk"),
        article("b", site="france24.com", actor="طائرات حربية", source="الدفاع المدني"),
        article("c", site="skynewsarabia.com", published=date(2018, 4, 10)),
    ]
    (event,) = merge_reports(_reports(*arts))
    assert [r.article for r in event.reports] == ["a", "b", "c"]
    assert event.place.name == "إدلب"
    assert (event.date_from, event.date_to) == (date(2018, 4, 8), date(2018, 4, 8))


def test_disagreeing_figures_stay_separate_claims_with_their_sources():
    arts = [
        article("a", killed=5, source="المرصد السوري"),
        article("b", killed=7, source="الدفاع المدني"),
        article("c", killed=5, source="المرصد السوري"),  # the same figure from the same source
    ]
    (event,) = merge_reports(_reports(*arts))
    claims = {(c.value, c.source, c.article) for c in event.claims}
    assert claims == {(5.0, "المرصد السوري", "a"), (7.0, "الدفاع المدني", "b")}


def test_a_country_level_mention_never_merges_with_a_town_inside_it():
    assert not places_compatible(_ref(SYRIA), _ref(KAFRANBEL))
    events = merge_reports(_reports(article("a", where=KAFRANBEL), article("b", where=SYRIA)))
    assert len(events) == 2


def test_places_are_compatible_within_a_distance_that_grows_with_vagueness():
    assert places_compatible(_ref(KAFRANBEL), _ref(MAARAT))  # two towns ~12 km apart
    assert not places_compatible(_ref(KAFRANBEL), _ref(ALEPPO))  # ~70 km
    assert places_compatible(_ref(IDLIB), PlaceRef("سرمين", "town", None, "SY", 35.90, 36.72))  # ~9 km
    assert not places_compatible(_ref(IDLIB), _ref(KAFRANBEL))  # ~36 km: beyond a city's reach
    assert not places_compatible(_ref(GAZA), _ref(IDLIB))


def test_an_area_contains_points_only_in_its_own_country():
    province = PlaceRef("محافظة إدلب", "admin1", 169388, "SY", 35.8, 36.6)
    assert places_compatible(province, _ref(IDLIB))
    turkish = PlaceRef("ريحانلي", "city", 300000, "TR", 36.27, 36.57)
    assert not places_compatible(province, turkish)


def test_places_across_the_antimeridian_are_measured_the_short_way():
    east = PlaceRef("a", "town", None, "FJ", -18.0, 179.95)
    west = PlaceRef("b", "town", None, "FJ", -18.0, -179.95)
    assert places_compatible(east, west)
    assert not places_compatible(_ref(FIJI), _ref(GAZA))


def test_times_must_overlap():
    a = article("a", when=(date(2018, 4, 8), date(2018, 4, 8)))
    b = article("b", when=(date(2018, 4, 20), date(2018, 4, 20)), published=date(2018, 4, 21))
    assert len(merge_reports(_reports(a, b))) == 2


def test_named_actors_that_differ_keep_events_apart():
    a = article("a", actor="الجيش السوري", actor_id="wd:Q1")
    b = article("b", actor="الجيش التركي", actor_id="wd:Q2")
    assert len(merge_reports(_reports(a, b))) == 2


def test_a_denial_is_not_merged_with_an_assertion_nor_a_plan():
    a = article("a")
    b = article("b", modality="negated")
    c = article("c", modality="planned")
    assert sorted(e.modality for e in merge_reports(_reports(a, b, c))) == ["asserted", "negated", "planned"]


def test_reported_and_asserted_accounts_merge_and_the_event_is_asserted():
    (event,) = merge_reports(_reports(article("a", modality="reported"), article("b", modality="asserted")))
    assert event.modality == "asserted"


def test_without_a_time_or_place_reports_merge_only_inside_one_story():
    a = article("a", when=None)
    b = article("b", when=None)
    assert len(merge_reports(_reports(a, b))) == 2
    assert len(merge_reports(_reports(a, b), stories={"a": "s", "b": "s"})) == 1


def test_inside_one_story_only_a_stated_difference_keeps_reports_apart():
    story = {"a": "s", "b": "s"}
    # Participants described in words that share nothing (a target read as the actor): one event.
    a = article("a", actor="مطار التيفور العسكري")
    b = article("b", actor="مقاتلين إيرانيين", site="bbc.co.uk")
    assert len(merge_reports(_reports(a, b))) == 2
    assert len(merge_reports(_reports(a, b), story)) == 1
    # A province beside a town inside it, too far for the province's radius: one event.
    province = Where("محافظة إدلب", "admin1", 35.1, 37.6, 169388, "SY")
    c = article("a", where=KAFRANBEL)
    d = article("b", where=province, site="bbc.co.uk")
    assert len(merge_reports(_reports(c, d))) == 2
    assert len(merge_reports(_reports(c, d), story)) == 1
    # Two named towns, ~70 km or only ~12 km apart, or known actors that differ: still two events.
    e = article("b", where=ALEPPO, site="bbc.co.uk")
    assert len(merge_reports(_reports(c, e), story)) == 2
    near = article("b", where=MAARAT, site="bbc.co.uk")
    assert len(merge_reports(_reports(c, near), story)) == 2
    twin = Where("كفر نبل", "town", KAFRANBEL.lat + 0.01, KAFRANBEL.lon, 999, "SY")  # listed twice
    assert len(merge_reports(_reports(c, article("b", where=twin, site="bbc.co.uk")), story)) == 1
    f = article("a", actor="الجيش السوري", actor_id="wd:Q1")
    g = article("b", actor="الجيش التركي", actor_id="wd:Q2", site="bbc.co.uk")
    assert len(merge_reports(_reports(f, g), story)) == 2


def test_different_types_are_different_events():
    events = merge_reports(_reports(article("a"), article("b", event_type="PROTEST", trigger="تظاهروا")))
    assert len(events) == 2


ARTICLES = [
    article("a", site="bbc.co.uk"),
    article("b", site="france24.com", killed=7),
    article("c", where=KAFRANBEL),
    article("d", where=MAARAT, published=date(2018, 4, 10)),
    article("e", where=SYRIA),
    article("f", modality="negated"),
    article("g", when=(date(2018, 4, 9), date(2018, 4, 9))),
    article("h", where=ALEPPO, actor="الجيش السوري", actor_id="wd:Q1"),
    article("i", where=ALEPPO, actor="الجيش التركي", actor_id="wd:Q2"),
    article("j", when=None),
]


@settings(max_examples=60, deadline=None)
@given(st.permutations(ARTICLES), st.randoms(use_true_random=False))
def test_merging_does_not_depend_on_input_order(arts, rnd):
    reports = _reports(*arts)
    rnd.shuffle(reports)
    stories = {"a": "s1", "b": "s1", "j": "s1"}
    got = merge_reports(reports, stories)
    expected = merge_reports(_reports(*ARTICLES), stories)
    assert got == expected
    assert sorted(r.key for e in got for r in e.reports) == sorted(r.key for r in _reports(*ARTICLES))


def test_reports_across_an_iso_week_boundary_are_one_event():
    # Sunday 2018-04-08 ends ISO week 14; the Tuesday report of it falls in week 15.
    sunday, tuesday = date(2018, 4, 8), date(2018, 4, 10)
    arts = [
        article("a", site="bbc.co.uk", published=sunday, when=(sunday, sunday)),
        article("b", site="france24.com", published=tuesday, when=(sunday, sunday)),
        # No time stated, published on Tuesday: the event is dated to the two days before.
        article("c", site="skynewsarabia.com", published=tuesday, when=None),
    ]
    (event,) = merge_reports(_reports(*arts), {"a": "s", "b": "s", "c": "s"})
    assert [r.article for r in event.reports] == ["a", "b", "c"]
    assert (event.date_from, event.date_to) == (sunday, sunday)


@settings(max_examples=60, deadline=None)
@given(st.dates(date(2017, 12, 1), date(2019, 1, 31)), st.integers(0, 3))
def test_whether_reports_merge_depends_on_days_apart_not_on_the_calendar(day, apart):
    other = date.fromordinal(day.toordinal() + apart)
    arts = [
        article("a", site="bbc.co.uk", published=day, when=(day, day)),
        article("b", site="france24.com", published=other, when=(other, other)),
    ]
    events = merge_reports(_reports(*arts))
    # A day's slack for time zones ("yesterday" here is "today" there), never more.
    assert len(events) == (1 if apart <= 1 else 2)
