// The incident's mentions (its watch, from its opening), filtered by tonality, source and language, with a pause;
// each can be attached to the incident (or detached) and answered (a reply draft).
import { get } from '../api.js';
import { el, button } from '../dom.js';
import { t, time } from '../i18n.js';
import { room, command, may } from './main.js';
import * as drafts from './drafts.js';

let paused = false;
const shown = new Set();

function filters() {
  return {
    sentiment: document.getElementById('filter-sentiment').value,
    source: document.getElementById('filter-source').value.trim(),
    lang: document.getElementById('filter-lang').value.trim(),
  };
}

function matches(m, f) {
  const label = m.sentimentLabel || (m.analysis && m.analysis.sentiment);
  return (!f.sentiment || label === f.sentiment) && (!f.source || m.source === f.source) && (!f.lang || m.lang === f.lang);
}

function item(m) {
  const li = el('li', 'mention');
  const meta = el('div', 'mention-meta');
  meta.appendChild(el('span', 'mention-time', time(m.publishedAt)));
  meta.appendChild(el('span', 'mention-source', m.source));
  const label = m.sentimentLabel || (m.analysis && m.analysis.sentiment);
  if (label) meta.appendChild(el('span', 'sentiment sentiment-' + label, t('sentiment.' + label)));
  li.appendChild(meta);
  li.appendChild(el('p', 'mention-text', m.text));
  if (may('respond')) {
    const attached = (room.state && room.state.attached || []).includes(m.id);
    const actions = el('div', 'mention-actions');
    const a = button('attach', attached ? t('roomFeed.detach') : t('roomFeed.attach'), async () => {
      await command(attached ? 'detach' : 'attach', { mention: m.id });
      setTimeout(load, 300);
    });
    a.setAttribute('aria-label', (attached ? t('roomFeed.detach') : t('roomFeed.attach')) + ' : ' + m.text.slice(0, 60));
    actions.appendChild(a);
    const r = button('reply', t('roomFeed.reply'), () => drafts.replyTo(m));
    r.setAttribute('aria-label', t('roomFeed.reply') + ' : ' + m.text.slice(0, 60));
    actions.appendChild(r);
    li.appendChild(actions);
  }
  return li;
}

export async function load() {
  const list = document.getElementById('room-mentions');
  const inc = room.incident;
  if (!inc) return;
  const f = filters();
  const q = new URLSearchParams({ watch: inc.watchId, from: new Date(new Date(inc.openedAt).getTime() - 30 * 60000).toISOString(), size: '50', sort: 'newest' });
  if (f.source) q.set('source', f.source);
  if (f.lang) q.set('lang', f.lang);
  if (f.sentiment === 'negative') q.set('sentimentMax', '-0.05');
  if (f.sentiment === 'positive') q.set('sentimentMin', '0.05');
  try {
    const page = await get('/api/search?' + q.toString());
    list.replaceChildren();
    shown.clear();
    page.hits.filter((h) => matches(h, f)).forEach((h) => { shown.add(h.id); list.appendChild(item(h)); });
    if (!list.children.length) list.appendChild(el('li', 'empty', t('roomFeed.none')));
  } catch (e) {
    list.replaceChildren(el('li', 'empty', t('roomFeed.unavailable', { reason: e.message })));
  }
}

/** A mention from the live feed: shown when it is the incident's watch, unless paused. */
export function live(m) {
  if (paused || !room.incident || !(m.watches || []).includes(room.incident.watchId) || shown.has(m.id)) return;
  if (!matches(m, filters())) return;
  shown.add(m.id);
  const list = document.getElementById('room-mentions');
  const empty = list.querySelector('.empty');
  if (empty) empty.remove();
  list.insertBefore(item(m), list.firstChild);
  while (list.children.length > 100) list.removeChild(list.lastChild);
}

export function init() {
  document.getElementById('room-feed-filters').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  const pause = document.getElementById('feed-pause');
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? t('roomFeed.resume') : t('roomFeed.pause');
  });
  load();
}
