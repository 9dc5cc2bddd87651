// Interactive API docs from /openapi.json with the vendored Swagger UI (no CDN, no inline script).
window.addEventListener("load", function () {
  "use strict";
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
