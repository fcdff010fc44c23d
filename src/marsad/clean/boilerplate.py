"""Lines a scraper leaves behind that are not the article: comment notices, sharing and
printing furniture, read-more links, newsletter prompts and copyright footers."""

from __future__ import annotations

import re

# Whole lines only, and only short ones: an article sentence that mentions "print" stays.
_MAX_LINE = 160
_ALEF = "[اأإآ]"
_PATTERNS = [
    # Arabic
    r"عذر[اًا]*[،,]?\s*(?:ف|إن\s*)?التعليقات\s+مغلقة.*",
    r"التعليقات\s+مغلقة.*",
    r"(?:أضف|اكتب|شاركنا)\s+تعليق(?:ك|ا)?.*",
    rf"{_ALEF}قر{_ALEF}\s+(?:أيض[اًا]*|المزيد)\b.*",
    r"(?:ذات\s+صلة|مواضيع\s+ذات\s+صلة|أخبار\s+ذات\s+صلة|الأكثر\s+قراءة|شاهد\s+أيضا?ً?)\s*:?.{0,120}",
    r"(?:شارك|شاركوا|مشاركة|انشر)(?:\s+(?:هذا|هذه))?(?:\s+(?:المقال|الخبر|الصفحة|القصة))?"
    r"(?:\s+(?:على|عبر)\s+.{0,40})?",
    r"(?:طباعة|اطبع|أرسل\s+(?:لصديق|إلى\s+صديق)|حفظ|نسخ\s+الرابط|تكبير\s+الخط|تصغير\s+الخط)"
    r"(?:\s*[|/،,-]?\s*(?:طباعة|اطبع|أرسل\s+لصديق|حفظ|مشاركة|نسخ\s+الرابط|تكبير\s+الخط|تصغير\s+الخط))*",
    r"(?:جميع|كل)\s+الحقوق\s+محفوظة.*",
    r"حقوق\s+(?:النشر|الطبع)(?:\s+والتأليف)?\s+محفوظة.*",
    r"تابعونا\s+على.*",
    r"(?:اشترك|اشتركوا|سجل)\s+في\s+(?:النشرة|نشرتنا).*",
    r"(?:إعلان|اعلان|مساحة\s+إعلانية)",
    # English
    r"comments?\s+(?:are\s+)?closed.*",
    r"(?:share|share\s+this(?:\s+(?:article|story|page))?|print|email|tweet|save)"
    r"(?:\s*[|/,-]?\s*(?:share|print|email|tweet|save|facebook|twitter|whatsapp|linkedin))*",
    r"(?:read|see)\s+(?:more|also)\b.*",
    r"related\s*(?:articles|stories|content)?\s*:?.{0,120}",
    r"(?:sign\s+up|subscribe)\s+(?:to|for)\s+(?:our|the)\s+newsletter.*",
    r"follow\s+us\s+on.*",
    r"advertisement",
    r"all\s+rights\s+reserved.*",
    # Either: a copyright line, a line of social-network names.
    r"(?:©|\(c\)|copyright\b).*",
    r".{0,80}(?:©|جميع\s+الحقوق\s+محفوظة|all\s+rights\s+reserved).{0,40}",
    r"(?:(?:facebook|twitter|whatsapp|telegram|linkedin|email|فيسبوك|فيس\s+بوك|تويتر|واتساب|واتس\s+اب|"
    r"تيليجرام|تلغرام|لينكد\s*إن|البريد\s+الإلكتروني)\s*[|/،,·-]?\s*)+",
]
_BOILERPLATE_RE = re.compile(r"^\W*(?:" + "|".join(_PATTERNS) + r")\W*$", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """Whether a whole (stripped) line is page furniture rather than article text."""
    return len(line) <= _MAX_LINE and bool(_BOILERPLATE_RE.match(line))
