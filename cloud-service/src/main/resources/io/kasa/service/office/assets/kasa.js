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

  // Charts (ADR 0042): an element with data-chart holds its series as JSON; uPlot draws them. The
  // same figures are in a table beside it, which screen readers read and which shows without
  // script. Drawn again when htmx swaps in new figures, and when the width changes.
  var charts = [];

  function draw(el) {
    if (typeof uPlot === 'undefined' || el.dataset.drawn) {
      return;
    }
    var d = JSON.parse(el.getAttribute('data-chart'));
    var scale = d.scale || 1;
    var money = function (v) { return v == null ? '' : (v / scale).toLocaleString(document.documentElement.lang); };
    var width = Math.max(280, el.clientWidth);
    el.classList.add('drawn');
    el.dataset.drawn = '1';
    var plot = new uPlot({
      width: width,
      height: 240,
      scales: { x: { time: false } },
      // The page's own legend names the lines (uPlot's shows values under a cursor only).
      legend: { show: false },
      axes: [
        { values: function (u, v) { return v.map(function (h) { return h + ':00'; }); } },
        { size: 70, values: function (u, v) { return v.map(money); } }
      ],
      series: [
        { label: 'h', value: function (u, h) { return h == null ? '' : h + ':00'; } },
        { label: d.today_label, stroke: '#0b5cad', width: 2, fill: 'rgba(11,92,173,0.12)', value: function (u, v) { return money(v); } },
        { label: d.week_label, stroke: '#4a4a4a', width: 1, dash: [6, 4], value: function (u, v) { return money(v); } }
      ]
    }, [d.hours, d.today.map(function (v) { return v / 1; }), d.lastWeek], el);
    charts.push({ el: el, plot: plot });
  }

  function drawAll(root) {
    var found = (root || document).querySelectorAll('[data-chart]');
    for (var i = 0; i < found.length; i++) {
      draw(found[i]);
    }
    charts = charts.filter(function (c) { return document.body.contains(c.el); });
  }

  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:load', function (event) { drawAll(event.target); });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) {
      c.plot.setSize({ width: Math.max(280, c.el.clientWidth), height: 240 });
    });
  });
})();
