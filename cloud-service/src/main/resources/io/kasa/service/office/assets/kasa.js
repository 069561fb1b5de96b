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

// Quick keys (ADR 0052): keys and pages are dragged into place (HTML5 drag and drop). A drop
// moves the dragged element, hidden inputs and all, so the form posts the new order; the arrow
// buttons beside each do the same by keyboard or touch through the server.
(function () {
  'use strict';
  var dragged = null;

  function kindOf(el) {
    return el.hasAttribute('data-qk-key') ? 'key' : 'page';
  }

  function target(event) {
    if (!dragged || !event.target.closest) {
      return null;
    }
    var over = event.target.closest(kindOf(dragged) === 'key' ? '[data-qk-key]' : '[data-qk-page]');
    // A key stays on its page: its inputs are named by the page.
    if (!over || over === dragged || over.parentNode !== dragged.parentNode) {
      return null;
    }
    return over;
  }

  function clear() {
    var marked = document.querySelectorAll('.qk-key.drop-target, .qk-page.drop-target');
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove('drop-target');
    }
  }

  function unsaved() {
    var form = document.getElementById('quick-keys');
    var note = document.getElementById('quick-keys-moved');
    if (form && !note) {
      var template = form.getAttribute('data-moved');
      if (template) {
        note = document.createElement('p');
        note.id = 'quick-keys-moved';
        note.className = 'message';
        note.setAttribute('role', 'status');
        note.textContent = template;
        form.insertBefore(note, form.querySelector('.qk-pages'));
      }
    }
  }

  document.addEventListener('dragstart', function (event) {
    var el = event.target.closest && event.target.closest('[data-qk-key], [data-qk-page]');
    if (!el) {
      return;
    }
    dragged = el;
    el.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', el.getAttribute('data-qk-key') || el.getAttribute('data-qk-page'));
    event.stopPropagation();
  });

  document.addEventListener('dragover', function (event) {
    var over = target(event);
    if (over) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      clear();
      over.classList.add('drop-target');
    }
  });

  document.addEventListener('drop', function (event) {
    var over = target(event);
    if (!over) {
      return;
    }
    event.preventDefault();
    var list = over.parentNode;
    var items = Array.prototype.slice.call(list.children);
    // Dropped on a later element: after it; on an earlier one: before it.
    if (items.indexOf(dragged) < items.indexOf(over)) {
      list.insertBefore(dragged, over.nextSibling);
    } else {
      list.insertBefore(dragged, over);
    }
    clear();
    unsaved();
  });

  document.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('dragging');
    }
    dragged = null;
    clear();
  });
})();
