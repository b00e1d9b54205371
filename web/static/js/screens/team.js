// Team (managers): each rep's day as it runs, updated while the screen is open; any rep's
// sheet read-only; the week's leaderboard by advances up the close ladder.
import { h, mount, fmtTime, errorBox, roleText } from '../dom.js';
import { get } from '../api.js';

const POLL_MS = 10000;
const nice = (code) => String(code || '').replace(/_/g, ' ');
const plain = (text) => String(text || '').replace(/\s*\(seed \d+\)/gi, '');

// Calls fn now and every POLL_MS while the tab is visible; returns the stop function.
function poll(fn) {
  let timer = null;
  const start = () => { if (!timer) timer = setInterval(() => { if (!document.hidden) fn(); }, POLL_MS); };
  const stop = () => { clearInterval(timer); timer = null; };
  const onVisible = () => { if (document.hidden) stop(); else { fn(); start(); } };
  document.addEventListener('visibilitychange', onVisible);
  fn();
  if (!document.hidden) start();
  return () => { stop(); document.removeEventListener('visibilitychange', onVisible); };
}

function mondayOf(iso, weeks) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}

export function renderTeam(main, repId) {
  return repId ? renderSheet(main, repId) : renderTeamToday(main);
}

function renderTeamToday(main) {
  const stamp = h('span', { class: 'muted small', id: 'team-updated', 'aria-live': 'off' }, 'Loading…');
  const todayEl = h('div', { id: 'team-today' });
  const boardEl = h('section', { class: 'card', id: 'leaderboard', 'aria-labelledby': 'board-h' });
  let week = '';
  let stopped = false;

  async function loadToday() {
    try {
      const t = await get('/api/team/today');
      if (stopped) return;
      const num = (v, cls) => h('td', { class: ['num', cls] }, String(v));
      mount(todayEl, h('div', { class: 'table-scroll' }, h('table', { class: 'team-table', id: 'team-table' },
        h('caption', { class: 'visually-hidden' }, "Each rep's day so far"),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Rep'), h('th', { scope: 'col', class: 'num' }, 'Done'),
          h('th', { scope: 'col', class: 'num' }, 'Connected'), h('th', { scope: 'col', class: 'num' }, 'Rungs'),
          h('th', { scope: 'col', class: 'num' }, 'Voicemails'), h('th', { scope: 'col', class: 'num' }, 'Dials'))),
        h('tbody', null, t.reps.map((r) => h('tr', { dataset: { rep: r.id } },
          h('th', { scope: 'row' },
            h('a', { href: `#/team/${r.id}`, 'aria-label': `Open ${r.name}'s sheet` }, r.name),
            r.role !== 'rep' ? h('span', { class: 'badge' }, r.role) : null,
            h('div', { class: 'small muted' }, `${r.left} left · ${(r.timezone || 'UTC').replace(/_/g, ' ')}`)),
          h('td', { class: 'num done' }, h('strong', null, String(r.done)), h('span', { class: 'muted' }, ` of ${r.planned}`),
            h('progress', { class: 'progress', value: String(r.done), max: String(Math.max(r.planned, 1)), 'aria-hidden': 'true' })),
          num(r.connects, 'connects'), num(r.rungs, 'rungs'), num(r.voicemails, 'voicemails'), num(r.dials, 'dials')))))));
      stamp.textContent = `Updated ${fmtTime(Date.parse(t.now) / 1000)} · refreshes every ${POLL_MS / 1000} s`;
      main.dataset.ready = 'team';
    } catch (ex) { if (!stopped) mount(todayEl, errorBox(ex)); }
  }

  async function loadBoard() {
    try {
      const b = await get(`/api/team/leaderboard${week ? `?week=${week}` : ''}`);
      if (stopped) return;
      week = b.week;
      const nav = h('span', { class: 'small week-nav' },
        h('button', { type: 'button', class: 'link', id: 'board-prev', onclick: () => { week = mondayOf(week, -1); loadBoard(); } }, '‹ week before'), ' ',
        h('button', { type: 'button', class: 'link', id: 'board-next', onclick: () => { week = mondayOf(week, 1); loadBoard(); } }, 'week after ›'));
      mount(boardEl,
        h('h2', { id: 'board-h' }, `Leaderboard, week of ${b.week}`), nav,
        h('p', { class: 'small muted' }, "Monday to Sunday, ranked by advances: rungs agreed above the contact's previous highest. Dials alone do not count."),
        h('ol', { class: 'leaderboard', id: 'leaderboard-list' }, b.rows.map((r) => h('li', { dataset: { rep: r.id } },
          h('span', { class: 'lb-name' }, r.name),
          h('span', { class: 'lb-adv' }, h('strong', null, String(r.advances)), r.advances === 1 ? ' advance' : ' advances'),
          h('span', { class: 'small muted lb-rest' }, `${r.rungs} rungs agreed · ${r.connects} connects · ${r.dials} dials`)))));
    } catch (ex) { if (!stopped) mount(boardEl, errorBox(ex)); }
  }

  mount(main, h('div', { class: 'page-head' }, h('h1', null, 'Team today'), stamp), todayEl, boardEl);
  const stop = poll(() => { loadToday(); loadBoard(); });
  return () => { stopped = true; stop(); };
}

// A rep's sheet as the rep sees it, read-only: the calls, the brief of the one picked, and
// what is done; no log controls.
function renderSheet(main, repId) {
  const head = h('div', { class: 'page-head' }, h('h1', null, 'Sheet'));
  const listEl = h('ol', { class: 'sheet', id: 'ro-sheet', 'aria-label': 'Call sheet' });
  const doneEl = h('section', { class: 'done-today', id: 'ro-done' });
  const briefEl = h('article', { class: 'brief card', id: 'ro-brief', 'aria-live': 'polite' });
  let plan = null; let sel = null; let stopped = false;

  function brief() {
    const c = plan && plan.calls.find((x) => x.contact_id === sel);
    if (!c) { mount(briefEl, h('p', { class: 'muted' }, plan && plan.calls.length ? 'Pick a call to read its brief.' : 'No calls left on this sheet.')); return; }
    const tz = plan.rep.timezone;
    const close = c.close || {};
    const last = c.last_call;
    const sec = (id, title, ...body) => h('section', { class: 'brief-sec', id }, h('h3', null, title), ...body);
    mount(briefEl,
      h('header', { class: 'brief-head' }, h('div', null,
        h('h2', null, c.name),
        h('div', { class: 'muted small' }, [c.title, c.company, `${nice(c.stage)} · ${roleText(c.role)}`].filter(Boolean).join(', ')),
        h('div', { class: 'small muted' }, `${fmtTime(Date.parse(c.slot) / 1000, tz)} ${plan.rep.name}'s time`)),
        c.phone && c.phone.e164 ? h('span', { class: 'muted small' }, c.phone.display || c.phone.e164) : null),
      h('p', { class: 'last-call small' }, h('strong', null, 'Last call: '),
        last ? `${last.your_time || ''} · ${nice(last.outcome)}${last.rung ? ` · agreed to ${nice(last.rung)}` : ''}${last.note ? ` — “${last.note}”` : ''}` : 'none yet: a first call.'),
      h('div', { class: 'live' },
        h('div', { class: 'live-col' },
          sec('ro-reason', 'Reason to call', h('p', { class: 'quote' }, c.reason ? c.reason.sentence || c.reason.text : 'No reason yet.')),
          sec('ro-opener', 'Opener', h('p', { class: 'quote' }, c.opener ? c.opener.text : '—'))),
        h('div', { class: 'live-col' },
          sec('ro-close', 'Close', h('p', { class: 'small' }, 'Ask for ', h('strong', null, nice(close.target) || '—')),
            (close.fallbacks || []).length ? h('p', { class: 'small' }, 'If not: ', close.fallbacks.map(nice).join(' → ')) : null,
            close.why ? h('p', { class: 'small muted' }, plain(close.why)) : null)),
        h('div', { class: 'live-col' },
          sec('ro-voicemail', 'Voicemail', h('p', { class: 'quote small' }, c.voicemail ? c.voicemail.text : '—')))));
  }

  function sheet() {
    const tz = plan.rep.timezone;
    mount(head, h('h1', null, `${plan.rep.name}'s sheet`), h('span', { class: 'badge', id: 'ro-badge' }, 'read only'),
      h('span', { class: 'muted small' }, `${plan.day} · ${plan.done.length} done, ${plan.calls.length} to call · `,
        h('a', { href: '#/team' }, '← Team')));
    mount(listEl, plan.calls.length ? plan.calls.map((c) => h('li', { class: ['call', c.contact_id === sel && 'selected'], dataset: { contact: c.contact_id } },
      h('button', { type: 'button', class: 'call-btn', 'aria-current': c.contact_id === sel ? 'true' : null, onclick: () => { sel = c.contact_id; sheet(); brief(); if (window.matchMedia('(max-width: 900px)').matches) briefEl.scrollIntoView({ block: 'start' }); } },
        h('span', { class: 'call-time' }, fmtTime(Date.parse(c.slot) / 1000, tz)),
        h('span', { class: 'call-name' }, c.name),
        h('span', { class: 'badge call-kind' }, nice(c.kind)),
        h('span', { class: 'call-meta' }, c.company || ''))))
      : h('li', { class: 'muted' }, 'No calls left to plan today.'));
    mount(doneEl, h('h2', { class: 'small-h' }, `Done today (${plan.done.length})`),
      plan.done.length ? h('ol', { class: 'plain done-list', id: 'ro-done-list' }, plan.done.slice().reverse().map((a) => h('li', null,
        h('span', { class: 'call-time' }, fmtTime(Date.parse(a.at) / 1000, tz)), ' ', a.name, ' ',
        h('span', { class: 'badge ok' }, `${nice(a.outcome)}${a.rung ? ` · ${nice(a.rung)}` : ''}`),
        a.note ? h('span', { class: 'muted small' }, ` — ${a.note}`) : null)))
        : h('p', { class: 'muted small' }, 'No calls logged yet.'));
  }

  async function load() {
    try {
      const p = await get(`/api/plan?rep=${encodeURIComponent(repId)}`);
      if (stopped) return;
      plan = p;
      if (!plan.calls.some((c) => c.contact_id === sel)) sel = plan.calls.length ? plan.calls[0].contact_id : null;
      sheet(); brief();
      main.dataset.ready = 'team-sheet';
    } catch (ex) { if (!stopped) mount(listEl, h('li', null, errorBox(ex))); }
  }

  mount(main, head, h('div', { class: 'today read-only' },
    h('section', { class: 'sheet-col', 'aria-label': 'Calls' }, listEl, doneEl),
    h('section', { class: 'brief-col', 'aria-label': 'Brief for the selected call' }, briefEl)));
  const stop = poll(load);
  return () => { stopped = true; stop(); };
}
