import { h, mount } from '../dom.js';

export function renderCoach(main) {
  mount(main, h('h1', null, 'Coach'), h('p', { class: 'muted' }, 'Coming soon.'));
}
