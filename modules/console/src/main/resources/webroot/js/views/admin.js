// Administration: accounts (create, roles, disable, reset password) and situation links for partners.
import { get, post, patch, put, del } from '../api.js';
import { el, button, announce } from '../dom.js';
import { t, time } from '../i18n.js';

const ROLES = ['viewer', 'drafter', 'approver', 'admin'];

async function loadAccounts() {
  const list = document.getElementById('accounts');
  const all = await get('/api/accounts');
  list.replaceChildren();
  all.forEach((a) => {
    const li = el('li', 'account');
    li.dataset.username = a.username;
    li.appendChild(el('strong', null, a.username));
    li.appendChild(el('span', null, ' ' + a.displayName + ' '));
    const roles = el('span', 'account-roles');
    ROLES.forEach((r) => {
      const label = el('label', 'role');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = a.roles.includes(r);
      box.addEventListener('change', async () => {
        const wanted = ROLES.filter((x) => roles.querySelector('[data-role="' + x + '"]').checked);
        try { await patch('/api/accounts/' + encodeURIComponent(a.username), { roles: wanted }); announce(t('admin.saved')); }
        catch (e) { box.checked = !box.checked; announce(e.message); }
      });
      box.dataset.role = r;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + t('role.' + r)));
      roles.appendChild(label);
    });
    li.appendChild(roles);
    li.appendChild(button('account-disable', a.disabled ? t('admin.enable') : t('admin.disable'), async () => {
      try { await patch('/api/accounts/' + encodeURIComponent(a.username), { disabled: !a.disabled }); loadAccounts(); }
      catch (e) { announce(e.message); }
    }));
    li.appendChild(button('account-reset', t('admin.reset'), async () => {
      const password = window.prompt(t('admin.resetPrompt', { who: a.username }));
      if (!password) return;
      try { await post('/api/accounts/' + encodeURIComponent(a.username) + '/password', { password }); announce(t('admin.saved')); }
      catch (e) { announce(e.message); }
    }));
    if (a.disabled) li.appendChild(el('span', 'tag', t('admin.disabled')));
    list.appendChild(li);
  });
}

async function createAccount(ev) {
  ev.preventDefault();
  const status = document.getElementById('account-status');
  const roles = ROLES.filter((r) => document.getElementById('new-role-' + r).checked);
  try {
    await post('/api/accounts', {
      username: document.getElementById('new-username').value.trim(),
      displayName: document.getElementById('new-display-name').value.trim(),
      password: document.getElementById('new-password').value, roles,
    });
    status.textContent = t('admin.created');
    document.getElementById('account-form').reset();
    loadAccounts();
  } catch (e) {
    status.textContent = t('error', { reason: e.message });
  }
}

async function loadLinks() {
  const list = document.getElementById('situation-links');
  const all = await get('/api/situation-links');
  list.replaceChildren();
  all.forEach((l) => {
    const li = el('li', 'situation-link');
    li.appendChild(el('strong', null, l.label));
    li.appendChild(el('span', null, ' ' + (l.revokedAt ? t('links.revoked', { at: time(l.revokedAt) })
      : t('links.until', { at: time(l.expiresAt) })) + ' '));
    if (!l.revokedAt) {
      li.appendChild(button('link-revoke', t('links.revoke'), async () => {
        try { await del('/api/situation-links/' + encodeURIComponent(l.id)); loadLinks(); } catch (e) { announce(e.message); }
      }));
    }
    list.appendChild(li);
  });
}

async function createLink(ev) {
  ev.preventDefault();
  const out = document.getElementById('link-created');
  try {
    const r = await post('/api/situation-links', {
      label: document.getElementById('link-label').value, hours: Number(document.getElementById('link-hours').value),
    });
    out.textContent = location.origin + r.path;
    loadLinks();
  } catch (e) {
    out.textContent = t('error', { reason: e.message });
  }
}

async function loadWording() {
  const list = document.getElementById('wording-admin');
  const all = await get('/api/wording');
  list.replaceChildren();
  all.forEach((w) => {
    const li = el('li', 'account');
    li.appendChild(el('strong', null, w.title));
    li.appendChild(el('span', 'tag', t('wordingKind.' + w.kind) + ' — ' + t('scenario.' + w.scenario)));
    li.appendChild(el('span', 'wording-text', w.text));
    const hide = button('wording-hide', t('wording.hide'), async () => {
      try { await del('/api/wording/' + encodeURIComponent(w.id)); loadWording(); announce(t('admin.saved')); }
      catch (e) { announce(e.message); }
    });
    hide.setAttribute('aria-label', t('wording.hide') + ' : ' + w.title);
    li.appendChild(hide);
    list.appendChild(li);
  });
}

async function saveWording(ev) {
  ev.preventDefault();
  const out = document.getElementById('wording-status');
  const title = document.getElementById('wording-title').value.trim();
  const id = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 60) || 'modele';
  try {
    await put('/api/wording/' + encodeURIComponent(id), {
      kind: document.getElementById('wording-kind').value, scenario: document.getElementById('wording-scenario-admin').value,
      title, text: document.getElementById('wording-text').value, tags: [],
    });
    out.textContent = t('admin.saved');
    ev.target.reset();
    loadWording();
  } catch (e) {
    out.textContent = t('error', { reason: e.message });
  }
}

export function init(user) {
  const section = document.getElementById('admin');
  section.hidden = !user.permissions.includes('admin');
  if (section.hidden) return;
  document.getElementById('account-form').addEventListener('submit', createAccount);
  document.getElementById('link-form').addEventListener('submit', createLink);
  loadAccounts().catch((e) => announce(e.message));
  loadLinks().catch((e) => announce(e.message));
  document.getElementById('wording-form').addEventListener('submit', saveWording);
  loadWording().catch((e) => announce(e.message));
  loadModels().catch((e) => { document.getElementById('models-status').textContent = e.message; });
}

// The commune's sentiment models: each language's versions (cross-validation estimates), rebuild and roll back.
async function loadModels() {
  const models = await get('/api/models');
  const list = document.getElementById('models');
  list.replaceChildren();
  ['fr', 'en'].forEach((lang) => {
    const m = models[lang];
    const li = el('li', 'model');
    li.dataset.lang = lang;
    li.appendChild(el('strong', null, t('models.lang.' + lang) + ' '));
    li.appendChild(el('span', 'model-active', m.active ? t('models.active', { version: m.active }) : t('models.none')));
    li.appendChild(button('model-rebuild', t('models.rebuild'), () => modelAction(lang, 'rebuild')));
    if (m.active) li.appendChild(button('model-rollback', t('models.rollback'), () => modelAction(lang, 'rollback')));
    const versions = el('ul', 'model-versions');
    m.versions.slice(0, 5).forEach((v) => versions.appendChild(el('li', 'model-version model-' + v.status,
      t('models.version', { version: v.version, status: t('models.status.' + v.status), cv: v.cvMacroF1.toFixed(3),
        current: v.currentCvMacroF1.toFixed(3), examples: v.examples, corrections: v.corrections, by: v.by, at: time(v.at) }))));
    li.appendChild(versions);
    list.appendChild(li);
  });
}

async function modelAction(lang, action) {
  const status = document.getElementById('models-status');
  status.textContent = t('models.working');
  try {
    const r = await post('/api/models/' + lang + '/' + action);
    status.textContent = action === 'rebuild' ? t(r.activated ? 'models.activated' : 'models.rejected', { reason: r.reason })
      : t('models.rolledBack', { version: r.active || '—' });
  } catch (e) {
    status.textContent = t('error', { reason: e.message });
  }
  loadModels().catch(() => {});
}
