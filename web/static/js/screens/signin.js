import { h, mount, field, errorBox } from '../dom.js';
import { post, ApiError } from '../api.js';

export function renderSignIn(main, onSignedIn) {
  const email = field('Email', { name: 'email', autocomplete: 'username', required: true }, 'email');
  const password = field('Password', { name: 'password', autocomplete: 'current-password', required: true }, 'password');
  const err = h('div', { class: 'form-error', 'aria-live': 'assertive' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'signin card', novalidate: true },
    h('h1', null, 'Sign in to nextcall'),
    h('p', { class: 'muted' }, 'Your calls for today, with a brief for each one.'),
    email, password, err, button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    mount(err);
    button.disabled = true;
    try {
      const data = await post('/api/session', { email: email.input.value.trim(), password: password.input.value }, { allow401: true });
      onSignedIn(data);
    } catch (ex) {
      let msg = ex.message;
      if (ex instanceof ApiError && ex.status === 429) msg = `Too many sign-in attempts. ${ex.message}`;
      mount(err, errorBox({ message: msg, fields: ex.fields }));
      password.input.select();
    } finally {
      button.disabled = false;
    }
  });
  mount(main, h('div', { class: 'signin-wrap' }, form));
  email.input.focus();
}
