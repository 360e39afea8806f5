// Volume per minute of an incident's watch, drawn with uPlot (served from the WebJar pinned in the build).
import uPlot from '/vendor/uplot/dist/uPlot.esm.js';
import { get } from '../api.js';
import { t } from '../i18n.js';

let plot = null;

/** {@code markers}: [{at, label, color}] drawn as vertical lines (acknowledgement, publications). */
export async function show(incident, markers, withSentiment) {
  const box = document.getElementById('curve');
  const legend = document.getElementById('curve-legend');
  const from = new Date(new Date(incident.openedAt).getTime() - 30 * 60000);
  const end = incident.resolvedAt ? new Date(incident.resolvedAt) : new Date(Math.max(Date.now(),
    new Date(incident.lastFiringAt || incident.openedAt).getTime() + 60000));
  document.getElementById('curve-title').textContent = t('curve.title', { watch: incident.watchId });
  try {
    const h = await get('/api/search/histogram?interval=minute&watch=' + encodeURIComponent(incident.watchId) +
      '&from=' + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(end.toISOString()));
    const buckets = h.buckets || [];
    const xs = buckets.map((b) => new Date(b.t).getTime() / 1000);
    const ys = buckets.map((b) => b.count);
    let negatives = null;
    if (withSentiment) {
      const n = await get('/api/search/histogram?interval=minute&sentimentMax=-0.05&watch=' + encodeURIComponent(incident.watchId) +
        '&from=' + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(end.toISOString()));
      const byT = new Map((n.buckets || []).map((b) => [new Date(b.t).getTime() / 1000, b.count]));
      negatives = xs.map((x) => byT.get(x) || 0);
    }
    const opened = new Date(incident.openedAt).getTime() / 1000;
    const last = (markers || []).reduce((m, k) => Math.max(m, new Date(k.at).getTime()), end.getTime());
    const range = [from.getTime() / 1000, last / 1000 + 60];
    if (plot) plot.destroy();
    plot = new uPlot({
      width: Math.max(box.clientWidth, 280), height: 180,
      series: negatives ? [{}, { label: t('curve.series'), stroke: '#1d4ed8', fill: 'rgba(29,78,216,.15)' },
        { label: t('curve.negative'), stroke: '#b42318', width: 2, dash: [6, 3] }]
        : [{}, { label: t('curve.series'), stroke: '#1d4ed8', fill: 'rgba(29,78,216,.15)' }],
      axes: [{}, { label: t('curve.axis') }],
      legend: { show: false },
      scales: { x: { time: true, range: () => range } },
      hooks: { draw: [(u) => {
        const x = u.valToPos(opened, 'x', true);
        const ctx = u.ctx;
        ctx.save(); ctx.strokeStyle = '#b42318'; ctx.setLineDash([4, 4]); ctx.lineWidth = 2;
        ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
        ctx.restore();
        (markers || []).forEach((m) => {
          const mx = u.valToPos(new Date(m.at).getTime() / 1000, 'x', true);
          ctx.save(); ctx.strokeStyle = m.color || '#067647'; ctx.lineWidth = 2; ctx.setLineDash(m.dash || []);
          ctx.beginPath(); ctx.moveTo(mx, u.bbox.top); ctx.lineTo(mx, u.bbox.top + u.bbox.height); ctx.stroke();
          ctx.fillStyle = m.color || '#067647'; ctx.font = '12px system-ui'; ctx.fillText(m.label, mx + 3, u.bbox.top + 12);
          ctx.restore();
        });
      }] },
    }, negatives ? [xs, ys, negatives] : [xs, ys], box);
    const max = ys.reduce((m, v) => Math.max(m, v), 0);
    legend.textContent = t('curve.legend', { minutes: buckets.length, max }) +
      (negatives ? ' ; ' + t('curve.negativeLegend', { n: negatives.reduce((a, b) => a + b, 0) }) : '') +
      (markers && markers.length ? ' ; ' + markers.map((m) => m.label + ' ' + new Date(m.at).toLocaleTimeString()).join(', ') : '');
  } catch (e) {
    legend.textContent = t('curve.unavailable', { reason: e.message });
  }
}
