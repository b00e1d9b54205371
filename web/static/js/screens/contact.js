import { h, mount } from '../dom.js';

export function renderContact(main) {
  mount(main, h('h1', null, 'Contact'), h('p', { class: 'muted' }, 'Coming soon.'));
}
