// User-facing strings come from bundles (i18n/fr.json, i18n/en.json): French by default, English on request.
let strings = {};
export let lang = 'fr';

export async function load(wanted) {
  lang = wanted === 'en' ? 'en' : 'fr';
  const r = await fetch('/i18n/' + lang + '.json', { credentials: 'same-origin' });
  strings = await r.json();
  document.documentElement.lang = lang;
  apply(document);
}

/** The string for key, with {name} placeholders filled from vars (as text). */
export function t(key, vars) {
  let s = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
  if (vars) Object.keys(vars).forEach((k) => { s = s.split('{' + k + '}').join(String(vars[k])); });
  return s;
}

/** Fills elements marked data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label) and data-i18n-title. */
export function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? '' : d.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR');
}
