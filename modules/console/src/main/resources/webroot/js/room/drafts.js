// Drafts of the incident: the list, a new draft (statement or reply, channel, template), and the open draft: editor
// with the channel's limit, versions and their differences, comments, submission, approval or rejection, publishing.
// The server decides every step (four-eyes, versions); this page shows what it may do and what the server said.
import { get, ApiError } from '../api.js';
import { el, button } from '../dom.js';
import { t, time } from '../i18n.js';
import { room, command, may, politely, sayWhere } from './main.js';
import { diff } from './diff.js';

const LIMITS = { mastodon: 500, bluesky: 300, website: 5000, sms: 612 };
let current = null;
let dirty = false;
let replying = null;
let others = [];

const $ = (id) => document.getElementById(id);

export function openId() { return current; }

function length(s) { return Array.from(s || '').length; }

function counter(textarea, out, channel) {
  const n = length(textarea.value);
  const limit = LIMITS[channel] || 5000;
  const vars = (textarea.value.match(/\{[a-z]+\}/g) || []);
  out.textContent = t('drafts.count', { n, limit }) + (n > limit ? ' — ' + t('drafts.over', { n: n - limit }) : '') +
    (vars.length ? ' — ' + t('drafts.variables', { vars: Array.from(new Set(vars)).join(', ') }) : '');
  out.classList.toggle('over', n > limit);
}

function stateText(d) {
  let s = t('draftState.' + d.state);
  if (d.state === 'pending') {
    s += ' — ' + t('drafts.pendingStep', { chain: d.chainId, step: d.step + 1 });
    if (d.expiresAt) s += ' — ' + t('drafts.expires', { at: time(d.expiresAt) });
  }
  if (d.state === 'rejected' && d.rejection) s += ' — ' + t('drafts.rejectedBecause', { reason: d.rejection });
  if (d.state === 'scheduled') s += ' — ' + time(d.publishAt);
  if (d.state === 'published' && d.publishedUrl) s += ' — ' + d.publishedUrl;
  if (d.lastError) s += ' — ' + t('drafts.lastError', { reason: d.lastError });
  return s;
}

export function render() {
  const list = $('draft-list');
  list.replaceChildren();
  Array.from(room.drafts.values()).forEach((d) => {
    const li = el('li', 'draft draft-' + d.state);
    const b = button('linklike draft-open', d.title + ' — ' + d.channel, () => open(d.id, true));
    b.setAttribute('aria-current', d.id === current ? 'true' : 'false');
    li.appendChild(b);
    li.appendChild(el('span', 'badge badge-' + d.state, t('draftState.' + d.state)));
    li.appendChild(el('span', 'draft-version', 'v' + d.versions.length));
    const on = others.filter((p) => p.draft === d.id).map((p) => p.name);
    if (on.length) li.appendChild(el('span', 'draft-presence', t('drafts.alsoHere', { people: on.join(', ') })));
    list.appendChild(li);
  });
  if (!list.children.length) list.appendChild(el('li', 'empty', t('drafts.none')));
  if (current) panel(room.drafts.get(current));
}

export function presence(list) { others = list; render(); }

function latest(d) { return d.versions[d.versions.length - 1]; }

function panel(d) {
  if (!d) return;
  const v = latest(d);
  $('draft-panel').hidden = false;
  $('draft-heading').textContent = t('drafts.heading', { id: d.id, title: d.title, kind: t('kind.' + d.kind), channel: d.channel });
  $('draft-state').textContent = stateText(d);
  const editor = $('editor');
  if (!dirty) editor.value = v.text;
  const me = room.me.username;
  const respond = may('respond');
  const editable = respond && d.state !== 'published' && d.state !== 'publishing';
  editor.readOnly = !editable;
  $('draft-save').hidden = !editable;
  $('draft-submit').hidden = !(respond && ['draft', 'rejected', 'expired'].includes(d.state));
  counter(editor, $('editor-count'), d.channel);
  const approvable = d.state === 'pending' && may('approve');
  $('approval-box').hidden = !approvable;
  if (approvable) {
    const sub = d.versions[d.submitted - 1];
    const own = sub && sub.author === me;
    $('approval-what').textContent = own ? t('drafts.ownVersion', { n: d.submitted })
      : t('drafts.toApprove', { n: d.submitted, author: sub ? sub.author : '?' });
    $('draft-approve').disabled = own;
    $('draft-reject').disabled = own;
  }
  const publishable = respond && (d.state === 'approved' || d.state === 'scheduled');
  $('publish-box').hidden = !publishable;
  if (publishable) {
    const api = d.channel === 'mastodon' || d.channel === 'bluesky';
    $('draft-publish').hidden = !api || d.state !== 'approved';
    $('draft-schedule').hidden = !api || d.state !== 'approved' || (room.sw && room.sw.suspended);
    $('schedule-at').hidden = $('draft-schedule').hidden;
    document.querySelector('label[for="schedule-at"]').hidden = $('draft-schedule').hidden;
    $('draft-unschedule').hidden = d.state !== 'scheduled';
    $('draft-publish').textContent = t('drafts.publishVersion', { n: d.submitted, channel: d.channel });
  }
  const versions = $('versions');
  versions.replaceChildren();
  d.versions.slice().reverse().forEach((x) => {
    const li = el('li', 'version');
    li.appendChild(el('span', 'version-n', 'v' + x.n));
    li.appendChild(el('span', 'version-meta', ' ' + x.author + ', ' + time(x.at) + (x.n === d.submitted && d.state !== 'draft' ? ' — ' + t('drafts.submittedMark') : '')));
    li.appendChild(el('p', 'version-text', x.text));
    versions.appendChild(li);
  });
  ['diff-from', 'diff-to'].forEach((id, k) => {
    const sel = $(id);
    const keep = sel.value;
    sel.replaceChildren();
    d.versions.forEach((x) => { const o = el('option', null, 'v' + x.n); o.value = String(x.n); sel.appendChild(o); });
    sel.value = keep && Number(keep) <= d.versions.length ? keep : String(k === 0 ? Math.max(1, d.versions.length - 1) : d.versions.length);
  });
  const comments = $('comments');
  comments.replaceChildren();
  d.comments.forEach((c) => comments.appendChild(el('li', 'comment', c.author + ' (v' + c.version + ', ' + time(c.at) + ') : ' + c.text)));
  $('comment-form').hidden = !respond && !may('approve');
}

function open(id, focus) {
  if (current !== id) { dirty = false; $('merge').hidden = true; $('diff').replaceChildren(); }
  current = id;
  const url = new URL(location.href);
  url.searchParams.set('draft', id);
  history.replaceState(null, '', url);
  sayWhere(id);
  render();
  if (focus) $('draft-heading').focus();
}

export function update(d) {
  const before = room.drafts.get(d.id);
  room.drafts.set(d.id, d);
  if (!before || before.state !== d.state) {
    if (d.state === 'pending' && may('approve') && latest(d).author !== room.me.username) politely(t('drafts.announcePending', { title: d.title }));
    else if (['rejected', 'approved', 'published', 'publishing'].includes(d.state)) politely(t('drafts.announce.' + d.state, { title: d.title }));
  }
  if (d.id === current && before && latest(before).n !== latest(d).n && dirty && latest(d).author !== room.me.username) {
    $('draft-state').textContent = t('drafts.newerWhileEditing', { who: latest(d).author, n: latest(d).n });
  }
  render();
}

/** Starts a reply to a mention of the incident. */
export function replyTo(m) {
  replying = m;
  $('new-draft').open = true;
  $('draft-kind').value = 'reply';
  if (m.source === 'mastodon' || m.source === 'bluesky') $('draft-channel').value = m.source;
  const p = $('draft-reply-to');
  p.hidden = false;
  p.textContent = t('drafts.replyingTo', { text: m.text.slice(0, 140) });
  counter($('draft-text'), $('draft-count'), $('draft-channel').value);
  $('draft-title').focus();
}

function replyRef(m) {
  if (!m) return null;
  const rest = m.id.substring(m.id.indexOf(':') + 1);
  if (m.source === 'mastodon') return rest.substring(rest.lastIndexOf(':') + 1);
  if (m.source === 'bluesky') { const [did, rkey] = rest.split('/'); return 'at://' + did + '/app.bsky.feed.post/' + rkey; }
  return null;
}

function fill(text) {
  const now = new Date();
  const vars = {
    commune: room.commune || '{commune}',
    date: now.toLocaleDateString('fr-FR'),
    heure: now.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }),
  };
  return text.replace(/\{([a-z]+)\}/g, (all, name) => vars[name] || all);
}

let searchTimer = null;
async function searchWording() {
  const q = new URLSearchParams({ q: $('wording-q').value, scenario: $('wording-scenario').value });
  const list = $('wording-list');
  try {
    const all = await get('/api/wording?' + q.toString());
    list.replaceChildren();
    all.slice(0, 8).forEach((w) => {
      const li = el('li', 'wording');
      li.appendChild(el('strong', null, w.title));
      li.appendChild(el('span', 'tag', t('wordingKind.' + w.kind)));
      li.appendChild(el('p', 'wording-text', w.text));
      const use = button('wording-use', t('wording.use'), () => {
        const area = $('draft-text');
        const filled = fill(w.text);
        area.value = w.kind === 'element' && area.value ? area.value + ' ' + filled : filled;
        if (!$('draft-title').value) $('draft-title').value = w.title;
        counter(area, $('draft-count'), $('draft-channel').value);
        area.focus();
      });
      use.setAttribute('aria-label', t('wording.use') + ' : ' + w.title);
      li.appendChild(use);
      list.appendChild(li);
    });
    if (!all.length) list.appendChild(el('li', 'empty', t('wording.none')));
  } catch (e) {
    list.replaceChildren(el('li', 'empty', t('error', { reason: e.message })));
  }
}

async function act(type, args, after) {
  try {
    const r = await command(type, Object.assign({ draft: current }, args), (text) => { $('draft-state').textContent = text; });
    if (after) after(r);
    return r;
  } catch (e) {
    return null;
  }
}

export function init(list, openDraft) {
  (list || []).forEach((d) => room.drafts.set(d.id, d));
  const text = $('draft-text');
  text.addEventListener('input', () => counter(text, $('draft-count'), $('draft-channel').value));
  $('draft-channel').addEventListener('change', () => counter(text, $('draft-count'), $('draft-channel').value));
  $('draft-kind').addEventListener('change', () => {
    if ($('draft-kind').value === 'statement') { replying = null; $('draft-reply-to').hidden = true; }
  });
  counter(text, $('draft-count'), 'mastodon');
  $('wording-q').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(searchWording, 250); });
  $('wording-scenario').addEventListener('change', searchWording);
  $('new-draft').addEventListener('toggle', () => { if ($('new-draft').open) searchWording(); });
  $('draft-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const kind = $('draft-kind').value;
    if (kind === 'reply' && !replying) { $('draft-reply-to').hidden = false; $('draft-reply-to').textContent = t('drafts.pickMention'); return; }
    try {
      const r = await command('draft-create', {
        kind, channel: $('draft-channel').value, title: $('draft-title').value.trim() || null, text: text.value,
        replyTo: kind === 'reply' ? replying.id : null, replyToRef: kind === 'reply' ? replyRef(replying) : null,
      }, (m) => { $('draft-count').textContent = m; });
      text.value = ''; $('draft-title').value = ''; replying = null; $('draft-reply-to').hidden = true;
      $('new-draft').open = false;
      politely(t('drafts.created', { id: r.draft }));
      const wait = () => (room.drafts.has(r.draft) ? open(r.draft, true) : setTimeout(wait, 100));
      wait();
    } catch (e) { /* shown */ }
  });
  const editor = $('editor');
  editor.addEventListener('input', () => {
    dirty = true;
    const d = room.drafts.get(current);
    if (d) counter(editor, $('editor-count'), d.channel);
  });
  $('draft-save').addEventListener('click', async () => {
    const d = room.drafts.get(current);
    try {
      await command('draft-save', { draft: d.id, baseVersion: latest(d).n, text: editor.value }, () => {});
      dirty = false;
      $('merge').hidden = true;
      politely(t('drafts.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.details.latest) {
        $('merge').hidden = false;
        $('merge-message').textContent = e.message;
        $('merge-latest').textContent = e.details.latest.text;
        $('merge-mine').textContent = editor.value;
      } else {
        $('draft-state').textContent = t('error', { reason: e.message });
      }
    }
  });
  $('merge-take').addEventListener('click', () => {
    dirty = false;
    render();
    dirty = true;
    editor.focus();
  });
  $('draft-submit').addEventListener('click', () => {
    const d = room.drafts.get(current);
    if (dirty && editor.value !== latest(d).text) { $('draft-state').textContent = t('drafts.saveFirst'); return; }
    act('submit', { version: latest(d).n }, () => politely(t('drafts.submitted')));
  });
  $('draft-approve').addEventListener('click', () => act('approve', { version: room.drafts.get(current).submitted }));
  $('draft-reject').addEventListener('click', () => {
    const reason = $('reject-reason');
    if (!reason.value.trim()) { $('draft-state').textContent = t('drafts.reasonRequired'); reason.focus(); return; }
    act('reject', { version: room.drafts.get(current).submitted, reason: reason.value }, () => { reason.value = ''; });
  });
  $('draft-publish').addEventListener('click', () => act('publish', { version: room.drafts.get(current).submitted }));
  $('draft-schedule').addEventListener('click', () => {
    const at = $('schedule-at').value;
    if (!at) { $('draft-state').textContent = t('drafts.scheduleWhen'); return; }
    act('schedule', { version: room.drafts.get(current).submitted, at: new Date(at).toISOString() });
  });
  $('draft-unschedule').addEventListener('click', () => act('cancel-schedule', {}));
  $('draft-elsewhere').addEventListener('click', () => {
    const url = $('elsewhere-url').value.trim();
    if (!url) { $('draft-state').textContent = t('drafts.urlRequired'); return; }
    act('published-elsewhere', { version: room.drafts.get(current).submitted, url });
  });
  $('comment-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const c = $('comment-text');
    if (!c.value.trim()) return;
    act('comment', { text: c.value, version: latest(room.drafts.get(current)).n }, () => { c.value = ''; });
  });
  $('diff-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const d = room.drafts.get(current);
    const a = d.versions[Number($('diff-from').value) - 1];
    const b = d.versions[Number($('diff-to').value) - 1];
    $('diff').replaceChildren(...diff(a.text, b.text));
  });
  render();
  if (openDraft && room.drafts.has(openDraft)) open(openDraft, false);
}
