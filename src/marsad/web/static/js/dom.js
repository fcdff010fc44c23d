// DOM helpers. Everything that comes from an article is inserted as text nodes, never as
// markup: `el` turns every non-Node child into a Text node and sets attributes one by one.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  return node;
}

// A link only for http(s) addresses: an article's url is untrusted (javascript:, data:).
export function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// Text split at every span boundary; each piece is a <mark> naming the kinds that cover it
// (spans may overlap: a place is also an entity), coloured by the first kind in `priority`.
export function highlighted(text, spans, priority) {
  const fragment = document.createDocumentFragment();
  const cuts = new Set([0, text.length]);
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const rank = (kind) => {
    const i = priority.indexOf(kind);
    return i < 0 ? priority.length : i;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const covering = valid.filter((s) => s.start <= start && s.end >= end);
    if (!covering.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    covering.sort((a, b) => rank(a.kind) - rank(b.kind));
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const titles = [...new Set(covering.map((s) => s.label || s.kind))];
    fragment.append(el("mark", {
      class: `hl hl-${kinds[0]}`, "data-kinds": kinds.join(" "), title: titles.join(" · "),
    }, piece));
  }
  return fragment;
}

export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}
