"""Who did it and to whom: actor, target, and for movements origin and destination.

Word order decides, with two hints where Arabic leaves it open: a phrase opening with a
number is counted people, the victims of a passive (قتل خمسة أشخاص), while one naming an
armed group or a named entity acts (قتلت القوات الأميركية 11 مسلحا). After a verb the next
phrase is its subject (or the phrase before it, for مسلحون خطفوا); after an event noun the
genitive is the actor (غارة إسرائيلية، قصف النظام) unless the noun counts victims (مقتل خمسة).
على يد / من قبل / برصاص X name the actor; على / ضد / بحق X the target; من X and إلى X the
origin and destination of a movement.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.article import Participant, Place
from marsad.events.anchors import PlaceIndex
from marsad.events.doers import (
    LIGHT_REACH,
    NUMBER_START,
    accusative,
    antecedent,
    as_noun,
    claimed_actor,
    counted_start,
    done_by,
    people,
    responsible,
    self_named,
    skip_times,
    speaker_did,
    subject_before,
    subject_part,
    trying_subject,
    with_partitive,
)
from marsad.events.lexicon import EventLexicon, key
from marsad.events.phrases import Entities, noun_phrase, phrase_span
from marsad.events.text import View
from marsad.events.triggers import Mention

#: Types with a target at all.
_TARGETED = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "REQUEST", "REJECT", "PROTEST", "SUPPORT", "AID"}
)
_MOVERS = frozenset({"MOVE", "GATHER", "PROTEST", "DEFECT", "RETREAT", "MOBILIZE"})
_BY = frozenset(key(w) for w in "يد قبل برصاص بنيران رصاص نيران أيدي".split())
_ON = frozenset(key(w) for w in "على ضد بحق استهدف استهدفت استهدفا استهدفوا مستهدفا مستهدفة".split())
_FROM = frozenset({"من"})
_TO = frozenset(key(w) for w in "إلى الى نحو باتجاه صوب".split())
_NAMED = frozenset({"ORG", "GPE", "PER", "NORP"})
_AIRCRAFT = frozenset(key(w) for w in "طائرات طائرة مقاتلات مروحيات مروحية طائرتين بوارج".split())
_ALA, _YAD, _QABL = key("على"), key("يد"), key("قبل")
_BY_REACH = 10
#: Verbs of going out that a protest noun of purpose follows: نزل الآلاف إلى الشوارع للاحتجاج.
_GO_OUT = frozenset(
    key(w)
    for w in (
        "نزل نزلت نزلوا ينزل ينزلون سار سارت ساروا تجمع تجمعوا احتشد احتشدوا قيام "
        "شارك شاركت شاركوا يشارك تشارك يشاركون دعا دعت دعوا يدعو تدعو"
    ).split()
)
_SOME = frozenset(key(w) for w in "بعض عدد".split())


def _role(role: str, v: View, ents: Entities, first: int, last: int) -> Participant:
    start, end = phrase_span(v, first, last)
    entity = ents.at(start, end)
    return Participant(role, start, end, entity.id if entity else None, entity.canonical if entity else None)


def _acts(v: View, lex: EventLexicon, ents: Entities, np: tuple[int, int]) -> bool:
    """A phrase naming an armed group or a named actor, and not opening with a count."""
    first, last = np
    if v.full[first][:1].isdigit() or v.full[first] in NUMBER_START - _SOME:
        return False
    if any(v.has(j, lex.sets["ARMED"]) or v.stem[j] in _AIRCRAFT for j in range(first, last + 1)):
        return True
    entity = ents.at(*v.span(first, last))
    return entity is not None and entity.type in _NAMED


def _counted(v: View, lex: EventLexicon, np: tuple[int, int]) -> bool:
    """A phrase counting people: نزوح 800 عائلة، احتشاد آلاف المواطنين."""
    first, last = np
    people = lex.sets["CROWD"] | lex.sets["MIGRANTS"]
    return (
        v.full[first][:1].isdigit()
        or v.full[first] in NUMBER_START
        or any(v.has(j, people) for j in range(first, last + 1))
    )


_NOT_ORIGIN = frozenset(
    key(w)
    for w in (
        "جوي انتحاري احتجاجي عسكري أمني إرهابي طائفي دموي عشوائي صاروخي مدفعي كيماوي كيميائي "
        "انتقامي سلمي شعبي رسمي حكومي إسلامي دولي محلي إقليمي ميداني يومي إنساني داخلي خارجي "
        "قاسي جبري عمالي مسلح"
    ).split()
)


def _nisba(v: View, ents: Entities, j: int) -> bool:
    """An adjective of origin after an event noun (غارة إسرائيلية، قصف روسي): a nationality
    or a people, as the entity layer names it or, where it names nothing there, by its form;
    الجوي، الانتحارية، الاحتجاجية tell what kind of event it was, not who did it."""
    stem = v.stem[j]
    if len(stem) < 5 or not stem.endswith(("يه", "يين", "يون", "ي")) or stem.endswith(("اي", "وي")):
        return False
    base = stem[:-1] if stem.endswith("ه") else stem
    if base in _NOT_ORIGIN or v.lem[j] in _NOT_ORIGIN:
        return False
    entity = ents.at(v.tokens[j].start, v.tokens[j].end)
    return entity is None or (
        entity.type in ("NORP", "GPE")
        or (entity.canonical is not None and entity.canonical.kind == "nationality")
    )


def _marked(
    v: View, ents: Entities, lo: int, hi: int, words: frozenset[str], barrier: frozenset[int]
) -> tuple[int, int] | None:
    """The phrase after the first of ``words`` in ``lo:hi`` (also as a proclitic-free stem)."""
    for j in range(lo, hi):
        if v.full[j] == _QABL and (j == 0 or v.full[j - 1] != "من"):
            continue  # قبل alone is "before"; من قبل is "by"
        if v.full[j] in words or (v.stem[j] in words and v.tokens[j].proclitics[:1] != ("ال",)):
            nxt = j + 1
            if v.full[j] == _ALA and nxt < hi and v.full[nxt] == _YAD:
                nxt += 1
            if v.full[j] == "من" and nxt < hi and v.full[nxt] == _QABL:
                nxt += 1
            np = noun_phrase(v, nxt, hi, ents=ents, barrier=barrier)
            if np is not None:
                return np
    return None


def _core_roles(
    v: View,
    lex: EventLexicon,
    ents: Entities,
    m: Mention,
    hi: int,
    barrier: frozenset[int],
    named: frozenset[int] = frozenset(),
) -> dict[str, tuple[int, int]]:
    """Actor and target from word order around the trigger itself."""
    roles: dict[str, tuple[int, int]] = {}
    inside = m.last > m.tok + 1  # أطلق مسلحون النار: the phrase holds its subject
    start = skip_times(v, m.tok + 1 if inside else m.last + 1, hi)
    if start in barrier and (
        v.has(start, lex.sets["CROWD"]) or (m.form.verb and start + 1 < hi and _nisba(v, ents, start + 1))
    ):
        # سارت حشود من المتظاهرين، استهدفت غارة إسرائيلية سيارة: the crowd or the raid of a
        # nation acts, whatever else it is
        barrier = barrier - {start}
    after = noun_phrase(v, start, m.last if inside else hi, ents=ents, barrier=barrier)
    done = next((j for j in range(after[0], after[1] + 1) if done_by(v, j)), None) if after else None
    if done is not None or (after is not None and v.tokens[after[0]].proclitics[:1] in (("ب",), ("ك",))):
        # هجوم مسلح نفذه متطرف، بقصف أطلقته طائرة: the doer follows the verb; فرقت التظاهرة بالقوة
        after = None
    if (
        inside
        and after is not None
        and after[1] < m.last
        and not counted_start(v, after[0])
        and (m.form.verb or not accusative(v, ents, after))  # إضرابا مفتوحا عن: its adjective
    ):
        roles["actor"] = after
        return roles
    if not m.form.verb:
        verbs = lex.sets["LIGHT_VERBS"] | (_GO_OUT if m.type in ("PROTEST", "GATHER") else frozenset())
        also = _ANNOUNCE if m.type in ("PROTEST", "GATHER") else frozenset()
        light = _light_subject(v, m, ents, barrier, verbs, True) or trying_subject(v, m, ents, barrier, also)
        if light is not None:
            roles["actor"] = light
        undergoer = _light_subject(
            v, m, ents, barrier, lex.sets["UNDERGO_VERBS"], False
        )  # تعرضت القافلة لهجوم
        if undergoer is not None:
            roles["target"] = undergoer
        if after is None:
            return roles
        if "target" in roles:
            pass
        elif m.casualty or (m.type == "COERCE" and not _acts(v, lex, ents, after)):
            roles["target"] = after
        elif m.type in _TARGETED and counted_start(v, after[0]):
            roles["target"] = after  # خطف أربعة أميركيين: a counted genitive is who it befell
        elif (
            "actor" not in roles
            and not _adjective(v, ents, m, after)
            and (
                _acts(v, lex, ents, after)
                or _nisba(v, ents, after[0])
                or (m.type in _MOVERS and _counted(v, lex, after))
                or (m.type in ("PROTEST", "GATHER") and people(v, ents, after[0]))
            )
        ):
            roles["actor"] = after = subject_part(v, ents, after)
            obj = noun_phrase(v, after[1] + 1, hi, ents=ents, barrier=barrier)
            if (
                obj is not None
                and obj[0] == after[1] + 1
                and m.type in _TARGETED
                and accusative(v, ents, obj)
                and not v.full[obj[0]].endswith(("ها", "هما", "نا"))
            ):
                roles.setdefault("target", obj)  # قصف الميليشيات سوقا: a verbal noun takes an object
        return roles
    before = (
        (subject_before(v, m.first, ents, barrier) or antecedent(v, m.first, ents, barrier))
        if m.form.verb
        else None
    )
    if _plural(v, m):  # خطفوا، يحتجون: the subject is before or left out; what follows is the object
        if before is not None and m.casualty and counted_start(v, before[0]):
            roles["target"] = before  # ثلاثون متمردا قتلوا: counted people were killed
            return roles
        if before is not None:
            roles["actor"] = before
        if after is not None and m.type in _TARGETED and not m.last > m.tok:
            roles["target"] = after
        return roles
    if m.last > m.tok:  # ورددوا هتافات: the phrase's object is not a subject
        after = None
    if before is None and after is not None and after[0] not in named and accusative(v, ents, after):
        if m.type in _TARGETED:  # قتل عددا من زعماء طالبان: the object, the subject left out
            roles["target"] = after
        return roles
    if before is None and after is not None:
        after = subject_part(v, ents, after)
    subject = before or after
    if subject is None:
        return roles
    obj = noun_phrase(v, subject[1] + 1, hi, ents=ents, barrier=barrier) if subject is after else after
    # خطفت الجبهة الشعبية ثلاث طائرات: a passive verb takes no object after its subject.
    # ... 17 شخصا بينهم امرأتان وطفلان: what و joins on is more of the subject, not an object.
    active = (
        subject is after
        and obj is not None
        and obj[0] == subject[1] + 1
        and v.tokens[obj[0]].proclitics[:1] != ("و",)
    )
    # قتل أحد عناصر الشرطة بنيران مسلحين: with its doer named after it, the verb is passive.
    by = subject is after and _marked(v, ents, subject[1] + 1, min(hi, subject[1] + 4), _BY, barrier)
    if (by and _passive_reading(m)) or v.stem[m.tok] in _PASSIVES:
        roles["target"] = subject
    elif _acts(v, lex, ents, subject) or not _passive_reading(m) or active:
        roles["actor"] = subject
        if obj is not None and m.type in _TARGETED:
            roles["target"] = obj
    else:
        roles["target"] = subject
    return roles


def _adjective(v: View, ents: Entities, m: Mention, np: tuple[int, int]) -> bool:
    """An adjective right after an event noun (هجمات انتحارية، القصف الجوي، هجمات الأمس
    الانتحارية) describes it; only a nationality or a people (غارة إسرائيلية) may name its doer."""
    first, last = np
    if (
        first != skip_times(v, m.last + 1, first + 1)
        or not v.stem[first].endswith(("ي", "يه"))
        or counted_start(v, first)
    ):
        return False
    return not any(_nisba(v, ents, j) for j in range(first, last + 1))


def _describes(v: View, m: Mention, other: Mention) -> bool:
    """A verb after the attack noun it tells of, with no و of its own (غارات جوية استهدفت
    بلدة، ضربات ... انها استهدفت عناصر طالبان): what follows it is what was hit."""
    return (
        not m.form.verb
        and other.form.verb
        and other.tok > m.tok
        and other.type in ("ASSAULT", "COERCE")
        and not v.tokens[other.tok].proclitics
    )


PLACE_HEADS = frozenset(
    key(w) for w in "بلدة مدينة قرية حي منطقة ريف محافظة مديرية مخيم معبر ناحية قضاء ضاحية".split()
)


def _is_place(v: View, places: Sequence[Place], index: PlaceIndex, np: tuple[int, int]) -> bool:
    """A phrase that names a place below a country: بلدة كفرنبل، ريف إدلب، معبر الزمراني."""
    if v.stem[np[0]] in PLACE_HEADS or v.full[np[0]] in PLACE_HEADS:
        return True
    start, end = v.span(*np)
    near = [places[i] for i in index.near(start, end) if places[i].level != "country"]
    return any(p.start <= start and end <= p.end for p in near) or any(
        start <= p.start and p.end <= end and p.end - p.start >= (end - start) * 0.6 for p in near
    )


def _plural(v: View, m: Mention) -> bool:
    return m.form.verb and v.stem[m.tok].endswith(("وا", "ون"))


def _passive_reading(m: Mention) -> bool:
    """Verbs news writes in the passive with the same letters: قتل، أصيب، اختطف، اعتقل."""
    return m.casualty is not None or m.mode in ("abduct", "arrest")


def _light_subject(
    v: View, m: Mention, ents: Entities, barrier: frozenset[int], verbs: frozenset[str], doer: bool
) -> tuple[int, int] | None:
    """The subject of a light verb before an event noun: نفذ المتظاهرون اعتصاما، قام مسلحون
    باختطاف، شنت الطائرات غارات; for the ``doer`` also one before the verb or the noun a
    relative clause describes: سلاح الجو يشن غارة، السكان الذين خرجوا إلى الشوارع للاحتجاج."""
    lo, _ = v.stretch(m.tok)
    for j in range(m.tok - 1, max(lo, m.tok - LIGHT_REACH) - 1, -1):
        if v.has(j, verbs) or v.keys(j)[-1] in verbs:  # وسير split as و+س+ير
            after = noun_phrase(v, skip_times(v, j + 1, m.tok), m.tok, ents=ents, barrier=barrier)
            if after is not None or not doer or any(k in barrier for k in range(j + 1, m.first)):
                return after  # خرجوا للاحتجاج على اعتقاله: the verb governs the first event noun only
            return subject_before(v, j, ents, barrier) or antecedent(v, j, ents, barrier)
    return None


_PASSIVES = frozenset(key(w) for w in "اغتيل اغتيلت اغتيلوا".split())  # passive by its letters
#: Who announces or declares a strike or a sit-in holds it: أعلنت نقابة المعلمين إضرابا.
_ANNOUNCE = frozenset(key(w) for w in "أعلن أعلنت أعلنوا يعلن تعلن يعلنون".split())


def _fallback_actor(
    v: View,
    lex: EventLexicon,
    ents: Entities,
    m: Mention,
    lo: int,
    hi: int,
    taken: set[tuple[int, int]],
    speaker: tuple[int, int] | None,
) -> tuple[int, int] | None:
    """For a protest without a subject, the protesters the stretch names; for an attack, the
    armed group it names before the trigger."""
    if m.type in ("PROTEST", "GATHER"):
        words, span = lex.sets["PROTESTERS"], range(lo, hi)
    elif m.type == "ASSAULT":
        words, span = lex.sets["ARMED"], range(lo, m.first)
    else:
        return None
    for j in span:
        if speaker is not None and speaker[0] <= v.tokens[j].start < speaker[1]:
            continue  # the speaker is who tells of the attack
        if v.has(j, words) and not any(a <= j <= b for a, b in taken):
            first = j
            while first > lo and (
                v.full[first - 1] in NUMBER_START
                or v.full[first - 1].isdigit()
                or (v.full[first - 1] == "من" and first - 2 >= lo)
            ):
                first -= 1
            # المحتجون اعتصامهم: the phrase stops before the event word itself
            np = noun_phrase(v, first, m.first if first < m.first else hi, ents=ents)
            if np is not None and np[0] <= j <= np[1]:
                return np
    return None


def _owner(v: View, lex: EventLexicon, actor: tuple[int, int], speaker: tuple[int, int] | None) -> bool:
    """«قال الجيش إن قواته قتلت»: a possessed armed noun whose owner is the speaker."""
    first, last = actor
    tok = v.tokens[first]
    return (
        speaker is not None
        and first == last
        and tok.enclitic is not None
        and (v.has(first, lex.sets["ARMED"]) or v.stem[first] in _AIRCRAFT)
    )


_CLASHES = frozenset(key(w) for w in "مواجهات مواجهة اشتباكات اشتباك معارك معركة".split())
_WITH = frozenset({key("مع")})


def find_participants(
    v: View,
    lex: EventLexicon,
    ents: Entities,
    m: Mention,
    others: list[Mention],
    barrier: frozenset[int],
    speaker: tuple[int, int] | None = None,
    places: Sequence[Place] = (),
    index: PlaceIndex | None = None,
) -> tuple[Participant, ...]:
    """Participants of the event triggered by ``m``; ``others`` are its merged mentions;
    ``speaker`` the character span of the source, the owner of «قواته» in its words; an actor
    that is one of ``places`` (other than a country, which may act as a state) is dropped."""
    m, others = as_noun(v, m), [as_noun(v, other) for other in others]
    lo, hi = v.stretch(m.tok)
    # tokens of the stretch inside a place name: روسيا is a name, not an accusative noun
    named = (
        frozenset(
            j
            for i in (index or PlaceIndex.build(places, 0)).within(*v.span(lo, hi - 1))
            for j in range(lo, hi)
            if places[i].start <= v.tokens[j].start < places[i].end
        )
        if places and hi > lo
        else frozenset()
    )
    roles = _core_roles(v, lex, ents, m, hi, barrier, named)
    # مقتل ناشط برصاص الشرطة: the fire is the killing's, not that of another event's word before
    # it; قتل 3 وأصيب عشرات برصاص الجيش: the injuring is this event's own
    own = {j for x in others for j in range(x.first, x.last + 1)}
    reach = next(
        (j for j in range(m.last + 1, min(hi, m.last + _BY_REACH)) if j in barrier and j not in own),
        m.last + _BY_REACH,
    )
    by = _marked(v, ents, m.last + 1, min(hi, reach), _BY, barrier)
    if by is not None and "actor" not in roles:
        roles["actor"] = by
    for other in others:  # وقتل مهاجم انتحاري 47 شخصا في هجوم: the casualty verb names them
        if "actor" in roles and "target" in roles:
            break
        extra = _core_roles(v, lex, ents, other, hi, barrier, named)
        if "actor" in extra and any(_describes(v, x, other) for x in (m, *others)):
            extra.setdefault("target", extra.pop("actor"))  # غارات ... استهدفت عناصر طالبان
        for role in ("actor", "target"):
            if role not in roles and role in extra and (role == "target" or other.form.verb):
                roles[role] = extra[role]
        if "actor" not in roles and not other.form.verb:  # ... وورد أن انتحارية نفذت الهجوم
            light = _light_subject(v, other, ents, barrier, lex.sets["LIGHT_VERBS"], True)
            if light is not None:
                roles["actor"] = light
    if "target" not in roles and m.type in _TARGETED:
        on = _marked(v, ents, m.last + 1, hi, _ON, barrier)
        if on is not None and on != roles.get("actor"):
            roles["target"] = on
    if "actor" not in roles and v.stem[m.tok] in _CLASHES:
        # مواجهات مع قوات الأمن: the other side
        nxt = skip_times(v, m.last + 1, hi)
        with_ = nxt < hi and v.full[nxt] in _WITH
        side = noun_phrase(v, nxt + 1, hi, ents=ents, barrier=barrier) if with_ else None
        if side is not None and side != roles.get("target"):
            roles["actor"] = side
    if "actor" not in roles:
        claimed = claimed_actor(v, ents, m, barrier) or responsible(v, ents, m, barrier)
        if claimed is not None:
            roles["actor"] = claimed
    if "actor" not in roles:
        taken = set(roles.values())
        target = roles.get("target")
        if target is not None and target[0] < m.first:  # تعرض مركز للشرطة لهجوم: all of it was hit
            taken.add((target[0], m.first - 1))
        actor = _fallback_actor(v, lex, ents, m, lo, hi, taken, speaker)
        if actor is not None:
            roles["actor"] = actor
    if m.type == "MOVE":
        origin = _marked(v, ents, m.last + 1, hi, _FROM, barrier)
        destination = _marked(v, ents, m.last + 1, hi, _TO, barrier)
        if origin is not None:
            roles["origin"] = origin
        if destination is not None:
            roles["destination"] = destination
    actor = roles.get("actor")
    if actor is not None:
        actor = roles["actor"] = self_named(v, ents, with_partitive(v, lex, ents, actor, hi, barrier), hi)
    if actor is not None and places and _is_place(v, places, index or PlaceIndex.build(places, 0), actor):
        del roles["actor"]  # غارات استهدفت بلدة كفرنبل: a town is where, not who
        if m.type in _TARGETED and "target" not in roles:
            roles["target"] = actor
    out = [_role(role, v, ents, *np) for role, np in roles.items()]
    if speaker is not None and any(speaker_did(v, ents, x, speaker) for x in (m, *others)):
        out = [p for p in out if p.role != "actor"]  # the phrase word order found is not the doer
        entity = ents.at(*speaker)
        out.append(
            Participant(
                "actor", *speaker, entity.id if entity else None, entity.canonical if entity else None
            )
        )
        return tuple(out)
    if "actor" in roles and _owner(v, lex, roles["actor"], speaker):
        entity = ents.at(*speaker)
        out.append(
            Participant(
                "actor", *speaker, entity.id if entity else None, entity.canonical if entity else None
            )
        )
    return tuple(out)
