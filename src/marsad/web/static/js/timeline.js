// A histogram of events per day or week; dragging across it selects a period (the brush),
// which filters the map and the list. A click without a drag clears the selection.
import { svg } from "./dom.js";
import { t } from "./i18n.js";

const HEIGHT = 110;
const PAD = { top: 8, bottom: 20, side: 8 };
const DAY = 86400000;
// Share of the events the timeline's axis must hold.
const COVER = 0.9;

function parse(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// Indexes of the first and last bucket of the shortest run holding COVER of the events.
function densest(buckets) {
  const total = buckets.reduce((n, b) => n + b.count, 0);
  let best = [0, buckets.length - 1];
  let inside = 0;
  for (let lo = 0, hi = 0; hi < buckets.length; hi++) {
    inside += buckets[hi].count;
    while (lo < hi && inside - buckets[lo].count >= total * COVER) inside -= buckets[lo++].count;
    if (inside >= total * COVER
        && parse(buckets[hi].date) - parse(buckets[lo].date) < parse(buckets[best[1]].date) - parse(buckets[best[0]].date)) {
      best = [lo, hi];
    }
  }
  return best;
}

export class Timeline {
  constructor(container, { onBrush }) {
    this.container = container;
    this.onBrush = onBrush;
    this.sparse = [];
    this.buckets = [];
    this.interval = "day";
    this.selection = null;
    this.svg = svg("svg", { id: "timeline-svg", height: HEIGHT, role: "img" });
    container.append(this.svg);
    this.svg.addEventListener("pointerdown", (e) => this.start(e));
    this.svg.addEventListener("pointermove", (e) => this.move(e));
    this.svg.addEventListener("pointerup", (e) => this.end(e));
    new ResizeObserver(() => this.draw()).observe(container);
  }

  // `buckets` are the non-empty days or weeks, in order. The axis spans the shortest period
  // holding COVER of the events: a few dates decades away (history recalled, a misread year)
  // would otherwise squeeze every other bar into one pixel. The rest are counted aside.
  set(buckets, interval, selection) {
    this.sparse = buckets;
    this.interval = interval;
    this.selection = selection;
    const step = interval === "week" ? 7 * DAY : DAY;
    const [lo, hi] = densest(buckets);
    const byDate = new Map(buckets.map((b) => [b.date, b]));
    this.buckets = [];
    if (buckets.length) {
      for (let ms = parse(buckets[lo].date); ms <= parse(buckets[hi].date); ms += step) {
        this.buckets.push(byDate.get(iso(ms)) ?? { date: iso(ms), count: 0 });
      }
    }
    const sum = (list) => list.reduce((n, b) => n + b.count, 0);
    this.before = sum(buckets.slice(0, Math.max(lo, 0)));
    this.after = sum(buckets.slice(hi + 1));
    this.draw();
  }

  span() {
    if (!this.buckets.length) return null;
    const step = this.interval === "week" ? 7 * DAY : DAY;
    return { lo: parse(this.buckets[0].date), hi: parse(this.buckets.at(-1).date) + step, step };
  }

  x(ms) {
    const s = this.span();
    const width = this.container.clientWidth - 2 * PAD.side;
    return PAD.side + ((ms - s.lo) / (s.hi - s.lo)) * width;
  }

  time(x) {
    const s = this.span();
    const width = this.container.clientWidth - 2 * PAD.side;
    const ratio = Math.min(1, Math.max(0, (x - PAD.side) / width));
    return s.lo + ratio * (s.hi - s.lo);
  }

  draw() {
    const width = this.container.clientWidth;
    this.svg.setAttribute("width", width);
    this.svg.replaceChildren();
    const s = this.span();
    if (!s) return;
    const max = Math.max(...this.buckets.map((b) => b.count), 1);
    const inner = HEIGHT - PAD.top - PAD.bottom;
    const barWidth = Math.max(1, this.x(s.lo + s.step) - this.x(s.lo) - 1);
    for (const bucket of this.buckets) {
      const start = parse(bucket.date);
      const h = Math.max(bucket.count ? 2 : 0, (bucket.count / max) * inner);
      const inside = !this.selection
        || (iso(start) <= this.selection.to && iso(start + s.step - DAY) >= this.selection.from);
      const bar = svg("rect", {
        class: `bar${inside ? "" : " outside"}`, x: this.x(start), y: PAD.top + inner - h, width: barWidth,
        height: h, "data-date": bucket.date, "data-count": bucket.count,
      });
      const title = svg("title");
      title.textContent = `${bucket.date}: ${bucket.count}`;
      bar.append(title);
      this.svg.append(bar);
    }
    const ticks = [[s.lo, "note-start"], [s.lo + (s.hi - s.lo) / 2, ""], [s.hi - DAY, "note-end"]];
    for (const [ms, edge] of ticks) {
      const label = svg("text", { class: `axis ${edge}`, x: this.x(ms), y: HEIGHT - 5 });
      label.textContent = iso(ms);
      this.svg.append(label);
    }
    if (this.selection) {
      const x0 = this.x(parse(this.selection.from));
      const x1 = this.x(parse(this.selection.to) + DAY);
      this.svg.append(svg("rect", {
        class: "brush", x: Math.min(x0, x1), y: PAD.top, width: Math.abs(x1 - x0), height: inner,
      }));
    }
    this.svg.setAttribute("aria-label", `${t("timeline")}: ${iso(s.lo)} – ${iso(s.hi - DAY)}`);
    this.svg.dataset.before = String(this.before);
    this.svg.dataset.after = String(this.after);
    if (this.before) {
      const note = svg("text", { class: "axis note-start", x: 2, y: PAD.top + 8 });
      note.textContent = `← +${this.before}`;
      this.svg.append(note);
    }
    if (this.after) {
      const note = svg("text", { class: "axis note-end", x: width - 2, y: PAD.top + 8 });
      note.textContent = `+${this.after} →`;
      this.svg.append(note);
    }
  }

  local(e) {
    return e.clientX - this.svg.getBoundingClientRect().left;
  }

  start(e) {
    if (!this.span()) return;
    this.svg.setPointerCapture(e.pointerId);
    this.dragFrom = this.local(e);
    this.dragTo = this.dragFrom;
  }

  move(e) {
    if (this.dragFrom === undefined) return;
    this.dragTo = this.local(e);
    this.svg.querySelector(".brush-live")?.remove();
    this.svg.append(svg("rect", {
      class: "brush brush-live", x: Math.min(this.dragFrom, this.dragTo), y: PAD.top,
      width: Math.abs(this.dragTo - this.dragFrom), height: HEIGHT - PAD.top - PAD.bottom,
    }));
  }

  end(e) {
    if (this.dragFrom === undefined) return;
    const [a, b] = [this.dragFrom, this.local(e)].sort((p, q) => p - q);
    this.dragFrom = undefined;
    if (b - a < 4) {
      this.onBrush(null);
      return;
    }
    // The period runs from the day under the first edge to the day under the second.
    const from = iso(Math.floor(this.time(a) / DAY) * DAY);
    const to = iso(Math.max(Math.floor(this.time(b) / DAY) * DAY, parse(from)));
    this.onBrush({ from, to });
  }
}
