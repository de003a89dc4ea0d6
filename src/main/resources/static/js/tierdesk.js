/* Tierdesk pages: CSRF for htmx, live updates, local times and countdowns, keyboard shortcuts. No inline script
   anywhere (the Content-Security-Policy forbids it); everything hangs on data- attributes. */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';

  // -- CSRF token on every htmx request -----------------------------------------------------------------------------
  document.addEventListener('htmx:configRequest', function (e) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { e.detail.headers[header.content] = token.content; }
  });

  // -- live updates: the server says "tickets" when a ticket of my programs changed ----------------------------------
  function live() {
    var url = document.body.getAttribute('data-live');
    if (!url || !window.EventSource) { return; }
    var pending = null;
    var source = new EventSource(url);
    source.addEventListener('tickets', function () {
      if (pending) { return; }
      pending = setTimeout(function () {
        pending = null;
        if (window.htmx) { htmx.trigger(document.body, 'tickets-changed'); }
      }, 300);
    });
    window.addEventListener('beforeunload', function () { source.close(); });
  }

  // -- times: printed in UTC by the server, shown in the reader's own time -------------------------------------------
  var dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  var relative = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }) : null;

  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var d = new Date(el.getAttribute('datetime'));
      if (!isNaN(d)) { el.textContent = dateFormat.format(d); el.title = d.toISOString(); }
    });
  }

  function countdowns() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var due = new Date(el.getAttribute('data-due'));
      if (isNaN(due)) { return; }
      var seconds = Math.round((due.getTime() - now) / 1000);
      var abs = Math.abs(seconds);
      var text;
      if (!relative) { text = due.toISOString(); }
      else if (abs < 60) { text = relative.format(seconds, 'second'); }
      else if (abs < 3600) { text = relative.format(Math.round(seconds / 60), 'minute'); }
      else if (abs < 172800) { text = relative.format(Math.round(seconds / 3600), 'hour'); }
      else { text = relative.format(Math.round(seconds / 86400), 'day'); }
      el.textContent = text;
      el.title = dateFormat.format(due);
      el.classList.toggle('overdue', seconds < 0);
      el.classList.toggle('overdue-soon', seconds >= 0 && seconds < 900);
    });
  }

  // -- keyboard shortcuts (listed on "?") --------------------------------------------------------------------------
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function openDialog() {
    var d = document.getElementById('shortcuts');
    if (d && !d.open) { d.showModal(); }
  }

  function activate(el) {
    var details = el.closest('details');
    if (details) { details.open = true; }
    if (el.tagName === 'BUTTON') { el.click(); return; }
    if (el.type === 'radio') {
      el.checked = true;
      var body = document.getElementById('entry-body');
      if (body) { body.focus(); }
      return;
    }
    el.focus();
  }

  var selected = -1;
  function move(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('table[data-queue] tbody tr'))
      .filter(function (r) { return r.querySelector('a'); });
    if (!rows.length) { return; }
    if (selected >= 0 && rows[selected]) { rows[selected].classList.remove('selected'); }
    selected = Math.max(0, Math.min(rows.length - 1, selected + step));
    rows[selected].classList.add('selected');
    rows[selected].querySelector('a').focus();
  }

  var prefix = null;
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      var form = e.target.closest && e.target.closest('form[data-submit-on-ctrl-enter]');
      if (form) { e.preventDefault(); form.requestSubmit(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) { return; }
    if (prefix === 'g') {
      prefix = null;
      if (e.key === 'q') { window.location.href = '/console'; }
      if (e.key === 'c') { window.location.href = '/console/calls/new'; }
      return;
    }
    if (e.key === 'g') { prefix = 'g'; setTimeout(function () { prefix = null; }, 1500); return; }
    if (e.key === '?') { e.preventDefault(); openDialog(); return; }
    if (e.key === '/') {
      var find = document.querySelector('[data-find]');
      e.preventDefault();
      if (find) { find.focus(); } else { window.location.href = '/console'; }
      return;
    }
    if (e.key === 'j') { move(1); return; }
    if (e.key === 'k') { move(-1); return; }
    var target = document.querySelector('[data-key="' + e.key + '"]');
    if (target) { e.preventDefault(); activate(target); }
  });

  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-shortcuts]')) { openDialog(); }
  });

  document.addEventListener('DOMContentLoaded', function () {
    live();
    localTimes(document);
    countdowns();
    setInterval(countdowns, 1000);
  });
  document.addEventListener('htmx:afterSwap', function (e) { localTimes(e.target); countdowns(); });
})();
