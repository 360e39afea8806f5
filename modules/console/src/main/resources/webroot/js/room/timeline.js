// The main courante of the incident: every entry with its number, time, author and text; "verify" asks the server to
// check the hash chain and says where it breaks.
import { get } from '../api.js';
import { el } from '../dom.js';
import { t, time } from '../i18n.js';
import { room, redrawCurve } from './main.js';

const all = [];

export function entries() { return all; }

/** The entry in the reader's language from its type and data; the stored sentence when there is no template. */
function sentence(e) {
  const key = 'entryText.' + e.type;
  const data = Object.assign({ username: '—' }, e.data || {});
  const text = t(key, data);
  return text === key || /\{[a-z]+\}/.test(text) ? e.text : text;
}

function row(e) {
  const li = el('li', 'entry entry-' + e.type);
  li.id = 'entry-' + e.seq;
  li.appendChild(el('span', 'entry-seq', '#' + e.seq));
  li.appendChild(el('time', 'entry-time', time(e.at)));
  li.appendChild(el('span', 'entry-actor', e.actor));
  li.appendChild(el('span', 'tag entry-type', t('entry.' + e.type) === 'entry.' + e.type ? e.type : t('entry.' + e.type)));
  li.appendChild(el('p', 'entry-text', sentence(e)));
  return li;
}

export function add(e) {
  if (all.some((x) => x.seq === e.seq)) return;
  all.push(e);
  all.sort((a, b) => a.seq - b.seq);
  const list = document.getElementById('timeline');
  list.insertBefore(row(e), list.firstChild);
  document.getElementById('entry-count').textContent = String(all.length);
  document.getElementById('verify-result').textContent = '';
  if (e.type === 'published' || e.type === 'incident-acknowledged') redrawCurve();
}

export async function init() {
  const list = await get('/api/incidents/' + encodeURIComponent(room.id) + '/courante');
  all.length = 0;
  document.getElementById('timeline').replaceChildren();
  list.forEach(add);
  document.getElementById('verify').addEventListener('click', async () => {
    const out = document.getElementById('verify-result');
    out.textContent = t('timeline.verifying');
    try {
      const v = await get('/api/incidents/' + encodeURIComponent(room.id) + '/courante/verify');
      out.textContent = v.intact ? t('timeline.intact', { n: v.entries }) : t('timeline.broken', { at: v.brokenAt, reason: v.reason });
      out.className = v.intact ? 'verify-ok' : 'verify-broken';
    } catch (e) {
      out.textContent = t('error', { reason: e.message });
    }
  });
}
