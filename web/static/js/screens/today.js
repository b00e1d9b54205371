import { h, mount, clear, announce, fmtTime, fmtWhen, pct, errorBox, roleText } from '../dom.js';
import { get, post, newIdempotencyKey } from '../api.js';

const OUTCOMES = {
  c: ['connected', 'Connected'],
  v: ['voicemail', 'Voicemail'],
  g: ['gatekeeper', 'Gatekeeper'],
  n: ['no_answer', 'No answer'],
};
const nice = (code) => String(code || '').replace(/_/g, ' ');
// Words for the rep: no record numbers, method references or option names.
const plain = (text) => String(text || '')
  .replace(/\s*\((?:see )?seeds? \d+[^)]*\)/gi, '')
  .replace(/\s*\bseeds? \d{3}\b/gi, '')
  .replace(/Thompson sample[^;,.)]*/gi, 'connect chance')
  .replace(/\s*--[a-z][a-z-]*/g, '')
  .replace(/\s*#\d+/g, '')
  .trim();
const SOURCES = {
  commitment: 'from what they promised', change: 'from a change that answers their objection',
  library: 'from the reason library', promise: 'from what you promised', referral: 'from a referral',
  material: 'from the material you sent', appointment: 'from today\'s meeting', thread: 'from what they told you last time',
};
// "m:ss" from seconds, and back.
const mmss = (sec) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
function seconds(text) {
  const t = String(text || '').trim();
  if (!t) return 0;
  const m = /^(\d{1,3})(?::(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return m[2] === undefined ? Number(m[1]) * 60 : Number(m[1]) * 60 + Number(m[2]);
}
const isTextField = (t) => !!t && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'
  || (t.tagName === 'INPUT' && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(t.type)));


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
    plan: null, settings: null, sel: 0, done: new Map(), doneList: [], log: null, memory: new Map(), busy: false,
    timer: null, // { contact, started (ms) } while a call is on
  };
  const sheetEl = h('ol', { class: 'sheet', id: 'sheet', 'aria-label': 'Call sheet' });
  const headEl = h('div', { class: 'sheet-head' }, h('h1', null, 'Today'));
  const logEl = h('div', { class: 'logbar idle', id: 'logbar' });
  const extrasEl = h('div', { class: 'sheet-extras', id: 'sheet-extras' });
  const doneEl = h('section', { class: 'done-today', id: 'done-today', 'aria-labelledby': 'done-h' });
  const briefEl = h('article', { class: 'brief card', id: 'brief', 'aria-live': 'polite', 'aria-busy': 'true' }, skeleton());
  const keysEl = h('p', { class: 'keys', id: 'keys' },
    h('kbd', null, 'j'), '/', h('kbd', null, 'k'), ', ', h('kbd', null, '↑'), h('kbd', null, '↓'), ' or ', h('kbd', null, 'Tab'), ' move · ',
    h('kbd', null, 'd'), ' dial · ', h('kbd', null, 'c'), h('kbd', null, 'v'), h('kbd', null, 'g'), h('kbd', null, 'n'), ' log');
  const sheetScroll = h('div', { class: 'sheet-scroll', id: 'sheet-scroll' }, sheetEl, doneEl, extrasEl);
  mount(main, h('div', { class: 'today' },
    h('section', { class: 'sheet-col', 'aria-labelledby': 'today-h' }, headEl, keysEl, logEl, sheetScroll),
    h('section', { class: 'brief-col', id: 'brief-col', 'aria-label': 'Brief for the selected call' }, briefEl)));
  headEl.firstChild.id = 'today-h';
  sheetEl.appendChild(h('li', { class: 'muted' }, h('span', { class: 'skeleton w80' }), h('span', { class: 'skeleton w60' })));
  renderLogIdle();

  const calls = () => (state.plan ? state.plan.calls : []);
  const narrow = () => window.matchMedia('(max-width: 900px)').matches;

  const repToday = () => dayIn(state.plan.rep.timezone, state.plan.now);
  const isToday = () => state.plan.day === repToday();
  // "today", "tomorrow" or "on 2026-11-27", for the sheet's own words.
  const dayWords = () => {
    const t = dayTitle(state.plan.day, repToday());
    return t === 'Today' || t === 'Tomorrow' || t === 'Yesterday' ? t.toLowerCase() : `on ${state.plan.day}`;
  };
  const doneLabel = (a) => `${nice(a.outcome)}${a.rung ? ` · ${nice(a.rung)}` : ''}`;

  function renderHead() {
    const p = state.plan;
    const tz = p.rep.timezone;
    const left = calls().filter((c) => !state.done.has(c.contact_id)).length;
    const done = state.done.size;
    const today = repToday();
    const link = (d, text, label) => h('a', { href: d === today ? '#/today' : `#/today/${d}`, 'aria-label': label }, text);
    mount(headEl,
      h('h1', { id: 'today-h' }, dayTitle(p.day, today)),
      h('span', { class: 'muted small' },
        `${p.day} · now ${fmtTime(p.now, tz)} your time (${tz.replace(/_/g, ' ')}) · `,
        h('strong', { id: 'done-count' }, `${done} of ${done + left} done`),
        h('span', { id: 'left-count', class: 'visually-hidden' }, `, ${left} to call`)),
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
        ? h('li', { class: 'muted', id: 'sheet-empty' }, state.done.size ? 'Every call planned for today is done. ' : 'No calls left to plan today. ',
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
          onclick: () => select(i, true, true),
          // Focus and selection are one: Tab to a call and the keys act on it.
          onfocus: () => { if (state.sel !== i && !state.log) select(i, false); },
        },
        h('span', { class: 'call-time' }, fmtTime(at, tz)),
        h('span', { class: 'call-name' }, c.name),
        done ? h('span', { class: 'badge ok call-kind done-mark' }, `✓ ${doneLabel(done)}`)
          : h('span', { class: ['badge call-kind', c.kind === 'recall' ? 'warn' : c.kind === 'follow_up' ? 'accent' : ''] }, nice(c.kind)),
        h('span', { class: 'call-meta' },
          `${c.company || ''}${c.company ? ' · ' : ''}their time ${localNow(c.timezone, at)}`)));
      sheetEl.appendChild(li);
    });
    if (!nowPlaced && calls().length) sheetEl.appendChild(nowLine());
    renderDone();
    renderExtras();
  }

  // The calls logged today, from the server: a reload shows them, with their outcome.
  function renderDone() {
    const tz = state.plan.rep.timezone;
    const rows = state.doneList.slice().reverse();
    mount(doneEl,
      h('h2', { id: 'done-h', class: 'small-h' }, `Done ${dayWords()} (${rows.length})`),
      rows.length ? h('ol', { class: 'plain done-list', id: 'done-list' }, rows.map((a) => h('li', { dataset: { contact: a.contact_id } },
        h('span', { class: 'call-time' }, fmtTime(Date.parse(a.at) / 1000, tz)), ' ',
        h('a', { href: `#/contact/${a.contact_id}` }, a.name), ' ',
        h('span', { class: 'badge ok' }, doneLabel(a)),
        a.note ? h('span', { class: 'muted small' }, ` — ${a.note}`) : null)))
        : h('p', { class: 'muted small' }, 'No calls logged yet.'));
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
          r.why ? h('span', { class: 'muted small' }, ` — ${plain(r.why)}`) : null))))
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

  function section(id, title, ...body) {
    return h('section', { class: 'brief-sec', id }, h('h3', null, title), ...body);
  }

  // Times held for this contact by earlier voicemails (tentative appointments).
  function heldTimes(c, mem) {
    const rows = [];
    const seen = new Set();
    for (const a of (mem && mem.appointments) || []) {
      if (a.status !== 'proposed') continue;
      seen.add(a.starts_at);
      rows.push(a.starts_at);
    }
    if (c.voicemail && c.voicemail.held_appointment_id && c.voicemail.proposed_slot && !seen.has(c.voicemail.proposed_slot)) rows.push(c.voicemail.proposed_slot);
    return rows.map((t) => Date.parse(t) / 1000).filter((t) => t > state.plan.now - 3600).sort((a, b) => a - b);
  }

  function timerText() {
    const T = state.timer;
    return T ? `On the call ${mmss(Math.round((Date.now() - T.started) / 1000))}` : '';
  }
  function startTimer() {
    const c = calls()[state.sel];
    if (!c) return;
    if (state.timer && state.timer.contact === c.contact_id) return;
    state.timer = { contact: c.contact_id, started: Date.now() };
    tick();
  }
  function tick() {
    const el = document.getElementById('call-timer');
    if (el) el.textContent = timerText();
  }
  const ticker = setInterval(tick, 1000);

  function renderBrief() {
    const c = calls()[state.sel];
    briefEl.setAttribute('aria-busy', 'false');
    if (!c) {
      // An empty sheet (after hours, a weekend, everything done) says what comes next; the
      // brief area never stays a loading placeholder.
      const next = state.plan ? addDays(state.plan.day, 1) : '';
      mount(briefEl, h('div', { id: 'brief-empty' },
        h('h2', null, state.done.size ? 'Every call on the sheet is done' : calls().length ? 'Nothing selected' : 'No calls on this sheet'),
        h('p', { class: 'muted' }, state.done.size ? 'What you logged is under Done today.' : 'Nobody is due in their call window on this day.'),
        next ? h('p', null, h('a', { href: `#/today/${next}`, id: 'plan-next' }, `Prepare ${dayTitle(next, repToday()).toLowerCase() === 'tomorrow' ? 'tomorrow' : next} →`)) : null));
      return;
    }
    const tz = state.plan.rep.timezone;
    const close = c.close || {};
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
    const last = c.last_call;
    const held = heldTimes(c, mem);
    const fallbacks = (close.fallbacks || []).map(nice);
    const whys = [
      ['This call', (c.due_because || []).map(plain).join('; ')],
      ['The reason', c.reason ? `${SOURCES[c.reason.source] || nice(c.reason.category)}. ${plain(c.reason.why)}` : ''],
      ['The opener', c.opener ? plain(c.opener.source) : ''],
      ['The time', c.window ? `${plain(c.window.why)} (${c.window.local || ''})` : ''],
      ['The approach', c.approach ? `${nice(c.approach.name)}: ${plain(c.approach.why)}` : ''],
      ['The close', plain(close.why)],
      ['The voicemail time', c.voicemail && c.voicemail.slot_why ? plain(c.voicemail.slot_why) : ''],
    ].filter(([, t]) => t && t.trim());
    const phone = c.phone && c.phone.e164;
    mount(briefEl,
      h('header', { class: 'brief-head' },
        h('div', { class: 'who-block' },
          h('h2', null, h('a', { href: `#/contact/${c.contact_id}` }, c.name)),
          h('div', { class: 'muted small' }, [c.title, c.company, `${nice(c.stage)} · ${roleText(c.role)}`].filter(Boolean).join(', ')),
          h('div', { class: 'small muted', id: 'brief-times' },
            `${fmtTime(Date.parse(c.slot) / 1000, tz)} your time · ${c.timezone ? `${localNow(c.timezone, Date.parse(c.slot) / 1000)} their time (${c.timezone.replace(/_/g, ' ')})` : 'their zone unknown'}`,
            c.attempt > 1 ? ` · try ${c.attempt}` : '',
            c.window ? ` · connect chance ${pct(c.window.connect_estimate)}` : '')),
        h('div', { class: 'dial' },
          phone ? h('a', { class: 'phone', id: 'brief-phone', href: `tel:${phone}`, onclick: () => startTimer(), 'aria-label': `Call ${c.name} at ${c.phone.display || phone} (d)` },
            c.phone.display || phone) : h('span', { class: 'muted' }, 'no phone'),
          h('div', { class: 'small timer', id: 'call-timer', role: 'timer' }, state.timer && state.timer.contact === c.contact_id ? timerText() : ''))),
      h('p', { class: 'last-call small', id: 'last-call' },
        h('strong', null, 'Last call: '),
        last ? [`${last.your_time || ''}${last.their_time && last.their_time.replace(/ their time$/, '') !== (last.your_time || '').replace(/ your time$/, '') ? ` (${last.their_time})` : ''} · ${nice(last.outcome)}`,
          last.rung ? ` · agreed to ${nice(last.rung)}` : ' · no rung agreed',
          last.note ? h('span', { class: 'muted' }, ` — “${last.note}”`) : null] : h('span', { class: 'muted' }, 'none yet: a first call.'),
        held.length ? h('span', { id: 'held-times' }, h('br'), h('strong', null, 'Time held for them (tentative): '),
          held.map((t) => `${fmtWhen(t, tz)} your time${c.timezone ? ` (${localNow(c.timezone, t)} their time)` : ''}`).join('; ')) : null),
      h('div', { class: 'live', id: 'live' },
        h('div', { class: 'live-col' },
          section('live-reason', 'Reason to call',
            h('p', { class: 'quote' }, c.reason ? c.reason.sentence || c.reason.text : 'No reason yet: add one in the library.')),
          section('live-opener', 'Opener', h('p', { class: 'quote' }, c.opener ? c.opener.text : '—'))),
        h('div', { class: 'live-col' },
          section('live-material', 'Point at',
            c.material ? h('p', { class: 'small' }, h('strong', null, c.material.location), ' of ', h('em', null, c.material.title),
              c.material.serves ? h('span', { class: 'muted' }, ` — ${c.material.serves}`) : null)
              : h('p', { class: 'small muted' }, c.hot_button ? `No page yet for their hot button: ${c.hot_button}.` : 'No material to point at; ask what matters most to them.')),
          section('live-close', 'Close',
            h('p', { class: 'small' }, 'Ask for ', h('strong', { class: 'target' }, nice(close.target) || '—'),
              close.highest_agreed ? h('span', { class: 'muted' }, ` (agreed before: ${nice(close.highest_agreed)})`) : null),
            fallbacks.length ? h('p', { class: 'small', id: 'close-fallbacks' }, 'If not: ', fallbacks.join(' → ')) : null,
            close.ask ? h('p', { class: 'small muted' }, close.ask) : null)),
        h('div', { class: 'live-col' },
          section('live-voicemail', 'Voicemail',
            h('p', { class: 'quote small' }, c.voicemail ? c.voicemail.text : '—'),
            c.voicemail && c.voicemail.seconds ? h('p', { class: 'small muted' }, `about ${c.voicemail.seconds} s`) : null),
          section('live-gatekeeper', 'Gatekeeper',
            (c.gatekeeper_script && c.gatekeeper_script.length)
              ? h('ul', { class: 'plain small' }, c.gatekeeper_script.map((g) => h('li', null, g)))
              : h('p', { class: 'muted small' }, 'Ask for them by name; no screener on record.')))),
      h('div', { class: 'brief-sections' },
        c.fallback_play ? h('section', { class: 'brief-sec wide' }, h('h3', null, 'If they have not done it'), h('p', { class: 'small' }, c.fallback_play)) : null,
        c.qualifying_questions && c.qualifying_questions.length ? section('brief-questions', 'Questions to ask',
          h('ul', { class: 'small' }, c.qualifying_questions.map((q) => h('li', null, q)))) : null,
        c.hot_button ? section('brief-hot', 'Hot button', h('p', null, c.hot_button)) : null,
        c.tried_before && c.tried_before.length ? section('brief-tried', 'Tried before',
          h('ul', { class: 'plain small' }, c.tried_before.map((t) => h('li', null, plain(t))))) : null,
        memSec,
        whys.length ? h('details', { class: 'brief-sec wide why', id: 'brief-why' }, h('summary', null, 'Why this call, this reason, this close'),
          h('dl', { class: 'small' }, whys.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))) : null));
    if (!mem) loadMemory(c.contact_id);
  }

  async function loadMemory(id) {
    try {
      const m = await get(`/api/contacts/${id}`);
      state.memory.set(id, m);
      const c = calls()[state.sel];
      if (c && c.contact_id === id) renderBrief();
      if (state.log && state.log.contact.contact_id === id && !state.log.commitments) {
        state.log.commitments = openCommitments(m);
        renderLog(null);
      }
    } catch { /* brief still usable */ }
  }

  // select(i, focus, reveal): reveal brings the brief into view where it sits below the
  // sheet (a phone).
  function select(i, focus, reveal) {
    if (!calls().length) { renderBrief(); return; }
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
    if (reveal && narrow()) briefEl.scrollIntoView({ block: 'start' });
  }

  function renderLogIdle() {
    logEl.className = 'logbar idle';
    if (logEl.parentElement) logEl.parentElement.parentElement.classList.remove('logging');
    mount(logEl, logButtons());
  }

  function logButtons() {
    return h('div', { class: 'row log-buttons', role: 'group', 'aria-label': 'Log the selected call' },
      h('span', { class: 'small muted' }, 'Log:'),
      Object.entries(OUTCOMES).map(([k, [, label]]) => h('button', { type: 'button', class: 'small', onclick: () => openLog(k) }, h('kbd', null, k), ' ', label)));
  }

  const openCommitments = (m) => ((m && m.commitments) || []).filter((x) => x.status === 'open')
    .map((x) => ({ id: x.id, what: x.what, owner: x.owner, due_on: x.due_on, outcome: '', new_due: '' }));

  function openLog(key) {
    const c = calls()[state.sel];
    if (!c) return;
    const [outcome] = OUTCOMES[key];
    let length = '';
    if (state.timer && state.timer.contact === c.contact_id) {
      length = mmss(Math.max(1, Math.round((Date.now() - state.timer.started) / 1000)));
      state.timer = null;
    }
    const mem = state.memory.get(c.contact_id);
    state.log = {
      outcome, rung: '', note: '', contact: c, next: '', next_on: '', callback_at: '', meeting_at: '', meeting_place: '',
      length, commitments: mem ? openCommitments(mem) : null, error: null,
    };
    renderLog(ladderFor(outcome, c).length ? 'rungs' : 'note');
  }

  // Where focus goes: 'rungs', 'note', 'panel', or null (keep it where it is, by id).
  function renderLog(focusTo) {
    const L = state.log;
    const c = L.contact;
    const rungs = ladderFor(L.outcome, c);
    const activeId = document.activeElement && document.activeElement.id;
    const bind = (el, key) => { el.value = L[key] || ''; el.addEventListener('input', () => { L[key] = el.value; }); return el; };
    const note = bind(h('input', { type: 'text', id: 'log-note', name: 'note', autocomplete: 'off', placeholder: 'What happened, what is next' }), 'note');
    const nextKinds = [['', 'nothing agreed'], ['date', 'call again on a date']];
    if (L.outcome === 'connected' || L.outcome === 'gatekeeper') nextKinds.push(['callback', 'call back at a time']);
    if (L.outcome === 'connected') nextKinds.push(['meeting', 'meeting booked']);
    if (!nextKinds.some(([k]) => k === L.next)) L.next = '';
    const nextSel = h('select', { id: 'log-next', name: 'next' }, nextKinds.map(([v, t]) => h('option', { value: v }, t)));
    nextSel.value = L.next;
    nextSel.addEventListener('change', () => { L.next = nextSel.value; renderLog(null); });
    const nextFields = [];
    if (L.next === 'date') nextFields.push(h('div', { class: 'field' }, h('label', { for: 'log-next-on' }, 'Call again on'),
      bind(h('input', { type: 'date', id: 'log-next-on', min: state.plan.day }), 'next_on')));
    if (L.next === 'callback') nextFields.push(h('div', { class: 'field' }, h('label', { for: 'log-callback-at' }, 'Call back at (your time)'),
      bind(h('input', { type: 'datetime-local', id: 'log-callback-at' }), 'callback_at')));
    // The place first: Tab moves through a time's segments, so the time comes last.
    if (L.next === 'meeting') nextFields.push(
      h('div', { class: 'field' }, h('label', { for: 'log-meeting-place' }, 'Place'),
        bind(h('input', { type: 'text', id: 'log-meeting-place', placeholder: 'their plant, video call…' }), 'meeting_place')),
      h('div', { class: 'field' }, h('label', { for: 'log-meeting-at' }, 'Meeting at (your time)'),
        bind(h('input', { type: 'datetime-local', id: 'log-meeting-at' }), 'meeting_at')));
    const commits = L.commitments || [];
    const commitRows = commits.map((x, i) => {
      const sel = h('select', { id: `log-commit-${i}`, 'aria-label': `${x.owner === 'contact' ? 'They' : 'You'} promised: ${x.what}` },
        [['', 'still open'], ['kept', 'kept'], ['broken', 'broken'], ['moved', 'new date']].map(([v, t]) => h('option', { value: v }, t)));
      sel.value = x.outcome;
      sel.addEventListener('change', () => { x.outcome = sel.value; renderLog(null); });
      const date = x.outcome === 'moved' ? h('input', { type: 'date', id: `log-commit-${i}-due`, 'aria-label': `New date for: ${x.what}`, min: state.plan.day }) : null;
      if (date) { date.value = x.new_due; date.addEventListener('input', () => { x.new_due = date.value; }); }
      return h('li', { class: 'commit-row' },
        h('span', { class: 'small' }, h('span', { class: 'badge warn' }, x.owner === 'contact' ? 'they' : 'you'), ` ${x.what}`,
          x.due_on ? h('span', { class: 'muted' }, ` (due ${x.due_on})`) : null), sel, date);
    });
    const length = bind(h('input', { type: 'text', id: 'log-length', inputmode: 'numeric', size: '5', placeholder: 'm:ss' }), 'length');
    const err = h('div', { id: 'log-error' }, L.error ? h('div', { class: 'error', role: 'alert' }, L.error) : null);
    const panel = h('form', { class: 'logpanel card', id: 'logpanel', tabindex: '-1', 'aria-label': `Log call to ${c.name}` },
      h('h2', null, `Log: ${c.name}`),
      err,
      h('fieldset', { class: 'outcomes', id: 'log-outcomes' }, h('legend', null, 'Outcome'),
        Object.entries(OUTCOMES).map(([k, [code, label]]) => h('label', { class: ['chip', L.outcome === code && 'on'] },
          h('input', { type: 'radio', name: 'outcome', value: code, checked: L.outcome === code,
            onchange: () => { L.outcome = code; L.rung = ''; renderLog('outcome'); } }),
          h('kbd', null, k), label))),
      rungs.length ? h('fieldset', { class: 'rungs', id: 'log-rungs' }, h('legend', null, 'Rung reached (1–' + rungs.length + ')'),
        rungs.map((r, i) => h('label', { class: ['chip', L.rung === r && 'on'] },
          h('input', { type: 'radio', name: 'rung', value: r, checked: L.rung === r,
            onchange: () => { L.rung = r; renderLog(null); } }),
          h('kbd', null, String(i + 1)), nice(r)))) : null,
      h('div', { class: 'field note' }, h('label', { for: 'log-note' }, 'Note'), note),
      h('div', { class: 'row next-row' },
        h('div', { class: 'field' }, h('label', { for: 'log-next' }, 'Next step'), nextSel), ...nextFields),
      commits.length ? h('fieldset', { class: 'commits', id: 'log-commits' }, h('legend', null, 'Open promises'),
        h('ul', { class: 'plain' }, commitRows)) : null,
      h('div', { class: 'row' },
        h('div', { class: 'field length' }, h('label', { for: 'log-length' }, 'Length (m:ss)'), length),
        h('button', { type: 'submit', class: 'primary' }, 'Save (Enter)'),
        h('button', { type: 'button', onclick: cancelLog }, 'Cancel (Esc)')));
    panel.addEventListener('submit', (e) => { e.preventDefault(); saveLog(); });
    logEl.className = 'logbar';
    logEl.parentElement.parentElement.classList.add('logging');
    mount(logEl, panel);
    const focusEl = (el) => { if (el) el.focus({ preventScroll: true }); };
    if (focusTo === 'rungs') focusEl(panel.querySelector('input[name="rung"]:checked') || panel.querySelector('input[name="rung"]'));
    else if (focusTo === 'note') focusEl(note);
    else if (focusTo === 'outcome') focusEl(panel.querySelector('input[name="outcome"]:checked'));
    else if (focusTo === 'panel') focusEl(panel);
    else if (activeId && document.getElementById(activeId)) focusEl(document.getElementById(activeId));
    else focusEl(panel);
    if (narrow()) logEl.scrollIntoView({ block: 'nearest' });
  }

  function cancelLog() {
    state.log = null;
    renderLogIdle();
    select(state.sel, true);
  }

  function setLogError(text) {
    state.log.error = text;
    const err = document.getElementById('log-error');
    if (err) mount(err, h('div', { class: 'error', role: 'alert' }, text));
  }

  async function saveLog() {
    const L = state.log;
    if (!L || state.busy) return;
    const body = { outcome: L.outcome };
    if (L.rung) body.rung = L.rung;
    if (L.note) body.note = L.note;
    const secs = seconds(L.length);
    if (secs === null) { setLogError('Length: type minutes and seconds, like 4:30.'); return; }
    if (secs) body.duration_seconds = secs;
    if (L.next === 'date' && L.next_on) body.next_on = L.next_on;
    if (L.next === 'callback') {
      if (!L.callback_at) { setLogError('Next step: give the time they asked to be called back.'); return; }
      body.callback_at = L.callback_at.replace('T', ' ');
    }
    if (L.next === 'meeting') {
      if (!L.meeting_at) { setLogError('Next step: give the meeting\'s date and time.'); return; }
      body.meeting = { at: L.meeting_at.replace('T', ' ') };
      if (L.meeting_place) body.meeting.place = L.meeting_place;
    }
    const outcomes = (L.commitments || []).filter((x) => x.outcome);
    for (const x of outcomes) {
      if (x.outcome === 'moved' && !x.new_due) { setLogError(`Give the new date for “${x.what}”.`); return; }
    }
    if (outcomes.length) body.commitments = outcomes.map((x) => (x.outcome === 'moved' ? { id: x.id, outcome: 'moved', due_on: x.new_due } : { id: x.id, outcome: x.outcome }));
    // The time this sheet's voicemail said is the one held for them (the server would
    // otherwise hold what a fresh brief proposes, which can differ from what was said).
    const slot = L.contact.voicemail && L.contact.voicemail.proposed_slot;
    if (L.outcome === 'voicemail' && slot && Date.parse(slot) / 1000 > state.plan.now) body.proposed_at = slot;
    // A save sent again after a failure keeps its Idempotency-Key, so the server logs it
    // once even if the first try reached it; a changed save is a new one.
    const sent = JSON.stringify(body);
    if (L.sentBody !== sent) { L.sentBody = sent; L.saveKey = newIdempotencyKey(); }
    state.busy = true;
    try {
      const attempt = await post(`/api/contacts/${L.contact.contact_id}/calls`, body, { idempotencyKey: L.saveKey });
      const row = { ...attempt, name: L.contact.name, company: L.contact.company };
      state.doneList.push(row);
      state.done.set(L.contact.contact_id, row);
      state.memory.delete(L.contact.contact_id);
      state.log = null;
      announce(`Saved: ${nice(attempt.outcome)} for ${L.contact.name}`);
      logEl.parentElement.parentElement.classList.remove('logging');
      mount(logEl, h('span', { class: 'saved', id: 'saved-msg' }, `✓ Saved ${nice(attempt.outcome)} for ${L.contact.name}.`), logButtons());
      logEl.className = 'logbar idle';
      renderHead();
      renderSheet();
      const next = calls().findIndex((c, i) => i > state.sel && !state.done.has(c.contact_id));
      const any = next >= 0 ? next : calls().findIndex((c) => !state.done.has(c.contact_id));
      select(any >= 0 ? any : state.sel, true);
    } catch (ex) {
      // Everything typed stays in the panel; only the message is new.
      if (ex && ex.code === 'unreachable') {
        setLogError(`nextcall can't reach the server; your ${L.note ? 'note is' : 'log is'} kept — press Enter to try again.`);
      } else {
        const fields = ex && ex.fields ? Object.entries(ex.fields).map(([f, m]) => `${f}: ${m}`) : [];
        setLogError(`Not saved: ${fields.length ? fields.join('; ') : (ex && ex.message) || 'the server refused it'}. Your entries are kept.`);
      }
    } finally {
      state.busy = false;
    }
  }

  function onKey(e) {
    if (!state.plan || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    const typing = isTextField(t);
    if (state.log) {
      if (e.key === 'Escape') {
        e.preventDefault();
        // Escape leaves a field first; on the panel itself it cancels.
        if (typing || (t && t.name === 'rung') || (t && t.name === 'outcome')) document.getElementById('logpanel').focus();
        else cancelLog();
        return;
      }
      if (e.key === 'Enter') {
        if (t && t.tagName === 'BUTTON') return; // the button's own action
        e.preventDefault();
        saveLog();
        return;
      }
      if (typing || e.key.length !== 1 || e.key === ' ') return;
      const onPanel = t && t.id === 'logpanel';
      const onOutcomes = t && t.name === 'outcome';
      const onRungs = t && t.name === 'rung';
      const rungs = ladderFor(state.log.outcome, state.log.contact);
      if ((onPanel || onRungs) && /^[1-9]$/.test(e.key) && Number(e.key) <= rungs.length) {
        e.preventDefault();
        state.log.rung = rungs[Number(e.key) - 1];
        renderLog('note');
        return;
      }
      if ((onPanel || onOutcomes) && OUTCOMES[e.key]) {
        e.preventDefault();
        state.log.outcome = OUTCOMES[e.key][0];
        state.log.rung = '';
        renderLog(ladderFor(state.log.outcome, state.log.contact).length ? 'rungs' : 'note');
        return;
      }
      // Any other character starts the note: nothing typed is lost.
      e.preventDefault();
      state.log.note = (state.log.note || '') + e.key;
      const note = document.getElementById('log-note');
      note.value = state.log.note;
      note.focus();
      return;
    }
    if (typing || (t && t.closest && t.closest('details, .logbar') && e.key.length === 1 && !OUTCOMES[e.key])) return;
    if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); select(state.sel + 1, true); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); select(state.sel - 1, true); }
    else if (e.key === 'd' && !e.shiftKey) { e.preventDefault(); startTimer(); }
    else if (OUTCOMES[e.key] && !e.shiftKey) { e.preventDefault(); openLog(e.key); }
  }
  document.addEventListener('keydown', onKey);

  (async () => {
    try {
      const planUrl = day ? `/api/plan?date=${encodeURIComponent(day)}` : '/api/plan';
      const [plan, settings] = await Promise.all([get(planUrl), get('/api/settings')]);
      state.plan = plan;
      state.settings = settings;
      // What the server says was done that day: the progress survives a reload.
      state.doneList = (plan.done || []).slice();
      for (const a of state.doneList) state.done.set(a.contact_id, a);
      renderHead();
      renderSheet();
      const firstAhead = calls().findIndex((c) => Date.parse(c.slot) / 1000 >= plan.now && !state.done.has(c.contact_id));
      const firstOpen = calls().findIndex((c) => !state.done.has(c.contact_id));
      select(firstAhead >= 0 ? firstAhead : firstOpen >= 0 ? firstOpen : 0, false);
      main.dataset.ready = 'today';
    } catch (ex) {
      briefEl.setAttribute('aria-busy', 'false');
      mount(briefEl, errorBox(ex));
      mount(sheetEl, h('li', { class: 'muted', id: 'sheet-empty' }, 'The sheet could not be loaded. ',
        h('a', { href: location.hash || '#/today', onclick: () => location.reload() }, 'Try again')));
    }
  })();

  return () => { document.removeEventListener('keydown', onKey); clearInterval(ticker); };
}
