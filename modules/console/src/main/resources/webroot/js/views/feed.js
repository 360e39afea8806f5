// The live feed of mentions, with the team's corrections of their sentiment (drafters and above correct a mention
// or mark it irrelevant; every console shows it at once).
import { el, announce } from '../dom.js';
import { get, post } from '../api.js';
import { t, time } from '../i18n.js';

const MAX_FEED = 200;
let count = 0;
let mayCorrect = false;
const corrections = new Map();

/** Whether this person may correct (RESPOND); loads the corrections already made. */
export async function init(user) {
  mayCorrect = user.permissions.includes('respond');
  try {
    const all = await get('/api/corrections');
    all.corrections.forEach((c) => correction(c.mentionId, c));
  } catch (e) { /* the feed works without them */ }
}

/** A correction (or its erasure, null) from the server: shown on the mention's row if it is in the feed. */
export function correction(mentionId, c) {
  if (c) corrections.set(mentionId, c); else corrections.delete(mentionId);
  const li = document.querySelector('#feed li[data-mention-id="' + CSS.escape(mentionId) + '"]');
  if (li) renderCorrection(li);
}

function renderCorrection(li) {
  const c = corrections.get(li.dataset.mentionId);
  const slot = li.querySelector('.mention-correction');
  slot.replaceChildren();
  li.classList.toggle('mention-irrelevant', !!(c && c.irrelevant));
  if (!c) return;
  const text = c.irrelevant ? t('correction.irrelevant') : t('correction.corrected', { label: t('sentiment.' + c.sentiment) });
  const badge = el('span', 'correction' + (c.irrelevant ? ' correction-irrelevant' : ' sentiment-' + c.sentiment), text);
  badge.title = t('correction.by', { who: c.by, at: time(c.at) });
  slot.appendChild(badge);
}

function correctionControl(m) {
  const select = el('select', 'correct-select');
  select.setAttribute('aria-label', t('correction.label'));
  [['', 'correction.choose'], ['negative', 'sentiment.negative'], ['neutral', 'sentiment.neutral'],
    ['positive', 'sentiment.positive'], ['irrelevant', 'correction.irrelevant']].forEach(([v, key]) => {
    const o = el('option', null, t(key));
    o.value = v;
    select.appendChild(o);
  });
  select.addEventListener('change', async () => {
    const v = select.value;
    if (!v) return;
    try {
      const c = await post('/api/mentions/' + encodeURIComponent(m.id) + '/correction',
        v === 'irrelevant' ? { irrelevant: true } : { sentiment: v });
      correction(m.id, c);
      announce(t('correction.saved'));
    } catch (e) {
      announce(t('error', { reason: e.message }));
    }
    select.value = '';
  });
  return select;
}

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
  li.dataset.mentionId = m.id;
  const meta = el('div', 'mention-meta');
  meta.appendChild(el('span', 'mention-time', time(m.publishedAt)));
  meta.appendChild(el('span', 'mention-source', m.source));
  if (m.author) meta.appendChild(el('span', 'mention-author', m.author));
  if (m.analysis) meta.appendChild(sentimentBadge(m.analysis.sentiment, m.analysis.drivers));
  meta.appendChild(el('span', 'mention-correction'));
  (m.watches || []).forEach((w) => meta.appendChild(el('span', 'tag', w)));
  if (mayCorrect) meta.appendChild(correctionControl(m));
  li.appendChild(meta);
  li.appendChild(el('p', 'mention-text', m.text));
  renderCorrection(li);
  feed.insertBefore(li, feed.firstChild);
  while (feed.children.length > MAX_FEED) feed.removeChild(feed.lastChild);
  count++;
  document.getElementById('mention-count').textContent = String(count);
}
