"""The lexicon tables load, agree with each other, and expand forms as documented."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.events.lexicon import key, lemma, load_event_lexicon, noun_forms, verb_forms


def test_a_verb_paradigm_covers_person_and_number():
    forms = {f for f, _ in verb_forms("قتل/قتل")}
    assert {"قتل", "قتلت", "قتلوا", "يقتل", "يقتلون", "تقتل"} <= forms
    assert dict(verb_forms("قتل/قتل"))["يقتلون"] is True  # imperfect
    assert dict(verb_forms("قتل/قتل"))["قتلوا"] is False


def test_a_noun_gets_its_dual_accusative_and_construct_forms():
    assert {"غاره", "غارتين", "غارت"} <= set(noun_forms("غارة"))
    assert {"هجوم", "هجوما", "هجومين"} <= set(noun_forms("هجوم"))


def test_keys_fold_alef_ya_and_ta_marbuta():
    assert key("إصابة") == key("اصابه")
    assert key("قُتِلَ") == "قتل"


def test_lemma_drops_plural_and_accusative_endings():
    assert lemma(key("مسلحون")) == lemma(key("مسلحين")) == "مسلح"
    assert lemma(key("انتحاريا")) == key("انتحاري")
    assert lemma("قوات") == "قوات"  # too short a stem to cut


def test_tables_agree(lexicon):
    for forms in lexicon.triggers.values():
        for form in forms:
            assert form.sense.type in lexicon.types
            assert form.sense.casualty in (None, "killed", "injured")
    kinds = set().union(*lexicon.cues.values())
    assert {"negation", "deny", "conditional", "hypothetical", "planned", "attempted"} <= kinds
    assert {"speech", "according", "generic", "claimed", "allege"} <= kinds
    needed = {"ARMED", "ATTACKERS", "PROTESTERS", "REFERENCE", "SLOGAN", "ACCIDENT", "LIGHT_VERBS"}
    assert needed <= set(lexicon.sets)


def test_every_plover_type_and_the_three_of_marsad_are_known(lexicon):
    plover = "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    plover += "SANCTION MOBILIZE COERCE ASSAULT MOVE GATHER DEFECT"
    assert set(plover.split()) == set(lexicon.types)


def test_phrase_senses_come_before_plain_ones(lexicon):
    forms = lexicon.triggers[key("إطلاق")]
    assert all(f.sense.constrained for f in forms)
    forms = lexicon.triggers[key("إضراب")]
    constrained = [f.sense.constrained for f in forms]
    assert constrained == sorted(constrained, reverse=True)


def test_loading_twice_gives_equal_lexicons_and_no_shared_state():
    a, b = load_event_lexicon(), load_event_lexicon()
    assert a.triggers.keys() == b.triggers.keys()
    assert a is not b


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئءًٌٍَُِّْـ", min_size=1, max_size=12))
def test_key_is_idempotent(word):
    assert key(key(word)) == key(word)


def test_manifest_checksums_match_the_tables():
    import hashlib
    import json
    from importlib import resources

    folder = resources.files("marsad.data").joinpath("events")
    manifest = json.loads(folder.joinpath("manifest.json").read_text(encoding="utf-8"))
    tables = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv"))
    assert sorted(manifest["files"]) == tables
    for name, digest in manifest["files"].items():
        assert hashlib.sha256(folder.joinpath(name).read_bytes()).hexdigest() == digest, name
