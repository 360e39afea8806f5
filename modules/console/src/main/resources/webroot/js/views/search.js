// Full-text search over the stored mentions; highlighted words arrive between U+E000 and U+E001 and become <mark>.
import { get } from '../api.js';
import { el } from '../dom.js';
import { t, time } from '../i18n.js';
import { sentimentBadge } from './feed.js';

function highlighted(fragment) {
  const p = el('p', 'hit-text');
  String(fragment).split('\uE000').forEach((part, i) => {
    const pieces = part.split('\uE001');
    if (i > 0 && pieces.length > 1) {
      p.appendChild(el('mark', null, pieces[0]));
      p.appendChild(document.createTextNode(pieces.slice(1).join('')));
    } else {
      p.appendChild(document.createTextNode(part.replace(/\uE001/g, '')));
    }
  });
  return p;
}

export async function search(ev) {
  if (ev) ev.preventDefault();
  const q = document.getElementById('search-q').value;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  status.textContent = t('search.running');
  try {
    const page = await get('/api/search?size=50&q=' + encodeURIComponent(q));
    list.replaceChildren();
    status.textContent = t('search.count', { n: page.total });
    page.hits.forEach((h) => {
      const li = el('li', 'hit');
      const meta = el('div', 'mention-meta');
      meta.appendChild(el('span', 'mention-time', time(h.publishedAt)));
      meta.appendChild(el('span', 'mention-source', h.source));
      if (h.sentimentLabel) meta.appendChild(sentimentBadge(h.sentimentLabel, h.drivers));
      if (h.deep && h.deep.sentimentLabel) {
        const deep = sentimentBadge(h.deep.sentimentLabel, h.deep.drivers);
        deep.textContent = t('search.deep') + deep.textContent;
        meta.appendChild(deep);
      }
      (h.watches || []).forEach((w) => meta.appendChild(el('span', 'tag', w)));
      li.appendChild(meta);
      if (h.highlights && h.highlights.length) h.highlights.forEach((f) => li.appendChild(highlighted(f)));
      else li.appendChild(el('p', 'hit-text', h.text));
      list.appendChild(li);
    });
  } catch (e) {
    status.textContent = t('error', { reason: e.message });
  }
}

export function init() {
  document.getElementById('search-form').addEventListener('submit', search);
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    document.getElementById('search-q').value = initial;
    search();
  }
}
