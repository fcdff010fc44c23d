import pickle
import re

from hypothesis import given
from hypothesis import strategies as st

from marsad.quantity.scan import KeyGate, alternation, matches_near

_LETTERS = "ابتسلمنو "


def _sorted_alternation(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


@given(st.sets(st.text(alphabet=_LETTERS, min_size=1, max_size=6), min_size=1, max_size=12),
       st.text(alphabet=_LETTERS, max_size=40))  # fmt: skip
def test_trie_matches_what_the_longest_first_list_matches(words, text):
    trie = re.compile(rf"(?:{alternation(words)})(?!\S)")
    plain = re.compile(rf"(?:{_sorted_alternation(words)})(?!\S)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trie_prefers_the_longer_month_name():
    pattern = re.compile(alternation(["تشرين", "تشرين الثاني"], space=r"\s+"))
    assert pattern.match("تشرين  الثاني").group() == "تشرين  الثاني"


def test_gate_takes_clitics_and_leaves_words_that_merely_contain_a_key():
    gate = KeyGate({"قبل": 1, "عام": 2})
    text = "المقبل وقبل العام والعامة"
    hits = gate.hits(text)
    assert hits[1] == [text.index("قبل", 8)]
    assert hits[2] == [text.index("عام"), text.rindex("عام")]


def test_gate_whole_keys_prefixes_word_ends_and_digits():
    gate = KeyGate({"اب": 1, "ست": 2}, whole=frozenset({"اب"}), word_end=True, prefixes=frozenset({"", "و"}),
                   digits=(r"\d+", 4))  # fmt: skip
    text = "في اب وست ولست ستة 12 ابريل"
    hits = gate.hits(text)
    assert hits == {1: [3], 2: [text.index("ست")], 4: [text.index("12")]}


def test_gate_survives_pickling():
    gate = KeyGate({"منذ": 1}, digits=(r"\d{4}", 2))
    again = pickle.loads(pickle.dumps(gate))
    assert again.hits("منذ 2015") == gate.hits("منذ 2015") == {1: [0], 2: [4]}


@given(st.text(alphabet="اب 12", max_size=60))
def test_matches_near_finds_what_finditer_finds(text):
    pattern = re.compile(r"(?<![^\W_])(?:ا\s+)?\d+(?:\s+ب)?")
    hits = [m.start() for m in re.finditer(r"\d+", text)]
    near = [m.span() for m in matches_near(pattern, text, hits, 10)]
    assert near == [m.span() for m in pattern.finditer(text)]
