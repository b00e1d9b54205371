import { h, mount, clear, field, announce, errorBox, pct } from '../dom.js';
import { get, post, session } from '../api.js';

const CATEGORIES = ['you_first', 'new_policy', 'new_regime', 'new_capability', 'industry_news', 'new_you'];
const nice = (c) => String(c || '').replace(/_/g, ' ');
// The check's words for a person: no source references, no doubled full stops.
const words = (t) => {
  const x = String(t || '').replace(/\s*\(seed \d+\)/gi, '').replace(/[.\s]+$/, '');
  return x.charAt(0).toUpperCase() + x.slice(1);
};
const catOptions = (withAll) => [...(withAll ? [['', 'All categories']] : []), ...CATEGORIES.map((c) => [c, nice(c)])];

export function renderReasons(main) {
  let timer = null;
  let alive = true;
  const listEl = h('ul', { class: 'plain reason-list', id: 'reason-list', 'aria-live': 'polite' });
  const filter = field('Category', { id: 'reason-filter' }, 'select', catOptions(true));
  filter.input.addEventListener('change', loadReasons);

  // Add-a-reason form (value check, keep anyway).
  const text = field('Reason text', { id: 'reason-text', name: 'text', required: true }, 'textarea');
  const cat = field('Category', { id: 'reason-cat', name: 'category' }, 'select', catOptions(false));
  const addMsg = h('div', { id: 'reason-msg', 'aria-live': 'polite' });
  const addForm = h('form', { class: 'card', id: 'reason-form' }, h('h2', null, 'Add a reason'), text, cat, addMsg,
    h('button', { type: 'submit', class: 'primary' }, 'Add reason'));
  async function addReason(force) {
    mount(addMsg);
    try {
      const r = await post('/api/reasons', { text: text.input.value, category: cat.input.value, ...(force ? { force: true } : {}) });
      text.input.value = '';
      mount(addMsg, h('p', { class: 'notice' }, `Added reason #${r.id || (r.reason && r.reason.id) || ''}.`));
      announce('Reason added');
      loadReasons();
    } catch (ex) {
      if (ex.status === 400 && !force) showRefusal(ex);
      else mount(addMsg, errorBox(ex));
    }
  }
  // A refused reason: each problem in words with the advice for rewriting it, and "Keep
  // anyway". The structured list comes from the check route; the message of
  // the refusal is the fallback. Everything wraps: nothing here may widen the page.
  async function showRefusal(ex) {
    let problems = [];
    try { problems = (await post('/api/reasons/check', { text: text.input.value })).problems || []; } catch (_) { /* fallback below */ }
    if (!problems.length) { mount(addMsg, errorBox(ex)); return; }
    mount(addMsg, h('div', { class: 'error refusal', role: 'alert', id: 'reason-refusal' },
      h('p', null, problems.length === 1 ? 'The value check found a problem:' : `The value check found ${problems.length} problems:`),
      h('ul', { class: 'refusal-list' }, problems.map((p) => h('li', null,
        h('span', null, `${words(p.message)}. `),
        p.rewrite ? h('span', { class: 'rewrite' }, `Try this: ${words(p.rewrite)}.`) : null))),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'keep-anyway', onclick: () => addReason(true) }, 'Keep anyway'))));
  }
  addForm.addEventListener('submit', (e) => { e.preventDefault(); addReason(false); });

  // Retiring asks first and can be undone for a minute (the server allows it to the reason's
  // author or a manager, and says so to anyone else).
  const retireMsg = h('div', { id: 'retire-msg', 'aria-live': 'polite' });
  let undoTimer = null;
  async function retire(r) {
    if (!window.confirm(`Retire this reason? It leaves the plan and stays in the statistics.\n\n"${r.text}"`)) return;
    try {
      await post(`/api/reasons/${r.id}/retire`, {});
      announce('Reason retired');
      clearTimeout(undoTimer);
      mount(retireMsg, h('p', { class: 'notice row' }, h('span', null, 'Reason retired. '),
        h('button', { type: 'button', id: 'undo-retire', class: 'small', onclick: () => restore(r.id) }, 'Undo')));
      undoTimer = setTimeout(() => mount(retireMsg), 60000);
      loadReasons();
    } catch (ex) { mount(retireMsg, errorBox(ex)); }
  }
  async function restore(id) {
    clearTimeout(undoTimer);
    try {
      await post(`/api/reasons/${id}/restore`, {});
      mount(retireMsg, h('p', { class: 'notice' }, 'Reason restored.'));
      announce('Reason restored');
      loadReasons();
    } catch (ex) { mount(retireMsg, errorBox(ex)); }
  }

  async function closeRound(id) {
    try {
      const r = await post(`/api/brainstorm/rounds/${id}/close`, {});
      announce(`Round closed: ${r.added.length} reason${r.added.length === 1 ? '' : 's'} added to the library`);
      lastSig = '';
      loadReasons();
      loadBoard();
    } catch (ex) { announce(ex.message); }
  }

  const canRetire = (r) => {
    const u = session.user;
    return !!u && (u.role === 'manager' || u.role === 'admin' || (r.author_id != null && r.author_id === u.id));
  };

  async function loadReasons() {
    try {
      const q = filter.input.value ? `?category=${encodeURIComponent(filter.input.value)}` : '';
      const data = await get(`/api/reasons${q}`);
      clear(listEl);
      if (!data.reasons.length) listEl.appendChild(h('li', { class: 'muted' }, 'No reasons in this category.'));
      for (const r of data.reasons) {
        const st = r.stats || { attempts: 0, connects: 0, advances: 0 };
        listEl.appendChild(h('li', null,
          h('div', null, h('span', { class: 'badge accent' }, nice(r.category)), ' ', r.text),
          h('div', { class: 'stats' },
            h('span', null, `${st.attempts} attempts`),
            h('span', null, `${st.connects} connects (${st.attempts ? pct(st.connects / st.attempts) : '—'})`),
            h('span', null, `${st.advances} advances`),
            r.author_name ? h('span', null, `by ${r.author_name}`) : null,
            r.forced ? h('span', { class: 'badge warn' }, 'kept despite check') : null,
            canRetire(r) ? h('button', { type: 'button', class: 'small', 'aria-label': `Retire "${r.text.slice(0, 40)}"`,
              onclick: () => retire(r) }, 'Retire') : null)));
      }
    } catch (ex) { mount(listEl, h('li', null, errorBox(ex))); }
  }

  // Brainstorm.
  const boardEl = h('div', { id: 'brainstorm', 'aria-live': 'polite' });
  const subText = field('Your reason', { id: 'bs-text', name: 'text', required: true }, 'textarea');
  const subCat = field('Category', { id: 'bs-cat', name: 'category' }, 'select', catOptions(false));
  const subMsg = h('div', { id: 'bs-msg', 'aria-live': 'polite' });
  const subForm = h('form', { id: 'bs-form' }, subText, subCat, subMsg, h('button', { type: 'submit', class: 'primary' }, 'Submit to the round'));
  subForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    mount(subMsg);
    try {
      const r = await post('/api/brainstorm/submissions', { text: subText.input.value, category: subCat.input.value });
      subText.input.value = '';
      const probs = r.problems && r.problems.length ? ` The value check noted: ${r.problems.map((p) => p.message || p.code || p).join('; ')}` : '';
      mount(subMsg, h('p', { class: 'notice' }, `Submitted.${probs}`));
      announce('Submission added');
      loadBoard();
    } catch (ex) { mount(subMsg, errorBox(ex)); }
  });
  const roundTitle = field('Round title', { id: 'round-title', name: 'title', value: 'Reasons for this week' });
  const roundForm = h('form', { id: 'round-form', class: 'row' }, roundTitle, h('button', { type: 'submit' }, 'Start a round'));
  roundForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await post('/api/brainstorm/rounds', { title: roundTitle.input.value });
      announce('Round started');
      loadBoard();
    } catch (ex) { mount(boardEl, errorBox(ex)); }
  });

  let editing = false;
  subText.input.addEventListener('focus', () => { editing = true; });
  subText.input.addEventListener('blur', () => { editing = false; });

  async function score(id, value) {
    try {
      await post(`/api/brainstorm/submissions/${id}/score`, { score: value });
      announce(`Scored ${value}`);
      loadBoard();
    } catch (ex) { mount(boardEl, errorBox(ex)); }
  }

  async function loadBoard() {
    try {
      const data = await get('/api/brainstorm');
      if (!alive) return;
      const sig = JSON.stringify(data) + meName;
      if (sig === lastSig) return;
      lastSig = sig;
      const round = data.round;
      if (!round) {
        mount(boardEl, h('p', { class: 'muted' }, 'No brainstorm round yet.'), roundForm);
        subForm.hidden = true;
        return;
      }
      const board = data.board || { reasons: [], authors: [] };
      if (!round.open) {
        // The closed round's board stays in view: what was accepted into the library, by whom.
        subForm.hidden = true;
        mount(boardEl,
          h('h3', { id: 'round-h' }, `Round closed: ${round.title}`),
          h('div', { class: 'grid2' },
            h('div', null, h('h3', null, 'Submissions'),
              board.reasons.length ? h('ul', { class: 'plain', id: 'board-list' }, board.reasons.map((r) => h('li', { class: 'board-item' },
                h('div', null, h('div', { class: 'sub-text' }, r.text),
                  h('div', { class: 'stats' }, h('span', null, `by ${r.author}`),
                    h('span', null, r.votes ? `mean ${Number(r.mean).toFixed(1)} from ${r.votes} vote${r.votes === 1 ? '' : 's'}` : 'no votes'),
                    r.accepted ? h('span', { class: 'badge ok' }, 'added to the library') : h('span', { class: 'badge' }, 'not added'))))))
                : h('p', { class: 'muted' }, 'Nobody submitted a reason.')),
            h('div', null, h('h3', null, 'Final leaderboard'),
              board.authors.length ? h('ol', { class: 'plain', id: 'leaderboard' }, board.authors.map((a) => h('li', { class: 'leader' },
                h('span', null, a.author), h('span', { class: 'muted small' }, `${a.points} pts · ${a.submissions} submitted · ${a.accepted} accepted`))))
                : h('p', { class: 'muted' }, 'Nobody yet.'))),
          roundForm);
        return;
      }
      subForm.hidden = false;
      const mine = data.my_scores || {};
      const me = session_me(data);
      const manager = session.user && (session.user.role === 'manager' || session.user.role === 'admin');
      mount(boardEl,
        h('div', { class: 'row' }, h('h3', { id: 'round-h' }, `Round: ${round.title}`),
          manager ? h('button', { type: 'button', id: 'close-round', onclick: () => closeRound(round.id) },
            'Close round and add the accepted reasons') : null),
        h('div', { class: 'grid2' },
          h('div', null, h('h3', null, 'Submissions'),
            board.reasons.length ? h('div', { id: 'board-list' }, board.reasons.map((r) => h('div', { class: 'board-item', dataset: { submission: r.submission_id } },
              h('div', null, h('div', { class: 'sub-text' }, r.text),
                h('div', { class: 'stats' }, h('span', null, `by ${r.author}`),
                  h('span', null, r.votes ? `mean ${Number(r.mean).toFixed(1)} from ${r.votes} vote${r.votes === 1 ? '' : 's'}` : 'no votes yet'),
                  r.accepted ? h('span', { class: 'badge ok' }, 'accepted') : null)),
              r.author === me ? h('span', { class: 'small muted' }, 'yours')
                : h('div', { class: 'score-buttons', role: 'group', 'aria-label': `Score "${r.text.slice(0, 40)}"` },
                  [1, 2, 3, 4, 5].map((n) => h('button', { type: 'button', class: 'small', 'aria-pressed': mine[String(r.submission_id)] === n ? 'true' : 'false',
                    'aria-label': `Score ${n} of 5`, onclick: () => score(r.submission_id, n) }, String(n))))))) :
              h('p', { class: 'muted' }, 'No submissions yet: be the first.')),
          h('div', null, h('h3', null, 'Leaderboard'),
            board.authors.length ? h('ol', { class: 'plain', id: 'leaderboard' }, board.authors.map((a) => h('li', { class: 'leader' },
              h('span', null, a.author), h('span', { class: 'muted small' }, `${a.points} pts · ${a.submissions} submitted · ${a.accepted} accepted`))))
              : h('p', { class: 'muted' }, 'Nobody yet.'))));
    } catch (ex) { if (alive) mount(boardEl, errorBox(ex)); }
  }
  let meName = '';
  let lastSig = '';
  function session_me(data) {
    if (!meName && data.me !== undefined) {
      get('/api/users').then((us) => { const u = us.find((x) => x.id === data.me); if (u) { meName = u.name; } }).catch(() => {});
    }
    return meName;
  }

  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Reasons to call'),
      h('p', { class: 'muted' }, 'A reason is news that is valuable to them, not a check-in.')),
    h('div', { class: 'grid2' },
      h('section', { class: 'card', 'aria-labelledby': 'lib-h' }, h('h2', { id: 'lib-h' }, 'Library'), filter, retireMsg, listEl),
      h('div', { class: 'stack' }, addForm,
        h('section', { class: 'card', 'aria-labelledby': 'bs-h' },
          h('h2', { id: 'bs-h' }, 'Team brainstorm ', h('span', { class: 'badge' }, 'live')),
          boardEl, subForm))));
  loadReasons();
  get('/api/session').then((s) => { meName = s.user.name; loadBoard(); }).catch(() => loadBoard());
  timer = setInterval(() => { if (!editing) loadBoard(); }, 5000);
  main.dataset.ready = 'reasons';
  return () => { alive = false; clearInterval(timer); };
}
