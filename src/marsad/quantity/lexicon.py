"""What is counted, in which currency, and how firmly: the words of quantity claims.

All forms are in the normaliser's folded spelling (أ إ آ → ا, ى → ي, ئ → ي), so عائلة is
written ``عايلة`` and لاجئ ``لاجي``.
"""

from __future__ import annotations

# Counted nouns: every written form (singular, plural, accusative, dual) → unit.
UNITS: dict[str, tuple[str, ...]] = {
    "person": (
        "شخص اشخاص شخصا شخصين شخصان مدني مدنيين مدنيا مدنيون قتيل قتلي قتيلا قتيلين جريح جرحي جريحا "
        "جريحين مصاب مصابين مصابا مصابون ضحية ضحايا فرد افراد فردا مواطن مواطنين مواطنا مواطنون "
        "نسمة شهيد شهداء شهيدا رجل رجال رجلا امراة نساء سيدة متظاهر متظاهرين متظاهرا متظاهرون "
        "محتج محتجين محتجا عامل عمال عاملا موظف موظفين موظفا مريض مرضي حاج حجاج حاجا مسافر مسافرين "
        "مسافرا شاب شبان شابا راكب ركاب راكبا متهم متهمين متهما مشرع مشرعين مشرعا ناخب ناخبين ناخبا "
        "مهاجر مهاجرين مهاجرا مهاجرون قاصر قاصرين مفقود مفقودين مفقودا",
    ),
    "child": ("طفل اطفال طفلا طفلين طفلان",),
    "student": ("طلاب طالبا طالبة طالبات طالبين",),
    "family": ("عايلة عايلات عايلتين اسرة اسر اسرتين",),
    "refugee": ("لاجي لاجيين لاجيا لاجيون",),
    "displaced": ("نازح نازحين نازحا نازحون مهجر مهجرين",),
    "fighter": (
        "مقاتل مقاتلين مقاتلا مقاتلون عنصر عناصر عنصرا عنصرين مسلح مسلحين مسلحا مسلحون "
        "ارهابي ارهابيين ارهابيا متشدد متشددين متشددا مرتزق مرتزقة",
    ),
    "soldier": ("جندي جنود جنديا جنديين عسكري عسكريين عسكريا شرطي شرطيين شرطيا ضابط ضباط ضابطا",),
    "detainee": ("معتقل معتقلين معتقلا اسير اسري اسيرا سجين سجناء سجينا محتجز محتجزين محتجزا",),
    "building": ("منزل منازل منزلا منزلين مبني مباني مبنيين بيت بيوت شقة شقق وحدة سكنية",),
    "village": ("قرية قري بلدة بلدات",),
    "vehicle": ("سيارة سيارات شاحنة شاحنات مركبة مركبات اليات",),
    "missile": ("صاروخ صواريخ صاروخا صاروخين قذيفة قذايف قذيفتين",),
    "airstrike": ("غارة غارات غارتين ضربة ضربات",),
    "tent": ("خيمة خيام",),
    "vote": ("صوت اصوات صوتا",),
    "member": ("عضو اعضاء عضوا",),
    "times": ("مرة مرات مرتين",),
    "degree": ("درجة درجات",),
    "seat": ("مقعد مقاعد مقعدا",),
    "minute": ("دقيقة دقايق",),
    "hour": ("ساعة ساعات ساعتين",),
    "day": ("يوم ايام يوما يومين",),
    "week": ("اسبوع اسابيع اسبوعا اسبوعين",),
    "month": ("شهر اشهر شهور شهرا شهرين",),
    "year": ("عام اعوام عاما عامين سنة سنوات سنين سنتين",),
    "decade": ("عقد عقود عقدين عقدا",),
    "km": ("كيلومتر كيلومترات كيلومترا كلم كم",),
    "m": ("متر امتار مترا",),
    "ft": ("قدم اقدام",),
    "ton": ("طن اطنان طنا",),
    "barrel": ("برميل براميل برميلا",),
    "kg": ("كغ كيلوغرام كيلوغرامات كيلوغراما كيلوجرام",),
    "g": ("غرام غرامات غراما غرامين جرام",),
    "ounce": ("اوقية اونصة",),
    "hectare": ("هكتار هكتارات هكتارا",),
    "feddan": ("فدان فدانا افدنة",),
    "dunam": ("دونم دونما دونمات",),
}
#: Written form → unit.
UNIT_OF = {form: unit for unit, groups in UNITS.items() for group in groups for form in group.split()}
#: Forms that alone mean two of the thing ("شخصين"): duals whose plural is not the same word.
DUALS = frozenset(
    "مرتين طالبين شخصين شخصان قتيلين جريحين طفلين طفلان عايلتين اسرتين عنصرين جنديين منزلين صاروخين قذيفتين "
    "غارتين ساعتين يومين اسبوعين شهرين عامين سنتين عقدين".split()
)
#: Plain units that are years, not decades: "عقد" counts ten years.
DECADE_FORMS = frozenset("عقد عقود عقدين".split())

# Currency nouns (all forms) → family; the family with a nisba adjective, or alone → ISO 4217.
CURRENCY_NOUNS = {
    **dict.fromkeys("دولار دولارا دولارات دولارين".split(), "dollar"),
    **dict.fromkeys("يورو".split(), "euro"),
    **dict.fromkeys("ليرة ليرات".split(), "lira"),
    **dict.fromkeys("دينار دينارا دنانير".split(), "dinar"),
    **dict.fromkeys("ريال ريالا ريالات".split(), "riyal"),
    **dict.fromkeys("درهم درهما دراهم".split(), "dirham"),
    **dict.fromkeys("جنيه جنيها جنيهات".split(), "pound"),
    **dict.fromkeys("روبل روبلا روبلات".split(), "ruble"),
    **dict.fromkeys("يوان".split(), "yuan"),
    **dict.fromkeys("شيكل شيكلا شواكل".split(), "shekel"),
    **dict.fromkeys("فرنك فرنكا".split(), "franc"),
    **dict.fromkeys("استرليني".split(), "sterling"),
}
DEFAULT_CURRENCY = {
    "dollar": "USD", "euro": "EUR", "ruble": "RUB", "yuan": "CNY", "shekel": "ILS",
    "sterling": "GBP", "franc": "CHF",
}  # fmt: skip
# Nisba stems (the adjective without its ending) → country code for the currency.
NISBA = {
    "سوري": "SY", "لبناني": "LB", "تركي": "TR", "عراقي": "IQ", "اردني": "JO", "كويتي": "KW",
    "بحريني": "BH", "ليبي": "LY", "تونسي": "TN", "جزايري": "DZ", "سعودي": "SA", "قطري": "QA",
    "عماني": "OM", "يمني": "YE", "ايراني": "IR", "اماراتي": "AE", "مغربي": "MA", "مصري": "EG",
    "سوداني": "SD", "امريكي": "US", "اميركي": "US", "استرليني": "GB", "سويسري": "CH", "كندي": "CA",
    "استرالي": "AU",
}  # fmt: skip
#: (family, country) → ISO 4217.
CURRENCY_CODES = {
    ("lira", "SY"): "SYP", ("lira", "LB"): "LBP", ("lira", "TR"): "TRY",
    ("dinar", "IQ"): "IQD", ("dinar", "JO"): "JOD", ("dinar", "KW"): "KWD", ("dinar", "BH"): "BHD",
    ("dinar", "LY"): "LYD", ("dinar", "TN"): "TND", ("dinar", "DZ"): "DZD",
    ("riyal", "SA"): "SAR", ("riyal", "QA"): "QAR", ("riyal", "OM"): "OMR", ("riyal", "YE"): "YER",
    ("riyal", "IR"): "IRR", ("dirham", "AE"): "AED", ("dirham", "MA"): "MAD",
    ("pound", "EG"): "EGP", ("pound", "SD"): "SDG", ("pound", "GB"): "GBP", ("pound", "LB"): "LBP",
    ("pound", "SY"): "SYP", ("dollar", "US"): "USD", ("franc", "CH"): "CHF", ("dollar", "CA"): "CAD",
    ("dollar", "AU"): "AUD",
}  # fmt: skip
#: Country names whose mention in the article settles a bare ليرة, دينار, ريال, درهم or جنيه.
COUNTRY_NAMES = {
    "SY": "سوريا سورية", "LB": "لبنان", "TR": "تركيا", "IQ": "العراق", "JO": "الاردن", "KW": "الكويت",
    "BH": "البحرين", "LY": "ليبيا", "TN": "تونس", "DZ": "الجزاير", "SA": "السعودية", "QA": "قطر",
    "OM": "عمان", "YE": "اليمن", "IR": "ايران", "AE": "الامارات", "MA": "المغرب", "EG": "مصر",
    "SD": "السودان",
}  # fmt: skip

# Vague amounts → (low, high). Longest first when matched.
VAGUE = {
    "عشرات الالاف": (20_000, 99_999), "ميات الالاف": (200_000, 999_999),
    "عشرات الملايين": (20_000_000, 99_999_999), "ميات الملايين": (200_000_000, 999_999_999),
    "عشرات": (20, 99), "ميات": (200, 999), "مايات": (200, 999), "الاف": (2000, 9999),
    "ملايين": (2_000_000, 9_999_999),
    "مليارات": (2_000_000_000, 9_999_999_999),
}  # fmt: skip
# "بضعة" (three to nine) and "عدة" (several), alone or before a scale word.
FEW = ("بضعة", "بضع", "بضعه", "عدة", "عده")
FEW_SCALES = {"": 1, "عشرات": 10, "مية": 100, "ميات": 100, "مايات": 100, "الاف": 1000, "ملايين": 10**6}

# Bounds and hedges before the number: phrase → kind.
BEFORE = {
    "approx": "حوالي|حوالا|نحو|قرابة|زهاء|ما يقارب|يقارب|تقارب|ما يقرب من|يقرب من|ما يناهز|يناهز|تناهز",
    "above": "اكثر من|اكثرمن|ما يزيد عن|ما يزيد علي|يزيد عن|يزيد علي|تزيد عن|تزيد علي|ازيد من|"
    "ما يربو علي|يربو علي|ما يفوق|يفوق|تفوق|اكثر قليلا من",
    "atleast": "ما لا يقل عن|ما لا يقل|لا يقل عن|لا تقل عن|علي الاقل",
    "below": "اقل من|اقل قليلا من",
    "upto": "ما يصل الي|يصل الي|تصل الي|ما لا يزيد عن|ما لا يزيد علي|لا يزيد عن|لا يزيد علي|"
    "لا تزيد عن|لا تزيد علي|حتي",
}
# ... and after it (and after its unit).
AFTER = {
    "approx": "تقريبا",
    "atleast": "علي الاقل|كحد ادني|في الاقل",
    "upto": "علي الاكثر|كحد اقصي",
    "above": "ونيف|ونيفا|ويزيد|او اكثر",
}
#: Words that make the number after them an identifier, a time or an ordinal, not a count.
NOT_COUNT_BEFORE = frozenset(
    "رقم القرار المادة البند الفقرة الفصل الصفحة الطريق الرحلة اللواء الفرقة الكتيبة الدورة النسخة "
    "الجولة المرحلة الساعة عيار طراز العام عام لعام بعام سنة السنة لسنة منذ مواليد مواليد الحادي الثاني "
    "الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر حادي ثاني ثالث رابع خامس سادس سابع ثامن "
    "تاسع الحادية الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة الامن القضية قراري "
    "قرار المركز المرتبة اف اس ميغ سو بيل كيو تي كيلو كليو المجموعة الكيلومتر الكيلو المبني القطاع "
    "الشارع المنطقة".split()
)
#: Units whose bounds are not whole counts: "أكثر من 300 متر" is low 300, not 301.
CONTINUOUS = frozenset(
    "minute hour day week month year decade km m ft ton barrel kg g ounce hectare feddan dunam percent "
    "money degree".split()
)
PERCENT = r"%|٪|في الم(?:ي|اي)ة|بالم(?:ي|اي)ة|في الم(?:ي|اي)ه|بالم(?:ي|اي)ه"
