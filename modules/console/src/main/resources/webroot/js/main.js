// Boots the console: strings, session, then the views and the live connection. When the session ends (sign-out
// elsewhere, time-out, account disabled) the sign-in form comes over the page, which keeps what was being typed.
import { get, post, put, del } from './api.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import * as ws from './ws.js';
import * as feed from './views/feed.js';
import * as incidents from './views/incidents.js';
import * as search from './views/search.js';
import * as silences from './views/silences.js';
import * as admin from './views/admin.js';

let started = false;

function setStatus(state) {
  const s = document.getElementById('status');
  s.textContent = t('live.' + state);
  s.className = 'status status-' + state;
}

let publishingSwitch = null;

function renderSwitch(user) {
  const banner = document.getElementById('switch-banner');
  const sw = publishingSwitch;
  banner.hidden = !(sw && sw.suspended);
  banner.textContent = sw && sw.suspended ? t('switch.on') + ' ' + t('switch.by', { who: sw.by, at: i18n.time(sw.at), reason: sw.reason || '' }) : '';
  const form = document.getElementById('switch-form');
  form.hidden = !(user && user.permissions.includes('respond'));
  document.getElementById('switch-reason').parentElement.hidden = !!(sw && sw.suspended);
  document.getElementById('switch-toggle').textContent = sw && sw.suspended ? t('switch.resume') : t('switch.suspend');
}

function initSwitch(user) {
  get('/api/publishing/switch').then((sw) => { publishingSwitch = sw; renderSwitch(user); }).catch(() => {});
  document.getElementById('switch-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const on = !(publishingSwitch && publishingSwitch.suspended);
    const reason = document.getElementById('switch-reason').value.trim();
    const status = document.getElementById('switch-status');
    if (on && !reason) { status.textContent = t('switch.reasonRequired'); return; }
    try {
      publishingSwitch = await put('/api/publishing/switch', { suspended: on, reason: on ? reason : null });
      document.getElementById('switch-reason').value = '';
      status.textContent = '';
      renderSwitch(user);
    } catch (e) {
      status.textContent = t('error', { reason: e.message });
    }
  });
}

let currentUser = null;

function onMessage(msg) {
  if (msg.type === 'switch') {
    publishingSwitch = msg.switch;
    renderSwitch(currentUser);
    return;
  }
  if (msg.type === 'snapshot') {
    feed.reset();
    (msg.mentions || []).slice().reverse().forEach(feed.add);
    incidents.reset(msg.incidents);
  } else if (msg.type === 'mention') {
    feed.add(msg.mention);
  } else if (msg.type === 'mentions') {
    msg.mentions.forEach(feed.add);
  } else if (msg.type === 'correction') {
    feed.correction(msg.mentionId, msg.correction);
  } else if (msg.type === 'incident') {
    incidents.update(msg.event);
  }
}

/** Text typed in fields marked data-keep survives a reload and a session expiry (per tab). */
function keepText() {
  document.querySelectorAll('[data-keep]').forEach((field) => {
    const key = 'cd.keep.' + field.id;
    const saved = sessionStorage.getItem(key);
    if (saved !== null && !field.value) field.value = saved;
    field.addEventListener('input', () => sessionStorage.setItem(key, field.value));
  });
}

function showApp(user) {
  document.getElementById('login').hidden = true;
  document.getElementById('app').hidden = false;
  document.getElementById('me').textContent = t('me', { name: user.displayName, roles: user.roles.map((r) => t('role.' + r)).join(', ') });
  document.getElementById('user-bar').hidden = false;
  incidents.setUser(user);
  currentUser = user;
  if (!started) {
    started = true;
    initSwitch(user);
    search.init();
    incidents.initSummary();
    silences.init(user);
    admin.init(user);
    feed.init(user);
  }
  ws.connect(onMessage, setStatus);
}

function showLogin(message) {
  ws.disconnect();
  const form = document.getElementById('login');
  form.hidden = false;
  document.getElementById('user-bar').hidden = true;
  document.getElementById('login-message').textContent = message ? t('login.expired') : '';
  document.getElementById('login-username').focus();
}

async function login(ev) {
  ev.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  try {
    const user = await post('/api/session', {
      username: document.getElementById('login-username').value.trim(),
      password: document.getElementById('login-password').value,
    });
    document.getElementById('login-password').value = '';
    showApp(user);
  } catch (e) {
    error.textContent = e.status === 401 ? t('login.wrong') : e.message;
  }
}

async function logout() {
  try { await del('/api/session'); } catch (e) { /* signed out anyway */ }
  location.reload();
}

async function boot() {
  await i18n.load(localStorage.getItem('cd.lang') || 'fr');
  keepText();
  document.getElementById('login').addEventListener('submit', login);
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('lang').value = i18n.lang;
  document.getElementById('lang').addEventListener('change', (e) => {
    localStorage.setItem('cd.lang', e.target.value);
    location.reload();
  });
  document.addEventListener('cd:signed-out', (e) => showLogin(e.detail));
  fetch('/auth/oidc/info', { credentials: 'same-origin' }).then((r) => r.json()).then((info) => {
    document.getElementById('login-oidc').hidden = !info.enabled;
  }).catch(() => { /* local accounts only */ });
  try {
    showApp(await get('/api/session'));
  } catch (e) {
    document.getElementById('app').hidden = true;
    showLogin(null);
  }
}

boot();
