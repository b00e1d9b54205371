// Tiny DOM helpers: everything is built with createElement/textContent, never innerHTML.
const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function mount(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

let fieldSeq = 0;
// A labelled form field. kind: input type, 'textarea' or 'select' (options: [[value,label]]).
export function field(label, attrs = {}, kind = 'text', options = []) {
  const id = attrs.id || `f${++fieldSeq}`;
  let input;
  if (kind === 'textarea') input = h('textarea', { ...attrs, id });
  else if (kind === 'select') {
    input = h('select', { ...attrs, id },
      options.map(([v, l]) => h('option', { value: v }, l)));
    if (attrs.value !== undefined) input.value = attrs.value;
  } else input = h('input', { type: kind, ...attrs, id });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input);
  wrap.input = input;
  return wrap;
}

export function announce(text) {
  const st = document.getElementById('status');
  if (!st) return;
  st.textContent = '';
  setTimeout(() => { st.textContent = text; }, 30);
}

export function fmtTime(epochSeconds, timeZone) {
  try {
    return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(epochSeconds * 1000));
  } catch { return new Date(epochSeconds * 1000).toISOString().slice(11, 16); }
}

// The rep's own zone, for times shown anywhere (set once signed in).
let homeZone = '';
export function setHomeZone(tz) { homeZone = tz || ''; }
export function getHomeZone() { return homeZone || Intl.DateTimeFormat().resolvedOptions().timeZone; }

// "Tue, Dec 1, 10:00 AM" at an instant in a zone.
export function fmtWhen(epochSeconds, timeZone) {
  const opts = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-US', { ...opts, timeZone: timeZone || getHomeZone() }).format(new Date(epochSeconds * 1000));
  } catch { return new Intl.DateTimeFormat('en-US', opts).format(new Date(epochSeconds * 1000)); }
}

// A date or an instant as the rep reads it: a plain date stays as it is; an instant
// ("2026-12-01T16:00:00Z" or epoch seconds) is shown in the rep's zone, and in the
// contact's too when `theirZone` is given and differs. Never UTC with a Z.
export function fmtDate(value, theirZone) {
  if (value === null || value === undefined || value === '') return '';
  let t = null;
  if (typeof value === 'number') t = value;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})$/.test(String(value))) t = Date.parse(String(value).replace(' ', 'T')) / 1000;
  if (t === null || Number.isNaN(t)) return String(value);
  const mine = fmtWhen(t);
  if (!theirZone || theirZone === getHomeZone()) return mine;
  const theirs = fmtTime(t, theirZone);
  return theirs === fmtTime(t, getHomeZone()) ? mine : `${mine} your time (${theirs} their time)`;
}

export function pct(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${Math.round(x * 100)}%`;
}

export function errorBox(err) {
  if (!err) return null;
  const fields = err.fields ? Object.entries(err.fields) : [];
  return h('div', { class: 'error', role: 'alert' }, err.message || String(err),
    fields.length ? h('ul', null, fields.map(([f, m]) => h('li', null, `${f}: ${m}`))) : null);
}

// A contact's role in words; "unknown" is what an import leaves when nothing said.
export function roleText(role) {
  return role === 'unknown' ? 'role not known yet' : String(role || '').replace(/_/g, ' ');
}
