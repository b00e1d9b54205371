import { h, mount, clear, field, announce, errorBox, fmtDate } from '../dom.js';
import { get, post } from '../api.js';

const KINDS = [['new_policy', 'New policy'], ['new_regime', 'New regime'], ['new_capability', 'New capability'], ['industry_news', 'Industry news']];
const list = (v) => v.split(',').map((x) => x.trim()).filter(Boolean);

function recallView(change) {
  const rows = change.recall || [];
  return h('div', { class: 'recall', id: `recall-${change.id}` },
    h('h3', null, `Recall list for “${change.title}” (${rows.length})`),
    rows.length ? h('ul', { class: 'plain recall-list' }, rows.map((r) => {
      const c = r.contact || {};
      const reason = r.reason ? (r.reason.text || r.reason.sentence || r.reason) : '';
      return h('li', null,
        h('div', null, h('a', { href: `#/contact/${c.id}` }, c.name || `contact ${c.id}`),
          h('span', { class: 'muted' }, ` · ${r.company || (c.account && c.account.name) || ''}`)),
        h('div', { class: 'small' }, r.why),
        reason ? h('div', { class: 'small quote' }, 'Drafted reason: ', typeof reason === 'string' ? reason : JSON.stringify(reason)) : null);
    })) : h('p', { class: 'muted' }, 'Nobody to recall for this change.'));
}

export function renderChanges(main) {
  const kind = field('Kind', { id: 'change-kind', name: 'kind' }, 'select', KINDS);
  const title = field('Title', { id: 'change-title', name: 'title', required: true });
  const desc = field('Description', { id: 'change-desc', name: 'description' }, 'textarea');
  const resolves = field('Resolves objections (comma-separated, e.g. min_order_size:>=50)', { id: 'change-resolves', name: 'resolves' });
  const serves = field('Serves hot buttons (comma-separated)', { id: 'change-serves', name: 'serves' });
  const msg = h('div', { id: 'change-msg', 'aria-live': 'polite' });
  const result = h('div', { id: 'change-result' });
  const form = h('form', { class: 'card', id: 'change-form' }, h('h2', null, 'Enter a change'), kind, title, desc, resolves, serves, msg,
    h('button', { type: 'submit', class: 'primary' }, 'Save change and find who to call'));
  const listEl = h('ul', { class: 'plain', id: 'change-list' });
  const detail = h('div', { id: 'change-detail', 'aria-live': 'polite' });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    mount(msg);
    try {
      const ch = await post('/api/changes', {
        kind: kind.input.value, title: title.input.value, description: desc.input.value,
        resolves: list(resolves.input.value), serves: list(serves.input.value),
      });
      mount(msg, h('p', { class: 'notice' }, `Saved. ${ch.recall.length} contact${ch.recall.length === 1 ? '' : 's'} to recall.`));
      announce('Change saved');
      mount(result, h('div', { class: 'card' }, recallView(ch)));
      form.reset();
      load();
    } catch (ex) { mount(msg, errorBox(ex)); }
  });

  async function show(id) {
    mount(detail, h('p', { class: 'muted' }, 'Loading…'));
    try { mount(detail, recallView(await get(`/api/changes/${id}/recall`))); } catch (ex) { mount(detail, errorBox(ex)); }
  }

  async function load() {
    try {
      const all = await get('/api/changes');
      clear(listEl);
      if (!all.length) listEl.appendChild(h('li', { class: 'muted' }, 'No changes yet.'));
      for (const c of all.slice().reverse()) {
        listEl.appendChild(h('li', null,
          h('button', { type: 'button', class: 'link', onclick: () => show(c.id) }, c.title),
          h('span', { class: 'badge' }, c.kind.replace(/_/g, ' ')),
          h('div', { class: 'small muted' }, [fmtDate(c.effective_on || c.created_at),
            (c.resolves || []).map((r) => `${r.code}${r.condition ? ` ${r.condition}` : ''}`).join(', ')].filter(Boolean).join(' · '))));
      }
    } catch (ex) { mount(listEl, h('li', null, errorBox(ex))); }
  }

  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Changes'),
      h('p', { class: 'muted' }, 'A change is a reason to call back everyone it helps. Recalled contacts appear on the plan with the drafted reason.')),
    h('div', { class: 'grid2' },
      h('div', { class: 'stack' }, form, result),
      h('section', { class: 'card', 'aria-labelledby': 'ch-h' }, h('h2', { id: 'ch-h' }, 'All changes'), listEl, detail)));
  load();
  main.dataset.ready = 'changes';
}
