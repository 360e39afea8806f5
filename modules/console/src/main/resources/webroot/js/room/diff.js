// A word-level difference between two versions (longest common subsequence), as DOM nodes: <del> and <ins> say what
// changed without relying on colour (struck through / underlined, and announced as such by screen readers).
import { el } from '../dom.js';
import { t } from '../i18n.js';

function words(s) { return String(s).split(/(\s+)/).filter((w) => w.length > 0); }

export function diff(a, b) {
  const x = words(a);
  const y = words(b);
  if (x.length * y.length > 4000000) return [el('span', null, t('drafts.diffTooLong'))];
  const m = x.length; const n = y.length;
  const lcs = Array.from({ length: m + 1 }, () => new Uint32Array(n + 1));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0; let j = 0;
  const push = (tag, text) => {
    const last = out[out.length - 1];
    if (last && last.tagName === tag.toUpperCase()) last.textContent += text;
    else out.push(tag === 'span' ? el('span', null, text) : el(tag, 'diff-' + tag, text));
  };
  while (i < m && j < n) {
    if (x[i] === y[j]) { push('span', x[i]); i++; j++; } else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push('del', x[i]); i++; } else { push('ins', y[j]); j++; }
  }
  while (i < m) push('del', x[i++]);
  while (j < n) push('ins', y[j++]);
  return out;
}
