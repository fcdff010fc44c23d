// The map: an offline country basemap, an optional tile layer, and one marker per place and
// event type, coloured by type, sized by reports, clustered by Leaflet.markercluster.
import { el } from "./dom.js";
import { t, typeColor, typeLabel } from "./i18n.js";

const L = window.L;

function radius(reports) {
  return Math.round(Math.min(34, 8 + 5 * Math.sqrt(Math.max(1, reports))));
}

function dot(color, size, label) {
  const node = el("div", { class: "marker-dot" }, label ?? "");
  node.style.background = color;
  node.style.width = `${size}px`;
  node.style.height = `${size}px`;
  node.style.lineHeight = `${size}px`;
  return node;
}

// A cluster takes the colour of the type with most reports among its markers.
function clusterIcon(cluster) {
  const byType = new Map();
  let reports = 0;
  let events = 0;
  for (const marker of cluster.getAllChildMarkers()) {
    const { type, reports: r, events: e } = marker.options.item;
    byType.set(type, (byType.get(type) ?? 0) + r);
    reports += r;
    events += e;
  }
  const top = [...byType.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const size = radius(reports) + 8;
  const node = dot(typeColor(top), size, String(events));
  node.classList.add("marker-cluster-dot");
  return L.divIcon({ html: node, className: "marker-wrap", iconSize: [size, size] });
}

export class EventMap {
  constructor(container, { tileUrl, tileAttribution, onPlace }) {
    this.onPlace = onPlace;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomControl: true })
      .setView([30, 38], 4);
    this.map.attributionControl.setPrefix(false);
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: tileAttribution ?? "", maxZoom: 18 }).addTo(this.map);
    }
    this.cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 45,
    });
    this.cluster.addTo(this.map);
    this.fitted = false;
  }

  async loadBasemap(url) {
    const response = await fetch(url);
    if (!response.ok) return;
    const countries = await response.json();
    L.geoJSON(countries, {
      style: { color: "#9aa5ad", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(this.map).bringToBack();
    this.map.attributionControl.addAttribution("Natural Earth");
  }

  // `fit`: frame the markers (after a filter changed what is shown, not after a brush).
  show(items, { fit = false } = {}) {
    this.cluster.clearLayers();
    const markers = [];
    for (const item of items) {
      if (item.lat === null || item.lon === null) continue;
      const size = radius(item.reports);
      const icon = L.divIcon({
        html: dot(typeColor(item.type), size, ""), className: "marker-wrap", iconSize: [size, size],
      });
      const marker = L.marker([item.lat, item.lon], { icon, item, title: item.name ?? "" });
      marker.bindTooltip(() => el("div", {},
        el("strong", {}, item.name ?? ""), el("br"),
        `${typeLabel(item.type)} · ${t("eventsCount", item.events)} · ${t("reportsCount", item.reports)}`));
      marker.on("click", () => this.onPlace(item));
      markers.push(marker);
    }
    this.cluster.addLayers(markers);
    if ((fit || !this.fitted) && markers.length) {
      this.map.fitBounds(this.cluster.getBounds(), { padding: [30, 30], maxZoom: 7 });
      this.fitted = true;
    }
  }
}
