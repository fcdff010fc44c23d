// The side panel: the event list, one event with its reports, claims and evidence, and one
// article. Article text and every field derived from it go in as text nodes only.
import { el, highlighted, replace, safeUrl } from "./dom.js";
import { kindLabel, language, modalityLabel, t, typeColor, typeLabel, whatLabel } from "./i18n.js";

const EVIDENCE_PRIORITY = ["trigger", "figure", "time", "place", "actor", "target", "origin", "destination",
  "source"];
const ARTICLE_PRIORITY = ["trigger", "figure", "time", "place", "PER", "ORG", "GPE", "LOC", "NORP", "FAC",
  "MISC"];

function badge(type) {
  const node = el("span", { class: "type-badge" }, typeLabel(type));
  node.style.background = typeColor(type);
  return node;
}

function period(from, to) {
  if (!from) return "";
  return !to || from === to ? from : `${from} – ${to}`;
}

function figure(claim) {
  const n = (x) => Number(x).toLocaleString(language());
  if (claim.value !== null && claim.value !== undefined) {
    return `${claim.approximate ? `${t("approx")} ` : ""}${n(claim.value)}`;
  }
  if (claim.low !== null && claim.high !== null && claim.low !== undefined && claim.high !== undefined) {
    return `${n(claim.low)}–${n(claim.high)}`;
  }
  if (claim.low !== null && claim.low !== undefined) return `${t("atLeast")} ${n(claim.low)}`;
  if (claim.high !== null && claim.high !== undefined) return `${t("atMost")} ${n(claim.high)}`;
  return "";
}

export function eventCard(event, onOpen) {
  const actors = (event.actors ?? []).map((a) => a.canonical?.name ?? a.text).slice(0, 3);
  return el("li", { class: "event-item", tabindex: 0, "data-id": event.id, "data-type": event.type,
    onclick: () => onOpen(event.id), onkeydown: (e) => e.key === "Enter" && onOpen(event.id) },
  el("div", { class: "event-head" }, badge(event.type),
    el("span", { class: "modality" }, modalityLabel(event.modality)),
    el("span", { class: "when" }, period(event.from, event.to))),
  el("div", { class: "event-place" }, event.place?.name ?? "—",
    event.place?.country ? ` (${event.place.country})` : ""),
  actors.length ? el("div", { class: "event-actors", dir: "auto" }, actors.join("، ")) : null,
  el("div", { class: "event-reports" }, t("reportsCount", event.report_count ?? event.reports?.length ?? 0)));
}

export function renderList(container, page, { onOpen, onMore }) {
  const list = el("ul", { class: "event-list", id: "event-list" }, page.data.map((e) => eventCard(e, onOpen)));
  replace(container,
    el("div", { class: "list-head" }, el("strong", { id: "event-count" }, t("eventsCount", page.count))),
    page.data.length ? list : el("p", { class: "empty" }, t("noEvents")),
    page.data.length < page.count ? el("button", { class: "more", onclick: onMore }, t("more")) : null,
  );
}

export function appendToList(container, page, onOpen) {
  const list = container.querySelector("#event-list");
  for (const event of page.data) list.append(eventCard(event, onOpen));
  const loaded = list.children.length;
  if (loaded >= page.count) container.querySelector("button.more")?.remove();
}

function evidence(report) {
  return el("blockquote", { class: "evidence", dir: "auto" },
    highlighted(report.evidence ?? "", report.highlights ?? [], EVIDENCE_PRIORITY));
}

function reportItem(report, onArticle) {
  const url = safeUrl(report.url);
  return el("li", { class: "report", "data-article": report.article },
    el("div", { class: "report-head" },
      el("strong", {}, report.site ?? "—"),
      report.published ? el("span", { class: "when" }, report.published) : null,
      report.source ? el("span", { class: "report-source" }, `${t("source")}: `,
        el("bdi", {}, report.source)) : null),
    report.title ? el("div", { class: "report-title", dir: "auto" }, report.title) : null,
    evidence(report),
    el("div", { class: "report-links" },
      el("button", { class: "link open-article", onclick: () => onArticle(report.article) }, t("openArticle")),
      url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, t("original")) : null));
}

function claimsTable(claims) {
  if (!claims.length) return el("p", { class: "empty" }, t("noClaims"));
  return el("table", { class: "claims" },
    el("thead", {}, el("tr", {}, el("th", {}, t("what")), el("th", {}, t("value")), el("th", {}, t("source")))),
    el("tbody", {}, claims.map((c) => el("tr", {},
      el("td", {}, whatLabel(c.what)), el("td", { class: "num" }, figure(c)),
      el("td", { dir: "auto" }, c.source ?? "")))));
}

export function renderEvent(container, event, { onBack, onArticle }) {
  const place = event.place;
  const legend = el("div", { class: "legend" }, ["trigger", "actor", "target", "place", "time", "figure",
    "source"].map((k) => el("mark", { class: `hl hl-${k}` }, kindLabel(k))));
  replace(container, el("article", { id: "event-panel", "data-id": event.id },
    el("button", { class: "link back", onclick: onBack }, `← ${t("back")}`),
    el("h2", {}, badge(event.type), " ", event.mode ? el("span", { class: "mode" }, event.mode) : null,
      el("span", { class: "modality" }, modalityLabel(event.modality))),
    el("dl", { class: "facts" },
      el("dt", {}, t("time")), el("dd", {}, period(event.from, event.to) || "—"),
      el("dt", {}, t("place")), el("dd", {}, place ? `${place.name} · ${place.level ?? ""} ${place.country ?? ""}` : "—"),
      el("dt", {}, t("actors")), el("dd", { dir: "auto" },
        (event.actors ?? []).map((a) => `${a.canonical?.name ?? a.text} (${kindLabel(a.role)})`).join("، ") || "—")),
    el("h3", {}, t("claims")), claimsTable(event.claims ?? []),
    el("h3", {}, `${t("reports")} (${(event.reports ?? []).length})`), legend,
    el("ol", { class: "reports" }, (event.reports ?? []).map((r) => reportItem(r, onArticle)))));
}

function articleSpans(article) {
  const spans = [];
  for (const e of article.entities ?? []) spans.push({ start: e.start, end: e.end, kind: e.type });
  for (const p of article.places ?? []) spans.push({ start: p.start, end: p.end, kind: "place", label: p.name });
  for (const x of article.times ?? []) spans.push({ start: x.start, end: x.end, kind: "time", label: `${x.from} – ${x.to}` });
  for (const q of article.quantities ?? []) spans.push({ start: q.start, end: q.end, kind: "figure" });
  for (const v of article.events ?? []) {
    if (v.trigger) spans.push({ start: v.trigger.start, end: v.trigger.end, kind: "trigger", label: typeLabel(v.type) });
  }
  return spans;
}

export function renderArticle(container, article, { onBack }) {
  const url = safeUrl(article.url);
  const direction = article.language === "ar" ? "rtl" : article.language === "en" ? "ltr" : "auto";
  const kinds = [...new Set(articleSpans(article).map((s) => s.kind))];
  replace(container, el("article", { id: "article-view", "data-id": article.id },
    el("button", { class: "link back", onclick: onBack }, `← ${t("back")}`),
    el("h2", { id: "article-title", dir: direction, lang: article.language ?? "" }, article.title ?? article.id),
    el("div", { class: "article-meta" }, article.site ?? "", article.published ? ` · ${article.published}` : "",
      url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, ` · ${t("original")}`) : null),
    el("div", { class: "legend" }, kinds.map((k) => el("mark", { class: `hl hl-${k}` }, kindLabel(k)))),
    el("div", { id: "article-text", class: "article-text", dir: direction, lang: article.language ?? "" },
      highlighted(article.text ?? "", articleSpans(article), ARTICLE_PRIORITY))));
}
