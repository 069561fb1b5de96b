// The kitchen screen (ADR 0055). The page follows the store's kitchen events (tickets, voids, the
// screens' bumps and recalls) through an event stream and fetches its board again on each, so every
// screen of a station shows what the service holds. Bumps and recalls are the page's own forms,
// posted here without leaving the page; without this script they are plain form posts. The bump
// bar: arrows or Tab move between cards, 1-9 pick a card, Up/Down pick a line, Enter or Space bump
// the card, L or 0 bump the line, R recalls the last bumped ticket.
(function () {
  'use strict';
  var root = document.getElementById('kds-root');
  if (!root) {
    return;
  }
  var selectedTicket = null;
  var selectedLine = 0;
  var skew = 0;
  var amber = Number(root.dataset.amber) * 60000;
  var red = Number(root.dataset.red) * 60000;
  var loading = false;
  var again = false;

  function board() { return document.getElementById('kds-board'); }
  function cards() { return Array.prototype.slice.call(root.querySelectorAll('.kds-card')); }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // Ages count on from the service's clock: the board says what time it was read.
  function measure() {
    var b = board();
    if (b && b.dataset.now) {
      skew = Date.now() - Number(b.dataset.now);
    }
  }

  function tick() {
    var now = Date.now() - skew;
    cards().forEach(function (card) {
      var age = Math.max(0, now - Number(card.dataset.at));
      var s = Math.floor(age / 1000);
      var clock = card.querySelector('.kds-clock');
      if (clock) {
        clock.textContent = pad(Math.floor(s / 60)) + ':' + pad(s % 60);
      }
      var level = age >= red ? 'red' : age >= amber ? 'amber' : 'normal';
      if (!card.classList.contains('kds-' + level)) {
        card.classList.remove('kds-normal', 'kds-amber', 'kds-red');
        card.classList.add('kds-' + level);
        var word = card.querySelector('.kds-level');
        if (word) {
          word.textContent = root.dataset['word' + level.charAt(0).toUpperCase() + level.slice(1)];
        }
      }
    });
  }

  function select(ticket, line) {
    var all = cards();
    all.forEach(function (c) { c.classList.remove('kds-selected'); });
    root.querySelectorAll('.kds-line.kds-selected').forEach(function (l) { l.classList.remove('kds-selected'); });
    var card = all.filter(function (c) { return c.dataset.ticket === ticket; })[0];
    if (!card) {
      selectedTicket = null;
      return;
    }
    selectedTicket = ticket;
    card.classList.add('kds-selected');
    var lines = card.querySelectorAll('.kds-line');
    selectedLine = Math.max(0, Math.min(line, lines.length - 1));
    if (lines[selectedLine]) {
      lines[selectedLine].classList.add('kds-selected');
    }
    if (document.activeElement !== card && !card.contains(document.activeElement)) {
      card.focus({ preventScroll: false });
    }
  }

  function selectIndex(i) {
    var all = cards();
    if (all.length === 0) {
      selectedTicket = null;
      return;
    }
    i = Math.max(0, Math.min(i, all.length - 1));
    select(all[i].dataset.ticket, 0);
  }

  function selectedIndex() {
    var all = cards();
    for (var i = 0; i < all.length; i++) {
      if (all[i].dataset.ticket === selectedTicket) {
        return i;
      }
    }
    return -1;
  }

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    var index = selectedIndex();
    fetch(root.dataset.board, { credentials: 'same-origin', headers: { 'X-Kasa-Fetch': '1' } })
      .then(function (r) {
        if (r.status === 401) {
          location.assign('/office/sign-in');
          return null;
        }
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html == null) {
          return;
        }
        var t = document.createElement('template');
        t.innerHTML = html;
        var fresh = t.content.querySelector('#kds-board');
        var old = board();
        if (fresh && old) {
          old.replaceWith(fresh);
          measure();
          tick();
          if (selectedTicket != null) {
            if (selectedIndex() >= 0) {
              select(selectedTicket, selectedLine);
            } else {
              selectIndex(index);
            }
          }
          root.dispatchEvent(new CustomEvent('kds:drawn', { bubbles: true }));
        }
      })
      .catch(function () { /* the next event or the reconnect draws again */ })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function post(form) {
    if (!form) {
      return Promise.resolve();
    }
    var body = new URLSearchParams(new FormData(form));
    return fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Kasa-Fetch': '1', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body
    }).then(function (r) {
      if (r.status === 403 || r.status === 401) {
        location.reload();
      }
      refresh();
    });
  }

  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.classList.contains('kds-form')) {
      event.preventDefault();
      var card = form.closest('.kds-card');
      if (card) {
        var lineItem = form.closest('.kds-line');
        var lines = Array.prototype.slice.call(card.querySelectorAll('.kds-line'));
        select(card.dataset.ticket, lineItem ? lines.indexOf(lineItem) : selectedLine);
      }
      post(form);
    }
  });

  function bumpForm(card) { return card.querySelector(':scope > form.kds-form'); }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    var target = e.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) {
      return;
    }
    var onControl = target && (target.tagName === 'BUTTON' || target.tagName === 'A' || target.tagName === 'SUMMARY');
    var inBoard = !target || target === document.body || root.contains(target);
    if (!inBoard) {
      return;
    }
    var i = selectedIndex();
    var key = e.key;
    var handled = true;
    if (key === 'ArrowRight' || (key === 'Tab' && !e.shiftKey && !onControl)) {
      selectIndex(i + 1);
    } else if (key === 'ArrowLeft' || (key === 'Tab' && e.shiftKey && !onControl)) {
      selectIndex(i < 0 ? 0 : i - 1);
    } else if (key >= '1' && key <= '9') {
      selectIndex(Number(key) - 1);
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && selectedTicket != null) {
      select(selectedTicket, selectedLine + (key === 'ArrowDown' ? 1 : -1));
    } else if ((key === 'Enter' || key === ' ') && !onControl) {
      var card = cards()[i];
      var bump = card && bumpForm(card);
      if (bump) {
        post(bump);
      }
    } else if (key === 'l' || key === 'L' || key === '0') {
      var c = cards()[i];
      var line = c && c.querySelectorAll('.kds-line')[selectedLine];
      var form = line && line.querySelector('form');
      var button = form && form.querySelector('button');
      if (form && button && !button.disabled) {
        post(form);
      }
    } else if (key === 'r' || key === 'R') {
      var recall = root.querySelector('.kds-recall form');
      if (recall) {
        post(recall);
      }
    } else {
      handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  // A new ticket is drawn from its event at once (the event holds the whole ticket, ADR 0053),
  // then the board is read again from the service, which replaces it with the card and its
  // buttons: the kitchen sees the ticket without waiting for the round trip.
  function draw(event) {
    var ticket;
    try {
      ticket = JSON.parse(event.data).ticket;
    } catch (e) {
      return;
    }
    var list = root.querySelector('.kds-cards');
    var station = root.dataset.station;
    if (!ticket || !list || (station && station !== ticket.stationId)
        || root.querySelector('.kds-card[data-ticket="' + ticket.id + '"]')) {
      return;
    }
    var empty = list.querySelector('.kds-empty');
    if (empty) {
      empty.remove();
    }
    var card = el('article', 'kds-card kds-normal');
    card.dataset.ticket = ticket.id;
    card.dataset.at = String(Date.parse(String(ticket.at).replace(/(\.\d{3})\d+/, '$1')));
    card.setAttribute('tabindex', '-1');
    var head = el('header', 'kds-card-head');
    head.appendChild(el('span', 'kds-n', String(cards().length + 1))).setAttribute('aria-hidden', 'true');
    head.appendChild(el('h2', null, root.dataset.heading
      .replace('{0}', ticket.table).replace('{1}', String(ticket.checkNumber))));
    var age = el('p', 'kds-age');
    age.appendChild(el('span', 'kds-level', root.dataset.wordNormal));
    age.appendChild(document.createTextNode(' '));
    age.appendChild(el('span', 'kds-clock', '00:00'));
    head.appendChild(age);
    head.appendChild(el('p', 'kds-about', ticket.stationName + (ticket.server ? ' · ' + ticket.server : '')));
    card.appendChild(head);
    var lines = el('ul', 'kds-lines');
    (ticket.lines || []).forEach(function (l) {
      var item = el('li', 'kds-line');
      var b = el('span', 'kds-line-button');
      b.appendChild(el('span', 'kds-qty', String(Number(l.quantity)) + '×'));
      b.appendChild(el('span', 'kds-name', l.name));
      if (l.seat > 0) {
        b.appendChild(el('span', 'kds-meta', root.dataset.seat.replace('{0}', String(l.seat))));
      }
      var options = (l.modifiers || []).map(function (m) { return m.optionName; }).join(', ');
      if (options) {
        b.appendChild(el('span', 'kds-opts', options));
      }
      if (l.note) {
        b.appendChild(el('span', 'kds-note', '«' + l.note + '»'));
      }
      item.appendChild(b);
      lines.appendChild(item);
    });
    card.appendChild(lines);
    list.appendChild(card);
    tick();
  }

  function follow() {
    if (typeof EventSource === 'undefined') {
      return;
    }
    var source = new EventSource(root.dataset.events);
    source.addEventListener('KITCHEN_TICKET', function (event) {
      draw(event);
      refresh();
    });
    ['KITCHEN_VOID', 'KDS_BUMP', 'RESET'].forEach(function (kind) {
      source.addEventListener(kind, refresh);
    });
    // A reconnect resumes after the last event seen; the board is read again to be sure.
    var opened = false;
    source.addEventListener('open', function () {
      if (opened) {
        refresh();
      }
      opened = true;
      root.dataset.following = 'true';
    });
  }

  measure();
  tick();
  setInterval(tick, 1000);
  follow();
})();
