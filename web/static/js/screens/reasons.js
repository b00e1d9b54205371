import { h, mount } from '../dom.js';

export function renderReasons(main) {
  mount(main, h('h1', null, 'Reasons'), h('p', { class: 'muted' }, 'Coming soon.'));
}
