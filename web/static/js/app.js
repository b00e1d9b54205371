import { h, mount, clear, setHomeZone } from './dom.js';
import { get, del, session, setCsrf, setUnauthorizedHandler } from './api.js';
import { renderSignIn } from './screens/signin.js';
import { renderToday } from './screens/today.js';
import { renderContact } from './screens/contact.js';
import { renderContacts } from './screens/contacts.js';
import { renderReasons } from './screens/reasons.js';
import { renderChanges } from './screens/changes.js';
import { renderDashboard } from './screens/dashboard.js';
import { renderImport } from './screens/import.js';
import { renderCoach } from './screens/coach.js';
import { renderTeam } from './screens/team.js';

const NAV = [
  ['#/today', 'Today'],
  ['#/contacts', 'Contacts'],
  ['#/reasons', 'Reasons'],
  ['#/changes', 'Changes'],
  ['#/team', 'Team', 'manager'],
  ['#/dashboard', 'Dashboard'],
  ['#/import', 'Import'],
  ['#/coach', 'Coach'],
];

const main = document.getElementById('main');
const top = document.getElementById('top');
let cleanup = null;

function renderNav() {
  const route = location.hash.split('?')[0].split('/')[1] || 'today';
  top.hidden = false;
  mount(top,
    h('a', { class: 'brand', href: '#/today' }, 'nextcall'),
    h('nav', { 'aria-label': 'Main' },
      h('ul', null, NAV.filter(([, , who]) => !who || (session.user && session.user.role !== 'rep')).map(([href, label]) => h('li', null,
        h('a', { href, 'aria-current': href === `#/${route}` ? 'page' : null }, label))))),
    h('div', { class: 'who' },
      h('span', { class: 'who-name' }, session.user ? `${session.user.name}` : ''),
      session.user && session.user.role ? h('span', { class: 'badge' }, session.user.role) : null,
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out')));
}

async function signOut() {
  try { await del('/api/session'); } catch { /* already gone */ }
  session.user = null;
  setCsrf('');
  location.hash = '#/signin';
}

function showSignIn() {
  top.hidden = true;
  clear(top);
  if (main.querySelector('form.signin')) return; // keep what the user is typing
  renderSignIn(main, (data) => {
    session.user = data.user;
    session.workspace = data.workspace;
    setCsrf(data.csrf_token);
    setHomeZone(data.user && data.user.timezone);
    const target = sessionStorage.getItem('nextcall.after') || '#/today';
    sessionStorage.removeItem('nextcall.after');
    if (location.hash === target) route(); else location.hash = target;
  });
}

async function route() {
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  const hash = location.hash || '#/today';
  const [path, query = ''] = hash.slice(2).split('?');
  const parts = path.split('/');
  if (!session.user) {
    try {
      const s = await get('/api/session', { allow401: true });
      session.user = s.user;
      session.workspace = s.workspace;
      setCsrf(s.csrf_token);
      setHomeZone(s.user && s.user.timezone);
    } catch {
      if (parts[0] !== 'signin') sessionStorage.setItem('nextcall.after', hash);
      showSignIn();
      return;
    }
  }
  if (parts[0] === 'signin') { location.hash = '#/today'; return; }
  renderNav();
  clear(main);
  delete main.dataset.ready;
  const screens = {
    today: () => renderToday(main, parts[1]),
    contact: () => renderContact(main, parts[1]),
    contacts: () => renderContacts(main, query),
    reasons: () => renderReasons(main),
    changes: () => renderChanges(main),
    dashboard: () => renderDashboard(main),
    import: () => renderImport(main),
    coach: () => renderCoach(main),
    team: () => renderTeam(main, parts[1]),
  };
  const fn = screens[parts[0]] || screens.today;
  const c = fn();
  cleanup = typeof c === 'function' ? c : null;
}

setUnauthorizedHandler(() => {
  session.user = null;
  if (!location.hash.startsWith('#/signin')) {
    sessionStorage.setItem('nextcall.after', location.hash);
    showSignIn();
  }
});

window.addEventListener('hashchange', route);
route();
