// Interface labels in Arabic and English. Data (article text, names) is shown as written.

const LABELS = {
  ar: {
    title: "مرصد",
    subtitle: "أحداث من الأخبار",
    type: "النوع",
    modality: "الصيغة",
    actor: "الفاعل",
    country: "البلد",
    search: "بحث في النص",
    all: "الكل",
    clear: "مسح",
    events: "الأحداث",
    eventsCount: (n) => `${n.toLocaleString("ar")} حدث`,
    more: "المزيد",
    noEvents: "لا أحداث تطابق المرشحات.",
    reports: "التقارير",
    reportsCount: (n) => `${n.toLocaleString("ar")} تقرير`,
    claims: "الأرقام المعلنة",
    noClaims: "لا أرقام.",
    source: "المصدر",
    article: "المقال",
    openArticle: "عرض المقال",
    back: "رجوع",
    place: "المكان",
    time: "الزمن",
    actors: "الأطراف",
    evidence: "الدليل",
    published: "النشر",
    timeline: "الخط الزمني",
    brushHint: "اسحب لتحديد فترة",
    range: "الفترة",
    legend: "المفتاح",
    loading: "جارٍ التحميل…",
    error: "خطأ",
    language: "English",
    what: "ماذا",
    value: "القيمة",
    approx: "تقريبًا",
    atLeast: "على الأقل",
    atMost: "حتى",
    original: "الرابط الأصلي",
    placeFilter: "المكان",
  },
  en: {
    title: "Marsad",
    subtitle: "events from the news",
    type: "Type",
    modality: "Modality",
    actor: "Actor",
    country: "Country",
    search: "Search text",
    all: "All",
    clear: "Clear",
    events: "Events",
    eventsCount: (n) => `${n.toLocaleString("en")} event${n === 1 ? "" : "s"}`,
    more: "More",
    noEvents: "No events match the filters.",
    reports: "Reports",
    reportsCount: (n) => `${n.toLocaleString("en")} report${n === 1 ? "" : "s"}`,
    claims: "Claimed figures",
    noClaims: "No figures.",
    source: "Source",
    article: "Article",
    openArticle: "Open article",
    back: "Back",
    place: "Place",
    time: "Time",
    actors: "Actors",
    evidence: "Evidence",
    published: "Published",
    timeline: "Timeline",
    brushHint: "Drag to select a period",
    range: "Period",
    legend: "Legend",
    loading: "Loading…",
    error: "Error",
    language: "عربي",
    what: "What",
    value: "Value",
    approx: "about",
    atLeast: "at least",
    atMost: "up to",
    original: "Original link",
    placeFilter: "Place",
  },
};

// PLOVER's sixteen plus Marsad's population-movement types, each with a colour.
export const TYPES = {
  ASSAULT: { color: "#c0392b", ar: "اعتداء", en: "Assault" },
  COERCE: { color: "#e67e22", ar: "إكراه", en: "Coerce" },
  PROTEST: { color: "#8e44ad", ar: "احتجاج", en: "Protest" },
  MOVE: { color: "#2471a3", ar: "تنقّل ونزوح", en: "Movement" },
  GATHER: { color: "#17a589", ar: "تجمّع", en: "Gather" },
  DEFECT: { color: "#6c3483", ar: "انشقاق", en: "Defect" },
  THREATEN: { color: "#d35400", ar: "تهديد", en: "Threaten" },
  MOBILIZE: { color: "#a04000", ar: "حشد", en: "Mobilize" },
  SANCTION: { color: "#7d6608", ar: "عقوبات", en: "Sanction" },
  ACCUSE: { color: "#b03a2e", ar: "اتهام", en: "Accuse" },
  REJECT: { color: "#784212", ar: "رفض", en: "Reject" },
  REQUEST: { color: "#1f618d", ar: "طلب", en: "Request" },
  RETREAT: { color: "#5d6d7e", ar: "انسحاب", en: "Retreat" },
  AID: { color: "#229954", ar: "مساعدات", en: "Aid" },
  COOPERATE: { color: "#28b463", ar: "تعاون", en: "Cooperate" },
  CONCEDE: { color: "#48c9b0", ar: "تنازل", en: "Concede" },
  SUPPORT: { color: "#5dade2", ar: "دعم", en: "Support" },
  CONSULT: { color: "#85929e", ar: "تشاور", en: "Consult" },
  AGREE: { color: "#58d68d", ar: "اتفاق", en: "Agree" },
};

export const MODALITIES = {
  asserted: { ar: "مؤكَّد", en: "asserted" },
  reported: { ar: "منقول عن مصدر", en: "reported" },
  claimed: { ar: "ادعاء", en: "claimed" },
  planned: { ar: "مخطَّط", en: "planned" },
  attempted: { ar: "محاولة", en: "attempted" },
  negated: { ar: "منفي", en: "negated" },
  hypothetical: { ar: "افتراضي", en: "hypothetical" },
};

// What a highlighted span is: in evidence sentences and in the article view.
export const KINDS = {
  trigger: { ar: "الفعل", en: "trigger" },
  actor: { ar: "فاعل", en: "actor" },
  target: { ar: "مستهدف", en: "target" },
  origin: { ar: "من", en: "origin" },
  destination: { ar: "إلى", en: "destination" },
  place: { ar: "مكان", en: "place" },
  time: { ar: "زمن", en: "time" },
  figure: { ar: "رقم", en: "figure" },
  source: { ar: "مصدر", en: "source" },
  PER: { ar: "شخص", en: "person" },
  ORG: { ar: "منظمة", en: "organisation" },
  GPE: { ar: "كيان سياسي", en: "polity" },
  LOC: { ar: "موقع", en: "location" },
  NORP: { ar: "جماعة", en: "group" },
  FAC: { ar: "منشأة", en: "facility" },
  MISC: { ar: "أخرى", en: "other" },
};

// What a claimed figure counts, as the store names it.
const WHAT = {
  killed: { ar: "قتلى", en: "killed" },
  injured: { ar: "جرحى", en: "injured" },
  people: { ar: "أشخاص", en: "people" },
  family: { ar: "عائلات", en: "families" },
  arrested: { ar: "معتقلون", en: "arrested" },
  displaced: { ar: "نازحون", en: "displaced" },
  money: { ar: "مبلغ", en: "money" },
};

let current = "ar";

export function setLanguage(lang) {
  current = lang === "en" ? "en" : "ar";
  document.documentElement.lang = current;
  document.documentElement.dir = current === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
  }
}

export function language() {
  return current;
}

export function t(key, ...args) {
  const value = LABELS[current][key] ?? LABELS.en[key] ?? key;
  return typeof value === "function" ? value(...args) : value;
}

export function typeLabel(type) {
  return TYPES[type]?.[current] ?? type;
}

export function typeColor(type) {
  return TYPES[type]?.color ?? "#7f8c8d";
}

export function modalityLabel(modality) {
  return MODALITIES[modality]?.[current] ?? modality;
}

export function kindLabel(kind) {
  return KINDS[kind]?.[current] ?? kind;
}

export function whatLabel(what) {
  return WHAT[what]?.[current] ?? what ?? "";
}
