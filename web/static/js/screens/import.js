import { h, mount } from '../dom.js';

export function renderImport(main) {
  mount(main, h('h1', null, 'Import'), h('p', { class: 'muted' }, 'Coming soon.'));
}
