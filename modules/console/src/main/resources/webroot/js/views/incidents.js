// The incidents: list (open first), take / close, and the details of the selected one (curve, why, pages sent).
import { get, post, put } from '../api.js';
import { el, button, announce } from '../dom.js';
import { t, time } from '../i18n.js';
import * as curve from './curve.js';

const incidents = new Map();
let me = null;

export function setUser(user) { me = user; }

export function reset(list) {
  incidents.clear();
  (list || []).forEach((i) => incidents.set(i.id, i));
  render();
}

export function update(event) {
  const known = incidents.has(event.incident.id);
  incidents.set(event.incident.id, event.incident);
  render();
  if (!known || event.type === 'REOPENED') {
    announce(t('incident.new', { title: event.incident.title, severity: t('severity.' + event.incident.severity) }));
  }
}

function may(permission) { return me && me.permissions.includes(permission); }

async function decide(incident, btn, action) {
  btn.disabled = true;
  try {
    await post('/api/incidents/' + encodeURIComponent(incident.id) + '/' + action, {});
    announce(t(action === 'ack' ? 'incident.taken' : 'incident.closed', { title: incident.title }));
  } catch (e) {
    btn.disabled = false;
    btn.title = e.message;
    announce(e.message);
  }
}

function render() {
  const list = document.getElementById('incidents');
  list.replaceChildren();
  const all = Array.from(incidents.values()).sort((a, b) => {
    if ((a.status !== 'RESOLVED') !== (b.status !== 'RESOLVED')) return a.status !== 'RESOLVED' ? -1 : 1;
    return (b.openedAt || '').localeCompare(a.openedAt || '');
  });
  all.forEach((i) => {
    const li = el('li', 'incident incident-' + String(i.status).toLowerCase());
    li.dataset.id = i.id;
    const head = el('div', 'incident-head');
    head.appendChild(el('span', 'severity severity-' + String(i.severity), t('severity.' + i.severity)));
    const open = button('incident-title linklike', i.title, () => details(i));
    head.appendChild(open);
    head.appendChild(el('span', 'incident-status', t('status.' + i.status)));
    li.appendChild(head);
    const roomLink = el('a', 'room-link', t('room.open'));
    roomLink.href = '/room.html?incident=' + encodeURIComponent(i.id);
    roomLink.setAttribute('aria-label', t('room.open') + ' : ' + i.title);
    li.appendChild(roomLink);
    if (i.status === 'OPEN' && may('respond')) {
      const take = button('ack', t('incident.take'), () => decide(i, take, 'ack'));
      head.appendChild(take);
    } else if (i.acknowledgedBy) {
      li.appendChild(el('div', 'incident-ack', t('incident.takenBy', { who: i.acknowledgedBy, at: time(i.acknowledgedAt) })));
    }
    if (i.status === 'ACKNOWLEDGED' && may('respond')) {
      const close = button('resolve', t('incident.close'), () => decide(i, close, 'resolve'));
      close.title = t('incident.closeHint');
      head.appendChild(close);
    }
    li.appendChild(el('div', 'incident-watch', t('incident.watch', { watch: i.watchId, rule: i.ruleId })));
    li.appendChild(el('div', 'incident-reason', i.reason));
    li.appendChild(el('div', 'incident-time', t('incident.opened', { at: time(i.openedAt) }) +
      (i.resolvedAt ? ' — ' + t('incident.resolved', { at: time(i.resolvedAt) }) : '') + ' — ' +
      t('incident.peak', { n: i.peakCount })));
    list.appendChild(li);
  });
  document.getElementById('incident-count').textContent = String(all.length);
  document.getElementById('no-incidents').hidden = all.length > 0;
}

function reportLinks(incident) {
  const box = document.getElementById('report-links');
  box.replaceChildren();
  [['pdf', 'outside'], ['html', 'outside'], ['csv', 'outside'], ['timeline', 'outside'], ['pdf', 'team']].forEach(([format, audience]) => {
    const a = el('a', 'report-link', t('report.' + format) + (audience === 'team' ? ' ' + t('report.team') : ''));
    a.href = '/api/incidents/' + encodeURIComponent(incident.id) + '/report?format=' + format + '&audience=' + audience;
    a.setAttribute('download', '');
    box.appendChild(a);
    box.appendChild(document.createTextNode(' '));
  });
}

let shown = null;

async function loadSummary(incident) {
  const text = document.getElementById('summary-text');
  const status = document.getElementById('summary-status');
  status.textContent = '';
  document.getElementById('summary-save').hidden = !may('respond');
  text.readOnly = !may('respond');
  try {
    const s = await get('/api/incidents/' + encodeURIComponent(incident.id) + '/summary');
    if (!sessionStorage.getItem('cd.keep.summary-text')) text.value = s.text || '';
  } catch (e) {
    status.textContent = e.message;
  }
}

export function initSummary() {
  document.getElementById('summary-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!shown) return;
    const status = document.getElementById('summary-status');
    try {
      await put('/api/incidents/' + encodeURIComponent(shown.id) + '/summary',
        { text: document.getElementById('summary-text').value });
      sessionStorage.removeItem('cd.keep.summary-text');
      status.textContent = t('summary.saved');
    } catch (e) {
      status.textContent = t('error', { reason: e.message });
    }
  });
}

async function details(incident) {
  shown = incident;
  document.getElementById('curve-box').hidden = false;
  reportLinks(incident);
  loadSummary(incident);
  curve.show(incident);
  const summary = document.getElementById('why-summary');
  const terms = document.getElementById('why-terms');
  const entities = document.getElementById('why-entities');
  summary.textContent = t('why.loading');
  terms.replaceChildren();
  entities.replaceChildren();
  get('/api/incidents/' + encodeURIComponent(incident.id) + '/explanation').then((x) => {
    summary.textContent = x.summary;
    (x.terms || []).forEach((tm) => terms.appendChild(el('span', 'tag term', tm.key + ' ×' + tm.count)));
    (x.entities || []).forEach((e) => entities.appendChild(el('span', 'tag entity entity-' +
      String(e.type).toLowerCase(), e.text + ' (' + e.type + ') ×' + e.count)));
  }).catch((e) => { summary.textContent = t('why.unavailable', { reason: e.message }); });
  const pages = document.getElementById('pages');
  const status = document.getElementById('pages-status');
  pages.replaceChildren();
  get('/api/incidents/' + encodeURIComponent(incident.id) + '/pages').then((all) => {
    status.textContent = all.length ? '' : t('pages.none');
    all.forEach((a) => {
      const li = el('li', 'page page-' + String(a.outcome).toLowerCase());
      li.appendChild(el('time', null, time(a.at)));
      li.appendChild(el('span', 'tag', t('pages.level', { n: a.level + 1 })));
      li.appendChild(el('span', null, ' ' + a.personId + ' — ' + a.channel + ' ' + (a.maskedAddress || '') + ' : ' +
        t('pages.' + a.outcome) + (a.detail ? ' (' + a.detail + ')' : '')));
      pages.appendChild(li);
    });
  }).catch((e) => { status.textContent = t('pages.unavailable', { reason: e.message }); });
}
