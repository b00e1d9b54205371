import { h, mount, clear, field, announce, errorBox, pct } from '../dom.js';
import { api, get } from '../api.js';

const nice = (c) => String(c || '').replace(/_/g, ' ');

export function renderCoach(main) {
  const file = field('Transcript (.txt, .json) or recording (.wav)', { id: 'coach-file', name: 'file', accept: '.txt,.json,.vtt,.srt,.wav,text/plain,audio/wav' }, 'file');
  const search = field('Contact (optional, needed to apply memory)', { id: 'coach-contact-q', name: 'q', placeholder: 'Type a name', autocomplete: 'off' }, 'search');
  const pick = field('Matching contacts', { id: 'coach-contact' }, 'select', [['', '— none —']]);
  const out = h('div', { id: 'coach-result', 'aria-live': 'polite' });
  let body = null;
  let name = '';
  let timer = null;
  search.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const list = await get(`/api/contacts?q=${encodeURIComponent(search.input.value)}&limit=20`);
        clear(pick.input).appendChild(h('option', { value: '' }, '— none —'));
        for (const c of list) pick.input.appendChild(h('option', { value: String(c.id) }, `${c.name}${c.title ? `, ${c.title}` : ''}`));
        if (list.length) pick.input.value = String(list[0].id);
      } catch { /* keep the old list */ }
    }, 250);
  });

  const form = h('form', { class: 'card', id: 'coach-form' }, h('h2', null, 'Upload a call'),
    file, h('div', { class: 'grid2' }, search, pick), h('button', { type: 'submit', class: 'primary' }, 'Coach this call'));

  async function send(apply, keep) {
    const q = new URLSearchParams({ name });
    if (pick.input.value) q.set('contact_id', pick.input.value);
    if (apply) { q.set('apply', 'true'); q.set('keep', keep.join(',')); }
    return api('POST', `/api/coach?${q}`, body, { contentType: name.endsWith('.wav') ? 'audio/wav' : 'text/plain' });
  }

  function show(r) {
    const byTurn = new Map();
    for (const f of r.findings || []) {
      if (f.turn === null || f.turn === undefined) continue;
      if (!byTurn.has(f.turn)) byTurn.set(f.turn, []);
      byTurn.get(f.turn).push(f);
    }
    const loose = (r.findings || []).filter((f) => f.turn === null || f.turn === undefined);
    const fig = r.figures || {};
    const mem = r.memory || {};
    const items = [];
    for (const t of mem.threads || []) items.push(`Thread: ${t.topic || t.text || JSON.stringify(t)}${t.detail ? ` — ${t.detail}` : ''}`);
    for (const c of mem.commitments || []) items.push(`Commitment (${c.owner || ''}): ${c.what || JSON.stringify(c)}${c.due_on ? `, due ${c.due_on}` : ''}`);
    if (mem.hot_button) items.push(`Hot button: ${typeof mem.hot_button === 'string' ? mem.hot_button : JSON.stringify(mem.hot_button)}`);
    for (const o of mem.objections || []) items.push(`Objection: ${o.code || ''}${o.detail ? ` — ${o.detail}` : ''}`);
    const boxes = items.map((t, i) => h('label', null, h('input', { type: 'checkbox', checked: true, dataset: { i } }), h('span', null, t)));
    const applyMsg = h('div', { 'aria-live': 'polite' });
    const apply = h('button', { type: 'button', class: 'primary', id: 'coach-apply', onclick: async () => {
      if (!pick.input.value) { mount(applyMsg, errorBox({ message: 'Pick the contact whose memory to update first.' })); return; }
      try {
        const keep = boxes.map((b) => (b.querySelector('input').checked ? 1 : 0));
        const res = await send(true, keep);
        mount(applyMsg, h('p', { class: 'notice' }, res.applied ? 'Applied to the contact’s memory.' : 'Nothing applied.'));
        announce('Memory applied');
      } catch (ex) { mount(applyMsg, errorBox(ex)); }
    } }, 'Apply ticked items');

    mount(out, h('div', { class: 'grid2' },
      h('section', { class: 'card', 'aria-labelledby': 'tr-h' }, h('h2', { id: 'tr-h' }, 'Transcript'),
        h('ol', { class: 'turns', id: 'coach-turns' }, (r.turns || []).map((t, i) => {
          const fs = byTurn.get(i) || [];
          return h('li', { class: ['turn', t.is_rep && 'rep', fs.length && 'flagged'] },
            h('span', { class: 'who-said' }, t.speaker), h('span', null, t.text),
            fs.map((f) => h('div', { class: 'finding' }, h('strong', null, nice(f.rule)), `: ${f.why}`, f.instead ? h('div', { class: 'muted' }, `Instead: ${f.instead}`) : null)));
        }))),
      h('div', { class: 'stack' },
        h('section', { class: 'card' }, h('h2', null, 'Figures'),
          fig.available === false ? h('p', { class: 'muted' }, 'No figures for this file.') :
            h('div', { class: 'tiles' },
              h('div', { class: 'tile' }, h('div', { class: 'big' }, pct(fig.rep_share)), h('div', { class: 'label' }, 'of the talking was yours')),
              h('div', { class: 'tile' }, h('div', { class: 'big' }, String(fig.rep_questions ?? '—')), h('div', { class: 'label' }, 'questions you asked')),
              h('div', { class: 'tile' }, h('div', { class: 'big' }, String(Math.round(fig.longest_monologue || 0))),
                h('div', { class: 'label' }, `${fig.by_time ? 'seconds' : 'words'}: longest monologue (${fig.longest_monologue_speaker || ''})`)))),
        loose.length ? h('section', { class: 'card' }, h('h2', null, 'Whole-call findings'),
          h('ul', { class: 'plain' }, loose.map((f) => h('li', null, h('strong', null, nice(f.rule)), `: ${f.why}`)))) : null,
        h('section', { class: 'card checks' }, h('h2', null, 'Memory from this call'),
          boxes.length ? [h('div', { id: 'coach-memory' }, boxes), apply, applyMsg] : h('p', { class: 'muted' }, 'Nothing to remember was found.')))));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.input.files[0];
    if (!f) { mount(out, errorBox({ message: 'Choose a file first.' })); return; }
    name = f.name;
    body = name.toLowerCase().endsWith('.wav') ? await f.arrayBuffer() : await f.text();
    try { show(await send(false)); announce('Coaching ready'); } catch (ex) { mount(out, errorBox(ex)); }
  });

  mount(main, h('div', { class: 'page-head' }, h('h1', null, 'Coach a call')), h('div', { class: 'stack' }, form, out));
  main.dataset.ready = 'coach';
}
