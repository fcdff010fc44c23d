"""What the words around a place name say: qualifiers, directions, distances, non-place heads.

All word lists are in the normalised spelling of the shadow text (ة→ه, أ/إ/آ→ا, ى→ي).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.geo.matcher import Mention, Shadow

SETTLEMENT = frozenset(
    "مدينه بلده قريه مدينتي بلدتي قريتي مدينتا بلدتا قريتا مدن بلدات قري ناحيه مخيم بلدية".split()
)
# محافظ (governor) names the governorate too: محافظ البصرة.
ADMIN = frozenset("محافظه محافظتي محافظات محافظ ولايه ولايتي ولايات اقليم مقاطعه اماره".split())
NEUTRAL = frozenset("منطقه مناطق قضاء".split())
# "Around X": a place after these is likely, but an ordinary word too (محيط القصر الجمهوري).
NEAR = frozenset("ضواحي اطراف محيط مشارف".split())
RIF = frozenset(("ريف", "ريفي", "ارياف"))
RIF_DEFINITE = frozenset(("الريف", "والريف", "بالريف", "الريفين", "والريفين"))
# Qualifiers that cover every name of the list that follows (محافظات صعدة والحديدة وتعز).
PLURAL = frozenset("محافظتي محافظات ولايتي ولايات مدن بلدات قري مدينتي بلدتي قريتي ريفي ارياف".split())
# Heads whose name is an organisation or a street, not a place where something happens.
NOT_A_PLACE_HEAD = frozenset(
    "حي شارع ساحه ميدان دوار فندق مسجد جامع كنيسه نادي ملعب منتخب فريق جامعه صحيفه جريده قناه "
    "وكاله اذاعه تلفزيون بنك مصرف شركه مجله مدرسه مستشفي".split()
)
# A mountain, valley, river or plain named like a town elsewhere (جبل الزاوية in Idlib is not
# Zawiya in Libya); the gazetteer's own "جبل ..." names are matched whole before this applies.
NATURAL_FEATURE_HEAD = frozenset("جبل جبال وادي نهر سهل بحيره".split())
PERSON_BEFORE = frozenset(
    "الرئيس الملك الامير الشيخ السيد السيده الوزير الجنرال العقيد العميد الدكتور الامام النائب "
    "الزعيم اللاعب الناشط القائد المدعو الحاج الاميره الملكه".split()
)
PERSON_AFTER = frozenset(("بن", "ابن", "بنت"))
# Set phrases that begin with a place name: مسقط رأسه (birthplace), not Muscat; بحجة أن
# (on the pretext that) and بحجة عدم ...
# on the pretext that), not Hajjah; الغاز المسيل للدموع (tear gas), not M'Sila.
IDIOMS = {"مسقط": ("راس",), "حجه": ("ان",), "المسيل": ("للدموع",), "المسيله": ("للدموع",)}
# Heads a country adjective turns into a place: الأراضي السورية، العاصمة العراقية، الشمال السوري.
NISBA_HEADS = frozenset(
    "الاراضي الحدود العاصمه الساحل السواحل المياه الاجواء المدن القري البلدات المحافظات المناطق "
    "الداخل الشمال الجنوب الشرق الغرب الوسط الصحراء الجزر الموانئ الاقاليم الولايات الريف".split()
)
# A definite adjective in -iyya after a definite noun qualifies it: القنصلية السعودية is the
# Saudi consulate, not a mention of Saudi Arabia; المملكة السعودية and الأراضي السعودية are places.
ADJECTIVE_HEADS_OK = NISBA_HEADS | {"المملكه"}
DIRECTIONS = {
    "شمال": "N", "شمالي": "N", "جنوب": "S", "جنوبي": "S",
    "شرق": "E", "شرقي": "E", "غرب": "W", "غربي": "W",
}  # fmt: skip
ADJECTIVES = {
    "الشمالي": "N", "الجنوبي": "S", "الشرقي": "E", "الغربي": "W",
    "الشماليه": "N", "الجنوبيه": "S", "الشرقيه": "E", "الغربيه": "W",
}  # fmt: skip
UNITS = {
    "كم": 1.0,
    "كلم": 1.0,
    "كيلومتر": 1.0,
    "كيلومترا": 1.0,
    "كيلومترات": 1.0,
    "ميل": 1.609,
    "ميلا": 1.609,
}
BEARING = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}
WORDS = {
    "N": "north", "NE": "northeast", "E": "east", "SE": "southeast",
    "S": "south", "SW": "southwest", "W": "west", "NW": "northwest",
}  # fmt: skip
NUMBER_RE = re.compile(r"^\d{1,5}(?:[.,٫]\d+)?$")
LATIN_DIRECTION_RE = re.compile(
    r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(ern)?\s+"
    r"(?:of\s+(?:the\s+)?(?:(?:city|town|province|village)\s+of\s+)?)?$",
    re.IGNORECASE,
)


def combine(first: str, second: str) -> str | None:
    """شمال + شرق → NE; None when the two do not make a compass point."""
    if first in "NS" and second in "EW":
        return first + second
    return None


@dataclass(frozen=True, slots=True)
class Context:
    qualifier: str | None = None  # settlement admin neutral near rif
    direction: str | None = None
    distance_km: float | None = None
    start: int | None = None  # shadow span of the whole phrase (relative or qualified)
    end: int | None = None
    person: bool = False
    not_place: bool = False
    plural: bool = False  # the qualifier covers a list: محافظتي درعا والسويداء
    last_word: int = -1  # the last word of the phrase (the name, or its direction adjective)


PLAIN = Context()
PERSON = Context(person=True)
# Every word that, right before a name, changes what the name is.
CUES = (
    PERSON_BEFORE
    | NOT_A_PLACE_HEAD
    | NATURAL_FEATURE_HEAD
    | SETTLEMENT
    | ADMIN
    | NEUTRAL
    | NEAR
    | RIF
    | frozenset(DIRECTIONS)
)


def _adjective_form(key: str) -> bool:
    """A single definite word in -iyya (السعودية), which may be an adjective."""
    return key.startswith("ال") and key.endswith("يه") and " " not in key


def _joined(shadow: Shadow, left: int, right: int) -> bool:
    """Words ``left`` and ``right`` are adjacent with only spaces between them."""
    return left >= 0 and shadow.gap(left, right).strip() == ""


def _direction_before(shadow: Shadow, j: int) -> tuple[str | None, int]:
    """The compass point written as word ``j`` (and maybe ``j-1``); the first word it uses."""
    d = DIRECTIONS.get(shadow.stem(j))
    if d is None:
        return None, j
    if _joined(shadow, j - 1, j):
        both = (
            combine(DIRECTIONS.get(shadow.stem(j - 1), ""), d) if shadow.stem(j - 1) in DIRECTIONS else None
        )
        if both:
            return both, j - 1
    return d, j


def _adjective_after(shadow: Shadow, k: int) -> tuple[str | None, int]:
    """A direction adjective at word ``k`` (and maybe ``k+1``: الشمالي الغربي); last word used."""
    d = ADJECTIVES.get(shadow.word(k))
    if d is None or not _joined(shadow, k - 1, k):
        return None, k
    second = ADJECTIVES.get(shadow.word(k + 1))
    if second and _joined(shadow, k, k + 1) and combine(d, second):
        return combine(d, second), k + 1
    return d, k


def analyse(m: Mention, shadow: Shadow, inherited: Context | None = None) -> Context:
    """Read the words around one Arabic mention; ``inherited`` is the context of the name this
    one is listed after (ريفي حماة الجنوبي وحمص الشمالي), when its qualifier covers the list."""
    i, last = m.first_word, m.last_word
    prev = shadow.stem(i - 1)
    attached = m.prefix == "" and _joined(shadow, i - 1, i)
    if (
        inherited is None
        and not (attached and (prev in CUES or (prev.startswith("ال") and _adjective_form(m.key))))
        and not (attached and shadow.word(i - 1) in NATURAL_FEATURE_HEAD)  # وادي, not و + ادي
        and m.key not in IDIOMS
        and not m.prefix.endswith("ل")
        and not (m.prefix == "" and shadow.word(i - 1) == "من")
    ):
        return PERSON if shadow.word(last + 1) in PERSON_AFTER else PLAIN  # nothing around the name
    starts = shadow.starts
    qualifier = None
    head = i  # first word of the phrase built so far
    person = (attached and prev in PERSON_BEFORE) or shadow.word(last + 1) in PERSON_AFTER
    natural = prev in NATURAL_FEATURE_HEAD or shadow.word(i - 1) in NATURAL_FEATURE_HEAD
    if attached and (prev in NOT_A_PLACE_HEAD or natural):
        return Context(not_place=True)
    idiom = IDIOMS.get(m.key)
    if idiom and (shadow.word(last + 1).startswith(idiom) or (m.key == "حجه" and m.prefix.endswith("ب"))):
        return Context(not_place=True)
    if attached and _adjective_form(m.key) and prev.startswith("ال") and prev not in ADJECTIVE_HEADS_OK:
        return Context(not_place=True)
    plural = False
    if attached:
        if prev in SETTLEMENT:
            qualifier = "settlement"
        elif prev in ADMIN:
            qualifier = "admin"
        elif prev in NEUTRAL:
            qualifier = "neutral"
        elif prev in NEAR:
            qualifier = "near"
        elif prev in RIF:
            qualifier = "rif"
        if qualifier:
            head = i - 1
            plural = prev in PLURAL
    elif inherited is not None:
        qualifier, plural = inherited.qualifier, True

    # ريف حلب الشمالي / ريفي حماة الجنوبي وحمص الشمالي / الريف الشمالي لحماة
    if qualifier == "rif":
        d, k = _adjective_after(shadow, last + 1)
        if d:
            start = starts[head] if head != i else m.start
            return Context("rif", d, None, start, shadow.end(k), person, plural=plural, last_word=k)
    if m.prefix.endswith("ل"):
        before = shadow.word(i - 1)
        d = ADJECTIVES.get(before) or ADJECTIVES.get(before[1:] if before.startswith("و") else "")
        chained = inherited is not None and inherited.qualifier == "rif" and before.startswith("و")
        if d and (shadow.word(i - 2) in RIF_DEFINITE or chained) and _joined(shadow, i - 2, i - 1):
            start = starts[i - 2] if not chained else starts[i - 1] + 1
            return Context("rif", d, None, start, m.end, person, plural=True, last_word=last)

    # شمال مدينة إدلب، جنوب شرقي تركيا، على بعد 20 كم شرق الموصل
    direction = None
    distance = None
    if (attached or head == i - 1) and m.prefix == "":
        d, first = _direction_before(shadow, head - 1)
        if d and _joined(shadow, head - 1, head):
            direction, head = d, first
            unit = UNITS.get(shadow.word(head - 1))
            number = shadow.word(head - 2)
            if unit and NUMBER_RE.match(number) and _joined(shadow, head - 2, head - 1):
                distance = float(number.replace(",", ".").replace("٫", ".")) * unit
                head -= 2
                if shadow.word(head - 1) == "بعد" or shadow.word(head - 1) == "مسافه":
                    head -= 1
                    if shadow.word(head - 1) == "علي":
                        head -= 1
    elif m.prefix == "" and shadow.word(i - 1) == "من":
        # إلى الشمال من الموصل
        bare = shadow.word(i - 2)
        if bare in ("الشمال", "الجنوب", "الشرق", "الغرب") and shadow.word(i - 3) in ("الي", "في"):
            direction, head = DIRECTIONS[bare[2:]], i - 3
    if qualifier is None and direction is None:
        return PERSON if person else PLAIN
    start = starts[head] if head != i else m.start
    if head != i and shadow.word(head) != shadow.stem(head):
        start += len(shadow.word(head)) - len(shadow.stem(head))
    return Context(qualifier, direction, distance, start, m.end, person, plural=plural, last_word=last)


def latin_direction(text: str, start: int) -> tuple[str | None, int]:
    """An English compass phrase ending right before ``start`` ("north of", "northern")."""
    m = LATIN_DIRECTION_RE.search(text, max(0, start - 60), start)
    if not m or m.end() != start:
        return None, start
    word = m.group(1).lower().replace("-", "")
    key = {"north": "N", "south": "S", "east": "E", "west": "W"}
    d = "".join(key[p] for p in (word[:5], word[5:]) if p in key) if len(word) > 5 else key[word]
    return d, m.start()
