// The OpenAPI explorer at /docs, from the vendored Swagger UI (no inline script, no CDN).
window.ui = window.SwaggerUIBundle({ url: "openapi.json", dom_id: "#swagger-ui", deepLinking: true });
