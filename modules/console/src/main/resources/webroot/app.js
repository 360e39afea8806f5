// Community Defender console. Every value from the server is untrusted (mentions are public posts):
// it is only ever put into the page as text (textContent / createTextNode), never as HTML.
(function () {
  'use strict';
  var MAX_FEED = 200;
  var incidents = new Map();
  var mentionCount = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function time(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleString('fr-FR');
  }

  function renderIncidents() {
    var list = document.getElementById('incidents');
    list.replaceChildren();
    var all = Array.from(incidents.values()).sort(function (a, b) {
      if ((a.status === 'OPEN') !== (b.status === 'OPEN')) return a.status === 'OPEN' ? -1 : 1;
      return (b.openedAt || '').localeCompare(a.openedAt || '');
    });
    all.forEach(function (i) {
      var li = el('li', 'incident incident-' + String(i.status).toLowerCase());
      li.dataset.id = i.id;
      var head = el('div', 'incident-head');
      head.appendChild(el('span', 'severity severity-' + String(i.severity), i.severity));
      head.appendChild(el('strong', 'incident-title', i.title));
      head.appendChild(el('span', 'incident-status', i.status === 'OPEN' ? 'ouvert' : 'résolu'));
      li.appendChild(head);
      li.appendChild(el('div', 'incident-watch', 'veille : ' + i.watchId + ' — règle : ' + i.ruleId));
      li.appendChild(el('div', 'incident-reason', i.reason));
      li.appendChild(el('div', 'incident-time', 'ouvert ' + time(i.openedAt) +
        (i.resolvedAt ? ' — résolu ' + time(i.resolvedAt) : '') + ' — pic ' + i.peakCount));
      list.appendChild(li);
    });
    document.getElementById('incident-count').textContent = String(all.length);
    document.getElementById('no-incidents').hidden = all.length > 0;
  }

  function addMention(m, atTop) {
    var feed = document.getElementById('feed');
    var li = el('li', 'mention');
    var meta = el('div', 'mention-meta');
    meta.appendChild(el('span', 'mention-time', time(m.publishedAt)));
    meta.appendChild(el('span', 'mention-source', m.source));
    if (m.author) meta.appendChild(el('span', 'mention-author', m.author));
    (m.watches || []).forEach(function (w) { meta.appendChild(el('span', 'tag', w)); });
    li.appendChild(meta);
    li.appendChild(el('p', 'mention-text', m.text));
    if (atTop) feed.insertBefore(li, feed.firstChild); else feed.appendChild(li);
    while (feed.children.length > MAX_FEED) feed.removeChild(feed.lastChild);
    mentionCount++;
    document.getElementById('mention-count').textContent = String(mentionCount);
  }

  function setStatus(text, cls) {
    var s = document.getElementById('status');
    s.textContent = text;
    s.className = 'status ' + cls;
  }

  function connect() {
    var proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var ws = new WebSocket(proto + '//' + location.host + '/ws');
    ws.onopen = function () { setStatus('en direct', 'status-live'); };
    ws.onclose = function () { setStatus('déconnecté — nouvelle tentative…', 'status-down'); setTimeout(connect, 2000); };
    ws.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg.type === 'snapshot') {
        document.getElementById('feed').replaceChildren();
        mentionCount = 0;
        incidents.clear();
        (msg.mentions || []).slice().reverse().forEach(function (m) { addMention(m, true); });
        (msg.incidents || []).forEach(function (i) { incidents.set(i.id, i); });
        renderIncidents();
      } else if (msg.type === 'mention') {
        addMention(msg.mention, true);
      } else if (msg.type === 'incident') {
        incidents.set(msg.event.incident.id, msg.event.incident);
        renderIncidents();
      }
    };
  }

  renderIncidents();
  connect();
})();
