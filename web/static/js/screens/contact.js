import { h, mount, field, announce, errorBox, fmtDate, roleText } from '../dom.js';
import { get, post, patch, del } from '../api.js';

const nice = (c) => String(c || '').replace(/_/g, ' ');

// A small inline form: fields = [[name, label, kind, extra]]; submit(values) returns a promise.
function inlineForm(id, fields, buttonText, submit) {
  const inputs = {};
  const msg = h('div', { class: 'inline-msg', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', id },
    fields.map(([name, label, kind = 'text', extra = {}]) => {
      const f = field(label, { name, ...extra }, kind, extra.options || []);
      inputs[name] = f.input;
      return f;
    }),
    h('button', { type: 'submit' }, buttonText), msg);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = {};
    for (const [k, el] of Object.entries(inputs)) values[k] = el.type === 'checkbox' ? el.checked : el.value.trim();
    try { await submit(values); } catch (ex) { mount(msg, errorBox(ex)); }
  });
  return form;
}

export function renderContact(main, idText) {
  const id = Number(idText);
  const body = h('div', { id: 'contact-body' }, h('p', { class: 'muted' }, 'Loading…'));
  mount(main, body);
  if (!Number.isInteger(id) || id <= 0) { mount(body, errorBox({ message: 'No such contact.' })); return; }

  // After a change the screen is drawn again from the server; what the rep was typing in
  // the other forms is carried over (the form that was just sent starts empty).
  async function act(promise, text) {
    const sent = document.activeElement && document.activeElement.closest('form');
    await promise;
    announce(text);
    const drafts = [];
    body.querySelectorAll('form[id] input, form[id] select, form[id] textarea').forEach((el) => {
      const form = el.closest('form');
      if (form !== sent && el.name && el.value !== el.defaultValue) drafts.push([form.id, el.name, el.value]);
    });
    await load();
    for (const [formId, name, value] of drafts) {
      const el = body.querySelector(`form#${formId} [name="${name}"]`);
      if (el) el.value = value;
    }
  }

  function section(title, count, items, form) {
    return h('section', { class: 'card mem-section' },
      h('h2', null, title, h('span', { class: 'badge' }, String(count))),
      items.length ? h('div', null, items) : h('p', { class: 'muted small' }, 'None yet.'),
      form);
  }

  function render(m) {
    const phone = (m.phones || [])[0];
    const hot = field('Hot button', { id: 'hot-input', name: 'hot_button', value: m.hot_button || '' });
    const hotMsg = h('span', { class: 'small', 'aria-live': 'polite' });
    const hotForm = h('form', { class: 'row', id: 'hot-form' }, hot, h('button', { type: 'submit' }, 'Save hot button'), hotMsg);
    hotForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (m.hot_button && !hot.input.value.trim() &&
          !window.confirm(`Clear the hot button "${m.hot_button}"? Briefs will no longer point at it.`)) return;
      try {
        await patch(`/api/contacts/${id}`, { hot_button: hot.input.value.trim() });
        mount(hotMsg, h('span', { class: 'saved' }, '✓ Saved'));
        announce('Hot button saved');
      } catch (ex) { mount(hotMsg, errorBox(ex)); }
    });

    const threads = (m.threads || []).map((t) => h('div', { class: 'mem-item' },
      h('div', { class: 'text' }, h('span', { class: 'badge' }, t.kind), ' ', h('strong', null, t.topic),
        t.detail ? h('span', { class: 'muted' }, ` — ${t.detail}`) : null,
        h('div', { class: 'small muted' }, `mentioned ${t.mentioned_on || ''}${t.open ? '' : ' · closed'}`)),
      h('button', { type: 'button', class: 'small', onclick: () => act(patch(`/api/threads/${t.id}`, { open: !t.open }), t.open ? 'Thread closed' : 'Thread reopened') },
        t.open ? 'Close' : 'Reopen')));
    const objections = (m.objections || []).map((o) => h('div', { class: 'mem-item' },
      h('div', { class: 'text' }, h('strong', null, nice(o.code)), o.detail ? ` — ${o.detail}` : '',
        h('div', { class: 'small muted' }, `${o.recorded_on || ''} · ${o.status}${o.answered_by_change_id ? ` by change #${o.answered_by_change_id}` : ''}`)),
      o.status === 'open' ? h('button', { type: 'button', class: 'small', onclick: () => act(post(`/api/objections/${o.id}/answer`, {}), 'Objection answered') }, 'Answered') : null));
    const materials = (m.materials || []).map((x) => h('div', { class: 'mem-item' },
      h('div', { class: 'text' }, h('strong', null, x.title), h('span', { class: 'muted small' }, ` sent ${x.sent_on || '—'}`),
        h('ul', { class: 'small' }, (x.pointers || []).map((p) => h('li', null, `${p.location} → ${p.hot_button}`))),
        inlineForm(`pointer-form-${x.id}`, [['location', 'Page or place'], ['hot_button', 'Serves hot button']], 'Add pointer',
          (v) => act(post(`/api/materials/${x.id}/pointers`, v), 'Pointer added')))));
    const commitments = (m.commitments || []).map((x) => h('div', { class: 'mem-item' },
      h('div', { class: 'text' }, h('span', { class: ['badge', x.status === 'open' ? 'warn' : x.status === 'kept' ? 'ok' : 'bad'] }, x.status), ' ',
        h('strong', null, x.owner === 'contact' ? 'They' : 'You'), ` will ${x.what}`,
        h('div', { class: 'small muted' }, x.due_on ? `due ${x.due_on}` : 'no due date')),
      x.status === 'open' ? h('span', { class: 'row' },
        h('button', { type: 'button', class: 'small', onclick: () => act(patch(`/api/commitments/${x.id}`, { status: 'kept' }), 'Marked kept') }, 'Kept'),
        h('button', { type: 'button', class: 'small', onclick: () => act(patch(`/api/commitments/${x.id}`, { status: 'broken' }), 'Marked broken') }, 'Broken')) : null));
    const referrals = (m.referrals || []).map((r) => h('div', { class: 'mem-item' },
      h('div', { class: 'text' }, `Referred by ${r.referrer_name || 'a contact'}`,
        h('div', { class: 'small muted' }, r.introduced ? `introduced ${r.introduced_on || ''}` : 'not introduced yet')),
      r.introduced ? null : h('button', { type: 'button', class: 'small', onclick: () => act(post(`/api/referrals/${r.id}/introduced`, {}), 'Marked introduced') }, 'Introduced')));
    const appointments = (m.appointments || []).map((a) => h('div', { class: 'mem-item' },
      h('div', { class: 'text' }, h('strong', null, fmtDate(a.starts_at, m.timezone)), ` · ${a.duration_minutes} min · ${a.place || ''}`,
        h('div', { class: 'small muted' }, `${a.status}${a.is_callback ? ' · callback' : ''}`)),
      a.status === 'proposed' ? h('button', { type: 'button', class: 'small', onclick: () => act(patch(`/api/appointments/${a.id}`, { status: 'confirmed' }), 'Appointment confirmed') }, 'Confirm') : null));

    const history = (m.history || []).slice().reverse();
    mount(body,
      h('div', { class: 'page-head' },
        h('h1', { id: 'contact-name' }, m.name),
        h('span', { class: 'muted' }, [m.title, m.account ? m.account.name : '', `${nice(m.stage)} · ${roleText(m.role)}`].filter(Boolean).join(' · ')),
        phone ? h('a', { class: 'phone', href: `tel:${phone.e164}` }, phone.display || phone.e164)
          : h('span', { class: 'badge warn', id: 'no-phone', title: 'Add one in Details: nextcall plans no call without a number' }, 'no phone number'),
        m.do_not_call ? h('span', { class: 'badge bad' }, 'do not call') : null),
      h('div', { class: 'contact-grid' },
        h('div', { class: 'stack' },
          h('datalist', { id: 'objection-codes' }, codes.map((c) => h('option', { value: c }))),
          detailsCard(m),
          callCard(m),
          h('section', { class: 'card' }, h('h2', null, 'Hot button'), hotForm),
          section('Threads', (m.threads || []).length, threads,
            inlineForm('thread-form', [['topic', 'Topic', 'text', { required: true }], ['kind', 'Kind', 'select', { options: [['business', 'business'], ['personal', 'personal']] }], ['detail', 'Detail']],
              'Add thread', (v) => act(post(`/api/contacts/${id}/threads`, v), 'Thread added'))),
          section('Commitments', (m.commitments || []).length, commitments,
            inlineForm('commitment-form', [['owner', 'Who', 'select', { options: [['rep', 'I will'], ['contact', 'They will']] }], ['what', 'What', 'text', { required: true }], ['due_on', 'Due', 'date']],
              'Add commitment', (v) => act(post(`/api/contacts/${id}/commitments`, { owner: v.owner, what: v.what, ...(v.due_on ? { due_on: v.due_on } : {}) }), 'Commitment added'))),
          section('Objections', (m.objections || []).length, objections,
            inlineForm('objection-form', [['code', 'Code (e.g. min_order_size)', 'text', { required: true, list: 'objection-codes' }], ['detail', 'Detail']],
              'Add objection', (v) => act(post(`/api/contacts/${id}/objections`, v), 'Objection added'))),
          section('Materials and pointers', (m.materials || []).length, materials,
            inlineForm('material-form', [['title', 'Title', 'text', { required: true }], ['sent_on', 'Sent on', 'date']],
              'Add material', (v) => act(post(`/api/contacts/${id}/materials`, { title: v.title, ...(v.sent_on ? { sent_on: v.sent_on } : {}) }), 'Material added'))),
          section('Referrals', (m.referrals || []).length, referrals,
            inlineForm('referral-form', [['referrer', 'Referred by', 'text', { required: true }]],
              'Add referral', (v) => act(post(`/api/contacts/${id}/referrals`, v), 'Referral added'))),
          section('Appointments', (m.appointments || []).length, appointments,
            inlineForm('appointment-form', [['starts_at', 'Starts (their time)', 'datetime-local', { required: true }], ['duration_minutes', 'Minutes', 'number', { value: '30', min: '5' }], ['place', 'Place']],
              'Add appointment', (v) => act(post(`/api/contacts/${id}/appointments`, { starts_at: v.starts_at.replace('T', ' '), duration_minutes: Number(v.duration_minutes) || 30, place: v.place }), 'Appointment added')))),
        h('section', { class: 'card', 'aria-labelledby': 'hist-h' },
          h('h2', { id: 'hist-h' }, 'History'),
          history.length ? h('ol', { class: 'timeline', id: 'timeline' }, history.map((x) => h('li', null,
            h('span', { class: 'when' }, fmtDate(x.when, m.timezone)), h('span', { class: 'badge kind' }, nice(x.kind)),
            h('div', { class: 'text' }, x.text)))) : h('p', { class: 'muted' }, 'No history yet.'))));
    main.dataset.ready = 'contact';
  }

  // Every field of the contact in one form; only what changed is sent (PATCH).
  function detailsCard(m) {
    const ownerOptions = [['', 'Nobody']].concat(users.map((u) => [String(u.id), u.name || u.email]));
    const fields = [
      ['first_name', 'First name', 'text', m.first_name],
      ['last_name', 'Last name', 'text', m.last_name],
      ['title', 'Title', 'text', m.title],
      ['email', 'E-mail', 'text', m.email], // text: the browser's e-mail check refuses addresses stored with accents
      ['phones', 'Phones (comma between)', 'text', (m.phones || []).map((p) => p.e164).join(', ')],
      ['role', 'Role', 'select', m.role, [['unknown', 'not known yet'], ['decision_maker', 'decision maker'], ['influencer', 'influencer'], ['gatekeeper', 'gatekeeper']]],
      ['stage', 'Stage', 'select', m.stage, [['prospect', 'prospect'], ['customer', 'customer']]],
      ['timezone', 'Time zone (e.g. America/Chicago)', 'text', m.timezone || ''],
      ['cadence', 'Cadence (none, weekly, every 10 days…)', 'text', m.cadence || 'none'],
      ['owner', 'Owner', 'select', m.owner_id ? String(m.owner_id) : '', ownerOptions],
    ];
    const inputs = {};
    const msg = h('div', { class: 'inline-msg', 'aria-live': 'polite' });
    const form = h('form', { class: 'inline-form details-form', id: 'details-form' },
      fields.map(([name, label, kind, value, options]) => {
        const f = field(label, { name, value, id: `edit-${name}` }, kind, options || []);
        inputs[name] = [f.input, String(value ?? '')];
        return f;
      }),
      h('button', { type: 'submit' }, 'Save details'), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const changed = {};
      for (const [name, [el, was]] of Object.entries(inputs)) {
        const now = el.value.trim();
        if (now === was) continue;
        changed[name] = name === 'phones' ? now.split(',').map((x) => x.trim()).filter(Boolean) : now;
      }
      if (!Object.keys(changed).length) { mount(msg, h('span', { class: 'muted small' }, 'Nothing changed.')); return; }
      try { await act(patch(`/api/contacts/${id}`, changed), 'Details saved'); } catch (ex) { mount(msg, errorBox(ex)); }
    });
    return h('section', { class: 'card' }, h('h2', null, 'Details'), form);
  }

  // Do-not-call (with a reason), snooze, and a call logged from here.
  function callCard(m) {
    const today = new Date().toLocaleDateString('en-CA');
    const dnc = m.do_not_call
      ? h('div', { id: 'dnc-state' }, h('p', null, h('span', { class: 'badge bad' }, 'do not call'),
          ` since ${m.do_not_call_since || '—'}${m.do_not_call_reason ? `: ${m.do_not_call_reason}` : ''}`),
        inlineForm('dnc-form', [['reason', 'Why it is cleared']], 'Clear do-not-call',
          (v) => act(post(`/api/contacts/${id}/do-not-call`, { on: false, reason: v.reason }), 'Do-not-call cleared')))
      : inlineForm('dnc-form', [['reason', 'Reason (e.g. asked not to be called)', 'text', { required: true }]], 'Set do-not-call',
        (v) => act(post(`/api/contacts/${id}/do-not-call`, { on: true, reason: v.reason }), 'Do-not-call set'));
    const snooze = inlineForm('snooze-form', [['until', 'Snooze until', 'date', { required: true, min: today }], ['why', 'Why']], 'Snooze',
      (v) => {
        if (v.until < today) throw new Error(`${v.until} is in the past: pick today or a later date.`);
        return act(post(`/api/contacts/${id}/snooze`, v), `Snoozed until ${v.until}`);
      });
    const log = inlineForm('log-form', [
      ['outcome', 'Outcome', 'select', { options: [['connected', 'connected'], ['voicemail', 'voicemail'], ['gatekeeper', 'gatekeeper'], ['no_answer', 'no answer'], ['wrong_number', 'wrong number']] }],
      ['note', 'Note'],
      ['next_on', 'Next call on', 'date', { min: today }]], 'Log call',
    (v) => {
      if (v.next_on && v.next_on < today) throw new Error(`Next call on ${v.next_on} is in the past: pick today or a later date.`);
      return act(post(`/api/contacts/${id}/calls`, { outcome: v.outcome, note: v.note, ...(v.next_on ? { next_on: v.next_on } : {}) }), 'Call logged');
    });
    const snoozed = m.snoozed_until && m.snoozed_until >= today
      ? h('p', { class: 'small' }, `Snoozed until ${m.snoozed_until}${m.snooze_reason ? ` (${m.snooze_reason})` : ''}`) : null;
    // On today's calls by hand (the planner keeps it there until a call is logged).
    const queued = m.queued
      ? h('div', { class: 'row', id: 'queue-state' }, h('span', { class: 'badge accent' }, "on today's calls"),
        h('span', { class: 'small muted' }, `${m.queued.priority} priority, added ${fmtDate(m.queued.added_at)}`),
        h('button', { type: 'button', class: 'small', id: 'queue-remove',
          onclick: () => act(del(`/api/queue/${id}`), "Taken off today's calls").catch((ex) => mount(body, errorBox(ex))) }, 'Take off'))
      : m.do_not_call ? null
        : inlineForm('queue-form', [['priority', 'Priority', 'select', { options: [['normal', 'normal'], ['high', 'high'], ['top', 'top: call first']] }]],
          "Add to today's calls", async (v) => {
            const done = await post('/api/queue', { contact_ids: [Number(id)], priority: v.priority });
            if (!(done.added || []).length) throw new Error(`Not added: ${((done.skipped || [])[0] || {}).why || 'see the contact'}.`);
            return act(Promise.resolve(), "Added to today's calls");
          });
    return h('section', { class: 'card', id: 'call-card' }, h('h2', null, 'Call, snooze, do-not-call'), queued, log, snoozed, snooze, dnc);
  }

  let users = [];
  let codes = [];
  async function load() {
    try {
      const [m, u, st] = await Promise.all([get(`/api/contacts/${id}`), users.length ? users : get('/api/users').catch(() => []),
        codes.length ? { objection_codes: codes } : get('/api/settings').catch(() => ({}))]);
      users = u || [];
      codes = (st && st.objection_codes) || [];
      render(m);
    } catch (ex) { mount(body, errorBox(ex)); }
  }
  load();
}
