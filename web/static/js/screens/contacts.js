import { h, mount, field, announce, errorBox, fmtDate } from '../dom.js';
import { get, post } from '../api.js';

// The Contacts screen: search, filters, sortable columns and pages, all answered by the
// server (GET /api/contacts?with_total=1), so that it stays quick on a large book.
// The state lives in the address (#/contacts?q=…&stage=…), so a filtered list can be
// linked to and survives a reload. Contacts ticked (or every one the filter finds) go on
// their owners' calls at a priority: "Add to today's calls" (POST /api/queue).

const PAGE = 50;
const MAX_AT_ONCE = 500; // the server's limit for one "add to today's calls"
const PRIORITIES = [['normal', 'Normal: with the follow-ups'], ['high', 'High: with the callbacks'], ['top', 'Top: before every other call']];
const SORTABLE = [['name', 'Name'], ['company', 'Company'], ['stage', 'Stage']];

function readState(query) {
  const p = new URLSearchParams(query || '');
  return {
    q: p.get('q') || '',
    stage: p.get('stage') || '',
    owner: p.get('owner') || '',
    do_not_call: p.get('do_not_call') || '',
    never_called: p.get('never_called') === '1',
    due: p.get('due') === '1',
    missing_timezone: p.get('missing_timezone') === '1',
    import: p.get('import') || '',
    sort: p.get('sort') || 'name',
    order: p.get('order') === 'desc' ? 'desc' : 'asc',
    offset: Math.max(0, Number(p.get('offset')) || 0),
  };
}

function toQuery(st) {
  const p = new URLSearchParams();
  if (st.q) p.set('q', st.q);
  if (st.stage) p.set('stage', st.stage);
  if (st.owner) p.set('owner', st.owner);
  if (st.do_not_call) p.set('do_not_call', st.do_not_call);
  if (st.never_called) p.set('never_called', '1');
  if (st.due) p.set('due', '1');
  if (st.missing_timezone) p.set('missing_timezone', '1');
  if (st.import) p.set('import', st.import);
  if (st.sort !== 'name') p.set('sort', st.sort);
  if (st.order === 'desc') p.set('order', 'desc');
  if (st.offset) p.set('offset', String(st.offset));
  return p.toString();
}

export function renderContacts(main, query) {
  const st = readState(query);
  const results = h('div', { id: 'contacts-results', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const heading = h('div', { id: 'contacts-heading' });
  const queueMsg = h('div', { id: 'queue-result', 'aria-live': 'polite' });
  const selected = new Map(); // id -> name, across pages, until the filter changes
  let seq = 0;
  let lastPage = null;

  // The address follows the state without drawing the screen again (the search box keeps
  // its focus while the rep types).
  function remember() {
    const q = toQuery(st);
    history.replaceState(null, '', `#/contacts${q ? `?${q}` : ''}`);
  }

  async function load() {
    const mine = ++seq;
    if (toQuery({ ...st, offset: 0 }) !== filterKey) { selected.clear(); filterKey = toQuery({ ...st, offset: 0 }); }
    remember();
    const p = new URLSearchParams(toQuery(st));
    p.set('sort', st.sort);
    p.set('limit', String(PAGE));
    p.set('with_total', '1');
    try {
      const page = await get(`/api/contacts?${p}`);
      if (mine !== seq) return; // a newer search answered first
      draw(page);
    } catch (ex) {
      if (mine === seq) mount(results, errorBox(ex));
    }
  }

  function sortHeader(key, label) {
    const on = st.sort === key;
    const next = on && st.order === 'asc' ? 'desc' : 'asc';
    return h('th', { 'aria-sort': on ? (st.order === 'asc' ? 'ascending' : 'descending') : 'none', scope: 'col', class: key === 'company' ? 'hide-phone' : null },
      h('button', { type: 'button', class: 'link sort', 'data-sort': key,
        onclick: () => { st.sort = key; st.order = next; st.offset = 0; load(); } },
      label, on ? (st.order === 'asc' ? ' ▲' : ' ▼') : ''));
  }

  // "Add to today's calls" for the ticked contacts, or for every one the filter finds.
  async function addToCalls(matching) {
    const priority = prioritySelect.input.value;
    try {
      const done = matching
        ? await post(`/api/queue?${toQuery({ ...st, offset: 0 })}`, { matching: true, priority })
        : await post('/api/queue', { contact_ids: [...selected.keys()], priority });
      const added = done.added || [];
      const skipped = done.skipped || [];
      mount(queueMsg, h('div', { class: 'card stack', id: 'queue-report' },
        h('p', { class: added.length ? 'notice' : 'error' },
          added.length ? `Added ${added.length} to today's calls.` : 'Nothing was added.',
          added.length ? h('a', { href: '#/today', id: 'queue-open-today' }, ' Open today\'s calls →') : null),
        skipped.length ? h('div', null, h('p', { class: 'small' }, `Left out ${skipped.length}:`),
          h('ul', { class: 'small', id: 'queue-skipped' }, skipped.map((x) => h('li', null, h('a', { href: `#/contact/${x.contact_id}` }, x.name), ` — ${x.why}`)))) : null));
      announce(added.length ? `Added ${added.length} to today's calls` : 'Nothing was added');
      selected.clear();
      load();
    } catch (ex) { mount(queueMsg, errorBox(ex)); }
  }

  function queueBar(total) {
    const n = selected.size;
    return h('div', { class: 'row queue-bar', id: 'queue-bar' },
      h('span', { id: 'queue-selected' }, n ? `${n} selected` : 'Tick contacts to call them today'),
      prioritySelect,
      h('button', { type: 'button', class: 'primary', id: 'queue-add', disabled: !n, onclick: () => addToCalls(false) },
        n ? `Add ${n} to today's calls` : "Add to today's calls"),
      total > 0 && total <= MAX_AT_ONCE
        ? h('button', { type: 'button', id: 'queue-add-all', onclick: () => addToCalls(true) }, `Add all ${total} matching`)
        : null);
  }

  function draw(page) {
    lastPage = page;
    const rows = page.contacts || [];
    const total = page.total || 0;
    const from = total ? st.offset + 1 : 0;
    const to = st.offset + rows.length;
    const phone = (c) => ((c.phones || [])[0] || {});
    const tick = (c) => {
      const box = h('input', { type: 'checkbox', class: 'pick', 'aria-label': `Select ${c.name || 'contact'}`, checked: selected.has(c.id) });
      box.addEventListener('change', () => { if (box.checked) selected.set(c.id, c.name); else selected.delete(c.id); redrawBar(); });
      return box;
    };
    const all = h('input', { type: 'checkbox', id: 'contacts-pick-page', 'aria-label': 'Select this page',
      checked: rows.length > 0 && rows.every((c) => selected.has(c.id)) });
    all.addEventListener('change', () => {
      for (const c of rows) { if (all.checked) selected.set(c.id, c.name); else selected.delete(c.id); }
      draw(page);
    });
    const table = h('table', { class: 'contacts-table', id: 'contacts-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', class: 'pick' }, all),
        SORTABLE.slice(0, 2).map(([k, l]) => sortHeader(k, l)),
        h('th', { scope: 'col' }, 'Phone'),
        h('th', { scope: 'col', class: 'hide-narrow' }, 'E-mail'),
        sortHeader('stage', 'Stage'),
        h('th', { scope: 'col', class: 'hide-narrow' }, 'Owner'),
        h('th', { scope: 'col', class: 'hide-narrow' }, 'Time zone'))),
      h('tbody', null, rows.map((c) => h('tr', { 'data-id': String(c.id) },
        h('td', { class: 'pick' }, tick(c)),
        h('td', null, h('a', { href: `#/contact/${c.id}` }, c.name || '(no name)'),
          c.do_not_call ? h('span', { class: 'badge bad', title: c.do_not_call_reason || '' }, ' do not call') : null,
          c.queued ? h('span', { class: 'badge accent queued', title: `added ${fmtDate(c.queued.added_at)}, ${c.queued.priority} priority` }, "on today's calls") : null,
          c.title ? h('div', { class: 'small muted' }, c.title) : null,
          // On a phone the company goes under the name, so the table fits the screen.
          c.company ? h('div', { class: 'small muted only-phone' }, c.company) : null),
        h('td', { class: 'hide-phone' }, c.company || ''),
        h('td', { class: 'nowrap' }, phone(c).display || phone(c).e164 || h('span', { class: 'muted' }, 'none')),
        h('td', { class: 'hide-narrow' }, c.email || ''),
        h('td', null, (c.stage || '').replace(/_/g, ' ')),
        h('td', { class: 'hide-narrow' }, c.owner || ''),
        h('td', { class: 'hide-narrow' }, c.timezone || h('span', { class: 'badge warn' }, 'unknown'))))));
    const pager = h('div', { class: 'pager row' },
      h('span', { id: 'contacts-count' }, total ? `${from}–${to} of ${total.toLocaleString('en-US')}` : 'No contacts match.'),
      h('button', { type: 'button', id: 'contacts-prev', disabled: st.offset === 0,
        onclick: () => { st.offset = Math.max(0, st.offset - PAGE); load(); } }, '← Previous'),
      h('button', { type: 'button', id: 'contacts-next', disabled: to >= total,
        onclick: () => { st.offset += PAGE; load(); } }, 'Next →'));
    const batch = page.import;
    mount(heading, batch ? h('p', { id: 'contacts-import', class: 'notice' },
      `Imported from ${batch.file_name} on ${fmtDate(batch.created_at)}${batch.by ? ` by ${batch.by}` : ''}: ${batch.contacts_added} contact${batch.contacts_added === 1 ? '' : 's'} added.`) : null);
    mount(results, rows.length ? queueBar(total) : null, rows.length ? h('div', { class: 'table-scroll' }, table) : null, pager);
    main.dataset.ready = 'contacts';
    announce(total ? `${total} contacts` : 'No contacts match');
  }

  let filterKey = null;
  const prioritySelect = field('Priority', { id: 'queue-priority' }, 'select', PRIORITIES);
  function redrawBar() {
    const bar = results.querySelector('#queue-bar');
    if (bar && lastPage) bar.replaceWith(queueBar(lastPage.total || 0));
  }

  const search = field('Search name, company, phone or e-mail', { id: 'contacts-q', type: 'search', value: st.q, autocomplete: 'off' });
  let timer = null;
  search.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { st.q = search.input.value.trim(); st.offset = 0; load(); }, 250);
  });
  search.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); st.q = search.input.value.trim(); st.offset = 0; load(); }
  });
  const select = (label, id, key, options) => {
    const f = field(label, { id, value: st[key] }, 'select', options);
    f.input.addEventListener('change', () => { st[key] = f.input.value; st.offset = 0; load(); });
    return f;
  };
  const check = (label, id, key) => {
    const box = h('input', { type: 'checkbox', id, checked: st[key] });
    box.addEventListener('change', () => { st[key] = box.checked; st.offset = 0; load(); });
    return h('label', { class: 'check', for: id }, box, ` ${label}`);
  };

  const importFilter = h('span', { id: 'contacts-import-slot' });
  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Contacts')),
    h('form', { class: 'card filters row', id: 'contacts-filters', role: 'search', onsubmit: (e) => e.preventDefault() },
      search,
      select('Stage', 'contacts-stage', 'stage', [['', 'Any stage'], ['prospect', 'Prospect'], ['customer', 'Customer']]),
      select('Owner', 'contacts-owner', 'owner', [['', 'Anyone'], ['me', 'Mine']]),
      select('Do not call', 'contacts-dnc', 'do_not_call', [['', 'Include'], ['0', 'Leave out'], ['1', 'Only these']]),
      check('Due today', 'contacts-due', 'due'),
      check('Never called', 'contacts-never', 'never_called'),
      check('Time zone unknown', 'contacts-nozone', 'missing_timezone'),
      importFilter),
    heading, queueMsg, results);
  load();
  // The import filter lists the workspace's imports, newest first.
  get('/api/imports').then((batches) => {
    const f = field('Import', { id: 'contacts-import-filter', value: st.import }, 'select',
      [['', 'Any import']].concat((batches || []).map((b) => [String(b.id), `${b.file_name}, ${fmtDate(b.created_at)} (${b.contacts_added})`])));
    f.input.value = st.import;
    f.input.addEventListener('change', () => { st.import = f.input.value; st.offset = 0; load(); });
    if ((batches || []).length || st.import) mount(importFilter, f);
  }).catch(() => {});
  return () => clearTimeout(timer);
}
