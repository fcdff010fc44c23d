from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.stories.duplicates import Item, find_duplicates, shingles, signature

WIRE = (
    "أعلنت وزارة الخارجية الروسية، السبت، أنها ستطرد 23 دبلوماسياً بريطانياً، رداً على إجراء مماثل "
    "اتخذته لندن بعد تسميم العميل الروسي المزدوج السابق سيرغي سكريبال وابنته في إنجلترا، مشيرة إلى "
    "أنها علقت عمل المركز الثقافي البريطاني في البلاد. وقالت الوزارة التي استدعت السفير البريطاني إن "
    "على الدبلوماسيين مغادرة روسيا في غضون أسبوع، وإنها سحبت موافقتها على افتتاح قنصلية في سان بطرسبورغ."
)
# The same wire copy, lightly edited: hamza and ta marbuta spelt differently, a word changed, a tail added.
REWRITE = (
    WIRE.replace("أعلنت", "اعلنت").replace("إنجلترا", "انجلترا").replace("السبت", "يوم السبت")
    + " ويأتي ذلك في إطار أزمة دبلوماسية متصاعدة."
)
# A copy cut short: the first two sentences only.
SHORT = WIRE[: WIRE.index("وقالت")]
OTHER = (
    "أدى رئيس الوزراء الأردني الجديد عمر الرزاز اليمين الدستورية أمام العاهل الأردني الملك عبد الله الثاني "
    "مع أعضاء حكومته، وقرر في أول جلسة لها سحب مشروع قانون ضريبة الدخل الذي فجر احتجاجات واسعة في المملكة."
)


def _items(**texts: tuple[str, date]) -> list[Item]:
    return [Item(k, d, signature(t)) for k, (t, d) in texts.items()]


def test_shingles_fold_spelling_variants():
    assert shingles("أعلنت الوزارة إنها ستطرد") == shingles("اعلنت الوزاره انها ستطرد")


def test_syndicated_copies_are_linked_and_the_earliest_is_the_original():
    items = _items(
        sky=(REWRITE, date(2018, 3, 17)),
        afp=(WIRE, date(2018, 3, 16)),
        cnn=(SHORT, date(2018, 3, 18)),
        jordan=(OTHER, date(2018, 3, 16)),
    )
    dups = {d.article: d.original for d in find_duplicates(items)}
    assert dups == {"sky": "afp", "cnn": "afp"}


def test_an_undated_copy_is_never_the_original():
    items = _items(a=(WIRE, None), b=(REWRITE, date(2018, 3, 17)))
    assert {d.article: d.original for d in find_duplicates(items)} == {"a": "b"}


def test_empty_and_unrelated_texts_are_not_duplicates():
    assert find_duplicates(_items(a=("", date(2018, 1, 1)), b=("", date(2018, 1, 1)), c=(OTHER, None))) == []


@settings(max_examples=30, deadline=None)
@given(st.permutations(["afp", "sky", "cnn", "jordan"]))
def test_duplicate_groups_do_not_depend_on_input_order(order):
    texts = {"afp": (WIRE, date(2018, 3, 16)), "sky": (REWRITE, date(2018, 3, 17)),
             "cnn": (SHORT, date(2018, 3, 18)), "jordan": (OTHER, date(2018, 3, 16))}  # fmt: skip
    items = [Item(k, texts[k][1], signature(texts[k][0])) for k in order]
    assert sorted(find_duplicates(items), key=lambda d: d.article) == sorted(
        find_duplicates(_items(**texts)), key=lambda d: d.article
    )
