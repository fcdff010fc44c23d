// The analyst's window: filters, map, timeline, and a panel for lists, events and articles.
import { filterParams, getJSON } from "./api.js";
import { el, replace } from "./dom.js";
import { language, modalityLabel, setLanguage, t, typeLabel, TYPES } from "./i18n.js";
import { EventMap } from "./map.js";
import { appendToList, renderArticle, renderEvent, renderList } from "./panel.js";
import { Timeline } from "./timeline.js";

const PAGE = 50;
const state = { type: "", modality: "", actor: "", country: "", q: "", from: null, to: null, place: null };
const $ = (id) => document.getElementById(id);
let page = null;
let offset = 0;
let generation = 0;
let facets = { types: [], modalities: [], countries: [] };

function fillSelect(select, options, label) {
  const chosen = select.value;
  replace(select, el("option", { value: "" }, t("all")),
    ...options.map((o) => el("option", { value: o.value }, `${label(o.value, o)} (${o.count})`)));
  select.value = chosen;
}

function fillFilters() {
  fillSelect($("filter-type"), facets.types, typeLabel);
  fillSelect($("filter-modality"), facets.modalities, modalityLabel);
  fillSelect($("filter-country"), facets.countries,
    (code, o) => (language() === "ar" ? o.name_ar ?? o.name : o.name) ?? code);
}

function showError(error) {
  $("status").textContent = `${t("error")}: ${error.message}`;
}

function chips() {
  const node = $("chips");
  node.replaceChildren();
  if (state.from) {
    node.append(el("button", { class: "chip", id: "chip-range", onclick: () => brush(null) },
      `${t("range")}: ${state.from} – ${state.to} ×`));
  }
  if (state.place) {
    node.append(el("button", { class: "chip", id: "chip-place",
      onclick: () => { state.place = null; refresh(); } }, `${t("placeFilter")}: ${state.place.name} ×`));
  }
}

// `timeline`: the filters changed (not the period), so the histogram and the map's frame follow.
async function refresh({ timeline = true } = {}) {
  const mine = ++generation;
  offset = 0;
  chips();
  $("status").textContent = t("loading");
  try {
    const params = filterParams(state);
    const [places, events, buckets] = await Promise.all([
      getJSON("/api/aggregates/places", { ...params, place: null }),
      getJSON("/api/events", { ...params, limit: PAGE, offset: 0, sort: "-reports", reports: false }),
      timeline ? getJSON("/api/aggregates/timeline", { ...filterParams(state, { withDates: false }),
        interval: "auto" }) : null,
    ]);
    if (mine !== generation) return;
    map.show(places.data, { fit: timeline });
    if (buckets) timelineView.set(buckets.data, buckets.interval, state.from ? state : null);
    else timelineView.set(timelineView.sparse, timelineView.interval, state.from ? state : null);
    page = events;
    showList();
    $("status").textContent = "";
    document.body.dataset.ready = String(generation);
  } catch (error) {
    if (mine === generation) showError(error);
  }
}

function showList() {
  renderList($("panel"), page, { onOpen: openEvent, onMore: more });
}

async function more() {
  offset += PAGE;
  const next = await getJSON("/api/events", { ...filterParams(state), limit: PAGE, offset, sort: "-reports", reports: false });
  page = { ...next, data: [...page.data, ...next.data] };
  appendToList($("panel"), next, openEvent);
}

async function openEvent(id) {
  try {
    const event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    renderEvent($("panel"), event, { onBack: showList, onArticle: (a) => openArticle(a, () => openEvent(id)) });
  } catch (error) {
    showError(error);
  }
}

async function openArticle(id, back = showList) {
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
    renderArticle($("panel"), article, { onBack: back });
  } catch (error) {
    showError(error);
  }
}

function brush(selection) {
  state.from = selection?.from ?? null;
  state.to = selection?.to ?? null;
  refresh({ timeline: false });
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function wireFilters() {
  for (const [id, key] of [["filter-type", "type"], ["filter-modality", "modality"], ["filter-country", "country"]]) {
    $(id).addEventListener("change", (e) => { state[key] = e.target.value; refresh(); });
  }
  const typed = debounce(() => refresh(), 300);
  for (const [id, key] of [["filter-actor", "actor"], ["filter-q", "q"]]) {
    $(id).addEventListener("input", (e) => { state[key] = e.target.value.trim(); typed(); });
  }
  $("clear").addEventListener("click", () => {
    Object.assign(state, { type: "", modality: "", actor: "", country: "", q: "", from: null, to: null, place: null });
    for (const id of ["filter-type", "filter-modality", "filter-country", "filter-actor", "filter-q"]) $(id).value = "";
    refresh();
  });
  $("lang").addEventListener("click", () => {
    setLanguage(language() === "ar" ? "en" : "ar");
    localStorage.setItem("marsad-lang", language());
    fillFilters();
    refresh();
  });
}

const params = new URLSearchParams(location.search);
setLanguage(params.get("lang") ?? localStorage.getItem("marsad-lang")
  ?? (navigator.language?.startsWith("ar") ? "ar" : "en"));
const config = await getJSON("/api/config").catch(() => ({}));
const map = new EventMap($("map"), {
  tileUrl: config.tile_url, tileAttribution: config.tile_attribution,
  onPlace: (item) => { state.place = { geonameid: item.geonameid, name: item.name }; refresh({ timeline: false }); },
});
const timelineView = new Timeline($("timeline"), { onBrush: brush });
map.loadBasemap("static/vendor/world-atlas/countries-50m.geojson").catch(() => {});
wireFilters();
facets = await getJSON("/api/facets").catch(() => facets);
facets.types.sort((a, b) => (a.value in TYPES ? 0 : 1) - (b.value in TYPES ? 0 : 1) || b.count - a.count);
fillFilters();
await refresh();
if (params.get("article")) openArticle(params.get("article"));
else if (params.get("event")) openEvent(params.get("event"));
