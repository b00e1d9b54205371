import { h, mount } from '../dom.js';

export function renderDashboard(main) {
  mount(main, h('h1', null, 'Dashboard'), h('p', { class: 'muted' }, 'Coming soon.'));
}
