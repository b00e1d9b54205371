import { h, mount, clear, field, announce, errorBox, pct } from '../dom.js';
import { get, post, session } from '../api.js';

const CATEGORIES = ['you_first', 'new_policy', 'new_regime', 'new_capability', 'industry_news', 'new_you'];
const nice = (c) => String(c || '').replace(/_/g, ' ');
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
      if (ex.status === 400 && !force) {
        mount(addMsg, h('div', { class: 'error', role: 'alert' },
          h('p', null, 'The value check found problems:'),
          h('pre', { class: 'problems' }, ex.message),
          h('button', { type: 'button', onclick: () => addReason(true) }, 'Keep anyway')));
      } else mount(addMsg, errorBox(ex));
    }
  }
  addForm.addEventListener('submit', (e) => { e.preventDefault(); addReason(false); });

  async function retire(id) {
    try {
      await post(`/api/reasons/${id}/retire`, {});
      announce('Reason retired: it stays in the statistics');
      loadReasons();
    } catch (ex) { announce(ex.message); }
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
            h('button', { type: 'button', class: 'small', 'aria-label': `Retire "${r.text.slice(0, 40)}"`,
              onclick: () => retire(r.id) }, 'Retire'))));
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
      if (!round || !round.open) {
        mount(boardEl, h('p', { class: 'muted' }, round ? `The last round "${round.title}" is closed.` : 'No brainstorm round yet.'),
          roundForm);
        subForm.hidden = true;
        return;
      }
      subForm.hidden = false;
      const board = data.board || { reasons: [], authors: [] };
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
      h('section', { class: 'card', 'aria-labelledby': 'lib-h' }, h('h2', { id: 'lib-h' }, 'Library'), filter, listEl),
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
