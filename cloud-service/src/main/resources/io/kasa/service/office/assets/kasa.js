// Kasa back office: the only script of our own. htmx sends the page's CSRF token as a header
// (ADR 0039); nothing here is inline in the pages, so the CSP can refuse every inline script.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
    }
  });
})();
