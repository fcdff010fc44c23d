"""Who did it to whom: word order, passives, agent and target phrases, movements."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Entity
from marsad.events.phrases import Entities
from tests.events.conftest import roles


def _only(article):
    (event,) = article.events
    return roles(article, event)


def test_active_verb_actor_then_target(run):
    got = _only(run("قتلت القوات الأميركية 11 مسلحا في عملية بالعاصمة."))
    assert got["actor"] == "القوات الأميركية"
    assert got["target"].startswith("11 مسلحا")


def test_passive_reading_counts_victims(run):
    assert _only(run("قتل خمسة أشخاص في المدينة."))["target"] == "خمسة أشخاص"


def test_subject_before_a_plural_verb(run):
    got = _only(run("مسلحون خطفوا أربعة مهندسين أجانب."))
    assert got["actor"] == "مسلحون"
    assert got["target"].startswith("أربعة مهندسين")


def test_nisba_and_on_phrase_of_an_event_noun(run):
    got = _only(run("شنت طائرات حربية غارة إسرائيلية على مخيم للاجئين."))
    assert "actor" in got
    assert got["target"].startswith("مخيم")


def test_by_the_hand_of(run):
    assert _only(run("قتل شاب برصاص قوات الأمن."))["actor"] == "قوات الأمن"


def test_movement_origin_and_destination(run):
    got = _only(run("نزحت 800 عائلة من حماة إلى إدلب."))
    assert got["actor"] == "800 عائلة"
    assert got["origin"] == "حماة"
    assert got["destination"] == "إدلب"


def test_description_kept_as_text_with_partitive(run):
    got = _only(run("ووصل أربعة من المتطرفين السعوديين إلى تركيا."))
    assert got["actor"] == "أربعة من المتطرفين السعوديين"


def test_participant_linked_to_entity(run):
    article = run("قصف الجيش السوري بلدة كفرنبل.", entities=[("الجيش السوري", "ORG")])
    (event,) = article.events
    actor = next(p for p in event.participants if p.role == "actor")
    assert actor.entity == "e1"


def test_a_town_is_where_an_attack_happened_not_who_attacked(run):
    text = "قتل 12 مدنيا في غارات جوية استهدفت بلدة كفرنبل في ريف إدلب."
    places = [("كفرنبل", "Kafr Nabl", "town"), ("ريف إدلب", "Idlib countryside", "region")]
    article = run(text, places=places, entities=[("كفرنبل", "LOC")])
    (event,) = article.events
    assert "actor" not in roles(article, event)
    assert event.place == 0


def test_a_country_may_act_as_a_state(run):
    text = "قصفت تركيا مواقع المسلحين."
    article = run(text, places=[("تركيا", "Turkey", "country")], entities=[("تركيا", "GPE")])
    assert roles(article, article.events[0])["actor"] == "تركيا"


def test_the_object_after_a_definite_subject_is_not_part_of_it(run):
    article = run("قصفت الطائرات بلدة كفرنبل أمس.")
    assert roles(article, article.events[0]) == {"actor": "الطائرات", "target": "بلدة كفرنبل"}


def test_a_doer_named_after_a_passive_verb(run):
    article = run("قتل أحد عناصر الشرطة بنيران مسلحين مجهولين وسط المدينة.")
    assert roles(article, article.events[0]) == {"target": "أحد عناصر الشرطة", "actor": "مسلحين مجهولين"}


def test_the_subject_of_a_relative_clause_is_the_noun_it_describes(run):
    article = run("تواصلت المواجهات مع مجموعات من المواطنين الغاضبين، الذين يحتجون على مقتل شاب.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "مجموعات من المواطنين الغاضبين"


def test_a_force_of_the_police_is_one_phrase(run):
    article = run("قالت مصادر إن قوة من الشرطة العراقية اعتدت على المصلين بالضرب.")
    assert roles(article, article.events[0])["actor"] == "قوة من الشرطة العراقية"


def test_before_alone_is_no_doer(run):
    article = run("كما خطف مسلحون قبل خمسة ايام عددا من الاشخاص جنوب بغداد.")
    assert roles(article, article.events[0])["actor"] == "مسلحون"


def test_an_adjective_of_the_attack_is_not_its_doer(run):
    article = run("وقتل أكثر من 30 شخصا في هجمات انتحارية خلال الأسابيع الماضية.")
    assert "actor" not in roles(article, article.events[0])


def test_an_accusative_noun_after_the_verb_is_its_object(run):
    article = run("وقال الحلف إنه قتل عددا من زعماء طالبان في الأيام الماضية.")
    got = roles(article, article.events[0])
    assert got["actor"] == "الحلف"  # the speaker's own إنه, not the accusative noun
    assert got["target"].startswith("عددا من زعماء")


def test_what_an_air_strike_hit_is_its_target(run):
    article = run("نفذ التحالف ضربات جوية قال إنها استهدفت عناصر طالبان.")
    got = roles(article, article.events[0])
    assert got.get("actor") != "عناصر طالبان"
    assert got["target"] == "عناصر طالبان"


@settings(max_examples=200, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12),
    probe=st.tuples(st.integers(0, 70), st.integers(1, 10)),
)
def test_entity_lookup_is_the_first_overlapping_entity(spans, probe):
    entities = [Entity(f"e{n}", s, s + w, "ORG") for n, (s, w) in enumerate(spans)]
    start, end = probe[0], probe[0] + probe[1]
    expected = next((e for e in entities if e.start < end and start < e.end), None)
    assert Entities(entities).at(start, end) == expected


def test_a_country_name_ending_in_alif_is_no_accusative_object(run):
    article = run("قصفت روسيا مواقع المسلحين في إدلب.", places=[("روسيا", "Russia", "country")])
    assert roles(article, article.events[0])["actor"].startswith("روسيا")


def test_a_nationality_after_an_attack_names_its_doer_a_kind_does_not(run):
    article = run("وقتل ثلاثة في غارة إسرائيلية على المخيم.")
    assert roles(article, article.events[0])["actor"] == "إسرائيلية"
    article = run("وقتل ثلاثة في غارة جوية على المخيم.")
    assert "actor" not in roles(article, article.events[0])
    article = run("أسفر الهجوم عن مقتل شرطي وإصابة آخرين.")
    assert any(p.role == "target" for e in article.events for p in e.participants)


def test_a_noun_with_the_article_is_no_verb_and_its_adjective_no_doer(run):
    article = run("وشهدت القرى تصعيدا في القصف الجوي والمدفعي.")
    (event,) = article.events
    assert "actor" not in roles(article, event)


def test_any_is_no_actor(run):
    article = run("ونفت الوزارة أن تكون طائراتها قد نفذت أي غارات على المدينة.")
    assert all(roles(article, e).get("actor") != "أي" for e in article.events)


def test_subject_before_a_light_verb(run):
    article = run("سلاح الجو الإسرائيلي يشن غارة جوية على موقع عين الصاحب.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "سلاح الجو الإسرائيلي"


def test_verbal_noun_after_a_preposition_takes_no_subject(run):
    article = run("أعلنت جماعة مسلحة مسؤوليتها عن خطف أربعة أميركيين في جنوب العراق.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    got = roles(article, attack)
    assert got["actor"] == "جماعة مسلحة"
    assert got["target"].startswith("أربعة أميركيين")


def test_verbal_noun_with_doer_and_object(run):
    article = run("قتل 5 أشخاص من جراء قصف ميليشيات الحوثي سوقا في مدينة مأرب.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    got = roles(article, attack)
    assert got["actor"].startswith("ميليشيات الحوثي")


def test_crowd_after_a_march_verb(run):
    article = run("سارت حشود من المتظاهرين من العشائر في قضاء الحويجة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"].startswith("حشود")


def test_light_verb_with_its_future_letter_split(run):
    article = run("وسير المئات من ابناء دارفور مظاهرة في العاصمة البريطانية لندن.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"].startswith("المئات من ابناء دارفور")


def test_counted_subject_of_a_plural_killing_verb_is_killed(run):
    article = run("ذكر التحالف أن ثلاثين متمردا قتلوا في مواجهات مع قوات الأمن الأفغانية.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    got = roles(article, attack)
    assert got["target"] == "ثلاثين متمردا"
    assert got["actor"].startswith("قوات الأمن")


def test_who_went_out_to_protest(run):
    article = run("وفي غواتيمالا نزل آلاف الاشخاص إلى الشوارع للاحتجاج على تدني الاجور.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "آلاف الاشخاص"


def test_relative_clause_of_a_light_verb(run):
    article = run("وتجمع السكان المحليون الذين خرجوا الى الشوارع للاحتجاج على اعتقاله.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "السكان المحليون"
    arrest = next(e for e in article.events if e.type == "COERCE")
    assert "actor" not in roles(article, arrest)


def test_subject_of_a_verb_of_trying(run):
    article = run("وحاول عشرات المحتجين اليوم اقتحام قاعة العرض في تيسالونيكي.")
    storming = next(e for e in article.events if e.type == "COERCE")
    assert roles(article, storming)["actor"] == "عشرات المحتجين"


def test_daring_verb_far_from_the_noun_names_no_doer(run):
    article = run("ووضع الاتفاق حدا لنزاع استمر بينهما لعقود لكنه أثار احتجاجات على جانبي الحدود.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert "actor" not in roles(article, protest)


def test_crowd_word_keeps_its_partitive(run):
    article = run("وقام ثلة من الطلاب الغاضبين بالتظاهر أمام السفارة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "ثلة من الطلاب الغاضبين"


def test_adjective_after_a_time_word_is_no_doer(run):
    article = run("وجاءت هجمات الأمس الانتحارية في راولبندي بعد أسبوعين.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack).get("actor") != "الانتحارية"


def test_who_called_a_protest(run):
    article = run("ودعا مجلس النقابات المهنية إلى إضراب عام عن العمل الأربعاء المقبل.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"].startswith("مجلس النقابات")


def test_who_took_part_in_a_march(run):
    article = run("وشارك آلاف الطلاب في مسيرة وسط العاصمة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "آلاف الطلاب"


def test_verb_letters_with_a_preposition_are_a_noun(run):
    article = run("وقال إن المحتجز هدد بقتل الجميع وهتف بشعارات.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack).get("actor") != "الجميع"


def test_a_coordinated_noun_is_no_object(run):
    article = run("أسفر الهجوم عن مقتل 33 شخصا وجرح 17 شخصا آخر بينهم امرأتان وطفلان.")
    (attack,) = [e for e in article.events if e.type == "ASSAULT"]
    assert roles(article, attack).get("actor") is None


def test_subject_ends_before_an_accusative_object(run):
    got = _only(run("اختطف مسلحون صحفيا أجنبيا في غزة."))
    assert got["actor"] == "مسلحون"
    assert got["target"] == "صحفيا أجنبيا"


def test_nominative_plural_takes_no_genitive(run):
    article = run("رشق متظاهرون قوات الأمن بالحجارة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    got = roles(article, protest)
    assert got["actor"] == "متظاهرون"
    assert got["target"] == "قوات الأمن"


def test_a_count_keeps_its_accusative_noun(run):
    article = run("قتلت القوات 130 فلسطينيا في المواجهات.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["target"] == "130 فلسطينيا"


def test_raid_of_a_nation_as_subject(run):
    got = _only(run("استهدفت غارة إسرائيلية سيارة في غزة.", entities=[("إسرائيلية", "NORP")]))
    assert got["actor"] == "غارة إسرائيلية"


def test_who_announces_a_strike(run):
    article = run("أعلنت نقابة المعلمين إضرابا مفتوحا عن العمل.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "نقابة المعلمين"


def test_a_passive_by_its_letters(run):
    text = "اغتيل النائب اللبناني في انفجار سيارة مفخخة استهدف موكبه."
    article = run(text, entities=[("اللبناني", "NORP")])
    attack = next(e for e in article.events if e.type == "ASSAULT")
    got = roles(article, attack)
    assert got["target"] == "النائب اللبناني"
    assert "actor" not in got


def test_fire_named_after_another_event_is_not_this_ones(run):
    article = run("وتأتي هذه التظاهرة بعد أيام من مقتل ناشط برصاص الشرطة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert "actor" not in roles(article, protest)


def test_verb_letters_after_ila_are_a_noun(run):
    article = run("وعمد مناصرو المعارضة إلى قطع الطرقات بالإطارات المشتعلة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "مناصرو المعارضة"


def test_what_was_hit_is_not_who_hit_it(run):
    article = run("وتعرض مركز للشرطة في مدينة الرمادي لهجوم بقذائف الهاون.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert "actor" not in roles(article, attack)


def test_a_phrase_with_bi_is_no_doer(run):
    article = run("وأكد شهود أن الشرطة فرقت التظاهرة بالقوة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest).get("actor") != "القوة"


def test_people_named_by_a_protest_noun(run):
    article = run("ودخل إضراب المعلمين أسبوعه الثاني.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "المعلمين"


def test_a_people_word_keeps_no_place_after_it(run):
    article = run("وانطلقت مسيرة الطلاب من ساحة الجامعة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "الطلاب"


def test_the_protesters_stop_before_their_protest(run):
    article = run("ويواصل المحتجون اعتصامهم في الساحة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "المحتجون"
