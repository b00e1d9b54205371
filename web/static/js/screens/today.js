import { h, mount, clear, announce, fmtTime, pct, errorBox } from '../dom.js';
import { get, post } from '../api.js';

const OUTCOMES = {
  c: ['connected', 'Connected'],
  v: ['voicemail', 'Voicemail'],
  g: ['gatekeeper', 'Gatekeeper'],
  n: ['no_answer', 'No answer'],
};
const nice = (code) => String(code || '').replace(/_/g, ' ');

function localNow(tz, nowSec) {
  return fmtTime(nowSec, tz);
}

function skeleton() {
  return h('div', { 'aria-hidden': 'true' },
    h('span', { class: 'skeleton w40 tall' }),
    h('span', { class: 'skeleton w80' }), h('span', { class: 'skeleton w60' }),
    h('span', { class: 'skeleton tall' }), h('span', { class: 'skeleton w80' }),
    h('span', { class: 'skeleton w60' }), h('span', { class: 'skeleton tall' }));
}

// Days as YYYY-MM-DD: the rep's date at an instant, and a date moved by whole days.
function dayIn(tz, epochSeconds) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(epochSeconds * 1000));
  } catch { return new Date(epochSeconds * 1000).toISOString().slice(0, 10); }
}
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function dayTitle(day, today) {
  if (day === today) return 'Today';
  if (day === addDays(today, 1)) return 'Tomorrow';
  if (day === addDays(today, -1)) return 'Yesterday';
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

// `day` (YYYY-MM-DD, from #/today/<day>) plans another day than today: after hours a rep
// prepares tomorrow's calls.
export function renderToday(main, day) {
  if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) day = undefined;
  const state = {
    plan: null, settings: null, sel: 0, done: new Map(), log: null, memory: new Map(), busy: false,
  };
  const sheetEl = h('ol', { class: 'sheet', id: 'sheet', 'aria-label': 'Call sheet' });
  const headEl = h('div', { class: 'sheet-head' }, h('h1', null, 'Today'));
  const logEl = h('div', { class: 'logbar card idle', id: 'logbar' });
  const extrasEl = h('div', { class: 'sheet-extras', id: 'sheet-extras' });
  const briefEl = h('article', { class: 'brief card', id: 'brief', 'aria-live': 'polite', 'aria-busy': 'true' }, skeleton());
  const keysEl = h('p', { class: 'keys', id: 'keys' },
    h('kbd', null, 'j'), '/', h('kbd', null, 'k'), ' or ', h('kbd', null, '↑'), h('kbd', null, '↓'), ' move · ',
    h('kbd', null, 'c'), ' connected · ', h('kbd', null, 'v'), ' voicemail · ', h('kbd', null, 'g'), ' gatekeeper · ',
    h('kbd', null, 'n'), ' no answer · then ', h('kbd', null, '1'), '…', h('kbd', null, '7'), ' rung, type a note, ',
    h('kbd', null, 'Enter'), ' save, ', h('kbd', null, 'Esc'), ' cancel');
  mount(main, h('div', { class: 'today' },
    h('section', { class: 'sheet-col', 'aria-labelledby': 'today-h' }, headEl, keysEl, sheetEl, extrasEl),
    h('section', { class: 'brief-col', 'aria-label': 'Brief for the selected call' }, logEl, briefEl)));
  headEl.firstChild.id = 'today-h';
  sheetEl.appendChild(h('li', { class: 'muted' }, h('span', { class: 'skeleton w80' }), h('span', { class: 'skeleton w60' })));
  renderLogIdle();

  const calls = () => (state.plan ? state.plan.calls : []);

  const repToday = () => dayIn(state.plan.rep.timezone, state.plan.now);
  const isToday = () => state.plan.day === repToday();
  // "today", "tomorrow" or "on 2026-11-27", for the sheet's own words.
  const dayWords = () => {
    const t = dayTitle(state.plan.day, repToday());
    return t === 'Today' || t === 'Tomorrow' || t === 'Yesterday' ? t.toLowerCase() : `on ${state.plan.day}`;
  };

  function renderHead() {
    const p = state.plan;
    const tz = p.rep.timezone;
    const left = calls().filter((c) => !state.done.has(c.contact_id)).length;
    const today = repToday();
    const link = (d, text, label) => h('a', { href: d === today ? '#/today' : `#/today/${d}`, 'aria-label': label }, text);
    mount(headEl,
      h('h1', { id: 'today-h' }, dayTitle(p.day, today)),
      h('span', { class: 'muted small' },
        `${p.day} · now ${fmtTime(p.now, tz)} your time (${tz.replace(/_/g, ' ')}) · `,
        h('span', { id: 'left-count' }, `${left} of ${calls().length} to call`)),
      h('nav', { class: 'day-nav small', id: 'day-nav', 'aria-label': 'Other days' },
        link(addDays(p.day, -1), '‹ day before', 'The day before'),
        isToday() ? null : link(today, 'today', 'Back to today'),
        link(addDays(p.day, 1), 'day after ›', 'The day after')));
  }

  function renderSheet() {
    clear(sheetEl);
    const p = state.plan;
    const tz = p.rep.timezone;
    let nowPlaced = false;
    const nowLine = () => h('li', { class: 'now-line', id: 'now-line', 'aria-label': `Now, ${fmtTime(p.now, tz)}` }, `now ${fmtTime(p.now, tz)}`);
    if (!calls().length) {
      // After hours, on a weekend or a holiday: the next day is what the rep prepares.
      sheetEl.appendChild(isToday()
        ? h('li', { class: 'muted', id: 'sheet-empty' }, 'No calls left to plan today. ',
          h('a', { href: `#/today/${addDays(p.day, 1)}` }, 'Plan tomorrow →'))
        : h('li', { class: 'muted', id: 'sheet-empty' }, `No calls planned for ${p.day}.`));
    }
    // The line that marks now belongs on today's sheet only.
    if (!isToday()) nowPlaced = true;
    calls().forEach((c, i) => {
      const at = Date.parse(c.slot) / 1000;
      if (!nowPlaced && at > p.now) { sheetEl.appendChild(nowLine()); nowPlaced = true; }
      const done = state.done.get(c.contact_id);
      const li = h('li', { class: ['call', i === state.sel && 'selected', done && 'done'], dataset: { contact: c.contact_id, index: i } },
        h('button', {
          type: 'button', class: 'call-btn', 'aria-current': i === state.sel ? 'true' : null,
          onclick: () => select(i, true),
        },
        h('span', { class: 'call-time' }, fmtTime(at, tz)),
        h('span', { class: 'call-name' }, c.name),
        done ? h('span', { class: 'badge ok call-kind done-mark' }, `✓ ${nice(done)}`)
          : h('span', { class: ['badge call-kind', c.kind === 'recall' ? 'warn' : c.kind === 'follow_up' ? 'accent' : ''] }, nice(c.kind)),
        h('span', { class: 'call-meta' },
          `${c.company || ''}${c.company ? ' · ' : ''}their time ${localNow(c.timezone, at)}`)));
      sheetEl.appendChild(li);
    });
    if (!nowPlaced && calls().length) sheetEl.appendChild(nowLine());
    renderExtras();
  }

  // The rest of the day's picture: who did not fit, who needs a reason before a call, who is
  // snoozed and who was left out and why — each a collapsed list under the sheet.
  function renderExtras() {
    const p = state.plan;
    const group = (id, title, rows) => (rows && rows.length
      ? h('details', { class: 'extras', id },
        h('summary', null, `${title} (${rows.length})`),
        h('ul', { class: 'plain' }, rows.map((r) => h('li', null,
          h('a', { href: `#/contact/${r.contact_id}` }, r.name),
          r.why ? h('span', { class: 'muted small' }, ` — ${r.why}`) : null))))
      : null);
    const overflow = (p.overflow || []).map((b) => ({
      contact_id: b.contact_id, name: b.name,
      why: `${b.company ? `${b.company} · ` : ''}${nice(b.kind)}, over the day's capacity of ${p.capacity}`,
    }));
    mount(extrasEl,
      group('extras-overflow', 'Over capacity', overflow),
      group('extras-needs-reason', 'Due, but no reason worth their time yet', p.needs_reason),
      group('extras-snoozed', 'Snoozed', p.snoozed),
      group('extras-skipped', `Not planned ${dayWords()}`, p.skipped));
  }

  function ladderFor(outcome, brief) {
    const s = state.settings || {};
    if (outcome === 'gatekeeper') return s.gatekeeper_ladder || [];
    if (outcome === 'connected') {
      if (brief && brief.close && brief.close.ladder === 'gatekeeper') return s.gatekeeper_ladder || [];
      return s.contact_ladder || [];
    }
    return [];
  }

  function section(title, ...body) {
    return h('section', { class: 'brief-sec' }, h('h3', null, title), ...body);
  }

  function renderBrief() {
    const c = calls()[state.sel];
    briefEl.setAttribute('aria-busy', 'false');
    if (!c) { mount(briefEl, h('p', { class: 'muted' }, 'Nothing selected.')); return; }
    const tz = state.plan.rep.timezone;
    const close = c.close || {};
    const ladder = ladderFor('connected', c);
    const fallbacks = new Set(close.fallbacks || []);
    const mem = state.memory.get(c.contact_id);
    const memSec = h('section', { class: 'brief-sec wide', id: 'brief-memory' }, h('h3', null, 'Threads and commitments'));
    if (!mem) memSec.appendChild(h('div', { 'aria-hidden': 'true' }, h('span', { class: 'skeleton w80' }), h('span', { class: 'skeleton w60' })));
    else {
      const threads = (mem.threads || []).filter((t) => t.open);
      const commits = (mem.commitments || []).filter((x) => x.status === 'open');
      if (!threads.length && !commits.length) memSec.appendChild(h('p', { class: 'muted' }, 'No open threads or commitments.'));
      if (threads.length) memSec.appendChild(h('ul', { class: 'plain' }, threads.map((t) =>
        h('li', null, h('span', { class: 'badge' }, t.kind), ' ', t.topic, t.detail ? h('span', { class: 'muted' }, ` — ${t.detail}`) : null))));
      if (commits.length) memSec.appendChild(h('ul', { class: 'plain' }, commits.map((x) =>
        h('li', null, h('span', { class: 'badge warn' }, x.owner === 'contact' ? 'they promised' : 'you promised'), ' ', x.what,
          x.due_on ? h('span', { class: 'muted' }, ` — due ${x.due_on}`) : null))));
    }
    mount(briefEl,
      h('header', { class: 'brief-head' },
        h('div', null,
          h('h2', null, h('a', { href: `#/contact/${c.contact_id}` }, c.name)),
          h('div', { class: 'muted' }, [c.title, c.company].filter(Boolean).join(', ')),
          h('div', { class: 'small muted' }, `${nice(c.stage)} · ${nice(c.role)} · their time now ${localNow(c.timezone, state.plan.now)} (${c.timezone})`)),
        h('div', null,
          c.phone ? h('a', { class: 'phone', href: `tel:${c.phone.e164}` }, c.phone.display || c.phone.e164) : h('span', { class: 'muted' }, 'no phone'),
          h('div', { class: 'small muted' }, `${fmtTime(Date.parse(c.slot) / 1000, tz)} · ${c.approach ? c.approach.name : ''}`),
          c.window ? h('div', { class: 'small muted' }, `connect chance ${pct(c.window.connect_estimate)}`) : null)),
      c.due_because && c.due_because.length ? h('p', { class: 'hint small' }, 'Due because: ', c.due_because.join('; ')) : null,
      h('div', { class: 'brief-sections' },
        section('Reason to call',
          h('p', { class: 'quote' }, c.reason ? c.reason.sentence || c.reason.text : 'No reason yet: add one in the library.'),
          c.reason ? h('p', { class: 'small muted' }, `${nice(c.reason.category)} · ${c.reason.why || ''}`) : null),
        section('Opener',
          h('p', { class: 'quote' }, c.opener ? c.opener.text : '—'),
          c.opener && c.opener.source ? h('p', { class: 'small muted' }, c.opener.source) : null),
        section('Hot button',
          h('p', null, h('strong', null, c.hot_button || 'not known yet')),
          c.material ? h('p', { class: 'small' }, 'Point at ', h('strong', null, c.material.location), ' of ', h('em', null, c.material.title),
            c.material.serves ? h('span', { class: 'muted' }, ` (serves ${c.material.serves})`) : null)
            : h('p', { class: 'small muted' }, 'No material page to point at.'),
          c.qualifying_questions && c.qualifying_questions.length ? h('ul', { class: 'small' }, c.qualifying_questions.map((q) => h('li', null, q))) : null),
        section('Close',
          h('p', { class: 'small' }, 'Target: ', h('strong', null, nice(close.target)),
            close.highest_agreed ? h('span', { class: 'muted' }, ` · agreed before: ${nice(close.highest_agreed)}`) : null),
          h('ol', { class: 'ladder', 'aria-label': `${close.ladder || 'contact'} ladder` }, ladder.map((r, i) =>
            h('li', { class: [r === close.target && 'target', fallbacks.has(r) && 'fallback'] },
              h('span', { class: 'rung-n' }, String(i + 1)), nice(r),
              r === close.target ? h('span', { class: 'badge accent' }, 'target') : fallbacks.has(r) ? h('span', { class: 'badge warn' }, 'fallback') : null))),
          close.ask ? h('p', { class: 'small' }, close.ask) : null),
        c.fallback_play ? h('section', { class: 'brief-sec wide' }, h('h3', null, 'If they have not done it'), h('p', { class: 'small' }, c.fallback_play)) : null,
        section('Voicemail script',
          h('p', { class: 'quote' }, c.voicemail ? c.voicemail.text : '—'),
          c.voicemail ? h('p', { class: 'small muted' }, `${c.voicemail.words} words · about ${c.voicemail.seconds} s`) : null),
        section('Gatekeeper script',
          (c.gatekeeper_script && c.gatekeeper_script.length)
            ? h('ul', { class: 'plain small' }, c.gatekeeper_script.map((g) => h('li', null, g)))
            : h('p', { class: 'muted small' }, 'Dial direct.')),
        memSec));
    if (!mem) loadMemory(c.contact_id);
  }

  async function loadMemory(id) {
    try {
      const m = await get(`/api/contacts/${id}`);
      state.memory.set(id, m);
      const c = calls()[state.sel];
      if (c && c.contact_id === id) renderBrief();
    } catch { /* brief still usable */ }
  }

  function select(i, focus) {
    if (!calls().length) return;
    state.sel = Math.max(0, Math.min(calls().length - 1, i));
    for (const li of sheetEl.querySelectorAll('li.call')) {
      const on = Number(li.dataset.index) === state.sel;
      li.classList.toggle('selected', on);
      li.firstChild.setAttribute('aria-current', on ? 'true' : 'false');
      if (on) {
        li.scrollIntoView({ block: 'nearest' });
        if (focus) li.firstChild.focus({ preventScroll: true });
      }
    }
    renderBrief();
  }

  function renderLogIdle() {
    logEl.className = 'logbar card idle';
    mount(logEl, h('span', null, 'Press ', h('kbd', null, 'c'), ' ', h('kbd', null, 'v'), ' ', h('kbd', null, 'g'), ' or ',
      h('kbd', null, 'n'), ' to log the selected call, or:'), logButtons());
  }

  function logButtons() {
    return h('div', { class: 'row log-buttons', role: 'group', 'aria-label': 'Log the selected call' },
      Object.entries(OUTCOMES).map(([k, [, label]]) => h('button', { type: 'button', class: 'small', onclick: () => openLog(k) }, label)));
  }

  function openLog(key) {
    const c = calls()[state.sel];
    if (!c) return;
    const [outcome] = OUTCOMES[key];
    state.log = { outcome, rung: '', contact: c };
    renderLog(true);
  }

  function renderLog(focusPanel) {
    const L = state.log;
    const c = L.contact;
    const rungs = ladderFor(L.outcome, c);
    const note = h('input', { type: 'text', id: 'log-note', name: 'note', autocomplete: 'off', placeholder: 'What happened, what is next' });
    if (L.note) note.value = L.note;
    note.addEventListener('input', () => { L.note = note.value; });
    const err = h('div', { id: 'log-error' });
    const panel = h('form', { class: 'logpanel', id: 'logpanel', tabindex: '-1', 'aria-label': `Log call to ${c.name}` },
      h('h2', null, `Log call: ${c.name}`),
      h('fieldset', { class: 'outcomes' }, h('legend', null, 'Outcome'),
        Object.entries(OUTCOMES).map(([k, [code, label]]) => h('label', { class: ['chip', L.outcome === code && 'on'] },
          h('input', { type: 'radio', name: 'outcome', value: code, checked: L.outcome === code,
            onchange: () => { L.outcome = code; L.rung = ''; renderLog(false); } }),
          h('kbd', null, k), label))),
      rungs.length ? h('fieldset', { class: 'rungs' }, h('legend', null, 'Rung reached (number keys)'),
        rungs.map((r, i) => h('label', { class: ['chip', L.rung === r && 'on'] },
          h('input', { type: 'radio', name: 'rung', value: r, checked: L.rung === r,
            onchange: () => { L.rung = r; renderLog(false); } }),
          h('kbd', null, String(i + 1)), nice(r)))) : null,
      h('div', { class: 'field note' }, h('label', { for: 'log-note' }, 'Note'), note),
      err,
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, 'Save (Enter)'),
        h('button', { type: 'button', onclick: cancelLog }, 'Cancel (Esc)')));
    panel.addEventListener('submit', (e) => { e.preventDefault(); saveLog(); });
    logEl.className = 'logbar card';
    mount(logEl, panel);
    if (focusPanel) panel.focus();
    else note.focus();
  }

  function cancelLog() {
    state.log = null;
    renderLogIdle();
    select(state.sel, true);
  }

  async function saveLog() {
    const L = state.log;
    if (!L || state.busy) return;
    state.busy = true;
    const body = { outcome: L.outcome };
    if (L.rung) body.rung = L.rung;
    if (L.note) body.note = L.note;
    // The time this sheet's voicemail said is the one held for them (the server would
    // otherwise hold what a fresh brief proposes, which can differ from what was said).
    const slot = L.contact.voicemail && L.contact.voicemail.proposed_slot;
    if (L.outcome === 'voicemail' && slot && Date.parse(slot) / 1000 > state.plan.now) body.proposed_at = slot;
    try {
      const attempt = await post(`/api/contacts/${L.contact.contact_id}/calls`, body);
      state.done.set(L.contact.contact_id, L.outcome + (L.rung ? ` · ${L.rung}` : ''));
      state.memory.delete(L.contact.contact_id);
      state.log = null;
      renderLogIdle();
      announce(`Saved: ${nice(attempt.outcome)} for ${L.contact.name}`);
      mount(logEl, h('span', { class: 'saved', id: 'saved-msg' }, `✓ Saved ${nice(attempt.outcome)} for ${L.contact.name}. `,
        h('span', { class: 'muted' }, 'Next call selected.')), logButtons());
      renderHead();
      renderSheet();
      const next = calls().findIndex((c, i) => i > state.sel && !state.done.has(c.contact_id));
      const any = next >= 0 ? next : calls().findIndex((c) => !state.done.has(c.contact_id));
      select(any >= 0 ? any : state.sel, true);
    } catch (ex) {
      const err = document.getElementById('log-error');
      if (err) mount(err, errorBox(ex));
    } finally {
      state.busy = false;
    }
  }

  function onKey(e) {
    if (!state.plan || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    const typing = t && (t.tagName === 'INPUT' && t.type !== 'radio' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
    if (state.log) {
      if (e.key === 'Escape') { e.preventDefault(); cancelLog(); return; }
      if (e.key === 'Enter') { e.preventDefault(); saveLog(); return; }
      if (typing) return;
      const rungs = ladderFor(state.log.outcome, state.log.contact);
      if (/^[1-9]$/.test(e.key) && Number(e.key) <= rungs.length) {
        e.preventDefault();
        state.log.rung = rungs[Number(e.key) - 1];
        renderLog(true);
        return;
      }
      if (OUTCOMES[e.key] && !e.shiftKey) {
        e.preventDefault();
        state.log.outcome = OUTCOMES[e.key][0];
        state.log.rung = '';
        renderLog(true);
        return;
      }
      if (e.key.length === 1 && e.key !== ' ') {
        // Any other character starts the note.
        e.preventDefault();
        const note = document.getElementById('log-note');
        state.log.note = (state.log.note || '') + e.key;
        note.value = state.log.note;
        note.focus();
      }
      return;
    }
    if (typing) return;
    if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); select(state.sel + 1, true); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); select(state.sel - 1, true); }
    else if (OUTCOMES[e.key] && !e.shiftKey) { e.preventDefault(); openLog(e.key); }
  }
  document.addEventListener('keydown', onKey);

  (async () => {
    try {
      const planUrl = day ? `/api/plan?date=${encodeURIComponent(day)}` : '/api/plan';
      const [plan, settings] = await Promise.all([get(planUrl), get('/api/settings')]);
      state.plan = plan;
      state.settings = settings;
      renderHead();
      renderSheet();
      const firstAhead = calls().findIndex((c) => Date.parse(c.slot) / 1000 >= plan.now);
      select(firstAhead >= 0 ? firstAhead : 0, false);
      main.dataset.ready = 'today';
    } catch (ex) {
      mount(briefEl, errorBox(ex));
    }
  })();

  return () => document.removeEventListener('keydown', onKey);
}
