"""Names of months, days, seasons and period parts, in the normaliser's folded spelling.

Arabic writes the Gregorian months in several systems: the transliterated names of Egypt and
the Gulf (سبتمبر), the Syriac names of the Levant and Iraq (أيلول), the French-derived names of
the Maghreb (جانفي، فيفري، أفريل، جوان، جويلية، أوت) and Morocco (يوليوز، غشت، شتنبر، نونبر،
دجنبر), often paired ("أيلول/سبتمبر"). Alef forms are folded to ا and ى to ي.
"""

from __future__ import annotations

_MONTH_NAMES = (
    "يناير كانون الثاني جانفي",
    "فبراير شباط فيفري",
    "مارس اذار",
    "ابريل افريل نيسان",
    "مايو ايار ماي",
    "يونيو يونيه حزيران جوان",
    "يوليو يوليه تموز جويلية يوليوز",
    "اغسطس اغشت اب اوت غشت",
    "سبتمبر ايلول شتنبر",
    "اكتوبر تشرين الاول",
    "نوفمبر تشرين الثاني نونبر",
    "ديسمبر كانون الاول دجنبر",
)
# Two-word Levantine names first, so "تشرين الأول" is one name.
_TWO_WORD = {
    "كانون الثاني": 1, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12,
}  # fmt: skip


def _months() -> dict[str, int]:
    table = dict(_TWO_WORD)
    for number, names in enumerate(_MONTH_NAMES, start=1):
        rest = names
        for two in _TWO_WORD:
            rest = rest.replace(two, "")
        table.update(dict.fromkeys(rest.split(), number))
    return table


#: Month name → month number.
GREGORIAN_MONTHS: dict[str, int] = _months()
#: Names that are also common words or names (اب "father", ماي, جوان, اوت): a time expression
#: only with a day, a year, شهر, الماضي/المقبل or a paired name (آب with its madda will do).
AMBIGUOUS_MONTHS = frozenset({"اب", "ماي", "جوان", "اوت"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "ربيع الآخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الثانية": 6, "جمادي الاخرة": 6, "جمادي الثاني": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}  # fmt: skip

#: Weekday name → Python weekday (Monday 0).
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الاحد": 6,
}  # fmt: skip

#: Seasons → (first month, last month); winter runs from December of the year before.
SEASONS: dict[str, tuple[int, int]] = {"ربيع": (3, 5), "صيف": (6, 8), "خريف": (9, 11), "شتاء": (12, 2)}

#: Parts of a period → which third of it: 0 beginning, 1 middle, 2 end.
PARTS: dict[str, int] = {
    "مطلع": 0, "اوايل": 0, "بداية": 0, "بدايات": 0, "مستهل": 0, "اول": 0, "غرة": 0,
    "منتصف": 1, "اواسط": 1, "وسط": 1,
    "اواخر": 2, "نهاية": 2, "نهايات": 2, "اخر": 2, "ختام": 2, "اخير": 2,
}  # fmt: skip

#: "past"/"next" adjectives after a period, both genders.
PAST = (
    "الماضي",
    "الماضية",
    "المنصرم",
    "المنصرمة",
    "الفايت",
    "الفايتة",
    "السابق",
    "السابقة",
    "الاخير",
    "الاخيرة",
)
NEXT = ("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية")
CURRENT = ("الجاري", "الجارية", "الحالي", "الحالية")

#: Unit words (singular, plural, dual, accusative) → unit.
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys("يوم ايام يوما يومين يومان".split(), "day"),
    **dict.fromkeys("اسبوع اسابيع اسبوعا اسبوعين اسبوعان".split(), "week"),
    **dict.fromkeys("شهر اشهر شهور شهرا شهرين شهران".split(), "month"),
    **dict.fromkeys("عام اعوام عاما عامين عامان سنة سنوات سنين سنتين سنتان".split(), "year"),
    **dict.fromkeys("ساعة ساعات ساعتين ساعتان".split(), "hour"),
    **dict.fromkeys("عقد عقود عقدين".split(), "decade"),
}
#: Duals that carry their own number.
DUAL_UNITS = frozenset(
    "يومين يومان اسبوعين اسبوعان شهرين شهران عامين عامان سنتين سنتان ساعتين ساعتان عقدين".split()
)

ENGLISH_MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
            "august aug", "september sept sep", "october oct", "november nov", "december dec",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
ENGLISH_WEEKDAYS: dict[str, int] = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
