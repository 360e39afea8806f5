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

  var SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }

  // Text with U+E000…U+E001 around matched words becomes text nodes and <mark> elements: never HTML.
  function highlighted(fragment) {
    var p = el('p', 'hit-text');
    String(fragment).split('\uE000').forEach(function (part, i) {
      var pieces = part.split('\uE001');
      if (i > 0 && pieces.length > 1) {
        p.appendChild(el('mark', null, pieces[0]));
        p.appendChild(document.createTextNode(pieces.slice(1).join('')));
      } else {
        p.appendChild(document.createTextNode(part.replace(/\uE001/g, '')));
      }
    });
    return p;
  }

  function getJson(url) {
    return fetch(url).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error.message : ('HTTP ' + r.status));
        return body;
      });
    });
  }

  function showCurve(incident) {
    var box = document.getElementById('curve-box');
    var from = new Date(new Date(incident.openedAt).getTime() - 30 * 60000);
    var end = incident.resolvedAt ? new Date(incident.resolvedAt) : new Date(Math.max(Date.now(),
      new Date(incident.lastFiringAt || incident.openedAt).getTime() + 60000));
    var url = '/api/search/histogram?interval=minute&watch=' + encodeURIComponent(incident.watchId) +
      '&from=' + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(end.toISOString());
    box.hidden = false;
    document.getElementById('curve-title').textContent = 'Mentions par minute — ' + incident.watchId;
    getJson(url).then(function (h) { drawCurve(h.buckets || [], incident); })
      .catch(function (e) { document.getElementById('curve-legend').textContent = 'Courbe indisponible : ' + e.message; });
    showWhy(incident);
    showPages(incident);
  }

  var OUTCOMES = { SENT: 'envoyée', FAILED: 'échec', GAVE_UP: 'abandon', HELD: 'retenue (heures calmes)',
    DUPLICATE: 'déjà envoyée' };

  function showPages(incident) {
    var list = document.getElementById('pages');
    var status = document.getElementById('pages-status');
    list.textContent = '';
    getJson('/api/incidents/' + encodeURIComponent(incident.id) + '/pages').then(function (all) {
      status.textContent = all.length ? '' : 'Personne n’a encore été alerté.';
      all.forEach(function (a) {
        var li = el('li', 'page page-' + String(a.outcome).toLowerCase());
        li.appendChild(el('time', null, time(a.at)));
        li.appendChild(el('span', 'tag', 'niveau ' + (a.level + 1)));
        li.appendChild(el('span', null, ' ' + a.personId + ' — ' + a.channel + ' ' + (a.maskedAddress || '') + ' : ' +
          (OUTCOMES[a.outcome] || a.outcome) + (a.detail ? ' (' + a.detail + ')' : '')));
        list.appendChild(li);
      });
    }).catch(function (e) { status.textContent = 'Alertes indisponibles : ' + e.message; });
  }

  function showWhy(incident) {
    var summary = document.getElementById('why-summary');
    var terms = document.getElementById('why-terms');
    var entities = document.getElementById('why-entities');
    summary.textContent = 'analyse des mentions…';
    terms.replaceChildren();
    entities.replaceChildren();
    getJson('/api/incidents/' + encodeURIComponent(incident.id) + '/explanation').then(function (x) {
      summary.textContent = x.summary;
      (x.terms || []).forEach(function (t) { terms.appendChild(el('span', 'tag term', t.key + ' ×' + t.count)); });
      (x.entities || []).forEach(function (e) {
        entities.appendChild(el('span', 'tag entity entity-' + String(e.type).toLowerCase(), e.text + ' (' + e.type + ') ×' + e.count));
      });
    }).catch(function (e) { summary.textContent = 'Explication indisponible : ' + e.message; });
  }

  function drawCurve(buckets, incident) {
    var chart = document.getElementById('curve');
    chart.replaceChildren();
    var max = buckets.reduce(function (m, b) { return Math.max(m, b.count); }, 1);
    var w = 600 / Math.max(buckets.length, 1);
    buckets.forEach(function (b, i) {
      var h = 140 * b.count / max;
      var rect = svg('rect', { x: i * w, y: 150 - h, width: Math.max(w - 1, 1), height: h, 'class': 'bar' });
      var title = svg('title', {});
      title.textContent = time(b.t) + ' : ' + b.count;
      rect.appendChild(title);
      chart.appendChild(rect);
    });
    var opened = buckets.findIndex(function (b) { return b.t >= incident.openedAt; });
    if (opened >= 0) chart.appendChild(svg('line', { x1: opened * w, x2: opened * w, y1: 0, y2: 150, 'class': 'opened' }));
    document.getElementById('curve-legend').textContent = buckets.length + ' minutes, maximum ' + max +
      ' mentions/minute ; trait : ouverture de l’incident';
  }

  function search(ev) {
    if (ev) ev.preventDefault();
    var q = document.getElementById('search-q').value;
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    status.textContent = 'recherche…';
    getJson('/api/search?size=50&q=' + encodeURIComponent(q)).then(function (page) {
      list.replaceChildren();
      status.textContent = page.total + ' résultat(s)';
      page.hits.forEach(function (h) {
        var li = el('li', 'hit');
        var meta = el('div', 'mention-meta');
        meta.appendChild(el('span', 'mention-time', time(h.publishedAt)));
        meta.appendChild(el('span', 'mention-source', h.source));
        if (h.sentimentLabel) meta.appendChild(sentimentBadge(h.sentimentLabel, h.drivers));
        if (h.deep && h.deep.sentimentLabel) {
          var deep = sentimentBadge(h.deep.sentimentLabel, h.deep.drivers);
          deep.textContent = 'analyse fine : ' + deep.textContent;
          meta.appendChild(deep);
        }
        (h.watches || []).forEach(function (w) { meta.appendChild(el('span', 'tag', w)); });
        li.appendChild(meta);
        if (h.highlights && h.highlights.length) {
          h.highlights.forEach(function (f) { li.appendChild(highlighted(f)); });
        } else {
          li.appendChild(el('p', 'hit-text', h.text));
        }
        list.appendChild(li);
      });
    }).catch(function (e) { status.textContent = 'Erreur : ' + e.message; });
  }

  function renderIncidents() {
    var list = document.getElementById('incidents');
    list.replaceChildren();
    var all = Array.from(incidents.values()).sort(function (a, b) {
      if ((a.status !== 'RESOLVED') !== (b.status !== 'RESOLVED')) return a.status !== 'RESOLVED' ? -1 : 1;
      return (b.openedAt || '').localeCompare(a.openedAt || '');
    });
    all.forEach(function (i) {
      var li = el('li', 'incident incident-' + String(i.status).toLowerCase());
      li.dataset.id = i.id;
      li.tabIndex = 0;
      li.addEventListener('click', function () { showCurve(i); });
      var head = el('div', 'incident-head');
      head.appendChild(el('span', 'severity severity-' + String(i.severity), i.severity));
      head.appendChild(el('strong', 'incident-title', i.title));
      head.appendChild(el('span', 'incident-status', STATUS[i.status] || i.status));
      li.appendChild(head);
      if (i.status === 'OPEN') {
        var take = el('button', 'ack', 'Je prends');
        take.type = 'button';
        take.addEventListener('click', function (ev) { ev.stopPropagation(); decide(i, take, 'ack'); });
        head.appendChild(take);
      } else if (i.acknowledgedBy) {
        li.appendChild(el('div', 'incident-ack', 'pris en charge par ' + i.acknowledgedBy + ' ' + time(i.acknowledgedAt)));
      }
      if (i.status === 'ACKNOWLEDGED') {
        var close = el('button', 'resolve', 'Clore');
        close.type = 'button';
        close.title = 'La crise est terminée : clore l’incident (il rouvrira si le volume repart)';
        close.addEventListener('click', function (ev) { ev.stopPropagation(); decide(i, close, 'resolve'); });
        head.appendChild(close);
      }
      li.appendChild(el('div', 'incident-watch', 'veille : ' + i.watchId + ' — règle : ' + i.ruleId));
      li.appendChild(el('div', 'incident-reason', i.reason));
      li.appendChild(el('div', 'incident-time', 'ouvert ' + time(i.openedAt) +
        (i.resolvedAt ? ' — résolu ' + time(i.resolvedAt) : '') + ' — pic ' + i.peakCount));
      list.appendChild(li);
    });
    document.getElementById('incident-count').textContent = String(all.length);
    document.getElementById('no-incidents').hidden = all.length > 0;
  }

  function loadSilences() {
    getJson('/api/silences').then(function (all) {
      var list = document.getElementById('silences');
      list.replaceChildren();
      var now = Date.now();
      var active = all.filter(function (s) { return new Date(s.expiresAt).getTime() > now; });
      document.getElementById('silence-count').textContent = String(active.length);
      active.forEach(function (s) {
        var li = el('li', 'silence');
        li.appendChild(el('span', 'tag', s.watch === '*' ? 'toutes les veilles' : s.watch));
        if (s.rule && s.rule !== '*') li.appendChild(el('span', 'tag', s.rule));
        li.appendChild(el('span', 'silence-reason', s.reason));
        li.appendChild(el('span', 'silence-by', 'par ' + s.createdBy + ' jusqu’à ' + time(s.expiresAt)));
        var end = el('button', 'silence-end', 'Lever');
        end.type = 'button';
        end.addEventListener('click', function () {
          fetch('/api/silences/' + encodeURIComponent(s.id), { method: 'DELETE' }).then(function () {
            setTimeout(loadSilences, 500);
          });
        });
        li.appendChild(end);
        list.appendChild(li);
      });
    }).catch(function (e) { document.getElementById('silence-status').textContent = 'Silences indisponibles : ' + e.message; });
  }

  function createSilence(ev) {
    ev.preventDefault();
    var status = document.getElementById('silence-status');
    var name = document.getElementById('me').value.trim();
    if (!name) { document.getElementById('me').focus(); status.textContent = 'Indiquez votre nom en haut.'; return; }
    fetch('/api/silences', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ watch: document.getElementById('silence-watch').value.trim() || '*', by: name,
        reason: document.getElementById('silence-reason').value, duration: document.getElementById('silence-duration').value })
    }).then(function (r) {
      return r.json().then(function (b) {
        if (!r.ok) throw new Error(b.error ? b.error.message : r.status);
        status.textContent = 'Silence enregistré.';
        document.getElementById('silence-reason').value = '';
        setTimeout(loadSilences, 500);
      });
    }).catch(function (e) { status.textContent = 'Erreur : ' + e.message; });
  }

  var STATUS = { OPEN: 'ouvert', ACKNOWLEDGED: 'pris en charge', RESOLVED: 'résolu' };

  /** Takes ('ack') or closes ('resolve') an incident in the name typed at the top. */
  function decide(incident, button, action) {
    var name = document.getElementById('me').value.trim();
    if (!name) { document.getElementById('me').focus(); return; }
    localStorage.setItem('cd.me', name);
    button.disabled = true;
    fetch('/api/incidents/' + encodeURIComponent(incident.id) + '/' + action, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ by: name })
    }).then(function (r) {
      if (!r.ok) return r.json().then(function (b) { throw new Error(b.error ? b.error.message : r.status); });
    }).catch(function (e) { button.disabled = false; button.title = e.message; });
  }

  var LABELS = { negative: 'négatif', neutral: 'neutre', positive: 'positif', unsupported: 'non analysé' };

  function sentimentBadge(label, drivers) {
    var b = el('span', 'sentiment sentiment-' + String(label), LABELS[label] || label);
    if (drivers && drivers.length) b.title = 'mots : ' + drivers.join(', ');
    return b;
  }

  function addMention(m, atTop) {
    var feed = document.getElementById('feed');
    var li = el('li', 'mention');
    var meta = el('div', 'mention-meta');
    meta.appendChild(el('span', 'mention-time', time(m.publishedAt)));
    meta.appendChild(el('span', 'mention-source', m.source));
    if (m.author) meta.appendChild(el('span', 'mention-author', m.author));
    if (m.analysis) meta.appendChild(sentimentBadge(m.analysis.sentiment, m.analysis.drivers));
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

  document.getElementById('me').value = localStorage.getItem('cd.me') || '';
  document.getElementById('search-form').addEventListener('submit', search);
  document.getElementById('silence-form').addEventListener('submit', createSilence);
  loadSilences();
  setInterval(loadSilences, 60000);
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    document.getElementById('search-q').value = initial;
    search();
  }
  renderIncidents();
  connect();
})();
