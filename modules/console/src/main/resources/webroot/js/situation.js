// The partners' read-only situation page: the token is the last path segment; no account, no personal data.
import uPlot from '/vendor/uplot/dist/uPlot.esm.js';
import { el } from './dom.js';

const STATUS = { OPEN: 'ouvert', ACKNOWLEDGED: 'pris en charge', RESOLVED: 'résolu' };
let plot = null;

async function load() {
  const token = location.pathname.split('/').filter(Boolean).pop();
  const status = document.getElementById('situation-status');
  const r = await fetch('/situation/' + encodeURIComponent(token) + '/data', { credentials: 'omit' });
  const data = await r.json();
  if (!r.ok) {
    status.textContent = 'Lien refusé : ' + (data.error ? data.error.message : r.status);
    return;
  }
  document.getElementById('situation-label').textContent = data.label + ' — mis à jour ' +
    new Date(data.generatedAt).toLocaleString('fr-FR');
  const list = document.getElementById('situation-incidents');
  list.replaceChildren();
  status.textContent = data.incidents.length ? '' : 'Aucun incident.';
  data.incidents.forEach((i) => {
    const li = el('li', 'incident incident-' + String(i.status).toLowerCase());
    li.appendChild(el('strong', null, i.title));
    li.appendChild(el('div', 'incident-time', (STATUS[i.status] || i.status) + ' — gravité ' + i.severity + ' — ouvert ' +
      new Date(i.openedAt).toLocaleString('fr-FR') + (i.resolvedAt ? ' — résolu ' + new Date(i.resolvedAt).toLocaleString('fr-FR') : '')));
    list.appendChild(li);
  });
  const statements = document.getElementById('situation-statements');
  statements.replaceChildren();
  (data.statements || []).forEach((s) => statements.appendChild(el('li', null, s.text)));
  document.getElementById('no-statements').hidden = (data.statements || []).length > 0;
  const box = document.getElementById('situation-curve');
  const buckets = data.curve && data.curve.buckets ? data.curve.buckets : [];
  if (plot) plot.destroy();
  plot = new uPlot({ width: Math.max(box.clientWidth, 280), height: 180,
    series: [{}, { label: 'mentions', stroke: '#1d4ed8' }] },
  [buckets.map((b) => new Date(b.t).getTime() / 1000), buckets.map((b) => b.count)], box);
}

load();
setInterval(load, 60000);
