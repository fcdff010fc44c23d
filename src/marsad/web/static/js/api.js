// The page's only way to the server: JSON over the same-origin API.

export class ApiError extends Error {
  constructor(status, detail) {
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
    this.status = status;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function getJSON(path, params = {}, { signal } = {}) {
  const response = await fetch(`${path}${query(params)}`, { headers: { Accept: "application/json" }, signal });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body?.detail ?? response.statusText);
  return body;
}

// Filter state as the API's query parameters.
export function filterParams(state, { withDates = true } = {}) {
  return {
    type: state.type,
    modality: state.modality,
    actor: state.actor,
    country: state.country,
    q: state.q,
    place: state.place?.geonameid,
    from: withDates ? state.from : null,
    to: withDates ? state.to : null,
  };
}
