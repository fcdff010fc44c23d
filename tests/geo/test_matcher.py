from __future__ import annotations

from marsad.geo.matcher import Shadow, find_arabic


def found(gazetteer, text):
    shadow = Shadow.of(text, gazetteer.folding)
    mentions, adjectives = find_arabic(shadow, gazetteer)
    return shadow, mentions, adjectives


def test_names_behind_clitics_and_at_the_edges(gazetteer):
    shadow, mentions, _ = found(gazetteer, "حلب وبإدلب، وللرقة؛ بغداد")
    expected = [("حلب", ""), ("ادلب", "وب"), ("الرقه", "ول"), ("بغداد", "")]
    assert [(m.key, m.prefix) for m in mentions] == expected
    assert [shadow.word(m.first_word) for m in mentions] == ["حلب", "وبادلب", "وللرقه", "بغداد"]


def test_only_whole_words_match(gazetteer):
    _, mentions, _ = found(gazetteer, "السوريات والحلبيون ومشقة")
    assert [m.key for m in mentions] == []


def test_country_adjectives_are_found_with_their_words(gazetteer):
    shadow, _, adjectives = found(gazetteer, "قالت الحكومة السورية والمعارضة العراقية")
    assert [(shadow.word(a.word), a.country, a.whole) for a in adjectives] == [
        ("السوريه", "SY", True),
        ("العراقيه", "IQ", True),
    ]


def test_words_and_gaps(gazetteer):
    shadow = Shadow.of("مدينة #غزة، ـ والقدس", gazetteer.folding)
    assert shadow.tokens == ["مدينه", "غزه", "والقدس"]
    assert shadow.gap(0, 1).strip() == ""  # a hashtag mark does not separate words
    assert shadow.gap(1, 2).strip() == "،"
    assert [shadow.end(i) - shadow.starts[i] for i in range(3)] == [5, 3, 6]
