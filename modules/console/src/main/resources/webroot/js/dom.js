// Every value from the server is untrusted (mentions are public posts): it only ever reaches the page as text.
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

export function button(cls, text, onClick) {
  const b = el('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Announces text to screen readers through the page's live region. */
export function announce(text) {
  const live = document.getElementById('live');
  if (live) live.textContent = text;
}
