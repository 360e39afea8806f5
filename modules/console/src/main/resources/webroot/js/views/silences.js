// Silences (admins create and lift them; everyone sees them).
import { get, post, del } from '../api.js';
import { el, button } from '../dom.js';
import { t, time } from '../i18n.js';

let admin = false;

export async function load() {
  try {
    const all = await get('/api/silences');
    const list = document.getElementById('silences');
    list.replaceChildren();
    const now = Date.now();
    const active = all.filter((s) => new Date(s.expiresAt).getTime() > now);
    document.getElementById('silence-count').textContent = String(active.length);
    active.forEach((s) => {
      const li = el('li', 'silence');
      li.appendChild(el('span', 'tag', s.watch === '*' ? t('silence.all') : s.watch));
      if (s.rule && s.rule !== '*') li.appendChild(el('span', 'tag', s.rule));
      li.appendChild(el('span', 'silence-reason', s.reason));
      li.appendChild(el('span', 'silence-by', t('silence.by', { who: s.createdBy, until: time(s.expiresAt) })));
      if (admin) {
        li.appendChild(button('silence-end', t('silence.lift'), async () => {
          try { await del('/api/silences/' + encodeURIComponent(s.id)); } catch (e) { /* shown on reload */ }
          setTimeout(load, 500);
        }));
      }
      list.appendChild(li);
    });
  } catch (e) {
    document.getElementById('silence-status').textContent = t('silence.unavailable', { reason: e.message });
  }
}

async function create(ev) {
  ev.preventDefault();
  const status = document.getElementById('silence-status');
  try {
    await post('/api/silences', {
      watch: document.getElementById('silence-watch').value.trim() || '*',
      reason: document.getElementById('silence-reason').value,
      duration: document.getElementById('silence-duration').value,
    });
    status.textContent = t('silence.saved');
    document.getElementById('silence-reason').value = '';
    setTimeout(load, 500);
  } catch (e) {
    status.textContent = t('error', { reason: e.message });
  }
}

export function init(user) {
  admin = user.permissions.includes('admin');
  document.getElementById('silence-form').hidden = !admin;
  document.getElementById('silence-form').addEventListener('submit', create);
  load();
  setInterval(load, 60000);
}
