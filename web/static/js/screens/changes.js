import { h, mount } from '../dom.js';

export function renderChanges(main) {
  mount(main, h('h1', null, 'Changes'), h('p', { class: 'muted' }, 'Coming soon.'));
}
