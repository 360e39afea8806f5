// The live feed of mentions.
import { el } from '../dom.js';
import { t, time } from '../i18n.js';

const MAX_FEED = 200;
let count = 0;

export function sentimentBadge(label, drivers) {
  const b = el('span', 'sentiment sentiment-' + String(label), t('sentiment.' + label));
  if (drivers && drivers.length) b.title = t('sentiment.words') + drivers.join(', ');
  return b;
}

export function reset() {
  document.getElementById('feed').replaceChildren();
  count = 0;
  document.getElementById('mention-count').textContent = '0';
}

export function add(m) {
  const feed = document.getElementById('feed');
  const li = el('li', 'mention');
  const meta = el('div', 'mention-meta');
  meta.appendChild(el('span', 'mention-time', time(m.publishedAt)));
  meta.appendChild(el('span', 'mention-source', m.source));
  if (m.author) meta.appendChild(el('span', 'mention-author', m.author));
  if (m.analysis) meta.appendChild(sentimentBadge(m.analysis.sentiment, m.analysis.drivers));
  (m.watches || []).forEach((w) => meta.appendChild(el('span', 'tag', w)));
  li.appendChild(meta);
  li.appendChild(el('p', 'mention-text', m.text));
  feed.insertBefore(li, feed.firstChild);
  while (feed.children.length > MAX_FEED) feed.removeChild(feed.lastChild);
  count++;
  document.getElementById('mention-count').textContent = String(count);
}
