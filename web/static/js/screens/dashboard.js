import { h, s, mount, errorBox, pct, field } from '../dom.js';
import { get, session } from '../api.js';

const nice = (c) => String(c || '').replace(/_/g, ' ');
const fmt1 = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : (Math.round(x * 10) / 10).toString());
const hourLabel = (hr) => (hr === 0 ? '12a' : hr < 12 ? `${hr}a` : hr === 12 ? '12p' : `${hr - 12}p`);

function chart(title, desc, svg) {
  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  return h('figure', { class: 'card chart', 'aria-labelledby': id },
    h('h2', { id }, title), desc ? h('p', { class: 'small muted' }, desc) : null, svg);
}

// A phone draws the charts at its own width, so their words stay at a readable size.
const narrow = () => window.matchMedia('(max-width: 560px)').matches;
const sample = (n, of) => `${n} of ${of}`;

function reachChart(rows) {
  const used = rows.filter((r) => r.attempts).map((r) => r.hour);
  if (narrow()) {
    // One row per hour with calls: the hour, the share and how many calls it is of.
    return hbars('chart-reach', 'Reach rate by local hour', rows.filter((r) => r.attempts).map((r) => ({ label: hourLabel(r.hour), value: r.rate || 0, r })),
      { max: Math.max(0.05, ...rows.map((r) => r.rate || 0)), valueText: (x) => `${pct(x.value)} · ${sample(x.r.connects, x.r.attempts)}`, labelWidth: 48 });
  }
  const lo = Math.min(6, ...used); const hi = Math.max(20, ...used);
  const shown = rows.filter((r) => r.hour >= lo && r.hour <= hi);
  const W = 560; const H = 236; const L = 34; const B = 40; const T = 14;
  const bw = (W - L - 8) / shown.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Reach rate by local hour', id: 'chart-reach' });
  for (const g of [0, 0.25, 0.5]) {
    const y = H - B - (g / 0.5) * (H - B - T);
    svg.appendChild(s('line', { class: 'grid', x1: L, x2: W, y1: y, y2: y }));
    svg.appendChild(s('text', { x: L - 4, y: y + 4, 'text-anchor': 'end' }, `${g * 100}%`));
  }
  const max = Math.max(0.5, ...shown.map((r) => r.rate || 0));
  shown.forEach((r, i) => {
    const x = L + i * bw + 3;
    const hgt = r.rate ? (r.rate / max) * (H - B - T) : 0;
    const label = `${hourLabel(r.hour)}: ${r.attempts ? `${pct(r.rate)} reached (${sample(r.connects, r.attempts)})` : 'no calls'}`;
    if (r.attempts) {
      svg.appendChild(s('rect', { class: 'bar', x, y: H - B - hgt, width: bw - 6, height: Math.max(hgt, 1), rx: 2, 'aria-label': label },
        s('title', null, label)));
      svg.appendChild(s('text', { class: 'val', x: x + (bw - 6) / 2, y: H - B - hgt - 4, 'text-anchor': 'middle' }, pct(r.rate)));
      // The sample under each bar: a 50% bar from 1 of 2 calls says so.
      // Narrow bars take turns on two lines, so neighbours' samples never run together.
      const line = bw < 60 && i % 2 ? 11 : 0;
      svg.appendChild(s('text', { class: 'n', x: x + (bw - 6) / 2, y: H - 17 + line, 'text-anchor': 'middle' }, sample(r.connects, r.attempts)));
    }
    svg.appendChild(s('text', { x: x + (bw - 6) / 2, y: H - B + 15, 'text-anchor': 'middle' }, hourLabel(r.hour)));
  });
  svg.appendChild(s('line', { class: 'axis', x1: L, x2: W, y1: H - B, y2: H - B }));
  return svg;
}

function hbars(id, label, rows, { max, valueText, cls, labelWidth } = {}) {
  const small = narrow();
  const W = small ? 340 : 640; const rowH = 28; const H = rows.length * rowH + 8;
  const L = labelWidth || (small ? 118 : 230); const room = small ? 112 : 130; const chars = small ? 16 : 34;
  const m = max || Math.max(1, ...rows.map((r) => r.value));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, id });
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    const w = (r.value / m) * (W - L - room);
    const text = `${r.label}: ${valueText ? valueText(r) : r.value}`;
    svg.appendChild(s('text', { class: 'lbl', x: L - 8, y: y + 17, 'text-anchor': 'end' }, r.label.length > chars ? `${r.label.slice(0, chars - 1)}…` : r.label));
    if (r.label.length > chars) svg.lastChild.appendChild(s('title', null, r.label));
    svg.appendChild(s('rect', { class: ['bar', cls && cls(r, i)], x: L, y: y + 3, width: Math.max(w, 1.5), height: rowH - 8, rx: 3, 'aria-label': text },
      s('title', null, text)));
    svg.appendChild(s('text', { class: 'val', x: L + Math.max(w, 1.5) + 6, y: y + 17 }, valueText ? valueText(r) : String(r.value)));
  });
  return svg;
}

export function renderDashboard(main) {
  const body = h('div', { id: 'dash-body', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const isManager = session.user && session.user.role !== 'rep';
  const days = field('Period', { id: 'dash-days' }, 'select', [['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days']]);
  days.input.value = '30';
  const rep = field('Rep', { id: 'dash-rep' }, 'select', [['team', 'Whole team'], ['me', 'Me']]);
  rep.input.value = isManager ? 'team' : 'me';
  const controls = h('div', { class: 'row' }, isManager ? rep : null, days);
  if (isManager) {
    get('/api/users').then((users) => {
      for (const u of users) if (u.id !== session.user.id) rep.input.appendChild(h('option', { value: String(u.id) }, u.name));
    }).catch(() => {});
  }
  rep.input.addEventListener('change', load);
  days.input.addEventListener('change', load);

  async function load() {
    try {
      const who = isManager ? rep.input.value : 'me';
      const d = await get(`/api/dashboard?rep=${encodeURIComponent(who)}&days=${days.input.value}`);
      const t = d.totals || {};
      const missed = (t.attempts || 0) - (t.connects || 0);
      const funnel = (d.funnel && d.funnel.contact) || [];
      const gk = (d.funnel && d.funnel.gatekeeper) || [];
      const reasons = (d.reasons || []).slice(0, 8);
      mount(body,
        h('div', { class: 'tiles' },
          h('div', { class: 'card tile', id: 'tile-apc' },
            h('div', { class: 'big' }, fmt1(d.attempts_per_connect)),
            h('div', { class: 'label' }, 'attempts per connect'),
            h('div', { class: 'small muted' }, `${t.connects || 0} connects from ${t.attempts || 0} attempts`)),
          h('div', { class: 'card tile', id: 'tile-waste' },
            h('div', { class: 'big' }, `${Math.round(d.wasted_planning_minutes || 0)} min`),
            h('div', { class: 'label' }, 'planning spent on calls that did not connect'),
            h('div', { class: 'small muted' },
              `${missed} missed × ${d.planning_minutes_per_attempt} min each · ${fmt1(d.wasted_planning_minutes_per_connect)} min wasted per connect`)),
          h('div', { class: 'card tile' },
            h('div', { class: 'big' }, `${fmt1(d.planning_minutes_per_connect)} min`),
            h('div', { class: 'label' }, 'planning per conversation'),
            h('div', { class: 'small muted' }, `${t.voicemails || 0} voicemails · ${t.gatekeepers || 0} gatekeepers`))),
        h('div', { class: 'charts' },
          chart('Reach rate by their local hour', 'Share of attempts that reached the person, by the hour at their end; under each bar, how many calls it is of.', reachChart(d.reach_by_hour || [])),
          chart('Close ladder', 'Contacts whose best agreement reached each rung or higher, of the contacts called (top is the biggest yes).',
            hbars('chart-funnel', 'Contacts by highest rung reached', funnel.map((f) => ({ label: nice(f.rung), value: f.contacts, of: f.of })),
              { valueText: (r) => sample(r.value, r.of), cls: (r, i) => (i < 3 ? '' : 'alt') })),
          chart('Gatekeeper ladder', null,
            hbars('chart-gk', 'Gatekeepers by highest rung reached', gk.map((f) => ({ label: nice(f.rung), value: f.contacts, of: f.of })),
              { valueText: (r) => sample(r.value, r.of), cls: () => 'alt' })),
          chart('Reason effectiveness', 'Share of calls with each reason that moved the contact up the ladder.',
            hbars('chart-reasons', 'Advance rate by reason', reasons.map((r) => ({ label: r.text, value: r.advance_rate || 0, r })),
              { max: Math.max(0.05, ...reasons.map((r) => r.advance_rate || 0)),
                valueText: (x) => `${pct(x.value)} · ${sample(x.r.advanced, x.r.attempts)}`, cls: (x) => (x.value < 0.1 ? 'weak' : '') }))));
      main.dataset.ready = 'dashboard';
    } catch (ex) { mount(body, errorBox(ex)); }
  }

  mount(main, h('div', { class: 'page-head' }, h('h1', null, 'Dashboard'), controls), body);
  load();
}
