// The incident room page (/room.html?incident=ID[&draft=dN]): the incident, its drafts, its mentions and its main
// courante, live over the page's WebSocket. Every change goes through the API (the room stage decides); the page
// redraws from what the server sends back, so two people on the same incident see the same thing.
import { get, post, put } from '../api.js';
import { el, announce } from '../dom.js';
import * as i18n from '../i18n.js';
import { t, time } from '../i18n.js';
import * as ws from '../ws.js';
import * as curve from '../views/curve.js';
import * as drafts from './drafts.js';
import * as mentions from './mentions.js';
import * as timeline from './timeline.js';

const params = new URLSearchParams(location.search);
export const room = { id: params.get('incident'), incident: null, state: null, drafts: new Map(), me: null, sw: null };

export function may(permission) { return room.me && room.me.permissions.includes(permission); }

export function politely(text) {
  const live = document.getElementById('live-polite');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

export function message(text) { document.getElementById('room-message').textContent = text; }

/** Sends a room command; resolves with the answer, or shows the refusal's reason and rethrows. */
export async function command(type, args, where) {
  try {
    return await post('/api/incidents/' + encodeURIComponent(room.id) + '/room/' + type, args || {});
  } catch (e) {
    (where || message)(t('error', { reason: e.message }));
    throw e;
  }
}

function renderOverview() {
  const s = room.state || {};
  const i = room.incident || {};
  document.getElementById('room-title').textContent = s.title || i.title || room.id;
  document.title = (s.title || i.title || room.id) + ' — Community Defender';
  document.getElementById('room-meta').textContent = t('room.meta', {
    severity: t('severity.' + (s.severity || i.severity || 'medium')), status: t('roomStatus.' + (s.status || 'open')),
    watch: i.watchId || s.watchId || '', opened: time(i.openedAt),
  });
  document.getElementById('room-status').value = s.status || 'open';
  document.getElementById('room-severity').value = s.severity || i.severity || 'medium';
  const roles = document.getElementById('room-roles');
  roles.replaceChildren();
  Object.entries(s.roles || {}).forEach(([role, who]) => roles.appendChild(el('li', null, t('crisisRole.' + role) + ' : ' + who)));
  if (!roles.children.length) roles.appendChild(el('li', 'empty', t('room.noRoles')));
  const writable = may('respond');
  ['room-settings', 'role-form', 'note-form'].forEach((id) => {
    document.getElementById(id).querySelectorAll('input, select, textarea, button').forEach((c) => { c.disabled = !writable; });
  });
}

function renderSwitch() {
  const banner = document.getElementById('switch-banner');
  const sw = room.sw;
  banner.replaceChildren();
  if (sw && sw.suspended) {
    banner.hidden = false;
    banner.appendChild(el('strong', null, t('switch.on')));
    banner.appendChild(document.createTextNode(' ' + t('switch.by', { who: sw.by, at: time(sw.at), reason: sw.reason || '' }) + ' '));
  } else {
    banner.hidden = true;
  }
}

function markers() {
  const out = [];
  timeline.entries().forEach((e) => {
    if (e.type === 'incident-acknowledged') out.push({ at: e.at, label: t('marker.ack'), color: '#b54708' });
    if (e.type === 'published') out.push({ at: e.at, label: t('marker.published'), color: '#067647', dash: [2, 2] });
  });
  return out;
}

function loadWhy() {
  const summary = document.getElementById('why-summary');
  const terms = document.getElementById('why-terms');
  const entities = document.getElementById('why-entities');
  summary.textContent = t('why.loading');
  get('/api/incidents/' + encodeURIComponent(room.id) + '/explanation').then((x) => {
    summary.textContent = x.summary;
    terms.replaceChildren();
    entities.replaceChildren();
    (x.terms || []).forEach((tm) => terms.appendChild(el('span', 'tag term', tm.key + ' ×' + tm.count)));
    (x.entities || []).forEach((e) => entities.appendChild(el('span', 'tag entity', e.text + ' (' + e.type + ') ×' + e.count)));
    const sources = document.getElementById('why-sources');
    sources.replaceChildren();
    Object.entries(x.sources || {}).forEach(([k, n]) => sources.appendChild(el('span', 'tag', k + ' ×' + n)));
    const top = document.getElementById('why-top');
    top.replaceChildren();
    (x.topPosts || []).forEach((p) => {
      const li = el('li', 'mention');
      li.appendChild(el('span', 'mention-meta', p.source + ' — ' + t('why.reach', { n: p.reach })));
      li.appendChild(el('p', 'mention-text', p.text));
      top.appendChild(li);
    });
  }).catch((e) => { summary.textContent = t('why.unavailable', { reason: e.message }); });
  const pages = document.getElementById('pages');
  get('/api/incidents/' + encodeURIComponent(room.id) + '/pages').then((all) => {
    pages.replaceChildren();
    document.getElementById('pages-status').textContent = all.length ? '' : t('pages.none');
    all.forEach((a) => pages.appendChild(el('li', 'page', time(a.at) + ' — ' + a.personId + ' — ' + a.channel + ' : ' + t('pages.' + a.outcome))));
  }).catch((e) => { document.getElementById('pages-status').textContent = t('pages.unavailable', { reason: e.message }); });
}

function onMessage(msg) {
  if (msg.type === 'room' && msg.incidentId === room.id) {
    if (msg.state) { room.state = msg.state; renderOverview(); }
    if (msg.draft) drafts.update(msg.draft);
  } else if (msg.type === 'entry' && msg.entry.incidentId === room.id) {
    timeline.add(msg.entry);
  } else if (msg.type === 'presence' && msg.incidentId === room.id) {
    const others = (msg.people || []).filter((p) => p.username !== room.me.username);
    document.getElementById('presence').textContent = others.length ? t('room.presence', {
      people: others.map((p) => p.name + (p.draft ? ' (' + p.draft + ')' : '')).join(', ') }) : '';
    drafts.presence(others);
  } else if (msg.type === 'switch') {
    room.sw = msg.switch; renderSwitch(); drafts.render();
  } else if (msg.type === 'incident' && msg.event.incident.id === room.id) {
    room.incident = msg.event.incident; renderOverview();
  } else if (msg.type === 'mention') {
    mentions.live(msg.mention);
  } else if (msg.type === 'mentions') {
    msg.mentions.forEach((m) => mentions.live(m));
  }
}

export function sayWhere(draft) {
  ws.send({ type: 'presence', incident: room.id, draft: draft || null });
}

function setStatus(state) {
  const s = document.getElementById('status');
  s.textContent = t('live.' + state);
  s.className = 'status status-' + state;
}

function bindForms() {
  document.getElementById('room-settings').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const s = room.state || {};
    const status = document.getElementById('room-status').value;
    const severity = document.getElementById('room-severity').value;
    if (status !== s.status) await command('status', { status });
    if (severity !== s.severity) await command('severity', { severity });
    message(t('room.saved'));
  });
  document.getElementById('role-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const user = document.getElementById('role-user').value.trim();
    await command('assign-role', { role: document.getElementById('role-name').value, username: user || null });
    message(t('room.saved'));
  });
  const note = async (type) => {
    const text = document.getElementById('note-text');
    if (!text.value.trim()) { message(t('room.noteEmpty')); text.focus(); return; }
    await command(type, { text: text.value });
    text.value = '';
    sessionStorage.removeItem('cd.keep.note-text');
    message(t(type === 'note' ? 'room.noteAdded' : 'room.decisionAdded'));
  };
  document.getElementById('note-form').addEventListener('submit', (ev) => { ev.preventDefault(); note('note'); });
  document.getElementById('decision-add').addEventListener('click', () => note('decision'));
}

async function boot() {
  await i18n.load(localStorage.getItem('cd.lang') || 'fr');
  document.getElementById('lang').value = i18n.lang;
  document.getElementById('lang').addEventListener('change', (e) => { localStorage.setItem('cd.lang', e.target.value); location.reload(); });
  document.querySelectorAll('[data-keep]').forEach((f) => {
    const k = 'cd.keep.' + f.id;
    if (sessionStorage.getItem(k)) f.value = sessionStorage.getItem(k);
    f.addEventListener('input', () => sessionStorage.setItem(k, f.value));
  });
  document.addEventListener('cd:signed-out', () => { document.getElementById('room-signin').hidden = false; ws.disconnect(); });
  try {
    room.me = await get('/api/session');
  } catch (e) {
    document.getElementById('room-signin').hidden = false;
    return;
  }
  document.getElementById('me').textContent = t('me', { name: room.me.displayName, roles: room.me.roles.map((r) => t('role.' + r)).join(', ') });
  document.getElementById('user-bar').hidden = false;
  if (!room.id) { document.getElementById('room-signin').hidden = false; return; }
  try {
    room.incident = await get('/api/incidents/' + encodeURIComponent(room.id));
  } catch (e) {
    room.incident = null;
  }
  const data = await get('/api/incidents/' + encodeURIComponent(room.id) + '/room');
  room.state = data.state;
  room.sw = data.switch;
  room.commune = data.commune;
  document.getElementById('room').hidden = false;
  renderOverview();
  renderSwitch();
  bindForms();
  drafts.init(data.drafts, params.get('draft'));
  if (params.get('sig')) {
    get('/api/incidents/' + encodeURIComponent(room.id) + '/room/link?draft=' + encodeURIComponent(params.get('draft') || '') +
      '&sig=' + encodeURIComponent(params.get('sig'))).then((r) => {
      message(r.authentic ? t('room.linkAuthentic') : t('room.linkForged'));
    }).catch(() => {});
  }
  await timeline.init();
  mentions.init();
  if (room.incident) curve.show(room.incident, markers(), true);
  loadWhy();
  ws.connect(onMessage, setStatus, () => sayWhere(drafts.openId()));
}

export function redrawCurve() {
  if (room.incident) curve.show(room.incident, markers(), true);
}

export { announce };
boot();
